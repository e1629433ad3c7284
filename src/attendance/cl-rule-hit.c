/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-attendance"

#include "config.h"

#include "attendance/cl-attendance-private.h"
#include "attendance/cl-rule-hit.h"

struct _ClRuleHit
{
  GObject  parent_instance;

  char    *rule_id;
  gint64   pupil_id;
  gint64   school_id;
  char    *since;
  guint    sessions;
  char    *window_start;
  char    *window_end;
  GStrv    dates;
  GStrv    session_labels;
  char    *description;
};

G_DEFINE_FINAL_TYPE (ClRuleHit, cl_rule_hit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RULE_ID,
  PROP_PUPIL_ID,
  PROP_SCHOOL_ID,
  PROP_SINCE,
  PROP_SESSIONS,
  PROP_WINDOW_START,
  PROP_WINDOW_END,
  PROP_DATES,
  PROP_SESSION_LABELS,
  PROP_DESCRIPTION,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
cl_rule_hit_finalize (GObject *object)
{
  ClRuleHit *self = CL_RULE_HIT (object);

  g_free (self->rule_id);
  g_free (self->since);
  g_free (self->window_start);
  g_free (self->window_end);
  g_strfreev (self->dates);
  g_strfreev (self->session_labels);
  g_free (self->description);

  G_OBJECT_CLASS (cl_rule_hit_parent_class)->finalize (object);
}

static void
cl_rule_hit_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ClRuleHit *self = CL_RULE_HIT (object);

  switch (prop_id)
    {
    case PROP_RULE_ID:
      g_value_set_string (value, self->rule_id);
      break;
    case PROP_PUPIL_ID:
      g_value_set_int64 (value, self->pupil_id);
      break;
    case PROP_SCHOOL_ID:
      g_value_set_int64 (value, self->school_id);
      break;
    case PROP_SINCE:
      g_value_set_string (value, self->since);
      break;
    case PROP_SESSIONS:
      g_value_set_uint (value, self->sessions);
      break;
    case PROP_WINDOW_START:
      g_value_set_string (value, self->window_start);
      break;
    case PROP_WINDOW_END:
      g_value_set_string (value, self->window_end);
      break;
    case PROP_DATES:
      g_value_set_boxed (value, self->dates);
      break;
    case PROP_SESSION_LABELS:
      g_value_set_boxed (value, self->session_labels);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_rule_hit_class_init (ClRuleHitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cl_rule_hit_finalize;
  object_class->get_property = cl_rule_hit_get_property;

  properties[PROP_RULE_ID] = g_param_spec_string ("rule-id", NULL, NULL, NULL, ro);
  properties[PROP_PUPIL_ID] = g_param_spec_int64 ("pupil-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_SCHOOL_ID] = g_param_spec_int64 ("school-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_SINCE] = g_param_spec_string ("since", NULL, NULL, NULL, ro);
  properties[PROP_SESSIONS] = g_param_spec_uint ("sessions", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_WINDOW_START] = g_param_spec_string ("window-start", NULL, NULL, NULL, ro);
  properties[PROP_WINDOW_END] = g_param_spec_string ("window-end", NULL, NULL, NULL, ro);
  properties[PROP_DATES] = g_param_spec_boxed ("dates", NULL, NULL, G_TYPE_STRV, ro);
  properties[PROP_SESSION_LABELS] =
    g_param_spec_boxed ("session-labels", NULL, NULL, G_TYPE_STRV, ro);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_rule_hit_init (ClRuleHit *self)
{
}

ClRuleHit *
cl_rule_hit_new (const char *rule_id,
                 gint64      pupil_id,
                 gint64      school_id,
                 const char *since,
                 guint       sessions,
                 const char *window_start,
                 const char *window_end,
                 GStrv       dates,
                 GStrv       session_labels,
                 const char *description)
{
  ClRuleHit *self = g_object_new (CL_TYPE_RULE_HIT, NULL);

  self->rule_id = g_strdup (rule_id);
  self->pupil_id = pupil_id;
  self->school_id = school_id;
  self->since = g_strdup (since);
  self->sessions = sessions;
  self->window_start = g_strdup (window_start);
  self->window_end = g_strdup (window_end);
  self->dates = dates != NULL ? dates : g_new0 (char *, 1);
  self->session_labels = session_labels != NULL ? session_labels : g_new0 (char *, 1);
  self->description = g_strdup (description);
  return self;
}

const char *
cl_rule_hit_get_rule_id (ClRuleHit *self)
{
  g_return_val_if_fail (CL_IS_RULE_HIT (self), NULL);
  return self->rule_id;
}

gint64
cl_rule_hit_get_pupil_id (ClRuleHit *self)
{
  g_return_val_if_fail (CL_IS_RULE_HIT (self), 0);
  return self->pupil_id;
}

gint64
cl_rule_hit_get_school_id (ClRuleHit *self)
{
  g_return_val_if_fail (CL_IS_RULE_HIT (self), 0);
  return self->school_id;
}

const char *
cl_rule_hit_get_since (ClRuleHit *self)
{
  g_return_val_if_fail (CL_IS_RULE_HIT (self), NULL);
  return self->since;
}

guint
cl_rule_hit_get_sessions (ClRuleHit *self)
{
  g_return_val_if_fail (CL_IS_RULE_HIT (self), 0);
  return self->sessions;
}

const char *
cl_rule_hit_get_window_start (ClRuleHit *self)
{
  g_return_val_if_fail (CL_IS_RULE_HIT (self), NULL);
  return self->window_start;
}

const char *
cl_rule_hit_get_window_end (ClRuleHit *self)
{
  g_return_val_if_fail (CL_IS_RULE_HIT (self), NULL);
  return self->window_end;
}

const char * const *
cl_rule_hit_get_dates (ClRuleHit *self)
{
  g_return_val_if_fail (CL_IS_RULE_HIT (self), NULL);
  return (const char * const *) self->dates;
}

const char * const *
cl_rule_hit_get_session_labels (ClRuleHit *self)
{
  g_return_val_if_fail (CL_IS_RULE_HIT (self), NULL);
  return (const char * const *) self->session_labels;
}

const char *
cl_rule_hit_get_description (ClRuleHit *self)
{
  g_return_val_if_fail (CL_IS_RULE_HIT (self), NULL);
  return self->description;
}
