/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "casework/cl-case-event.h"

G_BEGIN_DECLS

/* One correction of a case event: the event as it stood before the
 * correction (a ClCaseEvent holding the old values), who corrected it, when
 * (UTC timestamp) and why. Correction number 1 holds the text as first
 * recorded. */
#define CL_TYPE_CASE_EVENT_REVISION (cl_case_event_revision_get_type ())
G_DECLARE_FINAL_TYPE (ClCaseEventRevision, cl_case_event_revision, CL, CASE_EVENT_REVISION,
                      GObject)

ClCaseEventRevision *cl_case_event_revision_new            (guint        revision,
                                                            ClCaseEvent *old,
                                                            const char  *changed_by,
                                                            const char  *changed_at,
                                                            const char  *reason);
guint                cl_case_event_revision_get_revision   (ClCaseEventRevision *self);
/* The event's values before this correction. */
ClCaseEvent         *cl_case_event_revision_get_old        (ClCaseEventRevision *self);
const char          *cl_case_event_revision_get_changed_by (ClCaseEventRevision *self);
const char          *cl_case_event_revision_get_changed_at (ClCaseEventRevision *self);
const char          *cl_case_event_revision_get_reason     (ClCaseEventRevision *self);

G_END_DECLS
