/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-pupil-repository"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "people/cl-people-error.h"
#include "people/cl-pupil-repository.h"
#include "store/cl-audit.h"
#include "store/cl-dates.h"

struct _ClPupilRepository
{
  GObject     parent_instance;
  ClDatabase *db;
};

G_DEFINE_FINAL_TYPE (ClPupilRepository, cl_pupil_repository, G_TYPE_OBJECT)

static void
cl_pupil_repository_finalize (GObject *object)
{
  ClPupilRepository *self = CL_PUPIL_REPOSITORY (object);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (cl_pupil_repository_parent_class)->finalize (object);
}

static void
cl_pupil_repository_class_init (ClPupilRepositoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_pupil_repository_finalize;
}

static void
cl_pupil_repository_init (ClPupilRepository *self)
{
}

ClPupilRepository *
cl_pupil_repository_new (ClDatabase *db)
{
  ClPupilRepository *self;

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);
  self = g_object_new (CL_TYPE_PUPIL_REPOSITORY, NULL);
  self->db = g_object_ref (db);
  return self;
}

/* Columns 0..9 are the ClPupilText fields in order, 10..15 the flags. The
 * current school is the most recent open enrolment (a dual-registered pupil
 * shows the school that enrolled them last). */
#define SELECT_PUPIL                                                                          \
  "SELECT p.upn, p.legal_forename, p.legal_surname, p.middle_names, p.preferred_forename,"    \
  " p.preferred_surname, p.dob, p.sex, p.address, p.postcode,"                                \
  " p.ehcp, p.sen_support, p.fsm, p.looked_after, p.young_carer, p.eal,"                      \
  " p.id, s.id, s.urn, s.name"                                                                \
  " FROM pupil p"                                                                             \
  " LEFT JOIN enrolment e ON e.id = (SELECT e2.id FROM enrolment e2"                          \
  "   WHERE e2.pupil_id = p.id AND e2.end_date IS NULL"                                       \
  "   ORDER BY e2.start_date DESC, e2.id DESC LIMIT 1)"                                       \
  " LEFT JOIN school s ON s.id = e.school_id"

static ClPupil *
pupil_from_row (sqlite3_stmt *stmt)
{
  const char *text[CL_PUPIL_N_TEXT];
  gboolean flags[CL_PUPIL_N_FLAGS];
  ClPupil *pupil;

  for (int i = 0; i < CL_PUPIL_N_TEXT; i++)
    text[i] = (const char *) sqlite3_column_text (stmt, i);
  for (int i = 0; i < CL_PUPIL_N_FLAGS; i++)
    flags[i] = sqlite3_column_int (stmt, CL_PUPIL_N_TEXT + i);
  pupil = cl_pupil_new_full (sqlite3_column_int64 (stmt, 16), text, flags);
  if (sqlite3_column_type (stmt, 17) != SQLITE_NULL)
    cl_pupil_set_school (pupil, sqlite3_column_int64 (stmt, 17), sqlite3_column_int (stmt, 18),
                         (const char *) sqlite3_column_text (stmt, 19));
  return pupil;
}

GListModel *
cl_pupil_repository_list (ClPupilRepository  *self,
                          gint64              school_id,
                          GError            **error)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CL_IS_PUPIL_REPOSITORY (self), NULL);

  stmt = cl_database_prepare (self->db,
                              SELECT_PUPIL
                              " WHERE p.deleted_at IS NULL AND (?1 = 0 OR s.id = ?1)"
                              " ORDER BY p.legal_surname COLLATE NOCASE, p.legal_forename COLLATE NOCASE",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, school_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, pupil_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (self->db, error, _("Could not read the pupils"));
      return NULL;
    }

  /* One splice instead of N appends: a single items-changed signal. */
  store = g_list_store_new (CL_TYPE_PUPIL);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

static ClPupil *
get_one (ClPupilRepository  *self,
         gint64              id,
         const char         *upn,
         GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = cl_database_prepare (self->db,
                              upn != NULL ? SELECT_PUPIL " WHERE p.upn = ? AND p.deleted_at IS NULL"
                                          : SELECT_PUPIL " WHERE p.id = ? AND p.deleted_at IS NULL",
                              error);
  if (stmt == NULL)
    return NULL;
  if (upn != NULL)
    sqlite3_bind_text (stmt, 1, upn, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return pupil_from_row (stmt);

  if (upn != NULL)
    g_set_error (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_NOT_FOUND,
                 _("No pupil has the UPN %s."), upn);
  else
    g_set_error (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_NOT_FOUND,
                 _("No pupil with id %" G_GINT64_FORMAT "."), id);
  return NULL;
}

ClPupil *
cl_pupil_repository_get (ClPupilRepository  *self,
                         gint64              id,
                         GError            **error)
{
  g_return_val_if_fail (CL_IS_PUPIL_REPOSITORY (self), NULL);
  return get_one (self, id, NULL, error);
}

ClPupil *
cl_pupil_repository_get_by_upn (ClPupilRepository  *self,
                                const char         *upn,
                                GError            **error)
{
  g_return_val_if_fail (CL_IS_PUPIL_REPOSITORY (self), NULL);
  g_return_val_if_fail (upn != NULL, NULL);
  return get_one (self, 0, upn, error);
}

static void
bind_pupil (sqlite3_stmt *stmt,
            ClPupil      *pupil)
{
  for (int i = 0; i < CL_PUPIL_N_TEXT; i++)
    {
      const char *value = cl_pupil_get_text (pupil, i);
      GDate date;
      char iso[11];

      /* Dates are always stored as ISO, whichever form was typed. */
      if (i == CL_PUPIL_DOB && cl_date_parse (value, &date))
        value = cl_date_format_iso (&date, iso);
      sqlite3_bind_text (stmt, i + 1, value, -1, SQLITE_TRANSIENT);
    }
  for (int i = 0; i < CL_PUPIL_N_FLAGS; i++)
    sqlite3_bind_int (stmt, CL_PUPIL_N_TEXT + i + 1, cl_pupil_get_flag (pupil, i));
}

static void
set_write_error (ClPupilRepository  *self,
                 ClPupil            *pupil,
                 GError            **error)
{
  const char *msg = sqlite3_errmsg (cl_database_get_handle (self->db));

  if (strstr (msg, "pupil.upn") != NULL)
    g_set_error (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_DUPLICATE,
                 _("UPN: %s already belongs to another pupil."), cl_pupil_get_upn (pupil));
  else
    cl_database_set_error (self->db, error, _("Could not save the pupil"));
}

static gboolean
insert_enrolment (ClPupilRepository  *self,
                  gint64              pupil_id,
                  gint64              school_id,
                  const char         *start_date,
                  GError            **error)
{
  sqlite3_stmt *stmt;
  GDate start;
  char iso[11];

  if (!cl_date_parse (start_date, &start))
    {
      g_set_error (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_INVALID,
                   _("Start date: “%s” is not a date."), start_date != NULL ? start_date : "");
      return FALSE;
    }
  stmt = cl_database_prepare (self->db,
                              "INSERT INTO enrolment (pupil_id, school_id, start_date) VALUES (?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pupil_id);
  sqlite3_bind_int64 (stmt, 2, school_id);
  sqlite3_bind_text (stmt, 3, cl_date_format_iso (&start, iso), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if ((sqlite3_extended_errcode (cl_database_get_handle (self->db)))
          == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_NOT_FOUND,
                     _("School: there is no such school."));
      else
        cl_database_set_error (self->db, error, _("Could not enrol the pupil"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
cl_pupil_repository_insert (ClPupilRepository  *self,
                            ClPupil            *pupil,
                            gint64              school_id,
                            const char         *start_date,
                            GError            **error)
{
  g_autofree char *now = cl_timestamp_now ();
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (CL_IS_PUPIL_REPOSITORY (self), FALSE);
  g_return_val_if_fail (CL_IS_PUPIL (pupil), FALSE);

  if (!cl_pupil_validate (pupil, NULL, error))
    return FALSE;
  if (!cl_database_begin (self->db, error))
    return FALSE;

  stmt = cl_database_prepare (self->db,
                              "INSERT INTO pupil (upn, legal_forename, legal_surname, middle_names,"
                              " preferred_forename, preferred_surname, dob, sex, address, postcode,"
                              " ehcp, sen_support, fsm, looked_after, young_carer, eal,"
                              " created_at, updated_at)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?17, ?17)",
                              error);
  if (stmt == NULL)
    goto fail;
  bind_pupil (stmt, pupil);
  sqlite3_bind_text (stmt, 17, now, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_write_error (self, pupil, error);
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);
  id = sqlite3_last_insert_rowid (cl_database_get_handle (self->db));

  if (school_id > 0)
    {
      g_autofree char *today_iso = NULL;
      GDate today;

      if (start_date == NULL)
        {
          cl_date_today (&today);
          start_date = today_iso = cl_date_to_iso (&today);
        }
      if (!insert_enrolment (self, id, school_id, start_date, error))
        goto fail;
    }
  if (!cl_audit_append (self->db, "create", "pupil", id, NULL, error))
    goto fail;
  if (!cl_database_commit (self->db, error))
    return FALSE;

  cl_pupil_set_id (pupil, id);
  if (school_id > 0)
    {
      g_autoptr(ClPupil) stored = get_one (self, id, NULL, NULL);
      if (stored != NULL)
        cl_pupil_set_school (pupil, cl_pupil_get_school_id (stored),
                             cl_pupil_get_school_urn (stored), cl_pupil_get_school_name (stored));
    }
  return TRUE;

fail:
  cl_database_rollback (self->db);
  return FALSE;
}

gboolean
cl_pupil_repository_update (ClPupilRepository  *self,
                            ClPupil            *pupil,
                            GError            **error)
{
  g_autofree char *now = cl_timestamp_now ();
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (CL_IS_PUPIL_REPOSITORY (self), FALSE);
  g_return_val_if_fail (CL_IS_PUPIL (pupil), FALSE);

  id = cl_pupil_get_id (pupil);
  if (!cl_pupil_validate (pupil, NULL, error))
    return FALSE;
  if (!cl_database_begin (self->db, error))
    return FALSE;

  stmt = cl_database_prepare (self->db,
                              "UPDATE pupil SET upn = ?, legal_forename = ?, legal_surname = ?,"
                              " middle_names = ?, preferred_forename = ?, preferred_surname = ?,"
                              " dob = ?, sex = ?, address = ?, postcode = ?, ehcp = ?,"
                              " sen_support = ?, fsm = ?, looked_after = ?, young_carer = ?, eal = ?,"
                              " updated_at = ? WHERE id = ? AND deleted_at IS NULL",
                              error);
  if (stmt == NULL)
    goto fail;
  bind_pupil (stmt, pupil);
  sqlite3_bind_text (stmt, 17, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 18, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_write_error (self, pupil, error);
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);
  if (sqlite3_changes (cl_database_get_handle (self->db)) == 0)
    {
      g_set_error (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_NOT_FOUND,
                   _("This pupil no longer exists; the record may have been deleted."));
      goto fail;
    }
  if (!cl_audit_append (self->db, "update", "pupil", id, NULL, error))
    goto fail;
  return cl_database_commit (self->db, error);

fail:
  cl_database_rollback (self->db);
  return FALSE;
}

static gboolean
set_deleted (ClPupilRepository  *self,
             gint64              id,
             gboolean            deleted,
             GError            **error)
{
  g_autofree char *now = cl_timestamp_now ();
  sqlite3_stmt *stmt;

  if (!cl_database_begin (self->db, error))
    return FALSE;
  stmt = cl_database_prepare (self->db,
                              deleted ? "UPDATE pupil SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL"
                                      : "UPDATE pupil SET deleted_at = NULL, updated_at = ? WHERE id = ?"
                                        " AND deleted_at IS NOT NULL",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_database_set_error (self->db, error, _("Could not change the pupil"));
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);
  if (sqlite3_changes (cl_database_get_handle (self->db)) == 0)
    {
      g_set_error (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_NOT_FOUND,
                   deleted ? _("There is no such pupil to delete.")
                           : _("There is no deleted pupil to restore."));
      goto fail;
    }
  if (!cl_audit_append (self->db, deleted ? "delete" : "restore", "pupil", id, NULL, error))
    goto fail;
  return cl_database_commit (self->db, error);

fail:
  cl_database_rollback (self->db);
  return FALSE;
}

gboolean
cl_pupil_repository_delete (ClPupilRepository  *self,
                            gint64              id,
                            GError            **error)
{
  g_return_val_if_fail (CL_IS_PUPIL_REPOSITORY (self), FALSE);
  return set_deleted (self, id, TRUE, error);
}

gboolean
cl_pupil_repository_restore (ClPupilRepository  *self,
                             gint64              id,
                             GError            **error)
{
  g_return_val_if_fail (CL_IS_PUPIL_REPOSITORY (self), FALSE);
  return set_deleted (self, id, FALSE, error);
}

gboolean
cl_pupil_repository_purge_deleted (ClPupilRepository  *self,
                                   GError            **error)
{
  g_return_val_if_fail (CL_IS_PUPIL_REPOSITORY (self), FALSE);

  if (!cl_database_begin (self->db, error))
    return FALSE;
  /* Guardians left with no pupil go with them. */
  if (!cl_database_exec (self->db,
                         "DELETE FROM pupil WHERE deleted_at IS NOT NULL;"
                         "DELETE FROM guardian WHERE NOT EXISTS"
                         " (SELECT 1 FROM pupil_guardian pg WHERE pg.guardian_id = guardian.id);",
                         error))
    {
      cl_database_rollback (self->db);
      return FALSE;
    }
  return cl_database_commit (self->db, error);
}

gboolean
cl_pupil_repository_enrol (ClPupilRepository  *self,
                           gint64              pupil_id,
                           gint64              school_id,
                           const char         *start_date,
                           GError            **error)
{
  sqlite3_stmt *stmt;
  GDate start, day_before;
  char start_iso[11], end_iso[11];
  gint64 current_school = 0;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (CL_IS_PUPIL_REPOSITORY (self), FALSE);

  if (!cl_date_parse (start_date, &start))
    {
      g_set_error (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_INVALID,
                   _("Start date: “%s” is not a date."), start_date != NULL ? start_date : "");
      return FALSE;
    }
  cl_date_format_iso (&start, start_iso);
  day_before = start;
  g_date_subtract_days (&day_before, 1);
  cl_date_format_iso (&day_before, end_iso);

  if (!cl_database_begin (self->db, error))
    return FALSE;

  stmt = cl_database_prepare (self->db,
                              "SELECT school_id FROM enrolment WHERE pupil_id = ? AND end_date IS NULL"
                              " ORDER BY start_date DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, pupil_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    current_school = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (current_school == school_id)
    {
      cl_database_rollback (self->db);
      return TRUE;
    }

  /* An enrolment that would end before it began is one made in error on the
   * same day: it is replaced, not ended. */
  stmt = cl_database_prepare (self->db,
                              "DELETE FROM enrolment WHERE pupil_id = ?1 AND end_date IS NULL"
                              " AND start_date >= ?2",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, pupil_id);
  sqlite3_bind_text (stmt, 2, start_iso, -1, SQLITE_STATIC);
  sqlite3_step (stmt);
  sqlite3_reset (stmt);

  stmt = cl_database_prepare (self->db,
                              "UPDATE enrolment SET end_date = ? WHERE pupil_id = ? AND end_date IS NULL",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, end_iso, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, pupil_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_database_set_error (self->db, error, _("Could not end the previous enrolment"));
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);

  if (school_id > 0 && !insert_enrolment (self, pupil_id, school_id, start_iso, error))
    goto fail;
  detail = g_strdup_printf ("school %" G_GINT64_FORMAT " -> %" G_GINT64_FORMAT " from %s",
                            current_school, school_id, start_iso);
  if (!cl_audit_append (self->db, "enrol", "pupil", pupil_id, detail, error))
    goto fail;
  return cl_database_commit (self->db, error);

fail:
  cl_database_rollback (self->db);
  return FALSE;
}

GListModel *
cl_pupil_repository_enrolments (ClPupilRepository  *self,
                                gint64              pupil_id,
                                GError            **error)
{
  g_autoptr(GListStore) store = g_list_store_new (CL_TYPE_ENROLMENT);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CL_IS_PUPIL_REPOSITORY (self), NULL);

  stmt = cl_database_prepare (self->db,
                              "SELECT e.id, e.pupil_id, e.school_id, s.name, e.start_date, e.end_date"
                              " FROM enrolment e JOIN school s ON s.id = e.school_id"
                              " WHERE e.pupil_id = ? ORDER BY e.start_date, e.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, pupil_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(ClEnrolment) enrolment =
        cl_enrolment_new (sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                          sqlite3_column_int64 (stmt, 2), (const char *) sqlite3_column_text (stmt, 3),
                          (const char *) sqlite3_column_text (stmt, 4),
                          (const char *) sqlite3_column_text (stmt, 5));
      g_list_store_append (store, enrolment);
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

GListModel *
cl_pupil_repository_guardians (ClPupilRepository  *self,
                               gint64              pupil_id,
                               GError            **error)
{
  g_autoptr(GListStore) store = g_list_store_new (CL_TYPE_GUARDIAN);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CL_IS_PUPIL_REPOSITORY (self), NULL);

  stmt = cl_database_prepare (self->db,
                              "SELECT g.title, g.forename, g.surname, g.address, g.postcode,"
                              " g.phone_home, g.phone_mobile, g.phone_work, g.email, g.language,"
                              " g.language_other, pg.relationship, g.id,"
                              " pg.parental_responsibility, pg.lives_with"
                              " FROM pupil_guardian pg JOIN guardian g ON g.id = pg.guardian_id"
                              " WHERE pg.pupil_id = ? ORDER BY pg.contact_order, g.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, pupil_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(ClGuardian) guardian = cl_guardian_new ();

      for (int i = 0; i < CL_GUARDIAN_N_TEXT; i++)
        cl_guardian_set_text (guardian, i, (const char *) sqlite3_column_text (stmt, i));
      cl_guardian_set_id (guardian, sqlite3_column_int64 (stmt, 12));
      cl_guardian_set_parental_responsibility (guardian, sqlite3_column_int (stmt, 13));
      cl_guardian_set_lives_with (guardian, sqlite3_column_int (stmt, 14));
      g_list_store_append (store, guardian);
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

gboolean
cl_pupil_repository_link_guardian (ClPupilRepository  *self,
                                   gint64              pupil_id,
                                   ClGuardian         *guardian,
                                   GError            **error)
{
  g_autofree char *now = cl_timestamp_now ();
  sqlite3_stmt *stmt;
  gint64 guardian_id;

  g_return_val_if_fail (CL_IS_PUPIL_REPOSITORY (self), FALSE);
  g_return_val_if_fail (CL_IS_GUARDIAN (guardian), FALSE);

  if (!cl_guardian_validate (guardian, NULL, error))
    return FALSE;
  if (!cl_database_begin (self->db, error))
    return FALSE;

  guardian_id = cl_guardian_get_id (guardian);
  if (guardian_id == 0)
    stmt = cl_database_prepare (self->db,
                                "INSERT INTO guardian (title, forename, surname, address, postcode,"
                                " phone_home, phone_mobile, phone_work, email, language,"
                                " language_other, created_at, updated_at)"
                                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?12, ?12)",
                                error);
  else
    stmt = cl_database_prepare (self->db,
                                "UPDATE guardian SET title = ?, forename = ?, surname = ?,"
                                " address = ?, postcode = ?, phone_home = ?, phone_mobile = ?,"
                                " phone_work = ?, email = ?, language = ?, language_other = ?,"
                                " updated_at = ?12 WHERE id = ?13",
                                error);
  if (stmt == NULL)
    goto fail;
  for (int i = 0; i < CL_GUARDIAN_RELATIONSHIP; i++)
    sqlite3_bind_text (stmt, i + 1, cl_guardian_get_text (guardian, i), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 12, now, -1, SQLITE_STATIC);
  if (guardian_id != 0)
    sqlite3_bind_int64 (stmt, 13, guardian_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_database_set_error (self->db, error, _("Could not save the parent or carer"));
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);
  if (guardian_id == 0)
    guardian_id = sqlite3_last_insert_rowid (cl_database_get_handle (self->db));

  stmt = cl_database_prepare (self->db,
                              "INSERT INTO pupil_guardian (pupil_id, guardian_id, relationship,"
                              " parental_responsibility, lives_with, contact_order)"
                              " VALUES (?1, ?2, ?3, ?4, ?5,"
                              "  (SELECT coalesce(max(contact_order), 0) + 1 FROM pupil_guardian"
                              "   WHERE pupil_id = ?1))"
                              " ON CONFLICT (pupil_id, guardian_id) DO UPDATE SET"
                              " relationship = excluded.relationship,"
                              " parental_responsibility = excluded.parental_responsibility,"
                              " lives_with = excluded.lives_with",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, pupil_id);
  sqlite3_bind_int64 (stmt, 2, guardian_id);
  sqlite3_bind_text (stmt, 3, cl_guardian_get_text (guardian, CL_GUARDIAN_RELATIONSHIP), -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, cl_guardian_get_parental_responsibility (guardian));
  sqlite3_bind_int (stmt, 5, cl_guardian_get_lives_with (guardian));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_database_set_error (self->db, error, _("Could not link the parent or carer"));
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);
  if (!cl_audit_append (self->db, "link", "guardian", guardian_id, NULL, error))
    goto fail;
  if (!cl_database_commit (self->db, error))
    return FALSE;
  cl_guardian_set_id (guardian, guardian_id);
  return TRUE;

fail:
  cl_database_rollback (self->db);
  return FALSE;
}

gboolean
cl_pupil_repository_unlink_guardian (ClPupilRepository  *self,
                                     gint64              pupil_id,
                                     gint64              guardian_id,
                                     GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_PUPIL_REPOSITORY (self), FALSE);

  if (!cl_database_begin (self->db, error))
    return FALSE;
  stmt = cl_database_prepare (self->db,
                              "DELETE FROM pupil_guardian WHERE pupil_id = ? AND guardian_id = ?",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, pupil_id);
  sqlite3_bind_int64 (stmt, 2, guardian_id);
  sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (!cl_audit_append (self->db, "unlink", "guardian", guardian_id, NULL, error))
    goto fail;
  return cl_database_commit (self->db, error);

fail:
  cl_database_rollback (self->db);
  return FALSE;
}

GListModel *
cl_pupil_repository_siblings (ClPupilRepository  *self,
                              gint64              pupil_id,
                              GError            **error)
{
  g_autoptr(GListStore) store = g_list_store_new (CL_TYPE_PUPIL);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CL_IS_PUPIL_REPOSITORY (self), NULL);

  stmt = cl_database_prepare (self->db,
                              SELECT_PUPIL
                              " WHERE p.deleted_at IS NULL AND p.id <> ?1 AND p.id IN"
                              " (SELECT b.pupil_id FROM pupil_guardian a"
                              "  JOIN pupil_guardian b ON b.guardian_id = a.guardian_id"
                              "  WHERE a.pupil_id = ?1)"
                              " ORDER BY p.dob",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, pupil_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(ClPupil) pupil = pupil_from_row (stmt);
      g_list_store_append (store, pupil);
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}
