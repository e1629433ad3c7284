/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-documents"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "documents/cl-documents-error.h"
#include "documents/cl-sent-document.h"
#include "store/cl-audit.h"

struct _ClSentDocument
{
  GObject  parent_instance;
  gint64   id;
  char    *kind;
  gint64   pupil_id;
  gint64   guardian_id;
  gint64   school_id;
  gint64   case_id;
  char    *template_name;
  char    *title;
  char    *created_at;
  char    *created_by;
  char    *sha256;
  gsize    size;
};

G_DEFINE_FINAL_TYPE (ClSentDocument, cl_sent_document, G_TYPE_OBJECT)

static void
cl_sent_document_finalize (GObject *object)
{
  ClSentDocument *self = CL_SENT_DOCUMENT (object);

  g_free (self->kind);
  g_free (self->template_name);
  g_free (self->title);
  g_free (self->created_at);
  g_free (self->created_by);
  g_free (self->sha256);

  G_OBJECT_CLASS (cl_sent_document_parent_class)->finalize (object);
}

static void
cl_sent_document_class_init (ClSentDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_sent_document_finalize;
}

static void
cl_sent_document_init (ClSentDocument *self)
{
}

gint64
cl_sent_document_get_id (ClSentDocument *self)
{
  g_return_val_if_fail (CL_IS_SENT_DOCUMENT (self), 0);
  return self->id;
}

const char *
cl_sent_document_get_kind (ClSentDocument *self)
{
  g_return_val_if_fail (CL_IS_SENT_DOCUMENT (self), NULL);
  return self->kind;
}

gint64
cl_sent_document_get_pupil_id (ClSentDocument *self)
{
  g_return_val_if_fail (CL_IS_SENT_DOCUMENT (self), 0);
  return self->pupil_id;
}

gint64
cl_sent_document_get_guardian_id (ClSentDocument *self)
{
  g_return_val_if_fail (CL_IS_SENT_DOCUMENT (self), 0);
  return self->guardian_id;
}

gint64
cl_sent_document_get_school_id (ClSentDocument *self)
{
  g_return_val_if_fail (CL_IS_SENT_DOCUMENT (self), 0);
  return self->school_id;
}

gint64
cl_sent_document_get_case_id (ClSentDocument *self)
{
  g_return_val_if_fail (CL_IS_SENT_DOCUMENT (self), 0);
  return self->case_id;
}

const char *
cl_sent_document_get_template (ClSentDocument *self)
{
  g_return_val_if_fail (CL_IS_SENT_DOCUMENT (self), NULL);
  return self->template_name;
}

const char *
cl_sent_document_get_title (ClSentDocument *self)
{
  g_return_val_if_fail (CL_IS_SENT_DOCUMENT (self), NULL);
  return self->title;
}

const char *
cl_sent_document_get_created_at (ClSentDocument *self)
{
  g_return_val_if_fail (CL_IS_SENT_DOCUMENT (self), NULL);
  return self->created_at;
}

const char *
cl_sent_document_get_created_by (ClSentDocument *self)
{
  g_return_val_if_fail (CL_IS_SENT_DOCUMENT (self), NULL);
  return self->created_by;
}

const char *
cl_sent_document_get_sha256 (ClSentDocument *self)
{
  g_return_val_if_fail (CL_IS_SENT_DOCUMENT (self), NULL);
  return self->sha256;
}

gsize
cl_sent_document_get_size (ClSentDocument *self)
{
  g_return_val_if_fail (CL_IS_SENT_DOCUMENT (self), 0);
  return self->size;
}

char *
cl_sent_document_hash (GBytes *bytes)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static void
bind_id (sqlite3_stmt *stmt,
         int           col,
         gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, col, id);
  else
    sqlite3_bind_null (stmt, col);
}

static const char *const kinds[] = {
  "letter", "card", "notice", "report", "bundle", "invoice", "other", NULL,
};

gint64
cl_sent_document_store (ClDatabase                *db,
                        const ClSentDocumentInfo  *info,
                        GBytes                    *pdf,
                        GError                   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *now = NULL;
  g_autofree char *detail = NULL;
  gsize len;
  const void *data;
  gint64 id;

  g_return_val_if_fail (CL_IS_DATABASE (db), 0);
  g_return_val_if_fail (info != NULL && pdf != NULL, 0);

  if (info->kind == NULL || !g_strv_contains (kinds, info->kind))
    {
      g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_INVALID,
                   _("“%s” is not a kind of document"), info->kind != NULL ? info->kind : "");
      return 0;
    }
  data = g_bytes_get_data (pdf, &len);
  if (len < 5 || memcmp (data, "%PDF-", 5) != 0)
    {
      g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_INVALID,
                   _("Only PDF documents are kept as sent"));
      return 0;
    }
  sha = info->sha256 != NULL ? g_strdup (info->sha256) : cl_sent_document_hash (pdf);
  now = cl_timestamp_now ();

  if (!cl_database_begin (db, error))
    return 0;
  stmt = cl_database_prepare (db,
                              "INSERT INTO sent_document (kind, pupil_id, guardian_id, school_id, "
                              "case_id, template, title, created_at, created_by, sha256, size, "
                              "pdf) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                              error);
  if (stmt == NULL)
    {
      cl_database_rollback (db);
      return 0;
    }
  sqlite3_bind_text (stmt, 1, info->kind, -1, SQLITE_STATIC);
  bind_id (stmt, 2, info->pupil_id);
  bind_id (stmt, 3, info->guardian_id);
  bind_id (stmt, 4, info->school_id);
  bind_id (stmt, 5, info->case_id);
  if (info->template_name != NULL)
    sqlite3_bind_text (stmt, 6, info->template_name, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 6);
  sqlite3_bind_text (stmt, 7, info->title != NULL ? info->title : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, cl_database_get_actor (db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, sha, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 11, (gint64) len);
  sqlite3_bind_blob64 (stmt, 12, data, len, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_database_set_error (db, error, _("Could not keep the sent document"));
      cl_database_rollback (db);
      return 0;
    }
  id = sqlite3_last_insert_rowid (cl_database_get_handle (db));
  /* Ids and the hash only: no names in the audit log. */
  detail = g_strdup_printf ("%s %s sha256 %s", info->kind,
                            info->template_name != NULL ? info->template_name : "-", sha);
  if (!cl_audit_append (db, "create", "sent_document", id, detail, error)
      || !cl_database_commit (db, error))
    {
      if (cl_database_in_transaction (db))
        cl_database_rollback (db);
      return 0;
    }
  return id;
}

#define COLUMNS "id, kind, pupil_id, guardian_id, school_id, case_id, template, title, " \
                "created_at, created_by, sha256, size"

static ClSentDocument *
from_row (sqlite3_stmt *stmt)
{
  ClSentDocument *self = g_object_new (CL_TYPE_SENT_DOCUMENT, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  self->pupil_id = sqlite3_column_int64 (stmt, 2);
  self->guardian_id = sqlite3_column_int64 (stmt, 3);
  self->school_id = sqlite3_column_int64 (stmt, 4);
  self->case_id = sqlite3_column_int64 (stmt, 5);
  self->template_name = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  self->title = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  self->created_at = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  self->created_by = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
  self->sha256 = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
  self->size = (gsize) sqlite3_column_int64 (stmt, 11);
  return self;
}

ClSentDocument *
cl_sent_document_get (ClDatabase  *db,
                      gint64       id,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  stmt = cl_database_prepare (db, "SELECT " COLUMNS " FROM sent_document WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_NOT_FOUND,
                 _("There is no sent document %" G_GINT64_FORMAT), id);
  else
    cl_database_set_error (db, error, _("Could not read the sent document"));
  return NULL;
}

GBytes *
cl_sent_document_load_pdf (ClDatabase  *db,
                           gint64       id,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sha = NULL;
  int rc;

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  stmt = cl_database_prepare (db, "SELECT pdf, sha256 FROM sent_document WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_NOT_FOUND,
                     _("There is no sent document %" G_GINT64_FORMAT), id);
      else
        cl_database_set_error (db, error, _("Could not read the sent document"));
      return NULL;
    }
  bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
  sha = cl_sent_document_hash (bytes);
  if (g_strcmp0 (sha, (const char *) sqlite3_column_text (stmt, 1)) != 0)
    {
      g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_INTEGRITY,
                   _("Sent document %" G_GINT64_FORMAT " no longer matches its SHA-256: it has "
                     "been changed since it was sent"),
                   id);
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

GListModel *
cl_sent_document_list (ClDatabase  *db,
                       gint64       pupil_id,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) store = NULL;
  int rc;

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  stmt = cl_database_prepare (db,
                              "SELECT " COLUMNS " FROM sent_document WHERE ?1 = 0 OR pupil_id = ?1 "
                              "ORDER BY created_at DESC, id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, pupil_id);
  store = g_list_store_new (CL_TYPE_SENT_DOCUMENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ClSentDocument) doc = from_row (stmt);
      g_list_store_append (store, doc);
    }
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (db, error, _("Could not read the sent documents"));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}
