/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cli-runner.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <poppler.h>
#include <string.h>

/* poppler-glib 22.12 declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* Runs the built caseload-cli (CASELOAD_CLI) on a small demo authority and
 * checks the document commands as a script would see them. */

typedef struct
{
  char *dir;
  char *db;
  char *urn;    /* a secondary school of the demo */
  char *upn;    /* a pupil there */
  char *upns;   /* five pupils there, comma-separated */
} Fixture;

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static char *
pdf_text (const char *path,
          int        *out_pages)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) doc = poppler_document_new_from_file (uri, NULL, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_string_append (out, text);
    }
  if (out_pages != NULL)
    *out_pages = poppler_document_get_n_pages (doc);
  return g_string_free (out, FALSE);
}

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_auto(Result) r = { 0 };
  g_autoptr(JsonNode) schools = NULL;
  g_autoptr(JsonNode) pupils = NULL;
  JsonArray *array;

  f->dir = g_dir_make_tmp ("caseload-cli-documents-XXXXXX", NULL);
  f->db = g_build_filename (f->dir, "caseload.db", NULL);
  run (&r, f->db, "init", NULL);
  assert_ok (&r);
  result_clear (&r);
  run (&r, f->db, "demo", "--schools", "3", "--pupils", "400", "--seed", "5", NULL);
  assert_ok (&r);
  result_clear (&r);
  run (&r, f->db, "letterhead", "--authority", "Testshire Council", "--service",
       "Education Welfare Service", "--address", "County Hall, Testtown, TT1 1AA", NULL);
  assert_ok (&r);
  g_assert_nonnull (strstr (r.out, "Testshire Council"));
  result_clear (&r);

  /* The school with most pupils, and its pupil with the lowest attendance. */
  run (&r, f->db, "schools", "list", "--json", NULL);
  assert_ok (&r);
  schools = parse_json (r.out);
  array = json_node_get_array (schools);
  {
    gint64 best = -1;

    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonObject *o = json_array_get_object_element (array, i);
        gint64 n = json_object_get_int_member (o, "pupils");
        if (n > best)
          {
            best = n;
            g_free (f->urn);
            f->urn = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (o, "urn"));
          }
      }
  }
  result_clear (&r);
  run (&r, f->db, "pupils", "list", "--school", f->urn, "--json", NULL);
  assert_ok (&r);
  pupils = parse_json (r.out);
  array = json_node_get_array (pupils);
  g_assert_cmpuint (json_array_get_length (array), >, 10);
  f->upn = g_strdup (json_object_get_string_member (json_array_get_object_element (array, 0),
                                                    "upn"));
  {
    GString *s = g_string_new (NULL);

    for (guint i = 0; i < 5; i++)
      g_string_append_printf (s, "%s%s", i > 0 ? "," : "",
                              json_object_get_string_member (json_array_get_object_element (array,
                                                                                            i),
                                                             "upn"));
    f->upns = g_string_free (s, FALSE);
  }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->urn);
  g_free (f->upn);
  g_free (f->upns);
}

/* --- templates --------------------------------------------------------------------------- */

static void
test_templates (Fixture       *f,
                gconstpointer  data)
{
  g_auto(Result) r = { 0 };
  g_autofree char *file = path_in (f, "concern.txt");
  g_autofree char *bad = path_in (f, "bad.txt");
  g_autofree char *contents = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(JsonNode) list = NULL;
  const char *names[] = {
    "attendance-concern", "attendance-concern-bilingual", "attendance-contract",
    "attendance-meeting", "home-visit-card", "notice-to-improve", "penalty-notice-warning",
  };

  run (&r, f->db, "templates", "list", NULL);
  assert_ok (&r);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_nonnull (strstr (r.out, names[i]));
  result_clear (&r);
  run (&r, f->db, "templates", "list", "--json", NULL);
  assert_ok (&r);
  list = parse_json (r.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, G_N_ELEMENTS (names));
  result_clear (&r);

  run (&r, f->db, "templates", "show", "notice-to-improve", NULL);
  assert_ok (&r);
  g_assert_true (g_str_has_prefix (r.out, "Name: notice-to-improve\n"));
  g_assert_nonnull (strstr (r.out, "\n---\n"));
  g_assert_nonnull (strstr (r.out, "{improvement.weeks}"));
  result_clear (&r);

  /* Export, change and import under a new name. */
  run (&r, f->db, "templates", "export", "attendance-concern", file, NULL);
  assert_ok (&r);
  result_clear (&r);
  g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
  {
    GString *s = g_string_new (contents);
    g_string_replace (s, "Name: attendance-concern", "Name: second-concern", 1);
    g_string_replace (s, "Dear {guardian.title}", "Dear, dear {guardian.title}", 1);
    changed = g_string_free (s, FALSE);
  }
  g_assert_true (g_file_set_contents (file, changed, -1, NULL));
  run (&r, f->db, "templates", "import", file, NULL);
  assert_ok (&r);
  g_assert_nonnull (strstr (r.out, "second-concern"));
  result_clear (&r);
  run (&r, f->db, "templates", "show", "second-concern", NULL);
  assert_ok (&r);
  g_assert_nonnull (strstr (r.out, "Dear, dear"));
  result_clear (&r);

  /* An unknown placeholder: FILE:LINE: message, and nothing imported. */
  g_assert_true (g_file_set_contents (bad, "Name: bad-one\nTitle: Hi {pupil.forename}\n---\n"
                                           "Dear {guardian.name},\n\n{pupil.nmae} missed "
                                           "school.\n", -1, NULL));
  run (&r, f->db, "templates", "import", bad, NULL);
  g_assert_cmpint (r.status, ==, 1);
  expected = g_strdup_printf ("%s:6: unknown placeholder {pupil.nmae}", bad);
  g_assert_nonnull (strstr (r.err, expected));
  result_clear (&r);
  run (&r, f->db, "templates", "show", "bad-one", NULL);
  g_assert_cmpint (r.status, ==, 1);
  result_clear (&r);

  run (&r, f->db, "templates", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "import"));
}

/* --- letters ----------------------------------------------------------------------------- */

static void
test_letters (Fixture       *f,
              gconstpointer  data)
{
  g_auto(Result) r = { 0 };
  g_autofree char *dir = path_in (f, "letters");
  g_autofree char *dir2 = path_in (f, "below");
  g_autofree char *one = path_in (f, "all.pdf");
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint n_files = 0;
  int pages = 0;

  run (&r, f->db, "letters", "--template", "attendance-concern", "--upn", f->upns, "--out", dir,
       NULL);
  assert_ok (&r);
  g_assert_nonnull (strstr (r.out, "Kept"));
  result_clear (&r);
  d = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = pdf_text (path, NULL);

      g_assert_true (g_str_has_prefix (name, "attendance-concern-"));
      g_assert_true (g_str_has_suffix (name, ".pdf"));
      g_assert_null (strchr (text, '{'));
      g_assert_nonnull (strstr (text, "Testshire Council"));
      n_files++;
    }
  g_assert_cmpuint (n_files, >=, 1);

  /* Every pupil below 90 % at the school, into one file, as drafts. */
  run (&r, f->db, "letters", "--template", "attendance-meeting", "--school", f->urn, "--below",
       "90", "--value", "meeting.date=2026-03-26", "--value", "meeting.time=10:30am",
       "--value", "meeting.place=the school", "--out", one, "--one-file", "--draft", "--json",
       NULL);
  assert_ok (&r);
  json = parse_json (r.out);
  {
    JsonObject *o = json_node_get_object (json);
    g_autofree char *text = pdf_text (one, &pages);

    g_assert_cmpint (json_object_get_int_member (o, "letters"), >, 0);
    g_assert_cmpint (json_object_get_int_member (o, "kept_as_sent"), ==, 0);
    g_assert_cmpint (pages, >=, json_object_get_int_member (o, "letters"));
    g_assert_null (strchr (text, '{'));
    g_assert_nonnull (strstr (text, "Thursday 26 March 2026"));
  }
  result_clear (&r);

  /* Usage errors say what is wrong and change nothing. */
  run (&r, f->db, "letters", "--upn", f->upn, "--out", dir2, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--template"));
  result_clear (&r);
  run (&r, f->db, "letters", "--template", "attendance-concern", "--upn", f->upn, "--school",
       f->urn, "--below", "90", "--out", dir2, NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  run (&r, f->db, "letters", "--template", "attendance-concern", "--school", f->urn, "--out",
       dir2, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--below"));
  result_clear (&r);
  run (&r, f->db, "letters", "--template", "attendance-concern", "--upn", f->upn, "--out", dir2,
       "--one-file", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, ".pdf"));
  result_clear (&r);
  run (&r, f->db, "letters", "--template", "no-such-letter", "--upn", f->upn, "--out", dir2, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "no-such-letter"));
  result_clear (&r);
  run (&r, f->db, "letters", "--template", "attendance-concern", "--upn", "A999999999999",
       "--out", dir2, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "A999999999999"));
  g_assert_false (g_file_test (dir2, G_FILE_TEST_EXISTS));
}

/* --- report ------------------------------------------------------------------------------ */

static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_auto(Result) r = { 0 };
  g_autofree char *anon = path_in (f, "governors.pdf");
  g_autofree char *named = path_in (f, "governors-named.pdf");
  g_autofree char *text = NULL;
  g_autofree char *named_text = NULL;
  int pages = 0;

  run (&r, f->db, "report", "governors", "--school", f->urn, "--term", "spring-2026", "--out",
       anon, "--commentary", "A steady term.", NULL);
  assert_ok (&r);
  g_assert_nonnull (strstr (r.out, "pages"));
  result_clear (&r);
  text = pdf_text (anon, &pages);
  g_assert_cmpint (pages, >=, 3);
  g_assert_nonnull (strstr (text, "Attendance report to governors"));
  g_assert_nonnull (strstr (text, "A steady term."));
  g_assert_nonnull (strstr (text, "Pupil A"));
  g_assert_null (strchr (text, '{'));

  run (&r, f->db, "report", "governors", "--school", f->urn, "--term", "2026-spring", "--out",
       named, "--names", NULL);
  assert_ok (&r);
  result_clear (&r);
  named_text = pdf_text (named, NULL);
  g_assert_null (strstr (named_text, "Pupil A"));
  g_assert_nonnull (strstr (named_text, "OFFICIAL-SENSITIVE"));

  run (&r, f->db, "report", "governors", "--school", f->urn, "--term", "winter-2026", "--out",
       anon, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--term"));
  result_clear (&r);
  run (&r, f->db, "report", "governors", "--school", f->urn, "--term", "summer-2026", "--out",
       anon, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "not started"));
}

/* --- chart ------------------------------------------------------------------------------- */

static void
test_chart (Fixture       *f,
            gconstpointer  data)
{
  const char *kinds[] = { "trend", "calendar", "weekday", "bands", "persistence", "groups" };
  const char *formats[] = { "png", "svg", "pdf" };
  g_auto(Result) r = { 0 };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *name = g_strdup_printf ("%s.%s", kinds[k], formats[k % 3]);
      g_autofree char *out = path_in (f, name);
      g_autofree char *contents = NULL;
      gsize len;

      run (&r, f->db, "chart", kinds[k], "--school", f->urn, "--out", out, NULL);
      assert_ok (&r);
      g_assert_cmpuint (strlen (r.out), >, 20);   /* the description */
      result_clear (&r);
      g_assert_true (g_file_get_contents (out, &contents, &len, NULL));
      g_assert_cmpuint (len, >, 500);
      if (k % 3 == 0)
        g_assert_true (memcmp (contents, "\x89PNG", 4) == 0);
      else if (k % 3 == 1)
        g_assert_nonnull (strstr (contents, "<svg"));
      else
        g_assert_true (memcmp (contents, "%PDF-", 5) == 0);
    }

  {
    g_autofree char *out = path_in (f, "pupil-calendar.png");

    run (&r, f->db, "chart", "calendar", "--upn", f->upn, "--out", out, "--dark", "--width",
         "1200", "--height", "500", NULL);
    assert_ok (&r);
    g_assert_nonnull (strstr (r.out, "Session calendar"));
    result_clear (&r);
    run (&r, f->db, "chart", "bands", "--upn", f->upn, "--out", out, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "school"));
    result_clear (&r);
    run (&r, f->db, "chart", "pie", "--school", f->urn, "--out", out, NULL);
    g_assert_cmpint (r.status, ==, 2);
    result_clear (&r);
    run (&r, f->db, "chart", "trend", "--school", f->urn, "--out", "trend.gif", NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, ".png"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("CASELOAD_TODAY", "2026-03-20", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-documents/templates", Fixture, NULL, fixture_setup, test_templates,
              fixture_teardown);
  g_test_add ("/cli-documents/letters", Fixture, NULL, fixture_setup, test_letters,
              fixture_teardown);
  g_test_add ("/cli-documents/report", Fixture, NULL, fixture_setup, test_report,
              fixture_teardown);
  g_test_add ("/cli-documents/chart", Fixture, NULL, fixture_setup, test_chart,
              fixture_teardown);
  return g_test_run ();
}
