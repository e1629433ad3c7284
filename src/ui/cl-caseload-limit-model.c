/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-caseload-limit-model"

#include "config.h"

#include "ui/cl-caseload-limit-model.h"

struct _ClCaseloadLimitModel
{
  GObject     parent_instance;

  GListModel *model;
  guint       limit;
  guint       n_items;   /* MIN (limit, items of model) */
};

static void cl_caseload_limit_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ClCaseloadLimitModel, cl_caseload_limit_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      cl_caseload_limit_model_list_model_init))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_LIMIT,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static GType
cl_caseload_limit_model_get_item_type (GListModel *list)
{
  ClCaseloadLimitModel *self = CL_CASELOAD_LIMIT_MODEL (list);

  return self->model != NULL ? g_list_model_get_item_type (self->model) : G_TYPE_OBJECT;
}

static guint
cl_caseload_limit_model_get_n_items (GListModel *list)
{
  return CL_CASELOAD_LIMIT_MODEL (list)->n_items;
}

static gpointer
cl_caseload_limit_model_get_item (GListModel *list,
                                  guint       position)
{
  ClCaseloadLimitModel *self = CL_CASELOAD_LIMIT_MODEL (list);

  if (position >= self->n_items)
    return NULL;
  return g_list_model_get_item (self->model, position);
}

static void
cl_caseload_limit_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cl_caseload_limit_model_get_item_type;
  iface->get_n_items = cl_caseload_limit_model_get_n_items;
  iface->get_item = cl_caseload_limit_model_get_item;
}

static void
model_items_changed_cb (ClCaseloadLimitModel *self,
                        guint                 position,
                        guint                 removed,
                        guint                 added,
                        GListModel           *model)
{
  guint old_n = self->n_items;

  self->n_items = MIN (self->limit, g_list_model_get_n_items (model));
  /* Beyond the limit nothing shows; from position on, what shows may all
   * have moved. */
  if (position >= self->limit)
    return;
  g_list_model_items_changed (G_LIST_MODEL (self), position, old_n - MIN (position, old_n),
                              self->n_items - MIN (position, self->n_items));
}

ClCaseloadLimitModel *
cl_caseload_limit_model_new (GListModel *model,
                             guint       limit)
{
  g_return_val_if_fail (model == NULL || G_IS_LIST_MODEL (model), NULL);

  return g_object_new (CL_TYPE_CASELOAD_LIMIT_MODEL, "model", model, "limit", limit, NULL);
}

GListModel *
cl_caseload_limit_model_get_model (ClCaseloadLimitModel *self)
{
  g_return_val_if_fail (CL_IS_CASELOAD_LIMIT_MODEL (self), NULL);
  return self->model;
}

void
cl_caseload_limit_model_set_model (ClCaseloadLimitModel *self,
                                   GListModel           *model)
{
  guint old_n;

  g_return_if_fail (CL_IS_CASELOAD_LIMIT_MODEL (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_set_object (&self->model, model);
  old_n = self->n_items;
  self->n_items = model != NULL ? MIN (self->limit, g_list_model_get_n_items (model)) : 0;
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (model_items_changed_cb), self,
                             G_CONNECT_SWAPPED);
  if (old_n > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

guint
cl_caseload_limit_model_get_limit (ClCaseloadLimitModel *self)
{
  g_return_val_if_fail (CL_IS_CASELOAD_LIMIT_MODEL (self), 0);
  return self->limit;
}

gboolean
cl_caseload_limit_model_grow (ClCaseloadLimitModel *self,
                              guint                 n)
{
  guint available, old_n;

  g_return_val_if_fail (CL_IS_CASELOAD_LIMIT_MODEL (self), FALSE);

  available = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  if (self->n_items >= available)
    return FALSE;
  self->limit = self->limit > G_MAXUINT - n ? G_MAXUINT : self->limit + n;
  old_n = self->n_items;
  self->n_items = MIN (self->limit, available);
  g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, self->n_items - old_n);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIMIT]);
  return TRUE;
}

static void
cl_caseload_limit_model_dispose (GObject *object)
{
  ClCaseloadLimitModel *self = CL_CASELOAD_LIMIT_MODEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (cl_caseload_limit_model_parent_class)->dispose (object);
}

static void
cl_caseload_limit_model_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  ClCaseloadLimitModel *self = CL_CASELOAD_LIMIT_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_LIMIT:
      g_value_set_uint (value, self->limit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_caseload_limit_model_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  ClCaseloadLimitModel *self = CL_CASELOAD_LIMIT_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      cl_caseload_limit_model_set_model (self, g_value_get_object (value));
      break;
    case PROP_LIMIT:
      /* Construct-only; the limit then only grows. */
      self->limit = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_caseload_limit_model_class_init (ClCaseloadLimitModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cl_caseload_limit_model_dispose;
  object_class->get_property = cl_caseload_limit_model_get_property;
  object_class->set_property = cl_caseload_limit_model_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LIMIT] =
    g_param_spec_uint ("limit", NULL, NULL, 0, G_MAXUINT, 50,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY
                       | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_caseload_limit_model_init (ClCaseloadLimitModel *self)
{
  self->limit = 50;
}
