/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-file-chooser"

#include "config.h"

#include "ui/cl-file-chooser.h"

typedef struct
{
  GWeakRef         owner;
  ClFileChosenFunc done;
} Pending;

GtkFileChooserNative *
cl_file_chooser_new (GtkWindow            *parent,
                     GtkFileChooserAction  action,
                     const char           *title,
                     const char           *accept_label)
{
  GtkFileChooserNative *chooser;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  chooser = gtk_file_chooser_native_new (title, parent, action, accept_label, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  return chooser;
}

void
cl_file_chooser_add_filter (GtkFileChooserNative *chooser,
                            const char           *name,
                            const char *const    *patterns)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (GTK_IS_FILE_CHOOSER_NATIVE (chooser));

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
}

static void
response_cb (GtkNativeDialog *dialog,
             int              response,
             gpointer         user_data)
{
  Pending *pending = user_data;
  g_autoptr(GObject) owner = g_weak_ref_get (&pending->owner);

  if (response == GTK_RESPONSE_ACCEPT && owner != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        pending->done (owner, file, GTK_FILE_CHOOSER (dialog));
    }
  g_signal_handlers_disconnect_by_func (dialog, response_cb, pending);
  g_weak_ref_clear (&pending->owner);
  g_free (pending);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
cl_file_chooser_run (GtkFileChooserNative *chooser,
                     gpointer              owner,
                     ClFileChosenFunc      done)
{
  Pending *pending;

  g_return_if_fail (GTK_IS_FILE_CHOOSER_NATIVE (chooser));
  g_return_if_fail (G_IS_OBJECT (owner));
  g_return_if_fail (done != NULL);

  pending = g_new0 (Pending, 1);
  g_weak_ref_init (&pending->owner, owner);
  pending->done = done;
  g_signal_connect (g_object_ref (chooser), "response", G_CALLBACK (response_cb), pending);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
