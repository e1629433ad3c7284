/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/cl-database.h"

G_BEGIN_DECLS

#define CL_TYPE_ATTENDANCE_CARD (cl_attendance_card_get_type ())
G_DECLARE_FINAL_TYPE (ClAttendanceCard, cl_attendance_card, CL, ATTENDANCE_CARD, GtkWidget)

/* One pupil's attendance this academic year to date, as the core computes
 * it (cl_attendance_summary_for_pupil): attendance and absence percentages,
 * the session counts, persistent and severe absence badges, and the
 * attendance rules (cl_rules_evaluate_pupil) the pupil meets today. */
GtkWidget *cl_attendance_card_new        (void);
/* Reads and shows the figures of pupil_id. */
void       cl_attendance_card_show_pupil (ClAttendanceCard *self,
                                          ClDatabase       *db,
                                          gint64            pupil_id);
void       cl_attendance_card_clear      (ClAttendanceCard *self);

G_END_DECLS
