/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "attendance/cl-calendar.h"
#include "attendance/cl-code-table.h"

G_BEGIN_DECLS

#define CL_TYPE_REGISTER_GRID (cl_register_grid_get_type ())
G_DECLARE_FINAL_TYPE (ClRegisterGrid, cl_register_grid, CL, REGISTER_GRID, GtkWidget)

/* One academic year of a register drawn as a calendar: a row a week from
 * September to August, a column for each morning and afternoon from Monday
 * to Friday, month names and dates down the side. Each session is coloured
 * by the category of its mark; an unmarked session on a day the school is
 * closed is greyed. Hovering a session, or moving to it with the arrow keys,
 * tells its date, morning or afternoon, code and meaning (as a tooltip, and
 * as the accessible label for screen readers).
 *
 * Colours are the named colours register_*_color of style.css and
 * style-dark.css, so the dark and high-contrast styles draw it right. */
GtkWidget *cl_register_grid_new               (void);
/* Shows academic_year: marks holds a code id (0 = none) per session index
 * (cl-attendance-date.h), n_marks may be short of the year; day_kinds a
 * ClCalendarDay per day of the year from 1 September, or NULL when the
 * school calendar is not known; sessions after today are still to come. */
void       cl_register_grid_set_year          (ClRegisterGrid *self,
                                               int             academic_year,
                                               const guint8   *marks,
                                               gsize           n_marks,
                                               ClCodeTable    *codes,
                                               const guint8   *day_kinds,
                                               const char     *today);
void       cl_register_grid_clear             (ClRegisterGrid *self);
int        cl_register_grid_get_academic_year (ClRegisterGrid *self);
/* What the tooltip and a screen reader say of a session: "Thursday
 * 4 September 2025, afternoon: N, Reason for absence not yet established".
 * NULL for an index outside the year or on a weekend. */
char      *cl_register_grid_describe_session  (ClRegisterGrid *self,
                                               int             index);
/* The session the keyboard is on (-1 when none), and moving it. */
int        cl_register_grid_get_focus_session (ClRegisterGrid *self);
void       cl_register_grid_set_focus_session (ClRegisterGrid *self,
                                               int             index);

G_END_DECLS
