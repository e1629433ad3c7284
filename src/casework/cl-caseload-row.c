/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-caseload-row"

#include "config.h"

#include "casework/cl-caseload-row.h"
#include "casework/cl-casework-private.h"

enum { T_LAST_CONTACT, T_NEXT_ACTION, T_NEXT_ACTION_DUE, N_TEXT };

struct _ClCaseloadRow
{
  GObject  parent_instance;

  ClCase  *kase;
  gint64   next_action_event;
  gboolean overdue;
  double   attendance;
  double   trend[CL_CASELOAD_TREND_WEEKS];
  char    *text[N_TEXT];
  GStrv    rule_ids;
};

G_DEFINE_FINAL_TYPE (ClCaseloadRow, cl_caseload_row, G_TYPE_OBJECT)

/* Read-only: a row is a snapshot taken when the caseload was built. */
enum {
  PROP_0,
  PROP_CASE,
  PROP_CASE_ID,
  PROP_TITLE,
  PROP_SCHOOL_NAME,
  PROP_STATUS,
  PROP_STAGE,
  PROP_STAGE_LABEL,
  PROP_NEXT_ACTION_EVENT,
  PROP_OVERDUE,
  PROP_ATTENDANCE_PERCENT,
  PROP_RULE_IDS,
  PROP_TEXT_FIRST,
  PROP_TEXT_LAST = PROP_TEXT_FIRST + N_TEXT - 1,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static const char *const text_props[N_TEXT] = { "last-contact", "next-action", "next-action-due" };

static void
cl_caseload_row_dispose (GObject *object)
{
  ClCaseloadRow *self = CL_CASELOAD_ROW (object);

  g_clear_object (&self->kase);

  G_OBJECT_CLASS (cl_caseload_row_parent_class)->dispose (object);
}

static void
cl_caseload_row_finalize (GObject *object)
{
  ClCaseloadRow *self = CL_CASELOAD_ROW (object);

  for (guint i = 0; i < N_TEXT; i++)
    g_free (self->text[i]);
  g_strfreev (self->rule_ids);

  G_OBJECT_CLASS (cl_caseload_row_parent_class)->finalize (object);
}

static void
cl_caseload_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ClCaseloadRow *self = CL_CASELOAD_ROW (object);

  if (prop_id >= PROP_TEXT_FIRST && prop_id <= PROP_TEXT_LAST)
    {
      g_value_set_string (value, self->text[prop_id - PROP_TEXT_FIRST]);
      return;
    }
  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, cl_case_get_id (self->kase));
      break;
    case PROP_TITLE:
      g_value_set_string (value, cl_case_get_title (self->kase));
      break;
    case PROP_SCHOOL_NAME:
      g_value_set_string (value, cl_case_get_school_name (self->kase));
      break;
    case PROP_STATUS:
      g_value_set_string (value, cl_case_get_status (self->kase));
      break;
    case PROP_STAGE:
      g_value_set_string (value, cl_case_get_stage (self->kase));
      break;
    case PROP_STAGE_LABEL:
      g_object_get_property (G_OBJECT (self->kase), "stage-label", value);
      break;
    case PROP_NEXT_ACTION_EVENT:
      g_value_set_int64 (value, self->next_action_event);
      break;
    case PROP_OVERDUE:
      g_value_set_boolean (value, self->overdue);
      break;
    case PROP_ATTENDANCE_PERCENT:
      g_value_set_double (value, self->attendance);
      break;
    case PROP_RULE_IDS:
      g_value_set_boxed (value, self->rule_ids);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_caseload_row_class_init (ClCaseloadRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cl_caseload_row_dispose;
  object_class->finalize = cl_caseload_row_finalize;
  object_class->get_property = cl_caseload_row_get_property;

  properties[PROP_CASE] = g_param_spec_object ("case", NULL, NULL, CL_TYPE_CASE, ro);
  properties[PROP_CASE_ID] = g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_SCHOOL_NAME] = g_param_spec_string ("school-name", NULL, NULL, NULL, ro);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, ro);
  properties[PROP_STAGE] = g_param_spec_string ("stage", NULL, NULL, NULL, ro);
  properties[PROP_STAGE_LABEL] = g_param_spec_string ("stage-label", NULL, NULL, NULL, ro);
  properties[PROP_NEXT_ACTION_EVENT] = g_param_spec_int64 ("next-action-event", NULL, NULL,
                                                           0, G_MAXINT64, 0, ro);
  properties[PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE, ro);
  properties[PROP_ATTENDANCE_PERCENT] = g_param_spec_double ("attendance-percent", NULL, NULL,
                                                             -1.0, 100.0, -1.0, ro);
  properties[PROP_RULE_IDS] = g_param_spec_boxed ("rule-ids", NULL, NULL, G_TYPE_STRV, ro);
  for (guint i = 0; i < N_TEXT; i++)
    properties[PROP_TEXT_FIRST + i] = g_param_spec_string (text_props[i], NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_caseload_row_init (ClCaseloadRow *self)
{
  self->attendance = -1.0;
  for (guint i = 0; i < CL_CASELOAD_TREND_WEEKS; i++)
    self->trend[i] = -1.0;
}

ClCaseloadRow *
cl_caseload_row_new (ClCase             *kase,
                     const char         *last_contact,
                     const char         *next_action,
                     const char         *next_action_due,
                     gint64              next_action_event,
                     gboolean            overdue,
                     double              attendance,
                     const double       *trend,
                     const char * const *rule_ids)
{
  ClCaseloadRow *self = g_object_new (CL_TYPE_CASELOAD_ROW, NULL);

  self->kase = g_object_ref (kase);
  self->text[T_LAST_CONTACT] = g_strdup (last_contact != NULL ? last_contact : "");
  self->text[T_NEXT_ACTION] = g_strdup (next_action != NULL ? next_action : "");
  self->text[T_NEXT_ACTION_DUE] = g_strdup (next_action_due != NULL ? next_action_due : "");
  self->next_action_event = next_action_event;
  self->overdue = overdue;
  self->attendance = attendance;
  for (guint i = 0; i < CL_CASELOAD_TREND_WEEKS; i++)
    self->trend[i] = trend[i];
  self->rule_ids = rule_ids != NULL ? g_strdupv ((char **) rule_ids) : g_new0 (char *, 1);
  return self;
}

ClCase *
cl_caseload_row_get_case (ClCaseloadRow *self)
{
  g_return_val_if_fail (CL_IS_CASELOAD_ROW (self), NULL);
  return self->kase;
}

gint64
cl_caseload_row_get_case_id (ClCaseloadRow *self)
{
  g_return_val_if_fail (CL_IS_CASELOAD_ROW (self), 0);
  return cl_case_get_id (self->kase);
}

const char *
cl_caseload_row_get_title (ClCaseloadRow *self)
{
  g_return_val_if_fail (CL_IS_CASELOAD_ROW (self), NULL);
  return cl_case_get_title (self->kase);
}

const char *
cl_caseload_row_get_school_name (ClCaseloadRow *self)
{
  g_return_val_if_fail (CL_IS_CASELOAD_ROW (self), NULL);
  return cl_case_get_school_name (self->kase);
}

const char *
cl_caseload_row_get_last_contact (ClCaseloadRow *self)
{
  g_return_val_if_fail (CL_IS_CASELOAD_ROW (self), NULL);
  return self->text[T_LAST_CONTACT];
}

const char *
cl_caseload_row_get_next_action (ClCaseloadRow *self)
{
  g_return_val_if_fail (CL_IS_CASELOAD_ROW (self), NULL);
  return self->text[T_NEXT_ACTION];
}

const char *
cl_caseload_row_get_next_action_due (ClCaseloadRow *self)
{
  g_return_val_if_fail (CL_IS_CASELOAD_ROW (self), NULL);
  return self->text[T_NEXT_ACTION_DUE];
}

gint64
cl_caseload_row_get_next_action_event (ClCaseloadRow *self)
{
  g_return_val_if_fail (CL_IS_CASELOAD_ROW (self), 0);
  return self->next_action_event;
}

gboolean
cl_caseload_row_get_overdue (ClCaseloadRow *self)
{
  g_return_val_if_fail (CL_IS_CASELOAD_ROW (self), FALSE);
  return self->overdue;
}

double
cl_caseload_row_get_attendance_percent (ClCaseloadRow *self)
{
  g_return_val_if_fail (CL_IS_CASELOAD_ROW (self), -1.0);
  return self->attendance;
}

const double *
cl_caseload_row_get_trend (ClCaseloadRow *self)
{
  g_return_val_if_fail (CL_IS_CASELOAD_ROW (self), NULL);
  return self->trend;
}

const char * const *
cl_caseload_row_get_rule_ids (ClCaseloadRow *self)
{
  g_return_val_if_fail (CL_IS_CASELOAD_ROW (self), NULL);
  return (const char * const *) self->rule_ids;
}
