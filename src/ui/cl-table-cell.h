/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The cells of the Pupils and Schools tables: one GtkInscription each,
 * made in code (cheap: no builder, no expressions) and filled from the item
 * of the row's ClSlot, again whenever the slot shows another item. */

/* Sets the cell's text from item (never NULL). */
typedef void (*ClTableCellFill) (GtkInscription *cell,
                                 gpointer        item);

/* For a GtkSignalListItemFactory's "setup". css_class may be NULL. */
void cl_table_cell_setup  (GtkListItem     *list_item,
                           guint            min_chars,
                           guint            nat_chars,
                           float            xalign,
                           const char      *css_class,
                           ClTableCellFill  fill);
/* For "bind" and "unbind" of every column's factory. */
void cl_table_cell_bind   (GtkSignalListItemFactory *factory,
                           GtkListItem              *list_item);
void cl_table_cell_unbind (GtkSignalListItemFactory *factory,
                           GtkListItem              *list_item);

G_END_DECLS
