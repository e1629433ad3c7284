/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-case-repository"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "casework/cl-case-repository.h"
#include "casework/cl-casework-error.h"
#include "casework/cl-casework-private.h"
#include "casework/cl-casework-vocab.h"
#include "people/cl-pupil-repository.h"
#include "store/cl-audit.h"
#include "store/cl-dates.h"

struct _ClCaseRepository
{
  GObject     parent_instance;
  ClDatabase *db;
};

G_DEFINE_FINAL_TYPE (ClCaseRepository, cl_case_repository, G_TYPE_OBJECT)

static void
cl_case_repository_dispose (GObject *object)
{
  ClCaseRepository *self = CL_CASE_REPOSITORY (object);

  g_clear_object (&self->db);

  G_OBJECT_CLASS (cl_case_repository_parent_class)->dispose (object);
}

static void
cl_case_repository_class_init (ClCaseRepositoryClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cl_case_repository_dispose;
}

static void
cl_case_repository_init (ClCaseRepository *self)
{
}

ClCaseRepository *
cl_case_repository_new (ClDatabase *db)
{
  ClCaseRepository *self;

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  self = g_object_new (CL_TYPE_CASE_REPOSITORY, NULL);
  self->db = g_object_ref (db);
  return self;
}

/* --- helpers ----------------------------------------------------------------- */

static gboolean
step_done (ClDatabase    *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  if (sqlite3_step (stmt) == SQLITE_DONE)
    return TRUE;
  cl_database_set_error (db, error, _("Could not save the case"));
  return FALSE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           index,
                 gint64        id)
{
  if (id == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);
  return text != NULL ? text : "";
}

static gboolean
error_out (GError     **error,
           int          code,
           const char  *message)
{
  g_set_error_literal (error, CL_CASEWORK_ERROR, code, message);
  return FALSE;
}

/* An ISO date that is not after today; NULL or "" means today. what names
 * the field in the message. */
static gboolean
resolve_date (const char  *date,
              const char  *what,
              char        *out,
              GError     **error)
{
  GDate d, today;

  cl_date_today (&today);
  if (date == NULL || *date == '\0')
    {
      cl_date_format_iso (&today, out);
      return TRUE;
    }
  if (strlen (date) != 10 || date[4] != '-' || !cl_date_parse (date, &d))
    {
      g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_INVALID,
                   _("%s: “%s” is not a date (use YYYY-MM-DD)."), what, date);
      return FALSE;
    }
  if (g_date_compare (&d, &today) > 0)
    {
      g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_INVALID,
                   _("%s: %s is in the future."), what, date);
      return FALSE;
    }
  cl_date_format_iso (&d, out);
  return TRUE;
}

static gboolean
audit (ClCaseRepository  *self,
       const char        *action,
       const char        *entity,
       gint64             id,
       const char        *detail,
       GError           **error)
{
  return cl_audit_append (self->db, action, entity, id, detail, error);
}

/* What the life-cycle rules need to know of a stored case. */
typedef struct
{
  gint64 id;
  gint64 officer_id;
  char   status[16];
  char   stage[32];
  char   referral_date[11];
} CaseState;

static gboolean
load_state (ClCaseRepository  *self,
            gint64             case_id,
            CaseState         *st,
            GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = cl_database_prepare (self->db,
                              "SELECT officer_id, status, stage, referral_date FROM case_file"
                              " WHERE id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      st->id = case_id;
      st->officer_id = sqlite3_column_int64 (stmt, 0);
      g_strlcpy (st->status, column_text (stmt, 1), sizeof st->status);
      g_strlcpy (st->stage, column_text (stmt, 2), sizeof st->stage);
      g_strlcpy (st->referral_date, column_text (stmt, 3), sizeof st->referral_date);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (self->db, error, _("Could not read the case"));
      return FALSE;
    }
  g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_NOT_FOUND,
               _("There is no case %lld."), (long long) case_id);
  return FALSE;
}

static gboolean
is_closed (const CaseState *st)
{
  return strcmp (st->status, "closed") == 0;
}

/* The officer's name, when they exist and are active. */
static char *
officer_name (ClCaseRepository  *self,
              gint64             officer_id,
              GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = cl_database_prepare (self->db, "SELECT name, active FROM officer WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, officer_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_NOT_FOUND,
                   _("Officer: there is no officer %lld."), (long long) officer_id);
      return NULL;
    }
  if (sqlite3_column_int (stmt, 1) == 0)
    {
      g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_INVALID,
                   _("Officer: %s no longer works for the service."), column_text (stmt, 0));
      return NULL;
    }
  return g_strdup (column_text (stmt, 0));
}

/* --- reading cases -------------------------------------------------------------- */

#define PUPIL_NAME_SQL \
  "coalesce (nullif (p.preferred_forename, ''), p.legal_forename) || ' ' ||" \
  " coalesce (nullif (p.preferred_surname, ''), p.legal_surname)"

/* Columns: 0 id, 1 referral_date, 2 source, 3 officer_id, 4 officer name, 5 status,
 * 6 stage, 7 closed_date, 8 closure_reason, 9 outcome, 10 notes, 11 created_at,
 * 12 reasons "a,b", 13 pupils "id<US>name<RS>id<US>name", 14 school id, 15 school name.
 * The school is the current one of the first child. */
#define SELECT_CASE                                                                      \
  "SELECT c.id, c.referral_date, c.source, c.officer_id, o.name, c.status, c.stage,"     \
  " c.closed_date, c.closure_reason, c.outcome, c.notes, c.created_at,"                   \
  " (SELECT group_concat (r.reason, ',') FROM case_reason r WHERE r.case_id = c.id),"     \
  " (SELECT group_concat (x.pupil_id || char (31) || x.name, char (30)) FROM"             \
  "   (SELECT cp.pupil_id, " PUPIL_NAME_SQL " AS name FROM case_pupil cp"                 \
  "    JOIN pupil p ON p.id = cp.pupil_id WHERE cp.case_id = c.id"                        \
  "    ORDER BY cp.position, cp.pupil_id) x),"                                            \
  " s.id, s.name"                                                                          \
  " FROM case_file c"                                                                      \
  " LEFT JOIN officer o ON o.id = c.officer_id"                                            \
  " LEFT JOIN case_pupil lead ON lead.case_id = c.id AND lead.position = 0"               \
  " LEFT JOIN enrolment e ON e.id = (SELECT e2.id FROM enrolment e2"                      \
  "   WHERE e2.pupil_id = lead.pupil_id AND e2.end_date IS NULL"                          \
  "   ORDER BY e2.start_date DESC, e2.id DESC LIMIT 1)"                                   \
  " LEFT JOIN school s ON s.id = e.school_id"

static ClCase *
case_from_row (sqlite3_stmt *stmt)
{
  ClCase *kase = cl_case_new ();
  g_auto(GStrv) reasons = NULL;
  g_autoptr(GString) title = g_string_new (NULL);
  const char *pupils = (const char *) sqlite3_column_text (stmt, 13);
  const char *reason_list = (const char *) sqlite3_column_text (stmt, 12);

  g_object_freeze_notify (G_OBJECT (kase));
  cl_case_set_id (kase, sqlite3_column_int64 (stmt, 0));
  cl_case_set_referral_date (kase, column_text (stmt, 1));
  cl_case_set_source (kase, column_text (stmt, 2));
  cl_case_set_officer_id (kase, sqlite3_column_int64 (stmt, 3));
  cl_case_set_state (kase, column_text (stmt, 5), column_text (stmt, 6),
                     (const char *) sqlite3_column_text (stmt, 7),
                     (const char *) sqlite3_column_text (stmt, 8),
                     column_text (stmt, 9));
  cl_case_set_notes (kase, column_text (stmt, 10));
  if (reason_list != NULL)
    {
      reasons = g_strsplit (reason_list, ",", -1);
      cl_case_set_reasons (kase, (const char * const *) reasons);
    }
  if (pupils != NULL)
    {
      g_auto(GStrv) items = g_strsplit (pupils, "\x1e", -1);

      for (guint i = 0; items[i] != NULL; i++)
        {
          char *sep = strchr (items[i], '\x1f');

          if (sep == NULL)
            continue;
          *sep = '\0';
          cl_case_add_pupil (kase, g_ascii_strtoll (items[i], NULL, 10));
          if (title->len > 0)
            g_string_append (title, ", ");
          g_string_append (title, sep + 1);
        }
    }
  cl_case_set_display (kase, column_text (stmt, 4), title->str, sqlite3_column_int64 (stmt, 14),
                       column_text (stmt, 15), column_text (stmt, 11));
  g_object_thaw_notify (G_OBJECT (kase));
  return kase;
}

static GListModel *
collect_cases (ClCaseRepository  *self,
               sqlite3_stmt      *stmt,
               GError           **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) store = g_list_store_new (CL_TYPE_CASE);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, case_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (self->db, error, _("Could not read the cases"));
      return NULL;
    }
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

ClCase *
cl_case_repository_get (ClCaseRepository  *self,
                        gint64             case_id,
                        GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CL_IS_CASE_REPOSITORY (self), NULL);

  stmt = cl_database_prepare (self->db, SELECT_CASE " WHERE c.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return case_from_row (stmt);
  if (rc != SQLITE_DONE)
    cl_database_set_error (self->db, error, _("Could not read the case"));
  else
    g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_NOT_FOUND,
                 _("There is no case %lld."), (long long) case_id);
  return NULL;
}

GListModel *
cl_case_repository_list (ClCaseRepository    *self,
                         const ClCaseFilter  *filter,
                         GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ClCaseFilter none = { 0 };

  g_return_val_if_fail (CL_IS_CASE_REPOSITORY (self), NULL);

  if (filter == NULL)
    filter = &none;
  if (filter->status != NULL && strcmp (filter->status, "active") != 0
      && !cl_casework_vocab_has (CL_VOCAB_STATUS, filter->status))
    {
      g_autofree char *all = cl_casework_vocab_join (CL_VOCAB_STATUS);
      g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_INVALID,
                   _("Status: “%s” is not a status; use active or one of %s."),
                   filter->status, all);
      return NULL;
    }
  if (filter->stage != NULL && !cl_casework_vocab_has (CL_VOCAB_STAGE, filter->stage))
    {
      g_autofree char *all = cl_casework_vocab_join (CL_VOCAB_STAGE);
      g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_INVALID,
                   _("Stage: “%s” is not a stage; use one of %s."), filter->stage, all);
      return NULL;
    }

  stmt = cl_database_prepare (self->db,
                              SELECT_CASE
                              " WHERE (?1 = 0 OR c.officer_id = ?1)"
                              " AND (?2 IS NULL OR c.status = ?2"
                              "      OR (?2 = 'active' AND c.status <> 'closed'))"
                              " AND (?3 IS NULL OR c.stage = ?3)"
                              " AND (?4 = 0 OR EXISTS (SELECT 1 FROM case_pupil cp4"
                              "   JOIN enrolment e4 ON e4.pupil_id = cp4.pupil_id"
                              "   WHERE cp4.case_id = c.id AND e4.end_date IS NULL"
                              "   AND e4.school_id = ?4))"
                              " ORDER BY c.referral_date DESC, c.id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, filter->officer_id);
  bind_text_or_null (stmt, 2, filter->status);
  bind_text_or_null (stmt, 3, filter->stage);
  sqlite3_bind_int64 (stmt, 4, filter->school_id);
  return collect_cases (self, stmt, error);
}

GListModel *
cl_case_repository_cases_for_pupil (ClCaseRepository  *self,
                                    gint64             pupil_id,
                                    GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CL_IS_CASE_REPOSITORY (self), NULL);

  stmt = cl_database_prepare (self->db,
                              SELECT_CASE
                              " WHERE c.id IN (SELECT case_id FROM case_pupil WHERE pupil_id = ?)"
                              " ORDER BY c.referral_date DESC, c.id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, pupil_id);
  return collect_cases (self, stmt, error);
}

/* ClPupil objects for ids, through the people area's repository; pupils
 * deleted since are left out. */
static GListModel *
pupils_by_id (ClCaseRepository  *self,
              sqlite3_stmt      *ids,
              GError           **error)
{
  g_autoptr(ClPupilRepository) pupils = cl_pupil_repository_new (self->db);
  g_autoptr(GListStore) store = g_list_store_new (CL_TYPE_PUPIL);
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (ids)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (ids, 0);
      g_array_append_val (list, id);
    }
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (self->db, error, _("Could not read the case’s children"));
      return NULL;
    }
  sqlite3_reset (ids);
  for (guint i = 0; i < list->len; i++)
    {
      g_autoptr(ClPupil) pupil = cl_pupil_repository_get (pupils, g_array_index (list, gint64, i),
                                                          NULL);
      if (pupil != NULL)
        g_list_store_append (store, pupil);
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

GListModel *
cl_case_repository_pupils (ClCaseRepository  *self,
                           gint64             case_id,
                           GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  CaseState st;

  g_return_val_if_fail (CL_IS_CASE_REPOSITORY (self), NULL);

  if (!load_state (self, case_id, &st, error))
    return NULL;
  stmt = cl_database_prepare (self->db,
                              "SELECT pupil_id FROM case_pupil WHERE case_id = ?"
                              " ORDER BY position, pupil_id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  return pupils_by_id (self, stmt, error);
}

GListModel *
cl_case_repository_family (ClCaseRepository  *self,
                           gint64             case_id,
                           GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  CaseState st;

  g_return_val_if_fail (CL_IS_CASE_REPOSITORY (self), NULL);

  if (!load_state (self, case_id, &st, error))
    return NULL;
  stmt = cl_database_prepare (self->db,
                              "SELECT p.id FROM pupil p WHERE p.deleted_at IS NULL AND p.id IN"
                              " (SELECT cp.pupil_id FROM case_pupil cp WHERE cp.case_id = ?1"
                              "  UNION"
                              "  SELECT b.pupil_id FROM case_pupil cp"
                              "  JOIN pupil_guardian a ON a.pupil_id = cp.pupil_id"
                              "  JOIN pupil_guardian b ON b.guardian_id = a.guardian_id"
                              "  WHERE cp.case_id = ?1)"
                              " ORDER BY p.dob, p.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  return pupils_by_id (self, stmt, error);
}

/* --- creating a case ----------------------------------------------------------- */

static gboolean
check_pupil (ClCaseRepository  *self,
             gint64             pupil_id,
             GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = cl_database_prepare (self->db,
                              "SELECT " PUPIL_NAME_SQL ","
                              " (SELECT c.id FROM case_pupil cp JOIN case_file c ON c.id = cp.case_id"
                              "  WHERE cp.pupil_id = p.id AND c.status <> 'closed'"
                              "  ORDER BY c.id LIMIT 1)"
                              " FROM pupil p WHERE p.id = ? AND p.deleted_at IS NULL",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pupil_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_NOT_FOUND,
                   _("Pupils: there is no pupil %lld."), (long long) pupil_id);
      return FALSE;
    }
  if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    {
      g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_STATE,
                   _("%s already has an open case (%lld): add to that case, or "
                     "close it first."),
                   column_text (stmt, 0), (long long) sqlite3_column_int64 (stmt, 1));
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_new_case (ClCaseRepository  *self,
                   ClCase            *kase,
                   char              *referral_date,
                   GError           **error)
{
  const char * const *reasons = cl_case_get_reasons (kase);
  const char *source = cl_case_get_source (kase);

  if (cl_case_get_n_pupils (kase) == 0)
    return error_out (error, CL_CASEWORK_ERROR_INVALID,
                      _("Pupils: a case is about at least one child."));
  if (!resolve_date (cl_case_get_referral_date (kase), _("Referral date"), referral_date, error))
    return FALSE;
  if (!cl_casework_vocab_has (CL_VOCAB_SOURCE, source))
    {
      g_autofree char *all = cl_casework_vocab_join (CL_VOCAB_SOURCE);
      g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_INVALID,
                   _("Source: “%s” is not a referral source; use one of %s."), source, all);
      return FALSE;
    }
  if (reasons[0] == NULL)
    return error_out (error, CL_CASEWORK_ERROR_INVALID,
                      _("Reasons: give at least one reason for the referral."));
  for (guint i = 0; reasons[i] != NULL; i++)
    if (!cl_casework_vocab_has (CL_VOCAB_REASON, reasons[i]))
      {
        g_autofree char *all = cl_casework_vocab_join (CL_VOCAB_REASON);
        g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_INVALID,
                     _("Reasons: “%s” is not a reason; use one of %s."), reasons[i], all);
        return FALSE;
      }
  for (guint i = 0; i < cl_case_get_n_pupils (kase); i++)
    if (!check_pupil (self, cl_case_get_pupil_id (kase, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
insert_status_change (ClCaseRepository  *self,
                      gint64             case_id,
                      const char        *status,
                      const char        *on_date,
                      const char        *closure_reason,
                      const char        *outcome,
                      const char        *reason,
                      const char        *now,
                      GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = cl_database_prepare (self->db,
                              "INSERT INTO case_status_change (case_id, status, on_date,"
                              " closure_reason, outcome, reason, changed_by, changed_at)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, on_date, -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 4, closure_reason);
  sqlite3_bind_text (stmt, 5, outcome != NULL ? outcome : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, reason != NULL ? reason : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, cl_database_get_actor (self->db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  return step_done (self->db, stmt, error);
}

static gboolean
insert_allocation (ClCaseRepository  *self,
                   gint64             case_id,
                   gint64             officer_id,
                   const char        *from_date,
                   const char        *reason,
                   const char        *now,
                   GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = cl_database_prepare (self->db,
                              "INSERT INTO case_allocation (case_id, officer_id, from_date,"
                              " changed_by, changed_at, reason) VALUES (?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_int64 (stmt, 2, officer_id);
  sqlite3_bind_text (stmt, 3, from_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, cl_database_get_actor (self->db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, reason != NULL ? reason : "", -1, SQLITE_STATIC);
  return step_done (self->db, stmt, error);
}

static gboolean
insert_stage (ClCaseRepository  *self,
              gint64             case_id,
              const char        *stage,
              const char        *from_date,
              const char        *reason,
              const char        *now,
              GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = cl_database_prepare (self->db,
                              "INSERT INTO case_stage (case_id, stage, from_date, changed_by,"
                              " changed_at, reason) VALUES (?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, stage, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, from_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, cl_database_get_actor (self->db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, reason != NULL ? reason : "", -1, SQLITE_STATIC);
  return step_done (self->db, stmt, error);
}

static gboolean
create_rows (ClCaseRepository  *self,
             ClCase            *kase,
             const char        *referral_date,
             const char        *status,
             const char        *now,
             gint64            *out_id,
             GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char * const *reasons = cl_case_get_reasons (kase);
  gint64 officer_id = cl_case_get_officer_id (kase);
  g_autofree char *detail = NULL;
  gint64 id;

  stmt = cl_database_prepare (self->db,
                              "INSERT INTO case_file (referral_date, source, officer_id, status,"
                              " notes, created_by, created_at, updated_at)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?7, ?7)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, referral_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, cl_case_get_source (kase), -1, SQLITE_STATIC);
  bind_id_or_null (stmt, 3, officer_id);
  sqlite3_bind_text (stmt, 4, status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, cl_case_get_notes (kase), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, cl_database_get_actor (self->db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  if (!step_done (self->db, stmt, error))
    return FALSE;
  id = sqlite3_last_insert_rowid (cl_database_get_handle (self->db));
  sqlite3_reset (stmt);

  stmt = cl_database_prepare (self->db,
                              "INSERT INTO case_pupil (case_id, pupil_id, position) VALUES (?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < cl_case_get_n_pupils (kase); i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, cl_case_get_pupil_id (kase, i));
      sqlite3_bind_int (stmt, 3, (int) i);
      if (!step_done (self->db, stmt, error))
        return FALSE;
    }
  sqlite3_reset (stmt);

  stmt = cl_database_prepare (self->db,
                              "INSERT OR IGNORE INTO case_reason (case_id, reason) VALUES (?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; reasons[i] != NULL; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, reasons[i], -1, SQLITE_STATIC);
      if (!step_done (self->db, stmt, error))
        return FALSE;
    }
  sqlite3_reset (stmt);

  if (officer_id != 0
      && !insert_allocation (self, id, officer_id, referral_date, NULL, now, error))
    return FALSE;
  if (!insert_stage (self, id, "early_support", referral_date, NULL, now, error)
      || !insert_status_change (self, id, status, referral_date, NULL, NULL, NULL, now, error))
    return FALSE;

  detail = g_strdup_printf ("pupils %u, officer %" G_GINT64_FORMAT,
                            cl_case_get_n_pupils (kase), officer_id);
  if (!audit (self, "create", "case", id, detail, error))
    return FALSE;
  *out_id = id;
  return TRUE;
}

/* Copies what the database now holds for the case into kase. */
static gboolean
refresh (ClCaseRepository  *self,
         ClCase            *kase,
         gint64             case_id,
         GError           **error)
{
  g_autoptr(ClCase) stored = cl_case_repository_get (self, case_id, error);

  if (stored == NULL)
    return FALSE;
  g_object_freeze_notify (G_OBJECT (kase));
  cl_case_set_id (kase, case_id);
  cl_case_set_referral_date (kase, cl_case_get_referral_date (stored));
  cl_case_set_officer_id (kase, cl_case_get_officer_id (stored));
  cl_case_set_state (kase, cl_case_get_status (stored), cl_case_get_stage (stored),
                     cl_case_get_closed_date (stored), cl_case_get_closure_reason (stored),
                     cl_case_get_outcome (stored));
  cl_case_set_display (kase, cl_case_get_officer_name (stored), cl_case_get_title (stored),
                       cl_case_get_school_id (stored), cl_case_get_school_name (stored),
                       cl_case_get_created_at (stored));
  g_object_thaw_notify (G_OBJECT (kase));
  return TRUE;
}

gboolean
cl_case_repository_create (ClCaseRepository  *self,
                           ClCase            *kase,
                           GError           **error)
{
  g_autofree char *now = cl_timestamp_now ();
  g_autofree char *name = NULL;
  char referral_date[11];
  const char *status;
  gint64 id = 0;

  g_return_val_if_fail (CL_IS_CASE_REPOSITORY (self), FALSE);
  g_return_val_if_fail (CL_IS_CASE (kase), FALSE);
  g_return_val_if_fail (cl_case_get_id (kase) == 0, FALSE);

  if (!validate_new_case (self, kase, referral_date, error))
    return FALSE;
  if (cl_case_get_officer_id (kase) != 0)
    {
      name = officer_name (self, cl_case_get_officer_id (kase), error);
      if (name == NULL)
        return FALSE;
    }
  status = cl_case_get_officer_id (kase) != 0 ? "open" : "referred";

  if (!cl_database_begin (self->db, error))
    return FALSE;
  if (!create_rows (self, kase, referral_date, status, now, &id, error))
    {
      cl_database_rollback (self->db);
      return FALSE;
    }
  if (!cl_database_commit (self->db, error))
    return FALSE;
  return refresh (self, kase, id, error);
}

/* --- life cycle ------------------------------------------------------------------ */

/* Ends the open row of an allocation or stage history on date. date must
 * not be before that row's start. */
static gboolean
end_current (ClCaseRepository  *self,
             const char        *table,
             gint64             case_id,
             const char        *date,
             const char        *what,
             GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *select = g_strdup_printf ("SELECT from_date FROM %s WHERE case_id = ?"
                                             " AND to_date IS NULL", table);
  g_autofree char *update = g_strdup_printf ("UPDATE %s SET to_date = ? WHERE case_id = ?"
                                             " AND to_date IS NULL", table);

  stmt = cl_database_prepare (self->db, select, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  if (sqlite3_step (stmt) == SQLITE_ROW && strcmp (column_text (stmt, 0), date) > 0)
    {
      g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_INVALID,
                   _("Date: %s is before the current %s began (%s)."), date, what,
                   column_text (stmt, 0));
      return FALSE;
    }
  sqlite3_reset (stmt);

  stmt = cl_database_prepare (self->db, update, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, case_id);
  return step_done (self->db, stmt, error);
}

static gboolean
update_case (ClCaseRepository  *self,
             gint64             case_id,
             gint64             officer_id,
             const char        *status,
             const char        *stage,
             const char        *now,
             GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = cl_database_prepare (self->db,
                              "UPDATE case_file SET officer_id = ?, status = ?, stage = ?,"
                              " updated_at = ? WHERE id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  bind_id_or_null (stmt, 1, officer_id);
  sqlite3_bind_text (stmt, 2, status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, stage, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, case_id);
  return step_done (self->db, stmt, error);
}

static gboolean
finish (ClCaseRepository  *self,
        gboolean           ok,
        GError           **error)
{
  if (!ok)
    {
      cl_database_rollback (self->db);
      return FALSE;
    }
  return cl_database_commit (self->db, error);
}

gboolean
cl_case_repository_reassign (ClCaseRepository  *self,
                             gint64             case_id,
                             gint64             officer_id,
                             const char        *reason,
                             const char        *date,
                             GError           **error)
{
  g_autofree char *now = cl_timestamp_now ();
  g_autofree char *name = NULL;
  g_autofree char *detail = NULL;
  const char *status;
  char day[11];
  CaseState st;
  gboolean ok;

  g_return_val_if_fail (CL_IS_CASE_REPOSITORY (self), FALSE);

  if (!load_state (self, case_id, &st, error))
    return FALSE;
  if (is_closed (&st))
    {
      g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_CLOSED,
                   _("Case %lld is closed. Reopen it before allocating it to "
                     "another officer."), (long long) case_id);
      return FALSE;
    }
  name = officer_name (self, officer_id, error);
  if (name == NULL)
    return FALSE;
  if (st.officer_id == officer_id)
    {
      g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_STATE,
                   _("Case %lld is already allocated to %s."), (long long) case_id, name);
      return FALSE;
    }
  if (!resolve_date (date, _("Date"), day, error))
    return FALSE;
  if (strcmp (day, st.referral_date) < 0)
    {
      g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_INVALID,
                   _("Date: %s is before the referral (%s)."), day, st.referral_date);
      return FALSE;
    }
  status = strcmp (st.status, "referred") == 0 ? "open" : st.status;

  if (!cl_database_begin (self->db, error))
    return FALSE;
  detail = g_strdup_printf ("officer %" G_GINT64_FORMAT " -> %" G_GINT64_FORMAT,
                            st.officer_id, officer_id);
  ok = end_current (self, "case_allocation", case_id, day, _("allocation"), error)
       && insert_allocation (self, case_id, officer_id, day, reason, now, error)
       && update_case (self, case_id, officer_id, status, st.stage, now, error)
       && (strcmp (status, st.status) == 0
           || insert_status_change (self, case_id, status, day, NULL, NULL, reason, now, error))
       && audit (self, "reassign", "case", case_id, detail, error);
  return finish (self, ok, error);
}

gboolean
cl_case_repository_set_stage (ClCaseRepository  *self,
                              gint64             case_id,
                              const char        *stage,
                              const char        *reason,
                              const char        *date,
                              GError           **error)
{
  g_autofree char *now = cl_timestamp_now ();
  g_autofree char *detail = NULL;
  const char *status;
  char day[11];
  CaseState st;
  gboolean ok;

  g_return_val_if_fail (CL_IS_CASE_REPOSITORY (self), FALSE);

  if (!cl_casework_vocab_has (CL_VOCAB_STAGE, stage))
    {
      g_autofree char *all = cl_casework_vocab_join (CL_VOCAB_STAGE);
      g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_INVALID,
                   _("Stage: “%s” is not a stage; use one of %s."), stage != NULL ? stage : "",
                   all);
      return FALSE;
    }
  if (!load_state (self, case_id, &st, error))
    return FALSE;
  if (is_closed (&st))
    {
      g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_CLOSED,
                   _("Case %lld is closed. Reopen it before changing its "
                     "stage."), (long long) case_id);
      return FALSE;
    }
  if (strcmp (st.status, "referred") == 0)
    {
      g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_STATE,
                   _("Case %lld is waiting for allocation. Allocate it to an "
                     "officer before changing its stage."), (long long) case_id);
      return FALSE;
    }
  if (strcmp (st.stage, stage) == 0)
    return TRUE;
  if (!resolve_date (date, _("Date"), day, error))
    return FALSE;
  status = cl_case_stage_is_legal (stage) ? "legal" : "open";

  if (!cl_database_begin (self->db, error))
    return FALSE;
  detail = g_strdup_printf ("stage %s -> %s", st.stage, stage);
  ok = end_current (self, "case_stage", case_id, day, _("stage"), error)
       && insert_stage (self, case_id, stage, day, reason, now, error)
       && update_case (self, case_id, st.officer_id, status, stage, now, error)
       && (strcmp (status, st.status) == 0
           || insert_status_change (self, case_id, status, day, NULL, NULL, reason, now, error))
       && audit (self, "stage", "case", case_id, detail, error);
  return finish (self, ok, error);
}

gboolean
cl_case_repository_close (ClCaseRepository  *self,
                          gint64             case_id,
                          const char        *closure_reason,
                          const char        *outcome,
                          const char        *date,
                          GError           **error)
{
  g_autofree char *now = cl_timestamp_now ();
  g_autofree char *detail = NULL;
  g_autofree char *outcome_text = g_strstrip (g_strdup (outcome != NULL ? outcome : ""));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char day[11];
  CaseState st;
  gboolean ok;

  g_return_val_if_fail (CL_IS_CASE_REPOSITORY (self), FALSE);

  if (closure_reason == NULL || *closure_reason == '\0'
      || !cl_casework_vocab_has (CL_VOCAB_CLOSURE_REASON, closure_reason))
    {
      g_autofree char *all = cl_casework_vocab_join (CL_VOCAB_CLOSURE_REASON);
      if (closure_reason == NULL || *closure_reason == '\0')
        g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_INVALID,
                     _("Reason: say why the case is closing (one of %s)."), all);
      else
        g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_INVALID,
                     _("Reason: “%s” is not a reason for closing; use one of %s."),
                     closure_reason, all);
      return FALSE;
    }
  if (strcmp (closure_reason, "other") == 0 && *outcome_text == '\0')
    return error_out (error, CL_CASEWORK_ERROR_INVALID,
                      _("Outcome: when the reason is “other”, describe the outcome."));
  if (!load_state (self, case_id, &st, error))
    return FALSE;
  if (is_closed (&st))
    {
      g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_STATE,
                   _("Case %lld is already closed."), (long long) case_id);
      return FALSE;
    }
  if (!resolve_date (date, _("Date"), day, error))
    return FALSE;
  if (strcmp (day, st.referral_date) < 0)
    {
      g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_INVALID,
                   _("Date: %s is before the referral (%s)."), day, st.referral_date);
      return FALSE;
    }

  if (!cl_database_begin (self->db, error))
    return FALSE;
  stmt = cl_database_prepare (self->db,
                              "UPDATE case_file SET status = 'closed', closed_date = ?,"
                              " closure_reason = ?, outcome = ?, updated_at = ? WHERE id = ?",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, closure_reason, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, outcome_text, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 5, case_id);
      ok = step_done (self->db, stmt, error);
    }
  detail = g_strdup_printf ("closed: %s", closure_reason);
  ok = ok
       && insert_status_change (self, case_id, "closed", day, closure_reason, outcome_text, NULL,
                                now, error)
       && audit (self, "close", "case", case_id, detail, error);
  return finish (self, ok, error);
}

gboolean
cl_case_repository_reopen (ClCaseRepository  *self,
                           gint64             case_id,
                           const char        *reason,
                           GError           **error)
{
  g_autofree char *now = cl_timestamp_now ();
  g_autofree char *detail = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *status;
  char day[11];
  CaseState st;
  gboolean ok;

  g_return_val_if_fail (CL_IS_CASE_REPOSITORY (self), FALSE);

  if (!load_state (self, case_id, &st, error))
    return FALSE;
  if (!is_closed (&st))
    {
      g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_STATE,
                   _("Case %lld is not closed."), (long long) case_id);
      return FALSE;
    }
  cl_casework_today (day);
  status = st.officer_id == 0 ? "referred"
           : cl_case_stage_is_legal (st.stage) ? "legal" : "open";

  if (!cl_database_begin (self->db, error))
    return FALSE;
  stmt = cl_database_prepare (self->db,
                              "UPDATE case_file SET status = ?, closed_date = NULL,"
                              " closure_reason = NULL, outcome = '', updated_at = ? WHERE id = ?",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, status, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, case_id);
      ok = step_done (self->db, stmt, error);
    }
  detail = g_strdup_printf ("reopened: %s", status);
  ok = ok
       && insert_status_change (self, case_id, status, day, NULL, NULL, reason, now, error)
       && audit (self, "reopen", "case", case_id, detail, error);
  return finish (self, ok, error);
}

/* --- history ---------------------------------------------------------------------- */

GListModel *
cl_case_repository_history (ClCaseRepository  *self,
                            gint64             case_id,
                            GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) store = g_list_store_new (CL_TYPE_CASE_CHANGE);
  CaseState st;
  int rc;

  g_return_val_if_fail (CL_IS_CASE_REPOSITORY (self), NULL);

  if (!load_state (self, case_id, &st, error))
    return NULL;
  /* kind 0 allocation, 1 stage, 2 status: made at the same moment, they are
   * listed in that order (status last: "allocated, then opened"). */
  stmt = cl_database_prepare (self->db,
                              "SELECT 0, o.name, a.officer_id, a.from_date, a.to_date,"
                              " a.changed_by, a.changed_at, a.reason, NULL, '', a.id"
                              " FROM case_allocation a JOIN officer o ON o.id = a.officer_id"
                              " WHERE a.case_id = ?1"
                              " UNION ALL"
                              " SELECT 1, s.stage, 0, s.from_date, s.to_date, s.changed_by,"
                              " s.changed_at, s.reason, NULL, '', s.id"
                              " FROM case_stage s WHERE s.case_id = ?1"
                              " UNION ALL"
                              " SELECT 2, c.status, 0, c.on_date, NULL, c.changed_by, c.changed_at,"
                              " c.reason, c.closure_reason, c.outcome, c.id"
                              " FROM case_status_change c WHERE c.case_id = ?1"
                              " ORDER BY 7, 1, 11",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ClCaseChange) change =
        cl_case_change_new_full ((ClCaseChangeKind) sqlite3_column_int (stmt, 0),
                                 column_text (stmt, 1), sqlite3_column_int64 (stmt, 2),
                                 column_text (stmt, 3), column_text (stmt, 4),
                                 column_text (stmt, 5), column_text (stmt, 6),
                                 column_text (stmt, 7), column_text (stmt, 8),
                                 column_text (stmt, 9));
      g_list_store_append (store, change);
    }
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (self->db, error, _("Could not read the case’s history"));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

GListModel *
cl_case_repository_allocations (ClCaseRepository  *self,
                                gint64             case_id,
                                GError           **error)
{
  g_autoptr(GListModel) all = cl_case_repository_history (self, case_id, error);
  g_autoptr(GListStore) store = NULL;

  if (all == NULL)
    return NULL;
  store = g_list_store_new (CL_TYPE_CASE_CHANGE);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(ClCaseChange) change = g_list_model_get_item (all, i);
      if (cl_case_change_get_kind (change) == CL_CASE_CHANGE_ALLOCATION)
        g_list_store_append (store, change);
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* --- events ----------------------------------------------------------------------- */

/* Columns 2..16 are the ClCaseEventText fields in order. */
#define SELECT_EVENT                                                                       \
  "SELECT e.id, e.case_id, e.type, e.meeting_kind, e.partner, e.occurred_on,"               \
  " e.occurred_time, e.participants, e.summary, e.outcome, e.child_views, e.parent_views,"  \
  " e.barriers, e.strengths, e.next_action, e.next_action_type, e.next_action_due,"         \
  " e.duration_minutes, e.miles_tenths, e.officer_id, o.name, e.created_by, e.created_at,"  \
  " e.revision, e.action_done_at, e.action_done_by"                                          \
  " FROM case_event e LEFT JOIN officer o ON o.id = e.officer_id"

static ClCaseEvent *
event_from_row (sqlite3_stmt *stmt)
{
  const char *text[CL_CASE_EVENT_N_TEXT];
  ClCaseEvent *event;

  for (int i = 0; i < CL_CASE_EVENT_N_TEXT; i++)
    text[i] = (const char *) sqlite3_column_text (stmt, 2 + i);
  event = cl_case_event_new_full (sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                                  text, (guint) sqlite3_column_int (stmt, 17),
                                  sqlite3_column_int (stmt, 18), sqlite3_column_int64 (stmt, 19));
  cl_case_event_set_recorded (event, (const char *) sqlite3_column_text (stmt, 20),
                              column_text (stmt, 21), column_text (stmt, 22),
                              (guint) sqlite3_column_int (stmt, 23));
  cl_case_event_set_action_done (event, (const char *) sqlite3_column_text (stmt, 24),
                                 (const char *) sqlite3_column_text (stmt, 25));
  return event;
}

ClCaseEvent *
cl_case_repository_get_event (ClCaseRepository  *self,
                              gint64             event_id,
                              GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CL_IS_CASE_REPOSITORY (self), NULL);

  stmt = cl_database_prepare (self->db, SELECT_EVENT " WHERE e.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return event_from_row (stmt);
  if (rc != SQLITE_DONE)
    cl_database_set_error (self->db, error, _("Could not read the event"));
  else
    g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_NOT_FOUND,
                 _("There is no event %lld."), (long long) event_id);
  return NULL;
}

GListModel *
cl_case_repository_list_events (ClCaseRepository  *self,
                                gint64             case_id,
                                ClEventOrder       order,
                                GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) store = g_list_store_new (CL_TYPE_CASE_EVENT);
  int rc;

  g_return_val_if_fail (CL_IS_CASE_REPOSITORY (self), NULL);

  stmt = cl_database_prepare (self->db,
                              order == CL_EVENT_ORDER_NEWEST_FIRST
                              ? SELECT_EVENT " WHERE e.case_id = ? ORDER BY e.occurred_on DESC,"
                                " coalesce (e.occurred_time, '') DESC, e.id DESC"
                              : SELECT_EVENT " WHERE e.case_id = ? ORDER BY e.occurred_on,"
                                " coalesce (e.occurred_time, ''), e.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, event_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (self->db, error, _("Could not read the chronology"));
      return NULL;
    }
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* Fills in defaults and checks the event against the rules. */
static gboolean
prepare_event (ClCaseEvent  *event,
               GError      **error)
{
  if (*cl_case_event_get_next_action (event) != '\0'
      && *cl_case_event_get_text (event, CL_CASE_EVENT_NEXT_ACTION_TYPE) == '\0')
    cl_case_event_set_text (event, CL_CASE_EVENT_NEXT_ACTION_TYPE, "other");
  return cl_case_event_validate (event, NULL, error);
}

static void
bind_event_fields (sqlite3_stmt *stmt,
                   ClCaseEvent  *event,
                   int           first)
{
  for (int i = 0; i < CL_CASE_EVENT_N_TEXT; i++)
    {
      const char *text = cl_case_event_get_text (event, i);

      switch ((ClCaseEventText) i)
        {
        case CL_CASE_EVENT_MEETING_KIND:
        case CL_CASE_EVENT_PARTNER:
        case CL_CASE_EVENT_TIME:
        case CL_CASE_EVENT_NEXT_ACTION_TYPE:
        case CL_CASE_EVENT_NEXT_ACTION_DUE:
          bind_text_or_null (stmt, first + i, text);
          break;
        case CL_CASE_EVENT_TYPE:
        case CL_CASE_EVENT_DATE:
        case CL_CASE_EVENT_PARTICIPANTS:
        case CL_CASE_EVENT_SUMMARY:
        case CL_CASE_EVENT_OUTCOME:
        case CL_CASE_EVENT_CHILD_VIEWS:
        case CL_CASE_EVENT_PARENT_VIEWS:
        case CL_CASE_EVENT_BARRIERS:
        case CL_CASE_EVENT_STRENGTHS:
        case CL_CASE_EVENT_NEXT_ACTION:
        case CL_CASE_EVENT_N_TEXT:
        default:
          sqlite3_bind_text (stmt, first + i, text, -1, SQLITE_TRANSIENT);
          break;
        }
    }
  sqlite3_bind_int (stmt, first + CL_CASE_EVENT_N_TEXT, (int) cl_case_event_get_duration (event));
  sqlite3_bind_int (stmt, first + CL_CASE_EVENT_N_TEXT + 1, cl_case_event_get_miles_tenths (event));
  bind_id_or_null (stmt, first + CL_CASE_EVENT_N_TEXT + 2, cl_case_event_get_officer_id (event));
}

static gboolean
insert_event (ClCaseRepository  *self,
              ClCaseEvent       *event,
              const char        *now,
              gint64            *out_id,
              GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *detail = NULL;

  stmt = cl_database_prepare (self->db,
                              "INSERT INTO case_event (case_id, type, meeting_kind, partner,"
                              " occurred_on, occurred_time, participants, summary, outcome,"
                              " child_views, parent_views, barriers, strengths, next_action,"
                              " next_action_type, next_action_due, duration_minutes,"
                              " miles_tenths, officer_id, created_by, created_at)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                              " ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cl_case_event_get_case_id (event));
  bind_event_fields (stmt, event, 2);
  sqlite3_bind_text (stmt, 20, cl_database_get_actor (self->db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 21, now, -1, SQLITE_STATIC);
  if (!step_done (self->db, stmt, error))
    return FALSE;
  *out_id = sqlite3_last_insert_rowid (cl_database_get_handle (self->db));

  detail = g_strdup_printf ("case %" G_GINT64_FORMAT ", %s", cl_case_event_get_case_id (event),
                            cl_case_event_get_event_type (event));
  return audit (self, "create", "case_event", *out_id, detail, error);
}

gboolean
cl_case_repository_add_event (ClCaseRepository  *self,
                              ClCaseEvent       *event,
                              GError           **error)
{
  g_autofree char *now = cl_timestamp_now ();
  g_autofree char *name = NULL;
  gint64 id = 0;
  CaseState st;

  g_return_val_if_fail (CL_IS_CASE_REPOSITORY (self), FALSE);
  g_return_val_if_fail (CL_IS_CASE_EVENT (event), FALSE);
  g_return_val_if_fail (cl_case_event_get_id (event) == 0, FALSE);

  if (!load_state (self, cl_case_event_get_case_id (event), &st, error))
    return FALSE;
  if (is_closed (&st))
    {
      g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_CLOSED,
                   _("Case %lld is closed. Reopen it before adding to its "
                     "chronology."), (long long) st.id);
      return FALSE;
    }
  if (!prepare_event (event, error))
    return FALSE;
  if (cl_case_event_get_officer_id (event) == 0)
    cl_case_event_set_officer_id (event, st.officer_id);
  if (cl_case_event_get_officer_id (event) != 0)
    {
      name = officer_name (self, cl_case_event_get_officer_id (event), error);
      if (name == NULL)
        return FALSE;
    }

  if (!cl_database_begin (self->db, error))
    return FALSE;
  if (!finish (self, insert_event (self, event, now, &id, error), error))
    return FALSE;

  cl_case_event_set_id (event, id);
  cl_case_event_set_recorded (event, name, cl_database_get_actor (self->db), now, 0);
  return TRUE;
}

static gboolean
store_correction (ClCaseRepository  *self,
                  ClCaseEvent       *current,
                  ClCaseEvent       *corrected,
                  const char        *reason,
                  const char        *now,
                  GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *detail = NULL;
  gint64 id = cl_case_event_get_id (current);
  guint revision = cl_case_event_get_revision (current) + 1;

  stmt = cl_database_prepare (self->db,
                              "INSERT INTO case_event_revision (event_id, revision, type,"
                              " meeting_kind, partner, occurred_on, occurred_time, participants,"
                              " summary, outcome, child_views, parent_views, barriers, strengths,"
                              " next_action, next_action_type, next_action_due, duration_minutes,"
                              " miles_tenths, officer_id, changed_by, changed_at, reason)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                              " ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, (int) revision);
  bind_event_fields (stmt, current, 3);
  sqlite3_bind_text (stmt, 21, cl_database_get_actor (self->db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 22, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 23, reason, -1, SQLITE_STATIC);
  if (!step_done (self->db, stmt, error))
    return FALSE;
  sqlite3_reset (stmt);

  stmt = cl_database_prepare (self->db,
                              "UPDATE case_event SET type = ?2, meeting_kind = ?3, partner = ?4,"
                              " occurred_on = ?5, occurred_time = ?6, participants = ?7,"
                              " summary = ?8, outcome = ?9, child_views = ?10, parent_views = ?11,"
                              " barriers = ?12, strengths = ?13, next_action = ?14,"
                              " next_action_type = ?15, next_action_due = ?16,"
                              " duration_minutes = ?17, miles_tenths = ?18, officer_id = ?19,"
                              " revision = ?20,"
                              " action_done_at = CASE WHEN ?14 = '' THEN NULL ELSE action_done_at END,"
                              " action_done_by = CASE WHEN ?14 = '' THEN NULL ELSE action_done_by END"
                              " WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_event_fields (stmt, corrected, 2);
  sqlite3_bind_int (stmt, 20, (int) revision);
  if (!step_done (self->db, stmt, error))
    return FALSE;

  detail = g_strdup_printf ("revision %u", revision);
  return audit (self, "correct", "case_event", id, detail, error);
}

gboolean
cl_case_repository_correct_event (ClCaseRepository  *self,
                                  ClCaseEvent       *corrected,
                                  const char        *reason,
                                  GError           **error)
{
  g_autofree char *now = cl_timestamp_now ();
  g_autofree char *why = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  g_autoptr(ClCaseEvent) current = NULL;
  g_autoptr(ClCaseEvent) stored = NULL;
  CaseState st;

  g_return_val_if_fail (CL_IS_CASE_REPOSITORY (self), FALSE);
  g_return_val_if_fail (CL_IS_CASE_EVENT (corrected), FALSE);

  current = cl_case_repository_get_event (self, cl_case_event_get_id (corrected), error);
  if (current == NULL)
    return FALSE;
  if (cl_case_event_get_case_id (corrected) != cl_case_event_get_case_id (current))
    return error_out (error, CL_CASEWORK_ERROR_INVALID,
                      _("Case: an event cannot be moved to another case."));
  if (!load_state (self, cl_case_event_get_case_id (current), &st, error))
    return FALSE;
  if (is_closed (&st))
    {
      g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_CLOSED,
                   _("Case %lld is closed. Reopen it before correcting its "
                     "chronology."), (long long) st.id);
      return FALSE;
    }
  if (*why == '\0')
    return error_out (error, CL_CASEWORK_ERROR_INVALID,
                      _("Reason: say why the event is being corrected."));
  if (cl_case_event_get_officer_id (corrected) == 0)
    cl_case_event_set_officer_id (corrected, cl_case_event_get_officer_id (current));
  if (!prepare_event (corrected, error))
    return FALSE;
  if (cl_case_event_same_record (current, corrected))
    return error_out (error, CL_CASEWORK_ERROR_STATE,
                      _("Nothing was changed, so there is nothing to correct."));
  if (cl_case_event_get_officer_id (corrected) != cl_case_event_get_officer_id (current))
    {
      g_autofree char *name = officer_name (self, cl_case_event_get_officer_id (corrected), error);
      if (name == NULL)
        return FALSE;
    }

  if (!cl_database_begin (self->db, error))
    return FALSE;
  if (!finish (self, store_correction (self, current, corrected, why, now, error), error))
    return FALSE;

  stored = cl_case_repository_get_event (self, cl_case_event_get_id (current), error);
  if (stored == NULL)
    return FALSE;
  cl_case_event_set_recorded (corrected, cl_case_event_get_officer_name (stored),
                              cl_case_event_get_created_by (stored),
                              cl_case_event_get_created_at (stored),
                              cl_case_event_get_revision (stored));
  cl_case_event_set_action_done (corrected, cl_case_event_get_action_done_at (stored),
                                 cl_case_event_get_action_done_by (stored));
  return TRUE;
}

gboolean
cl_case_repository_complete_action (ClCaseRepository  *self,
                                    gint64             event_id,
                                    GError           **error)
{
  g_autofree char *now = cl_timestamp_now ();
  g_autoptr(ClCaseEvent) event = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  CaseState st;
  gboolean ok;

  g_return_val_if_fail (CL_IS_CASE_REPOSITORY (self), FALSE);

  event = cl_case_repository_get_event (self, event_id, error);
  if (event == NULL || !load_state (self, cl_case_event_get_case_id (event), &st, error))
    return FALSE;
  if (is_closed (&st))
    {
      g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_CLOSED,
                   _("Case %lld is closed. Reopen it before completing its "
                     "actions."), (long long) st.id);
      return FALSE;
    }
  if (*cl_case_event_get_next_action (event) == '\0')
    {
      g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_STATE,
                   _("Event %lld has no next action."), (long long) event_id);
      return FALSE;
    }
  if (!cl_case_event_is_action_open (event))
    {
      g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_STATE,
                   _("The next action of event %lld was done already (%s)."),
                   (long long) event_id, cl_case_event_get_action_done_at (event));
      return FALSE;
    }

  if (!cl_database_begin (self->db, error))
    return FALSE;
  stmt = cl_database_prepare (self->db,
                              "UPDATE case_event SET action_done_at = ?, action_done_by = ?"
                              " WHERE id = ?",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, cl_database_get_actor (self->db), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, event_id);
      ok = step_done (self->db, stmt, error);
    }
  ok = ok && audit (self, "complete", "case_event", event_id, "next action done", error);
  return finish (self, ok, error);
}

GListModel *
cl_case_repository_event_revisions (ClCaseRepository  *self,
                                    gint64             event_id,
                                    GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) store = g_list_store_new (CL_TYPE_CASE_EVENT_REVISION);
  g_autoptr(ClCaseEvent) current = NULL;
  int rc;

  g_return_val_if_fail (CL_IS_CASE_REPOSITORY (self), NULL);

  current = cl_case_repository_get_event (self, event_id, error);
  if (current == NULL)
    return NULL;
  stmt = cl_database_prepare (self->db,
                              "SELECT r.revision, r.type, r.meeting_kind, r.partner, r.occurred_on,"
                              " r.occurred_time, r.participants, r.summary, r.outcome,"
                              " r.child_views, r.parent_views, r.barriers, r.strengths,"
                              " r.next_action, r.next_action_type, r.next_action_due,"
                              " r.duration_minutes, r.miles_tenths, r.officer_id, o.name,"
                              " r.changed_by, r.changed_at, r.reason"
                              " FROM case_event_revision r LEFT JOIN officer o ON o.id = r.officer_id"
                              " WHERE r.event_id = ? ORDER BY r.revision",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text[CL_CASE_EVENT_N_TEXT];
      g_autoptr(ClCaseEvent) old = NULL;
      g_autoptr(ClCaseEventRevision) revision = NULL;
      guint number = (guint) sqlite3_column_int (stmt, 0);

      for (int i = 0; i < CL_CASE_EVENT_N_TEXT; i++)
        text[i] = (const char *) sqlite3_column_text (stmt, 1 + i);
      old = cl_case_event_new_full (event_id, cl_case_event_get_case_id (current), text,
                                    (guint) sqlite3_column_int (stmt, 16),
                                    sqlite3_column_int (stmt, 17),
                                    sqlite3_column_int64 (stmt, 18));
      cl_case_event_set_recorded (old, (const char *) sqlite3_column_text (stmt, 19),
                                  cl_case_event_get_created_by (current),
                                  cl_case_event_get_created_at (current), number - 1);
      revision = cl_case_event_revision_new (number, old, column_text (stmt, 20),
                                             column_text (stmt, 21), column_text (stmt, 22));
      g_list_store_append (store, revision);
    }
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (self->db, error, _("Could not read the event’s corrections"));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}
