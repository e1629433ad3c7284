/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "attendance/cl-calendar.h"
#include "people/cl-school.h"
#include "store/cl-database.h"

G_BEGIN_DECLS

#define CL_TYPE_CALENDAR_DIALOG (cl_calendar_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ClCalendarDialog, cl_calendar_dialog, CL, CALENDAR_DIALOG, AdwWindow)

/* A school's calendar for one academic year (this year at first): its terms,
 * holidays, INSET days, bank holidays and closures in date order, and the
 * days open to pupils. Entries are added, removed or replaced by the standard
 * English calendar through ClCalendar, and every change is saved at once with
 * cl_calendar_save. Closing with an entry typed but not added asks first. */
ClCalendarDialog *cl_calendar_dialog_new               (GtkWindow        *parent,
                                                        ClDatabase       *db,
                                                        ClSchool         *school);
int               cl_calendar_dialog_get_academic_year (ClCalendarDialog *self);
void              cl_calendar_dialog_set_academic_year (ClCalendarDialog *self,
                                                        int               academic_year);
/* The calendar shown, as last saved (transfer none). */
ClCalendar       *cl_calendar_dialog_get_calendar      (ClCalendarDialog *self);
/* TRUE when the add form holds typed text not yet added. */
gboolean          cl_calendar_dialog_get_dirty         (ClCalendarDialog *self);
/* As the Add button: TRUE when the typed entry was added and saved. */
gboolean          cl_calendar_dialog_add               (ClCalendarDialog *self);
/* As the Remove button of the entry at index (in date order). */
gboolean          cl_calendar_dialog_remove            (ClCalendarDialog *self,
                                                        guint             index);

G_END_DECLS
