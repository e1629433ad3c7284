/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-register-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>
#include <string.h>

#include "attendance/cl-attendance-date.h"
#include "attendance/cl-calendar.h"
#include "attendance/cl-code-table.h"
#include "attendance/cl-csv-reader.h"
#include "attendance/cl-register-import.h"
#include "people/cl-guardian.h"
#include "people/cl-pupil-repository.h"
#include "people/cl-upn.h"
#include "store/cl-audit.h"
#include "store/cl-dates.h"

/* Problems listed in full; past this only the count grows. */
#define MAX_LISTED_PROBLEMS 2000

enum { SET_ENGLAND_2024, SET_ENGLAND_2006, SET_WALES_2010, N_SETS };
static const char *const set_names[N_SETS] = {
  CL_CODE_SET_ENGLAND_2024, CL_CODE_SET_ENGLAND_2006, CL_CODE_SET_WALES_2010,
};

static const char *
set_label (int set)
{
  switch (set)
    {
    case SET_ENGLAND_2024: return _("England 2024 codes");
    case SET_ENGLAND_2006: return _("England 2006 codes (before 19 August 2024)");
    case SET_WALES_2010: return _("Wales 2010 codes");
    default: g_return_val_if_reached ("");
    }
}

typedef struct
{
  gint64   id;
  guint    urn;
  gboolean wales;
  char    *name;
} SchoolInfo;

typedef struct
{
  gint64  school_id;
  int     academic_year;
  guint8  marks[CL_REGISTER_MAX_SESSIONS];   /* 0 = not in the file */
} FileRegister;

typedef struct
{
  char        upn[14];
  char       *forename;
  char       *surname;
  char       *dob;
  guint64     dob_line;
  char       *sex;
  guint64     first_line;
  gboolean    bad;
  gboolean    upn_bad;
  gint64      existing_id;       /* 0 while unknown, -1 when not in the database */
  GPtrArray  *registers;         /* FileRegister */
  guint32     first_julian;
  guint32     last_julian;
  guint64     sessions;          /* marks read for this pupil */
  gint64      last_school_id;
  GPtrArray  *guardians;         /* ClGuardian, from a CTF */
} ImportPupil;

typedef struct
{
  ClDatabase            *db;
  const char            *name;
  const ClImportOptions *options;
  ClImportResult        *result;
  GCancellable          *cancellable;
  ClImportProgressFunc   progress;
  gpointer               progress_data;

  ClCodeTable           *codes;
  guint16               *code_cache;      /* N_SETS × 65536: 0 unknown yet, 0xFFFF invalid */
  gboolean               counts[256];
  guint32                england_2024_julian;

  GHashTable            *pupils;          /* upn → ImportPupil */
  GPtrArray             *order;
  ImportPupil           *last_pupil;
  GHashTable            *schools;         /* urn → SchoolInfo */
  SchoolInfo            *fixed_school;
  GHashTable            *calendars;       /* "school:year" → ClCalendar */
  ClCalendar            *last_calendar;   /* the one used by the previous mark */
  gint64                 last_calendar_school;
  int                    last_calendar_year;
  int                    year_cache_year;
  guint32                year_cache_first;
  guint32                year_cache_end;   /* first julian after the year */
  struct { guint32 key; guint32 julian; } date_cache[1024];

  guint                  n_problems;
  gboolean               file_problem;    /* a problem no pupil can be skipped for */
  const char            *context;         /* CTF: element path of the data in hand */
} Importer;

/* --- bookkeeping ------------------------------------------------------------ */

static void
import_pupil_free (gpointer data)
{
  ImportPupil *p = data;

  g_free (p->forename);
  g_free (p->surname);
  g_free (p->dob);
  g_free (p->sex);
  g_clear_pointer (&p->registers, g_ptr_array_unref);
  g_clear_pointer (&p->guardians, g_ptr_array_unref);
  g_free (p);
}

static void
school_info_free (gpointer data)
{
  SchoolInfo *s = data;
  g_free (s->name);
  g_free (s);
}

void
cl_import_result_clear (ClImportResult *result)
{
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  memset (result, 0, sizeof *result);
}

static void problem (Importer *imp, ImportPupil *pupil, guint64 line, const char *format, ...)
  G_GNUC_PRINTF (4, 5);

static void
problem (Importer    *imp,
         ImportPupil *pupil,
         guint64      line,
         const char  *format,
         ...)
{
  va_list args;
  g_autofree char *what = NULL;

  if (pupil != NULL)
    pupil->bad = TRUE;
  else
    imp->file_problem = TRUE;
  imp->n_problems++;
  if (imp->result->problems->len >= MAX_LISTED_PROBLEMS)
    return;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  if (line == 0 && pupil == NULL && g_ascii_isdigit (what[0]))
    /* A reader message that starts with its own line number. */
    g_ptr_array_add (imp->result->problems, g_strdup_printf ("%s:%s", imp->name, what));
  else if (line > 0 && imp->context != NULL)
    g_ptr_array_add (imp->result->problems,
                     g_strdup_printf ("%s:%" G_GUINT64_FORMAT ": %s: %s", imp->name, line,
                                      imp->context, what));
  else if (line > 0)
    g_ptr_array_add (imp->result->problems,
                     g_strdup_printf ("%s:%" G_GUINT64_FORMAT ": %s", imp->name, line, what));
  else
    g_ptr_array_add (imp->result->problems, g_strdup_printf ("%s: %s", imp->name, what));
}

static void
report_progress (Importer   *imp,
                 double      fraction,
                 const char *text)
{
  if (imp->progress != NULL)
    imp->progress (CLAMP (fraction, 0.0, 1.0), text, imp->progress_data);
}

static gboolean
load_schools (Importer  *imp,
              GError   **error)
{
  sqlite3_stmt *stmt = cl_database_prepare (imp->db,
                                            "SELECT id, urn, country, name FROM school"
                                            " WHERE deleted_at IS NULL",
                                            error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      SchoolInfo *s = g_new0 (SchoolInfo, 1);
      s->id = sqlite3_column_int64 (stmt, 0);
      s->urn = sqlite3_column_int (stmt, 1);
      s->wales = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "wales") == 0;
      s->name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_hash_table_insert (imp->schools, GUINT_TO_POINTER (s->urn), s);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static SchoolInfo *
school_by_estab (Importer *imp,
                 guint     la,
                 guint     estab)
{
  sqlite3_stmt *stmt = cl_database_prepare (imp->db,
                                            "SELECT urn FROM school WHERE la_code = ? AND estab = ?"
                                            " AND deleted_at IS NULL",
                                            NULL);
  guint urn = 0;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, la);
  sqlite3_bind_int (stmt, 2, estab);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    urn = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return urn != 0 ? g_hash_table_lookup (imp->schools, GUINT_TO_POINTER (urn)) : NULL;
}

static ClCalendar *
calendar_for (Importer *imp,
              gint64    school_id,
              int       year)
{
  g_autofree char *key = NULL;
  ClCalendar *calendar;

  if (imp->last_calendar != NULL && imp->last_calendar_school == school_id
      && imp->last_calendar_year == year)
    return imp->last_calendar;

  key = g_strdup_printf ("%" G_GINT64_FORMAT ":%d", school_id, year);
  calendar = g_hash_table_lookup (imp->calendars, key);
  if (calendar == NULL)
    {
      calendar = cl_calendar_load (imp->db, school_id, year, NULL);
      if (calendar == NULL)
        calendar = cl_calendar_new (school_id, year);
      g_hash_table_insert (imp->calendars, g_steal_pointer (&key), calendar);
    }
  imp->last_calendar = calendar;
  imp->last_calendar_school = school_id;
  imp->last_calendar_year = year;
  return calendar;
}

static ImportPupil *
pupil_for_upn (Importer   *imp,
               const char *upn_text,
               guint64     line)
{
  ImportPupil *p;
  char upn[14];
  gsize len = strlen (upn_text);
  char expected;
  ClUpnResult check;

  /* Rows of one pupil come together in every export seen: test the last first. */
  if (imp->last_pupil != NULL && strcmp (imp->last_pupil->upn, upn_text) == 0)
    return imp->last_pupil;

  if (len > 13)
    len = 13;
  for (gsize i = 0; i < len; i++)
    upn[i] = g_ascii_toupper (upn_text[i]);
  upn[len] = '\0';

  p = g_hash_table_lookup (imp->pupils, upn);
  if (p == NULL)
    {
      p = g_new0 (ImportPupil, 1);
      memcpy (p->upn, upn, len + 1);
      p->first_line = line;
      p->registers = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (imp->pupils, p->upn, p);
      g_ptr_array_add (imp->order, p);

      check = cl_upn_check (strlen (upn_text) == 13 ? upn : upn_text, &expected);
      if (check != CL_UPN_VALID)
        {
          g_autofree char *why = cl_upn_describe (check, expected);
          problem (imp, p, line, _("UPN “%s”: %s"), upn_text, why);
          p->upn_bad = TRUE;
        }
    }
  imp->last_pupil = p;
  return p;
}

static gboolean
parse_julian (Importer   *imp,
              const char *text,
              guint32    *out)
{
  GDate date;
  guint32 key = 0;
  guint slot = 0;

  /* Registers repeat the same few hundred dates millions of times: an ISO
   * date's digits make a key into a small cache of already-checked dates. */
  if (text[0] != '\0' && text[1] != '\0' && text[2] != '\0' && text[3] != '\0'
      && text[4] == '-' && text[7] == '-' && text[10] == '\0')
    {
      static const int pos[] = { 0, 1, 2, 3, 5, 6, 8, 9 };
      for (guint i = 0; i < G_N_ELEMENTS (pos); i++)
        {
          char c = text[pos[i]];
          if (c < '0' || c > '9')
            {
              key = 0;
              break;
            }
          key = key * 10 + (guint32) (c - '0');
        }
      if (key != 0)
        {
          slot = (key * 2654435761u) >> 22;   /* 10 bits */
          if (imp->date_cache[slot].key == key)
            {
              *out = imp->date_cache[slot].julian;
              return TRUE;
            }
        }
    }
  if (!cl_date_parse (text, &date))
    return FALSE;
  *out = g_date_get_julian (&date);
  if (key != 0)
    {
      imp->date_cache[slot].key = key;
      imp->date_cache[slot].julian = *out;
    }
  return TRUE;
}

/* The code id for text in a set, cached; 0 when there is no such code. */
static guint8
resolve_code (Importer   *imp,
              int         set,
              const char *text)
{
  guint key;
  guint16 *slot;

  if (text[0] == '\0' || (text[1] != '\0' && text[2] != '\0'))
    return 0;
  key = ((guint) (guchar) text[0] << 8) | (guchar) text[1];
  slot = &imp->code_cache[set * 65536 + key];
  if (*slot == 0)
    {
      char upper[3] = { g_ascii_toupper (text[0]), g_ascii_toupper (text[1]), '\0' };
      guint8 id = cl_code_table_lookup (imp->codes, set_names[set], upper, NULL);
      *slot = id != 0 ? id : 0xFFFF;
    }
  return *slot == 0xFFFF ? 0 : (guint8) *slot;
}

static FileRegister *
register_for (ImportPupil *p,
              gint64       school_id,
              int          year)
{
  FileRegister *reg;

  for (guint i = 0; i < p->registers->len; i++)
    {
      reg = g_ptr_array_index (p->registers, i);
      if (reg->school_id == school_id && reg->academic_year == year)
        return reg;
    }
  reg = g_new0 (FileRegister, 1);
  reg->school_id = school_id;
  reg->academic_year = year;
  g_ptr_array_add (p->registers, reg);
  return reg;
}

static const char *
day_kind_label (ClCalendarDay day)
{
  switch (day)
    {
    case CL_CALENDAR_DAY_WEEKEND: return _("a weekend");
    case CL_CALENDAR_DAY_HOLIDAY: return _("a school holiday");
    case CL_CALENDAR_DAY_INSET: return _("an INSET day");
    case CL_CALENDAR_DAY_BANK_HOLIDAY: return _("a bank holiday");
    case CL_CALENDAR_DAY_CLOSURE: return _("a day the school was closed");
    case CL_CALENDAR_DAY_OUTSIDE: return _("outside the school’s calendar");
    case CL_CALENDAR_DAY_OPEN:
    default:
      return "";
    }
}

/* Records one mark. Every check that concerns a single session is here, so
 * the CSV and CTF readers share it. */
static void
add_mark (Importer    *imp,
          ImportPupil *p,
          SchoolInfo  *school,
          guint32      julian,
          gboolean     pm,
          const char  *code_text,
          guint64      line)
{
  int year, index;
  int set = school->wales ? SET_WALES_2010
                          : (julian >= imp->england_2024_julian ? SET_ENGLAND_2024 : SET_ENGLAND_2006);
  guint8 id = resolve_code (imp, set, code_text);
  FileRegister *reg;

  if (julian < imp->year_cache_first || julian >= imp->year_cache_end)
    {
      imp->year_cache_year = cl_academic_year_for_julian (julian);
      imp->year_cache_first = cl_academic_year_first_julian (imp->year_cache_year);
      imp->year_cache_end = cl_academic_year_first_julian (imp->year_cache_year + 1);
    }
  year = imp->year_cache_year;
  index = (int) (julian - imp->year_cache_first) * 2 + (pm ? 1 : 0);
  imp->result->sessions++;
  p->sessions++;
  if (id == 0)
    {
      g_autofree char *date = cl_attendance_date_from_julian (julian);
      if (code_text[0] == '\0')
        problem (imp, p, line, _("UPN %s, %s %s: the mark is empty"), p->upn, date,
                 pm ? "PM" : "AM");
      else
        problem (imp, p, line, _("UPN %s, %s %s: “%s” is not one of the %s"),
                 p->upn, date, pm ? "PM" : "AM", code_text, set_label (set));
      return;
    }

  reg = (p->last_school_id == school->id && p->registers->len > 0
         && ((FileRegister *) g_ptr_array_index (p->registers, p->registers->len - 1))->academic_year == year)
          ? g_ptr_array_index (p->registers, p->registers->len - 1)
          : register_for (p, school->id, year);
  p->last_school_id = school->id;

  if (reg->marks[index] != 0)
    {
      g_autofree char *date = cl_attendance_date_from_julian (julian);
      problem (imp, p, line, _("UPN %s, %s %s: the session appears twice in the file"),
               p->upn, date, pm ? "PM" : "AM");
      return;
    }

  if (imp->counts[id])
    {
      ClCalendar *calendar = calendar_for (imp, school->id, year);
      if (!cl_calendar_is_empty (calendar))
        {
          ClCalendarDay day = cl_calendar_get_day_julian (calendar, julian);
          if (day != CL_CALENDAR_DAY_OPEN)
            {
              g_autofree char *date = cl_attendance_date_from_julian (julian);
              problem (imp, p, line,
                       _("UPN %s, %s %s: mark “%s” on %s at %s"),
                       p->upn, date, pm ? "PM" : "AM", code_text, day_kind_label (day),
                       school->name);
              return;
            }
        }
    }

  reg->marks[index] = id;
  if (p->first_julian == 0 || julian < p->first_julian)
    p->first_julian = julian;
  if (julian > p->last_julian)
    p->last_julian = julian;
}

static void
set_identity (Importer    *imp,
              ImportPupil *p,
              const char  *forename,
              const char  *surname,
              const char  *dob,
              const char  *sex,
              guint64      line)
{
  if (forename != NULL && *forename != '\0' && p->forename == NULL)
    p->forename = g_strdup (forename);
  if (surname != NULL && *surname != '\0' && p->surname == NULL)
    p->surname = g_strdup (surname);
  if (sex != NULL && *sex != '\0' && p->sex == NULL)
    {
      char c = g_ascii_toupper (sex[0]);
      if (c != 'F' && c != 'M' && c != 'U')
        problem (imp, p, line, _("UPN %s: sex “%s” is not F, M or U"), p->upn, sex);
      else
        p->sex = g_strndup (&c, 1);
    }
  if (dob != NULL && *dob != '\0')
    {
      GDate date;
      char iso[11];

      if (!cl_date_parse (dob, &date))
        {
          problem (imp, p, line, _("UPN %s: date of birth “%s” is not a date"), p->upn, dob);
          return;
        }
      cl_date_format_iso (&date, iso);
      if (p->dob == NULL)
        {
          p->dob = g_strdup (iso);
          p->dob_line = line;
        }
      else if (strcmp (p->dob, iso) != 0)
        problem (imp, p, line,
                 _("UPN %s has two dates of birth: %s here and %s on line %" G_GUINT64_FORMAT),
                 p->upn, iso, p->dob, p->dob_line);
    }
}

/* --- CSV ---------------------------------------------------------------- */

static const char *const upn_names[] = { "upn", "unique pupil number", "pupil upn", NULL };
static const char *const date_names[] = { "date", "session date", "attendance date", NULL };
static const char *const session_names[] = { "session", "am/pm", "ampm", "period", NULL };
static const char *const mark_names[] = { "mark", "code", "attendance code", "attendance mark",
                                          NULL };
static const char *const surname_names[] = { "surname", "legal surname", "last name",
                                             "family name", NULL };
static const char *const forename_names[] = { "forename", "legal forename", "first name",
                                              "given name", NULL };
static const char *const dob_names[] = { "dob", "date of birth", "birth date", NULL };
static const char *const sex_names[] = { "sex", "gender", NULL };
static const char *const year_names[] = { "nc year", "year", "year group", "ncyear",
                                          "national curriculum year", NULL };
static const char *const urn_names[] = { "urn", "school urn", NULL };

const char *const *
cl_csv_field_names (ClCsvField field)
{
  switch (field)
    {
    case CL_CSV_FIELD_UPN: return upn_names;
    case CL_CSV_FIELD_DATE: return date_names;
    case CL_CSV_FIELD_SESSION: return session_names;
    case CL_CSV_FIELD_MARK: return mark_names;
    case CL_CSV_FIELD_SURNAME: return surname_names;
    case CL_CSV_FIELD_FORENAME: return forename_names;
    case CL_CSV_FIELD_DOB: return dob_names;
    case CL_CSV_FIELD_SEX: return sex_names;
    case CL_CSV_FIELD_NC_YEAR: return year_names;
    case CL_CSV_FIELD_URN: return urn_names;
    case CL_CSV_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
cl_csv_field_label (ClCsvField field)
{
  switch (field)
    {
    case CL_CSV_FIELD_UPN: return _("UPN");
    case CL_CSV_FIELD_DATE: return _("Date");
    case CL_CSV_FIELD_SESSION: return _("Session (AM/PM)");
    case CL_CSV_FIELD_MARK: return _("Mark");
    case CL_CSV_FIELD_SURNAME: return _("Surname");
    case CL_CSV_FIELD_FORENAME: return _("Forename");
    case CL_CSV_FIELD_DOB: return _("Date of birth");
    case CL_CSV_FIELD_SEX: return _("Sex");
    case CL_CSV_FIELD_NC_YEAR: return _("NC year");
    case CL_CSV_FIELD_URN: return _("School URN");
    case CL_CSV_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
cl_csv_field_required (ClCsvField field)
{
  return field <= CL_CSV_FIELD_MARK;
}

static char *
normalise_header (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(GString) out = g_string_new (NULL);

  /* Collapse runs of spaces and underscores so "Attendance_Code" matches. */
  for (const char *p = stripped; *p != '\0'; p++)
    {
      char c = (*p == '_') ? ' ' : g_ascii_tolower (*p);
      if (c == ' ' && (out->len == 0 || out->str[out->len - 1] == ' '))
        continue;
      g_string_append_c (out, c);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
map_header (ClCsvReader *reader,
            int          map[CL_CSV_N_FIELDS])
{
  for (int f = 0; f < CL_CSV_N_FIELDS; f++)
    map[f] = -1;
  for (guint col = 0; col < cl_csv_reader_get_n_fields (reader); col++)
    {
      g_autofree char *name = normalise_header (cl_csv_reader_get_field (reader, col, NULL));
      for (int f = 0; f < CL_CSV_N_FIELDS; f++)
        if (map[f] < 0 && g_strv_contains (cl_csv_field_names (f), name))
          {
            map[f] = col;
            break;
          }
    }
}

GStrv
cl_csv_read_header (const char  *path,
                    GError     **error)
{
  g_autoptr(ClCsvReader) reader = cl_csv_reader_new_for_path (path, error);
  g_autoptr(GStrvBuilder) builder = NULL;

  if (reader == NULL)
    return NULL;
  if (!cl_csv_reader_next_row (reader, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, CL_IMPORT_ERROR, CL_IMPORT_ERROR_FORMAT, _("%s: the file is empty"),
                     path);
      return NULL;
    }
  builder = g_strv_builder_new ();
  for (guint i = 0; i < cl_csv_reader_get_n_fields (reader); i++)
    g_strv_builder_add (builder, cl_csv_reader_get_field (reader, i, NULL));
  return g_strv_builder_end (builder);
}

static char *
mapping_key (guint urn)
{
  return g_strdup_printf ("csv-mapping:%u", urn);
}

int *
cl_csv_mapping_load (ClDatabase *db,
                     guint       school_urn)
{
  g_autofree char *key = mapping_key (school_urn);
  g_autofree char *value = cl_database_get_setting (db, key);
  g_auto(GStrv) parts = NULL;
  int *map;

  if (value == NULL)
    return NULL;
  parts = g_strsplit (value, ",", -1);
  if (g_strv_length (parts) != CL_CSV_N_FIELDS)
    return NULL;
  map = g_new (int, CL_CSV_N_FIELDS);
  for (int i = 0; i < CL_CSV_N_FIELDS; i++)
    map[i] = atoi (parts[i]);
  return map;
}

static gboolean
mapping_save (ClDatabase  *db,
              guint        school_urn,
              const int   *map,
              GError     **error)
{
  g_autofree char *key = mapping_key (school_urn);
  g_autoptr(GString) value = g_string_new (NULL);

  for (int i = 0; i < CL_CSV_N_FIELDS; i++)
    g_string_append_printf (value, i == 0 ? "%d" : ",%d", map[i]);
  return cl_database_set_setting (db, key, value->str, error);
}

static const char *
field_text (ClCsvReader *reader,
            const int   *map,
            ClCsvField   field)
{
  return map[field] >= 0 ? cl_csv_reader_get_field (reader, map[field], NULL) : NULL;
}

/* Trims in place: fields are scratch copies owned by the reader. Most
 * fields have no spaces at either end, so look before calling strstrip. */
static const char *
trimmed (const char *text)
{
  gsize len;

  if (text == NULL || text[0] == '\0')
    return text;
  len = strlen (text);
  if (!g_ascii_isspace (text[0]) && !g_ascii_isspace (text[len - 1]))
    return text;
  return g_strstrip ((char *) text);
}

static gboolean
parse_session (const char *text,
               gboolean   *pm)
{
  if (g_ascii_strcasecmp (text, "AM") == 0 || g_ascii_strcasecmp (text, "A") == 0
      || g_ascii_strcasecmp (text, "Morning") == 0)
    *pm = FALSE;
  else if (g_ascii_strcasecmp (text, "PM") == 0 || g_ascii_strcasecmp (text, "P") == 0
           || g_ascii_strcasecmp (text, "Afternoon") == 0)
    *pm = TRUE;
  else
    return FALSE;
  return TRUE;
}

static gboolean
read_csv (Importer     *imp,
          ClCsvReader  *reader,
          GError      **error)
{
  int map[CL_CSV_N_FIELDS];
  GError *local_error = NULL;
  guint64 rows = 0;
  SchoolInfo *row_school = NULL;
  guint row_school_urn = 0;

  if (!cl_csv_reader_next_row (reader, &local_error))
    {
      if (local_error != NULL)
        {
          problem (imp, NULL, 0, "%s", local_error->message);
          g_error_free (local_error);
        }
      else
        problem (imp, NULL, 0, _("the file is empty"));
      return TRUE;
    }

  if (imp->options->column_map != NULL)
    memcpy (map, imp->options->column_map, sizeof map);
  else
    map_header (reader, map);

  for (int f = 0; f < CL_CSV_N_FIELDS; f++)
    if (cl_csv_field_required (f) && map[f] < 0)
      {
        g_autofree char *names = g_strjoinv ("”, “", (char **) cl_csv_field_names (f));
        problem (imp, NULL, 1, _("no %s column: the header needs one of “%s”"),
                 cl_csv_field_label (f), names);
      }
  if (imp->fixed_school == NULL && map[CL_CSV_FIELD_URN] < 0)
    problem (imp, NULL, 1, _("no school: the file has no URN column; choose the school the "
                             "register is from (--school URN)"));
  if (imp->file_problem)
    return TRUE;

  for (;;)
    {
      guint64 line;
      const char *upn, *date, *session, *mark;
      SchoolInfo *school = imp->fixed_school;
      ImportPupil *p;
      guint32 julian;
      gboolean pm;

      if (!cl_csv_reader_next_row (reader, &local_error))
        {
          if (local_error == NULL)
            break;
          problem (imp, NULL, 0, "%s", local_error->message);
          if (!g_error_matches (local_error, CL_IMPORT_ERROR, CL_IMPORT_ERROR_INVALID))
            {
              g_clear_error (&local_error);
              break;
            }
          g_clear_error (&local_error);
          continue;
        }
      line = cl_csv_reader_get_line (reader);
      upn = trimmed (field_text (reader, map, CL_CSV_FIELD_UPN));
      date = trimmed (field_text (reader, map, CL_CSV_FIELD_DATE));
      session = trimmed (field_text (reader, map, CL_CSV_FIELD_SESSION));
      mark = trimmed (field_text (reader, map, CL_CSV_FIELD_MARK));
      imp->result->lines = line;
      if ((++rows & 0xffff) == 0)
        {
          guint64 size = cl_csv_reader_get_size (reader);
          if (g_cancellable_is_cancelled (imp->cancellable))
            return TRUE;
          report_progress (imp, size > 0 ? 0.6 * cl_csv_reader_get_offset (reader) / size : 0.0,
                           _("Checking the register"));
        }

      if (*upn == '\0')
        {
          problem (imp, NULL, line, _("the UPN is empty"));
          continue;
        }
      p = pupil_for_upn (imp, upn, line);

      if (map[CL_CSV_FIELD_SURNAME] >= 0 || map[CL_CSV_FIELD_DOB] >= 0)
        set_identity (imp, p, trimmed (field_text (reader, map, CL_CSV_FIELD_FORENAME)),
                      trimmed (field_text (reader, map, CL_CSV_FIELD_SURNAME)),
                      trimmed (field_text (reader, map, CL_CSV_FIELD_DOB)),
                      trimmed (field_text (reader, map, CL_CSV_FIELD_SEX)), line);

      if (school == NULL)
        {
          const char *urn_text = trimmed (field_text (reader, map, CL_CSV_FIELD_URN));
          guint urn = (guint) g_ascii_strtoull (urn_text, NULL, 10);

          if (urn != row_school_urn || row_school == NULL)
            {
              row_school_urn = urn;
              row_school = g_hash_table_lookup (imp->schools, GUINT_TO_POINTER (urn));
            }
          school = row_school;
          if (school == NULL)
            {
              problem (imp, p, line, _("URN “%s” is not a school in Caseload; add the school "
                                       "first"), urn_text);
              continue;
            }
        }

      if (!parse_julian (imp, date, &julian))
        {
          problem (imp, p, line, _("date “%s” is not a date (use YYYY-MM-DD or DD/MM/YYYY)"),
                   date);
          continue;
        }
      if (!parse_session (session, &pm))
        {
          problem (imp, p, line, _("session “%s” is not AM or PM"), session);
          continue;
        }
      if (p->upn_bad)
        continue;
      add_mark (imp, p, school, julian, pm, mark, line);
    }
  return TRUE;
}

/* --- CTF ---------------------------------------------------------------- */

/* The reading of the Common Transfer File taken here is written down in
 * docs/ctf-import.md: one character per session, AM then PM, for each
 * weekday (Monday to Friday) from AttendanceStartDate; '-', ' ' and '#'
 * hold no session mark and are skipped. */

typedef struct
{
  Importer         *imp;
  xmlTextReaderPtr  reader;
  GPtrArray        *path;     /* element names */
} CtfState;

static guint64
ctf_line (CtfState *st)
{
  /* The node's own line; the parser's line runs ahead of the reader. */
  xmlNodePtr node = xmlTextReaderCurrentNode (st->reader);
  long line = node != NULL ? xmlGetLineNo (node) : -1;

  if (line <= 0)
    line = xmlTextReaderGetParserLineNumber (st->reader);
  return line > 0 ? (guint64) line : 1;
}

typedef struct
{
  char   *start_date;
  char   *marks;
  guint64 line;
  char   *la;
  char   *estab;
  char   *year;
} CtfYearData;

static void
ctf_year_data_free (gpointer data)
{
  CtfYearData *yd = data;
  g_free (yd->start_date);
  g_free (yd->marks);
  g_free (yd->la);
  g_free (yd->estab);
  g_free (yd->year);
  g_free (yd);
}

typedef struct
{
  guint64    line;
  char      *upn;
  char      *surname;
  char      *forename;
  char      *dob;
  char      *sex;
  GPtrArray *contacts;   /* ClGuardian */
  GPtrArray *years;      /* CtfYearData */
} CtfPupil;

static void
ctf_pupil_clear (CtfPupil *cp)
{
  g_free (cp->upn);
  g_free (cp->surname);
  g_free (cp->forename);
  g_free (cp->dob);
  g_free (cp->sex);
  g_clear_pointer (&cp->contacts, g_ptr_array_unref);
  g_clear_pointer (&cp->years, g_ptr_array_unref);
  memset (cp, 0, sizeof *cp);
}

static char *
ctf_text (CtfState *st)
{
  xmlChar *text = xmlTextReaderReadString (st->reader);
  char *copy = g_strstrip (g_strdup (text != NULL ? (const char *) text : ""));
  xmlFree (text);
  return copy;
}

static const char *
ctf_relationship (const char *code)
{
  /* CBDS relationship codes (PAR parent, CAR carer, …) or words. */
  if (code == NULL || *code == '\0')
    return "parent";
  if (g_ascii_strcasecmp (code, "PAR") == 0 || g_ascii_strcasecmp (code, "Parent") == 0)
    return "parent";
  if (g_ascii_strcasecmp (code, "CAR") == 0 || g_ascii_strcasecmp (code, "Carer") == 0)
    return "carer";
  if (g_ascii_strcasecmp (code, "FAM") == 0)
    return "other";
  if (g_ascii_strcasecmp (code, "DOC") == 0 || g_ascii_strcasecmp (code, "SWR") == 0
      || g_ascii_strcasecmp (code, "OTH") == 0)
    return "other";
  return code;
}

static void
ctf_read_contact (CtfState *st,
                  CtfPupil *cp,
                  int       depth)
{
  g_autoptr(ClGuardian) g = cl_guardian_new ();

  while (xmlTextReaderRead (st->reader) == 1 && xmlTextReaderDepth (st->reader) > depth)
    {
      const char *name = (const char *) xmlTextReaderConstLocalName (st->reader);
      g_autofree char *text = NULL;

      if (xmlTextReaderNodeType (st->reader) != XML_READER_TYPE_ELEMENT)
        continue;
      if (strcmp (name, "Title") == 0)
        cl_guardian_set_text (g, CL_GUARDIAN_TITLE, (text = ctf_text (st)));
      else if (strcmp (name, "Forename") == 0)
        cl_guardian_set_text (g, CL_GUARDIAN_FORENAME, (text = ctf_text (st)));
      else if (strcmp (name, "Surname") == 0)
        cl_guardian_set_text (g, CL_GUARDIAN_SURNAME, (text = ctf_text (st)));
      else if (strcmp (name, "Relationship") == 0)
        cl_guardian_set_text (g, CL_GUARDIAN_RELATIONSHIP, ctf_relationship ((text = ctf_text (st))));
      else if (strcmp (name, "Responsibility") == 0)
        {
          text = ctf_text (st);
          cl_guardian_set_parental_responsibility (g, g_ascii_strcasecmp (text, "true") == 0
                                                        || strcmp (text, "1") == 0);
        }
      else if (strcmp (name, "Email") == 0 || strcmp (name, "EmailAddress") == 0)
        cl_guardian_set_text (g, CL_GUARDIAN_EMAIL, (text = ctf_text (st)));
      else if (strcmp (name, "PhoneNo") == 0 || strcmp (name, "TelephoneNumber") == 0)
        {
          text = ctf_text (st);
          if (*cl_guardian_get_text (g, CL_GUARDIAN_PHONE_HOME) == '\0')
            cl_guardian_set_text (g, CL_GUARDIAN_PHONE_HOME, text);
          else
            cl_guardian_set_text (g, CL_GUARDIAN_PHONE_MOBILE, text);
        }
      else if (strcmp (name, "Language") == 0)
        {
          text = ctf_text (st);
          cl_guardian_set_text (g, CL_GUARDIAN_LANGUAGE,
                                g_ascii_strncasecmp (text, "WEL", 3) == 0
                                  || g_ascii_strcasecmp (text, "CYM") == 0 ? "cy"
                                : g_ascii_strncasecmp (text, "ENG", 3) == 0 ? "en" : "other");
        }
    }
  if (*cl_guardian_get_text (g, CL_GUARDIAN_SURNAME) != '\0')
    g_ptr_array_add (cp->contacts, g_steal_pointer (&g));
}

static void
ctf_read_year_data (CtfState *st,
                    CtfPupil *cp,
                    int       depth)
{
  CtfYearData *yd = g_new0 (CtfYearData, 1);

  yd->line = ctf_line (st);
  while (xmlTextReaderRead (st->reader) == 1 && xmlTextReaderDepth (st->reader) > depth)
    {
      const char *name = (const char *) xmlTextReaderConstLocalName (st->reader);

      if (xmlTextReaderNodeType (st->reader) != XML_READER_TYPE_ELEMENT)
        continue;
      if (strcmp (name, "AttendanceStartDate") == 0)
        g_free (yd->start_date), yd->start_date = ctf_text (st);
      else if (strcmp (name, "AttendanceMarks") == 0)
        {
          xmlChar *raw = xmlTextReaderReadString (st->reader);
          g_free (yd->marks);
          yd->marks = g_strdup (raw != NULL ? (const char *) raw : "");
          xmlFree (raw);
          yd->line = ctf_line (st);
        }
      else if (strcmp (name, "LEA") == 0)
        g_free (yd->la), yd->la = ctf_text (st);
      else if (strcmp (name, "Estab") == 0)
        g_free (yd->estab), yd->estab = ctf_text (st);
      else if (strcmp (name, "Year") == 0)
        g_free (yd->year), yd->year = ctf_text (st);
    }
  g_ptr_array_add (cp->years, yd);
}

static void
ctf_finish_pupil (CtfState   *st,
                  CtfPupil   *cp,
                  SchoolInfo *header_school)
{
  Importer *imp = st->imp;
  ImportPupil *p;

  imp->context = "/CTfile/CTFpupilData/Pupil";
  if (cp->upn == NULL || *cp->upn == '\0')
    {
      problem (imp, NULL, cp->line, _("a pupil has no UPN"));
      imp->context = NULL;
      return;
    }
  p = pupil_for_upn (imp, cp->upn, cp->line);
  if (p->upn_bad)
    return;
  set_identity (imp, p, cp->forename, cp->surname, cp->dob, cp->sex, cp->line);
  if (cp->contacts->len > 0 && p->guardians == NULL)
    p->guardians = g_ptr_array_ref (cp->contacts);

  for (guint i = 0; i < cp->years->len; i++)
    {
      CtfYearData *yd = g_ptr_array_index (cp->years, i);
      SchoolInfo *school = header_school;
      guint32 julian;

      imp->context = "/CTfile/CTFpupilData/Pupil/Attendance/YearData/AttendSessions";
      if (yd->marks == NULL || *yd->marks == '\0')
        continue;   /* totals only: nothing session by session to store */
      if (yd->la != NULL && yd->estab != NULL && *yd->la != '\0' && *yd->estab != '\0')
        {
          school = school_by_estab (imp, atoi (yd->la), atoi (yd->estab));
          if (school == NULL)
            {
              /* Marks from a school outside Caseload (another LA) are not kept. */
              continue;
            }
        }
      if (school == NULL)
        {
          problem (imp, p, yd->line, _("UPN %s: the attendance marks name no school known to "
                                       "Caseload"), p->upn);
          continue;
        }
      if (yd->start_date == NULL || !parse_julian (imp, yd->start_date, &julian))
        {
          problem (imp, p, yd->line, _("UPN %s: AttendanceStartDate “%s” is not a date"),
                   p->upn, yd->start_date != NULL ? yd->start_date : "");
          continue;
        }
      /* Start on a weekday. */
      while (cl_attendance_julian_weekday (julian) >= 5)
        julian++;
      for (const char *m = yd->marks; *m != '\0';)
        {
          char code[2] = { m[0], '\0' };
          char pm_code[2] = { m[1], '\0' };

          if (code[0] != '-' && code[0] != ' ' && code[0] != '#' && code[0] != '\n')
            add_mark (imp, p, school, julian, FALSE, code, yd->line);
          if (m[1] == '\0')
            break;
          if (pm_code[0] != '-' && pm_code[0] != ' ' && pm_code[0] != '#' && pm_code[0] != '\n')
            add_mark (imp, p, school, julian, TRUE, pm_code, yd->line);
          m += 2;
          do
            julian++;
          while (cl_attendance_julian_weekday (julian) >= 5);
        }
    }
  imp->context = NULL;
}

static void
ctf_error_cb (void                   *arg,
              const char             *msg,
              xmlParserSeverities     severity,
              xmlTextReaderLocatorPtr locator)
{
  CtfState *st = arg;
  g_autofree char *text = g_strstrip (g_strdup (msg));

  if (severity == XML_PARSER_SEVERITY_ERROR || severity == XML_PARSER_SEVERITY_VALIDITY_ERROR)
    problem (st->imp, NULL, xmlTextReaderLocatorLineNumber (locator),
             _("the XML is not well-formed: %s"), text);
}

static gboolean
read_ctf (Importer         *imp,
          xmlTextReaderPtr  reader)
{
  CtfState st = { imp, reader, g_ptr_array_new_with_free_func (g_free) };
  CtfPupil cp = { 0 };
  g_autofree char *la = NULL;
  g_autofree char *estab = NULL;
  SchoolInfo *header_school = imp->fixed_school;
  gboolean in_source = FALSE, saw_root = FALSE;
  int pupil_depth = -1;
  int rc;
  guint n_pupils = 0;

  xmlTextReaderSetErrorHandler (reader, ctf_error_cb, &st);

  while ((rc = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      int depth = xmlTextReaderDepth (reader);
      const char *name = (const char *) xmlTextReaderConstLocalName (reader);

      if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (st.path->len > 0)
            g_ptr_array_remove_index (st.path, st.path->len - 1);
          if (depth == pupil_depth)
            {
              ctf_finish_pupil (&st, &cp, header_school);
              ctf_pupil_clear (&cp);
              pupil_depth = -1;
              if ((++n_pupils % 200) == 0 && g_cancellable_is_cancelled (imp->cancellable))
                break;
            }
          if (strcmp (name, "SourceSchool") == 0)
            {
              in_source = FALSE;
              if (header_school == NULL && la != NULL && estab != NULL)
                header_school = school_by_estab (imp, atoi (la), atoi (estab));
            }
          continue;
        }
      if (type != XML_READER_TYPE_ELEMENT)
        continue;
      if (!xmlTextReaderIsEmptyElement (reader))
        g_ptr_array_add (st.path, g_strdup (name));

      if (depth == 0)
        {
          saw_root = TRUE;
          if (strcmp (name, "CTfile") != 0)
            {
              problem (imp, NULL, ctf_line (&st),
                       _("the root element is <%s>, not <CTfile>: this is not a Common "
                         "Transfer File"), name);
              break;
            }
        }
      else if (strcmp (name, "SourceSchool") == 0)
        in_source = TRUE;
      else if (in_source && strcmp (name, "LEA") == 0)
        g_free (la), la = ctf_text (&st);
      else if (in_source && strcmp (name, "Estab") == 0)
        g_free (estab), estab = ctf_text (&st);
      else if (strcmp (name, "Pupil") == 0 && pupil_depth < 0)
        {
          pupil_depth = depth;
          cp.line = ctf_line (&st);
          cp.contacts = g_ptr_array_new_with_free_func (g_object_unref);
          cp.years = g_ptr_array_new_with_free_func (ctf_year_data_free);
        }
      else if (pupil_depth >= 0 && depth == pupil_depth + 1)
        {
          if (strcmp (name, "UPN") == 0)
            g_free (cp.upn), cp.upn = ctf_text (&st);
          else if (strcmp (name, "Surname") == 0)
            g_free (cp.surname), cp.surname = ctf_text (&st);
          else if (strcmp (name, "Forename") == 0)
            g_free (cp.forename), cp.forename = ctf_text (&st);
          else if (strcmp (name, "DOB") == 0)
            g_free (cp.dob), cp.dob = ctf_text (&st);
          else if (strcmp (name, "Gender") == 0 || strcmp (name, "Sex") == 0)
            g_free (cp.sex), cp.sex = ctf_text (&st);
        }
      else if (pupil_depth >= 0 && strcmp (name, "Contact") == 0)
        {
          ctf_read_contact (&st, &cp, depth);
          g_ptr_array_remove_index (st.path, st.path->len - 1);
        }
      else if (pupil_depth >= 0 && strcmp (name, "YearData") == 0)
        {
          ctf_read_year_data (&st, &cp, depth);
          g_ptr_array_remove_index (st.path, st.path->len - 1);
        }
      else if (pupil_depth >= 0 && depth == pupil_depth + 2
               && (strcmp (name, "Surname") == 0 || strcmp (name, "Forename") == 0
                   || strcmp (name, "DOB") == 0 || strcmp (name, "Gender") == 0
                   || strcmp (name, "Sex") == 0)
               && strcmp (g_ptr_array_index (st.path, st.path->len - 2), "BasicDetails") == 0)
        {
          /* Some suppliers wrap identity in <BasicDetails>. */
          char **slot = strcmp (name, "Surname") == 0 ? &cp.surname
                      : strcmp (name, "Forename") == 0 ? &cp.forename
                      : strcmp (name, "DOB") == 0 ? &cp.dob : &cp.sex;
          g_free (*slot);
          *slot = ctf_text (&st);
        }
    }

  if (rc < 0 && !imp->file_problem)
    problem (imp, NULL, ctf_line (&st), _("the XML is not well-formed"));
  if (!saw_root && !imp->file_problem)
    problem (imp, NULL, 0, _("the file holds no XML elements"));
  ctf_pupil_clear (&cp);
  g_ptr_array_unref (st.path);
  return TRUE;
}

/* --- checks that need the whole file, and the write ------------------------ */

static gboolean
lookup_existing (Importer  *imp,
                 GError   **error)
{
  sqlite3_stmt *stmt = cl_database_prepare (imp->db,
                                            "SELECT id, dob FROM pupil WHERE upn = ?"
                                            " AND deleted_at IS NULL",
                                            error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < imp->order->len; i++)
    {
      ImportPupil *p = g_ptr_array_index (imp->order, i);

      if (p->upn_bad)
        continue;
      sqlite3_bind_text (stmt, 1, p->upn, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        p->existing_id = sqlite3_column_int64 (stmt, 0);
      else
        {
          p->existing_id = -1;
          if (p->surname == NULL || p->forename == NULL || p->dob == NULL)
            problem (imp, p, p->first_line,
                     _("UPN %s is not a pupil in Caseload, and the file does not give the "
                       "surname, forename and date of birth needed to add them"),
                     p->upn);
        }
      sqlite3_reset (stmt);
    }
  return TRUE;
}

static gboolean
write_register (Importer      *imp,
                ImportPupil   *p,
                gint64         pupil_id,
                FileRegister  *reg,
                const char    *now,
                GError       **error)
{
  guint8 merged[CL_REGISTER_MAX_SESSIONS] = { 0 };
  int n_sessions = cl_academic_year_n_sessions (reg->academic_year);
  int n = 0;
  sqlite3_stmt *stmt;
  const char *actor = cl_database_get_actor (imp->db);

  stmt = cl_database_prepare (imp->db,
                              "SELECT marks FROM register WHERE pupil_id = ? AND school_id = ?"
                              " AND academic_year = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pupil_id);
  sqlite3_bind_int64 (stmt, 2, reg->school_id);
  sqlite3_bind_int (stmt, 3, reg->academic_year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int len = MIN (sqlite3_column_bytes (stmt, 0), n_sessions);
      memcpy (merged, sqlite3_column_blob (stmt, 0), len);
    }
  sqlite3_reset (stmt);

  for (int i = 0; i < n_sessions; i++)
    {
      if (reg->marks[i] == 0)
        continue;
      if (merged[i] != 0 && merged[i] != reg->marks[i])
        {
          /* Overwriting a mark already held: kept as a change like an edit. */
          sqlite3_stmt *change =
            cl_database_prepare (imp->db,
                                 "INSERT INTO mark_change (pupil_id, school_id, academic_year,"
                                 " session_index, old_code_id, new_code_id, changed_by, changed_at)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                 error);
          if (change == NULL)
            return FALSE;
          sqlite3_bind_int64 (change, 1, pupil_id);
          sqlite3_bind_int64 (change, 2, reg->school_id);
          sqlite3_bind_int (change, 3, reg->academic_year);
          sqlite3_bind_int (change, 4, i);
          sqlite3_bind_int (change, 5, merged[i]);
          sqlite3_bind_int (change, 6, reg->marks[i]);
          sqlite3_bind_text (change, 7, actor, -1, SQLITE_STATIC);
          sqlite3_bind_text (change, 8, now, -1, SQLITE_STATIC);
          if (sqlite3_step (change) != SQLITE_DONE)
            {
              cl_database_set_error (imp->db, error, _("Could not record a changed mark"));
              sqlite3_reset (change);
              return FALSE;
            }
          sqlite3_reset (change);
        }
      merged[i] = reg->marks[i];
    }
  for (int i = n_sessions - 1; i >= 0; i--)
    if (merged[i] != 0)
      {
        n = i + 1;
        break;
      }

  stmt = cl_database_prepare (imp->db,
                              "INSERT INTO register (pupil_id, school_id, academic_year, marks,"
                              " updated_at) VALUES (?, ?, ?, ?, ?)"
                              " ON CONFLICT (pupil_id, school_id, academic_year) DO UPDATE SET"
                              " marks = excluded.marks, updated_at = excluded.updated_at",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pupil_id);
  sqlite3_bind_int64 (stmt, 2, reg->school_id);
  sqlite3_bind_int (stmt, 3, reg->academic_year);
  sqlite3_bind_blob (stmt, 4, merged, n, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_database_set_error (imp->db, error, _("Could not store a register"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Keeps enrolments in step with the register: a pupil with marks at a school
 * is on its roll over those dates. A register newer than the current
 * enrolment moves the pupil; an older one is recorded as past history. */
static gboolean
write_enrolment (Importer           *imp,
                 ClPupilRepository  *repo,
                 gint64              pupil_id,
                 ImportPupil        *p,
                 GError            **error)
{
  g_autoptr(GListModel) enrolments = cl_pupil_repository_enrolments (repo, pupil_id, error);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  ClEnrolment *current = NULL;
  sqlite3_stmt *stmt;

  if (enrolments == NULL)
    return FALSE;
  if (p->first_julian == 0)
    return TRUE;
  first = cl_attendance_date_from_julian (p->first_julian);
  last = cl_attendance_date_from_julian (p->last_julian);

  for (guint i = 0; i < g_list_model_get_n_items (enrolments); i++)
    {
      g_autoptr(ClEnrolment) e = g_list_model_get_item (enrolments, i);
      const char *end = cl_enrolment_get_end_date (e);

      if (cl_enrolment_get_school_id (e) == p->last_school_id
          && strcmp (cl_enrolment_get_start_date (e), last) <= 0
          && (end == NULL || strcmp (end, first) >= 0))
        return TRUE;   /* already on roll there over these dates */
      if (cl_enrolment_is_current (e))
        current = e;
    }

  if (current == NULL || strcmp (cl_enrolment_get_start_date (current), first) < 0)
    return cl_pupil_repository_enrol (repo, pupil_id, p->last_school_id, first, error);

  stmt = cl_database_prepare (imp->db,
                              "INSERT INTO enrolment (pupil_id, school_id, start_date, end_date)"
                              " VALUES (?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pupil_id);
  sqlite3_bind_int64 (stmt, 2, p->last_school_id);
  sqlite3_bind_text (stmt, 3, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, last, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_database_set_error (imp->db, error, _("Could not record the enrolment"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
write_all (Importer  *imp,
           GError   **error)
{
  g_autoptr(ClPupilRepository) repo = cl_pupil_repository_new (imp->db);
  g_autofree char *now = cl_timestamp_now ();
  g_autofree char *detail = NULL;
  ClImportResult *result = imp->result;

  if (!cl_database_begin (imp->db, error))
    return FALSE;

  for (guint i = 0; i < imp->order->len; i++)
    {
      ImportPupil *p = g_ptr_array_index (imp->order, i);
      gint64 pupil_id = p->existing_id;
      gboolean created = FALSE;

      if (p->bad)
        {
          result->pupils_skipped++;
          result->sessions -= MIN (p->sessions, result->sessions);
          continue;
        }
      if ((i & 0x3ff) == 0)
        {
          if (g_cancellable_is_cancelled (imp->cancellable))
            {
              g_set_error (error, CL_IMPORT_ERROR, CL_IMPORT_ERROR_CANCELLED,
                           _("The import was cancelled; nothing was changed."));
              goto fail;
            }
          report_progress (imp, 0.6 + 0.4 * i / MAX (imp->order->len, 1),
                           _("Saving the registers"));
        }

      if (pupil_id <= 0)
        {
          g_autoptr(ClPupil) pupil = cl_pupil_new ();

          cl_pupil_set_text (pupil, CL_PUPIL_UPN, p->upn);
          cl_pupil_set_text (pupil, CL_PUPIL_LEGAL_FORENAME, p->forename);
          cl_pupil_set_text (pupil, CL_PUPIL_LEGAL_SURNAME, p->surname);
          cl_pupil_set_text (pupil, CL_PUPIL_DOB, p->dob);
          cl_pupil_set_text (pupil, CL_PUPIL_SEX, p->sex != NULL ? p->sex : "U");
          if (!cl_pupil_repository_insert (repo, pupil, 0, NULL, error))
            {
              g_prefix_error (error, "%s:%" G_GUINT64_FORMAT ": ", imp->name, p->first_line);
              goto fail;
            }
          pupil_id = cl_pupil_get_id (pupil);
          created = TRUE;
          result->pupils_created++;
        }
      else
        {
          result->pupils_updated++;
          if (p->dob != NULL || p->surname != NULL)
            {
              g_autoptr(ClPupil) pupil = cl_pupil_repository_get (repo, pupil_id, error);
              gboolean changed = FALSE;

              if (pupil == NULL)
                goto fail;
              if (p->dob != NULL && strcmp (cl_pupil_get_dob (pupil), p->dob) != 0)
                cl_pupil_set_text (pupil, CL_PUPIL_DOB, p->dob), changed = TRUE;
              if (p->surname != NULL
                  && strcmp (cl_pupil_get_text (pupil, CL_PUPIL_LEGAL_SURNAME), p->surname) != 0)
                cl_pupil_set_text (pupil, CL_PUPIL_LEGAL_SURNAME, p->surname), changed = TRUE;
              if (p->forename != NULL
                  && strcmp (cl_pupil_get_text (pupil, CL_PUPIL_LEGAL_FORENAME), p->forename) != 0)
                cl_pupil_set_text (pupil, CL_PUPIL_LEGAL_FORENAME, p->forename), changed = TRUE;
              if (changed && !cl_pupil_repository_update (repo, pupil, error))
                {
                  g_prefix_error (error, "%s:%" G_GUINT64_FORMAT ": ", imp->name, p->first_line);
                  goto fail;
                }
            }
        }

      if (p->guardians != NULL && created)
        for (guint g = 0; g < p->guardians->len; g++)
          if (!cl_pupil_repository_link_guardian (repo, pupil_id, g_ptr_array_index (p->guardians, g),
                                                  error))
            goto fail;

      for (guint r = 0; r < p->registers->len; r++)
        if (!write_register (imp, p, pupil_id, g_ptr_array_index (p->registers, r), now, error))
          goto fail;
      if (p->registers->len > 0 && !write_enrolment (imp, repo, pupil_id, p, error))
        goto fail;
    }

  detail = g_strdup_printf ("%s: %u created, %u updated, %" G_GUINT64_FORMAT " sessions",
                            imp->options->format == CL_IMPORT_FORMAT_CTF ? "ctf" : "csv",
                            result->pupils_created, result->pupils_updated, result->sessions);
  if (!cl_audit_append (imp->db, "import", "register", 0, detail, error))
    goto fail;
  if (!cl_database_commit (imp->db, error))
    return FALSE;
  report_progress (imp, 1.0, _("Done"));
  return TRUE;

fail:
  cl_database_rollback (imp->db);
  result->pupils_created = result->pupils_updated = result->pupils_skipped = 0;
  return FALSE;
}

static ClImportFormat
sniff_format (const char *data,
              gsize       length,
              const char *name)
{
  gsize i = 0;

  if (name != NULL && (g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".XML")))
    return CL_IMPORT_FORMAT_CTF;
  if (name != NULL && (g_str_has_suffix (name, ".csv") || g_str_has_suffix (name, ".CSV")))
    return CL_IMPORT_FORMAT_CSV;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  return (i < length && data[i] == '<') ? CL_IMPORT_FORMAT_CTF : CL_IMPORT_FORMAT_CSV;
}

static gboolean
run_import (Importer      *imp,
            const char    *path,
            const char    *data,
            gsize          length,
            GError       **error)
{
  ClImportOptions opts = *imp->options;
  ClImportResult *result = imp->result;
  GDate d2024;
  gboolean ok = TRUE;

  memset (result, 0, sizeof *result);
  result->problems = g_ptr_array_new_with_free_func (g_free);

  imp->codes = cl_code_table_load (imp->db, error);
  if (imp->codes == NULL)
    return FALSE;
  for (guint id = 1; id < 256; id++)
    {
      ClAttendanceCode *code = cl_code_table_get (imp->codes, id);
      imp->counts[id] = code != NULL && cl_attendance_code_get_counts_possible (code);
    }
  cl_date_parse (CL_ENGLAND_2024_FROM, &d2024);
  imp->england_2024_julian = g_date_get_julian (&d2024);
  imp->code_cache = g_new0 (guint16, N_SETS * 65536);
  imp->pupils = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, import_pupil_free);
  imp->order = g_ptr_array_new ();
  imp->schools = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, school_info_free);
  imp->calendars = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  if (!load_schools (imp, error))
    return FALSE;
  if (opts.school_urn != 0)
    {
      imp->fixed_school = g_hash_table_lookup (imp->schools, GUINT_TO_POINTER (opts.school_urn));
      if (imp->fixed_school == NULL)
        {
          g_set_error (error, CL_IMPORT_ERROR, CL_IMPORT_ERROR_INVALID,
                       _("--school: no school in Caseload has the URN %u."), opts.school_urn);
          return FALSE;
        }
    }

  if (opts.format == CL_IMPORT_FORMAT_AUTO)
    {
      char head[512];
      gsize n = 0;

      if (data == NULL)
        {
          FILE *fp = fopen (path, "rb");
          if (fp != NULL)
            {
              n = fread (head, 1, sizeof head, fp);
              fclose (fp);
            }
          opts.format = sniff_format (head, n, path);
        }
      else
        opts.format = sniff_format (data, length, NULL);
    }
  imp->options = &opts;

  report_progress (imp, 0.0, _("Reading the file"));
  if (opts.format == CL_IMPORT_FORMAT_CSV)
    {
      g_autoptr(ClCsvReader) reader = data != NULL ? cl_csv_reader_new_for_data (data, length)
                                                   : cl_csv_reader_new_for_path (path, error);
      if (reader == NULL)
        return FALSE;
      read_csv (imp, reader, error);
    }
  else
    {
      xmlTextReaderPtr reader;
      int xml_options = XML_PARSE_NONET;

      /* No network, no entity expansion: a CTF comes from outside. */
      reader = data != NULL ? xmlReaderForMemory (data, (int) MIN (length, G_MAXINT), NULL, NULL,
                                                  xml_options)
                            : xmlReaderForFile (path, NULL, xml_options);
      if (reader == NULL)
        {
          g_set_error (error, CL_IMPORT_ERROR, CL_IMPORT_ERROR_PARSE,
                       _("%s: could not be read as XML"), imp->name);
          return FALSE;
        }
      read_ctf (imp, reader);
      xmlFreeTextReader (reader);
    }

  if (g_cancellable_is_cancelled (imp->cancellable))
    {
      g_set_error (error, CL_IMPORT_ERROR, CL_IMPORT_ERROR_CANCELLED,
                   _("The import was cancelled; nothing was changed."));
      return FALSE;
    }
  if (!imp->file_problem && !lookup_existing (imp, error))
    return FALSE;

  if (imp->n_problems > result->problems->len)
    g_ptr_array_add (result->problems,
                     g_strdup_printf (_("%s: … and %u more problems"), imp->name,
                                      imp->n_problems - result->problems->len));

  /* Counted here, in the one pass, so that a caller told of problems knows
   * at once whether importing the clean pupils alone is worth offering. */
  for (guint i = 0; i < imp->order->len; i++)
    {
      if (((ImportPupil *) g_ptr_array_index (imp->order, i))->bad)
        result->pupils_with_problems++;
      else
        result->pupils_clean++;
    }
  result->file_problem = imp->file_problem;

  if (imp->file_problem || (imp->n_problems > 0 && !opts.clean_pupils_only))
    {
      g_set_error (error, CL_IMPORT_ERROR, CL_IMPORT_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s has %u problem; nothing was imported.",
                                "%s has %u problems; nothing was imported.", imp->n_problems),
                   imp->name, imp->n_problems);
      return FALSE;
    }

  if (opts.dry_run)
    {
      for (guint i = 0; i < imp->order->len; i++)
        {
          ImportPupil *p = g_ptr_array_index (imp->order, i);
          if (p->bad)
            {
              result->pupils_skipped++;
              result->sessions -= MIN (p->sessions, result->sessions);
            }
          else if (p->existing_id > 0)
            result->pupils_updated++;
          else
            result->pupils_created++;
        }
      return TRUE;
    }

  ok = write_all (imp, error);
  if (ok && opts.format == CL_IMPORT_FORMAT_CSV && imp->options->column_map != NULL
      && imp->fixed_school != NULL)
    mapping_save (imp->db, imp->fixed_school->urn, imp->options->column_map, NULL);
  return ok;
}

static void
importer_clear (Importer *imp)
{
  g_clear_object (&imp->codes);
  g_clear_pointer (&imp->code_cache, g_free);
  g_clear_pointer (&imp->order, g_ptr_array_unref);
  g_clear_pointer (&imp->pupils, g_hash_table_unref);
  g_clear_pointer (&imp->schools, g_hash_table_unref);
  g_clear_pointer (&imp->calendars, g_hash_table_unref);
}

gboolean
cl_register_import_file (ClDatabase            *db,
                         const char            *path,
                         const ClImportOptions *options,
                         ClImportProgressFunc   progress,
                         gpointer               user_data,
                         GCancellable          *cancellable,
                         ClImportResult        *result,
                         GError               **error)
{
  g_autofree char *name = NULL;
  Importer imp = { 0 };
  gboolean ok;

  g_return_val_if_fail (CL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL && options != NULL && result != NULL, FALSE);

  name = g_path_get_basename (path);
  imp.db = db;
  imp.name = name;
  imp.options = options;
  imp.result = result;
  imp.cancellable = cancellable;
  imp.progress = progress;
  imp.progress_data = user_data;
  ok = run_import (&imp, path, NULL, 0, error);
  importer_clear (&imp);
  return ok;
}

gboolean
cl_register_import_data (ClDatabase            *db,
                         const char            *name,
                         const char            *data,
                         gsize                  length,
                         const ClImportOptions *options,
                         ClImportResult        *result,
                         GError               **error)
{
  Importer imp = { 0 };
  gboolean ok;

  g_return_val_if_fail (CL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  imp.db = db;
  imp.name = name;
  imp.options = options;
  imp.result = result;
  ok = run_import (&imp, NULL, data != NULL ? data : "", length, error);
  importer_clear (&imp);
  return ok;
}

/* --- on a worker thread -------------------------------------------------- */

typedef struct
{
  char                 *db_path;
  char                 *path;
  char                 *actor;
  ClImportOptions       options;
  int                  *column_map;
  ClImportResult        result;
  ClImportProgressFunc  progress;
  gpointer              progress_data;
  GMainContext         *context;
} ImportTask;

static void
import_task_free (gpointer data)
{
  ImportTask *t = data;

  g_free (t->db_path);
  g_free (t->path);
  g_free (t->actor);
  g_free (t->column_map);
  cl_import_result_clear (&t->result);
  g_main_context_unref (t->context);
  g_free (t);
}

typedef struct
{
  ClImportProgressFunc  progress;
  gpointer              progress_data;
  double                fraction;
  char                 *text;
} ProgressUpdate;

static gboolean
deliver_progress_cb (gpointer data)
{
  ProgressUpdate *u = data;
  u->progress (u->fraction, u->text, u->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *u = data;
  g_free (u->text);
  g_free (u);
}

static void
worker_progress (double      fraction,
                 const char *text,
                 gpointer    user_data)
{
  ImportTask *t = user_data;
  ProgressUpdate *u = g_new0 (ProgressUpdate, 1);

  u->progress = t->progress;
  u->progress_data = t->progress_data;
  u->fraction = fraction;
  u->text = g_strdup (text);
  g_main_context_invoke_full (t->context, G_PRIORITY_DEFAULT, deliver_progress_cb, u,
                              progress_update_free);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportTask *t = task_data;
  g_autoptr(ClDatabase) db = NULL;
  GError *error = NULL;

  db = cl_database_open (t->db_path, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  cl_database_set_actor (db, t->actor);
  if (cl_register_import_file (db, t->path, &t->options, t->progress != NULL ? worker_progress : NULL,
                               t, cancellable, &t->result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
cl_register_import_async (const char            *db_path,
                          const char            *path,
                          const ClImportOptions *options,
                          const char            *actor,
                          ClImportProgressFunc   progress,
                          gpointer               progress_data,
                          GCancellable          *cancellable,
                          GAsyncReadyCallback    callback,
                          gpointer               user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ImportTask *t = g_new0 (ImportTask, 1);

  t->db_path = g_strdup (db_path);
  t->path = g_strdup (path);
  t->actor = g_strdup (actor);
  t->options = *options;
  if (options->column_map != NULL)
    {
      t->column_map = g_memdup2 (options->column_map, sizeof (int) * CL_CSV_N_FIELDS);
      t->options.column_map = t->column_map;
    }
  t->progress = progress;
  t->progress_data = progress_data;
  t->context = g_main_context_ref_thread_default ();
  g_task_set_source_tag (task, cl_register_import_async);
  /* Once the import has committed, its result stands even if Cancel is
   * pressed in the same instant: the worker decides, not the cancellable. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, t, import_task_free);
  g_task_run_in_thread (task, import_thread);
}

gboolean
cl_register_import_finish (GAsyncResult    *res,
                           ClImportResult  *result,
                           GError         **error)
{
  ImportTask *t;

  g_return_val_if_fail (g_task_is_valid (res, NULL), FALSE);

  t = g_task_get_task_data (G_TASK (res));
  if (result != NULL)
    {
      *result = t->result;
      memset (&t->result, 0, sizeof t->result);
    }
  return g_task_propagate_boolean (G_TASK (res), error);
}
