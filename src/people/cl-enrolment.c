/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-enrolment"

#include "config.h"

#include "people/cl-enrolment.h"

struct _ClEnrolment
{
  GObject  parent_instance;
  gint64   id;
  gint64   pupil_id;
  gint64   school_id;
  char    *school_name;
  char    *start_date;
  char    *end_date;
};

G_DEFINE_FINAL_TYPE (ClEnrolment, cl_enrolment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SCHOOL_NAME,
  PROP_START_DATE,
  PROP_END_DATE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
cl_enrolment_finalize (GObject *object)
{
  ClEnrolment *self = CL_ENROLMENT (object);
  g_free (self->school_name);
  g_free (self->start_date);
  g_free (self->end_date);
  G_OBJECT_CLASS (cl_enrolment_parent_class)->finalize (object);
}

static void
cl_enrolment_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  ClEnrolment *self = CL_ENROLMENT (object);

  switch (prop_id)
    {
    case PROP_SCHOOL_NAME:
      g_value_set_string (value, self->school_name);
      break;
    case PROP_START_DATE:
      g_value_set_string (value, self->start_date);
      break;
    case PROP_END_DATE:
      g_value_set_string (value, self->end_date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_enrolment_class_init (ClEnrolmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cl_enrolment_finalize;
  object_class->get_property = cl_enrolment_get_property;
  properties[PROP_SCHOOL_NAME] = g_param_spec_string ("school-name", NULL, NULL, NULL, ro);
  properties[PROP_START_DATE] = g_param_spec_string ("start-date", NULL, NULL, NULL, ro);
  properties[PROP_END_DATE] = g_param_spec_string ("end-date", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_enrolment_init (ClEnrolment *self)
{
}

ClEnrolment *
cl_enrolment_new (gint64      id,
                  gint64      pupil_id,
                  gint64      school_id,
                  const char *school_name,
                  const char *start_date,
                  const char *end_date)
{
  ClEnrolment *self = g_object_new (CL_TYPE_ENROLMENT, NULL);

  self->id = id;
  self->pupil_id = pupil_id;
  self->school_id = school_id;
  self->school_name = g_strdup (school_name);
  self->start_date = g_strdup (start_date);
  self->end_date = g_strdup (end_date);
  return self;
}

gint64 cl_enrolment_get_id (ClEnrolment *self) { return self->id; }
gint64 cl_enrolment_get_pupil_id (ClEnrolment *self) { return self->pupil_id; }
gint64 cl_enrolment_get_school_id (ClEnrolment *self) { return self->school_id; }
const char *cl_enrolment_get_school_name (ClEnrolment *self) { return self->school_name; }
const char *cl_enrolment_get_start_date (ClEnrolment *self) { return self->start_date; }
const char *cl_enrolment_get_end_date (ClEnrolment *self) { return self->end_date; }

gboolean
cl_enrolment_is_current (ClEnrolment *self)
{
  return self->end_date == NULL;
}
