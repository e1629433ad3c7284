/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-attendance"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "attendance/cl-attendance-date.h"
#include "attendance/cl-attendance-error.h"
#include "attendance/cl-calendar.h"
#include "store/cl-audit.h"

#define N_STANDARD_PUPIL_DAYS 190

static const char *const kind_names[] = {
  [CL_CALENDAR_KIND_TERM] = "term",
  [CL_CALENDAR_KIND_INSET] = "inset",
  [CL_CALENDAR_KIND_CLOSURE] = "closure",
  [CL_CALENDAR_KIND_BANK_HOLIDAY] = "bank_holiday",
  [CL_CALENDAR_KIND_HOLIDAY] = "holiday",
};

const char *
cl_calendar_kind_to_string (ClCalendarKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

gboolean
cl_calendar_kind_from_string (const char     *text,
                              ClCalendarKind *out_kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        if (out_kind != NULL)
          *out_kind = (ClCalendarKind) i;
        return TRUE;
      }
  return FALSE;
}

ClCalendarEntry *
cl_calendar_entry_copy (const ClCalendarEntry *entry)
{
  ClCalendarEntry *copy = g_new0 (ClCalendarEntry, 1);

  copy->kind = entry->kind;
  copy->name = g_strdup (entry->name);
  copy->start_date = g_strdup (entry->start_date);
  copy->end_date = g_strdup (entry->end_date);
  return copy;
}

void
cl_calendar_entry_free (ClCalendarEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->name);
  g_free (entry->start_date);
  g_free (entry->end_date);
  g_free (entry);
}

G_DEFINE_BOXED_TYPE (ClCalendarEntry, cl_calendar_entry, cl_calendar_entry_copy,
                     cl_calendar_entry_free)

/* Per-day bits while classifying. */
enum {
  IN_TERM      = 1 << 0,
  IN_HOLIDAY   = 1 << 1,
  IN_BANK      = 1 << 2,
  IN_INSET     = 1 << 3,
  IN_CLOSURE   = 1 << 4,
};

struct _ClCalendar
{
  GObject    parent_instance;

  gint64     school_id;
  int        academic_year;
  guint32    first;        /* julian of 1 September */
  guint      n_days;       /* 365 or 366 */
  GPtrArray *entries;      /* ClCalendarEntry, ordered by start date */
  guint      n_terms;
  guint8     days[366];    /* ClCalendarDay per day of the year */
};

G_DEFINE_FINAL_TYPE (ClCalendar, cl_calendar, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SCHOOL_ID,
  PROP_ACADEMIC_YEAR,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
cl_calendar_finalize (GObject *object)
{
  ClCalendar *self = CL_CALENDAR (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (cl_calendar_parent_class)->finalize (object);
}

static void
cl_calendar_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ClCalendar *self = CL_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_SCHOOL_ID:
      g_value_set_int64 (value, self->school_id);
      break;
    case PROP_ACADEMIC_YEAR:
      g_value_set_int (value, self->academic_year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_calendar_class_init (ClCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cl_calendar_finalize;
  object_class->get_property = cl_calendar_get_property;

  properties[PROP_SCHOOL_ID] = g_param_spec_int64 ("school-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ACADEMIC_YEAR] = g_param_spec_int ("academic-year", NULL, NULL, 0, 9999, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_calendar_init (ClCalendar *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_calendar_entry_free);
}

static void
classify (ClCalendar *self)
{
  guint8 bits[366] = { 0 };

  for (guint i = 0; i < self->entries->len; i++)
    {
      ClCalendarEntry *e = g_ptr_array_index (self->entries, i);
      guint32 a, b;
      guint8 bit = 0;

      if (!cl_attendance_date_to_julian (e->start_date, &a)
          || !cl_attendance_date_to_julian (e->end_date, &b))
        continue;
      switch (e->kind)
        {
        case CL_CALENDAR_KIND_TERM:
          bit = IN_TERM;
          break;
        case CL_CALENDAR_KIND_HOLIDAY:
          bit = IN_HOLIDAY;
          break;
        case CL_CALENDAR_KIND_BANK_HOLIDAY:
          bit = IN_BANK;
          break;
        case CL_CALENDAR_KIND_INSET:
          bit = IN_INSET;
          break;
        case CL_CALENDAR_KIND_CLOSURE:
          bit = IN_CLOSURE;
          break;
        default:
          g_assert_not_reached ();
        }
      for (guint32 j = MAX (a, self->first); j <= b && j < self->first + self->n_days; j++)
        bits[j - self->first] |= bit;
    }

  for (guint d = 0; d < self->n_days; d++)
    {
      ClCalendarDay day;

      if (cl_attendance_julian_weekday (self->first + d) >= 5)
        day = CL_CALENDAR_DAY_WEEKEND;
      else if (self->n_terms == 0)
        day = CL_CALENDAR_DAY_OPEN;
      else if (bits[d] & IN_CLOSURE)
        day = CL_CALENDAR_DAY_CLOSURE;
      else if (bits[d] & IN_INSET)
        day = CL_CALENDAR_DAY_INSET;
      else if (bits[d] & IN_BANK)
        day = CL_CALENDAR_DAY_BANK_HOLIDAY;
      else if ((bits[d] & IN_HOLIDAY) || !(bits[d] & IN_TERM))
        day = CL_CALENDAR_DAY_HOLIDAY;
      else
        day = CL_CALENDAR_DAY_OPEN;
      self->days[d] = (guint8) day;
    }
}

ClCalendar *
cl_calendar_new (gint64 school_id,
                 int    academic_year)
{
  ClCalendar *self;

  g_return_val_if_fail (academic_year >= 1990 && academic_year <= 2200, NULL);

  self = g_object_new (CL_TYPE_CALENDAR, NULL);
  self->school_id = school_id;
  self->academic_year = academic_year;
  self->first = cl_academic_year_first_julian (academic_year);
  self->n_days = (guint) cl_academic_year_n_sessions (academic_year) / 2;
  classify (self);
  return self;
}

gint64
cl_calendar_get_school_id (ClCalendar *self)
{
  g_return_val_if_fail (CL_IS_CALENDAR (self), 0);
  return self->school_id;
}

int
cl_calendar_get_academic_year (ClCalendar *self)
{
  g_return_val_if_fail (CL_IS_CALENDAR (self), 0);
  return self->academic_year;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const ClCalendarEntry *ea = *(ClCalendarEntry *const *) a;
  const ClCalendarEntry *eb = *(ClCalendarEntry *const *) b;
  int c = strcmp (ea->start_date, eb->start_date);

  if (c != 0)
    return c;
  /* Terms first, so a term and its first-day INSET list in that order. */
  return (int) ea->kind - (int) eb->kind;
}

static void
add_entry_unchecked (ClCalendar     *self,
                     ClCalendarKind  kind,
                     const char     *name,
                     guint32         start,
                     guint32         end)
{
  ClCalendarEntry *e = g_new0 (ClCalendarEntry, 1);

  e->kind = kind;
  e->name = g_strdup (name != NULL ? name : "");
  e->start_date = cl_attendance_date_from_julian (start);
  e->end_date = cl_attendance_date_from_julian (end);
  g_ptr_array_add (self->entries, e);
  if (kind == CL_CALENDAR_KIND_TERM)
    self->n_terms++;
}

gboolean
cl_calendar_add (ClCalendar     *self,
                 ClCalendarKind  kind,
                 const char     *name,
                 const char     *start_date,
                 const char     *end_date,
                 GError        **error)
{
  guint32 a, b;

  g_return_val_if_fail (CL_IS_CALENDAR (self), FALSE);

  if (!cl_attendance_date_to_julian (start_date, &a)
      || !cl_attendance_date_to_julian (end_date, &b))
    {
      g_set_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_INVALID_DATE,
                   _("“%s” to “%s” is not a valid date range (dates are written YYYY-MM-DD)"),
                   start_date != NULL ? start_date : "", end_date != NULL ? end_date : "");
      return FALSE;
    }
  if (b < a)
    {
      g_set_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_INVALID_DATE,
                   _("The range %s to %s ends before it starts"), start_date, end_date);
      return FALSE;
    }
  if (a < self->first || b >= self->first + self->n_days)
    {
      g_set_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_OUT_OF_RANGE,
                   _("The range %s to %s is not within the academic year %d/%02d"),
                   start_date, end_date, self->academic_year, (self->academic_year + 1) % 100);
      return FALSE;
    }
  add_entry_unchecked (self, kind, name, a, b);
  g_ptr_array_sort (self->entries, compare_entries);
  classify (self);
  return TRUE;
}

void
cl_calendar_remove (ClCalendar *self,
                    guint       index)
{
  ClCalendarEntry *e;

  g_return_if_fail (CL_IS_CALENDAR (self));
  g_return_if_fail (index < self->entries->len);

  e = g_ptr_array_index (self->entries, index);
  if (e->kind == CL_CALENDAR_KIND_TERM)
    self->n_terms--;
  g_ptr_array_remove_index (self->entries, index);
  classify (self);
}

gboolean
cl_calendar_is_empty (ClCalendar *self)
{
  g_return_val_if_fail (CL_IS_CALENDAR (self), TRUE);
  return self->n_terms == 0;
}

GPtrArray *
cl_calendar_get_entries (ClCalendar *self)
{
  g_return_val_if_fail (CL_IS_CALENDAR (self), NULL);
  return self->entries;
}

GPtrArray *
cl_calendar_dup_terms (ClCalendar *self)
{
  GPtrArray *terms;

  g_return_val_if_fail (CL_IS_CALENDAR (self), NULL);

  terms = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_calendar_entry_free);
  for (guint i = 0; i < self->entries->len; i++)
    {
      ClCalendarEntry *e = g_ptr_array_index (self->entries, i);
      if (e->kind == CL_CALENDAR_KIND_TERM)
        g_ptr_array_add (terms, cl_calendar_entry_copy (e));
    }
  return terms;
}

ClCalendarDay
cl_calendar_get_day_julian (ClCalendar *self,
                            guint32     julian)
{
  g_return_val_if_fail (CL_IS_CALENDAR (self), CL_CALENDAR_DAY_OUTSIDE);

  if (julian < self->first || julian >= self->first + self->n_days)
    return CL_CALENDAR_DAY_OUTSIDE;
  return (ClCalendarDay) self->days[julian - self->first];
}

ClCalendarDay
cl_calendar_get_day (ClCalendar *self,
                     const char *date)
{
  guint32 j;

  g_return_val_if_fail (CL_IS_CALENDAR (self), CL_CALENDAR_DAY_OUTSIDE);

  if (!cl_attendance_date_to_julian (date, &j))
    return CL_CALENDAR_DAY_OUTSIDE;
  return cl_calendar_get_day_julian (self, j);
}

gboolean
cl_calendar_is_closed (ClCalendar *self,
                       const char *date)
{
  return cl_calendar_get_day (self, date) != CL_CALENDAR_DAY_OPEN;
}

guint
cl_calendar_count_open_days (ClCalendar *self,
                             const char *from,
                             const char *to)
{
  guint32 a, b;
  guint n = 0;

  g_return_val_if_fail (CL_IS_CALENDAR (self), 0);

  a = self->first;
  b = self->first + self->n_days - 1;
  if (from != NULL && !cl_attendance_date_to_julian (from, &a))
    return 0;
  if (to != NULL && !cl_attendance_date_to_julian (to, &b))
    return 0;
  for (guint32 j = MAX (a, self->first); j <= b && j < self->first + self->n_days; j++)
    if (self->days[j - self->first] == CL_CALENDAR_DAY_OPEN)
      n++;
  return n;
}

/* --- storage ----------------------------------------------------------------- */

ClCalendar *
cl_calendar_load (ClDatabase  *db,
                  gint64       school_id,
                  int          academic_year,
                  GError     **error)
{
  g_autoptr(ClCalendar) self = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  stmt = cl_database_prepare (db,
                              "SELECT kind, name, start_date, end_date FROM school_calendar "
                              "WHERE school_id = ? AND academic_year = ? "
                              "ORDER BY start_date, id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, school_id);
  sqlite3_bind_int (stmt, 2, academic_year);

  self = cl_calendar_new (school_id, academic_year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClCalendarKind kind;
      guint32 a, b;

      if (!cl_calendar_kind_from_string ((const char *) sqlite3_column_text (stmt, 0), &kind)
          || !cl_attendance_date_to_julian ((const char *) sqlite3_column_text (stmt, 2), &a)
          || !cl_attendance_date_to_julian ((const char *) sqlite3_column_text (stmt, 3), &b))
        continue;
      add_entry_unchecked (self, kind, (const char *) sqlite3_column_text (stmt, 1), a, b);
    }
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (db, error, _("Could not read the school calendar"));
      return NULL;
    }
  g_ptr_array_sort (self->entries, compare_entries);
  classify (self);
  return g_steal_pointer (&self);
}

gboolean
cl_calendar_save (ClCalendar  *self,
                  ClDatabase  *db,
                  GError     **error)
{
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (CL_IS_DATABASE (db), FALSE);

  if (!cl_database_begin (db, error))
    return FALSE;

  stmt = cl_database_prepare (db,
                              "DELETE FROM school_calendar "
                              "WHERE school_id = ? AND academic_year = ?",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, self->school_id);
  sqlite3_bind_int (stmt, 2, self->academic_year);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_database_set_error (db, error, _("Could not save the school calendar"));
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);

  stmt = cl_database_prepare (db,
                              "INSERT INTO school_calendar (school_id, academic_year, kind, name, "
                              "start_date, end_date) VALUES (?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < self->entries->len; i++)
    {
      ClCalendarEntry *e = g_ptr_array_index (self->entries, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, self->school_id);
      sqlite3_bind_int (stmt, 2, self->academic_year);
      sqlite3_bind_text (stmt, 3, cl_calendar_kind_to_string (e->kind), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, e->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, e->start_date, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, e->end_date, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          cl_database_set_error (db, error, _("Could not save the school calendar"));
          sqlite3_reset (stmt);
          goto fail;
        }
    }
  sqlite3_reset (stmt);

  detail = g_strdup_printf ("calendar %d: %u entries, %u open days", self->academic_year,
                            self->entries->len, cl_calendar_count_open_days (self, NULL, NULL));
  if (!cl_audit_append (db, "update", "school", self->school_id, detail, error))
    goto fail;
  return cl_database_commit (db, error);

fail:
  cl_database_rollback (db);
  return FALSE;
}

/* --- the standard English calendar ----------------------------------------------- */

static guint32
julian_dmy (int d,
            int m,
            int y)
{
  GDate gd;

  g_date_clear (&gd, 1);
  g_date_set_dmy (&gd, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return g_date_get_julian (&gd);
}

/* Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
static guint32
easter_julian (int year)
{
  int a = year % 19;
  int b = year / 100;
  int c = year % 100;
  int d = b / 4;
  int e = b % 4;
  int f = (b + 8) / 25;
  int g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4;
  int k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = ((h + l - 7 * m + 114) % 31) + 1;

  return julian_dmy (day, month, year);
}

char *
cl_easter_sunday (int year)
{
  g_return_val_if_fail (year > 1582 && year < 9999, NULL);
  return cl_attendance_date_from_julian (easter_julian (year));
}

static int
weekday (guint32 j)
{
  return cl_attendance_julian_weekday (j);
}

/* The first day on or after j that falls on weekday wd (0 = Monday). */
static guint32
on_or_after (guint32 j,
             int     wd)
{
  return j + (guint32) ((wd - weekday (j) + 7) % 7);
}

static guint32
on_or_before (guint32 j,
              int     wd)
{
  return j - (guint32) ((weekday (j) - wd + 7) % 7);
}

static guint32
next_weekday (guint32 j)
{
  j++;
  while (weekday (j) >= 5)
    j++;
  return j;
}

/* England and Wales bank holidays between 1 September y and 31 August y+1
 * (standard rules; one-off holidays such as coronations are not included). */
static guint
england_bank_holidays (int      y,
                       guint32  out[8],
                       const char *names[8])
{
  guint n = 0;
  guint32 christmas = julian_dmy (25, 12, y);
  guint32 boxing = julian_dmy (26, 12, y);
  guint32 new_year = julian_dmy (1, 1, y + 1);
  guint32 easter = easter_julian (y + 1);

  /* Substitute days: Christmas on Saturday → Monday 27, Boxing Day → Tuesday 28;
   * Christmas on Sunday → Tuesday 27 (Boxing Day stays Monday 26). */
  if (weekday (christmas) == 5)
    {
      christmas += 2;
      boxing += 2;
    }
  else if (weekday (christmas) == 6)
    christmas += 2;
  else if (weekday (boxing) == 5)
    boxing += 2;
  if (weekday (new_year) >= 5)
    new_year = on_or_after (new_year, 0);

  out[n] = christmas, names[n++] = N_("Christmas Day");
  out[n] = boxing, names[n++] = N_("Boxing Day");
  out[n] = new_year, names[n++] = N_("New Year’s Day");
  out[n] = easter - 2, names[n++] = N_("Good Friday");
  out[n] = easter + 1, names[n++] = N_("Easter Monday");
  out[n] = on_or_after (julian_dmy (1, 5, y + 1), 0), names[n++] = N_("Early May bank holiday");
  out[n] = on_or_before (julian_dmy (31, 5, y + 1), 0), names[n++] = N_("Spring bank holiday");
  out[n] = on_or_before (julian_dmy (31, 8, y + 1), 0), names[n++] = N_("Summer bank holiday");
  return n;
}

ClCalendar *
cl_calendar_new_standard_england (gint64 school_id,
                                  int    academic_year)
{
  g_autoptr(ClCalendar) self = cl_calendar_new (school_id, academic_year);
  int y = academic_year;
  guint32 bank[8];
  const char *bank_names[8];
  guint n_bank;
  guint32 autumn_start, autumn_half, autumn_end;
  guint32 spring_start, spring_half, spring_end;
  guint32 easter, summer_start, summer_half, summer_end, last_day;
  guint32 inset[5];
  guint open = 0;
  ClCalendarEntry *summer_term;

  g_return_val_if_fail (self != NULL, NULL);

  n_bank = england_bank_holidays (y, bank, bank_names);
  last_day = self->first + self->n_days - 1;

  autumn_start = self->first;
  while (weekday (autumn_start) >= 5)
    autumn_start++;
  autumn_half = on_or_before (julian_dmy (31, 10, y), 0);
  autumn_end = on_or_before (julian_dmy (20, 12, y), 4);

  spring_start = julian_dmy (3, 1, y + 1);
  for (;;)
    {
      gboolean is_bank = FALSE;
      for (guint i = 0; i < n_bank; i++)
        is_bank = is_bank || bank[i] == spring_start;
      if (weekday (spring_start) < 5 && !is_bank)
        break;
      spring_start++;
    }
  spring_half = on_or_after (julian_dmy (12, 2, y + 1), 0);
  easter = easter_julian (y + 1);
  spring_end = easter - 9;          /* the Friday before Holy Week */
  summer_start = easter + 8;        /* the Monday after Easter week */
  summer_half = on_or_before (julian_dmy (31, 5, y + 1), 0);

  inset[0] = autumn_start;
  inset[1] = next_weekday (autumn_start);
  inset[2] = spring_start;
  inset[3] = summer_start;
  inset[4] = summer_half + 7;

  add_entry_unchecked (self, CL_CALENDAR_KIND_TERM, _("Autumn term"), autumn_start, autumn_end);
  add_entry_unchecked (self, CL_CALENDAR_KIND_HOLIDAY, _("Autumn half term"),
                       autumn_half, autumn_half + 4);
  add_entry_unchecked (self, CL_CALENDAR_KIND_HOLIDAY, _("Christmas holiday"),
                       autumn_end + 1, spring_start - 1);
  add_entry_unchecked (self, CL_CALENDAR_KIND_TERM, _("Spring term"), spring_start, spring_end);
  add_entry_unchecked (self, CL_CALENDAR_KIND_HOLIDAY, _("Spring half term"),
                       spring_half, spring_half + 4);
  add_entry_unchecked (self, CL_CALENDAR_KIND_HOLIDAY, _("Easter holiday"),
                       spring_end + 1, summer_start - 1);
  add_entry_unchecked (self, CL_CALENDAR_KIND_TERM, _("Summer term"), summer_start, last_day);
  summer_term = g_ptr_array_index (self->entries, self->entries->len - 1);
  add_entry_unchecked (self, CL_CALENDAR_KIND_HOLIDAY, _("Summer half term"),
                       summer_half, summer_half + 4);
  for (guint i = 0; i < G_N_ELEMENTS (inset); i++)
    add_entry_unchecked (self, CL_CALENDAR_KIND_INSET, _("INSET day"), inset[i], inset[i]);
  for (guint i = 0; i < n_bank; i++)
    add_entry_unchecked (self, CL_CALENDAR_KIND_BANK_HOLIDAY, _(bank_names[i]), bank[i], bank[i]);
  classify (self);

  /* End the summer term on the day pupils reach 190 days. */
  summer_end = last_day;
  for (guint32 j = self->first; j <= last_day; j++)
    {
      if (self->days[j - self->first] == CL_CALENDAR_DAY_OPEN)
        open++;
      if (open == N_STANDARD_PUPIL_DAYS)
        {
          summer_end = j;
          break;
        }
    }
  g_free (summer_term->end_date);
  summer_term->end_date = cl_attendance_date_from_julian (summer_end);
  if (summer_end < last_day)
    add_entry_unchecked (self, CL_CALENDAR_KIND_HOLIDAY, _("Summer holiday"),
                         summer_end + 1, last_day);

  g_ptr_array_sort (self->entries, compare_entries);
  classify (self);
  return g_steal_pointer (&self);
}
