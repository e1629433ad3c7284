/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-school-editor"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "attendance/cl-calendar.h"
#include "people/cl-officer.h"
#include "store/cl-dates.h"
#include "ui/cl-calendar-dialog.h"
#include "ui/cl-format.h"
#include "ui/cl-school-attendance.h"
#include "ui/cl-school-editor.h"
#include "ui/cl-window-private.h"

struct _ClSchoolEditor
{
  GtkWidget            parent_instance;

  GtkStack            *stack;
  AdwPreferencesGroup *identity_group;
  AdwEntryRow         *text_rows[CL_SCHOOL_N_TEXT];      /* none for the three choices */
  AdwEntryRow         *number_rows[CL_SCHOOL_N_NUMBERS];
  AdwComboRow         *type_row;
  AdwComboRow         *phase_row;
  AdwComboRow         *country_row;
  AdwComboRow         *officer_row;
  AdwActionRow        *pupils_row;
  GtkLabel            *error_label;
  AdwPreferencesGroup *delete_group;
  AdwPreferencesGroup *attendance_group;
  ClSchoolAttendance  *attendance;
  AdwPreferencesGroup *calendar_group;
  AdwActionRow        *calendar_row;

  ClDatabase          *db;               /* for the attendance; may be NULL */
  GListStore          *officer_sources;  /* GListModels: "no officer", then the officers */
  GtkFlattenListModel *officer_model;

  ClSchool            *source;
  ClSchool            *baseline;
  ClSchool            *draft;
  gboolean             bad_number[CL_SCHOOL_N_NUMBERS];
  gboolean             touched[CL_SCHOOL_N_TEXT + CL_SCHOOL_N_NUMBERS];
  gboolean             loading;
  gboolean             dirty;
  gboolean             valid;
};

G_DEFINE_FINAL_TYPE (ClSchoolEditor, cl_school_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EDITING,
  PROP_DIRTY,
  PROP_VALID,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static const char *const text_row_ids[CL_SCHOOL_N_TEXT] = {
  "name_row", NULL, NULL, NULL, "address_row", "postcode_row", "head_row",
};
static const char *const number_row_ids[CL_SCHOOL_N_NUMBERS] = {
  "urn_row", "la_row", "estab_row", "roll_row",
};
/* The property names cl_school_validate reports, for each number. */
static const char *const number_props[CL_SCHOOL_N_NUMBERS] = {
  "urn", "la-code", "estab", "number-on-roll",
};
static const char *const countries[] = { "england", "wales", NULL };

GtkWidget *
cl_school_editor_new (void)
{
  return g_object_new (CL_TYPE_SCHOOL_EDITOR, NULL);
}

static const char *
country_label (const char *country)
{
  return g_strcmp0 (country, "wales") == 0 ? _("Wales") : _("England");
}

static GtkStringList *
labels_model (const char *const *ids,
              const char *(*label) (const char *))
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (list, label (ids[i]));
  return list;
}

static void
select_id (AdwComboRow        *row,
           const char *const  *ids,
           const char         *id)
{
  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], id) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  adw_combo_row_set_selected (row, 0);
}

static const char *
selected_id (AdwComboRow       *row,
             const char *const *ids)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected < g_strv_length ((char **) ids) ? ids[selected] : NULL;
}

static void
select_officer (ClSchoolEditor *self,
                gint64          officer_id)
{
  GListModel *model = G_LIST_MODEL (self->officer_model);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClOfficer) officer = g_list_model_get_item (model, i);

      if (cl_officer_get_id (officer) == officer_id)
        {
          adw_combo_row_set_selected (self->officer_row, i);
          return;
        }
    }
  adw_combo_row_set_selected (self->officer_row, 0);
}

static GtkWidget *
row_for_field (ClSchoolEditor *self,
               const char     *property)
{
  if (g_strcmp0 (property, "school-type") == 0)
    return GTK_WIDGET (self->type_row);
  if (g_strcmp0 (property, "phase") == 0)
    return GTK_WIDGET (self->phase_row);
  if (g_strcmp0 (property, "country") == 0)
    return GTK_WIDGET (self->country_row);
  if (g_strcmp0 (property, "name") == 0)
    return GTK_WIDGET (self->text_rows[CL_SCHOOL_NAME]);
  for (guint i = 0; i < CL_SCHOOL_N_NUMBERS; i++)
    if (g_strcmp0 (property, number_props[i]) == 0)
      return GTK_WIDGET (self->number_rows[i]);
  return NULL;
}

static gboolean
field_touched (ClSchoolEditor *self,
               const char     *property)
{
  if (g_strcmp0 (property, "name") == 0)
    return self->touched[CL_SCHOOL_NAME];
  for (guint i = 0; i < CL_SCHOOL_N_NUMBERS; i++)
    if (g_strcmp0 (property, number_props[i]) == 0)
      return self->touched[CL_SCHOOL_N_TEXT + i];
  return TRUE;
}

static gboolean
compute_dirty (ClSchoolEditor *self)
{
  if (self->draft == NULL)
    return FALSE;
  for (guint i = 0; i < CL_SCHOOL_N_TEXT; i++)
    if (g_strcmp0 (cl_school_get_text (self->draft, i),
                   cl_school_get_text (self->baseline, i)) != 0)
      return TRUE;
  for (guint i = 0; i < CL_SCHOOL_N_NUMBERS; i++)
    if (self->bad_number[i]
        || cl_school_get_number (self->draft, i) != cl_school_get_number (self->baseline, i))
      return TRUE;
  return cl_school_get_link_officer_id (self->draft)
         != cl_school_get_link_officer_id (self->baseline);
}

/* Numbers that are not numbers are caught here, before the draft (which
 * holds numbers) could say anything about them. */
static gboolean
check_numbers (ClSchoolEditor  *self,
               const char     **field,
               GError         **error)
{
  for (guint i = 0; i < CL_SCHOOL_N_NUMBERS; i++)
    if (self->bad_number[i])
      {
        *field = number_props[i];
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: enter digits only."),
                     adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->number_rows[i])));
        return FALSE;
      }
  return TRUE;
}

static void
show_validation (ClSchoolEditor *self,
                 const char     *field,
                 const GError   *error)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->text_rows[CL_SCHOOL_NAME]), GTK_WIDGET (self->type_row),
    GTK_WIDGET (self->phase_row), GTK_WIDGET (self->country_row),
    GTK_WIDGET (self->number_rows[0]), GTK_WIDGET (self->number_rows[1]),
    GTK_WIDGET (self->number_rows[2]), GTK_WIDGET (self->number_rows[3]),
  };
  GtkWidget *bad_row;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_remove_css_class (rows[i], "error");
  if (error == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
      return;
    }

  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (cl_school_editor_is_new (self) && !field_touched (self, field))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->error_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "dim-label");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->error_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  bad_row = row_for_field (self, field);
  if (bad_row != NULL)
    gtk_widget_add_css_class (bad_row, "error");
}

static void
update_state (ClSchoolEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *field = NULL;
  gboolean valid = FALSE, dirty = FALSE;

  if (self->draft != NULL)
    {
      const char *name = cl_school_get_name (self->draft);

      valid = check_numbers (self, &field, &error)
              && cl_school_validate (self->draft, &field, &error);
      dirty = compute_dirty (self);
      show_validation (self, field, error);
      adw_preferences_group_set_title (self->identity_group,
                                       *name != '\0' ? name
                                       : cl_school_editor_is_new (self) ? _("New School")
                                       : _("School"));
    }

  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
  if (dirty != self->dirty)
    {
      self->dirty = dirty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }
}

static void
text_changed_cb (ClSchoolEditor *self,
                 GtkEditable    *editable)
{
  ClSchoolText field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "cl-field"));
  const char *text = gtk_editable_get_text (editable);

  if (self->loading || self->draft == NULL)
    return;
  self->touched[field] = TRUE;
  cl_school_set_text (self->draft, field, *text != '\0' ? text : NULL);
  update_state (self);
}

static void
number_changed_cb (ClSchoolEditor *self,
                   GtkEditable    *editable)
{
  ClSchoolNumber field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "cl-field"));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  guint64 value = 0;

  if (self->loading || self->draft == NULL)
    return;
  self->touched[CL_SCHOOL_N_TEXT + field] = TRUE;
  self->bad_number[field] = *text != '\0'
                            && !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &value, NULL);
  cl_school_set_number (self->draft, field, (guint) value);
  update_state (self);
}

static void
choice_selected_cb (ClSchoolEditor *self)
{
  if (self->loading || self->draft == NULL)
    return;
  cl_school_set_text (self->draft, CL_SCHOOL_TYPE,
                      selected_id (self->type_row, cl_school_types ()));
  cl_school_set_text (self->draft, CL_SCHOOL_PHASE,
                      selected_id (self->phase_row, cl_school_phases ()));
  cl_school_set_text (self->draft, CL_SCHOOL_COUNTRY, selected_id (self->country_row, countries));
  update_state (self);
}

static void
officer_selected_cb (ClSchoolEditor *self)
{
  ClOfficer *officer;

  if (self->loading || self->draft == NULL)
    return;
  officer = adw_combo_row_get_selected_item (self->officer_row);
  if (officer == NULL || cl_officer_get_id (officer) == 0)
    cl_school_set_link_officer (self->draft, 0, NULL);
  else
    cl_school_set_link_officer (self->draft, cl_officer_get_id (officer),
                                cl_officer_get_name (officer));
  update_state (self);
}

void
cl_school_editor_set_officers (ClSchoolEditor *self,
                               GListModel     *officers)
{
  gboolean was_loading;

  g_return_if_fail (CL_IS_SCHOOL_EDITOR (self));
  g_return_if_fail (officers == NULL || G_IS_LIST_MODEL (officers));

  was_loading = self->loading;
  self->loading = TRUE;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->officer_sources)) > 1)
    g_list_store_remove (self->officer_sources, 1);
  if (officers != NULL)
    g_list_store_append (self->officer_sources, officers);
  select_officer (self, self->draft != NULL ? cl_school_get_link_officer_id (self->draft) : 0);
  self->loading = was_loading;
}

void
cl_school_editor_set_database (ClSchoolEditor *self,
                               ClDatabase     *db)
{
  g_return_if_fail (CL_IS_SCHOOL_EDITOR (self));
  g_return_if_fail (db == NULL || CL_IS_DATABASE (db));

  g_set_object (&self->db, db);
}

/* This year's open days under the Calendar row. */
static void
show_calendar_summary (ClSchoolEditor *self)
{
  g_autoptr(ClCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *year = NULL;
  g_autofree char *subtitle = NULL;
  int academic_year = cl_current_academic_year ();

  if (self->source == NULL || self->db == NULL)
    return;
  calendar = cl_calendar_load (self->db, cl_school_get_id (self->source), academic_year, &error);
  year = cl_format_academic_year (academic_year);
  if (calendar == NULL)
    subtitle = g_strdup (error->message);
  else if (cl_calendar_is_empty (calendar))
    /* Translators: under the Calendar row, "No terms are set for 2025/26". */
    subtitle = g_strdup_printf (_("No terms are set for %s"), year);
  else
    {
      guint n = cl_calendar_count_open_days (calendar, NULL, NULL);

      /* Translators: under the Calendar row, "2025/26: 190 days open to pupils". */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u day open to pupils",
                                               "%s: %u days open to pupils", n),
                                  year, n);
    }
  adw_action_row_set_subtitle (self->calendar_row, subtitle);
}

static void
calendar_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ClSchoolEditor *self = CL_SCHOOL_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  ClCalendarDialog *dialog;

  if (self->source == NULL || self->db == NULL)
    return;
  dialog = cl_calendar_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->db,
                                   self->source);
  g_signal_connect_object (dialog, "changed", G_CALLBACK (show_calendar_summary), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
load_attendance (ClSchoolEditor *self)
{
  gboolean shown = self->source != NULL && self->db != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->attendance_group), shown);
  gtk_widget_set_visible (GTK_WIDGET (self->calendar_group), shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "school.calendar", shown);
  show_calendar_summary (self);
  if (shown)
    cl_school_attendance_show_school (self->attendance, self->db,
                                      cl_school_get_id (self->source));
  else
    cl_school_attendance_clear (self->attendance);
}

void
cl_school_editor_edit (ClSchoolEditor *self,
                       ClSchool       *school)
{
  g_autofree char *count = NULL;

  g_return_if_fail (CL_IS_SCHOOL_EDITOR (self));
  g_return_if_fail (school == NULL || CL_IS_SCHOOL (school));

  g_set_object (&self->source, school);
  g_clear_object (&self->baseline);
  g_clear_object (&self->draft);
  if (school != NULL)
    self->baseline = cl_school_copy (school);
  else
    {
      self->baseline = cl_school_new ();
      cl_school_set_text (self->baseline, CL_SCHOOL_TYPE, cl_school_types ()[0]);
      cl_school_set_text (self->baseline, CL_SCHOOL_PHASE, "primary");
      cl_school_set_text (self->baseline, CL_SCHOOL_COUNTRY, countries[0]);
    }
  self->draft = cl_school_copy (self->baseline);
  memset (self->touched, 0, sizeof self->touched);
  memset (self->bad_number, 0, sizeof self->bad_number);

  self->loading = TRUE;
  for (guint i = 0; i < CL_SCHOOL_N_TEXT; i++)
    if (self->text_rows[i] != NULL)
      gtk_editable_set_text (GTK_EDITABLE (self->text_rows[i]),
                             cl_school_get_text (self->draft, i));
  for (guint i = 0; i < CL_SCHOOL_N_NUMBERS; i++)
    {
      guint value = cl_school_get_number (self->draft, i);
      g_autofree char *text = value != 0 ? g_strdup_printf ("%u", value) : g_strdup ("");

      gtk_editable_set_text (GTK_EDITABLE (self->number_rows[i]), text);
    }
  select_id (self->type_row, cl_school_types (), cl_school_get_text (self->draft, CL_SCHOOL_TYPE));
  select_id (self->phase_row, cl_school_phases (),
             cl_school_get_text (self->draft, CL_SCHOOL_PHASE));
  select_id (self->country_row, countries, cl_school_get_text (self->draft, CL_SCHOOL_COUNTRY));
  select_officer (self, cl_school_get_link_officer_id (self->draft));
  self->loading = FALSE;

  count = cl_format_count (cl_school_get_pupil_count (self->draft));
  adw_action_row_set_subtitle (self->pupils_row, count);
  gtk_widget_set_visible (GTK_WIDGET (self->pupils_row), school != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_group), school != NULL);
  load_attendance (self);
  gtk_stack_set_visible_child_name (self->stack, "form");
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

void
cl_school_editor_clear (ClSchoolEditor *self)
{
  g_return_if_fail (CL_IS_SCHOOL_EDITOR (self));

  g_clear_object (&self->source);
  g_clear_object (&self->baseline);
  g_clear_object (&self->draft);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

gboolean
cl_school_editor_is_editing (ClSchoolEditor *self)
{
  g_return_val_if_fail (CL_IS_SCHOOL_EDITOR (self), FALSE);
  return self->draft != NULL;
}

gboolean
cl_school_editor_is_new (ClSchoolEditor *self)
{
  g_return_val_if_fail (CL_IS_SCHOOL_EDITOR (self), FALSE);
  return self->draft != NULL && self->source == NULL;
}

ClSchool *
cl_school_editor_get_source (ClSchoolEditor *self)
{
  g_return_val_if_fail (CL_IS_SCHOOL_EDITOR (self), NULL);
  return self->source;
}

ClSchool *
cl_school_editor_get_draft (ClSchoolEditor *self)
{
  g_return_val_if_fail (CL_IS_SCHOOL_EDITOR (self), NULL);
  return self->draft;
}

gboolean
cl_school_editor_get_dirty (ClSchoolEditor *self)
{
  g_return_val_if_fail (CL_IS_SCHOOL_EDITOR (self), FALSE);
  return self->dirty;
}

gboolean
cl_school_editor_get_valid (ClSchoolEditor *self)
{
  g_return_val_if_fail (CL_IS_SCHOOL_EDITOR (self), FALSE);
  return self->valid;
}

void
cl_school_editor_focus (ClSchoolEditor *self)
{
  g_return_if_fail (CL_IS_SCHOOL_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->text_rows[CL_SCHOOL_NAME]));
}

GtkLabel *
cl_school_editor_get_error_label (ClSchoolEditor *self)
{
  return self->error_label;
}

ClSchoolAttendance *
cl_school_editor_get_attendance (ClSchoolEditor *self)
{
  return self->attendance;
}

GtkWidget *
cl_school_editor_get_number_row (ClSchoolEditor *self,
                                 ClSchoolNumber  field)
{
  return GTK_WIDGET (self->number_rows[field]);
}

static void
cl_school_editor_dispose (GObject *object)
{
  ClSchoolEditor *self = CL_SCHOOL_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_SCHOOL_EDITOR);
  g_clear_object (&self->db);
  g_clear_object (&self->officer_model);
  g_clear_object (&self->officer_sources);
  g_clear_object (&self->source);
  g_clear_object (&self->baseline);
  g_clear_object (&self->draft);

  G_OBJECT_CLASS (cl_school_editor_parent_class)->dispose (object);
}

static void
cl_school_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ClSchoolEditor *self = CL_SCHOOL_EDITOR (object);

  switch (prop_id)
    {
    case PROP_EDITING:
      g_value_set_boolean (value, cl_school_editor_is_editing (self));
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_school_editor_class_init (ClSchoolEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cl_school_editor_dispose;
  object_class->get_property = cl_school_editor_get_property;

  properties[PROP_EDITING] = g_param_spec_boolean ("editing", NULL, NULL, FALSE, ro);
  properties[PROP_DIRTY] = g_param_spec_boolean ("dirty", NULL, NULL, FALSE, ro);
  properties[PROP_VALID] = g_param_spec_boolean ("valid", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CL_TYPE_OFFICER);
  g_type_ensure (CL_TYPE_SCHOOL_ATTENDANCE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caseload/Caseload"
                                               "/ui/cl-school-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ClSchoolEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolEditor, identity_group);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolEditor, phase_row);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolEditor, country_row);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolEditor, officer_row);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolEditor, pupils_row);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolEditor, delete_group);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolEditor, attendance_group);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolEditor, attendance);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolEditor, calendar_group);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolEditor, calendar_row);
  gtk_widget_class_install_action (widget_class, "school.calendar", NULL, calendar_activated);
  for (guint i = 0; i < CL_SCHOOL_N_TEXT; i++)
    if (text_row_ids[i] != NULL)
      gtk_widget_class_bind_template_child_full (widget_class, text_row_ids[i], FALSE,
                                                 G_STRUCT_OFFSET (ClSchoolEditor, text_rows)
                                                 + i * sizeof (gpointer));
  for (guint i = 0; i < CL_SCHOOL_N_NUMBERS; i++)
    gtk_widget_class_bind_template_child_full (widget_class, number_row_ids[i], FALSE,
                                               G_STRUCT_OFFSET (ClSchoolEditor, number_rows)
                                               + i * sizeof (gpointer));

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_school_editor_init (ClSchoolEditor *self)
{
  g_autoptr(GListStore) none = g_list_store_new (CL_TYPE_OFFICER);
  g_autoptr(ClOfficer) no_officer = cl_officer_new ();
  g_autoptr(GtkStringList) types = labels_model (cl_school_types (), cl_school_type_label);
  g_autoptr(GtkStringList) phases = labels_model (cl_school_phases (), cl_school_phase_label);
  g_autoptr(GtkStringList) country_labels = labels_model (countries, country_label);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "school.calendar", FALSE);

  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));
  adw_combo_row_set_model (self->phase_row, G_LIST_MODEL (phases));
  adw_combo_row_set_model (self->country_row, G_LIST_MODEL (country_labels));

  cl_officer_set_name (no_officer, _("None"));
  g_list_store_append (none, no_officer);
  self->officer_sources = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (self->officer_sources, none);
  self->officer_model =
    gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (self->officer_sources)));
  adw_combo_row_set_model (self->officer_row, G_LIST_MODEL (self->officer_model));

  for (guint i = 0; i < CL_SCHOOL_N_TEXT; i++)
    {
      if (self->text_rows[i] == NULL)
        continue;
      g_object_set_data (G_OBJECT (self->text_rows[i]), "cl-field", GUINT_TO_POINTER (i));
      g_signal_connect_object (self->text_rows[i], "changed", G_CALLBACK (text_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  for (guint i = 0; i < CL_SCHOOL_N_NUMBERS; i++)
    {
      g_object_set_data (G_OBJECT (self->number_rows[i]), "cl-field", GUINT_TO_POINTER (i));
      g_signal_connect_object (self->number_rows[i], "changed", G_CALLBACK (number_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (self->type_row, "notify::selected", G_CALLBACK (choice_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->phase_row, "notify::selected", G_CALLBACK (choice_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->country_row, "notify::selected",
                           G_CALLBACK (choice_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->officer_row, "notify::selected",
                           G_CALLBACK (officer_selected_cb), self, G_CONNECT_SWAPPED);
}
