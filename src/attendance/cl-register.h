/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One pupil's register at one school for one academic year, held in memory:
 * the session marks as attendance-code ids (see cl-attendance-date.h for the
 * session numbering; 0 = no mark). Changing marks here changes only this
 * object: save with cl_register_store_many() or edit the database with
 * cl_register_set_mark() (cl-register-repository.h). */
#define CL_TYPE_REGISTER (cl_register_get_type ())
G_DECLARE_FINAL_TYPE (ClRegister, cl_register, CL, REGISTER, GObject)

ClRegister   *cl_register_new             (gint64        pupil_id,
                                           gint64        school_id,
                                           int           academic_year);
/* n_marks may be shorter than the year; longer data is refused (NULL). */
ClRegister   *cl_register_new_from_data   (gint64        pupil_id,
                                           gint64        school_id,
                                           int           academic_year,
                                           const guint8 *marks,
                                           gsize         n_marks);
ClRegister   *cl_register_copy            (ClRegister   *self);

gint64        cl_register_get_pupil_id     (ClRegister   *self);
gint64        cl_register_get_school_id    (ClRegister   *self);
int           cl_register_get_academic_year (ClRegister  *self);
/* Number of sessions held (the highest marked session + 1, at most the year's). */
guint         cl_register_get_n_marks      (ClRegister   *self);
const guint8 *cl_register_get_marks        (ClRegister   *self,
                                            gsize        *n_marks);
GBytes       *cl_register_get_bytes        (ClRegister   *self);

/* The mark for a session (0 when none, or when the date is outside the year). */
guint8        cl_register_get_mark         (ClRegister   *self,
                                            const char   *date,
                                            gboolean      pm);
guint8        cl_register_get_mark_at      (ClRegister   *self,
                                            int           index);
/* In memory only. FALSE when the session is outside the academic year. */
gboolean      cl_register_set_mark_at      (ClRegister   *self,
                                            int           index,
                                            guint8        code_id);
gboolean      cl_register_set_mark_on      (ClRegister   *self,
                                            const char   *date,
                                            gboolean      pm,
                                            guint8        code_id);
/* Marks every session from..to (inclusive dates, both sessions) with code_id;
 * weekends are skipped when skip_weekends. Returns the sessions written. */
guint         cl_register_fill             (ClRegister   *self,
                                            const char   *from,
                                            const char   *to,
                                            guint8        am_code,
                                            guint8        pm_code,
                                            gboolean      skip_weekends);

G_END_DECLS
