/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-documents"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "documents/cl-documents-error.h"
#include "documents/cl-template-repository.h"
#include "store/cl-audit.h"

#define TEMPLATES_PATH "/io/github/caseload/Caseload/core/templates"
#define SEEDED_KEY     "documents.templates_seeded"

struct _ClTemplateRepository
{
  GObject     parent_instance;
  ClDatabase *db;
};

G_DEFINE_FINAL_TYPE (ClTemplateRepository, cl_template_repository, G_TYPE_OBJECT)

static void
cl_template_repository_dispose (GObject *object)
{
  ClTemplateRepository *self = CL_TEMPLATE_REPOSITORY (object);

  g_clear_object (&self->db);

  G_OBJECT_CLASS (cl_template_repository_parent_class)->dispose (object);
}

static void
cl_template_repository_class_init (ClTemplateRepositoryClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cl_template_repository_dispose;
}

static void
cl_template_repository_init (ClTemplateRepository *self)
{
}

ClTemplateRepository *
cl_template_repository_new (ClDatabase *db)
{
  ClTemplateRepository *self;

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  self = g_object_new (CL_TYPE_TEMPLATE_REPOSITORY, NULL);
  self->db = g_object_ref (db);
  return self;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
cl_template_repository_built_ins (GError **error)
{
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) names = g_resources_enumerate_children (TEMPLATES_PATH, 0, error);

  if (names == NULL)
    return NULL;
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (TEMPLATES_PATH "/", names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);
      g_autofree char *text = NULL;
      ClLetterTemplate *tmpl;

      if (bytes == NULL)
        return NULL;
      if (!g_str_has_suffix (names[i], ".txt"))
        continue;
      text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      tmpl = cl_letter_template_parse (text, names[i], error);
      if (tmpl == NULL)
        return NULL;
      cl_letter_template_set_built_in (tmpl, TRUE);
      g_ptr_array_add (templates, tmpl);
    }
  return g_steal_pointer (&templates);
}

static gboolean
insert (ClTemplateRepository  *self,
        ClLetterTemplate      *tmpl,
        gboolean               replace,
        GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = cl_timestamp_now ();

  stmt = cl_database_prepare (self->db,
                              replace
                                ? "INSERT INTO letter_template (name, title, kind, language, "
                                  "description, body, built_in, updated_at) VALUES (?1, ?2, ?3, "
                                  "?4, ?5, ?6, ?7, ?8) ON CONFLICT (name) DO UPDATE SET "
                                  "title = excluded.title, kind = excluded.kind, language = "
                                  "excluded.language, description = excluded.description, body = "
                                  "excluded.body, built_in = excluded.built_in, updated_at = "
                                  "excluded.updated_at"
                                : "INSERT OR IGNORE INTO letter_template (name, title, kind, "
                                  "language, description, body, built_in, updated_at) VALUES "
                                  "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cl_letter_template_get_name (tmpl), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, cl_letter_template_get_title (tmpl), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, cl_letter_template_get_kind (tmpl), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, cl_letter_template_get_language (tmpl), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, cl_letter_template_get_description (tmpl), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, cl_letter_template_get_body (tmpl), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 7, cl_letter_template_get_built_in (tmpl));
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_database_set_error (self->db, error, _("Could not save the template"));
      return FALSE;
    }
  cl_letter_template_set_updated_at (tmpl, now);
  return TRUE;
}

static gboolean
ensure_seeded (ClTemplateRepository  *self,
               GError               **error)
{
  g_autofree char *seeded = cl_database_get_setting (self->db, SEEDED_KEY);
  g_autoptr(GPtrArray) built_ins = NULL;

  if (seeded != NULL)
    return TRUE;
  built_ins = cl_template_repository_built_ins (error);
  if (built_ins == NULL)
    return FALSE;
  if (!cl_database_begin (self->db, error))
    return FALSE;
  for (guint i = 0; i < built_ins->len; i++)
    if (!insert (self, g_ptr_array_index (built_ins, i), FALSE, error))
      {
        cl_database_rollback (self->db);
        return FALSE;
      }
  if (!cl_database_set_setting (self->db, SEEDED_KEY, "1", error)
      || !cl_audit_append (self->db, "create", "letter_template", 0, "built-in templates seeded",
                           error))
    {
      cl_database_rollback (self->db);
      return FALSE;
    }
  return cl_database_commit (self->db, error);
}

#define COLUMNS "name, title, kind, language, description, body, built_in, updated_at"

static ClLetterTemplate *
from_row (sqlite3_stmt *stmt)
{
  ClLetterTemplate *tmpl = cl_letter_template_new ((const char *) sqlite3_column_text (stmt, 0));

  cl_letter_template_set_title (tmpl, (const char *) sqlite3_column_text (stmt, 1));
  cl_letter_template_set_kind (tmpl, (const char *) sqlite3_column_text (stmt, 2));
  cl_letter_template_set_language (tmpl, (const char *) sqlite3_column_text (stmt, 3));
  cl_letter_template_set_description (tmpl, (const char *) sqlite3_column_text (stmt, 4));
  cl_letter_template_set_body (tmpl, (const char *) sqlite3_column_text (stmt, 5));
  cl_letter_template_set_built_in (tmpl, sqlite3_column_int (stmt, 6));
  cl_letter_template_set_updated_at (tmpl, (const char *) sqlite3_column_text (stmt, 7));
  return tmpl;
}

GListModel *
cl_template_repository_list (ClTemplateRepository  *self,
                             GError               **error)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CL_IS_TEMPLATE_REPOSITORY (self), NULL);

  if (!ensure_seeded (self, error))
    return NULL;
  stmt = cl_database_prepare (self->db,
                              "SELECT " COLUMNS " FROM letter_template ORDER BY title COLLATE "
                              "NOCASE, name",
                              error);
  if (stmt == NULL)
    return NULL;
  store = g_list_store_new (CL_TYPE_LETTER_TEMPLATE);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ClLetterTemplate) tmpl = from_row (stmt);
      g_list_store_append (store, tmpl);
    }
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (self->db, error, _("Could not read the templates"));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

ClLetterTemplate *
cl_template_repository_get (ClTemplateRepository  *self,
                            const char            *name,
                            GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CL_IS_TEMPLATE_REPOSITORY (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!ensure_seeded (self, error))
    return NULL;
  stmt = cl_database_prepare (self->db,
                              "SELECT " COLUMNS " FROM letter_template WHERE name = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_NOT_FOUND,
                 _("There is no letter template called “%s”. “caseload-cli templates list” "
                   "shows them."),
                 name);
  else
    cl_database_set_error (self->db, error, _("Could not read the template"));
  return NULL;
}

static gint64
template_id (ClTemplateRepository *self,
             const char           *name)
{
  g_autoptr(sqlite3_stmt) stmt =
    cl_database_prepare (self->db, "SELECT id FROM letter_template WHERE name = ?", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  return id;
}

gboolean
cl_template_repository_save (ClTemplateRepository  *self,
                             ClLetterTemplate      *tmpl,
                             GError               **error)
{
  g_return_val_if_fail (CL_IS_TEMPLATE_REPOSITORY (self), FALSE);
  g_return_val_if_fail (CL_IS_LETTER_TEMPLATE (tmpl), FALSE);

  if (!cl_letter_template_validate (tmpl, error) || !ensure_seeded (self, error))
    return FALSE;
  if (!cl_database_begin (self->db, error))
    return FALSE;
  if (!insert (self, tmpl, TRUE, error)
      || !cl_audit_append (self->db, "update", "letter_template",
                           template_id (self, cl_letter_template_get_name (tmpl)),
                           cl_letter_template_get_name (tmpl), error))
    {
      cl_database_rollback (self->db);
      return FALSE;
    }
  return cl_database_commit (self->db, error);
}

gboolean
cl_template_repository_delete (ClTemplateRepository  *self,
                               const char            *name,
                               GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (CL_IS_TEMPLATE_REPOSITORY (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!ensure_seeded (self, error))
    return FALSE;
  id = template_id (self, name);
  if (id == 0)
    {
      g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_NOT_FOUND,
                   _("There is no letter template called “%s”"), name);
      return FALSE;
    }
  if (!cl_database_begin (self->db, error))
    return FALSE;
  stmt = cl_database_prepare (self->db, "DELETE FROM letter_template WHERE id = ?", error);
  if (stmt == NULL)
    {
      cl_database_rollback (self->db);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_database_set_error (self->db, error, _("Could not delete the template"));
      cl_database_rollback (self->db);
      return FALSE;
    }
  if (!cl_audit_append (self->db, "delete", "letter_template", id, name, error))
    {
      cl_database_rollback (self->db);
      return FALSE;
    }
  return cl_database_commit (self->db, error);
}

gboolean
cl_template_repository_reset (ClTemplateRepository  *self,
                              const char            *name,
                              GError               **error)
{
  g_autoptr(GPtrArray) built_ins = NULL;

  g_return_val_if_fail (CL_IS_TEMPLATE_REPOSITORY (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  built_ins = cl_template_repository_built_ins (error);
  if (built_ins == NULL)
    return FALSE;
  for (guint i = 0; i < built_ins->len; i++)
    {
      ClLetterTemplate *tmpl = g_ptr_array_index (built_ins, i);

      if (g_strcmp0 (cl_letter_template_get_name (tmpl), name) == 0)
        return cl_template_repository_save (self, tmpl, error);
    }
  g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_NOT_FOUND,
               _("“%s” is not one of the built-in templates"), name);
  return FALSE;
}

ClLetterTemplate *
cl_template_repository_import_file (ClTemplateRepository  *self,
                                    const char            *path,
                                    GError               **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(ClLetterTemplate) tmpl = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (CL_IS_TEMPLATE_REPOSITORY (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, NULL, &local))
    {
      g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_NOT_FOUND,
                   _("Could not read “%s”: %s"), path, local->message);
      return NULL;
    }
  tmpl = cl_letter_template_parse (contents, path, error);
  if (tmpl == NULL || !cl_template_repository_save (self, tmpl, error))
    return NULL;
  return g_steal_pointer (&tmpl);
}

gboolean
cl_template_repository_export_file (ClTemplateRepository  *self,
                                    const char            *name,
                                    const char            *path,
                                    GError               **error)
{
  g_autoptr(ClLetterTemplate) tmpl = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (CL_IS_TEMPLATE_REPOSITORY (self), FALSE);
  g_return_val_if_fail (name != NULL && path != NULL, FALSE);

  tmpl = cl_template_repository_get (self, name, error);
  if (tmpl == NULL)
    return FALSE;
  text = cl_letter_template_serialize (tmpl);
  if (!g_file_set_contents (path, text, -1, &local))
    {
      g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_WRITE,
                   _("Could not write “%s”: %s"), path, local->message);
      return FALSE;
    }
  return TRUE;
}
