/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-register-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "attendance/cl-attendance-date.h"
#include "attendance/cl-calendar.h"
#include "attendance/cl-code-table.h"
#include "attendance/cl-register-repository.h"
#include "store/cl-dates.h"
#include "ui/cl-format.h"
#include "ui/cl-register-calendar.h"
#include "ui/cl-register-grid.h"
#include "ui/cl-window-private.h"

/* One academic year of a pupil: the registers of all their schools merged. */
typedef struct
{
  int      academic_year;
  guint8   marks[CL_REGISTER_MAX_SESSIONS];
  guint8   day_kinds[CL_REGISTER_MAX_SESSIONS / 2];
  gboolean has_calendar;
} YearData;

struct _ClRegisterCalendar
{
  GtkWidget       parent_instance;

  /* template */
  GtkWidget      *box;
  GtkWidget      *year_box;
  GtkDropDown    *year_dropdown;
  GtkStringList  *years_model;
  GtkStack       *stack;
  ClRegisterGrid *grid;
  GtkLabel       *empty_label;
  GtkFlowBox     *legend;

  ClCodeTable    *codes;
  GPtrArray      *years;       /* YearData, latest first, as in the drop-down */
  char           *today;
  gboolean        loading;
};

G_DEFINE_FINAL_TYPE (ClRegisterCalendar, cl_register_calendar, GTK_TYPE_WIDGET)

GtkWidget *
cl_register_calendar_new (void)
{
  return g_object_new (CL_TYPE_REGISTER_CALENDAR, NULL);
}

/* When two schools hold a mark for the same session, the one that says
 * most about the pupil being in education wins (as the rules merge them). */
static int
mark_rank (ClCodeTable *codes,
           guint8       mark)
{
  ClAttendanceCode *code = mark != 0 ? cl_code_table_get (codes, mark) : NULL;

  if (code == NULL)
    return 0;
  switch (cl_attendance_code_get_category (code))
    {
    case CL_ATTENDANCE_CATEGORY_PRESENT: return 6;
    case CL_ATTENDANCE_CATEGORY_AEA: return 5;
    case CL_ATTENDANCE_CATEGORY_AUTHORISED: return 4;
    case CL_ATTENDANCE_CATEGORY_UNAUTHORISED: return 3;
    case CL_ATTENDANCE_CATEGORY_NOT_COUNTED:
    case CL_ATTENDANCE_CATEGORY_ADMIN: return 2;
    case CL_ATTENDANCE_CATEGORY_NONE:
    default: return 1;
    }
}

static YearData *
find_year (GPtrArray *years,
           int        academic_year)
{
  for (guint i = 0; i < years->len; i++)
    {
      YearData *data = g_ptr_array_index (years, i);
      if (data->academic_year == academic_year)
        return data;
    }
  return NULL;
}

/* Days are closed when every known calendar of the pupil's schools that year
 * says so: a pupil registered at two schools is expected when either is open. */
static void
add_calendar (YearData   *data,
              ClCalendar *calendar)
{
  guint32 first = cl_academic_year_first_julian (data->academic_year);
  int n_days = cl_academic_year_n_sessions (data->academic_year) / 2;

  if (cl_calendar_is_empty (calendar))
    return;
  for (int day = 0; day < n_days; day++)
    {
      ClCalendarDay kind = cl_calendar_get_day_julian (calendar, first + day);

      if (!data->has_calendar || kind == CL_CALENDAR_DAY_OPEN)
        data->day_kinds[day] = kind;
    }
  data->has_calendar = TRUE;
}

static void
merge_register (ClCodeTable *codes,
                YearData    *data,
                ClRegister  *reg)
{
  gsize n_marks = 0;
  const guint8 *marks = cl_register_get_marks (reg, &n_marks);

  for (gsize i = 0; i < MIN (n_marks, (gsize) CL_REGISTER_MAX_SESSIONS); i++)
    if (mark_rank (codes, marks[i]) > mark_rank (codes, data->marks[i]))
      data->marks[i] = marks[i];
}

static int
compare_years (gconstpointer a,
               gconstpointer b)
{
  const YearData *ya = *(YearData * const *) a;
  const YearData *yb = *(YearData * const *) b;

  return yb->academic_year - ya->academic_year;
}

static void
show_selected_year (ClRegisterCalendar *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);
  YearData *data;

  if (self->years == NULL || selected >= self->years->len)
    return;
  data = g_ptr_array_index (self->years, selected);
  cl_register_grid_set_year (self->grid, data->academic_year, data->marks,
                             CL_REGISTER_MAX_SESSIONS, self->codes,
                             data->has_calendar ? data->day_kinds : NULL, self->today);
  gtk_stack_set_visible_child_name (self->stack, "grid");
}

static void
year_selected_cb (ClRegisterCalendar *self)
{
  if (!self->loading)
    show_selected_year (self);
}

static void
show_empty (ClRegisterCalendar *self,
            const char         *message)
{
  gtk_label_set_text (self->empty_label, message);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_widget_set_visible (self->year_box, FALSE);
  cl_register_grid_clear (self->grid);
}

void
cl_register_calendar_show_pupil (ClRegisterCalendar *self,
                                 ClDatabase         *db,
                                 gint64              pupil_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) registers = NULL;
  g_autoptr(GPtrArray) years = NULL;
  g_autoptr(GHashTable) seen = NULL;   /* "school:year" calendars read */
  g_autoptr(GPtrArray) labels = NULL;
  int current = cl_current_academic_year ();
  guint selected = 0;

  g_return_if_fail (CL_IS_REGISTER_CALENDAR (self));
  g_return_if_fail (CL_IS_DATABASE (db));

  g_clear_object (&self->codes);
  g_clear_pointer (&self->years, g_ptr_array_unref);
  g_free (self->today);
  self->today = cl_format_today_iso ();

  self->codes = cl_code_table_load (db, &error);
  if (self->codes != NULL)
    registers = cl_register_load_for_pupil (db, pupil_id, &error);
  if (registers == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The register could not be read: %s"),
                                                  error->message);
      show_empty (self, message);
      return;
    }
  if (registers->len == 0)
    {
      show_empty (self, _("No register has been imported for this pupil."));
      return;
    }

  years = g_ptr_array_new_with_free_func (g_free);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < registers->len; i++)
    {
      ClRegister *reg = g_ptr_array_index (registers, i);
      int year = cl_register_get_academic_year (reg);
      gint64 school_id = cl_register_get_school_id (reg);
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%d", school_id, year);
      YearData *data = find_year (years, year);

      if (data == NULL)
        {
          data = g_new0 (YearData, 1);
          data->academic_year = year;
          g_ptr_array_add (years, data);
        }
      merge_register (self->codes, data, reg);
      if (!g_hash_table_contains (seen, key))
        {
          g_autoptr(ClCalendar) calendar = cl_calendar_load (db, school_id, year, NULL);

          if (calendar != NULL)
            add_calendar (data, calendar);
          g_hash_table_add (seen, g_steal_pointer (&key));
        }
    }
  g_ptr_array_sort (years, compare_years);

  labels = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < years->len; i++)
    {
      YearData *data = g_ptr_array_index (years, i);

      g_ptr_array_add (labels, cl_format_academic_year (data->academic_year));
      if (data->academic_year == current)
        selected = i;
    }
  g_ptr_array_add (labels, NULL);

  self->years = g_steal_pointer (&years);
  self->loading = TRUE;
  gtk_string_list_splice (self->years_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->years_model)),
                          (const char * const *) labels->pdata);
  gtk_drop_down_set_selected (self->year_dropdown, selected);
  self->loading = FALSE;
  gtk_widget_set_visible (self->year_box, self->years->len > 1);
  show_selected_year (self);
}

void
cl_register_calendar_clear (ClRegisterCalendar *self)
{
  g_return_if_fail (CL_IS_REGISTER_CALENDAR (self));

  g_clear_pointer (&self->years, g_ptr_array_unref);
  show_empty (self, "");
}

ClRegisterGrid *
cl_register_calendar_get_grid (ClRegisterCalendar *self)
{
  return self->grid;
}

GtkDropDown *
cl_register_calendar_get_year_dropdown (ClRegisterCalendar *self)
{
  return self->year_dropdown;
}

static void
add_legend_entry (ClRegisterCalendar *self,
                  const char         *css_class,
                  const char         *label)
{
  GtkWidget *entry = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *text = gtk_label_new (label);

  gtk_widget_add_css_class (swatch, "register-swatch");
  gtk_widget_add_css_class (swatch, css_class);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (text), 0.0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_widget_add_css_class (text, "caption");
  gtk_box_append (GTK_BOX (entry), swatch);
  gtk_box_append (GTK_BOX (entry), text);
  gtk_flow_box_append (self->legend, entry);
  gtk_widget_set_focusable (gtk_widget_get_parent (entry), FALSE);
}

static void
cl_register_calendar_dispose (GObject *object)
{
  ClRegisterCalendar *self = CL_REGISTER_CALENDAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_REGISTER_CALENDAR);
  g_clear_object (&self->codes);
  g_clear_pointer (&self->years, g_ptr_array_unref);

  G_OBJECT_CLASS (cl_register_calendar_parent_class)->dispose (object);
}

static void
cl_register_calendar_finalize (GObject *object)
{
  ClRegisterCalendar *self = CL_REGISTER_CALENDAR (object);

  g_free (self->today);

  G_OBJECT_CLASS (cl_register_calendar_parent_class)->finalize (object);
}

static void
cl_register_calendar_class_init (ClRegisterCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_register_calendar_dispose;
  object_class->finalize = cl_register_calendar_finalize;

  g_type_ensure (CL_TYPE_REGISTER_GRID);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caseload/Caseload"
                                               "/ui/cl-register-calendar.ui");
  gtk_widget_class_bind_template_child (widget_class, ClRegisterCalendar, box);
  gtk_widget_class_bind_template_child (widget_class, ClRegisterCalendar, year_box);
  gtk_widget_class_bind_template_child (widget_class, ClRegisterCalendar, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClRegisterCalendar, years_model);
  gtk_widget_class_bind_template_child (widget_class, ClRegisterCalendar, stack);
  gtk_widget_class_bind_template_child (widget_class, ClRegisterCalendar, grid);
  gtk_widget_class_bind_template_child (widget_class, ClRegisterCalendar, empty_label);
  gtk_widget_class_bind_template_child (widget_class, ClRegisterCalendar, legend);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_register_calendar_init (ClRegisterCalendar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_legend_entry (self, "present", _("Present"));
  add_legend_entry (self, "aea", _("Approved educational activity"));
  add_legend_entry (self, "authorised", _("Authorised absence"));
  add_legend_entry (self, "unauthorised", _("Unauthorised absence"));
  add_legend_entry (self, "not-counted", _("Not counted"));
  add_legend_entry (self, "closed", _("School closed"));
  add_legend_entry (self, "none", _("No mark"));

  g_signal_connect_object (self->year_dropdown, "notify::selected",
                           G_CALLBACK (year_selected_cb), self, G_CONNECT_SWAPPED);
}
