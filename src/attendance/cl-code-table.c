/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-attendance"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "attendance/cl-attendance-error.h"
#include "attendance/cl-attendance-private.h"
#include "attendance/cl-code-table.h"
#include "store/cl-audit.h"

#define SELECT_CODES \
  "SELECT id, code_set, code, meaning, category, valid_from, valid_to, " \
  "counts_penalty, is_late, editable FROM attendance_code ORDER BY id"

struct _ClCodeTable
{
  GObject           parent_instance;

  GPtrArray        *codes;        /* ClAttendanceCode, ordered by id */
  ClAttendanceCode *by_id[256];   /* borrowed from codes */
  GHashTable       *by_key;       /* "set\x1fcode" → ClAttendanceCode (borrowed) */
};

static void cl_code_table_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ClCodeTable, cl_code_table, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      cl_code_table_list_model_init))

static GType
cl_code_table_get_item_type (GListModel *model)
{
  return CL_TYPE_ATTENDANCE_CODE;
}

static guint
cl_code_table_get_n_items (GListModel *model)
{
  return CL_CODE_TABLE (model)->codes->len;
}

static gpointer
cl_code_table_get_item (GListModel *model,
                        guint       position)
{
  ClCodeTable *self = CL_CODE_TABLE (model);

  if (position >= self->codes->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->codes, position));
}

static void
cl_code_table_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cl_code_table_get_item_type;
  iface->get_n_items = cl_code_table_get_n_items;
  iface->get_item = cl_code_table_get_item;
}

static void
cl_code_table_finalize (GObject *object)
{
  ClCodeTable *self = CL_CODE_TABLE (object);

  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_pointer (&self->codes, g_ptr_array_unref);

  G_OBJECT_CLASS (cl_code_table_parent_class)->finalize (object);
}

static void
cl_code_table_class_init (ClCodeTableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_code_table_finalize;
}

static void
cl_code_table_init (ClCodeTable *self)
{
  self->codes = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static char *
make_key (const char *code_set,
          const char *code)
{
  return g_strconcat (code_set, "\x1f", code, NULL);
}

ClCodeTable *
cl_code_table_load (ClDatabase  *db,
                    GError     **error)
{
  g_autoptr(ClCodeTable) self = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  stmt = cl_database_prepare (db, SELECT_CODES, error);
  if (stmt == NULL)
    return NULL;

  self = g_object_new (CL_TYPE_CODE_TABLE, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClAttendanceCategory category = CL_ATTENDANCE_CATEGORY_NONE;
      ClAttendanceCode *code;
      int id = sqlite3_column_int (stmt, 0);

      if (id < 1 || id > 255)
        continue;
      cl_attendance_category_from_string ((const char *) sqlite3_column_text (stmt, 4), &category);
      code = cl_attendance_code_new ((guint8) id,
                                     (const char *) sqlite3_column_text (stmt, 1),
                                     (const char *) sqlite3_column_text (stmt, 2),
                                     (const char *) sqlite3_column_text (stmt, 3),
                                     category,
                                     (const char *) sqlite3_column_text (stmt, 5),
                                     (const char *) sqlite3_column_text (stmt, 6),
                                     sqlite3_column_int (stmt, 7),
                                     sqlite3_column_int (stmt, 8),
                                     sqlite3_column_int (stmt, 9));
      g_ptr_array_add (self->codes, code);
      self->by_id[id] = code;
      g_hash_table_insert (self->by_key,
                           make_key (cl_attendance_code_get_code_set (code),
                                     cl_attendance_code_get_code (code)),
                           code);
    }
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (db, error, _("Could not read the attendance codes"));
      return NULL;
    }
  return g_steal_pointer (&self);
}

ClAttendanceCode *
cl_code_table_get (ClCodeTable *self,
                   guint8       id)
{
  g_return_val_if_fail (CL_IS_CODE_TABLE (self), NULL);
  return self->by_id[id];
}

static ClAttendanceCode *
find (ClCodeTable *self,
      const char  *code_set,
      const char  *code)
{
  g_autofree char *key = NULL;

  if (code_set == NULL || code == NULL)
    return NULL;
  key = make_key (code_set, code);
  return g_hash_table_lookup (self->by_key, key);
}

guint8
cl_code_table_lookup (ClCodeTable *self,
                      const char  *code_set,
                      const char  *code,
                      const char  *date)
{
  ClAttendanceCode *found;

  g_return_val_if_fail (CL_IS_CODE_TABLE (self), 0);

  found = find (self, code_set, code);
  if (found == NULL || (date != NULL && !cl_attendance_code_is_valid_on (found, date)))
    return 0;
  return cl_attendance_code_get_id (found);
}

guint8
cl_code_table_resolve (ClCodeTable  *self,
                       const char   *code_set,
                       const char   *code,
                       const char   *date,
                       GError      **error)
{
  ClAttendanceCode *found;

  g_return_val_if_fail (CL_IS_CODE_TABLE (self), 0);

  found = find (self, code_set, code);
  if (found == NULL)
    {
      g_set_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_UNKNOWN_CODE,
                   _("“%s” is not an attendance code of the %s set"),
                   code != NULL ? code : "", code_set != NULL ? code_set : "?");
      return 0;
    }
  if (date != NULL && !cl_attendance_code_is_valid_on (found, date))
    {
      g_set_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_CODE_NOT_VALID,
                   _("The code “%s” cannot be used on %s: it is valid from %s to %s"),
                   code, date, cl_attendance_code_get_valid_from (found),
                   cl_attendance_code_get_valid_to (found));
      return 0;
    }
  return cl_attendance_code_get_id (found);
}

gboolean
cl_code_table_check (ClCodeTable  *self,
                     guint8        id,
                     const char   *code_set,
                     const char   *date,
                     GError      **error)
{
  ClAttendanceCode *code;

  g_return_val_if_fail (CL_IS_CODE_TABLE (self), FALSE);

  if (id == 0)
    return TRUE;
  code = self->by_id[id];
  if (code == NULL)
    {
      g_set_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_UNKNOWN_CODE,
                   _("There is no attendance code number %u"), id);
      return FALSE;
    }
  if (code_set != NULL && strcmp (code_set, cl_attendance_code_get_code_set (code)) != 0)
    {
      g_set_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_CODE_NOT_VALID,
                   _("The code “%s” of the %s set cannot be used in a register that uses "
                     "the %s set"),
                   cl_attendance_code_get_code (code), cl_attendance_code_get_code_set (code),
                   code_set);
      return FALSE;
    }
  if (date != NULL && !cl_attendance_code_is_valid_on (code, date))
    {
      g_set_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_CODE_NOT_VALID,
                   _("The code “%s” cannot be used on %s: it is valid from %s to %s"),
                   cl_attendance_code_get_code (code), date,
                   cl_attendance_code_get_valid_from (code),
                   cl_attendance_code_get_valid_to (code));
      return FALSE;
    }
  return TRUE;
}

GListModel *
cl_code_table_list_set (ClCodeTable *self,
                        const char  *code_set)
{
  GListStore *store;

  g_return_val_if_fail (CL_IS_CODE_TABLE (self), NULL);

  store = g_list_store_new (CL_TYPE_ATTENDANCE_CODE);
  for (guint i = 0; i < self->codes->len; i++)
    {
      ClAttendanceCode *code = g_ptr_array_index (self->codes, i);
      if (g_strcmp0 (code_set, cl_attendance_code_get_code_set (code)) == 0)
        g_list_store_append (store, code);
    }
  return G_LIST_MODEL (store);
}

gboolean
cl_code_table_set_category (ClCodeTable          *self,
                            ClDatabase           *db,
                            guint8                id,
                            ClAttendanceCategory  category,
                            GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *detail = NULL;
  ClAttendanceCode *code;
  ClAttendanceCategory old;

  g_return_val_if_fail (CL_IS_CODE_TABLE (self), FALSE);
  g_return_val_if_fail (CL_IS_DATABASE (db), FALSE);

  code = self->by_id[id];
  if (code == NULL)
    {
      g_set_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_UNKNOWN_CODE,
                   _("There is no attendance code number %u"), id);
      return FALSE;
    }
  if (!cl_attendance_code_get_editable (code))
    {
      g_set_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_NOT_EDITABLE,
                   _("The category of the code “%s” (%s) is fixed by the regulations and "
                     "cannot be changed. Only codes whose category the sources leave "
                     "unverified (Q, X and the Y codes) can be changed."),
                   cl_attendance_code_get_code (code), cl_attendance_code_get_code_set (code));
      return FALSE;
    }
  if ((guint) category >= CL_N_ATTENDANCE_CATEGORIES || category == CL_ATTENDANCE_CATEGORY_NONE)
    {
      g_set_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_INVALID,
                   _("“No mark” is not a category a code can be given"));
      return FALSE;
    }

  old = cl_attendance_code_get_category (code);
  if (old == category)
    return TRUE;

  if (!cl_database_begin (db, error))
    return FALSE;

  stmt = cl_database_prepare (db, "UPDATE attendance_code SET category = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, cl_attendance_category_to_string (category), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_database_set_error (db, error, _("Could not change the category of an attendance code"));
      goto fail;
    }
  detail = g_strdup_printf ("%s %s: category %s -> %s", cl_attendance_code_get_code_set (code),
                            cl_attendance_code_get_code (code),
                            cl_attendance_category_to_string (old),
                            cl_attendance_category_to_string (category));
  if (!cl_audit_append (db, "update", "attendance_code", id, detail, error))
    goto fail;
  if (!cl_database_commit (db, error))
    return FALSE;

  cl_attendance_code_set_category (code, category);
  return TRUE;

fail:
  cl_database_rollback (db);
  return FALSE;
}

const char *
cl_code_set_for (const char *country,
                 const char *date)
{
  if (g_strcmp0 (country, "wales") == 0)
    return CL_CODE_SET_WALES_2010;
  if (date != NULL && strcmp (date, CL_ENGLAND_2024_FROM) < 0)
    return CL_CODE_SET_ENGLAND_2006;
  return CL_CODE_SET_ENGLAND_2024;
}

static void
fill_one (ClCodeMaps          *maps,
          guint8               id,
          const char          *code,
          ClAttendanceCategory category,
          gboolean             counts_penalty,
          gboolean             is_late)
{
  static const guint8 rank[CL_N_ATTENDANCE_CATEGORIES] = {
    [CL_ATTENDANCE_CATEGORY_NONE] = 1,
    [CL_ATTENDANCE_CATEGORY_ADMIN] = 2,
    [CL_ATTENDANCE_CATEGORY_NOT_COUNTED] = 3,
    [CL_ATTENDANCE_CATEGORY_UNAUTHORISED] = 4,
    [CL_ATTENDANCE_CATEGORY_AUTHORISED] = 5,
    [CL_ATTENDANCE_CATEGORY_AEA] = 6,
    [CL_ATTENDANCE_CATEGORY_PRESENT] = 7,
  };
  guint16 flags = CL_MARK_KNOWN;

  switch (category)
    {
    case CL_ATTENDANCE_CATEGORY_PRESENT:
      flags |= CL_MARK_POSSIBLE | CL_MARK_PRESENT;
      break;
    case CL_ATTENDANCE_CATEGORY_AEA:
      flags |= CL_MARK_POSSIBLE | CL_MARK_AEA;
      break;
    case CL_ATTENDANCE_CATEGORY_AUTHORISED:
      flags |= CL_MARK_POSSIBLE | CL_MARK_AUTHORISED;
      break;
    case CL_ATTENDANCE_CATEGORY_UNAUTHORISED:
      flags |= CL_MARK_POSSIBLE | CL_MARK_UNAUTHORISED;
      break;
    case CL_ATTENDANCE_CATEGORY_NOT_COUNTED:
    case CL_ATTENDANCE_CATEGORY_ADMIN:
    case CL_ATTENDANCE_CATEGORY_NONE:
    default:
      flags |= CL_MARK_UNCOUNTED;
      break;
    }
  if (is_late)
    flags |= CL_MARK_LATE;
  if (counts_penalty)
    flags |= CL_MARK_PENALTY;
  if (g_strcmp0 (code, "N") == 0)
    flags |= CL_MARK_CODE_N;
  if (g_strcmp0 (code, "I") == 0)
    flags |= CL_MARK_CODE_I;

  maps->flags[id] = flags;
  maps->category[id] = (guint8) category;
  maps->rank[id] = rank[category];
}

void
cl_code_table_fill_maps (ClCodeTable *self,
                         ClCodeMaps  *maps)
{
  memset (maps, 0, sizeof *maps);
  for (guint i = 0; i < self->codes->len; i++)
    {
      ClAttendanceCode *code = g_ptr_array_index (self->codes, i);
      fill_one (maps, cl_attendance_code_get_id (code), cl_attendance_code_get_code (code),
                cl_attendance_code_get_category (code),
                cl_attendance_code_get_counts_penalty (code),
                cl_attendance_code_get_is_late (code));
    }
}

gboolean
cl_code_maps_load (ClDatabase  *db,
                   ClCodeMaps  *maps,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  memset (maps, 0, sizeof *maps);
  stmt = cl_database_prepare (db,
                              "SELECT id, code, category, counts_penalty, is_late "
                              "FROM attendance_code",
                              error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClAttendanceCategory category = CL_ATTENDANCE_CATEGORY_NONE;
      int id = sqlite3_column_int (stmt, 0);

      if (id < 1 || id > 255)
        continue;
      cl_attendance_category_from_string ((const char *) sqlite3_column_text (stmt, 2), &category);
      fill_one (maps, (guint8) id, (const char *) sqlite3_column_text (stmt, 1), category,
                sqlite3_column_int (stmt, 3), sqlite3_column_int (stmt, 4));
    }
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (db, error, _("Could not read the attendance codes"));
      return FALSE;
    }
  return TRUE;
}
