/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-preview-window"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ui/cl-file-chooser.h"
#include "ui/cl-preview-window.h"
#include "ui/cl-window-private.h"

struct _ClPreviewWindow
{
  AdwWindow          parent_instance;

  /* template */
  AdwToastOverlay   *toast_overlay;
  AdwWindowTitle    *window_title;
  GtkButton         *discard_button;
  GtkButton         *print_button;
  GtkButton         *save_button;
  ClDocumentPreview *preview;

  ClDocument        *document;
  char              *file_name;
  char              *accept_label;
  char              *subtitle;
  gboolean           can_print;
  gboolean           busy;
  gboolean           done;      /* saved, printed or accepted */
  GtkPrintOperation *printing;
};

G_DEFINE_FINAL_TYPE (ClPreviewWindow, cl_preview_window, ADW_TYPE_WINDOW)

enum {
  SIGNAL_EXPORTED,
  SIGNAL_ACCEPTED,
  SIGNAL_DISCARDED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

ClPreviewWindow *
cl_preview_window_new (GtkWindow  *parent,
                       const char *title)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (CL_TYPE_PREVIEW_WINDOW,
                       "transient-for", parent,
                       "title", title,
                       NULL);
}

static void update_buttons (ClPreviewWindow *self);

ClPreviewWindow *
cl_preview_window_show_document (GtkWindow   *parent,
                                 ClDocument  *document,
                                 const char  *title,
                                 const char  *file_name,
                                 GError     **error)
{
  g_autoptr(GBytes) pdf = NULL;
  ClPreviewWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CL_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  pdf = cl_document_to_pdf (document, error);
  if (pdf == NULL)
    return NULL;
  self = cl_preview_window_new (parent, title != NULL ? title : cl_document_get_title (document));
  if (file_name != NULL)
    cl_preview_window_set_file_name (self, file_name);
  if (!cl_preview_window_load (self, pdf, document, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

static void
update_buttons (ClPreviewWindow *self)
{
  gboolean loaded = cl_document_preview_get_n_pages (self->preview) > 0;

  gtk_button_set_label (self->save_button,
                        self->accept_label != NULL ? self->accept_label : _("_Save…"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button),
                               self->accept_label != NULL ? NULL
                                                          : _("Save the document as a PDF file"));
  gtk_widget_set_visible (GTK_WIDGET (self->print_button), self->can_print);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.save", loaded && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.print",
                                 loaded && !self->busy && self->can_print
                                 && self->printing == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->discard_button), !self->busy);
  /* Once the document has left, there is nothing to discard. */
  gtk_button_set_label (self->discard_button, self->done ? _("_Close") : _("_Discard"));
}

static void
update_subtitle (ClPreviewWindow *self)
{
  guint n = cl_document_preview_get_n_pages (self->preview);
  g_autofree char *pages = NULL;

  if (self->subtitle != NULL)
    {
      adw_window_title_set_subtitle (self->window_title, self->subtitle);
      return;
    }
  pages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages", n), n);
  adw_window_title_set_subtitle (self->window_title, pages);
}

gboolean
cl_preview_window_load (ClPreviewWindow  *self,
                        GBytes           *pdf,
                        ClDocument       *document,
                        GError          **error)
{
  gboolean ok;

  g_return_val_if_fail (CL_IS_PREVIEW_WINDOW (self), FALSE);
  g_return_val_if_fail (pdf != NULL, FALSE);
  g_return_val_if_fail (document == NULL || CL_IS_DOCUMENT (document), FALSE);

  g_set_object (&self->document, document);
  ok = cl_document_preview_load (self->preview, pdf, error);
  update_subtitle (self);
  update_buttons (self);
  return ok;
}

void
cl_preview_window_set_file_name (ClPreviewWindow *self,
                                 const char      *file_name)
{
  g_return_if_fail (CL_IS_PREVIEW_WINDOW (self));

  g_free (self->file_name);
  self->file_name = g_strdup (file_name != NULL ? file_name : "letter.pdf");
}

void
cl_preview_window_set_accept_label (ClPreviewWindow *self,
                                    const char      *label)
{
  g_return_if_fail (CL_IS_PREVIEW_WINDOW (self));

  g_free (self->accept_label);
  self->accept_label = g_strdup (label);
  update_buttons (self);
}

void
cl_preview_window_set_kept (ClPreviewWindow *self)
{
  g_return_if_fail (CL_IS_PREVIEW_WINDOW (self));

  self->done = TRUE;
  update_buttons (self);
}

void
cl_preview_window_set_can_print (ClPreviewWindow *self,
                                 gboolean         can_print)
{
  g_return_if_fail (CL_IS_PREVIEW_WINDOW (self));

  self->can_print = can_print;
  update_buttons (self);
}

void
cl_preview_window_set_busy (ClPreviewWindow *self,
                            const char      *text)
{
  g_return_if_fail (CL_IS_PREVIEW_WINDOW (self));

  self->busy = text != NULL;
  g_free (self->subtitle);
  self->subtitle = g_strdup (text);
  update_subtitle (self);
  update_buttons (self);
}

void
cl_preview_window_add_toast (ClPreviewWindow *self,
                             AdwToast        *toast)
{
  g_return_if_fail (CL_IS_PREVIEW_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

ClDocumentPreview *
cl_preview_window_get_preview (ClPreviewWindow *self)
{
  g_return_val_if_fail (CL_IS_PREVIEW_WINDOW (self), NULL);
  return self->preview;
}

static void
show_error (ClPreviewWindow *self,
            const char      *heading,
            const char      *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
mark_done (ClPreviewWindow *self,
           const char      *how)
{
  self->done = TRUE;
  update_buttons (self);
  g_signal_emit (self, signals[SIGNAL_EXPORTED], 0, how);
}

/* --- save --- */

static void
save_chosen_cb (gpointer        owner,
                GFile          *file,
                GtkFileChooser *chooser)
{
  ClPreviewWindow *self = owner;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *pdf = cl_document_preview_get_pdf (self->preview);

  if (pdf == NULL)
    return;
  if (path == NULL)
    {
      show_error (self, _("Could Not Save the Document"),
                  _("The chosen place is not a local folder."));
      return;
    }
  if (!cl_documents_write_file (pdf, path, &error))
    {
      show_error (self, _("Could Not Save the Document"), error->message);
      return;
    }
  /* Translators: "Saved as letter.pdf". */
  message = g_strdup_printf (_("Saved as %s"), basename);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  mark_done (self, "saved");
}

static void
save_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ClPreviewWindow *self = CL_PREVIEW_WINDOW (widget);
  GtkFileChooserNative *chooser;
  const char *pdf_patterns[] = { "*.pdf", "*.PDF", NULL };

  if (self->accept_label != NULL)
    {
      g_signal_emit (self, signals[SIGNAL_ACCEPTED], 0);
      return;
    }
  chooser = cl_file_chooser_new (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                 _("Save Document"), _("_Save"));
  cl_file_chooser_add_filter (chooser, _("PDF documents"), pdf_patterns);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), self->file_name);
  cl_file_chooser_run (chooser, self, save_chosen_cb);
  g_object_unref (chooser);
}

/* --- print --- */

static GtkPageSetup *
page_setup_for (double width,
                double height)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  gboolean landscape = width > height;
  double w = MIN (width, height), h = MAX (width, height);
  g_autoptr(GtkPaperSize) paper = NULL;

  /* Paper the printer knows by name when the page is A4 or A5. */
  if (fabs (w - CL_PAGE_A4_WIDTH) < 2 && fabs (h - CL_PAGE_A4_HEIGHT) < 2)
    paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  else if (fabs (w - CL_PAGE_A5_WIDTH) < 2 && fabs (h - CL_PAGE_A5_HEIGHT) < 2)
    paper = gtk_paper_size_new (GTK_PAPER_NAME_A5);
  else
    paper = gtk_paper_size_new_custom ("caseload-page", _("Document page"), w, h, GTK_UNIT_POINTS);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_page_setup_set_orientation (setup, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                   : GTK_PAGE_ORIENTATION_PORTRAIT);
  return setup;
}

static void
page_size (ClPreviewWindow *self,
           guint            page,
           double          *width,
           double          *height)
{
  if (self->document != NULL)
    cl_document_get_page_size (self->document, width, height);
  else
    cl_document_preview_get_page_size (self->preview, page, width, height);
}

static void
request_page_setup_cb (ClPreviewWindow   *self,
                       GtkPrintContext   *context,
                       int                page_nr,
                       GtkPageSetup      *setup,
                       GtkPrintOperation *operation)
{
  double width, height;
  g_autoptr(GtkPageSetup) wanted = NULL;

  page_size (self, (guint) page_nr, &width, &height);
  wanted = page_setup_for (width, height);
  gtk_page_setup_set_paper_size (setup, gtk_page_setup_get_paper_size (wanted));
  gtk_page_setup_set_orientation (setup, gtk_page_setup_get_orientation (wanted));
}

static void
draw_page_cb (ClPreviewWindow   *self,
              GtkPrintContext   *context,
              int                page_nr,
              GtkPrintOperation *operation)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height, scale;

  page_size (self, (guint) page_nr, &width, &height);
  if (width <= 0 || height <= 0)
    return;
  /* The whole sheet (use-full-page): one point to one point on paper of
   * the page's size, shrunk to fit otherwise. */
  scale = MIN (gtk_print_context_get_width (context) / width,
               gtk_print_context_get_height (context) / height);
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  if (self->document != NULL)
    cl_document_render_page (self->document, cr, (guint) page_nr);
  else
    cl_document_preview_print_page (self->preview, cr, (guint) page_nr);
  cairo_restore (cr);
}

static void
print_done_cb (ClPreviewWindow         *self,
               GtkPrintOperationResult  result,
               GtkPrintOperation       *operation)
{
  g_autoptr(GtkPrintOperation) printing = g_steal_pointer (&self->printing);
  g_autoptr(GError) error = NULL;

  update_buttons (self);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_error (self, _("Could Not Print the Document"),
                  error != NULL ? error->message : _("The printing system gave no reason."));
      return;
    }
  if (result != GTK_PRINT_OPERATION_RESULT_APPLY)
    return;
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Sent to the printer")));
  mark_done (self, "printed");
}

static void
print_activated_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ClPreviewWindow *self = CL_PREVIEW_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  GtkPrintOperationResult result;
  guint n = cl_document_preview_get_n_pages (self->preview);
  double width, height;

  if (n == 0 || self->printing != NULL)
    return;
  page_size (self, 0, &width, &height);
  setup = page_setup_for (width, height);

  self->printing = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (self->printing, gtk_window_get_title (GTK_WINDOW (self)));
  gtk_print_operation_set_n_pages (self->printing, (int) n);
  gtk_print_operation_set_use_full_page (self->printing, TRUE);
  gtk_print_operation_set_unit (self->printing, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (self->printing, setup);
  gtk_print_operation_set_allow_async (self->printing, TRUE);
  g_signal_connect_object (self->printing, "request-page-setup",
                           G_CALLBACK (request_page_setup_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->printing, "draw-page",
                           G_CALLBACK (draw_page_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->printing, "done",
                           G_CALLBACK (print_done_cb), self, G_CONNECT_SWAPPED);
  update_buttons (self);

  result = gtk_print_operation_run (self->printing, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && self->printing != NULL)
    {
      g_clear_object (&self->printing);
      update_buttons (self);
      show_error (self, _("Could Not Print the Document"), error->message);
    }
}

static void
discard_clicked_cb (ClPreviewWindow *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
cl_preview_window_close_request (GtkWindow *window)
{
  ClPreviewWindow *self = CL_PREVIEW_WINDOW (window);

  if (self->busy)
    return TRUE;  /* the caller is still writing what it shows */
  if (!self->done)
    {
      self->done = TRUE;
      g_signal_emit (self, signals[SIGNAL_DISCARDED], 0);
    }
  return GTK_WINDOW_CLASS (cl_preview_window_parent_class)->close_request (window);
}

static void
cl_preview_window_dispose (GObject *object)
{
  ClPreviewWindow *self = CL_PREVIEW_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_PREVIEW_WINDOW);
  g_clear_object (&self->printing);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (cl_preview_window_parent_class)->dispose (object);
}

static void
cl_preview_window_finalize (GObject *object)
{
  ClPreviewWindow *self = CL_PREVIEW_WINDOW (object);

  g_free (self->file_name);
  g_free (self->accept_label);
  g_free (self->subtitle);

  G_OBJECT_CLASS (cl_preview_window_parent_class)->finalize (object);
}

static void
cl_preview_window_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cl_preview_window_parent_class)->map (widget);
  gtk_widget_grab_focus (GTK_WIDGET (CL_PREVIEW_WINDOW (widget)->preview));
}

static void
title_changed_cb (ClPreviewWindow *self)
{
  adw_window_title_set_title (self->window_title, gtk_window_get_title (GTK_WINDOW (self)));
}

static void
cl_preview_window_class_init (ClPreviewWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cl_preview_window_dispose;
  object_class->finalize = cl_preview_window_finalize;
  window_class->close_request = cl_preview_window_close_request;
  widget_class->map = cl_preview_window_map;

  signals[SIGNAL_EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_ACCEPTED] =
    g_signal_new ("accepted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[SIGNAL_DISCARDED] =
    g_signal_new ("discarded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "document.save", NULL, save_activated_cb);
  gtk_widget_class_install_action (widget_class, "document.print", NULL, print_activated_cb);

  g_type_ensure (CL_TYPE_DOCUMENT_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caseload/Caseload"
                                               "/ui/cl-preview-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClPreviewWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ClPreviewWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ClPreviewWindow, discard_button);
  gtk_widget_class_bind_template_child (widget_class, ClPreviewWindow, print_button);
  gtk_widget_class_bind_template_child (widget_class, ClPreviewWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, ClPreviewWindow, preview);
  gtk_widget_class_bind_template_callback (widget_class, discard_clicked_cb);
}

static void
cl_preview_window_init (ClPreviewWindow *self)
{
  self->file_name = g_strdup ("letter.pdf");
  self->can_print = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed_cb), NULL);
  update_subtitle (self);
  update_buttons (self);
}
