/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "casework/cl-case-repository.h"

G_BEGIN_DECLS

#define CL_TYPE_EVENT_DIALOG (cl_event_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ClEventDialog, cl_event_dialog, CL, EVENT_DIALOG, AdwWindow)

/* The form of one chronology event: its type (and the kind of meeting or
 * the partner where that applies), date, time, duration, who took part,
 * summary, outcome, the assessment's four fields for an assessment, the
 * next action with its kind and due date, and the miles driven. Checked as
 * it is typed with cl_case_event_validate; the first problem is shown under
 * the form and its field marked. Save adds the event, or for a correction
 * (the form filled from an event, with a reason required) corrects it; the
 * original stays in the event's revisions. Emits "saved" with the stored
 * event, then closes. Closing with changes asks Save, Discard or Cancel. */
ClEventDialog *cl_event_dialog_new_add     (GtkWindow        *parent,
                                            ClCaseRepository *repository,
                                            gint64            case_id);
ClEventDialog *cl_event_dialog_new_correct (GtkWindow        *parent,
                                            ClCaseRepository *repository,
                                            ClCaseEvent      *event);
gboolean       cl_event_dialog_is_correction (ClEventDialog  *self);
gboolean       cl_event_dialog_get_dirty   (ClEventDialog    *self);
gboolean       cl_event_dialog_get_valid   (ClEventDialog    *self);
/* As the Save button: TRUE when the event was stored. */
gboolean       cl_event_dialog_save        (ClEventDialog    *self);

G_END_DECLS
