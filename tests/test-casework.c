/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "attendance/cl-register-repository.h"
#include "attendance/cl-register.h"
#include "attendance/cl-rules.h"
#include "casework/cl-case-repository.h"
#include "casework/cl-caseload.h"
#include "casework/cl-casework-error.h"
#include "casework/cl-casework-vocab.h"
#include "casework/cl-mileage.h"
#include "casework/cl-work-queue.h"
#include "people/cl-pupil.h"
#include "store/cl-database.h"

/* Casework: the case life cycle, the chronology and its corrections, the work
 * queue, the caseload figures, families and mileage. "Today" is fixed at
 * Monday 6 October 2025 (CASELOAD_TODAY, set in main). */

#define TODAY "2025-10-06"

/* England 2024 code ids. */
enum {
  PRESENT_AM = 1,
  PRESENT_PM = 2,
  UNAUTH_O = 25,
};

typedef struct {
  ClDatabase       *db;
  ClCaseRepository *repo;
} Fixture;

static void
exec_sql (ClDatabase *db,
          const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_assert_true (cl_database_exec (db, sql, &error));
  g_assert_no_error (error);
}

/* Officers 1 Ann (EWO), 2 Bob (EWO), 3 Cath (senior EWO); schools 1 and 2;
 * pupils 1 Amy, 2 Ben and 4 Dee Hill (one mother), 3 Cai Jones and 5 Eve
 * Jones (no shared guardian). */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->db = cl_database_open_memory (&error);
  g_assert_no_error (error);
  cl_database_set_actor (f->db, "ann.ewo");
  exec_sql (f->db,
            "INSERT INTO officer (id, name, role, created_at, updated_at) VALUES"
            " (1, 'Ann Ewo', 'ewo', 'x', 'x'), (2, 'Bob Ewo', 'ewo', 'x', 'x'),"
            " (3, 'Cath Senior', 'senior_ewo', 'x', 'x');"
            "INSERT INTO school (id, urn, la_code, estab, name, type, phase, created_at,"
            " updated_at) VALUES"
            " (1, 100001, 801, 2001, 'Hillside Primary', 'la_maintained', 'primary', 'x', 'x'),"
            " (2, 100002, 801, 4001, 'Valley Academy', 'academy', 'secondary', 'x', 'x');"
            "INSERT INTO pupil (id, upn, legal_forename, legal_surname, dob, sex, created_at,"
            " updated_at) VALUES"
            " (1, 'A801200001001', 'Amy', 'Hill', '2015-10-10', 'F', 'x', 'x'),"
            " (2, 'A801200001002', 'Ben', 'Hill', '2017-03-01', 'M', 'x', 'x'),"
            " (3, 'A801200001003', 'Cai', 'Jones', '2012-11-20', 'M', 'x', 'x'),"
            " (4, 'A801200001004', 'Dee', 'Hill', '2011-05-05', 'F', 'x', 'x'),"
            " (5, 'A801200001005', 'Eve', 'Jones', '2012-01-20', 'F', 'x', 'x');"
            "INSERT INTO enrolment (pupil_id, school_id, start_date) VALUES"
            " (1, 1, '2021-09-01'), (2, 1, '2021-09-01'), (3, 2, '2023-09-01'),"
            " (4, 2, '2022-09-01'), (5, 2, '2023-09-01');"
            "INSERT INTO guardian (id, title, forename, surname, created_at, updated_at) VALUES"
            " (1, 'Ms', 'Jo', 'Hill', 'x', 'x'), (2, 'Mr', 'Dai', 'Jones', 'x', 'x');"
            "INSERT INTO pupil_guardian (pupil_id, guardian_id, relationship) VALUES"
            " (1, 1, 'mother'), (2, 1, 'mother'), (4, 1, 'mother'), (3, 2, 'father');");
  f->repo = cl_case_repository_new (f->db);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->repo);
  g_clear_object (&f->db);
}

static gint64
open_case (Fixture    *f,
           gint64      officer_id,
           const char *referral_date,
           gint64      pupil_id,
           gint64      sibling_id)
{
  g_autoptr(ClCase) kase = cl_case_new ();
  g_autoptr(GError) error = NULL;

  cl_case_add_pupil (kase, pupil_id);
  if (sibling_id != 0)
    cl_case_add_pupil (kase, sibling_id);
  cl_case_add_reason (kase, "irregular_attendance");
  cl_case_set_referral_date (kase, referral_date);
  cl_case_set_officer_id (kase, officer_id);
  g_assert_true (cl_case_repository_create (f->repo, kase, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cl_case_get_id (kase), >, 0);
  return cl_case_get_id (kase);
}

static ClCaseEvent *
make_event (gint64      case_id,
            const char *type,
            const char *date,
            const char *action,
            const char *action_type,
            const char *due)
{
  ClCaseEvent *event = cl_case_event_new (case_id, type, date);

  cl_case_event_set_text (event, CL_CASE_EVENT_SUMMARY, "Spoke with Mum at the door.");
  if (action != NULL)
    {
      cl_case_event_set_text (event, CL_CASE_EVENT_NEXT_ACTION, action);
      cl_case_event_set_text (event, CL_CASE_EVENT_NEXT_ACTION_TYPE, action_type);
      cl_case_event_set_text (event, CL_CASE_EVENT_NEXT_ACTION_DUE, due);
    }
  return event;
}

static gint64
add_event (Fixture    *f,
           gint64      case_id,
           const char *type,
           const char *date,
           const char *action,
           const char *action_type,
           const char *due)
{
  g_autoptr(ClCaseEvent) event = make_event (case_id, type, date, action, action_type, due);
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_case_repository_add_event (f->repo, event, &error));
  g_assert_no_error (error);
  return cl_case_event_get_id (event);
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  sqlite3_stmt *stmt = cl_database_prepare (f->db, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* --- opening ------------------------------------------------------------------ */

static void
test_open (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(ClCase) kase = cl_case_new ();
  g_autoptr(ClCase) loaded = NULL;
  g_autoptr(ClCase) referral = cl_case_new ();
  g_autoptr(ClCase) again = cl_case_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) allocations = NULL;
  g_autoptr(ClCaseChange) first = NULL;

  /* Refusals: no child, no reason, an unknown child, a future referral. */
  g_assert_false (cl_case_repository_create (f->repo, kase, &error));
  g_assert_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_INVALID);
  g_clear_error (&error);
  cl_case_add_pupil (kase, 1);
  g_assert_false (cl_case_repository_create (f->repo, kase, &error));
  g_assert_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "reason"));
  g_clear_error (&error);
  cl_case_add_reason (kase, "irregular_attendance");
  cl_case_add_reason (kase, "young_carer");
  cl_case_add_pupil (kase, 99);
  g_assert_false (cl_case_repository_create (f->repo, kase, &error));
  g_assert_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&kase);

  kase = cl_case_new ();
  cl_case_add_pupil (kase, 1);
  cl_case_add_reason (kase, "irregular_attendance");
  cl_case_add_reason (kase, "young_carer");
  cl_case_set_referral_date (kase, "2025-10-07");
  cl_case_set_officer_id (kase, 1);
  g_assert_false (cl_case_repository_create (f->repo, kase, &error));
  g_assert_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "future"));
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM case_file"), ==, 0);

  /* Today is fine. */
  cl_case_set_referral_date (kase, TODAY);
  cl_case_set_source (kase, "social_care");
  g_assert_true (cl_case_repository_create (f->repo, kase, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cl_case_get_status (kase), ==, "open");
  g_assert_cmpstr (cl_case_get_stage (kase), ==, "early_support");
  g_assert_cmpstr (cl_case_get_officer_name (kase), ==, "Ann Ewo");
  g_assert_cmpstr (cl_case_get_title (kase), ==, "Amy Hill");
  g_assert_cmpstr (cl_case_get_school_name (kase), ==, "Hillside Primary");

  loaded = cl_case_repository_get (f->repo, cl_case_get_id (kase), &error);
  g_assert_nonnull (loaded);
  g_assert_cmpstr (cl_case_get_source (loaded), ==, "social_care");
  g_assert_cmpuint (g_strv_length ((GStrv) cl_case_get_reasons (loaded)), ==, 2);
  g_assert_true (g_strv_contains (cl_case_get_reasons (loaded), "young_carer"));
  g_assert_cmpstr (cl_case_get_referral_date (loaded), ==, TODAY);

  allocations = cl_case_repository_allocations (f->repo, cl_case_get_id (kase), &error);
  g_assert_cmpuint (g_list_model_get_n_items (allocations), ==, 1);
  first = g_list_model_get_item (allocations, 0);
  g_assert_cmpint (cl_case_change_get_officer_id (first), ==, 1);
  g_assert_cmpstr (cl_case_change_get_from_date (first), ==, TODAY);
  g_assert_cmpstr (cl_case_change_get_to_date (first), ==, "");

  /* A second open case for the same child is refused. */
  cl_case_add_pupil (again, 1);
  cl_case_add_reason (again, "health");
  g_assert_false (cl_case_repository_create (f->repo, again, &error));
  g_assert_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_STATE);
  g_assert_nonnull (strstr (error->message, "already has an open case"));
  g_clear_error (&error);

  /* Without an officer the referral waits for allocation; allocating opens it. */
  cl_case_add_pupil (referral, 3);
  cl_case_add_reason (referral, "cme");
  cl_case_set_source (referral, "cme");
  g_assert_true (cl_case_repository_create (f->repo, referral, &error));
  g_assert_cmpstr (cl_case_get_status (referral), ==, "referred");
  g_assert_true (cl_case_repository_reassign (f->repo, cl_case_get_id (referral), 2, NULL, NULL,
                                              &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = cl_case_repository_get (f->repo, cl_case_get_id (referral), &error);
  g_assert_cmpstr (cl_case_get_status (loaded), ==, "open");
  g_assert_cmpint (cl_case_get_officer_id (loaded), ==, 2);

  /* Every change is audited, by id only. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE entity = 'case'"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE detail LIKE '%Amy%'"), ==, 0);
}

/* --- closing and reopening ------------------------------------------------------- */

static void
test_closed_case_refuses_events (Fixture       *f,
                                 gconstpointer  data)
{
  gint64 id = open_case (f, 1, "2025-09-10", 1, 0);
  g_autoptr(ClCaseEvent) late = make_event (id, "home_visit", "2025-10-01", NULL, NULL, NULL);
  g_autoptr(ClCase) kase = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found_closure = FALSE;

  add_event (f, id, "letter", "2025-09-12", "Home visit", "home_visit", "2025-09-19");

  /* Closing needs a reason (and an outcome when it is "other"). */
  g_assert_false (cl_case_repository_close (f->repo, id, NULL, NULL, NULL, &error));
  g_assert_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "why"));
  g_clear_error (&error);
  g_assert_false (cl_case_repository_close (f->repo, id, "other", "", NULL, &error));
  g_assert_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cl_case_repository_close (f->repo, id, "bored", NULL, NULL, &error));
  g_assert_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (cl_case_repository_close (f->repo, id, "improved_attendance",
                                           "Attendance 97% over six weeks.", NULL, &error));
  g_assert_no_error (error);
  kase = cl_case_repository_get (f->repo, id, &error);
  g_assert_true (cl_case_is_closed (kase));
  g_assert_cmpstr (cl_case_get_closed_date (kase), ==, TODAY);
  g_assert_cmpstr (cl_case_get_closure_reason (kase), ==, "improved_attendance");
  g_clear_object (&kase);

  /* Closed: no events, no reallocation, no stage change, no second closure. */
  g_assert_false (cl_case_repository_add_event (f->repo, late, &error));
  g_assert_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_CLOSED);
  g_assert_nonnull (strstr (error->message, "Reopen it"));
  g_clear_error (&error);
  g_assert_false (cl_case_repository_reassign (f->repo, id, 2, NULL, NULL, &error));
  g_assert_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_CLOSED);
  g_clear_error (&error);
  g_assert_false (cl_case_repository_set_stage (f->repo, id, "notice_to_improve", NULL, NULL,
                                                &error));
  g_assert_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_CLOSED);
  g_clear_error (&error);
  g_assert_false (cl_case_repository_close (f->repo, id, "transferred", NULL, NULL, &error));
  g_assert_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_STATE);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM case_event"), ==, 1);

  /* Reopening works and keeps the closure in the history. */
  g_assert_true (cl_case_repository_reopen (f->repo, id, "Attendance dropped again", &error));
  g_assert_no_error (error);
  g_assert_false (cl_case_repository_reopen (f->repo, id, NULL, &error));
  g_assert_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_STATE);
  g_clear_error (&error);
  kase = cl_case_repository_get (f->repo, id, &error);
  g_assert_cmpstr (cl_case_get_status (kase), ==, "open");
  g_assert_cmpstr (cl_case_get_closed_date (kase), ==, "");
  g_assert_true (cl_case_repository_add_event (f->repo, late, &error));
  g_assert_no_error (error);

  history = cl_case_repository_history (f->repo, id, &error);
  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(ClCaseChange) c = g_list_model_get_item (history, i);

      if (cl_case_change_get_kind (c) == CL_CASE_CHANGE_STATUS
          && g_str_equal (cl_case_change_get_value (c), "closed"))
        {
          found_closure = TRUE;
          g_assert_cmpstr (cl_case_change_get_closure_reason (c), ==, "improved_attendance");
          g_assert_cmpstr (cl_case_change_get_outcome (c), ==, "Attendance 97% over six weeks.");
          g_assert_cmpstr (cl_case_change_get_changed_by (c), ==, "ann.ewo");
        }
    }
  g_assert_true (found_closure);
}

/* --- reallocation and stages ------------------------------------------------------ */

static void
test_reassign_history (Fixture       *f,
                       gconstpointer  data)
{
  gint64 id = open_case (f, 1, "2025-09-01", 1, 0);
  g_autoptr(GListModel) allocations = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCase) kase = NULL;
  struct { gint64 officer; const char *from, *to, *by, *reason; } want[] = {
    { 1, "2025-09-01", "2025-09-15", "ann.ewo", "" },
    { 2, "2025-09-15", "2025-10-01", "manager", "Ann on leave" },
    { 3, "2025-10-01", "", "manager", "Legal work" },
  };

  cl_database_set_actor (f->db, "manager");
  g_assert_true (cl_case_repository_reassign (f->repo, id, 2, "Ann on leave", "2025-09-15",
                                              &error));
  g_assert_no_error (error);
  /* The same officer again, an unknown one, or a date before the current
   * allocation began are refused. */
  g_assert_false (cl_case_repository_reassign (f->repo, id, 2, NULL, NULL, &error));
  g_assert_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (cl_case_repository_reassign (f->repo, id, 42, NULL, NULL, &error));
  g_assert_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cl_case_repository_reassign (f->repo, id, 3, NULL, "2025-09-10", &error));
  g_assert_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cl_case_repository_reassign (f->repo, id, 3, "Legal work", "2025-10-01",
                                              &error));

  allocations = cl_case_repository_allocations (f->repo, id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (allocations), ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      g_autoptr(ClCaseChange) a = g_list_model_get_item (allocations, i);

      g_assert_cmpint (cl_case_change_get_officer_id (a), ==, want[i].officer);
      g_assert_cmpstr (cl_case_change_get_from_date (a), ==, want[i].from);
      g_assert_cmpstr (cl_case_change_get_to_date (a), ==, want[i].to);
      g_assert_cmpstr (cl_case_change_get_changed_by (a), ==, want[i].by);
      g_assert_cmpstr (cl_case_change_get_reason (a), ==, want[i].reason);
      g_assert_cmpstr (cl_case_change_get_changed_at (a), !=, "");
    }
  kase = cl_case_repository_get (f->repo, id, &error);
  g_assert_cmpint (cl_case_get_officer_id (kase), ==, 3);
  g_assert_cmpstr (cl_case_get_officer_name (kase), ==, "Cath Senior");
}

static void
test_stages (Fixture       *f,
             gconstpointer  data)
{
  gint64 id = open_case (f, 1, "2025-09-01", 1, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCase) kase = NULL;

  g_assert_false (cl_case_repository_set_stage (f->repo, id, "court", NULL, NULL, &error));
  g_assert_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cl_case_repository_set_stage (f->repo, id, "notice_to_improve", "No change",
                                               "2025-09-20", &error));
  kase = cl_case_repository_get (f->repo, id, &error);
  g_assert_cmpstr (cl_case_get_status (kase), ==, "open");
  g_clear_object (&kase);

  g_assert_true (cl_case_repository_set_stage (f->repo, id, "penalty_notice", NULL, NULL, &error));
  kase = cl_case_repository_get (f->repo, id, &error);
  g_assert_cmpstr (cl_case_get_status (kase), ==, "legal");
  g_assert_cmpstr (cl_case_get_stage (kase), ==, "penalty_notice");
  g_clear_object (&kase);

  /* Setting the same stage changes nothing; going back leaves legal status. */
  g_assert_true (cl_case_repository_set_stage (f->repo, id, "penalty_notice", NULL, NULL, &error));
  g_assert_true (cl_case_repository_set_stage (f->repo, id, "early_support", NULL, NULL, &error));
  kase = cl_case_repository_get (f->repo, id, &error);
  g_assert_cmpstr (cl_case_get_status (kase), ==, "open");
  g_assert_cmpint (count (f, "SELECT count(*) FROM case_stage"), ==, 4);
  g_assert_cmpint (count (f, "SELECT count(*) FROM case_stage WHERE to_date IS NULL"), ==, 1);
  g_assert_no_error (error);
}

/* --- the chronology ------------------------------------------------------------------ */

static void
test_event_rules (Fixture       *f,
                  gconstpointer  data)
{
  gint64 id = open_case (f, 1, "2025-09-01", 1, 0);
  struct { const char *date, *due, *kind, *partner; int miles; const char *field; } bad[] = {
    { "2025-10-07", NULL, NULL, NULL, 0, "date" },              /* tomorrow */
    { "2025-10-02", "2025-10-01", NULL, NULL, 0, "next-action-due" },
    { "2025-10-02", NULL, NULL, NULL, -5, "miles-tenths" },
    { "2025-10-02", NULL, "tac", NULL, 0, "meeting-kind" },     /* on a home visit */
    { "2025-10-02", NULL, NULL, "camhs", 0, "partner" },
    { "02/10/2025", NULL, NULL, NULL, 0, "date" },              /* stored form only */
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseEvent) no_due = make_event (id, "phone_call", "2025-10-02", NULL, NULL, NULL);
  g_autoptr(ClCaseEvent) meeting = make_event (id, "meeting", TODAY, "Write to Mum", NULL,
                                               TODAY);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(ClCaseEvent) e = make_event (id, "home_visit", bad[i].date,
                                             bad[i].due != NULL ? "Visit again" : NULL,
                                             "home_visit", bad[i].due);
      const char *field = NULL;

      cl_case_event_set_text (e, CL_CASE_EVENT_MEETING_KIND, bad[i].kind);
      cl_case_event_set_text (e, CL_CASE_EVENT_PARTNER, bad[i].partner);
      cl_case_event_set_miles_tenths (e, bad[i].miles);
      g_assert_false (cl_case_event_validate (e, &field, &error));
      g_assert_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_INVALID);
      g_assert_cmpstr (field, ==, bad[i].field);
      g_clear_error (&error);
      g_assert_false (cl_case_repository_add_event (f->repo, e, &error));
      g_clear_error (&error);
    }

  /* An action needs a due date. */
  cl_case_event_set_text (no_due, CL_CASE_EVENT_NEXT_ACTION, "Ring school");
  g_assert_false (cl_case_repository_add_event (f->repo, no_due, &error));
  g_assert_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM case_event"), ==, 0);

  /* Today, due today, a meeting kind on a meeting; the action type defaults
   * to "other" and the officer to the case's. */
  cl_case_event_set_text (meeting, CL_CASE_EVENT_MEETING_KIND, "tac");
  cl_case_event_set_miles_tenths (meeting, 0);
  g_assert_true (cl_case_repository_add_event (f->repo, meeting, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cl_case_event_get_text (meeting, CL_CASE_EVENT_NEXT_ACTION_TYPE), ==, "other");
  g_assert_cmpint (cl_case_event_get_officer_id (meeting), ==, 1);
  g_assert_cmpstr (cl_case_event_get_officer_name (meeting), ==, "Ann Ewo");
  g_assert_cmpstr (cl_case_event_get_created_by (meeting), ==, "ann.ewo");
  g_assert_true (cl_case_event_is_action_open (meeting));
  {
    g_autofree char *title = cl_case_event_dup_title (meeting);
    g_assert_cmpstr (title, ==, "Team Around the Child");
  }

  /* Completing the action. */
  g_assert_true (cl_case_repository_complete_action (f->repo, cl_case_event_get_id (meeting),
                                                     &error));
  g_assert_false (cl_case_repository_complete_action (f->repo, cl_case_event_get_id (meeting),
                                                      &error));
  g_assert_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_STATE);
  g_clear_error (&error);
  {
    g_autoptr(ClCaseEvent) stored = cl_case_repository_get_event (f->repo,
                                                                  cl_case_event_get_id (meeting),
                                                                  &error);
    g_assert_false (cl_case_event_is_action_open (stored));
    g_assert_cmpstr (cl_case_event_get_action_done_by (stored), ==, "ann.ewo");
  }
}

static void
test_correction_keeps_original (Fixture       *f,
                                gconstpointer  data)
{
  gint64 id = open_case (f, 1, "2025-09-01", 1, 0);
  gint64 event_id = add_event (f, id, "home_visit", "2025-09-22", NULL, NULL, NULL);
  g_autoptr(ClCaseEvent) event = cl_case_repository_get_event (f->repo, event_id, NULL);
  g_autoptr(ClCaseEvent) stored = NULL;
  g_autoptr(GListModel) revisions = NULL;
  g_autoptr(ClCaseEventRevision) first = NULL;
  g_autoptr(ClCaseEventRevision) second = NULL;
  g_autoptr(GError) error = NULL;

  /* No reason, or nothing changed: refused. */
  g_assert_false (cl_case_repository_correct_event (f->repo, event, "", &error));
  g_assert_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cl_case_repository_correct_event (f->repo, event, "typo", &error));
  g_assert_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_STATE);
  g_clear_error (&error);

  cl_database_set_actor (f->db, "bob.ewo");
  cl_case_event_set_text (event, CL_CASE_EVENT_SUMMARY, "Spoke with Dad at the door.");
  g_assert_true (cl_case_repository_correct_event (f->repo, event, "It was Dad, not Mum",
                                                   &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cl_case_event_get_revision (event), ==, 1);
  cl_case_event_set_miles_tenths (event, 125);
  g_assert_true (cl_case_repository_correct_event (f->repo, event, "Mileage left off", &error));

  stored = cl_case_repository_get_event (f->repo, event_id, &error);
  g_assert_cmpstr (cl_case_event_get_summary (stored), ==, "Spoke with Dad at the door.");
  g_assert_cmpint (cl_case_event_get_miles_tenths (stored), ==, 125);
  g_assert_cmpuint (cl_case_event_get_revision (stored), ==, 2);
  g_assert_cmpstr (cl_case_event_get_created_by (stored), ==, "ann.ewo");

  revisions = cl_case_repository_event_revisions (f->repo, event_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (revisions), ==, 2);
  first = g_list_model_get_item (revisions, 0);
  second = g_list_model_get_item (revisions, 1);
  g_assert_cmpuint (cl_case_event_revision_get_revision (first), ==, 1);
  g_assert_cmpstr (cl_case_event_get_summary (cl_case_event_revision_get_old (first)), ==,
                   "Spoke with Mum at the door.");
  g_assert_cmpint (cl_case_event_get_miles_tenths (cl_case_event_revision_get_old (first)), ==, 0);
  g_assert_cmpstr (cl_case_event_revision_get_changed_by (first), ==, "bob.ewo");
  g_assert_cmpstr (cl_case_event_revision_get_reason (first), ==, "It was Dad, not Mum");
  g_assert_true (g_str_has_suffix (cl_case_event_revision_get_changed_at (first), "Z"));
  g_assert_cmpstr (cl_case_event_get_summary (cl_case_event_revision_get_old (second)), ==,
                   "Spoke with Dad at the door.");

  /* The database itself refuses a silent edit or a deletion. */
  g_assert_false (cl_database_exec (f->db, "UPDATE case_event SET summary = 'x'", &error));
  g_assert_nonnull (strstr (error->message, "revision"));
  g_clear_error (&error);
  g_assert_false (cl_database_exec (f->db, "DELETE FROM case_event", &error));
  g_clear_error (&error);
  g_assert_false (cl_database_exec (f->db, "DELETE FROM case_event_revision", &error));
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE action = 'correct'"), ==, 2);
}

static void
test_chronology_order (Fixture       *f,
                       gconstpointer  data)
{
  gint64 id = open_case (f, 1, "2025-09-01", 1, 0);
  g_autoptr(GListModel) oldest = NULL;
  g_autoptr(GListModel) newest = NULL;
  g_autoptr(ClCaseEvent) first = NULL;
  g_autoptr(ClCaseEvent) last = NULL;
  g_autoptr(ClCaseEvent) timed = make_event (id, "phone_call", "2025-09-10", NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;

  add_event (f, id, "letter", "2025-09-10", NULL, NULL, NULL);
  add_event (f, id, "home_visit", "2025-09-03", NULL, NULL, NULL);
  cl_case_event_set_text (timed, CL_CASE_EVENT_TIME, "09:30");
  g_assert_true (cl_case_repository_add_event (f->repo, timed, &error));
  add_event (f, id, "note", "2025-09-20", NULL, NULL, NULL);

  oldest = cl_case_repository_list_events (f->repo, id, CL_EVENT_ORDER_OLDEST_FIRST, &error);
  newest = cl_case_repository_list_events (f->repo, id, CL_EVENT_ORDER_NEWEST_FIRST, &error);
  g_assert_cmpuint (g_list_model_get_n_items (oldest), ==, 4);
  first = g_list_model_get_item (oldest, 0);
  last = g_list_model_get_item (newest, 0);
  g_assert_cmpstr (cl_case_event_get_event_type (first), ==, "home_visit");
  g_assert_cmpstr (cl_case_event_get_event_type (last), ==, "note");
  g_clear_object (&first);
  /* On one day, an event without a time comes before a timed one. */
  first = g_list_model_get_item (oldest, 2);
  g_assert_cmpstr (cl_case_event_get_event_type (first), ==, "phone_call");
}

/* --- families ---------------------------------------------------------------------- */

static void
test_siblings_and_family (Fixture       *f,
                          gconstpointer  data)
{
  gint64 id = open_case (f, 1, "2025-09-01", 1, 2);
  g_autoptr(ClCase) kase = NULL;
  g_autoptr(GListModel) for_ben = NULL;
  g_autoptr(GListModel) family = NULL;
  g_autoptr(GListModel) pupils = NULL;
  g_autoptr(GError) error = NULL;
  gint64 want[] = { 4, 1, 2 };   /* Dee, Amy, Ben: by date of birth */

  kase = cl_case_repository_get (f->repo, id, &error);
  g_assert_cmpuint (cl_case_get_n_pupils (kase), ==, 2);
  g_assert_cmpstr (cl_case_get_title (kase), ==, "Amy Hill, Ben Hill");
  g_assert_cmpint (cl_case_get_pupil_id (kase, 0), ==, 1);

  for_ben = cl_case_repository_cases_for_pupil (f->repo, 2, &error);
  g_assert_cmpuint (g_list_model_get_n_items (for_ben), ==, 1);

  pupils = cl_case_repository_pupils (f->repo, id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (pupils), ==, 2);

  /* Dee shares the mother but is at another school and not on the case;
   * the Joneses are not family. */
  family = cl_case_repository_family (f->repo, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (family), ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      g_autoptr(ClPupil) p = g_list_model_get_item (family, i);
      g_assert_cmpint (cl_pupil_get_id (p), ==, want[i]);
    }

  /* Ben cannot be on a second open case either. */
  {
    g_autoptr(ClCase) other = cl_case_new ();
    cl_case_add_pupil (other, 2);
    cl_case_add_reason (other, "health");
    g_assert_false (cl_case_repository_create (f->repo, other, &error));
    g_assert_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_STATE);
  }
}

static void
test_list_filters (Fixture       *f,
                   gconstpointer  data)
{
  gint64 a = open_case (f, 1, "2025-09-01", 1, 0);
  gint64 c = open_case (f, 2, "2025-09-02", 3, 0);
  ClCaseFilter by_officer = { .officer_id = 1 };
  ClCaseFilter by_school = { .school_id = 2 };
  ClCaseFilter active = { .status = "active" };
  ClCaseFilter closed = { .status = "closed" };
  ClCaseFilter bad = { .status = "asleep" };
  g_autoptr(GListModel) list = NULL;
  g_autoptr(ClCase) first = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_case_repository_close (f->repo, c, "moved_out_of_area", NULL, NULL, &error));
  list = cl_case_repository_list (f->repo, &by_officer, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  first = g_list_model_get_item (list, 0);
  g_assert_cmpint (cl_case_get_id (first), ==, a);
  g_clear_object (&list);
  list = cl_case_repository_list (f->repo, &by_school, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_clear_object (&list);
  list = cl_case_repository_list (f->repo, &active, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_clear_object (&list);
  list = cl_case_repository_list (f->repo, &closed, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_clear_object (&list);
  list = cl_case_repository_list (f->repo, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_clear_object (&list);
  list = cl_case_repository_list (f->repo, &bad, &error);
  g_assert_null (list);
  g_assert_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_INVALID);
}

/* --- registers -------------------------------------------------------------------- */

/* Amy (pupil 1) at Hillside: present every weekday from 1 September to today,
 * except the whole week of 23–29 September and Friday 3 October morning and
 * afternoon (O, unauthorised), and Monday 8 September (outside the last four
 * weeks). Twelve unauthorised sessions within ten school weeks meet the
 * penalty-notice threshold. */
static void
store_amy_register (Fixture *f)
{
  g_autoptr(ClRegister) reg = cl_register_new (1, 1, 2025);
  g_autoptr(GPtrArray) regs = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  cl_register_fill (reg, "2025-09-01", TODAY, PRESENT_AM, PRESENT_PM, TRUE);
  cl_register_fill (reg, "2025-09-23", "2025-09-29", UNAUTH_O, UNAUTH_O, TRUE);
  cl_register_fill (reg, "2025-10-03", "2025-10-03", UNAUTH_O, UNAUTH_O, TRUE);
  cl_register_fill (reg, "2025-09-08", "2025-09-08", UNAUTH_O, UNAUTH_O, TRUE);
  g_ptr_array_add (regs, reg);
  g_assert_true (cl_register_store_many (f->db, regs, &error));
  g_assert_no_error (error);
}

static void
test_caseload_rows (Fixture       *f,
                    gconstpointer  data)
{
  gint64 amy = open_case (f, 1, "2025-09-01", 1, 0);
  gint64 cai = open_case (f, 1, "2025-09-05", 3, 0);
  gint64 other = open_case (f, 2, "2025-09-05", 5, 0);
  gint64 done_event;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GError) error = NULL;
  ClCaseloadRow *amy_row = NULL, *cai_row = NULL;

  store_amy_register (f);
  /* Amy: last contact 2 October (the later note does not count), next action
   * the one due first and still open, which is overdue. */
  add_event (f, amy, "home_visit", "2025-09-15", "Write to Mum", "letter", "2025-09-30");
  done_event = add_event (f, amy, "school_visit", "2025-09-20", "Ring school", "phone_call",
                          "2025-09-25");
  g_assert_true (cl_case_repository_complete_action (f->repo, done_event, &error));
  add_event (f, amy, "phone_call", "2025-10-02", "Home visit", "home_visit", "2025-10-09");
  add_event (f, amy, "note", "2025-10-04", NULL, NULL, NULL);
  /* Cai: nothing recorded but a note; no register. */
  add_event (f, cai, "note", "2025-09-06", NULL, NULL, NULL);
  add_event (f, other, "home_visit", "2025-10-01", NULL, NULL, NULL);

  rows = cl_caseload_build (f->db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      ClCaseloadRow *row = g_list_model_get_item (rows, i);

      if (cl_caseload_row_get_case_id (row) == amy)
        amy_row = row;
      else
        cai_row = row;
      g_object_unref (row);   /* the model keeps it */
    }
  g_assert_nonnull (amy_row);
  g_assert_nonnull (cai_row);

  g_assert_cmpstr (cl_caseload_row_get_last_contact (amy_row), ==, "2025-10-02");
  g_assert_cmpstr (cl_caseload_row_get_next_action (amy_row), ==, "Write to Mum");
  g_assert_cmpstr (cl_caseload_row_get_next_action_due (amy_row), ==, "2025-09-30");
  g_assert_true (cl_caseload_row_get_overdue (amy_row));
  /* 9 September – 6 October: 40 sessions, 12 missed. Weeks of 10 sessions:
   * all present, all present, all absent, 8 of 10. */
  g_assert_cmpfloat_with_epsilon (cl_caseload_row_get_attendance_percent (amy_row), 70.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (cl_caseload_row_get_trend (amy_row)[0], 100.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (cl_caseload_row_get_trend (amy_row)[1], 100.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (cl_caseload_row_get_trend (amy_row)[2], 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (cl_caseload_row_get_trend (amy_row)[3], 80.0, 1e-9);
  g_assert_true (g_strv_contains (cl_caseload_row_get_rule_ids (amy_row),
                                  CL_RULE_PENALTY_THRESHOLD));

  g_assert_cmpstr (cl_caseload_row_get_last_contact (cai_row), ==, "");
  g_assert_cmpstr (cl_caseload_row_get_next_action (cai_row), ==, "");
  g_assert_false (cl_caseload_row_get_overdue (cai_row));
  g_assert_cmpfloat (cl_caseload_row_get_attendance_percent (cai_row), ==, -1.0);
  g_assert_cmpfloat (cl_caseload_row_get_trend (cai_row)[3], ==, -1.0);
  g_assert_cmpuint (g_strv_length ((GStrv) cl_caseload_row_get_rule_ids (cai_row)), ==, 0);

  /* The one-case form gives the same figures. */
  {
    g_autoptr(ClCaseloadRow) one = cl_caseload_row_load (f->db, amy, &error);
    g_assert_cmpfloat_with_epsilon (cl_caseload_row_get_attendance_percent (one), 70.0, 1e-9);
  }
}

/* --- the work queue ------------------------------------------------------------------ */

static void
test_queue_order (Fixture       *f,
                  gconstpointer  data)
{
  gint64 amy = open_case (f, 1, "2025-09-01", 1, 0);
  gint64 cai = open_case (f, 1, "2025-09-02", 3, 0);
  gint64 eve = open_case (f, 1, "2025-09-03", 5, 0);
  gint64 bob = open_case (f, 2, "2025-09-03", 4, 0);
  gint64 done;
  g_autoptr(GListModel) queue = NULL;
  g_autoptr(GError) error = NULL;
  struct { ClQueueItemKind kind; gint64 case_id; const char *due; gboolean overdue; } want[] = {
    { CL_QUEUE_ITEM_ACTION, cai, "2025-09-20", TRUE },
    { CL_QUEUE_ITEM_VISIT, eve, "2025-10-01", TRUE },
    { CL_QUEUE_ITEM_ACTION, cai, "2025-10-08", FALSE },
    { CL_QUEUE_ITEM_LETTER, eve, "2025-11-15", FALSE },
    { CL_QUEUE_ITEM_LEGAL, amy, "", FALSE },
  };

  store_amy_register (f);
  add_event (f, cai, "phone_call", "2025-10-01", "Ring school", "phone_call", "2025-10-08");
  add_event (f, cai, "letter", "2025-09-15", "Phone Mum", "phone_call", "2025-09-20");
  add_event (f, eve, "school_visit", "2025-09-29", "Home visit", "home_visit", "2025-10-01");
  add_event (f, eve, "home_visit", "2025-10-03", "Write to confirm", "letter", "2025-11-15");
  /* Not in the queue: due after the week (not a letter or visit), done,
   * another officer's, on a closed case. */
  add_event (f, cai, "note", "2025-10-03", "Review", "review", "2025-10-30");
  done = add_event (f, eve, "phone_call", "2025-09-10", "Ring Dad", "phone_call", "2025-09-12");
  g_assert_true (cl_case_repository_complete_action (f->repo, done, &error));
  add_event (f, bob, "phone_call", "2025-09-10", "Ring Mum", "phone_call", "2025-09-12");
  {
    gint64 closed = open_case (f, 1, "2025-09-01", 2, 0);
    add_event (f, closed, "letter", "2025-09-10", "Visit", "home_visit", "2025-09-11");
    g_assert_true (cl_case_repository_close (f->repo, closed, "transferred", NULL, NULL, &error));
  }

  queue = cl_work_queue_build (f->db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (queue), ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      g_autoptr(ClQueueItem) item = g_list_model_get_item (queue, i);

      g_assert_cmpint (cl_queue_item_get_kind (item), ==, want[i].kind);
      g_assert_cmpint (cl_queue_item_get_case_id (item), ==, want[i].case_id);
      g_assert_cmpstr (cl_queue_item_get_due_date (item), ==, want[i].due);
      g_assert_cmpint (cl_queue_item_get_overdue (item), ==, want[i].overdue);
    }
  {
    g_autoptr(ClQueueItem) legal = g_list_model_get_item (queue, 4);
    g_assert_cmpstr (cl_queue_item_get_pupil_name (legal), ==, "Amy Hill");
    g_assert_true (g_strv_contains (cl_queue_item_get_rule_ids (legal),
                                    CL_RULE_PENALTY_THRESHOLD));
  }

  /* Once the case is at penalty-notice stage it is no longer to consider. */
  g_assert_true (cl_case_repository_set_stage (f->repo, amy, "penalty_notice", NULL, NULL,
                                               &error));
  g_clear_object (&queue);
  queue = cl_work_queue_build (f->db, 1, &error);
  g_assert_cmpuint (g_list_model_get_n_items (queue), ==, G_N_ELEMENTS (want) - 1);

  /* The whole service's queue has Bob's action too. */
  g_clear_object (&queue);
  queue = cl_work_queue_build (f->db, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (queue), ==, G_N_ELEMENTS (want));
}

/* --- mileage --------------------------------------------------------------------------- */

static void
test_mileage (Fixture       *f,
              gconstpointer  data)
{
  gint64 id = open_case (f, 1, "2025-08-20", 1, 0);
  gint64 other = open_case (f, 2, "2025-08-20", 3, 0);
  struct { gint64 case_id; const char *type, *date; int tenths; } events[] = {
    { 0, "home_visit", "2025-09-03", 125 },
    { 0, "home_visit_no_reply", "2025-09-01", 38 },
    { 0, "school_visit", "2025-09-30", 250 },
    { 0, "phone_call", "2025-09-10", 0 },
    { 0, "home_visit", "2025-08-29", 100 },     /* August */
    { 0, "home_visit", "2025-10-01", 100 },     /* October */
    { 1, "home_visit", "2025-09-03", 77 },      /* Bob's */
  };
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  int total = -1, tenths;

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autoptr(ClCaseEvent) e = make_event (events[i].case_id == 0 ? id : other,
                                             events[i].type, events[i].date, NULL, NULL, NULL);
      cl_case_event_set_miles_tenths (e, events[i].tenths);
      g_assert_true (cl_case_repository_add_event (f->repo, e, &error));
      g_assert_no_error (error);
    }

  entries = cl_mileage_for_month (f->db, 1, "2025-09", &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpint (total, ==, 125 + 38 + 250);
  g_assert_cmpstr (((ClMileageEntry *) g_ptr_array_index (entries, 0))->date, ==, "2025-09-01");
  g_assert_cmpstr (((ClMileageEntry *) g_ptr_array_index (entries, 0))->event_type, ==,
                   "home_visit_no_reply");
  g_assert_cmpint (((ClMileageEntry *) g_ptr_array_index (entries, 2))->miles_tenths, ==, 250);
  g_clear_pointer (&entries, g_ptr_array_unref);

  entries = cl_mileage_for_month (f->db, 2, "2025-09", &total, &error);
  g_assert_cmpint (total, ==, 77);
  g_clear_pointer (&entries, g_ptr_array_unref);

  g_assert_null (cl_mileage_for_month (f->db, 1, "2025-13", &total, &error));
  g_assert_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (cl_mileage_for_month (f->db, 9, "2025-09", &total, &error));
  g_assert_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (cl_miles_parse ("12.5", &tenths));
  g_assert_cmpint (tenths, ==, 125);
  g_assert_true (cl_miles_parse ("3", &tenths));
  g_assert_cmpint (tenths, ==, 30);
  g_assert_true (cl_miles_parse ("0.36", &tenths));
  g_assert_cmpint (tenths, ==, 4);
  g_assert_false (cl_miles_parse ("-2", &tenths));
  g_assert_false (cl_miles_parse ("ten", &tenths));
  {
    g_autofree char *text = cl_miles_format (413);
    g_assert_cmpstr (text, ==, "41.3");
  }
}

static void
test_vocab (void)
{
  g_assert_cmpuint (g_strv_length ((GStrv) cl_casework_vocab_ids (CL_VOCAB_EVENT_TYPE)), ==, 10);
  g_assert_true (cl_casework_vocab_has (CL_VOCAB_PARTNER, "benefits_fsm"));
  g_assert_false (cl_casework_vocab_has (CL_VOCAB_STAGE, "court"));
  g_assert_cmpstr (cl_casework_vocab_label (CL_VOCAB_STAGE, "notice_to_improve"), ==,
                   "Notice to improve");
  g_assert_cmpstr (cl_casework_vocab_label (CL_VOCAB_STAGE, "nonsense"), ==, "");
  g_assert_true (cl_case_stage_is_legal ("prosecution"));
  g_assert_false (cl_case_stage_is_legal ("notice_to_improve"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("CASELOAD_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/casework/vocab", test_vocab);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/casework/case/open", test_open);
  ADD ("/casework/case/closed-refuses-events", test_closed_case_refuses_events);
  ADD ("/casework/case/reassign-history", test_reassign_history);
  ADD ("/casework/case/stages", test_stages);
  ADD ("/casework/case/list-filters", test_list_filters);
  ADD ("/casework/case/siblings-and-family", test_siblings_and_family);
  ADD ("/casework/events/rules", test_event_rules);
  ADD ("/casework/events/correction-keeps-original", test_correction_keeps_original);
  ADD ("/casework/events/order", test_chronology_order);
  ADD ("/casework/caseload/rows", test_caseload_rows);
  ADD ("/casework/queue/order", test_queue_order);
  ADD ("/casework/mileage", test_mileage);
#undef ADD
  return g_test_run ();
}
