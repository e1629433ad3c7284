/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/cl-database.h"

G_BEGIN_DECLS

/* "Write Letters": a template, the pupils (every pupil at a school whose
 * attendance is below a percentage, or pupils chosen one by one), the
 * values the database cannot know (a meeting's date …), and one PDF or one
 * file per letter. It says how many letters will go to how many families,
 * writes them as drafts on a worker thread (with progress, cancellable)
 * for a preview, and then — when the officer keeps them — writes them where
 * asked and keeps every letter as sent, in the pupil's case chronology too.
 * Emits "sent" after letters have been kept. */
#define CL_TYPE_MAIL_MERGE_DIALOG (cl_mail_merge_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ClMailMergeDialog, cl_mail_merge_dialog, CL, MAIL_MERGE_DIALOG, AdwWindow)

ClMailMergeDialog *cl_mail_merge_dialog_new          (GtkWindow         *parent,
                                                      ClDatabase        *db);
/* Chooses the template by name. */
void               cl_mail_merge_dialog_set_template (ClMailMergeDialog *self,
                                                      const char        *name);
/* Letters about this pupil (added to the pupils chosen one by one). */
void               cl_mail_merge_dialog_add_pupil    (ClMailMergeDialog *self,
                                                      gint64             pupil_id);
/* Every pupil at this school below percent. */
void               cl_mail_merge_dialog_set_school   (ClMailMergeDialog *self,
                                                      gint64             school_id,
                                                      double             below_percent);

G_END_DECLS
