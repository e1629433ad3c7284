/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CL_TYPE_SLOT (cl_slot_get_type ())
G_DECLARE_FINAL_TYPE (ClSlot, cl_slot, CL, SLOT, GObject)

/* One position of a ClSlotListModel: shows whichever item of the source
 * model is at that position now. "item" is notified when it changes. */
gpointer cl_slot_get_item     (ClSlot   *self);
guint    cl_slot_get_position (ClSlot   *self);

/* For ClSlotListModel. */
ClSlot  *cl_slot_new          (guint     position,
                               gpointer  item);
void     cl_slot_set_item     (ClSlot   *self,
                               gpointer  item);

G_END_DECLS
