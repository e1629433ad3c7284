/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-template-editor"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "documents/cl-documents-error.h"
#include "documents/cl-letter.h"
#include "documents/cl-letterhead.h"
#include "documents/cl-placeholders.h"
#include "documents/cl-template-repository.h"
#include "ui/cl-file-chooser.h"
#include "ui/cl-preview-window.h"
#include "ui/cl-template-editor.h"
#include "ui/cl-window-private.h"

/* The pause in typing after which the wording is checked and the preview
 * laid out again. */
#define CHECK_DELAY_MS 300
#define PREVIEW_MARGIN 12

static const char *const kinds[] = { "letter", "notice", "card" };
static const char *const languages[] = { "en", "cy", "bilingual" };

struct _ClTemplateEditor
{
  GtkWidget             parent_instance;

  /* template */
  GtkWidget            *box;
  GtkDropDown          *template_dropdown;
  GtkStringList        *template_titles;
  GtkWidget            *save_button;
  AdwEntryRow          *name_row;
  AdwEntryRow          *title_row;
  AdwComboRow          *kind_row;
  AdwComboRow          *language_row;
  AdwEntryRow          *description_row;
  GtkMenuButton        *placeholder_button;
  GtkTextView          *body_view;
  GtkLabel             *message_label;
  GtkDrawingArea       *preview_area;
  GtkLabel             *preview_label;

  ClDatabase           *db;
  ClTemplateRepository *repository;
  ClLetterhead         *letterhead;
  GListModel           *templates;   /* ClLetterTemplate, as the dropdown lists them */
  ClLetterTemplate     *shown;       /* as stored, or the new one's starting point */
  gboolean              is_new;
  gboolean              dirty;
  gboolean              loading;     /* filling the form: not an edit */
  guint                 shown_index; /* in templates; GTK_INVALID_LIST_POSITION for a new one */
  guint                 pending_index;
  GPtrArray            *problems;    /* ClTemplateProblem of the body */
  ClDocument           *preview;
  guint                 check_timeout;
  gboolean              saved_with_error;  /* the message is the core's refusal */
};

G_DEFINE_FINAL_TYPE (ClTemplateEditor, cl_template_editor, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void check_now (ClTemplateEditor *self);

GtkWidget *
cl_template_editor_new (void)
{
  return g_object_new (CL_TYPE_TEMPLATE_EDITOR, NULL);
}

static guint
index_of (const char *const *values,
          guint              n,
          const char        *value)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;
  return 0;
}

static char *
body_text (ClTemplateEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The template as the form has it now. */
static ClLetterTemplate *
build_draft (ClTemplateEditor *self)
{
  ClLetterTemplate *draft = self->shown != NULL ? cl_letter_template_copy (self->shown)
                                                : cl_letter_template_new ("new-letter");
  g_autofree char *body = body_text (self);
  guint kind = adw_combo_row_get_selected (self->kind_row);
  guint language = adw_combo_row_get_selected (self->language_row);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  cl_letter_template_set_name (draft, name);
  cl_letter_template_set_title (draft, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  cl_letter_template_set_kind (draft, kinds[MIN (kind, G_N_ELEMENTS (kinds) - 1)]);
  cl_letter_template_set_language (draft, languages[MIN (language, G_N_ELEMENTS (languages) - 1)]);
  cl_letter_template_set_description (draft,
                                      gtk_editable_get_text (GTK_EDITABLE (self->description_row)));
  cl_letter_template_set_body (draft, body);
  return draft;
}

static void
update_actions (ClTemplateEditor *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean editing = self->shown != NULL;
  gboolean built_in = editing && !self->is_new && cl_letter_template_get_built_in (self->shown);

  gtk_widget_action_set_enabled (widget, "editor.save", editing && (self->dirty || self->is_new));
  gtk_widget_action_set_enabled (widget, "editor.reset", built_in);
  gtk_widget_action_set_enabled (widget, "editor.delete", editing && !self->is_new);
  gtk_widget_action_set_enabled (widget, "editor.export", editing && !self->is_new);
  gtk_widget_action_set_enabled (widget, "editor.preview", self->preview != NULL);
  gtk_widget_action_set_enabled (widget, "editor.insert-placeholder", editing);
  gtk_widget_action_set_enabled (widget, "editor.insert-directive", editing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->body_view), editing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->title_row), editing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), editing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->language_row), editing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->description_row), editing);
  /* The name is the template's key: given once, when it is made. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), editing && self->is_new);
}

static void
show_message (ClTemplateEditor *self,
              const char       *text,
              gboolean          refused)
{
  gtk_label_set_text (self->message_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), text != NULL && *text != '\0');
  if (refused)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
  self->saved_with_error = refused;
}

static gboolean
check_timeout_cb (gpointer user_data)
{
  ClTemplateEditor *self = user_data;

  self->check_timeout = 0;
  check_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_check (ClTemplateEditor *self)
{
  g_clear_handle_id (&self->check_timeout, g_source_remove);
  self->check_timeout = g_timeout_add (CHECK_DELAY_MS, check_timeout_cb, self);
}

static void
fill_form (ClTemplateEditor *self,
           ClLetterTemplate *tmpl)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                         tmpl != NULL ? cl_letter_template_get_name (tmpl) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         tmpl != NULL && cl_letter_template_get_title (tmpl) != NULL
                           ? cl_letter_template_get_title (tmpl) : "");
  adw_combo_row_set_selected (self->kind_row,
                              index_of (kinds, G_N_ELEMENTS (kinds),
                                        tmpl != NULL ? cl_letter_template_get_kind (tmpl) : NULL));
  adw_combo_row_set_selected (self->language_row,
                              index_of (languages, G_N_ELEMENTS (languages),
                                        tmpl != NULL ? cl_letter_template_get_language (tmpl)
                                                     : NULL));
  gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                         tmpl != NULL && cl_letter_template_get_description (tmpl) != NULL
                           ? cl_letter_template_get_description (tmpl) : "");
  gtk_text_buffer_set_text (buffer,
                            tmpl != NULL && cl_letter_template_get_body (tmpl) != NULL
                              ? cl_letter_template_get_body (tmpl) : "", -1);
  gtk_text_buffer_set_modified (buffer, FALSE);
  self->loading = FALSE;

  self->dirty = FALSE;
  show_message (self, NULL, FALSE);
  update_actions (self);
  check_now (self);
}

static void
show_index (ClTemplateEditor *self,
            guint             position)
{
  g_autoptr(ClLetterTemplate) tmpl = NULL;

  if (self->templates != NULL && position < g_list_model_get_n_items (self->templates))
    tmpl = g_list_model_get_item (self->templates, position);
  g_clear_object (&self->shown);
  self->shown = tmpl != NULL ? cl_letter_template_copy (tmpl) : NULL;
  self->is_new = FALSE;
  self->shown_index = tmpl != NULL ? position : GTK_INVALID_LIST_POSITION;
  self->loading = TRUE;
  gtk_drop_down_set_selected (self->template_dropdown, self->shown_index);
  self->loading = FALSE;
  fill_form (self, self->shown);
}

static guint
find_template (ClTemplateEditor *self,
               const char       *name)
{
  guint n = self->templates != NULL ? g_list_model_get_n_items (self->templates) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClLetterTemplate) tmpl = g_list_model_get_item (self->templates, i);

      if (g_strcmp0 (cl_letter_template_get_name (tmpl), name) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static gboolean
load_templates (ClTemplateEditor  *self,
                GError           **error)
{
  g_autoptr(GListModel) templates = NULL;
  guint n;

  if (self->repository == NULL)
    return TRUE;
  templates = cl_template_repository_list (self->repository, error);
  if (templates == NULL)
    return FALSE;
  g_clear_object (&self->templates);
  self->templates = g_steal_pointer (&templates);

  self->loading = TRUE;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->template_titles));
  {
    guint count = g_list_model_get_n_items (self->templates);
    g_autofree const char **titles = g_new0 (const char *, count + 1);
    g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < count; i++)
      {
        ClLetterTemplate *tmpl = g_list_model_get_item (self->templates, i);

        g_ptr_array_add (keep, tmpl);
        titles[i] = cl_letter_template_get_title (tmpl) != NULL
                      && *cl_letter_template_get_title (tmpl) != '\0'
                      ? cl_letter_template_get_title (tmpl) : cl_letter_template_get_name (tmpl);
      }
    gtk_string_list_splice (self->template_titles, 0, n, titles);
  }
  self->loading = FALSE;
  return TRUE;
}

gboolean
cl_template_editor_reload (ClTemplateEditor  *self,
                           GError           **error)
{
  g_autofree char *keep = NULL;
  guint position;

  g_return_val_if_fail (CL_IS_TEMPLATE_EDITOR (self), FALSE);

  if (self->db == NULL)
    return TRUE;
  g_clear_pointer (&self->letterhead, cl_letterhead_free);
  self->letterhead = cl_letterhead_load (self->db);
  if (self->shown != NULL)
    keep = g_strdup (cl_letter_template_get_name (self->shown));
  if (!load_templates (self, error))
    return FALSE;

  if (self->is_new || (self->dirty && keep != NULL))
    {
      /* Keep the edit in view; only the list changed. */
      position = self->is_new ? GTK_INVALID_LIST_POSITION : find_template (self, keep);
      self->shown_index = position;
      self->loading = TRUE;
      gtk_drop_down_set_selected (self->template_dropdown, position);
      self->loading = FALSE;
      return TRUE;
    }
  position = keep != NULL ? find_template (self, keep) : GTK_INVALID_LIST_POSITION;
  if (position == GTK_INVALID_LIST_POSITION && g_list_model_get_n_items (self->templates) > 0)
    position = 0;
  show_index (self, position);
  return TRUE;
}

void
cl_template_editor_set_database (ClTemplateEditor *self,
                                 ClDatabase       *db)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CL_IS_TEMPLATE_EDITOR (self));
  g_return_if_fail (db == NULL || CL_IS_DATABASE (db));

  if (!g_set_object (&self->db, db))
    return;
  g_clear_object (&self->repository);
  if (db != NULL)
    self->repository = cl_template_repository_new (db);
  if (!cl_template_editor_reload (self, &error))
    g_warning ("Could not read the letter templates: %s", error->message);
}

const char *
cl_template_editor_get_name (ClTemplateEditor *self)
{
  g_return_val_if_fail (CL_IS_TEMPLATE_EDITOR (self), NULL);
  return self->shown != NULL ? cl_letter_template_get_name (self->shown) : NULL;
}

gboolean
cl_template_editor_get_has_unsaved_changes (ClTemplateEditor *self)
{
  g_return_val_if_fail (CL_IS_TEMPLATE_EDITOR (self), FALSE);
  return self->dirty;
}

static void
add_toast (ClTemplateEditor *self,
           const char       *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

static GtkWindow *
parent_window (ClTemplateEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (ClTemplateEditor *self,
            const char       *heading,
            const char       *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
cl_template_editor_save (ClTemplateEditor *self)
{
  g_autoptr(ClLetterTemplate) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (CL_IS_TEMPLATE_EDITOR (self), FALSE);

  if (self->shown == NULL || self->repository == NULL)
    return FALSE;
  draft = build_draft (self);
  name = g_strdup (cl_letter_template_get_name (draft));
  if (self->is_new && find_template (self, name) != GTK_INVALID_LIST_POSITION)
    {
      /* Translators: a template's name is its key. */
      message = g_strdup_printf (_("There is already a template named “%s”: choose another name."),
                                 name);
      show_message (self, message, TRUE);
      return FALSE;
    }
  if (!cl_template_repository_save (self->repository, draft, &error))
    {
      /* The core's own words: "line 4: unknown placeholder {pupil.nmae}". */
      show_message (self, error->message, TRUE);
      add_toast (self, _("The template was not saved"));
      return FALSE;
    }

  self->dirty = FALSE;
  self->is_new = FALSE;
  g_clear_object (&self->shown);
  self->shown = g_object_ref (draft);
  if (!load_templates (self, &error))
    g_warning ("Could not read the letter templates: %s", error->message);
  show_index (self, find_template (self, name));
  /* Translators: "Template “Concern about …” saved". */
  message = g_strdup_printf (_("Template “%s” saved"), cl_letter_template_get_title (draft));
  add_toast (self, message);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

/* --- checking and the live preview --- */

static void
underline_problems (ClTemplateEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "problem", &start, &end);
  for (guint i = 0; i < self->problems->len; i++)
    {
      ClTemplateProblem *problem = g_ptr_array_index (self->problems, i);
      guint length = problem->placeholder != NULL ? g_utf8_strlen (problem->placeholder, -1) + 2 : 1;

      if (!gtk_text_buffer_get_iter_at_line_offset (buffer, &start, (int) problem->line - 1,
                                                    (int) problem->column - 1))
        continue;
      end = start;
      gtk_text_iter_forward_chars (&end, (int) length);
      gtk_text_buffer_apply_tag_by_name (buffer, "problem", &start, &end);
    }
}

static char *
describe_problems (GPtrArray *title_problems,
                   GPtrArray *body_problems)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < title_problems->len; i++)
    {
      ClTemplateProblem *problem = g_ptr_array_index (title_problems, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a problem in the template's subject line. */
      g_string_append_printf (text, _("subject line: %s"), problem->message);
    }
  for (guint i = 0; i < body_problems->len; i++)
    {
      ClTemplateProblem *problem = g_ptr_array_index (body_problems, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: "line 4: unknown placeholder {pupil.nmae}". */
      g_string_append_printf (text, _("line %u: %s"), problem->line, problem->message);
    }
  return g_string_free (text, text->len == 0);
}

static void
check_now (ClTemplateEditor *self)
{
  g_autofree char *body = body_text (self);
  g_autoptr(GPtrArray) title_problems =
    cl_template_find_problems (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  g_autofree char *message = NULL;
  g_autofree char *pages = NULL;

  g_clear_handle_id (&self->check_timeout, g_source_remove);

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = cl_template_find_problems (body);
  underline_problems (self);
  if (title_problems->len > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  /* A refusal from Save stays until the wording changes. */
  message = describe_problems (title_problems, self->problems);
  if (message != NULL || !self->saved_with_error || self->dirty)
    show_message (self, message, FALSE);

  g_clear_object (&self->preview);
  if (self->shown != NULL)
    {
      g_autoptr(ClLetterTemplate) draft = build_draft (self);

      self->preview = cl_letter_build_sample (draft, self->letterhead);
    }
  if (self->preview != NULL)
    {
      guint n = cl_document_get_n_pages (self->preview);

      /* Translators: the live preview shows the first page: "Page 1 of 2, sample values". */
      pages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Page 1 of %u, with sample values",
                                            "Page 1 of %u, with sample values", n), n);
    }
  gtk_label_set_text (self->preview_label, pages != NULL ? pages : "");
  gtk_widget_queue_draw (GTK_WIDGET (self->preview_area));
  update_actions (self);
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  ClTemplateEditor *self = user_data;
  double page_width, page_height, scale, x, y;

  if (self->preview == NULL || cl_document_get_n_pages (self->preview) == 0)
    return;
  cl_document_get_page_size (self->preview, &page_width, &page_height);
  scale = MIN ((width - 2.0 * PREVIEW_MARGIN) / page_width,
               (height - 2.0 * PREVIEW_MARGIN) / page_height);
  if (scale <= 0)
    return;
  x = (width - page_width * scale) / 2;
  y = PREVIEW_MARGIN;

  /* A sheet with a soft edge, then the page by the one renderer, drawn as
   * vectors at the screen's resolution. */
  cairo_save (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.12);
  cairo_rectangle (cr, x - 1, y - 1, page_width * scale + 2, page_height * scale + 3);
  cairo_fill (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, page_width, page_height);
  cairo_clip (cr);
  cl_document_render_page (self->preview, cr, 0);
  cairo_restore (cr);
}

static gboolean
body_query_tooltip_cb (ClTemplateEditor *self,
                       int               x,
                       int               y,
                       gboolean          keyboard_mode,
                       GtkTooltip       *tooltip,
                       GtkTextView      *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter;
  int bx, by;
  guint line, column;

  if (self->problems == NULL || self->problems->len == 0)
    return FALSE;
  if (keyboard_mode)
    gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  else
    {
      gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
      if (!gtk_text_view_get_iter_at_location (view, &iter, bx, by))
        return FALSE;
    }
  line = (guint) gtk_text_iter_get_line (&iter) + 1;
  column = (guint) gtk_text_iter_get_line_offset (&iter) + 1;
  for (guint i = 0; i < self->problems->len; i++)
    {
      ClTemplateProblem *problem = g_ptr_array_index (self->problems, i);
      guint length = problem->placeholder != NULL ? g_utf8_strlen (problem->placeholder, -1) + 2 : 1;

      if (problem->line == line && column >= problem->column && column < problem->column + length)
        {
          gtk_tooltip_set_text (tooltip, problem->message);
          return TRUE;
        }
    }
  return FALSE;
}

static void
edited (ClTemplateEditor *self)
{
  if (self->loading)
    return;
  self->dirty = TRUE;
  update_actions (self);
  schedule_check (self);
}

static void
field_changed_cb (ClTemplateEditor *self)
{
  edited (self);
}

/* --- switching templates --- */

static void
switch_response_cb (ClTemplateEditor *self,
                    const char       *response)
{
  guint pending = self->pending_index;

  if (g_strcmp0 (response, "save") == 0)
    {
      if (!cl_template_editor_save (self))
        response = "cancel";
      else
        {
          /* Saving may have changed the order. */
          show_index (self, pending);
          return;
        }
    }
  if (g_strcmp0 (response, "discard") == 0)
    {
      self->dirty = FALSE;
      show_index (self, pending);
      return;
    }
  /* Stay with the edit. */
  self->loading = TRUE;
  gtk_drop_down_set_selected (self->template_dropdown, self->shown_index);
  self->loading = FALSE;
}

static void
ask_to_switch (ClTemplateEditor *self,
               guint             position)
{
  GtkWidget *dialog;

  self->pending_index = position;
  dialog = adw_message_dialog_new (parent_window (self), _("Save Changes to the Template?"),
                                   _("The template in view has changes that have not been "
                                     "saved. If you open another without saving, they will be "
                                     "lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (switch_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
template_selected_cb (ClTemplateEditor *self)
{
  guint position = gtk_drop_down_get_selected (self->template_dropdown);

  if (self->loading || position == self->shown_index || position == GTK_INVALID_LIST_POSITION)
    return;
  if (self->dirty || self->is_new)
    ask_to_switch (self, position);
  else
    show_index (self, position);
}

gboolean
cl_template_editor_show_template (ClTemplateEditor *self,
                                  const char       *name)
{
  guint position;

  g_return_val_if_fail (CL_IS_TEMPLATE_EDITOR (self), FALSE);

  position = find_template (self, name);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  if (position == self->shown_index && !self->is_new)
    return TRUE;
  if (self->dirty || self->is_new)
    ask_to_switch (self, position);
  else
    show_index (self, position);
  return TRUE;
}

/* --- actions --- */

static void
save_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  cl_template_editor_save (CL_TEMPLATE_EDITOR (widget));
}

static void
new_activated_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ClTemplateEditor *self = CL_TEMPLATE_EDITOR (widget);
  g_autoptr(ClLetterTemplate) tmpl = NULL;
  g_autofree char *name = g_strdup ("new-letter");

  if (self->repository == NULL)
    return;
  if (self->dirty)
    {
      /* One unsaved template at a time: the switch dialog would lose it. */
      show_message (self, _("Save or undo the changes to this template before making another."),
                    TRUE);
      return;
    }
  for (guint i = 2; find_template (self, name) != GTK_INVALID_LIST_POSITION; i++)
    {
      g_free (name);
      name = g_strdup_printf ("new-letter-%u", i);
    }
  tmpl = cl_letter_template_new (name);
  cl_letter_template_set_title (tmpl, _("About {pupil.forename}’s attendance"));
  cl_letter_template_set_kind (tmpl, "letter");
  cl_letter_template_set_language (tmpl, "en");
  cl_letter_template_set_body (tmpl, _("Dear {guardian.title} {guardian.surname},\n\n"
                                       "I am writing about {pupil.forename}’s attendance at "
                                       "{school.name}, which has been {attendance.percent} "
                                       "since {attendance.from}.\n\n"
                                       "Yours sincerely,"));
  g_clear_object (&self->shown);
  self->shown = g_steal_pointer (&tmpl);
  self->is_new = TRUE;
  self->shown_index = GTK_INVALID_LIST_POSITION;
  self->loading = TRUE;
  gtk_drop_down_set_selected (self->template_dropdown, GTK_INVALID_LIST_POSITION);
  self->loading = FALSE;
  fill_form (self, self->shown);
  self->dirty = TRUE;
  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
insert_placeholder_activated_cb (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  ClTemplateEditor *self = CL_TEMPLATE_EDITOR (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  g_autofree char *text = g_strdup_printf ("{%s}", g_variant_get_string (parameter, NULL));

  gtk_text_buffer_insert_at_cursor (buffer, text, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

static void
insert_directive_activated_cb (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  ClTemplateEditor *self = CL_TEMPLATE_EDITOR (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  const char *directive = g_variant_get_string (parameter, NULL);
  GtkTextIter iter;
  g_autoptr(GString) text = g_string_new (NULL);

  /* A directive stands on a line of its own. */
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  if (!gtk_text_iter_starts_line (&iter))
    g_string_append_c (text, '\n');
  g_string_append (text, directive);
  if (!gtk_text_iter_ends_line (&iter) || !gtk_text_iter_is_end (&iter))
    g_string_append_c (text, '\n');
  gtk_text_buffer_insert_at_cursor (buffer, text->str, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

static void
preview_activated_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ClTemplateEditor *self = CL_TEMPLATE_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *file_name = NULL;
  ClPreviewWindow *preview;

  check_now (self);
  if (self->preview == NULL)
    return;
  pdf = cl_document_to_pdf (self->preview, &error);
  if (pdf == NULL)
    {
      show_error (self, _("Could Not Make the Preview"), error->message);
      return;
    }
  preview = cl_preview_window_new (parent_window (self), _("Sample Letter"));
  file_name = g_strdup_printf ("%s-sample.pdf", cl_letter_template_get_name (self->shown));
  cl_preview_window_set_file_name (preview, file_name);
  if (!cl_preview_window_load (preview, pdf, self->preview, &error))
    {
      gtk_window_destroy (GTK_WINDOW (preview));
      show_error (self, _("Could Not Make the Preview"), error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (preview));
}

static void
reset_response_cb (ClTemplateEditor *self,
                   const char       *response)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (g_strcmp0 (response, "reset") != 0 || self->shown == NULL)
    return;
  name = g_strdup (cl_letter_template_get_name (self->shown));
  if (!cl_template_repository_reset (self->repository, name, &error))
    {
      show_error (self, _("Could Not Reset the Template"), error->message);
      return;
    }
  self->dirty = FALSE;
  g_clear_object (&self->shown);
  if (!load_templates (self, &error))
    g_warning ("Could not read the letter templates: %s", error->message);
  show_index (self, find_template (self, name));
  add_toast (self, _("The shipped wording is back"));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
reset_activated_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ClTemplateEditor *self = CL_TEMPLATE_EDITOR (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent_window (self), _("Reset to the Shipped Wording?"),
                                   _("The template’s wording will be replaced by the wording "
                                     "Caseload ships with. Your changes to it will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reset", _("_Reset"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reset",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reset_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_response_cb (ClTemplateEditor *self,
                    const char       *response)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->shown == NULL)
    return;
  if (!cl_template_repository_delete (self->repository, cl_letter_template_get_name (self->shown),
                                      &error))
    {
      show_error (self, _("Could Not Delete the Template"), error->message);
      return;
    }
  self->dirty = FALSE;
  g_clear_object (&self->shown);
  if (!load_templates (self, &error))
    g_warning ("Could not read the letter templates: %s", error->message);
  show_index (self, g_list_model_get_n_items (self->templates) > 0 ? 0 : GTK_INVALID_LIST_POSITION);
  add_toast (self, _("Template deleted"));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
delete_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ClTemplateEditor *self = CL_TEMPLATE_EDITOR (widget);
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  if (self->shown == NULL)
    return;
  body = g_strdup_printf (_("“%s” will no longer be offered for letters. Letters already sent "
                            "with it are kept."),
                          cl_letter_template_get_title (self->shown));
  dialog = adw_message_dialog_new (parent_window (self), _("Delete the Template?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_chosen_cb (gpointer        owner,
                  GFile          *file,
                  GtkFileChooser *chooser)
{
  ClTemplateEditor *self = owner;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLetterTemplate) imported = NULL;
  g_autofree char *message = NULL;

  if (path == NULL || self->repository == NULL)
    return;
  imported = cl_template_repository_import_file (self->repository, path, &error);
  if (imported == NULL)
    {
      show_error (self, _("Could Not Import the Template"), error->message);
      return;
    }
  self->dirty = FALSE;
  if (!load_templates (self, &error))
    g_warning ("Could not read the letter templates: %s", error->message);
  show_index (self, find_template (self, cl_letter_template_get_name (imported)));
  /* Translators: "Template “Concern about …” imported". */
  message = g_strdup_printf (_("Template “%s” imported"), cl_letter_template_get_title (imported));
  add_toast (self, message);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
import_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ClTemplateEditor *self = CL_TEMPLATE_EDITOR (widget);
  GtkFileChooserNative *chooser;
  const char *patterns[] = { "*.txt", NULL };

  if (self->dirty)
    {
      show_message (self, _("Save or undo the changes to this template before importing another."),
                    TRUE);
      return;
    }
  chooser = cl_file_chooser_new (parent_window (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                 _("Import Letter Template"), _("_Import"));
  cl_file_chooser_add_filter (chooser, _("Letter templates"), patterns);
  cl_file_chooser_run (chooser, self, import_chosen_cb);
  g_object_unref (chooser);
}

static void
export_chosen_cb (gpointer        owner,
                  GFile          *file,
                  GtkFileChooser *chooser)
{
  ClTemplateEditor *self = owner;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL || self->shown == NULL)
    return;
  if (!cl_template_repository_export_file (self->repository,
                                           cl_letter_template_get_name (self->shown), path,
                                           &error))
    {
      show_error (self, _("Could Not Export the Template"), error->message);
      return;
    }
  /* Translators: "Template saved as attendance-concern.txt". */
  message = g_strdup_printf (_("Template saved as %s"), basename);
  add_toast (self, message);
}

static void
export_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ClTemplateEditor *self = CL_TEMPLATE_EDITOR (widget);
  GtkFileChooserNative *chooser;
  const char *patterns[] = { "*.txt", NULL };
  g_autofree char *name = NULL;

  if (self->shown == NULL || self->is_new)
    return;
  name = g_strdup_printf ("%s.txt", cl_letter_template_get_name (self->shown));
  chooser = cl_file_chooser_new (parent_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                 _("Export Letter Template"), _("_Export"));
  cl_file_chooser_add_filter (chooser, _("Letter templates"), patterns);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  cl_file_chooser_run (chooser, self, export_chosen_cb);
  g_object_unref (chooser);
}

static char *
escape_underscores (const char *text)
{
  GString *escaped = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_')
        g_string_append_c (escaped, '_');
      g_string_append_c (escaped, *p);
    }
  return g_string_free (escaped, FALSE);
}

/* The "Insert Placeholder" menu: the registry's groups in its order, each
 * placeholder by what it is, with the name it is written as. */
static GMenuModel *
build_placeholder_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) directives = g_menu_new ();
  g_autoptr(GMenu) groups = g_menu_new ();
  GMenu *group = NULL;
  const char *group_name = NULL;
  guint n = 0;
  const ClPlaceholder *all = cl_placeholders_get_all (&n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;
      g_autofree char *escaped = NULL;

      if (group == NULL || g_strcmp0 (group_name, all[i].group) != 0)
        {
          if (group != NULL)
            {
              g_menu_append_submenu (groups, _(group_name), G_MENU_MODEL (group));
              g_object_unref (group);
            }
          group = g_menu_new ();
          group_name = all[i].group;
        }
      /* Translators: a menu item, "The pupil’s surname  {pupil.surname}". */
      label = g_strdup_printf (_("%s  {%s}"), _(all[i].description), all[i].name);
      /* Menu labels take "_" as a mnemonic: {pupil.full_name} must show whole. */
      escaped = escape_underscores (label);
      item = g_menu_item_new (escaped, NULL);
      g_menu_item_set_action_and_target (item, "editor.insert-placeholder", "s", all[i].name);
      g_menu_append_item (group, item);
    }
  if (group != NULL)
    {
      g_menu_append_submenu (groups, _(group_name), G_MENU_MODEL (group));
      g_object_unref (group);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (groups));

  {
    const struct {
      const char *label;
      const char *directive;
    } blocks[] = {
      { N_("Signature Here"), CL_TEMPLATE_DIRECTIVE_SIGNATURE },
      { N_("Table of Attendance Figures"), CL_TEMPLATE_DIRECTIVE_ATTENDANCE },
      { N_("Page Break"), CL_TEMPLATE_DIRECTIVE_PAGE_BREAK },
    };

    for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
      {
        g_autoptr(GMenuItem) item = g_menu_item_new (_(blocks[i].label), NULL);

        g_menu_item_set_action_and_target (item, "editor.insert-directive", "s",
                                           blocks[i].directive);
        g_menu_append_item (directives, item);
      }
    g_menu_append_section (menu, _("Blocks"), G_MENU_MODEL (directives));
  }
  return G_MENU_MODEL (menu);
}

/* --- hooks for the tests (cl-window-private.h) --- */

GtkTextBuffer *
cl_template_editor_get_body_buffer (ClTemplateEditor *self)
{
  return gtk_text_view_get_buffer (self->body_view);
}

GtkLabel *
cl_template_editor_get_message_label (ClTemplateEditor *self)
{
  return self->message_label;
}

void
cl_template_editor_check_now (ClTemplateEditor *self)
{
  check_now (self);
}

guint
cl_template_editor_get_n_problems (ClTemplateEditor *self)
{
  return self->problems != NULL ? self->problems->len : 0;
}

ClDocument *
cl_template_editor_get_preview_document (ClTemplateEditor *self)
{
  return self->preview;
}

/* --- GObject --- */

static void
cl_template_editor_dispose (GObject *object)
{
  ClTemplateEditor *self = CL_TEMPLATE_EDITOR (object);

  g_clear_handle_id (&self->check_timeout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_TEMPLATE_EDITOR);
  g_clear_object (&self->preview);
  g_clear_object (&self->shown);
  g_clear_object (&self->templates);
  g_clear_object (&self->repository);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (cl_template_editor_parent_class)->dispose (object);
}

static void
cl_template_editor_finalize (GObject *object)
{
  ClTemplateEditor *self = CL_TEMPLATE_EDITOR (object);

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->letterhead, cl_letterhead_free);

  G_OBJECT_CLASS (cl_template_editor_parent_class)->finalize (object);
}

static void
cl_template_editor_class_init (ClTemplateEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_template_editor_dispose;
  object_class->finalize = cl_template_editor_finalize;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated_cb);
  gtk_widget_class_install_action (widget_class, "editor.new", NULL, new_activated_cb);
  gtk_widget_class_install_action (widget_class, "editor.reset", NULL, reset_activated_cb);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_activated_cb);
  gtk_widget_class_install_action (widget_class, "editor.import", NULL, import_activated_cb);
  gtk_widget_class_install_action (widget_class, "editor.export", NULL, export_activated_cb);
  gtk_widget_class_install_action (widget_class, "editor.preview", NULL, preview_activated_cb);
  gtk_widget_class_install_action (widget_class, "editor.insert-placeholder", "s",
                                   insert_placeholder_activated_cb);
  gtk_widget_class_install_action (widget_class, "editor.insert-directive", "s",
                                   insert_directive_activated_cb);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caseload/Caseload"
                                               "/ui/cl-template-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ClTemplateEditor, box);
  gtk_widget_class_bind_template_child (widget_class, ClTemplateEditor, template_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClTemplateEditor, template_titles);
  gtk_widget_class_bind_template_child (widget_class, ClTemplateEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, ClTemplateEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, ClTemplateEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, ClTemplateEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ClTemplateEditor, language_row);
  gtk_widget_class_bind_template_child (widget_class, ClTemplateEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, ClTemplateEditor, placeholder_button);
  gtk_widget_class_bind_template_child (widget_class, ClTemplateEditor, body_view);
  gtk_widget_class_bind_template_child (widget_class, ClTemplateEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, ClTemplateEditor, preview_area);
  gtk_widget_class_bind_template_child (widget_class, ClTemplateEditor, preview_label);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, template_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, body_query_tooltip_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_template_editor_init (ClTemplateEditor *self)
{
  g_autoptr(GMenuModel) placeholders = build_placeholder_menu ();
  GtkTextBuffer *buffer;

  self->shown_index = GTK_INVALID_LIST_POSITION;
  self->problems = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_menu_model (self->placeholder_button, placeholders);
  buffer = gtk_text_view_get_buffer (self->body_view);
  gtk_text_buffer_create_tag (buffer, "problem",
                              "underline", PANGO_UNDERLINE_ERROR,
                              "underline-rgba", &(GdkRGBA) { 0.88, 0.11, 0.14, 1.0 },
                              NULL);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (field_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_drawing_area_set_draw_func (self->preview_area, draw_preview, self, NULL);
  update_actions (self);
}
