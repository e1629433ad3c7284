/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-queue-item"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "casework/cl-casework-private.h"
#include "casework/cl-queue-item.h"

enum { T_PUPIL_NAME, T_SCHOOL_NAME, T_DUE_DATE, T_TEXT, N_TEXT };

struct _ClQueueItem
{
  GObject          parent_instance;

  ClQueueItemKind  kind;
  gint64           case_id;
  gint64           event_id;
  gboolean         overdue;
  char            *text[N_TEXT];
  GStrv            rule_ids;
};

G_DEFINE_FINAL_TYPE (ClQueueItem, cl_queue_item, G_TYPE_OBJECT)

/* Read-only: an item is a snapshot taken when the queue was built. */
enum {
  PROP_0,
  PROP_KIND,
  PROP_KIND_ID,
  PROP_KIND_LABEL,
  PROP_CASE_ID,
  PROP_EVENT_ID,
  PROP_OVERDUE,
  PROP_RULE_IDS,
  PROP_TEXT_FIRST,
  PROP_TEXT_LAST = PROP_TEXT_FIRST + N_TEXT - 1,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static const char *const text_props[N_TEXT] = { "pupil-name", "school-name", "due-date", "text" };

static void
cl_queue_item_finalize (GObject *object)
{
  ClQueueItem *self = CL_QUEUE_ITEM (object);

  for (guint i = 0; i < N_TEXT; i++)
    g_free (self->text[i]);
  g_strfreev (self->rule_ids);

  G_OBJECT_CLASS (cl_queue_item_parent_class)->finalize (object);
}

static void
cl_queue_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ClQueueItem *self = CL_QUEUE_ITEM (object);

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
    case PROP_KIND_ID:
      g_value_set_string (value, cl_queue_item_get_kind_id (self));
      break;
    case PROP_KIND_LABEL:
      g_value_set_string (value, cl_queue_item_get_kind_label (self));
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    case PROP_EVENT_ID:
      g_value_set_int64 (value, self->event_id);
      break;
    case PROP_OVERDUE:
      g_value_set_boolean (value, self->overdue);
      break;
    case PROP_RULE_IDS:
      g_value_set_boxed (value, self->rule_ids);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_queue_item_class_init (ClQueueItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cl_queue_item_finalize;
  object_class->get_property = cl_queue_item_get_property;

  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, 0, CL_QUEUE_ITEM_LEGAL, 0, ro);
  properties[PROP_KIND_ID] = g_param_spec_string ("kind-id", NULL, NULL, NULL, ro);
  properties[PROP_KIND_LABEL] = g_param_spec_string ("kind-label", NULL, NULL, NULL, ro);
  properties[PROP_CASE_ID] = g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_EVENT_ID] = g_param_spec_int64 ("event-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE, ro);
  properties[PROP_RULE_IDS] = g_param_spec_boxed ("rule-ids", NULL, NULL, G_TYPE_STRV, ro);
  for (guint i = 0; i < N_TEXT; i++)
    properties[PROP_TEXT_FIRST + i] = g_param_spec_string (text_props[i], NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_queue_item_init (ClQueueItem *self)
{
}

ClQueueItem *
cl_queue_item_new (ClQueueItemKind     kind,
                   gint64              case_id,
                   gint64              event_id,
                   const char         *pupil_name,
                   const char         *school_name,
                   const char         *due_date,
                   const char         *text,
                   gboolean            overdue,
                   const char * const *rule_ids)
{
  ClQueueItem *self = g_object_new (CL_TYPE_QUEUE_ITEM, NULL);

  self->kind = kind;
  self->case_id = case_id;
  self->event_id = event_id;
  self->overdue = overdue;
  self->text[T_PUPIL_NAME] = g_strdup (pupil_name != NULL ? pupil_name : "");
  self->text[T_SCHOOL_NAME] = g_strdup (school_name != NULL ? school_name : "");
  self->text[T_DUE_DATE] = g_strdup (due_date != NULL ? due_date : "");
  self->text[T_TEXT] = g_strdup (text != NULL ? text : "");
  self->rule_ids = rule_ids != NULL ? g_strdupv ((char **) rule_ids) : g_new0 (char *, 1);
  return self;
}

ClQueueItemKind
cl_queue_item_get_kind (ClQueueItem *self)
{
  g_return_val_if_fail (CL_IS_QUEUE_ITEM (self), 0);
  return self->kind;
}

const char *
cl_queue_item_get_kind_id (ClQueueItem *self)
{
  g_return_val_if_fail (CL_IS_QUEUE_ITEM (self), NULL);

  switch (self->kind)
    {
    case CL_QUEUE_ITEM_LETTER:
      return "letter";
    case CL_QUEUE_ITEM_VISIT:
      return "visit";
    case CL_QUEUE_ITEM_LEGAL:
      return "legal";
    case CL_QUEUE_ITEM_ACTION:
    default:
      return "action";
    }
}

const char *
cl_queue_item_get_kind_label (ClQueueItem *self)
{
  g_return_val_if_fail (CL_IS_QUEUE_ITEM (self), NULL);

  switch (self->kind)
    {
    case CL_QUEUE_ITEM_LETTER:
      return _("Letter to send");
    case CL_QUEUE_ITEM_VISIT:
      return _("Visit to make");
    case CL_QUEUE_ITEM_LEGAL:
      return _("Consider legal action");
    case CL_QUEUE_ITEM_ACTION:
    default:
      return _("Action due");
    }
}

gint64
cl_queue_item_get_case_id (ClQueueItem *self)
{
  g_return_val_if_fail (CL_IS_QUEUE_ITEM (self), 0);
  return self->case_id;
}

gint64
cl_queue_item_get_event_id (ClQueueItem *self)
{
  g_return_val_if_fail (CL_IS_QUEUE_ITEM (self), 0);
  return self->event_id;
}

const char *
cl_queue_item_get_pupil_name (ClQueueItem *self)
{
  g_return_val_if_fail (CL_IS_QUEUE_ITEM (self), NULL);
  return self->text[T_PUPIL_NAME];
}

const char *
cl_queue_item_get_school_name (ClQueueItem *self)
{
  g_return_val_if_fail (CL_IS_QUEUE_ITEM (self), NULL);
  return self->text[T_SCHOOL_NAME];
}

const char *
cl_queue_item_get_due_date (ClQueueItem *self)
{
  g_return_val_if_fail (CL_IS_QUEUE_ITEM (self), NULL);
  return self->text[T_DUE_DATE];
}

const char *
cl_queue_item_get_text (ClQueueItem *self)
{
  g_return_val_if_fail (CL_IS_QUEUE_ITEM (self), NULL);
  return self->text[T_TEXT];
}

gboolean
cl_queue_item_get_overdue (ClQueueItem *self)
{
  g_return_val_if_fail (CL_IS_QUEUE_ITEM (self), FALSE);
  return self->overdue;
}

const char * const *
cl_queue_item_get_rule_ids (ClQueueItem *self)
{
  g_return_val_if_fail (CL_IS_QUEUE_ITEM (self), NULL);
  return (const char * const *) self->rule_ids;
}
