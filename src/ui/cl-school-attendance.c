/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-school-attendance"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "attendance/cl-attendance-stats.h"
#include "people/cl-pupil-repository.h"
#include "store/cl-dates.h"
#include "ui/cl-attendance-item.h"
#include "ui/cl-format.h"
#include "ui/cl-school-attendance.h"
#include "ui/cl-window-private.h"

typedef enum
{
  FIGURE_ATTENDANCE,
  FIGURE_ABSENCE,
  FIGURE_PERSISTENT,
  FIGURE_SEVERE,
  N_FIGURES
} Figure;

struct _ClSchoolAttendance
{
  GtkWidget         parent_instance;

  /* template */
  GtkStack         *stack;
  GtkLabel         *period_label;
  GtkGrid          *figures_grid;
  GtkListView      *list_view;
  GtkSortListModel *sort_model;
  GtkLabel         *empty_label;

  GListStore       *store;        /* ClAttendanceItem */
  GtkLabel         *values[N_FIGURES];
  GtkLabel         *details[N_FIGURES];
};

G_DEFINE_FINAL_TYPE (ClSchoolAttendance, cl_school_attendance, GTK_TYPE_WIDGET)

GtkWidget *
cl_school_attendance_new (void)
{
  return g_object_new (CL_TYPE_SCHOOL_ATTENDANCE, NULL);
}

/* A row: name over year group; badges; attendance. */
static void
setup_row_cb (ClSchoolAttendance       *self,
              GtkListItem              *item,
              GtkSignalListItemFactory *factory)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *year = gtk_label_new (NULL);
  GtkWidget *severe = gtk_label_new (_("SA"));
  GtkWidget *persistent = gtk_label_new (_("PA"));
  GtkWidget *percent = gtk_label_new (NULL);

  gtk_widget_set_hexpand (names, TRUE);
  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (year), 0.0);
  gtk_widget_add_css_class (year, "caption");
  gtk_widget_add_css_class (year, "dim-label");
  gtk_box_append (GTK_BOX (names), name);
  gtk_box_append (GTK_BOX (names), year);

  gtk_widget_set_valign (severe, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (severe, "badge");
  gtk_widget_add_css_class (severe, "severe");
  gtk_widget_set_tooltip_text (severe, _("Severe absence"));
  gtk_widget_set_valign (persistent, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (persistent, "badge");
  gtk_widget_add_css_class (persistent, "persistent");
  gtk_widget_set_tooltip_text (persistent, _("Persistent absence"));

  gtk_label_set_xalign (GTK_LABEL (percent), 1.0);
  gtk_label_set_width_chars (GTK_LABEL (percent), 6);
  gtk_widget_add_css_class (percent, "percent");

  gtk_box_append (GTK_BOX (row), names);
  gtk_box_append (GTK_BOX (row), severe);
  gtk_box_append (GTK_BOX (row), persistent);
  gtk_box_append (GTK_BOX (row), percent);
  gtk_list_item_set_child (item, row);
}

static void
bind_row_cb (ClSchoolAttendance       *self,
             GtkListItem              *item,
             GtkSignalListItemFactory *factory)
{
  ClAttendanceItem *entry = gtk_list_item_get_item (item);
  const ClAttendanceSummary *summary = cl_attendance_item_get_summary (entry);
  ClPupil *pupil = cl_attendance_item_get_pupil (entry);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *names = gtk_widget_get_first_child (row);
  GtkWidget *severe = gtk_widget_get_next_sibling (names);
  GtkWidget *persistent = gtk_widget_get_next_sibling (severe);
  GtkWidget *percent = gtk_widget_get_next_sibling (persistent);
  g_autofree char *year = NULL;
  g_autofree char *percent_text = cl_format_percent (summary->attendance_percent);
  g_autofree char *spoken = NULL;

  if (*cl_pupil_get_dob (pupil) != '\0')
    year = cl_nc_year_label (cl_pupil_get_nc_year (pupil));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (names)),
                      cl_attendance_item_get_name (entry));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (names)), year != NULL ? year : "");
  gtk_widget_set_visible (severe, summary->severe);
  gtk_widget_set_visible (persistent, summary->persistent && !summary->severe);
  gtk_label_set_text (GTK_LABEL (percent), percent_text);

  /* Translators: a pupil in the list, read out: "Begum, Amina, Year 7,
   * attendance 62.3%, severe absence". */
  spoken = g_strdup_printf (_("%s, %s, attendance %s%s"), cl_attendance_item_get_name (entry),
                            year != NULL ? year : "", percent_text,
                            summary->severe ? _(", severe absence")
                            : summary->persistent ? _(", persistent absence") : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
}

static void
pupil_activated_cb (ClSchoolAttendance *self,
                    guint               position)
{
  g_autoptr(ClAttendanceItem) item =
    g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  if (item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-pupil", "x",
                                cl_attendance_item_get_pupil_id (item));
}

static void
set_figure (ClSchoolAttendance *self,
            Figure              figure,
            const char         *value,
            const char         *detail)
{
  gtk_label_set_text (self->values[figure], value);
  gtk_label_set_text (self->details[figure], detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->details[figure]), detail != NULL);
}

static void
show_figures (ClSchoolAttendance        *self,
              const ClAttendanceSummary *summary)
{
  g_autofree char *attendance = cl_format_percent (summary->attendance_percent);
  g_autofree char *absence = cl_format_percent (summary->absence_percent);
  g_autofree char *pupils = cl_format_count (summary->pupils);
  g_autofree char *persistent = cl_format_count (summary->persistent_count);
  g_autofree char *severe = cl_format_count (summary->severe_count);
  g_autofree char *persistent_rate = NULL;
  g_autofree char *severe_rate = NULL;
  g_autofree char *persistent_detail = NULL;
  g_autofree char *severe_detail = NULL;
  g_autofree char *sessions = cl_format_count (summary->possible);
  g_autofree char *attendance_detail = NULL;
  g_autofree char *unauthorised = cl_format_percent (summary->unauthorised_percent);
  g_autofree char *absence_detail = NULL;
  double pupils_n = MAX (summary->pupils, 1);

  persistent_rate = cl_format_percent (100.0 * summary->persistent_count / pupils_n);
  severe_rate = cl_format_percent (100.0 * summary->severe_count / pupils_n);
  /* Translators: under the number of persistently absent pupils: "11.6% of 362 pupils". */
  persistent_detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s pupil",
                                                    "%s of %s pupils", summary->pupils),
                                       persistent_rate, pupils);
  severe_detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s pupil",
                                                "%s of %s pupils", summary->pupils),
                                   severe_rate, pupils);
  /* Translators: under the attendance percentage: "37,648 possible sessions". */
  attendance_detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s possible session",
                                                    "%s possible sessions", summary->possible),
                                       sessions);
  /* Translators: under the absence percentage: "2.1% unauthorised". */
  absence_detail = g_strdup_printf (_("%s unauthorised"), unauthorised);

  set_figure (self, FIGURE_ATTENDANCE, attendance, attendance_detail);
  set_figure (self, FIGURE_ABSENCE, absence, absence_detail);
  set_figure (self, FIGURE_PERSISTENT, persistent, persistent_detail);
  set_figure (self, FIGURE_SEVERE, severe, severe_detail);
}

static void
show_empty (ClSchoolAttendance *self,
            const char         *message)
{
  g_list_store_remove_all (self->store);
  gtk_label_set_text (self->empty_label, message);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

void
cl_school_attendance_show_school (ClSchoolAttendance *self,
                                  ClDatabase         *db,
                                  gint64              school_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClPupilRepository) repository = NULL;
  g_autoptr(GListModel) on_roll = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *today = cl_format_today_iso ();
  g_autofree char *from = NULL;
  g_autofree char *year = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *period = NULL;
  ClAttendanceSummary summary = { 0 };
  int academic_year = cl_current_academic_year ();

  g_return_if_fail (CL_IS_SCHOOL_ATTENDANCE (self));
  g_return_if_fail (CL_IS_DATABASE (db));

  from = g_strdup_printf ("%d-09-01", academic_year);
  year = cl_format_academic_year (academic_year);

  if (!cl_attendance_summary_for_school (db, school_id, from, today, &summary, &error)
      || (all = cl_attendance_summary_all_pupils (db, school_id, from, today, &error)) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The attendance could not be read: %s"),
                                                  error->message);
      show_empty (self, message);
      return;
    }
  if (summary.possible == 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("No sessions recorded in %s so far. Import the school’s register "
                           "to see its attendance."), year);
      show_empty (self, message);
      return;
    }

  /* Names and year groups: the pupils on roll, and any who have left since. */
  repository = cl_pupil_repository_new (db);
  on_roll = cl_pupil_repository_list (repository, school_id, &error);
  if (on_roll == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The pupils could not be read: %s"),
                                                  error->message);
      show_empty (self, message);
      return;
    }
  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (on_roll); i++)
    {
      ClPupil *pupil = g_list_model_get_item (on_roll, i);
      gint64 *id = g_new (gint64, 1);

      *id = cl_pupil_get_id (pupil);
      g_hash_table_insert (by_id, id, pupil);
    }

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all->len; i++)
    {
      const ClPupilAttendance *entry = &g_array_index (all, ClPupilAttendance, i);
      ClPupil *pupil;
      g_autoptr(ClPupil) former = NULL;

      if (entry->summary.possible == 0)
        continue;
      pupil = g_hash_table_lookup (by_id, &entry->pupil_id);
      if (pupil == NULL)
        {
          former = cl_pupil_repository_get (repository, entry->pupil_id, NULL);
          if (former == NULL)
            continue;   /* deleted */
          pupil = former;
        }
      g_ptr_array_add (items, cl_attendance_item_new (pupil, &entry->summary));
    }
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);

  from_text = cl_format_date (from);
  today_text = cl_format_date (today);
  period = g_strdup_printf (_("%s, %s to %s"), year, from_text, today_text);
  gtk_label_set_text (self->period_label, period);
  show_figures (self, &summary);
  gtk_stack_set_visible_child_name (self->stack, "figures");
}

void
cl_school_attendance_clear (ClSchoolAttendance *self)
{
  g_return_if_fail (CL_IS_SCHOOL_ATTENDANCE (self));
  show_empty (self, "");
}

GListModel *
cl_school_attendance_get_pupils (ClSchoolAttendance *self)
{
  return G_LIST_MODEL (self->sort_model);
}

GtkLabel *
cl_school_attendance_get_figure_label (ClSchoolAttendance *self,
                                       guint               figure)
{
  g_return_val_if_fail (figure < N_FIGURES, NULL);
  return self->values[figure];
}

GtkListView *
cl_school_attendance_get_list_view (ClSchoolAttendance *self)
{
  return self->list_view;
}

static void
cl_school_attendance_dispose (GObject *object)
{
  ClSchoolAttendance *self = CL_SCHOOL_ATTENDANCE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_SCHOOL_ATTENDANCE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cl_school_attendance_parent_class)->dispose (object);
}

static void
cl_school_attendance_class_init (ClSchoolAttendanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_school_attendance_dispose;

  g_type_ensure (CL_TYPE_ATTENDANCE_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caseload/Caseload"
                                               "/ui/cl-school-attendance.ui");
  gtk_widget_class_bind_template_child (widget_class, ClSchoolAttendance, stack);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolAttendance, period_label);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolAttendance, figures_grid);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolAttendance, list_view);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolAttendance, sort_model);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolAttendance, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, setup_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, pupil_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_school_attendance_init (ClSchoolAttendance *self)
{
  const char *captions[N_FIGURES] = {
    [FIGURE_ATTENDANCE] = N_("Attendance"),
    [FIGURE_ABSENCE] = N_("Absence"),
    [FIGURE_PERSISTENT] = N_("Persistently absent"),
    [FIGURE_SEVERE] = N_("Severely absent"),
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (CL_TYPE_ATTENDANCE_ITEM);
  gtk_sort_list_model_set_model (self->sort_model, G_LIST_MODEL (self->store));

  for (guint i = 0; i < N_FIGURES; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *value = gtk_label_new (NULL);
      GtkWidget *caption = gtk_label_new (_(captions[i]));
      GtkWidget *detail = gtk_label_new (NULL);

      gtk_widget_add_css_class (box, "school-figure");
      gtk_label_set_xalign (GTK_LABEL (value), 0.0);
      gtk_widget_add_css_class (value, "title-2");
      gtk_widget_add_css_class (value, "numeric");
      gtk_label_set_xalign (GTK_LABEL (caption), 0.0);
      gtk_label_set_xalign (GTK_LABEL (detail), 0.0);
      gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
      gtk_widget_add_css_class (detail, "caption");
      gtk_widget_add_css_class (detail, "dim-label");
      gtk_accessible_update_relation (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      caption, NULL, -1);
      gtk_box_append (GTK_BOX (box), value);
      gtk_box_append (GTK_BOX (box), caption);
      gtk_box_append (GTK_BOX (box), detail);
      gtk_grid_attach (self->figures_grid, box, i % 2, i / 2, 1, 1);
      self->values[i] = GTK_LABEL (value);
      self->details[i] = GTK_LABEL (detail);
    }
}
