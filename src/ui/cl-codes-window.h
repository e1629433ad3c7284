/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/cl-database.h"

G_BEGIN_DECLS

#define CL_TYPE_CODES_WINDOW (cl_codes_window_get_type ())
G_DECLARE_FINAL_TYPE (ClCodesWindow, cl_codes_window, CL, CODES_WINDOW, AdwPreferencesWindow)

/* The attendance codes of each code set (England 2024, England 2006, Wales
 * 2010): code, meaning and statistical category. The category of a code
 * the sources leave unverified (Q, X, Y1–Y7) can be changed here
 * (cl_code_table_set_category); the others are shown only. Emits
 * "category-changed" after a change has been saved. */
ClCodesWindow *cl_codes_window_new (GtkWindow  *parent,
                                    ClDatabase *db);

G_END_DECLS
