/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/cl-caseload-page.h"
#include "ui/cl-demo-task.h"
#include "ui/cl-format.h"
#include "ui/cl-window-private.h"

/* The size of the authority behind "Explore with Demo Data": a traded
 * service's dozen schools, and pupils enough to make search worth having. */
#define DEMO_SCHOOLS CL_DEMO_DEFAULT_SCHOOLS
#define DEMO_PUPILS  CL_DEMO_DEFAULT_PUPILS
#define DEMO_SEED    CL_DEMO_DEFAULT_SEED

struct _ClWindow
{
  AdwApplicationWindow  parent_instance;

  /* template */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  ClWelcomePage        *welcome_page;
  AdwLeaflet           *leaflet;
  AdwWindowTitle       *sidebar_title;
  GtkListBox           *sidebar_list;
  AdwViewStack         *view_stack;
  ClPupilsPage         *pupils_page;
  ClSchoolsPage        *schools_page;
  ClCaseloadPage       *caseload_page;
  ClOfficerSwitch      *officer_switch;
  ClReportsPage        *reports_page;

  ClDatabase           *db;
  GCancellable         *demo_cancellable;
  gboolean              pupils_stale;
  gboolean              schools_stale;
  gboolean              caseload_stale;
  gboolean              officer_ready;
  gboolean              close_confirmed;
};

G_DEFINE_FINAL_TYPE (ClWindow, cl_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

ClWindow *
cl_window_new (ClApplication *application,
               ClDatabase    *db)
{
  g_return_val_if_fail (CL_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  return g_object_new (CL_TYPE_WINDOW,
                       "application", application,
                       "database", db,
                       NULL);
}

ClDatabase *
cl_window_get_database (ClWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);
  return self->db;
}

void
cl_window_add_toast (ClWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (CL_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static GSettings *
get_settings (ClWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return CL_IS_APPLICATION (app) ? cl_application_get_settings (CL_APPLICATION (app)) : NULL;
}

static void
show_error (ClWindow     *self,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reload_pupils (ClWindow *self)
{
  g_autoptr(GError) error = NULL;

  self->pupils_stale = FALSE;
  if (!cl_pupils_page_reload (self->pupils_page, &error))
    show_error (self, _("Could Not Read the Pupils"), error);
}

static void
reload_schools (ClWindow *self)
{
  g_autoptr(GError) error = NULL;

  self->schools_stale = FALSE;
  if (!cl_schools_page_reload (self->schools_page, &error))
    show_error (self, _("Could Not Read the Schools"), error);
}

static void reload_caseload (ClWindow *self);

void
cl_window_reload (ClWindow *self)
{
  g_return_if_fail (CL_IS_WINDOW (self));

  reload_schools (self);
  reload_pupils (self);
  reload_caseload (self);
}

/* The officer at the keyboard: chosen once the window has its application
 * (which has the settings); the caseload follows the officer. */
static void
ensure_officer (ClWindow *self)
{
  if (self->officer_ready)
    return;
  self->officer_ready = TRUE;
  cl_officer_switch_set_database (self->officer_switch, self->db, get_settings (self));
  cl_caseload_page_set_officer (self->caseload_page,
                                cl_officer_switch_get_officer_id (self->officer_switch));
}

static void
officer_changed_cb (ClWindow *self)
{
  if (self->officer_ready)
    cl_caseload_page_set_officer (self->caseload_page,
                                  cl_officer_switch_get_officer_id (self->officer_switch));
}

/* After the demo data or an import: the officers, and the caseload. */
static void
reload_caseload (ClWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!self->officer_ready)
    return;
  if (!cl_officer_switch_reload (self->officer_switch, &error)
      || !cl_caseload_page_reload (self->caseload_page, &error))
    show_error (self, _("Could Not Read the Caseload"), error);
  self->caseload_stale = FALSE;
}

static GtkListBoxRow *
find_row (ClWindow   *self,
          const char *name)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar_list, i);

      if (row == NULL || g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), name) == 0)
        return row;
    }
}

void
cl_window_show_page (ClWindow   *self,
                     const char *name)
{
  GtkListBoxRow *row;

  g_return_if_fail (CL_IS_WINDOW (self));

  row = find_row (self, name);
  g_return_if_fail (row != NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "main");
  gtk_list_box_select_row (self->sidebar_list, row);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->view_stack));
}

static void
sidebar_row_selected_cb (ClWindow      *self,
                         GtkListBoxRow *row)
{
  const char *name;

  if (row == NULL)
    return;
  name = gtk_widget_get_name (GTK_WIDGET (row));
  if (g_str_equal (name, "pupils") && self->pupils_stale)
    reload_pupils (self);
  else if (g_str_equal (name, "schools") && self->schools_stale)
    reload_schools (self);
  else if (g_str_equal (name, "caseload") && self->caseload_stale && self->officer_ready)
    {
      g_autoptr(GError) error = NULL;

      self->caseload_stale = FALSE;
      if (!cl_caseload_page_reload (self->caseload_page, &error))
        show_error (self, _("Could Not Read the Caseload"), error);
    }
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
sidebar_row_activated_cb (ClWindow      *self,
                          GtkListBoxRow *row)
{
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->view_stack));
}

static void
pupils_changed_cb (ClWindow *self)
{
  /* Pupil counts on the Schools page; names on the caseload. */
  self->schools_stale = TRUE;
  self->caseload_stale = TRUE;
}

static void
schools_changed_cb (ClWindow *self)
{
  /* School names and the choice of school on the Pupils page. */
  self->pupils_stale = TRUE;
  self->caseload_stale = TRUE;
}

static gboolean
welcome_done (ClWindow *self)
{
  g_autofree char *done = cl_database_get_setting (self->db, "welcome-done");

  return g_strcmp0 (done, "1") == 0;
}

static void
set_welcome_done (ClWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!cl_database_set_setting (self->db, "welcome-done", "1", &error))
    g_warning ("Could not record the welcome choice: %s", error->message);
}

static void
demo_progress_cb (double      fraction,
                  const char *text,
                  gpointer    user_data)
{
  ClWindow *self = user_data;

  if (self->welcome_page != NULL)  /* NULL once the window has gone */
    cl_welcome_page_set_progress (self->welcome_page, fraction, text);
}

static void
demo_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ClWindow *self = CL_WINDOW (source);
  g_autoptr(GError) error = NULL;
  ClDemoSummary summary = { 0 };
  gboolean ok;
  g_autofree char *pupils = NULL;
  g_autofree char *message = NULL;

  g_clear_object (&self->demo_cancellable);
  ok = cl_demo_task_run_finish (result, &summary, &error);
  if (self->welcome_page == NULL)
    return;  /* the window has been closed meanwhile */
  if (!ok)
    {
      cl_welcome_page_set_busy (self->welcome_page, FALSE);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could Not Create the Demo Data"), error);
      return;
    }

  set_welcome_done (self);
  reload_schools (self);
  reload_pupils (self);
  reload_caseload (self);
  cl_welcome_page_set_busy (self->welcome_page, FALSE);
  cl_window_show_page (self, "pupils");

  pupils = cl_format_count (summary.n_pupils);
  /* Translators: "Demo data added: 12 schools and 2,400 pupils". */
  message = g_strdup_printf (_("Demo data added: %u schools and %s pupils"),
                             summary.n_schools, pupils);
  cl_window_add_toast (self, adw_toast_new (message));
}

static void
welcome_explore_cb (ClWindow *self)
{
  if (self->demo_cancellable != NULL)
    return;
  cl_welcome_page_set_busy (self->welcome_page, TRUE);
  self->demo_cancellable = g_cancellable_new ();
  cl_demo_task_run_async (self, cl_database_get_path (self->db),
                          DEMO_SCHOOLS, DEMO_PUPILS, DEMO_SEED,
                          demo_progress_cb, self,
                          self->demo_cancellable, demo_done_cb, NULL);
}

static void
welcome_cancel_cb (ClWindow *self)
{
  g_cancellable_cancel (self->demo_cancellable);
}

static void
welcome_start_empty_cb (ClWindow *self)
{
  set_welcome_done (self);
  cl_window_show_page (self, "schools");
}

static void
show_sidebar_activated_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  ClWindow *self = user_data;

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
import_register_activated_cb (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  cl_window_import_register (CL_WINDOW (user_data));
}

/* Shows a pupil, by id, on the Pupils page (from the school's list). */
static void
show_pupil_activated_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  ClWindow *self = user_data;

  cl_window_show_page (self, "pupils");
  if (!cl_pupils_page_show_pupil (self->pupils_page, g_variant_get_int64 (parameter)))
    cl_window_add_toast (self, adw_toast_new (_("That pupil is no longer in Caseload")));
}

/* Opens "Write Letters" about a pupil, by id (0: choose them there), for
 * example from the pupil in view; letters about many pupils start from the
 * Reports page. */
static void
write_letters_activated_cb (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  ClWindow *self = user_data;
  gint64 pupil_id = g_variant_get_int64 (parameter);

  if (pupil_id > 0)
    cl_reports_page_write_letters_about (self->reports_page, pupil_id);
  else
    gtk_widget_activate_action (GTK_WIDGET (self->reports_page), "reports.write-letters", "s", "");
}

/* Opens the New Case dialog for a pupil, by id (0: choose one). */
static void
new_case_activated_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  ClWindow *self = user_data;

  ensure_officer (self);
  cl_window_show_page (self, "caseload");
  cl_caseload_page_new_case (self->caseload_page, g_variant_get_int64 (parameter));
}

static const GActionEntry win_actions[] = {
  { "show-sidebar", show_sidebar_activated_cb, NULL, NULL, NULL, { 0 } },
  { "new-case", new_case_activated_cb, "x", NULL, NULL, { 0 } },
  { "import-register", import_register_activated_cb, NULL, NULL, NULL, { 0 } },
  { "show-pupil", show_pupil_activated_cb, "x", NULL, NULL, { 0 } },
  { "write-letters", write_letters_activated_cb, "x", NULL, NULL, { 0 } },
};

static void
save_window_state (ClWindow *self)
{
  GSettings *settings = get_settings (self);
  int width, height;

  if (settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (settings);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
  g_settings_set_boolean (settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (settings);
}

static void
restore_window_state (ClWindow *self)
{
  GSettings *settings = get_settings (self);

  if (settings == NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self), 1100, 720);
      return;
    }
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
close_response_cb (ClWindow   *self,
                   const char *response)
{
  if (g_strcmp0 (response, "save") == 0)
    {
      if ((cl_pupils_page_get_has_unsaved_changes (self->pupils_page)
           && !cl_pupils_page_save (self->pupils_page))
          || (cl_schools_page_get_has_unsaved_changes (self->schools_page)
              && !cl_schools_page_save (self->schools_page))
          || (cl_reports_page_get_has_unsaved_changes (self->reports_page)
              && !cl_template_editor_save (cl_reports_page_get_template_editor (self->reports_page))))
        return;
    }
  else if (g_strcmp0 (response, "discard") != 0)
    return;
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
cl_window_realize (GtkWidget *widget)
{
  /* Not in constructed: "application", which has the settings, is set
   * after construction. */
  restore_window_state (CL_WINDOW (widget));
  ensure_officer (CL_WINDOW (widget));
  GTK_WIDGET_CLASS (cl_window_parent_class)->realize (widget);
}

static gboolean
cl_window_close_request (GtkWindow *window)
{
  ClWindow *self = CL_WINDOW (window);
  GtkWidget *dialog;

  /* A casework form with changes asks about them itself. */
  if (!self->close_confirmed && cl_caseload_page_get_has_unsaved_changes (self->caseload_page))
    {
      cl_caseload_page_present_unsaved (self->caseload_page);
      return TRUE;
    }
  if (!self->close_confirmed
      && (cl_pupils_page_get_has_unsaved_changes (self->pupils_page)
          || cl_schools_page_get_has_unsaved_changes (self->schools_page)
          || cl_reports_page_get_has_unsaved_changes (self->reports_page)))
    {
      dialog = adw_message_dialog_new (window, _("Save Changes?"),
                                       _("Some changes have not been saved. If you close "
                                         "Caseload without saving, they will be lost."));
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
      g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  g_cancellable_cancel (self->demo_cancellable);
  save_window_state (self);
  return GTK_WINDOW_CLASS (cl_window_parent_class)->close_request (window);
}

static void
cl_window_constructed (GObject *object)
{
  ClWindow *self = CL_WINDOW (object);
  g_autofree char *basename = NULL;

  G_OBJECT_CLASS (cl_window_parent_class)->constructed (object);

  g_assert (self->db != NULL);
  basename = g_path_get_basename (cl_database_get_path (self->db));
  adw_window_title_set_subtitle (self->sidebar_title, basename);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sidebar_title), cl_database_get_path (self->db));

  cl_pupils_page_set_database (self->pupils_page, self->db);
  cl_schools_page_set_database (self->schools_page, self->db);
  cl_caseload_page_set_database (self->caseload_page, self->db);
  cl_reports_page_set_database (self->reports_page, self->db);
  reload_schools (self);
  reload_pupils (self);

  if (cl_schools_page_get_n_schools (self->schools_page) == 0
      && cl_pupils_page_get_n_pupils (self->pupils_page) == 0)
    {
      if (welcome_done (self))
        cl_window_show_page (self, "schools");
      else
        gtk_stack_set_visible_child_name (self->main_stack, "welcome");
    }
  else
    cl_window_show_page (self, cl_schools_page_get_n_schools (self->schools_page) > 0
                                 && cl_pupils_page_get_n_pupils (self->pupils_page) == 0
                               ? "schools" : "caseload");
}

static void
application_set_cb (ClWindow *self)
{
  if (gtk_window_get_application (GTK_WINDOW (self)) != NULL)
    ensure_officer (self);
}

ClCaseloadPage *
cl_window_get_caseload_page (ClWindow *self)
{
  return self->caseload_page;
}

ClOfficerSwitch *
cl_window_get_officer_switch (ClWindow *self)
{
  return self->officer_switch;
}

ClPupilsPage *
cl_window_get_pupils_page (ClWindow *self)
{
  return self->pupils_page;
}

ClSchoolsPage *
cl_window_get_schools_page (ClWindow *self)
{
  return self->schools_page;
}

ClReportsPage *
cl_window_get_reports_page (ClWindow *self)
{
  return self->reports_page;
}

ClWelcomePage *
cl_window_get_welcome_page (ClWindow *self)
{
  return self->welcome_page;
}

const char *
cl_window_get_visible_page (ClWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "welcome") == 0)
    return "welcome";
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

GtkWidget *
cl_window_get_page (ClWindow   *self,
                    const char *name)
{
  return adw_view_stack_get_child_by_name (self->view_stack, name);
}

static void
cl_window_dispose (GObject *object)
{
  ClWindow *self = CL_WINDOW (object);

  g_cancellable_cancel (self->demo_cancellable);
  g_clear_object (&self->demo_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_WINDOW);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (cl_window_parent_class)->dispose (object);
}

static void
cl_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ClWindow *self = CL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->db);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ClWindow *self = CL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->db = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_window_class_init (ClWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = cl_window_constructed;
  object_class->dispose = cl_window_dispose;
  object_class->get_property = cl_window_get_property;
  object_class->set_property = cl_window_set_property;
  widget_class->realize = cl_window_realize;
  window_class->close_request = cl_window_close_request;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, CL_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CL_TYPE_WELCOME_PAGE);
  g_type_ensure (CL_TYPE_PUPILS_PAGE);
  g_type_ensure (CL_TYPE_SCHOOLS_PAGE);
  g_type_ensure (CL_TYPE_CASELOAD_PAGE);
  g_type_ensure (CL_TYPE_OFFICER_SWITCH);
  g_type_ensure (CL_TYPE_REPORTS_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caseload/Caseload"
                                               "/ui/cl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, pupils_page);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, schools_page);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, caseload_page);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, officer_switch);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, reports_page);
  gtk_widget_class_bind_template_callback (widget_class, officer_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, pupils_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, schools_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, welcome_explore_cb);
  gtk_widget_class_bind_template_callback (widget_class, welcome_start_empty_cb);
  gtk_widget_class_bind_template_callback (widget_class, welcome_cancel_cb);
}

static void
cl_window_init (ClWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);
  g_signal_connect (self, "notify::application", G_CALLBACK (application_set_cb), NULL);
}
