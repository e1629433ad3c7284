/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-case-event-revision"

#include "config.h"

#include "casework/cl-case-event-revision.h"

struct _ClCaseEventRevision
{
  GObject      parent_instance;

  guint        revision;
  ClCaseEvent *old;
  char        *changed_by;
  char        *changed_at;
  char        *reason;
};

G_DEFINE_FINAL_TYPE (ClCaseEventRevision, cl_case_event_revision, G_TYPE_OBJECT)

/* Everything is set at construction: the properties are read-only. */
enum {
  PROP_0,
  PROP_REVISION,
  PROP_OLD,
  PROP_CHANGED_BY,
  PROP_CHANGED_AT,
  PROP_REASON,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
cl_case_event_revision_dispose (GObject *object)
{
  ClCaseEventRevision *self = CL_CASE_EVENT_REVISION (object);

  g_clear_object (&self->old);

  G_OBJECT_CLASS (cl_case_event_revision_parent_class)->dispose (object);
}

static void
cl_case_event_revision_finalize (GObject *object)
{
  ClCaseEventRevision *self = CL_CASE_EVENT_REVISION (object);

  g_free (self->changed_by);
  g_free (self->changed_at);
  g_free (self->reason);

  G_OBJECT_CLASS (cl_case_event_revision_parent_class)->finalize (object);
}

static void
cl_case_event_revision_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ClCaseEventRevision *self = CL_CASE_EVENT_REVISION (object);

  switch (prop_id)
    {
    case PROP_REVISION:
      g_value_set_uint (value, self->revision);
      break;
    case PROP_OLD:
      g_value_set_object (value, self->old);
      break;
    case PROP_CHANGED_BY:
      g_value_set_string (value, self->changed_by);
      break;
    case PROP_CHANGED_AT:
      g_value_set_string (value, self->changed_at);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_case_event_revision_class_init (ClCaseEventRevisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cl_case_event_revision_dispose;
  object_class->finalize = cl_case_event_revision_finalize;
  object_class->get_property = cl_case_event_revision_get_property;

  properties[PROP_REVISION] = g_param_spec_uint ("revision", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_OLD] = g_param_spec_object ("old", NULL, NULL, CL_TYPE_CASE_EVENT, ro);
  properties[PROP_CHANGED_BY] = g_param_spec_string ("changed-by", NULL, NULL, NULL, ro);
  properties[PROP_CHANGED_AT] = g_param_spec_string ("changed-at", NULL, NULL, NULL, ro);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_case_event_revision_init (ClCaseEventRevision *self)
{
}

ClCaseEventRevision *
cl_case_event_revision_new (guint        revision,
                            ClCaseEvent *old,
                            const char  *changed_by,
                            const char  *changed_at,
                            const char  *reason)
{
  ClCaseEventRevision *self;

  g_return_val_if_fail (CL_IS_CASE_EVENT (old), NULL);

  self = g_object_new (CL_TYPE_CASE_EVENT_REVISION, NULL);
  self->revision = revision;
  self->old = g_object_ref (old);
  self->changed_by = g_strdup (changed_by != NULL ? changed_by : "");
  self->changed_at = g_strdup (changed_at != NULL ? changed_at : "");
  self->reason = g_strdup (reason != NULL ? reason : "");
  return self;
}

guint
cl_case_event_revision_get_revision (ClCaseEventRevision *self)
{
  g_return_val_if_fail (CL_IS_CASE_EVENT_REVISION (self), 0);
  return self->revision;
}

ClCaseEvent *
cl_case_event_revision_get_old (ClCaseEventRevision *self)
{
  g_return_val_if_fail (CL_IS_CASE_EVENT_REVISION (self), NULL);
  return self->old;
}

const char *
cl_case_event_revision_get_changed_by (ClCaseEventRevision *self)
{
  g_return_val_if_fail (CL_IS_CASE_EVENT_REVISION (self), NULL);
  return self->changed_by;
}

const char *
cl_case_event_revision_get_changed_at (ClCaseEventRevision *self)
{
  g_return_val_if_fail (CL_IS_CASE_EVENT_REVISION (self), NULL);
  return self->changed_at;
}

const char *
cl_case_event_revision_get_reason (ClCaseEventRevision *self)
{
  g_return_val_if_fail (CL_IS_CASE_EVENT_REVISION (self), NULL);
  return self->reason;
}
