/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-case-change"

#include "config.h"

#include "casework/cl-case-change.h"
#include "casework/cl-casework-private.h"
#include "casework/cl-casework-vocab.h"

enum {
  T_VALUE,
  T_FROM_DATE,
  T_TO_DATE,
  T_CHANGED_BY,
  T_CHANGED_AT,
  T_REASON,
  T_CLOSURE_REASON,
  T_OUTCOME,
  N_TEXT
};

struct _ClCaseChange
{
  GObject          parent_instance;

  ClCaseChangeKind kind;
  gint64           officer_id;
  char            *text[N_TEXT];
};

G_DEFINE_FINAL_TYPE (ClCaseChange, cl_case_change, G_TYPE_OBJECT)

/* Read-only: a change is made whole by the repository and never altered. */
enum {
  PROP_0,
  PROP_KIND,
  PROP_OFFICER_ID,
  PROP_LABEL,
  PROP_TEXT_FIRST,
  PROP_TEXT_LAST = PROP_TEXT_FIRST + N_TEXT - 1,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static const char *const text_props[N_TEXT] = {
  "value", "from-date", "to-date", "changed-by", "changed-at", "reason", "closure-reason",
  "outcome",
};

static void
cl_case_change_finalize (GObject *object)
{
  ClCaseChange *self = CL_CASE_CHANGE (object);

  for (guint i = 0; i < N_TEXT; i++)
    g_free (self->text[i]);

  G_OBJECT_CLASS (cl_case_change_parent_class)->finalize (object);
}

static void
cl_case_change_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ClCaseChange *self = CL_CASE_CHANGE (object);

  if (prop_id >= PROP_TEXT_FIRST && prop_id <= PROP_TEXT_LAST)
    {
      g_value_set_string (value, self->text[prop_id - PROP_TEXT_FIRST]);
      return;
    }
  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_OFFICER_ID:
      g_value_set_int64 (value, self->officer_id);
      break;
    case PROP_LABEL:
      g_value_set_string (value, cl_case_change_get_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_case_change_class_init (ClCaseChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cl_case_change_finalize;
  object_class->get_property = cl_case_change_get_property;

  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, 0, CL_CASE_CHANGE_STATUS, 0, ro);
  properties[PROP_OFFICER_ID] = g_param_spec_int64 ("officer-id", NULL, NULL,
                                                    0, G_MAXINT64, 0, ro);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, ro);
  for (guint i = 0; i < N_TEXT; i++)
    properties[PROP_TEXT_FIRST + i] = g_param_spec_string (text_props[i], NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_case_change_init (ClCaseChange *self)
{
  for (guint i = 0; i < N_TEXT; i++)
    self->text[i] = g_strdup ("");
}

static void
take (ClCaseChange *self,
      guint         field,
      const char   *value)
{
  g_free (self->text[field]);
  self->text[field] = g_strdup (value != NULL ? value : "");
}

ClCaseChange *
cl_case_change_new_full (ClCaseChangeKind  kind,
                         const char       *value,
                         gint64            officer_id,
                         const char       *from_date,
                         const char       *to_date,
                         const char       *changed_by,
                         const char       *changed_at,
                         const char       *reason,
                         const char       *closure_reason,
                         const char       *outcome)
{
  ClCaseChange *self = g_object_new (CL_TYPE_CASE_CHANGE, NULL);

  self->kind = kind;
  self->officer_id = officer_id;
  take (self, T_VALUE, value);
  take (self, T_FROM_DATE, from_date);
  take (self, T_TO_DATE, to_date);
  take (self, T_CHANGED_BY, changed_by);
  take (self, T_CHANGED_AT, changed_at);
  take (self, T_REASON, reason);
  take (self, T_CLOSURE_REASON, closure_reason);
  take (self, T_OUTCOME, outcome);
  return self;
}

ClCaseChangeKind
cl_case_change_get_kind (ClCaseChange *self)
{
  g_return_val_if_fail (CL_IS_CASE_CHANGE (self), 0);
  return self->kind;
}

const char *
cl_case_change_get_label (ClCaseChange *self)
{
  g_return_val_if_fail (CL_IS_CASE_CHANGE (self), NULL);

  switch (self->kind)
    {
    case CL_CASE_CHANGE_STAGE:
      return cl_casework_vocab_label (CL_VOCAB_STAGE, self->text[T_VALUE]);
    case CL_CASE_CHANGE_STATUS:
      return cl_casework_vocab_label (CL_VOCAB_STATUS, self->text[T_VALUE]);
    case CL_CASE_CHANGE_ALLOCATION:
    default:
      return self->text[T_VALUE];
    }
}

gint64
cl_case_change_get_officer_id (ClCaseChange *self)
{
  g_return_val_if_fail (CL_IS_CASE_CHANGE (self), 0);
  return self->officer_id;
}

#define TEXT_GETTER(name, index)                          \
  const char *                                            \
  cl_case_change_get_##name (ClCaseChange *self)          \
  {                                                       \
    g_return_val_if_fail (CL_IS_CASE_CHANGE (self), NULL);\
    return self->text[index];                             \
  }

TEXT_GETTER (value, T_VALUE)
TEXT_GETTER (from_date, T_FROM_DATE)
TEXT_GETTER (to_date, T_TO_DATE)
TEXT_GETTER (changed_by, T_CHANGED_BY)
TEXT_GETTER (changed_at, T_CHANGED_AT)
TEXT_GETTER (reason, T_REASON)
TEXT_GETTER (closure_reason, T_CLOSURE_REASON)
TEXT_GETTER (outcome, T_OUTCOME)
