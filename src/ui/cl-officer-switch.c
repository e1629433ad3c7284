/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-officer-switch"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "people/cl-officer-repository.h"
#include "ui/cl-officer-switch.h"

struct _ClOfficerSwitch
{
  GtkWidget            parent_instance;

  /* template */
  GtkMenuButton       *menu_button;
  GtkPopover          *popover;
  GtkListBox          *officer_list;
  AdwAvatar           *avatar;
  GtkLabel            *caption_label;
  GtkLabel            *name_label;

  ClDatabase          *db;
  GSettings           *settings;
  ClOfficerRepository *repository;
  GListModel          *officers;
  gint64               officer_id;
  char                *officer_name;
};

G_DEFINE_FINAL_TYPE (ClOfficerSwitch, cl_officer_switch, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_OFFICER_ID,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

#define SETTINGS_KEY "current-officer"

GtkWidget *
cl_officer_switch_new (void)
{
  return g_object_new (CL_TYPE_OFFICER_SWITCH, NULL);
}

static ClOfficer *
find_officer (ClOfficerSwitch *self,
              gint64           officer_id)
{
  guint n = self->officers != NULL ? g_list_model_get_n_items (self->officers) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClOfficer) officer = g_list_model_get_item (self->officers, i);

      if (cl_officer_get_id (officer) == officer_id)
        return officer;  /* the list keeps its reference */
    }
  return NULL;
}

/* The first education welfare officer by name, else the first officer. */
static gint64
default_officer (ClOfficerSwitch *self)
{
  guint n = self->officers != NULL ? g_list_model_get_n_items (self->officers) : 0;
  gint64 first = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClOfficer) officer = g_list_model_get_item (self->officers, i);

      if (first == 0)
        first = cl_officer_get_id (officer);
      if (g_strcmp0 (cl_officer_get_role (officer), "ewo") == 0)
        return cl_officer_get_id (officer);
    }
  return first;
}

static void
update_rows (ClOfficerSwitch *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->officer_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "cl-check");
      gint64 *id = g_object_get_data (G_OBJECT (row), "cl-officer-id");

      if (check != NULL && id != NULL)
        gtk_widget_set_opacity (check, *id == self->officer_id ? 1 : 0);
    }
}

static void
update_label (ClOfficerSwitch *self)
{
  if (self->officer_id == 0)
    {
      gtk_label_set_text (self->caption_label, _("No officers yet"));
      gtk_label_set_text (self->name_label, _("Everyone’s cases"));
      adw_avatar_set_text (self->avatar, NULL);
      gtk_widget_set_sensitive (GTK_WIDGET (self->menu_button), FALSE);
    }
  else
    {
      gtk_label_set_text (self->caption_label, _("Signed in as"));
      gtk_label_set_text (self->name_label, self->officer_name);
      adw_avatar_set_text (self->avatar, self->officer_name);
      gtk_widget_set_sensitive (GTK_WIDGET (self->menu_button), TRUE);
    }
  update_rows (self);
}

/* Takes officer_id (known to be in the list, or 0) as the one at the
 * keyboard, wherever it came from. */
static void
take_officer (ClOfficerSwitch *self,
              gint64           officer_id)
{
  ClOfficer *officer = find_officer (self, officer_id);
  gboolean changed = officer_id != self->officer_id;

  self->officer_id = officer != NULL ? officer_id : 0;
  g_free (self->officer_name);
  self->officer_name = g_strdup (officer != NULL ? cl_officer_get_name (officer) : "");

  if (self->db != NULL)
    {
      if (self->officer_id != 0)
        {
          g_autofree char *actor = g_strdup_printf ("officer:%" G_GINT64_FORMAT,
                                                    self->officer_id);
          cl_database_set_actor (self->db, actor);
        }
      else
        cl_database_set_actor (self->db, g_get_user_name ());
    }
  if (self->settings != NULL && self->officer_id != 0
      && g_settings_get_int64 (self->settings, SETTINGS_KEY) != self->officer_id)
    g_settings_set_int64 (self->settings, SETTINGS_KEY, self->officer_id);

  update_label (self);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFICER_ID]);
}

static GtkWidget *
make_row (ClOfficer *officer)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");
  gint64 *id = g_new (gint64, 1);

  *id = cl_officer_get_id (officer);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cl_officer_get_name (officer));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               cl_officer_role_label (cl_officer_get_role (officer)));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
  g_object_set_data (G_OBJECT (row), "cl-check", check);
  g_object_set_data_full (G_OBJECT (row), "cl-officer-id", id, g_free);
  return row;
}

gboolean
cl_officer_switch_reload (ClOfficerSwitch  *self,
                          GError          **error)
{
  g_autoptr(GListModel) officers = NULL;
  GtkWidget *child;
  gint64 wanted;
  guint n;

  g_return_val_if_fail (CL_IS_OFFICER_SWITCH (self), FALSE);
  g_return_val_if_fail (self->repository != NULL, FALSE);

  officers = cl_officer_repository_list (self->repository, error);
  if (officers == NULL)
    return FALSE;
  g_set_object (&self->officers, officers);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->officer_list))) != NULL)
    gtk_list_box_remove (self->officer_list, child);
  n = g_list_model_get_n_items (officers);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClOfficer) officer = g_list_model_get_item (officers, i);
      gtk_list_box_append (self->officer_list, make_row (officer));
    }

  wanted = self->officer_id;
  if (wanted == 0 && self->settings != NULL)
    wanted = g_settings_get_int64 (self->settings, SETTINGS_KEY);
  if (find_officer (self, wanted) == NULL)
    wanted = default_officer (self);
  /* Always taken again: the name may have changed, and the actor must be
   * set on this database. */
  take_officer (self, wanted);
  return TRUE;
}

void
cl_officer_switch_set_database (ClOfficerSwitch *self,
                                ClDatabase      *db,
                                GSettings       *settings)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CL_IS_OFFICER_SWITCH (self));
  g_return_if_fail (CL_IS_DATABASE (db));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  g_set_object (&self->db, db);
  g_set_object (&self->settings, settings);
  g_clear_object (&self->repository);
  self->repository = cl_officer_repository_new (db);
  self->officer_id = 0;
  if (!cl_officer_switch_reload (self, &error))
    g_warning ("Could not read the officers: %s", error->message);
}

gint64
cl_officer_switch_get_officer_id (ClOfficerSwitch *self)
{
  g_return_val_if_fail (CL_IS_OFFICER_SWITCH (self), 0);
  return self->officer_id;
}

void
cl_officer_switch_set_officer_id (ClOfficerSwitch *self,
                                  gint64           officer_id)
{
  g_return_if_fail (CL_IS_OFFICER_SWITCH (self));

  if (officer_id == self->officer_id)
    return;
  if (find_officer (self, officer_id) == NULL)
    {
      g_warning ("No officer %" G_GINT64_FORMAT " to sign in as", officer_id);
      return;
    }
  take_officer (self, officer_id);
}

const char *
cl_officer_switch_get_officer_name (ClOfficerSwitch *self)
{
  g_return_val_if_fail (CL_IS_OFFICER_SWITCH (self), NULL);
  return self->officer_name != NULL ? self->officer_name : "";
}

GListModel *
cl_officer_switch_get_officers (ClOfficerSwitch *self)
{
  g_return_val_if_fail (CL_IS_OFFICER_SWITCH (self), NULL);
  return self->officers;
}

static void
officer_activated_cb (ClOfficerSwitch *self,
                      GtkListBoxRow   *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "cl-officer-id");

  gtk_popover_popdown (self->popover);
  if (id != NULL)
    cl_officer_switch_set_officer_id (self, *id);
}

static void
cl_officer_switch_dispose (GObject *object)
{
  ClOfficerSwitch *self = CL_OFFICER_SWITCH (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_OFFICER_SWITCH);
  g_clear_object (&self->officers);
  g_clear_object (&self->repository);
  g_clear_object (&self->settings);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (cl_officer_switch_parent_class)->dispose (object);
}

static void
cl_officer_switch_finalize (GObject *object)
{
  ClOfficerSwitch *self = CL_OFFICER_SWITCH (object);

  g_free (self->officer_name);

  G_OBJECT_CLASS (cl_officer_switch_parent_class)->finalize (object);
}

static void
cl_officer_switch_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ClOfficerSwitch *self = CL_OFFICER_SWITCH (object);

  switch (prop_id)
    {
    case PROP_OFFICER_ID:
      g_value_set_int64 (value, self->officer_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_officer_switch_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ClOfficerSwitch *self = CL_OFFICER_SWITCH (object);

  switch (prop_id)
    {
    case PROP_OFFICER_ID:
      cl_officer_switch_set_officer_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_officer_switch_class_init (ClOfficerSwitchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_officer_switch_dispose;
  object_class->finalize = cl_officer_switch_finalize;
  object_class->get_property = cl_officer_switch_get_property;
  object_class->set_property = cl_officer_switch_set_property;

  properties[PROP_OFFICER_ID] =
    g_param_spec_int64 ("officer-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caseload/Caseload"
                                               "/ui/cl-officer-switch.ui");
  gtk_widget_class_bind_template_child (widget_class, ClOfficerSwitch, menu_button);
  gtk_widget_class_bind_template_child (widget_class, ClOfficerSwitch, popover);
  gtk_widget_class_bind_template_child (widget_class, ClOfficerSwitch, officer_list);
  gtk_widget_class_bind_template_child (widget_class, ClOfficerSwitch, avatar);
  gtk_widget_class_bind_template_child (widget_class, ClOfficerSwitch, caption_label);
  gtk_widget_class_bind_template_child (widget_class, ClOfficerSwitch, name_label);
  gtk_widget_class_bind_template_callback (widget_class, officer_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_officer_switch_init (ClOfficerSwitch *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_label (self);
}
