/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "attendance/cl-attendance-stats.h"
#include "documents/cl-document.h"
#include "documents/cl-letter-template.h"
#include "store/cl-database.h"

G_BEGIN_DECLS

/* A letter is a template filled with values (placeholder name → text) and
 * laid out on the letterhead: recipient and date block, the title as the
 * subject line, the body, the officer's signature. Values come from the
 * database for a real letter, or from the placeholders' examples for a
 * preview. */

typedef struct
{
  const char *from;        /* attendance period, ISO; NULL: 1 September of this year */
  const char *to;          /* NULL: today */
  gint64      officer_id;  /* 0: the school's link officer, else the first active officer */
  /* Values for the placeholders the database cannot know ({meeting.date},
   * {visit.date}, {improvement.end} …): name → text. ISO dates given for
   * *.date and improvement.end are written out ("Thursday 26 March 2026"),
   * and fill the Welsh form too ({meeting.date.cy}: "Dydd Iau 26 Mawrth
   * 2026") unless that is given itself. May be NULL. */
  GHashTable *extra;
  /* The letterhead in the settings, for a caller writing many letters to
   * load once; NULL: loaded for each letter. */
  const ClLetterhead *letterhead;
} ClLetterOptions;

/* "20 March 2026", or "Friday 20 March 2026" with weekday; NULL when iso is
 * not a date. */
char        *cl_letter_format_date     (const char             *iso,
                                        gboolean                weekday);
/* The same in Welsh, whatever the language of the interface: "20 Mawrth
 * 2026", "Dydd Gwener 20 Mawrth 2026". */
char        *cl_letter_format_date_welsh (const char           *iso,
                                          gboolean              weekday);

/* Every placeholder's value for one pupil and one of their guardians (who
 * must be linked to the pupil), plus private keys the layout uses. A
 * placeholder with nothing to fill it is left out of the table (and so
 * reported missing when the letter is built). */
GHashTable  *cl_letter_values_for      (ClDatabase             *db,
                                        gint64                  pupil_id,
                                        gint64                  guardian_id,
                                        const ClLetterOptions  *options,
                                        GError                **error);
/* The registry's example values, for previews. */
GHashTable  *cl_letter_values_sample   (void);

/* Lays out the filled letter. signature (may be NULL) is the officer's
 * signature image. Placeholder names without a value are appended to
 * missing (when given) and printed as a blank line. */
ClDocument  *cl_letter_build           (ClLetterTemplate       *tmpl,
                                        GHashTable             *values,
                                        const ClLetterhead     *letterhead,
                                        cairo_surface_t        *signature,
                                        GPtrArray              *missing);
/* The template with sample values on the stored letterhead: the editor's
 * live preview. */
ClDocument  *cl_letter_build_sample    (ClLetterTemplate       *tmpl,
                                        const ClLetterhead     *letterhead);

/* Links a sent letter into the chronology of the pupil's open case: adds a
 * "letter" event dated on_date (ISO) saying what was sent, and sets the sent
 * document's case. Does nothing (and returns TRUE) when the pupil has no
 * open case; *out_case_id is then 0. */
gboolean     cl_letters_record_in_case (ClDatabase             *db,
                                        gint64                  sent_document_id,
                                        gint64                  pupil_id,
                                        const char             *summary,
                                        const char             *on_date,
                                        gint64                 *out_case_id,
                                        GError                **error);

G_END_DECLS
