/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-application"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-ui-resources.h"
#include "people/cl-officer-repository.h"
#include "people/cl-pupil-repository.h"
#include "people/cl-school-repository.h"
#include "ui/cl-application.h"
#include "ui/cl-codes-window.h"
#include "ui/cl-window.h"

struct _ClApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  ClDatabase     *db;
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (ClApplication, cl_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DATABASE_PATH,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void open_database (ClApplication *self);

ClApplication *
cl_application_new (void)
{
  return g_object_new (CL_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/caseload/Caseload",
                       NULL);
}

ClDatabase *
cl_application_get_database (ClApplication *self)
{
  g_return_val_if_fail (CL_IS_APPLICATION (self), NULL);
  return self->db;
}

const char *
cl_application_get_database_path (ClApplication *self)
{
  g_return_val_if_fail (CL_IS_APPLICATION (self), NULL);
  return self->database_path;
}

void
cl_application_set_database_path (ClApplication *self,
                                  const char    *path)
{
  g_return_if_fail (CL_IS_APPLICATION (self));

  if (g_strcmp0 (self->database_path, path) == 0)
    return;
  g_free (self->database_path);
  self->database_path = g_strdup (path);
  /* Windows keep the database they were opened on; the next activation
   * opens this one. */
  g_clear_object (&self->db);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE_PATH]);
}

GSettings *
cl_application_get_settings (ClApplication *self)
{
  g_return_val_if_fail (CL_IS_APPLICATION (self), NULL);
  return self->settings;
}

static void
apply_color_scheme (ClApplication *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autofree char *scheme = NULL;

  if (self->settings == NULL)
    return;
  scheme = g_settings_get_string (self->settings, "color-scheme");
  if (g_strcmp0 (scheme, "dark") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  else if (g_strcmp0 (scheme, "light") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  ClApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing each window lets it save its state and ask about unsaved
   * changes; the application ends when the last one has gone. */
  if (windows == NULL)
    g_application_quit (G_APPLICATION (self));
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  ClApplication *self = user_data;
  static const char *developers[] = { "The Caseload developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Caseload"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Caseload developers"),
                         "developers", developers,
                         "comments", _("Casework, attendance and the legal process for "
                                       "education welfare officers."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", _("© The Caseload developers"),
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
help_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  ClApplication *self = user_data;

  gtk_show_uri (gtk_application_get_active_window (GTK_APPLICATION (self)),
                "help:caseload", GDK_CURRENT_TIME);
}

static void
shortcuts_activated_cb (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  ClApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

/* The codes of the database of the window in front. */
static void
show_codes_activated_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  ClApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  ClDatabase *db = self->db;
  ClCodesWindow *codes;

  while (window != NULL && !CL_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);
  if (window != NULL)
    db = cl_window_get_database (CL_WINDOW (window));
  if (db == NULL)
    return;
  codes = cl_codes_window_new (window, db);
  /* The pupils' figures and registers follow the new categories. */
  if (window != NULL)
    g_signal_connect_object (codes, "category-changed", G_CALLBACK (cl_window_reload), window,
                             G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (codes));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated_cb, NULL, NULL, NULL, { 0 } },
  { "about", about_activated_cb, NULL, NULL, NULL, { 0 } },
  { "help", help_activated_cb, NULL, NULL, NULL, { 0 } },
  { "shortcuts", shortcuts_activated_cb, NULL, NULL, NULL, { 0 } },
  { "show-codes", show_codes_activated_cb, NULL, NULL, NULL, { 0 } },
};

static void
set_accels (GtkApplication *app,
            const char     *action,
            const char     *accel)
{
  const char *accels[] = { accel, NULL };
  gtk_application_set_accels_for_action (app, action, accels);
}

static void
cl_application_startup (GApplication *app)
{
  ClApplication *self = CL_APPLICATION (app);
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *source;

  G_APPLICATION_CLASS (cl_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  set_accels (GTK_APPLICATION (self), "app.quit", "<Control>q");
  set_accels (GTK_APPLICATION (self), "app.help", "F1");
  set_accels (GTK_APPLICATION (self), "app.shortcuts", "<Control>question");
  set_accels (GTK_APPLICATION (self), "win.import-register", "<Control>i");

  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    {
      g_autoptr(GAction) scheme_action = NULL;

      self->settings = g_settings_new (APPLICATION_ID);
      g_signal_connect_object (self->settings, "changed::color-scheme",
                               G_CALLBACK (apply_color_scheme), self, G_CONNECT_SWAPPED);
      scheme_action = g_settings_create_action (self->settings, "color-scheme");
      g_action_map_add_action (G_ACTION_MAP (self), scheme_action);
      apply_color_scheme (self);
    }
  else
    g_message ("GSettings schema %s is not installed; window state will not be kept",
               APPLICATION_ID);
}

static gboolean
file_exists (const char *path)
{
  return path != NULL && *path != '\0' && g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static void
choose_database_path (ClApplication *self)
{
  g_autofree char *last = NULL;

  if (self->database_path != NULL)
    return;
  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-database");
  if (file_exists (last))
    self->database_path = g_steal_pointer (&last);
  else
    self->database_path = cl_database_default_path ();
}

/* The dialog closes itself after answering. */
static void
open_failed_response_cb (ClApplication    *self,
                         const char       *response,
                         AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "default") == 0)
    {
      g_autofree char *path = cl_database_default_path ();

      cl_application_set_database_path (self, path);
      g_application_activate (G_APPLICATION (self));
    }
}

static void
show_open_error (ClApplication *self,
                 const GError  *error)
{
  g_autofree char *default_path = cl_database_default_path ();
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (NULL, _("Could Not Open the Database"), error->message);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  if (g_strcmp0 (default_path, self->database_path) != 0)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "default",
                                        _("Open _Default Database"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "default",
                                                  ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_failed_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_actor (ClApplication *self)
{
  gint64 officer_id = 0;

  if (self->settings != NULL)
    officer_id = g_settings_get_int64 (self->settings, "current-officer");
  if (officer_id > 0)
    {
      g_autoptr(ClOfficerRepository) officers = cl_officer_repository_new (self->db);
      g_autoptr(ClOfficer) officer = cl_officer_repository_get (officers, officer_id, NULL);

      /* As the window's officer switch records it: "officer:<id>". */
      if (officer != NULL)
        {
          g_autofree char *actor = g_strdup_printf ("officer:%" G_GINT64_FORMAT, officer_id);
          cl_database_set_actor (self->db, actor);
          return;
        }
    }
  cl_database_set_actor (self->db, g_get_user_name ());
}

static void
purge_deleted (ClApplication *self)
{
  g_autoptr(ClPupilRepository) pupils = cl_pupil_repository_new (self->db);
  g_autoptr(ClSchoolRepository) schools = cl_school_repository_new (self->db);
  g_autoptr(GError) error = NULL;

  /* What was deleted in the last session can no longer be undone. */
  if (!cl_pupil_repository_purge_deleted (pupils, &error)
      || !cl_school_repository_purge_deleted (schools, &error))
    g_warning ("Could not purge deleted records: %s", error->message);
}

static void
open_database (ClApplication *self)
{
  g_autoptr(GError) error = NULL;

  choose_database_path (self);
  self->db = cl_database_open (self->database_path, &error);
  if (self->db == NULL)
    {
      show_open_error (self, error);
      return;
    }
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-database", self->database_path);
  set_actor (self);
  purge_deleted (self);
}

static void
cl_application_activate (GApplication *app)
{
  ClApplication *self = CL_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL && CL_IS_WINDOW (window))
    {
      gtk_window_present (window);
      return;
    }
  if (self->db == NULL)
    {
      open_database (self);
      if (self->db == NULL)
        return;
    }
  window = GTK_WINDOW (cl_window_new (self, self->db));
  gtk_window_present (window);
}

static int
cl_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  ClApplication *self = CL_APPLICATION (app);
  const char *path = NULL;

  if (g_variant_dict_lookup (options, "db", "^&ay", &path) && path != NULL && *path != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autofree char *absolute = g_file_get_path (file);

      cl_application_set_database_path (self, absolute != NULL ? absolute : path);
      /* Another database is another session: do not hand over to a
       * running instance that has a different file open. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }
  return -1;
}

static void
cl_application_shutdown (GApplication *app)
{
  ClApplication *self = CL_APPLICATION (app);

  G_APPLICATION_CLASS (cl_application_parent_class)->shutdown (app);
  g_clear_object (&self->db);
}

static void
cl_application_finalize (GObject *object)
{
  ClApplication *self = CL_APPLICATION (object);

  g_clear_object (&self->db);
  g_clear_object (&self->settings);
  g_free (self->database_path);

  G_OBJECT_CLASS (cl_application_parent_class)->finalize (object);
}

static void
cl_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ClApplication *self = CL_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_application_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ClApplication *self = CL_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      cl_application_set_database_path (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_application_class_init (ClApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = cl_application_finalize;
  object_class->get_property = cl_application_get_property;
  object_class->set_property = cl_application_set_property;

  app_class->startup = cl_application_startup;
  app_class->activate = cl_application_activate;
  app_class->shutdown = cl_application_shutdown;
  app_class->handle_local_options = cl_application_handle_local_options;

  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  cl_ui_register_resource ();
}

static void
cl_application_init (ClApplication *self)
{
  static const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the Caseload database at PATH"), N_("PATH") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Casework for education welfare officers."));
}
