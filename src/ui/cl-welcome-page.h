/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CL_TYPE_WELCOME_PAGE (cl_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (ClWelcomePage, cl_welcome_page, CL, WELCOME_PAGE, GtkWidget)

/* The first-start page shown on an empty database. Emits "explore" (fill
 * the database with demo data), "start-empty" and, while busy, "cancel". */
GtkWidget *cl_welcome_page_new          (void);
void       cl_welcome_page_set_busy     (ClWelcomePage *self,
                                         gboolean       busy);
void       cl_welcome_page_set_progress (ClWelcomePage *self,
                                         double         fraction,
                                         const char    *text);

G_END_DECLS
