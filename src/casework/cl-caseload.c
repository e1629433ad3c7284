/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-caseload"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "attendance/cl-attendance-date.h"
#include "attendance/cl-attendance-stats.h"
#include "attendance/cl-code-table.h"
#include "attendance/cl-rule-hit.h"
#include "attendance/cl-rules.h"
#include "casework/cl-case-repository.h"
#include "casework/cl-caseload.h"
#include "casework/cl-casework-private.h"

/* --- attendance figures and rules of cases ------------------------------------- */

static void
figures_free (gpointer data)
{
  ClCaseFigures *f = data;

  g_clear_pointer (&f->hits, g_ptr_array_unref);
  g_free (f);
}

/* Present (with approved activity) and possible sessions of registers in a range. */
typedef struct
{
  guint attended;
  guint possible;
} Count;

static gboolean
count_range (GPtrArray    *registers,
             ClCodeTable  *codes,
             const char   *from,
             const char   *to,
             Count        *count,
             GError      **error)
{
  int year_from = cl_academic_year_for_date (from);
  int year_to = cl_academic_year_for_date (to);

  for (guint i = 0; i < registers->len; i++)
    {
      ClRegister *reg = g_ptr_array_index (registers, i);
      int year = cl_register_get_academic_year (reg);
      ClAttendanceSummary s;

      if (year < year_from || year > year_to)
        continue;
      if (!cl_attendance_summary_for_register (reg, codes, from, to, &s, error))
        return FALSE;
      count->attended += s.present + s.approved_activity;
      count->possible += s.possible;
    }
  return TRUE;
}

static double
percent (const Count *count)
{
  return count->possible > 0 ? 100.0 * count->attended / count->possible : -1.0;
}

GHashTable *
cl_casework_case_figures (ClDatabase  *db,
                          GPtrArray   *cases,
                          GError     **error)
{
  g_autoptr(GHashTable) figures = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         figures_free);
  g_autoptr(GHashTable) registers = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) pupil_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(ClCodeTable) codes = NULL;
  char today[11], from[CL_CASELOAD_TREND_WEEKS + 1][11], to[CL_CASELOAD_TREND_WEEKS + 1][11];
  int year;

  cl_casework_today (today);
  year = cl_academic_year_for_date (today);
  /* Range 0 is the whole four weeks, 1..4 the weeks, oldest first. */
  cl_casework_add_days (today, -27, from[0]);
  g_strlcpy (to[0], today, sizeof to[0]);
  for (int w = 0; w < CL_CASELOAD_TREND_WEEKS; w++)
    {
      cl_casework_add_days (today, -27 + 7 * w, from[w + 1]);
      cl_casework_add_days (today, -21 + 7 * w, to[w + 1]);
    }

  for (guint i = 0; i < cases->len; i++)
    {
      ClCase *kase = g_ptr_array_index (cases, i);

      for (guint p = 0; p < cl_case_get_n_pupils (kase); p++)
        {
          gint64 id = cl_case_get_pupil_id (kase, p);
          if (!g_hash_table_contains (seen, &id))
            {
              g_array_append_val (pupil_ids, id);
              g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
            }
        }
    }
  codes = cl_code_table_load (db, error);
  if (codes == NULL)
    return NULL;
  registers = cl_casework_load_registers (db, pupil_ids, year - 1, year, error);
  if (registers == NULL)
    return NULL;

  for (guint i = 0; i < cases->len; i++)
    {
      ClCase *kase = g_ptr_array_index (cases, i);
      gint64 case_id = cl_case_get_id (kase);
      ClCaseFigures *f = g_new0 (ClCaseFigures, 1);
      Count counts[CL_CASELOAD_TREND_WEEKS + 1] = { { 0 } };

      f->hits = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (figures, g_memdup2 (&case_id, sizeof case_id), f);
      for (guint p = 0; p < cl_case_get_n_pupils (kase); p++)
        {
          gint64 pupil_id = cl_case_get_pupil_id (kase, p);
          GPtrArray *regs = g_hash_table_lookup (registers, &pupil_id);
          g_autoptr(GPtrArray) hits = NULL;

          if (regs == NULL)
            continue;
          for (int r = 0; r <= CL_CASELOAD_TREND_WEEKS; r++)
            if (!count_range (regs, codes, from[r], to[r], &counts[r], error))
              return NULL;
          hits = cl_rules_evaluate_registers (codes, regs, today, error);
          if (hits == NULL)
            return NULL;
          for (guint h = 0; h < hits->len; h++)
            g_ptr_array_add (f->hits, g_object_ref (g_ptr_array_index (hits, h)));
        }
      f->attendance = percent (&counts[0]);
      for (int w = 0; w < CL_CASELOAD_TREND_WEEKS; w++)
        f->trend[w] = percent (&counts[w + 1]);
    }
  return g_steal_pointer (&figures);
}

/* --- the caseload ------------------------------------------------------------------ */

typedef struct
{
  gint64  event_id;
  char   *action;
  char   *due;
} NextAction;

static void
next_action_free (gpointer data)
{
  NextAction *a = data;

  g_free (a->action);
  g_free (a->due);
  g_free (a);
}

/* Rule ids in rule order, each once. */
static GStrv
rule_ids_of (GPtrArray *hits)
{
  static const char *const order[] = {
    CL_RULE_CONTINUOUS_10_DAYS, CL_RULE_PENALTY_THRESHOLD, CL_RULE_UNRESOLVED_N,
    CL_RULE_ILLNESS_15_DAYS,
  };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint r = 0; r < G_N_ELEMENTS (order); r++)
    for (guint h = 0; h < hits->len; h++)
      if (g_strcmp0 (cl_rule_hit_get_rule_id (g_ptr_array_index (hits, h)), order[r]) == 0)
        {
          g_strv_builder_add (builder, order[r]);
          break;
        }
  return g_strv_builder_end (builder);
}

static GPtrArray *
build_rows (ClDatabase  *db,
            GListModel  *case_list,
            GError     **error)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) case_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) last_contact = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                              g_free, g_free);
  g_autoptr(GHashTable) next = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                      next_action_free);
  g_autoptr(GHashTable) figures = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *ids = NULL;
  char today[11];
  int rc;

  cl_casework_today (today);
  for (guint i = 0; i < g_list_model_get_n_items (case_list); i++)
    {
      ClCase *kase = g_list_model_get_item (case_list, i);
      gint64 id = cl_case_get_id (kase);

      g_ptr_array_add (cases, kase);
      g_array_append_val (case_ids, id);
    }
  ids = cl_casework_ids_json (case_ids);

  /* Last contact: the latest event that is not a note. */
  stmt = cl_database_prepare (db,
                              "SELECT case_id, max (occurred_on) FROM case_event"
                              " WHERE case_id IN (SELECT value FROM json_each (?)) AND type <> 'note'"
                              " GROUP BY case_id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, ids, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (last_contact, g_memdup2 (&id, sizeof id),
                           g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (db, error, _("Could not read the chronology"));
      return NULL;
    }
  sqlite3_reset (stmt);

  /* Next action: the open one due first (SQLite takes the bare columns from
   * the row that holds the minimum). */
  stmt = cl_database_prepare (db,
                              "SELECT case_id, id, next_action, min (next_action_due) FROM case_event"
                              " WHERE case_id IN (SELECT value FROM json_each (?))"
                              " AND next_action_due IS NOT NULL AND action_done_at IS NULL"
                              " GROUP BY case_id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, ids, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      NextAction *a = g_new0 (NextAction, 1);

      a->event_id = sqlite3_column_int64 (stmt, 1);
      a->action = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      a->due = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_hash_table_insert (next, g_memdup2 (&id, sizeof id), a);
    }
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (db, error, _("Could not read the chronology"));
      return NULL;
    }
  sqlite3_reset (stmt);

  figures = cl_casework_case_figures (db, cases, error);
  if (figures == NULL)
    return NULL;

  for (guint i = 0; i < cases->len; i++)
    {
      ClCase *kase = g_ptr_array_index (cases, i);
      gint64 id = cl_case_get_id (kase);
      ClCaseFigures *f = g_hash_table_lookup (figures, &id);
      NextAction *a = g_hash_table_lookup (next, &id);
      g_auto(GStrv) rules = rule_ids_of (f->hits);

      g_ptr_array_add (rows,
                       cl_caseload_row_new (kase, g_hash_table_lookup (last_contact, &id),
                                            a != NULL ? a->action : NULL,
                                            a != NULL ? a->due : NULL,
                                            a != NULL ? a->event_id : 0,
                                            a != NULL && g_strcmp0 (a->due, today) < 0,
                                            f->attendance, f->trend,
                                            (const char * const *) rules));
    }
  return g_steal_pointer (&rows);
}

GListModel *
cl_caseload_build (ClDatabase  *db,
                   gint64       officer_id,
                   GError     **error)
{
  g_autoptr(ClCaseRepository) repo = NULL;
  g_autoptr(GListModel) cases = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GListStore) store = NULL;
  ClCaseFilter filter = { .officer_id = officer_id, .status = "active" };

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  repo = cl_case_repository_new (db);
  cases = cl_case_repository_list (repo, &filter, error);
  if (cases == NULL)
    return NULL;
  rows = build_rows (db, cases, error);
  if (rows == NULL)
    return NULL;
  store = g_list_store_new (CL_TYPE_CASELOAD_ROW);
  g_list_store_splice (store, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

ClCaseloadRow *
cl_caseload_row_load (ClDatabase  *db,
                      gint64       case_id,
                      GError     **error)
{
  g_autoptr(ClCaseRepository) repo = NULL;
  g_autoptr(ClCase) kase = NULL;
  g_autoptr(GListStore) one = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  repo = cl_case_repository_new (db);
  kase = cl_case_repository_get (repo, case_id, error);
  if (kase == NULL)
    return NULL;
  one = g_list_store_new (CL_TYPE_CASE);
  g_list_store_append (one, kase);
  rows = build_rows (db, G_LIST_MODEL (one), error);
  if (rows == NULL)
    return NULL;
  return g_object_ref (g_ptr_array_index (rows, 0));
}
