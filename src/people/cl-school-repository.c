/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-school-repository"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "people/cl-people-error.h"
#include "people/cl-school-repository.h"
#include "store/cl-audit.h"

struct _ClSchoolRepository
{
  GObject     parent_instance;
  ClDatabase *db;
};

G_DEFINE_FINAL_TYPE (ClSchoolRepository, cl_school_repository, G_TYPE_OBJECT)

static void
cl_school_repository_finalize (GObject *object)
{
  ClSchoolRepository *self = CL_SCHOOL_REPOSITORY (object);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (cl_school_repository_parent_class)->finalize (object);
}

static void
cl_school_repository_class_init (ClSchoolRepositoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_school_repository_finalize;
}

static void
cl_school_repository_init (ClSchoolRepository *self)
{
}

ClSchoolRepository *
cl_school_repository_new (ClDatabase *db)
{
  ClSchoolRepository *self;

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);
  self = g_object_new (CL_TYPE_SCHOOL_REPOSITORY, NULL);
  self->db = g_object_ref (db);
  return self;
}

#define SELECT_SCHOOL                                                                        \
  "SELECT s.id, s.urn, s.la_code, s.estab, s.name, s.type, s.phase, s.country,"              \
  " s.number_on_roll, s.address, s.postcode, s.head_teacher, s.link_officer_id, o.name,"     \
  " (SELECT count(*) FROM enrolment e WHERE e.school_id = s.id AND e.end_date IS NULL"      \
  "   AND e.pupil_id NOT IN (SELECT id FROM pupil WHERE deleted_at IS NOT NULL))"            \
  " FROM school s LEFT JOIN officer o ON o.id = s.link_officer_id"

static const char *
col_text (sqlite3_stmt *stmt, int col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);
  return text != NULL ? text : "";
}

static ClSchool *
school_from_row (sqlite3_stmt *stmt)
{
  ClSchool *school = cl_school_new ();

  cl_school_set_id (school, sqlite3_column_int64 (stmt, 0));
  cl_school_set_number (school, CL_SCHOOL_URN, sqlite3_column_int (stmt, 1));
  cl_school_set_number (school, CL_SCHOOL_LA_CODE, sqlite3_column_int (stmt, 2));
  cl_school_set_number (school, CL_SCHOOL_ESTAB, sqlite3_column_int (stmt, 3));
  cl_school_set_text (school, CL_SCHOOL_NAME, col_text (stmt, 4));
  cl_school_set_text (school, CL_SCHOOL_TYPE, col_text (stmt, 5));
  cl_school_set_text (school, CL_SCHOOL_PHASE, col_text (stmt, 6));
  cl_school_set_text (school, CL_SCHOOL_COUNTRY, col_text (stmt, 7));
  cl_school_set_number (school, CL_SCHOOL_NUMBER_ON_ROLL, sqlite3_column_int (stmt, 8));
  cl_school_set_text (school, CL_SCHOOL_ADDRESS, col_text (stmt, 9));
  cl_school_set_text (school, CL_SCHOOL_POSTCODE, col_text (stmt, 10));
  cl_school_set_text (school, CL_SCHOOL_HEAD_TEACHER, col_text (stmt, 11));
  cl_school_set_link_officer (school, sqlite3_column_int64 (stmt, 12),
                              (const char *) sqlite3_column_text (stmt, 13));
  cl_school_set_pupil_count (school, sqlite3_column_int (stmt, 14));
  return school;
}

GListModel *
cl_school_repository_list (ClSchoolRepository  *self,
                           GError             **error)
{
  g_autoptr(GListStore) store = g_list_store_new (CL_TYPE_SCHOOL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CL_IS_SCHOOL_REPOSITORY (self), NULL);

  stmt = cl_database_prepare (self->db,
                              SELECT_SCHOOL " WHERE s.deleted_at IS NULL"
                              " ORDER BY s.name COLLATE NOCASE, s.urn",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ClSchool) school = school_from_row (stmt);
      g_list_store_append (store, school);
    }
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (self->db, error, _("Could not read the schools"));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

static ClSchool *
get_one (ClSchoolRepository  *self,
         const char          *sql,
         gint64               key,
         GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = cl_database_prepare (self->db, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return school_from_row (stmt);
  g_set_error (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_NOT_FOUND,
               _("No school with that %s (%" G_GINT64_FORMAT ")."),
               strstr (sql, "urn") != NULL ? "URN" : "id", key);
  return NULL;
}

ClSchool *
cl_school_repository_get (ClSchoolRepository  *self,
                          gint64               id,
                          GError             **error)
{
  g_return_val_if_fail (CL_IS_SCHOOL_REPOSITORY (self), NULL);
  return get_one (self, SELECT_SCHOOL " WHERE s.id = ? AND s.deleted_at IS NULL", id, error);
}

ClSchool *
cl_school_repository_get_by_urn (ClSchoolRepository  *self,
                                 guint                urn,
                                 GError             **error)
{
  g_return_val_if_fail (CL_IS_SCHOOL_REPOSITORY (self), NULL);
  return get_one (self, SELECT_SCHOOL " WHERE s.urn = ? AND s.deleted_at IS NULL", urn, error);
}

/* Turns a UNIQUE failure into a sentence that names the clashing number. */
static void
set_write_error (ClSchoolRepository  *self,
                 ClSchool            *school,
                 GError             **error)
{
  const char *msg = sqlite3_errmsg (cl_database_get_handle (self->db));

  if (strstr (msg, "school.urn") != NULL)
    g_set_error (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_DUPLICATE,
                 _("URN: %u is already used by another school."), cl_school_get_urn (school));
  else if (strstr (msg, "school.la_code") != NULL)
    {
      g_autofree char *dfe = cl_school_dup_dfe_number (school);
      g_set_error (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_DUPLICATE,
                   _("DfE number: %s is already used by another school."), dfe);
    }
  else
    cl_database_set_error (self->db, error, _("Could not save the school"));
}

static void
bind_school (sqlite3_stmt *stmt,
             ClSchool     *school)
{
  gint64 officer = cl_school_get_link_officer_id (school);

  sqlite3_bind_int (stmt, 1, cl_school_get_number (school, CL_SCHOOL_URN));
  sqlite3_bind_int (stmt, 2, cl_school_get_number (school, CL_SCHOOL_LA_CODE));
  sqlite3_bind_int (stmt, 3, cl_school_get_number (school, CL_SCHOOL_ESTAB));
  for (guint i = CL_SCHOOL_NAME; i <= CL_SCHOOL_COUNTRY; i++)
    sqlite3_bind_text (stmt, 4 + i, cl_school_get_text (school, i), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 8, cl_school_get_number (school, CL_SCHOOL_NUMBER_ON_ROLL));
  sqlite3_bind_text (stmt, 9, cl_school_get_text (school, CL_SCHOOL_ADDRESS), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, cl_school_get_text (school, CL_SCHOOL_POSTCODE), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, cl_school_get_text (school, CL_SCHOOL_HEAD_TEACHER), -1,
                     SQLITE_TRANSIENT);
  if (officer > 0)
    sqlite3_bind_int64 (stmt, 12, officer);
  else
    sqlite3_bind_null (stmt, 12);
}

gboolean
cl_school_repository_insert (ClSchoolRepository  *self,
                             ClSchool            *school,
                             GError             **error)
{
  g_autofree char *now = cl_timestamp_now ();
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (CL_IS_SCHOOL_REPOSITORY (self), FALSE);
  g_return_val_if_fail (CL_IS_SCHOOL (school), FALSE);

  if (!cl_school_validate (school, NULL, error))
    return FALSE;
  if (!cl_database_begin (self->db, error))
    return FALSE;

  stmt = cl_database_prepare (self->db,
                              "INSERT INTO school (urn, la_code, estab, name, type, phase, country,"
                              " number_on_roll, address, postcode, head_teacher, link_officer_id,"
                              " created_at, updated_at)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?13, ?13)",
                              error);
  if (stmt == NULL)
    goto fail;
  bind_school (stmt, school);
  sqlite3_bind_text (stmt, 13, now, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_write_error (self, school, error);
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);
  id = sqlite3_last_insert_rowid (cl_database_get_handle (self->db));
  if (!cl_audit_append (self->db, "create", "school", id, NULL, error))
    goto fail;
  if (!cl_database_commit (self->db, error))
    return FALSE;
  cl_school_set_id (school, id);
  return TRUE;

fail:
  cl_database_rollback (self->db);
  return FALSE;
}

gboolean
cl_school_repository_update (ClSchoolRepository  *self,
                             ClSchool            *school,
                             GError             **error)
{
  g_autofree char *now = cl_timestamp_now ();
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (CL_IS_SCHOOL_REPOSITORY (self), FALSE);
  g_return_val_if_fail (CL_IS_SCHOOL (school), FALSE);

  id = cl_school_get_id (school);
  if (!cl_school_validate (school, NULL, error))
    return FALSE;
  if (!cl_database_begin (self->db, error))
    return FALSE;

  stmt = cl_database_prepare (self->db,
                              "UPDATE school SET urn = ?, la_code = ?, estab = ?, name = ?,"
                              " type = ?, phase = ?, country = ?, number_on_roll = ?, address = ?,"
                              " postcode = ?, head_teacher = ?, link_officer_id = ?, updated_at = ?"
                              " WHERE id = ? AND deleted_at IS NULL",
                              error);
  if (stmt == NULL)
    goto fail;
  bind_school (stmt, school);
  sqlite3_bind_text (stmt, 13, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 14, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_write_error (self, school, error);
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);
  if (sqlite3_changes (cl_database_get_handle (self->db)) == 0)
    {
      g_set_error (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_NOT_FOUND,
                   _("The school “%s” no longer exists; it may have been deleted."),
                   cl_school_get_name (school));
      goto fail;
    }
  if (!cl_audit_append (self->db, "update", "school", id, NULL, error))
    goto fail;
  return cl_database_commit (self->db, error);

fail:
  cl_database_rollback (self->db);
  return FALSE;
}

static gboolean
set_deleted (ClSchoolRepository  *self,
             gint64               id,
             gboolean             deleted,
             GError             **error)
{
  g_autofree char *now = cl_timestamp_now ();
  sqlite3_stmt *stmt;

  if (!cl_database_begin (self->db, error))
    return FALSE;

  if (deleted)
    {
      g_autoptr(ClSchool) school = cl_school_repository_get (self, id, error);
      guint count;

      if (school == NULL)
        goto fail;
      count = cl_school_get_pupil_count (school);
      if (count > 0)
        {
          g_set_error (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_IN_USE,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "“%s” still has %u pupil on roll. Move the pupil to another "
                                    "school or delete them first.",
                                    "“%s” still has %u pupils on roll. Move the pupils to another "
                                    "school or delete them first.",
                                    count),
                       cl_school_get_name (school), count);
          goto fail;
        }
    }

  stmt = cl_database_prepare (self->db,
                              deleted ? "UPDATE school SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL"
                                      : "UPDATE school SET deleted_at = NULL, updated_at = ? WHERE id = ?",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_database_set_error (self->db, error, _("Could not delete the school"));
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);
  if (!cl_audit_append (self->db, deleted ? "delete" : "restore", "school", id, NULL, error))
    goto fail;
  return cl_database_commit (self->db, error);

fail:
  cl_database_rollback (self->db);
  return FALSE;
}

gboolean
cl_school_repository_delete (ClSchoolRepository  *self,
                             gint64               id,
                             GError             **error)
{
  g_return_val_if_fail (CL_IS_SCHOOL_REPOSITORY (self), FALSE);
  return set_deleted (self, id, TRUE, error);
}

gboolean
cl_school_repository_restore (ClSchoolRepository  *self,
                              gint64               id,
                              GError             **error)
{
  g_return_val_if_fail (CL_IS_SCHOOL_REPOSITORY (self), FALSE);
  return set_deleted (self, id, FALSE, error);
}

gboolean
cl_school_repository_purge_deleted (ClSchoolRepository  *self,
                                    GError             **error)
{
  g_return_val_if_fail (CL_IS_SCHOOL_REPOSITORY (self), FALSE);

  /* A school still referenced (by an ended enrolment, say) stays as a
   * tombstone rather than losing history. */
  return cl_database_exec (self->db,
                           "DELETE FROM school WHERE deleted_at IS NOT NULL"
                           " AND NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.school_id = school.id)",
                           error);
}
