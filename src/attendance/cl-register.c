/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-attendance"

#include "config.h"

#include <string.h>

#include "attendance/cl-attendance-date.h"
#include "attendance/cl-attendance-private.h"
#include "attendance/cl-register.h"

struct _ClRegister
{
  GObject  parent_instance;

  gint64   pupil_id;
  gint64   school_id;
  int      academic_year;
  guint    n_marks;
  guint8   marks[CL_REGISTER_MAX_SESSIONS];
};

G_DEFINE_FINAL_TYPE (ClRegister, cl_register, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PUPIL_ID,
  PROP_SCHOOL_ID,
  PROP_ACADEMIC_YEAR,
  PROP_N_MARKS,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
cl_register_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ClRegister *self = CL_REGISTER (object);

  switch (prop_id)
    {
    case PROP_PUPIL_ID:
      g_value_set_int64 (value, self->pupil_id);
      break;
    case PROP_SCHOOL_ID:
      g_value_set_int64 (value, self->school_id);
      break;
    case PROP_ACADEMIC_YEAR:
      g_value_set_int (value, self->academic_year);
      break;
    case PROP_N_MARKS:
      g_value_set_uint (value, self->n_marks);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_register_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ClRegister *self = CL_REGISTER (object);

  switch (prop_id)
    {
    case PROP_PUPIL_ID:
      self->pupil_id = g_value_get_int64 (value);
      break;
    case PROP_SCHOOL_ID:
      self->school_id = g_value_get_int64 (value);
      break;
    case PROP_ACADEMIC_YEAR:
      self->academic_year = g_value_get_int (value);
      break;
    case PROP_N_MARKS:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_register_class_init (ClRegisterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = cl_register_get_property;
  object_class->set_property = cl_register_set_property;

  properties[PROP_PUPIL_ID] =
    g_param_spec_int64 ("pupil-id", NULL, NULL, 0, G_MAXINT64, 0, co);
  properties[PROP_SCHOOL_ID] =
    g_param_spec_int64 ("school-id", NULL, NULL, 0, G_MAXINT64, 0, co);
  properties[PROP_ACADEMIC_YEAR] =
    g_param_spec_int ("academic-year", NULL, NULL, 1990, 2200, 2025, co);
  properties[PROP_N_MARKS] =
    g_param_spec_uint ("n-marks", NULL, NULL, 0, CL_REGISTER_MAX_SESSIONS, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_register_init (ClRegister *self)
{
}

ClRegister *
cl_register_new (gint64 pupil_id,
                 gint64 school_id,
                 int    academic_year)
{
  g_return_val_if_fail (academic_year >= 1990 && academic_year <= 2200, NULL);

  return g_object_new (CL_TYPE_REGISTER,
                       "pupil-id", pupil_id,
                       "school-id", school_id,
                       "academic-year", academic_year,
                       NULL);
}

ClRegister *
cl_register_new_from_data (gint64        pupil_id,
                           gint64        school_id,
                           int           academic_year,
                           const guint8 *marks,
                           gsize         n_marks)
{
  ClRegister *self;

  g_return_val_if_fail (marks != NULL || n_marks == 0, NULL);

  if (n_marks > (gsize) cl_academic_year_n_sessions (academic_year))
    return NULL;
  self = cl_register_new (pupil_id, school_id, academic_year);
  if (self != NULL && n_marks > 0)
    {
      memcpy (self->marks, marks, n_marks);
      self->n_marks = (guint) n_marks;
    }
  return self;
}

ClRegister *
cl_register_copy (ClRegister *self)
{
  g_return_val_if_fail (CL_IS_REGISTER (self), NULL);
  return cl_register_new_from_data (self->pupil_id, self->school_id, self->academic_year,
                                    self->marks, self->n_marks);
}

gint64
cl_register_get_pupil_id (ClRegister *self)
{
  g_return_val_if_fail (CL_IS_REGISTER (self), 0);
  return self->pupil_id;
}

gint64
cl_register_get_school_id (ClRegister *self)
{
  g_return_val_if_fail (CL_IS_REGISTER (self), 0);
  return self->school_id;
}

int
cl_register_get_academic_year (ClRegister *self)
{
  g_return_val_if_fail (CL_IS_REGISTER (self), 0);
  return self->academic_year;
}

guint
cl_register_get_n_marks (ClRegister *self)
{
  g_return_val_if_fail (CL_IS_REGISTER (self), 0);
  return self->n_marks;
}

const guint8 *
cl_register_get_marks (ClRegister *self,
                       gsize      *n_marks)
{
  g_return_val_if_fail (CL_IS_REGISTER (self), NULL);
  if (n_marks != NULL)
    *n_marks = self->n_marks;
  return self->marks;
}

GBytes *
cl_register_get_bytes (ClRegister *self)
{
  g_return_val_if_fail (CL_IS_REGISTER (self), NULL);
  return g_bytes_new (self->marks, self->n_marks);
}

guint8 *
cl_register_get_buffer (ClRegister *self)
{
  return self->marks;
}

void
cl_register_set_n_marks (ClRegister *self,
                         guint       n_marks)
{
  g_assert (n_marks <= (guint) cl_academic_year_n_sessions (self->academic_year));
  if (n_marks > self->n_marks)
    self->n_marks = n_marks;
  else
    {
      /* Shrinking forgets the marks past the end. */
      memset (self->marks + n_marks, 0, self->n_marks - n_marks);
      self->n_marks = n_marks;
    }
}

guint8
cl_register_get_mark_at (ClRegister *self,
                         int         index)
{
  g_return_val_if_fail (CL_IS_REGISTER (self), 0);

  if (index < 0 || (guint) index >= self->n_marks)
    return 0;
  return self->marks[index];
}

guint8
cl_register_get_mark (ClRegister *self,
                      const char *date,
                      gboolean    pm)
{
  g_return_val_if_fail (CL_IS_REGISTER (self), 0);
  return cl_register_get_mark_at (self, cl_session_index (self->academic_year, date, pm));
}

gboolean
cl_register_set_mark_at (ClRegister *self,
                         int         index,
                         guint8      code_id)
{
  g_return_val_if_fail (CL_IS_REGISTER (self), FALSE);

  if (index < 0 || index >= cl_academic_year_n_sessions (self->academic_year))
    return FALSE;
  if ((guint) index >= self->n_marks)
    {
      if (code_id == 0)
        return TRUE;
      self->n_marks = (guint) index + 1;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MARKS]);
    }
  self->marks[index] = code_id;
  return TRUE;
}

gboolean
cl_register_set_mark_on (ClRegister *self,
                         const char *date,
                         gboolean    pm,
                         guint8      code_id)
{
  g_return_val_if_fail (CL_IS_REGISTER (self), FALSE);
  return cl_register_set_mark_at (self, cl_session_index (self->academic_year, date, pm), code_id);
}

guint
cl_register_fill (ClRegister *self,
                  const char *from,
                  const char *to,
                  guint8      am_code,
                  guint8      pm_code,
                  gboolean    skip_weekends)
{
  guint32 first, j_from, j_to;
  guint written = 0;

  g_return_val_if_fail (CL_IS_REGISTER (self), 0);

  if (!cl_attendance_date_to_julian (from, &j_from) || !cl_attendance_date_to_julian (to, &j_to))
    return 0;
  first = cl_academic_year_first_julian (self->academic_year);
  for (guint32 j = MAX (j_from, first); j <= j_to; j++)
    {
      int index = (int) (j - first) * 2;

      if (index + 1 >= cl_academic_year_n_sessions (self->academic_year))
        break;
      if (skip_weekends && cl_attendance_julian_weekday (j) >= 5)
        continue;
      cl_register_set_mark_at (self, index, am_code);
      cl_register_set_mark_at (self, index + 1, pm_code);
      written += 2;
    }
  return written;
}
