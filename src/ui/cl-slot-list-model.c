/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-slot-list-model"

#include "config.h"

#include "ui/cl-slot-list-model.h"

struct _ClSlotListModel
{
  GObject     parent_instance;

  GListModel *model;
  guint       n_items;
  /* position → ClSlot, for the slots someone holds (weak references) */
  GHashTable *live;
};

static void cl_slot_list_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ClSlotListModel, cl_slot_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      cl_slot_list_model_list_model_init))

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum {
  REFRESHED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
slot_finalized_cb (gpointer  data,
                   GObject  *where_the_slot_was)
{
  ClSlotListModel *self = data;

  /* Weak references are notified while the slot is disposed: its fields
   * are still there. */
  g_hash_table_remove (self->live,
                       GUINT_TO_POINTER (cl_slot_get_position (CL_SLOT (where_the_slot_was))));
}

static GType
cl_slot_list_model_get_item_type (GListModel *list)
{
  return CL_TYPE_SLOT;
}

static guint
cl_slot_list_model_get_n_items (GListModel *list)
{
  return CL_SLOT_LIST_MODEL (list)->n_items;
}

static gpointer
cl_slot_list_model_get_item (GListModel *list,
                             guint       position)
{
  ClSlotListModel *self = CL_SLOT_LIST_MODEL (list);
  g_autoptr(GObject) item = NULL;
  ClSlot *slot;

  if (position >= self->n_items)
    return NULL;
  slot = g_hash_table_lookup (self->live, GUINT_TO_POINTER (position));
  if (slot != NULL)
    return g_object_ref (slot);

  item = g_list_model_get_item (self->model, position);
  slot = cl_slot_new (position, item);
  g_object_weak_ref (G_OBJECT (slot), slot_finalized_cb, self);
  g_hash_table_insert (self->live, GUINT_TO_POINTER (position), slot);
  return slot;
}

static void
cl_slot_list_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cl_slot_list_model_get_item_type;
  iface->get_n_items = cl_slot_list_model_get_n_items;
  iface->get_item = cl_slot_list_model_get_item;
}

static void
model_items_changed_cb (ClSlotListModel *self,
                        guint            position,
                        guint            removed,
                        guint            added,
                        GListModel      *model)
{
  guint old_n = self->n_items;
  guint n = g_list_model_get_n_items (model);
  guint end = removed == added ? position + added : MAX (old_n, n);
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, slot;

  self->n_items = n;

  /* Every slot held at a position whose item may have changed shows what
   * is there now (nothing, past the end). */
  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, &key, &slot))
    if (GPOINTER_TO_UINT (key) >= position && GPOINTER_TO_UINT (key) < end)
      g_ptr_array_add (changed, g_object_ref (slot));
  for (guint i = 0; i < changed->len; i++)
    {
      ClSlot *s = changed->pdata[i];
      guint at = cl_slot_get_position (s);
      g_autoptr(GObject) item = at < n ? g_list_model_get_item (model, at) : NULL;

      cl_slot_set_item (s, item);
      g_object_unref (s);
    }

  if (n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), n, old_n - n, 0);
  else if (n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, n - old_n);
  g_signal_emit (self, signals[REFRESHED], 0);
}

ClSlotListModel *
cl_slot_list_model_new (GListModel *model)
{
  g_return_val_if_fail (model == NULL || G_IS_LIST_MODEL (model), NULL);

  return g_object_new (CL_TYPE_SLOT_LIST_MODEL, "model", model, NULL);
}

GListModel *
cl_slot_list_model_get_model (ClSlotListModel *self)
{
  g_return_val_if_fail (CL_IS_SLOT_LIST_MODEL (self), NULL);
  return self->model;
}

void
cl_slot_list_model_set_model (ClSlotListModel *self,
                              GListModel      *model)
{
  guint old_n;

  g_return_if_fail (CL_IS_SLOT_LIST_MODEL (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_set_object (&self->model, model);
  old_n = self->n_items;
  if (model != NULL)
    {
      g_signal_connect_object (model, "items-changed", G_CALLBACK (model_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
      model_items_changed_cb (self, 0, old_n, g_list_model_get_n_items (model), model);
    }
  else
    {
      self->n_items = 0;
      if (old_n > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

static void
cl_slot_list_model_dispose (GObject *object)
{
  ClSlotListModel *self = CL_SLOT_LIST_MODEL (object);
  GHashTableIter iter;
  gpointer slot;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &slot))
    g_object_weak_unref (slot, slot_finalized_cb, self);
  g_hash_table_remove_all (self->live);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (cl_slot_list_model_parent_class)->dispose (object);
}

static void
cl_slot_list_model_finalize (GObject *object)
{
  ClSlotListModel *self = CL_SLOT_LIST_MODEL (object);

  g_hash_table_unref (self->live);

  G_OBJECT_CLASS (cl_slot_list_model_parent_class)->finalize (object);
}

static void
cl_slot_list_model_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ClSlotListModel *self = CL_SLOT_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_slot_list_model_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ClSlotListModel *self = CL_SLOT_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      cl_slot_list_model_set_model (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_slot_list_model_class_init (ClSlotListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cl_slot_list_model_dispose;
  object_class->finalize = cl_slot_list_model_finalize;
  object_class->get_property = cl_slot_list_model_get_property;
  object_class->set_property = cl_slot_list_model_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[REFRESHED] = g_signal_new ("refreshed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cl_slot_list_model_init (ClSlotListModel *self)
{
  self->live = g_hash_table_new (NULL, NULL);
}
