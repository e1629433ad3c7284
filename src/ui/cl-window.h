/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/cl-database.h"
#include "ui/cl-application.h"

G_BEGIN_DECLS

#define CL_TYPE_WINDOW (cl_window_get_type ())
G_DECLARE_FINAL_TYPE (ClWindow, cl_window, CL, WINDOW, AdwApplicationWindow)

/* The main window over one open database: a sidebar of areas (Caseload,
 * Pupils, Schools, Legal, Contracts, Reports) and the page of the chosen one;
 * on a first start with an empty database, the welcome page instead. */
ClWindow   *cl_window_new          (ClApplication *application,
                                    ClDatabase    *db);
ClDatabase *cl_window_get_database (ClWindow      *self);
/* Shows an area by name: "caseload", "pupils", "schools", "legal",
 * "contracts" or "reports". */
void        cl_window_show_page    (ClWindow      *self,
                                    const char    *name);
void        cl_window_add_toast    (ClWindow      *self,
                                    AdwToast      *toast);

G_END_DECLS
