/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ui/cl-slot.h"

G_BEGIN_DECLS

#define CL_TYPE_SLOT_LIST_MODEL (cl_slot_list_model_get_type ())
G_DECLARE_FINAL_TYPE (ClSlotListModel, cl_slot_list_model, CL, SLOT_LIST_MODEL, GObject)

/* A list of ClSlot, one per position of another model: slot i shows the
 * item at position i of that model.
 *
 * Why: GTK 4.8 list and column views keep row widgets for up to 200 rows and
 * make new ones for every item that moves or changes. A search over 30,000
 * pupils then tears down and rebuilds 200 rows of 6 cells on each
 * keystroke (about 70 ms here). Through slots, a search changes what the
 * same rows show: the items stay, their "item" changes, the cells set new
 * text. Only the number of rows is reported as a change (at the end).
 * GTK 4.10 recycles row widgets itself; this can go when Caseload needs it.
 *
 * The price: a view over slots sees no change at positions whose content
 * changed, so whoever keeps a selection must put it right after
 * "refreshed" (emitted after every change of the model). */
ClSlotListModel *cl_slot_list_model_new       (GListModel      *model);
GListModel      *cl_slot_list_model_get_model (ClSlotListModel *self);
void             cl_slot_list_model_set_model (ClSlotListModel *self,
                                               GListModel      *model);

G_END_DECLS
