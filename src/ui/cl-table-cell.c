/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-table-cell"

#include "config.h"

#include "ui/cl-slot.h"
#include "ui/cl-table-cell.h"

static GQuark
fill_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("cl-table-cell-fill");
  return quark;
}

void
cl_table_cell_setup (GtkListItem     *list_item,
                     guint            min_chars,
                     guint            nat_chars,
                     float            xalign,
                     const char      *css_class,
                     ClTableCellFill  fill)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  g_return_if_fail (GTK_IS_LIST_ITEM (list_item));
  g_return_if_fail (fill != NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), nat_chars);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), xalign);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (cell, css_class);
  g_object_set_qdata (G_OBJECT (cell), fill_quark (), (gpointer) fill);
  gtk_list_item_set_child (list_item, cell);
}

static void
refill (GtkListItem *list_item)
{
  GtkInscription *cell = GTK_INSCRIPTION (gtk_list_item_get_child (list_item));
  ClTableCellFill fill = (ClTableCellFill) g_object_get_qdata (G_OBJECT (cell), fill_quark ());
  ClSlot *slot = gtk_list_item_get_item (list_item);
  gpointer item = slot != NULL ? cl_slot_get_item (slot) : NULL;

  if (item != NULL)
    fill (cell, item);
  else
    gtk_inscription_set_text (cell, NULL);
}

void
cl_table_cell_bind (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item)
{
  refill (list_item);
  g_signal_connect_swapped (gtk_list_item_get_item (list_item), "notify::item",
                            G_CALLBACK (refill), list_item);
}

void
cl_table_cell_unbind (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (list_item), refill, list_item);
}
