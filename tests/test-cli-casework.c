/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cli-runner.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "store/cl-database.h"

/* The casework commands of caseload-cli (its path in CASELOAD_CLI, set by
 * meson), run on temporary databases: each command's JSON, and one refusal
 * each. "Today" is Monday 6 October 2025 (CASELOAD_TODAY). */

typedef struct
{
  char *dir;
  char *db;
} Fixture;

/* Officers 1 Ann, 2 Bob (EWOs); a school; Amy and Ben Hill (one mother) and
 * Cai Jones. Written through the core library: the CLI has no officer
 * commands. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClDatabase) db = NULL;

  f->dir = g_dir_make_tmp ("caseload-cli-casework-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->db = g_build_filename (f->dir, "caseload.db", NULL);
  db = cl_database_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (cl_database_exec (db,
    "INSERT INTO officer (id, name, role, created_at, updated_at) VALUES"
    " (1, 'Ann Ewo', 'ewo', 'x', 'x'), (2, 'Bob Ewo', 'senior_ewo', 'x', 'x');"
    "INSERT INTO school (id, urn, la_code, estab, name, type, phase, created_at, updated_at)"
    " VALUES (1, 123456, 801, 2001, 'Hillside Primary', 'la_maintained', 'primary', 'x', 'x');"
    "INSERT INTO pupil (id, upn, legal_forename, legal_surname, dob, sex, created_at,"
    " updated_at) VALUES"
    " (1, 'B801200005001', 'Amy', 'Hill', '2015-10-10', 'F', 'x', 'x'),"
    " (2, 'H801200001001', 'Ben', 'Hill', '2017-03-01', 'M', 'x', 'x'),"
    " (3, 'G80120000101A', 'Cai', 'Jones', '2014-11-20', 'M', 'x', 'x');"
    "INSERT INTO enrolment (pupil_id, school_id, start_date) VALUES"
    " (1, 1, '2021-09-01'), (2, 1, '2021-09-01'), (3, 1, '2021-09-01');"
    "INSERT INTO guardian (id, title, surname, created_at, updated_at) VALUES"
    " (1, 'Ms', 'Hill', 'x', 'x');"
    "INSERT INTO pupil_guardian (pupil_id, guardian_id) VALUES (1, 1), (2, 1);",
    &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

/* Opens a case and returns its id. */
static gint64
open_case (Fixture    *f,
           const char *upn,
           const char *officer)
{
  g_auto(Result) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();

  run (&r, f->db, "cases", "open", "--upn", upn, "--reason", "irregular_attendance",
       "--officer", officer, "--date", "2025-09-01", "--json", NULL);
  assert_ok (&r);
  return json_object_get_int_member (parse_object (r.out, parser), "id");
}

/* --- officers ---------------------------------------------------------------------- */

static void
test_officers (Fixture       *f,
               gconstpointer  data)
{
  g_auto(Result) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *officers;
  JsonObject *first;

  run (&r, f->db, "officers", "list", "--json", NULL);
  assert_ok (&r);
  officers = parse_array (r.out, parser);
  g_assert_cmpuint (json_array_get_length (officers), ==, 2);
  first = json_array_get_object_element (officers, 0);
  g_assert_cmpint (json_object_get_int_member (first, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "Ann Ewo");
  g_assert_cmpstr (json_object_get_string_member (first, "role"), ==, "ewo");

  run (&r, f->db, "officers", "list", "extra", NULL);
  assert_refused (&r, 2, "unexpected argument");
}

/* --- cases --------------------------------------------------------------------------- */

static void
test_cases (Fixture       *f,
            gconstpointer  data)
{
  g_auto(Result) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *id_text = NULL;
  JsonObject *kase;
  JsonArray *list, *reasons;
  gint64 id;

  /* Brothers and sisters on one case, two reasons, a source, an officer. */
  run (&r, f->db, "cases", "open", "--upn", "B801200005001", "--upn", "h801200001001",
       "--reason", "irregular_attendance", "--reason", "Young carer", "--source", "social-care",
       "--officer", "1", "--date", "01/09/2025", "--json", NULL);
  assert_ok (&r);
  kase = parse_object (r.out, parser);
  id = json_object_get_int_member (kase, "id");
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_assert_cmpstr (json_object_get_string_member (kase, "title"), ==, "Amy Hill, Ben Hill");
  g_assert_cmpstr (json_object_get_string_member (kase, "referral_date"), ==, "2025-09-01");
  g_assert_cmpstr (json_object_get_string_member (kase, "source"), ==, "social_care");
  g_assert_cmpstr (json_object_get_string_member (kase, "status"), ==, "open");
  g_assert_cmpstr (json_object_get_string_member (kase, "stage"), ==, "early_support");
  g_assert_cmpstr (json_object_get_string_member (kase, "officer"), ==, "Ann Ewo");
  g_assert_cmpstr (json_object_get_string_member (kase, "school"), ==, "Hillside Primary");
  g_assert_true (json_object_get_null_member (kase, "closed_date"));
  reasons = json_object_get_array_member (kase, "reasons");
  g_assert_cmpuint (json_array_get_length (reasons), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (kase, "pupil_ids")),
                    ==, 2);

  /* Refusals: the same child again (1), an unknown UPN (1), a reason that is
   * not one (2), no reason at all (2). */
  run (&r, f->db, "cases", "open", "--upn", "B801200005001", "--reason", "health", NULL);
  assert_refused (&r, 1, "already has an open case");
  run (&r, f->db, "cases", "open", "--upn", "A801200001009", "--reason", "health", NULL);
  assert_refused (&r, 1, "no pupil has UPN");
  run (&r, f->db, "cases", "open", "--upn", "G80120000101A", "--reason", "laziness", NULL);
  assert_refused (&r, 2, "--reason");
  run (&r, f->db, "cases", "open", "--upn", "G80120000101A", NULL);
  assert_refused (&r, 2, "--reason");

  /* A referral without an officer waits for allocation. */
  run (&r, f->db, "cases", "open", "--upn", "G80120000101A", "--reason", "cme", "--source",
       "cme", NULL);
  assert_ok (&r);
  g_assert_nonnull (strstr (r.out, "Cai Jones"));

  run (&r, f->db, "cases", "list", "--officer", "1", "--json", NULL);
  assert_ok (&r);
  list = parse_array (r.out, parser);
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  run (&r, f->db, "cases", "list", "--status", "referred", "--json", NULL);
  assert_ok (&r);
  list = parse_array (r.out, parser);
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  g_assert_true (json_object_get_null_member (json_array_get_object_element (list, 0),
                                              "officer_id"));
  run (&r, f->db, "cases", "list", "--status", "sleeping", NULL);
  assert_refused (&r, 2, "--status");

  /* Reallocation and stage, seen in the history. */
  run (&r, f->db, "cases", "reassign", id_text, "--officer", "2", "--reason", "Ann on leave",
       NULL);
  assert_ok (&r);
  run (&r, f->db, "cases", "reassign", id_text, "--officer", "2", NULL);
  assert_refused (&r, 1, "already allocated");
  run (&r, f->db, "cases", "stage", id_text, "--stage", "notice-to-improve", NULL);
  assert_ok (&r);
  run (&r, f->db, "cases", "stage", id_text, "--stage", "court", NULL);
  assert_refused (&r, 2, "--stage");

  run (&r, f->db, "cases", "show", id_text, "--json", NULL);
  assert_ok (&r);
  kase = parse_object (r.out, parser);
  g_assert_cmpstr (json_object_get_string_member (kase, "stage"), ==, "notice_to_improve");
  g_assert_cmpint (json_object_get_int_member (kase, "officer_id"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (kase, "pupils")), ==,
                    2);
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (kase, "pupils"),
                                                    0), "upn"), ==, "B801200005001");
  {
    JsonArray *history = json_object_get_array_member (kase, "history");
    guint allocations = 0;

    for (guint i = 0; i < json_array_get_length (history); i++)
      {
        JsonObject *h = json_array_get_object_element (history, i);
        if (g_str_equal (json_object_get_string_member (h, "kind"), "allocation"))
          allocations++;
      }
    g_assert_cmpuint (allocations, ==, 2);
  }
  run (&r, f->db, "cases", "show", "999", NULL);
  assert_refused (&r, 1, "no case 999");

  /* Closing needs a reason; a closed case takes no events until reopened. */
  run (&r, f->db, "cases", "close", id_text, NULL);
  assert_refused (&r, 2, "--reason");
  run (&r, f->db, "cases", "close", id_text, "--reason", "improved_attendance", "--outcome",
       "Attendance 96% since half term.", NULL);
  assert_ok (&r);
  run (&r, f->db, "cases", "list", "--status", "closed", "--json", NULL);
  assert_ok (&r);
  list = parse_array (r.out, parser);
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  kase = json_array_get_object_element (list, 0);
  g_assert_cmpstr (json_object_get_string_member (kase, "closure_reason"), ==,
                   "improved_attendance");
  g_assert_cmpstr (json_object_get_string_member (kase, "closed_date"), ==, "2025-10-06");

  run (&r, f->db, "events", "add", id_text, "--type", "phone_call", "--date", "2025-10-06",
       NULL);
  assert_refused (&r, 1, "Reopen it");
  run (&r, f->db, "cases", "reopen", id_text, "--reason", "Attendance fell again", NULL);
  assert_ok (&r);
  run (&r, f->db, "cases", "reopen", id_text, NULL);
  assert_refused (&r, 1, "not closed");
  run (&r, f->db, "events", "add", id_text, "--type", "phone_call", "--date", "2025-10-06",
       NULL);
  assert_ok (&r);
}

/* --- events ---------------------------------------------------------------------------- */

static void
test_events (Fixture       *f,
             gconstpointer  data)
{
  g_auto(Result) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  gint64 id = open_case (f, "B801200005001", "1");
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *event_text = NULL;
  JsonObject *event;
  JsonArray *events;

  run (&r, f->db, "events", "add", id_text, "--type", "home visit", "--date", "2025-10-02",
       "--time", "09:30", "--duration", "45", "--summary", "Spoke with Mum at home.",
       "--participants", "EWO, Mum", "--next-action", "Home visit to check the routine",
       "--due", "2025-10-09", "--miles", "12.5", "--json", NULL);
  assert_ok (&r);
  event = parse_object (r.out, parser);
  event_text = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (event, "id"));
  g_assert_cmpstr (json_object_get_string_member (event, "type"), ==, "home_visit");
  g_assert_cmpstr (json_object_get_string_member (event, "time"), ==, "09:30");
  g_assert_cmpint (json_object_get_int_member (event, "duration_minutes"), ==, 45);
  g_assert_cmpstr (json_object_get_string_member (event, "next_action_type"), ==, "home_visit");
  g_assert_cmpstr (json_object_get_string_member (event, "next_action_due"), ==, "2025-10-09");
  g_assert_cmpfloat (json_object_get_double_member (event, "miles"), ==, 12.5);
  g_assert_cmpint (json_object_get_int_member (event, "officer_id"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (event, "revision"), ==, 0);

  /* An assessment with its four fields, a meeting with its kind. */
  run (&r, f->db, "events", "add", id_text, "--type", "assessment", "--date", "2025-10-03",
       "--child-views", "Finds mornings hard", "--parent-views", "Wants help",
       "--barriers", "Sleep", "--strengths", "Likes PE", "--json", NULL);
  assert_ok (&r);
  event = parse_object (r.out, parser);
  g_assert_cmpstr (json_object_get_string_member (event, "barriers"), ==, "Sleep");
  run (&r, f->db, "events", "add", id_text, "--type", "meeting", "--meeting-kind", "tac",
       "--date", "2025-10-06", NULL);
  assert_ok (&r);

  /* Refusals: the future (1), an action without a due date (2), negative
   * miles (2), an unknown type (2), a partner on a visit (1). */
  run (&r, f->db, "events", "add", id_text, "--type", "phone_call", "--date", "2025-10-07",
       NULL);
  assert_refused (&r, 1, "future");
  run (&r, f->db, "events", "add", id_text, "--type", "phone_call", "--date", "2025-10-06",
       "--next-action", "Ring back", NULL);
  assert_refused (&r, 2, "--due");
  run (&r, f->db, "events", "add", id_text, "--type", "home_visit", "--date", "2025-10-06",
       "--miles", "-3", NULL);
  assert_refused (&r, 2, "--miles");
  run (&r, f->db, "events", "add", id_text, "--type", "séance", "--date", "2025-10-06", NULL);
  assert_refused (&r, 2, "--type");
  run (&r, f->db, "events", "add", id_text, "--type", "home_visit", "--partner", "camhs",
       "--date", "2025-10-06", NULL);
  assert_refused (&r, 1, "Partner");

  /* A correction keeps the original. */
  run (&r, f->db, "events", "correct", event_text, "--summary", "Spoke with Dad at home.", NULL);
  assert_refused (&r, 2, "--reason");
  run (&r, f->db, "events", "correct", event_text, "--summary", "Spoke with Dad at home.",
       "--reason", "It was Dad", "--json", NULL);
  assert_ok (&r);
  event = parse_object (r.out, parser);
  g_assert_cmpint (json_object_get_int_member (event, "revision"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (event, "summary"), ==,
                   "Spoke with Dad at home.");
  run (&r, f->db, "events", "correct", event_text, "--summary", "Spoke with Dad at home.",
       "--reason", "again", NULL);
  assert_refused (&r, 1, "Nothing was changed");

  /* Completing the action. */
  run (&r, f->db, "events", "done", event_text, NULL);
  assert_ok (&r);
  run (&r, f->db, "events", "done", event_text, NULL);
  assert_refused (&r, 1, "done already");

  run (&r, f->db, "cases", "show", id_text, "--json", "--newest-first", NULL);
  assert_ok (&r);
  events = json_object_get_array_member (parse_object (r.out, parser), "events");
  g_assert_cmpuint (json_array_get_length (events), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (events, 0),
                                                  "meeting_kind"), ==, "tac");
  event = json_array_get_object_element (events, 2);
  g_assert_cmpstr (json_object_get_string_member (event, "summary"), ==,
                   "Spoke with Dad at home.");
  g_assert_false (json_object_get_null_member (event, "action_done_at"));
}

/* --- queue, caseload, mileage ---------------------------------------------------------- */

static void
test_queue_and_caseload (Fixture       *f,
                         gconstpointer  data)
{
  g_auto(Result) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  gint64 amy = open_case (f, "B801200005001", "1");
  gint64 cai = open_case (f, "G80120000101A", "1");
  g_autofree char *amy_text = g_strdup_printf ("%" G_GINT64_FORMAT, amy);
  g_autofree char *cai_text = g_strdup_printf ("%" G_GINT64_FORMAT, cai);
  JsonArray *items, *rows;
  JsonObject *item;

  run (&r, f->db, "events", "add", amy_text, "--type", "letter", "--date", "2025-09-20",
       "--next-action", "Phone Mum", "--due", "2025-10-01", NULL);
  assert_ok (&r);
  run (&r, f->db, "events", "add", cai_text, "--type", "phone_call", "--date", "2025-09-25",
       "--next-action", "Write to Dad", "--due", "2025-09-29", NULL);
  assert_ok (&r);
  run (&r, f->db, "events", "add", cai_text, "--type", "note", "--date", "2025-10-06",
       "--next-action", "Visit school", "--due", "2025-11-20", NULL);
  assert_ok (&r);

  run (&r, f->db, "queue", "--officer", "1", "--json", NULL);
  assert_ok (&r);
  items = parse_array (r.out, parser);
  g_assert_cmpuint (json_array_get_length (items), ==, 3);
  item = json_array_get_object_element (items, 0);
  g_assert_cmpstr (json_object_get_string_member (item, "kind"), ==, "letter");
  g_assert_cmpstr (json_object_get_string_member (item, "due_date"), ==, "2025-09-29");
  g_assert_true (json_object_get_boolean_member (item, "overdue"));
  g_assert_cmpstr (json_object_get_string_member (item, "pupil_name"), ==, "Cai Jones");
  item = json_array_get_object_element (items, 1);
  g_assert_cmpstr (json_object_get_string_member (item, "kind"), ==, "action");
  g_assert_cmpstr (json_object_get_string_member (item, "text"), ==, "Phone Mum");
  item = json_array_get_object_element (items, 2);
  g_assert_cmpstr (json_object_get_string_member (item, "kind"), ==, "visit");
  g_assert_false (json_object_get_boolean_member (item, "overdue"));
  run (&r, f->db, "queue", "--officer", "2", "--json", NULL);
  assert_ok (&r);
  g_assert_cmpuint (json_array_get_length (parse_array (r.out, parser)), ==, 0);
  run (&r, f->db, "queue", "--officer", "9", NULL);
  assert_refused (&r, 1, "no officer 9");

  run (&r, f->db, "caseload", "--officer", "1", "--json", NULL);
  assert_ok (&r);
  rows = parse_array (r.out, parser);
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (json_object_get_int_member (row, "case_id") == cai)
        {
          g_assert_cmpstr (json_object_get_string_member (row, "last_contact"), ==,
                           "2025-09-25");
          g_assert_cmpstr (json_object_get_string_member (row, "next_action"), ==,
                           "Write to Dad");
          g_assert_true (json_object_get_boolean_member (row, "overdue"));
          g_assert_true (json_object_get_null_member (row, "attendance_percent"));
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (row, "trend")),
                            ==, 4);
        }
    }
  run (&r, f->db, "caseload", "--officer", "one", NULL);
  assert_refused (&r, 2, "--officer");
}

static void
test_mileage (Fixture       *f,
              gconstpointer  data)
{
  g_auto(Result) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  gint64 amy = open_case (f, "B801200005001", "1");
  g_autofree char *amy_text = g_strdup_printf ("%" G_GINT64_FORMAT, amy);
  g_autofree char *expected = NULL;
  JsonObject *report;

  run (&r, f->db, "events", "add", amy_text, "--type", "home_visit", "--date", "2025-09-03",
       "--miles", "12.5", NULL);
  assert_ok (&r);
  run (&r, f->db, "events", "add", amy_text, "--type", "school_visit", "--date", "2025-09-15",
       "--miles", "4", NULL);
  assert_ok (&r);
  run (&r, f->db, "events", "add", amy_text, "--type", "home_visit", "--date", "2025-10-01",
       "--miles", "7.2", NULL);
  assert_ok (&r);

  run (&r, f->db, "mileage", "--officer", "1", "--month", "2025-09", "--csv", NULL);
  assert_ok (&r);
  expected = g_strdup_printf ("date,case,type,miles\n"
                              "2025-09-03,%" G_GINT64_FORMAT ",home_visit,12.5\n"
                              "2025-09-15,%" G_GINT64_FORMAT ",school_visit,4.0\n"
                              "total,,,16.5\n", amy, amy);
  g_assert_cmpstr (r.out, ==, expected);

  run (&r, f->db, "mileage", "--officer", "1", "--month", "2025-09", "--json", NULL);
  assert_ok (&r);
  report = parse_object (r.out, parser);
  g_assert_cmpfloat (json_object_get_double_member (report, "total_miles"), ==, 16.5);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "entries")), ==,
                    2);

  run (&r, f->db, "mileage", "--officer", "1", "--month", "2025-10", NULL);
  assert_ok (&r);
  g_assert_nonnull (strstr (r.out, "Total"));
  g_assert_nonnull (strstr (r.out, "7.2"));

  run (&r, f->db, "mileage", "--officer", "1", "--month", "September", NULL);
  assert_refused (&r, 2, "YYYY-MM");
  run (&r, f->db, "mileage", "--month", "2025-09", NULL);
  assert_refused (&r, 2, "--officer");
  run (&r, f->db, "mileage", "--officer", "7", "--month", "2025-09", NULL);
  assert_refused (&r, 1, "no officer 7");
}

static void
test_demo_cases (Fixture       *f,
                 gconstpointer  data)
{
  g_auto(Result) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *db = g_build_filename (f->dir, "demo.db", NULL);
  JsonArray *cases;
  guint closed = 0;

  run (&r, db, "init", NULL);
  assert_ok (&r);
  run (&r, db, "demo", "--schools", "3", "--pupils", "400", NULL);
  assert_ok (&r);
  run (&r, db, "cases", "list", "--json", NULL);
  assert_ok (&r);
  cases = parse_array (r.out, parser);
  g_assert_cmpuint (json_array_get_length (cases), >, 10);
  g_assert_cmpuint (json_array_get_length (cases), <=, 40);
  for (guint i = 0; i < json_array_get_length (cases); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (cases, i),
                                                    "status"), "closed"))
      closed++;
  g_assert_cmpuint (closed, >, 0);
  g_assert_cmpuint (closed, <, json_array_get_length (cases));
  run (&r, db, "check", NULL);
  assert_ok (&r);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("CASELOAD_TODAY", "2025-10-06", TRUE);

  if (cli_path () == NULL || !g_file_test (cli_path (), G_FILE_TEST_IS_EXECUTABLE))
    {
      g_print ("1..0 # SKIP CASELOAD_CLI does not name the built caseload-cli\n");
      return 0;
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cli-casework/officers", test_officers);
  ADD ("/cli-casework/cases", test_cases);
  ADD ("/cli-casework/events", test_events);
  ADD ("/cli-casework/queue-and-caseload", test_queue_and_caseload);
  ADD ("/cli-casework/mileage", test_mileage);
  ADD ("/cli-casework/demo", test_demo_cases);
#undef ADD

  return g_test_run ();
}
