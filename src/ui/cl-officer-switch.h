/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/cl-database.h"

G_BEGIN_DECLS

#define CL_TYPE_OFFICER_SWITCH (cl_officer_switch_get_type ())
G_DECLARE_FINAL_TYPE (ClOfficerSwitch, cl_officer_switch, CL, OFFICER_SWITCH, GtkWidget)

/* "Signed in as Kirsty Green": which officer is using Caseload, for a small
 * team sharing one database on one machine. Choosing another officer in its
 * popover records the choice in GSettings (current-officer), makes the
 * database's actor "officer:<id>" (so the audit log and the chronology say
 * who did what) and notifies "officer-id"; the caseload follows.
 *
 * With officers in the database and none chosen yet (or the one chosen not
 * among them), the first education welfare officer by name is taken. */
GtkWidget  *cl_officer_switch_new              (void);
/* settings may be NULL (no schema installed): the choice is then kept for
 * this window only. */
void        cl_officer_switch_set_database     (ClOfficerSwitch *self,
                                                ClDatabase      *db,
                                                GSettings       *settings);
/* Reads the officers again (after the demo data arrives, say). */
gboolean    cl_officer_switch_reload           (ClOfficerSwitch *self,
                                                GError         **error);
/* 0 when the database has no officers. */
gint64      cl_officer_switch_get_officer_id   (ClOfficerSwitch *self);
void        cl_officer_switch_set_officer_id   (ClOfficerSwitch *self,
                                                gint64           officer_id);
const char *cl_officer_switch_get_officer_name (ClOfficerSwitch *self);
/* ClOfficer items, by name. */
GListModel *cl_officer_switch_get_officers     (ClOfficerSwitch *self);

G_END_DECLS
