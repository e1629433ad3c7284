/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "documents/cl-document.h"
#include "ui/cl-document-preview.h"

G_BEGIN_DECLS

/* A generated document before it leaves the program: shown with
 * ClDocumentPreview, then saved (the very bytes shown), printed or
 * discarded. Printing draws each page with the document's own renderer when
 * the ClDocument is given, else with poppler.
 *
 * Signals: "exported" (const char *how: "saved" or "printed") after a save or
 * a print job was sent, for callers that audit it; "accepted" when the accept
 * button (see cl_preview_window_set_accept_label) is pressed; "discarded"
 * when the window is closed without the document having been saved,
 * printed or accepted. */
#define CL_TYPE_PREVIEW_WINDOW (cl_preview_window_get_type ())
G_DECLARE_FINAL_TYPE (ClPreviewWindow, cl_preview_window, CL, PREVIEW_WINDOW, AdwWindow)

/* A modal window over parent titled title (the document's title). */
ClPreviewWindow   *cl_preview_window_new              (GtkWindow        *parent,
                                                       const char       *title);
/* Makes document's PDF, shows it in a new preview window over parent and
 * presents it: the way any generated document is looked at before it
 * leaves. NULL, with the error, when the PDF cannot be made. */
ClPreviewWindow   *cl_preview_window_show_document    (GtkWindow        *parent,
                                                       ClDocument       *document,
                                                       const char       *title,
                                                       const char       *file_name,
                                                       GError          **error);
/* Shows pdf; document (may be NULL) is the same document as a model, for
 * printing at the printer's resolution. */
gboolean           cl_preview_window_load             (ClPreviewWindow  *self,
                                                       GBytes           *pdf,
                                                       ClDocument       *document,
                                                       GError          **error);
/* The file name Save offers, "letter.pdf" by default. */
void               cl_preview_window_set_file_name    (ClPreviewWindow  *self,
                                                       const char       *file_name);
/* With a label, the suggested button says it (for example "Keep as Sent…")
 * and emits "accepted" instead of saving; NULL brings back Save. */
void               cl_preview_window_set_accept_label (ClPreviewWindow  *self,
                                                       const char       *label);
/* The document shown is already kept (a letter as sent): there is nothing
 * to discard, and the first button just closes the window. */
void               cl_preview_window_set_kept         (ClPreviewWindow  *self);
void               cl_preview_window_set_can_print    (ClPreviewWindow  *self,
                                                       gboolean          can_print);
/* Greys out the buttons while the caller works on the document (for example
 * while letters are being kept as sent), with a sentence under the title. */
void               cl_preview_window_set_busy         (ClPreviewWindow  *self,
                                                       const char       *text);
void               cl_preview_window_add_toast        (ClPreviewWindow  *self,
                                                       AdwToast         *toast);
ClDocumentPreview *cl_preview_window_get_preview      (ClPreviewWindow  *self);

G_END_DECLS
