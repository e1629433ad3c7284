/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The placeholders a letter template may use, written {group.name} in the
 * template. This registry is the only list: a template naming anything else
 * is refused when saved, and the template editor builds its placeholder menu
 * from it (grouped, with the description as the menu text's tooltip and the
 * example for a preview without real data). */
typedef struct
{
  const char *name;          /* "pupil.forename" */
  const char *group;         /* untranslated group label, e.g. "Pupil": use _() */
  const char *description;   /* untranslated, use _() */
  const char *example;       /* a sample value for previews */
} ClPlaceholder;

/* Every placeholder, in menu order. */
const ClPlaceholder *cl_placeholders_get_all (guint      *n_placeholders);
/* NULL when name (without braces) is not a placeholder. */
const ClPlaceholder *cl_placeholder_lookup   (const char *name);

/* Every date placeholder has a Welsh form, its name with this suffix, for
 * the Welsh half of a bilingual letter: {attendance.from.cy} is
 * "1 Medi 2025" where {attendance.from} is "1 September 2025", and
 * {meeting.date.cy} "Dydd Iau 26 Mawrth 2026". The Welsh forms are in the
 * registry like any other placeholder (group "Dates in Welsh"), and are
 * filled wherever the English date is. */
#define CL_PLACEHOLDER_WELSH_SUFFIX ".cy"

/* A block instruction on a line of its own in a template body:
 * [signature] places the signature block (else it ends the letter),
 * [attendance] a table of the attendance figures, [page-break] a new page. */
#define CL_TEMPLATE_DIRECTIVE_SIGNATURE  "[signature]"
#define CL_TEMPLATE_DIRECTIVE_ATTENDANCE "[attendance]"
#define CL_TEMPLATE_DIRECTIVE_PAGE_BREAK "[page-break]"

/* What fills a placeholder that has no value: a line to write on. */
#define CL_PLACEHOLDER_BLANK "______________"

G_END_DECLS
