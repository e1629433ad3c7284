/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-attendance-item"

#include "config.h"

#include "ui/cl-attendance-item.h"

struct _ClAttendanceItem
{
  GObject             parent_instance;

  ClPupil            *pupil;
  ClAttendanceSummary summary;
};

G_DEFINE_FINAL_TYPE (ClAttendanceItem, cl_attendance_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ATTENDANCE_PERCENT,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

ClAttendanceItem *
cl_attendance_item_new (ClPupil                   *pupil,
                        const ClAttendanceSummary *summary)
{
  ClAttendanceItem *self;

  g_return_val_if_fail (CL_IS_PUPIL (pupil), NULL);
  g_return_val_if_fail (summary != NULL, NULL);

  self = g_object_new (CL_TYPE_ATTENDANCE_ITEM, NULL);
  self->pupil = g_object_ref (pupil);
  self->summary = *summary;
  return self;
}

ClPupil *
cl_attendance_item_get_pupil (ClAttendanceItem *self)
{
  g_return_val_if_fail (CL_IS_ATTENDANCE_ITEM (self), NULL);
  return self->pupil;
}

gint64
cl_attendance_item_get_pupil_id (ClAttendanceItem *self)
{
  g_return_val_if_fail (CL_IS_ATTENDANCE_ITEM (self), 0);
  return cl_pupil_get_id (self->pupil);
}

const char *
cl_attendance_item_get_name (ClAttendanceItem *self)
{
  g_return_val_if_fail (CL_IS_ATTENDANCE_ITEM (self), NULL);
  return cl_pupil_get_sort_name (self->pupil);
}

double
cl_attendance_item_get_attendance_percent (ClAttendanceItem *self)
{
  g_return_val_if_fail (CL_IS_ATTENDANCE_ITEM (self), 0.0);
  return self->summary.attendance_percent;
}

const ClAttendanceSummary *
cl_attendance_item_get_summary (ClAttendanceItem *self)
{
  g_return_val_if_fail (CL_IS_ATTENDANCE_ITEM (self), NULL);
  return &self->summary;
}

static void
cl_attendance_item_dispose (GObject *object)
{
  ClAttendanceItem *self = CL_ATTENDANCE_ITEM (object);

  g_clear_object (&self->pupil);

  G_OBJECT_CLASS (cl_attendance_item_parent_class)->dispose (object);
}

static void
cl_attendance_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ClAttendanceItem *self = CL_ATTENDANCE_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->pupil != NULL ? cl_pupil_get_sort_name (self->pupil)
                                                     : NULL);
      break;
    case PROP_ATTENDANCE_PERCENT:
      g_value_set_double (value, self->summary.attendance_percent);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_attendance_item_class_init (ClAttendanceItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cl_attendance_item_dispose;
  object_class->get_property = cl_attendance_item_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_ATTENDANCE_PERCENT] =
    g_param_spec_double ("attendance-percent", NULL, NULL, 0.0, 100.0, 0.0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_attendance_item_init (ClAttendanceItem *self)
{
}
