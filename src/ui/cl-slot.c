/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-slot"

#include "config.h"

#include "ui/cl-slot.h"

struct _ClSlot
{
  GObject  parent_instance;

  guint    position;
  GObject *item;
};

G_DEFINE_FINAL_TYPE (ClSlot, cl_slot, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_POSITION,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

ClSlot *
cl_slot_new (guint    position,
             gpointer item)
{
  ClSlot *self = g_object_new (CL_TYPE_SLOT, NULL);

  self->position = position;
  self->item = item != NULL ? g_object_ref (item) : NULL;
  return self;
}

gpointer
cl_slot_get_item (ClSlot *self)
{
  g_return_val_if_fail (CL_IS_SLOT (self), NULL);
  return self->item;
}

guint
cl_slot_get_position (ClSlot *self)
{
  g_return_val_if_fail (CL_IS_SLOT (self), 0);
  return self->position;
}

void
cl_slot_set_item (ClSlot   *self,
                  gpointer  item)
{
  g_return_if_fail (CL_IS_SLOT (self));

  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

static void
cl_slot_finalize (GObject *object)
{
  ClSlot *self = CL_SLOT (object);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (cl_slot_parent_class)->finalize (object);
}

static void
cl_slot_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  ClSlot *self = CL_SLOT (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_slot_class_init (ClSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cl_slot_finalize;
  object_class->get_property = cl_slot_get_property;

  properties[PROP_ITEM] = g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT, ro);
  properties[PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_slot_init (ClSlot *self)
{
}
