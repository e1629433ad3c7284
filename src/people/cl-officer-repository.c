/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-officer-repository"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "people/cl-officer-repository.h"
#include "people/cl-people-error.h"
#include "store/cl-audit.h"

struct _ClOfficerRepository
{
  GObject     parent_instance;
  ClDatabase *db;
};

G_DEFINE_FINAL_TYPE (ClOfficerRepository, cl_officer_repository, G_TYPE_OBJECT)

static void
cl_officer_repository_finalize (GObject *object)
{
  ClOfficerRepository *self = CL_OFFICER_REPOSITORY (object);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (cl_officer_repository_parent_class)->finalize (object);
}

static void
cl_officer_repository_class_init (ClOfficerRepositoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_officer_repository_finalize;
}

static void
cl_officer_repository_init (ClOfficerRepository *self)
{
}

ClOfficerRepository *
cl_officer_repository_new (ClDatabase *db)
{
  ClOfficerRepository *self;

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);
  self = g_object_new (CL_TYPE_OFFICER_REPOSITORY, NULL);
  self->db = g_object_ref (db);
  return self;
}

static ClOfficer *
officer_from_row (sqlite3_stmt *stmt)
{
  ClOfficer *officer = cl_officer_new ();

  cl_officer_set_id (officer, sqlite3_column_int64 (stmt, 0));
  cl_officer_set_name (officer, (const char *) sqlite3_column_text (stmt, 1));
  cl_officer_set_role (officer, (const char *) sqlite3_column_text (stmt, 2));
  cl_officer_set_email (officer, (const char *) sqlite3_column_text (stmt, 3));
  cl_officer_set_phone (officer, (const char *) sqlite3_column_text (stmt, 4));
  return officer;
}

GListModel *
cl_officer_repository_list (ClOfficerRepository  *self,
                            GError              **error)
{
  g_autoptr(GListStore) store = g_list_store_new (CL_TYPE_OFFICER);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CL_IS_OFFICER_REPOSITORY (self), NULL);

  stmt = cl_database_prepare (self->db,
                              "SELECT id, name, role, email, phone FROM officer WHERE active = 1"
                              " ORDER BY name COLLATE NOCASE",
                              error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(ClOfficer) officer = officer_from_row (stmt);
      g_list_store_append (store, officer);
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

ClOfficer *
cl_officer_repository_get (ClOfficerRepository  *self,
                           gint64                id,
                           GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CL_IS_OFFICER_REPOSITORY (self), NULL);

  stmt = cl_database_prepare (self->db,
                              "SELECT id, name, role, email, phone FROM officer WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return officer_from_row (stmt);
  g_set_error (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_NOT_FOUND,
               _("No officer with id %" G_GINT64_FORMAT "."), id);
  return NULL;
}

static gboolean
write_officer (ClOfficerRepository  *self,
               ClOfficer            *officer,
               gboolean              insert,
               GError              **error)
{
  g_autofree char *now = cl_timestamp_now ();
  sqlite3_stmt *stmt;
  gint64 id = cl_officer_get_id (officer);

  if (!cl_officer_validate (officer, NULL, error))
    return FALSE;
  if (!cl_database_begin (self->db, error))
    return FALSE;

  stmt = cl_database_prepare (self->db,
                              insert ? "INSERT INTO officer (name, role, email, phone, created_at,"
                                       " updated_at) VALUES (?, ?, ?, ?, ?5, ?5)"
                                     : "UPDATE officer SET name = ?, role = ?, email = ?, phone = ?,"
                                       " updated_at = ?5 WHERE id = ?6",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, cl_officer_get_name (officer), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, cl_officer_get_role (officer), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, cl_officer_get_email (officer), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, cl_officer_get_phone (officer), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  if (!insert)
    sqlite3_bind_int64 (stmt, 6, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_database_set_error (self->db, error, _("Could not save the officer"));
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);
  if (insert)
    id = sqlite3_last_insert_rowid (cl_database_get_handle (self->db));
  if (!cl_audit_append (self->db, insert ? "create" : "update", "officer", id, NULL, error))
    goto fail;
  if (!cl_database_commit (self->db, error))
    return FALSE;
  cl_officer_set_id (officer, id);
  return TRUE;

fail:
  cl_database_rollback (self->db);
  return FALSE;
}

gboolean
cl_officer_repository_insert (ClOfficerRepository  *self,
                              ClOfficer            *officer,
                              GError              **error)
{
  g_return_val_if_fail (CL_IS_OFFICER_REPOSITORY (self), FALSE);
  g_return_val_if_fail (CL_IS_OFFICER (officer), FALSE);
  return write_officer (self, officer, TRUE, error);
}

gboolean
cl_officer_repository_update (ClOfficerRepository  *self,
                              ClOfficer            *officer,
                              GError              **error)
{
  g_return_val_if_fail (CL_IS_OFFICER_REPOSITORY (self), FALSE);
  g_return_val_if_fail (CL_IS_OFFICER (officer), FALSE);
  return write_officer (self, officer, FALSE, error);
}
