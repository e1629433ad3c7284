/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-work-queue"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "attendance/cl-rule-hit.h"
#include "attendance/cl-rules.h"
#include "casework/cl-case-repository.h"
#include "casework/cl-casework-private.h"
#include "casework/cl-casework-vocab.h"
#include "casework/cl-work-queue.h"

static ClQueueItemKind
kind_for_action (const char *type)
{
  if (g_strcmp0 (type, "letter") == 0)
    return CL_QUEUE_ITEM_LETTER;
  if (g_strcmp0 (type, "home_visit") == 0 || g_strcmp0 (type, "school_visit") == 0)
    return CL_QUEUE_ITEM_VISIT;
  return CL_QUEUE_ITEM_ACTION;
}

static gboolean
add_actions (ClDatabase  *db,
             gint64       officer_id,
             GHashTable  *cases,
             GPtrArray   *items,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char today[11], horizon[11];
  int rc;

  cl_casework_today (today);
  cl_casework_add_days (today, CL_WORK_QUEUE_DAYS_AHEAD, horizon);
  stmt = cl_database_prepare (db,
                              "SELECT e.id, e.case_id, e.next_action, e.next_action_type,"
                              " e.next_action_due FROM case_event e"
                              " JOIN case_file c ON c.id = e.case_id"
                              " WHERE c.status <> 'closed' AND (?1 = 0 OR c.officer_id = ?1)"
                              " AND e.next_action_due IS NOT NULL AND e.action_done_at IS NULL"
                              " AND (e.next_action_due <= ?2"
                              "      OR e.next_action_type IN ('letter', 'home_visit', 'school_visit'))"
                              " ORDER BY e.next_action_due, e.id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, officer_id);
  sqlite3_bind_text (stmt, 2, horizon, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 case_id = sqlite3_column_int64 (stmt, 1);
      const char *due = (const char *) sqlite3_column_text (stmt, 4);
      ClCase *kase = g_hash_table_lookup (cases, &case_id);

      g_ptr_array_add (items,
                       cl_queue_item_new (kind_for_action ((const char *) sqlite3_column_text (stmt, 3)),
                                          case_id, sqlite3_column_int64 (stmt, 0),
                                          kase != NULL ? cl_case_get_title (kase) : NULL,
                                          kase != NULL ? cl_case_get_school_name (kase) : NULL,
                                          due, (const char *) sqlite3_column_text (stmt, 2),
                                          strcmp (due, today) < 0, NULL));
    }
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (db, error, _("Could not read the actions due"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_legal_trigger (ClRuleHit *hit)
{
  const char *id = cl_rule_hit_get_rule_id (hit);

  return g_strcmp0 (id, CL_RULE_PENALTY_THRESHOLD) == 0
         || g_strcmp0 (id, CL_RULE_CONTINUOUS_10_DAYS) == 0;
}

static gboolean
add_legal (ClDatabase  *db,
           GListModel  *case_list,
           GPtrArray   *items,
           GError     **error)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) figures = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (case_list); i++)
    {
      g_autoptr(ClCase) kase = g_list_model_get_item (case_list, i);

      if (g_strcmp0 (cl_case_get_status (kase), "open") == 0
          && !cl_case_stage_is_legal (cl_case_get_stage (kase)))
        g_ptr_array_add (candidates, g_object_ref (kase));
    }
  if (candidates->len == 0)
    return TRUE;

  figures = cl_casework_case_figures (db, candidates, error);
  if (figures == NULL)
    return FALSE;
  /* Oldest case first: it has waited longest. */
  for (guint i = candidates->len; i-- > 0;)
    {
      ClCase *kase = g_ptr_array_index (candidates, i);
      gint64 id = cl_case_get_id (kase);
      ClCaseFigures *f = g_hash_table_lookup (figures, &id);
      g_autoptr(GStrvBuilder) rules = g_strv_builder_new ();
      g_autoptr(GString) text = g_string_new (NULL);
      g_auto(GStrv) rule_ids = NULL;

      for (guint h = 0; h < f->hits->len; h++)
        {
          ClRuleHit *hit = g_ptr_array_index (f->hits, h);

          if (!is_legal_trigger (hit))
            continue;
          g_strv_builder_add (rules, cl_rule_hit_get_rule_id (hit));
          if (text->len > 0)
            g_string_append (text, " ");
          g_string_append (text, cl_rule_hit_get_description (hit));
        }
      rule_ids = g_strv_builder_end (rules);
      if (rule_ids[0] == NULL)
        continue;
      g_ptr_array_add (items,
                       cl_queue_item_new (CL_QUEUE_ITEM_LEGAL, id, 0, cl_case_get_title (kase),
                                          cl_case_get_school_name (kase), NULL, text->str, FALSE,
                                          (const char * const *) rule_ids));
    }
  return TRUE;
}

GListModel *
cl_work_queue_build (ClDatabase  *db,
                     gint64       officer_id,
                     GError     **error)
{
  g_autoptr(ClCaseRepository) repo = NULL;
  g_autoptr(GListModel) case_list = NULL;
  g_autoptr(GHashTable) cases = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) store = NULL;
  ClCaseFilter filter = { .officer_id = officer_id, .status = "active" };

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  repo = cl_case_repository_new (db);
  case_list = cl_case_repository_list (repo, &filter, error);
  if (case_list == NULL)
    return NULL;
  cases = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (case_list); i++)
    {
      ClCase *kase = g_list_model_get_item (case_list, i);
      gint64 id = cl_case_get_id (kase);
      g_hash_table_insert (cases, g_memdup2 (&id, sizeof id), kase);
    }

  /* Actions come ordered by due date, so the overdue ones (due before today)
   * are already first; legal items follow. */
  if (!add_actions (db, officer_id, cases, items, error)
      || !add_legal (db, case_list, items, error))
    return NULL;

  store = g_list_store_new (CL_TYPE_QUEUE_ITEM);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}
