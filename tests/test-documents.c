/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "attendance/cl-attendance-stats.h"
#include "attendance/cl-code-table.h"
#include "attendance/cl-register-repository.h"
#include "casework/cl-case-repository.h"
#include "documents/cl-document.h"
#include "documents/cl-documents-error.h"
#include "documents/cl-documents-private.h"
#include "documents/cl-governors-report.h"
#include "documents/cl-letter.h"
#include "documents/cl-mail-merge.h"
#include "documents/cl-placeholders.h"
#include "documents/cl-sent-document.h"
#include "documents/cl-template-repository.h"
#include "people/cl-demo.h"
#include "people/cl-officer-repository.h"
#include "people/cl-pupil-repository.h"
#include "people/cl-school-repository.h"
#include "store/cl-audit.h"
#include "store/cl-dates.h"

#include "pdf-reader.h"


/* PDF tests: documents are read back with poppler-glib. Every date is
 * relative to CASELOAD_TODAY, fixed at 20 March 2026 (a Friday in the
 * spring term) in main(). */

#define TODAY "2026-03-20"

typedef struct
{
  ClDatabase *db;
  char       *dir;
  char       *db_path;
  gint64      school_id;
  gint64      officer_id;
  gint64      pupil_a;     /* Quillon Thistlewood: two parents with PR and a grandparent without */
  gint64      pupil_b;     /* Zephyrine Marchbanks: one parent, attends well */
  gint64      mum_id;
  gint64      dad_id;
  gint64      gran_id;
} Fixture;

/* --- reading PDFs ---------------------------------------------------------------------- */

/* Poppler joins lines with newlines: compare with runs of white space as one space. */
static char *
squash (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  g_autofree char *a = squash (haystack);
  g_autofree char *b = squash (needle);

  return strstr (a, b) != NULL;
}

static guint
count_of (const char *haystack,
          const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* --- fixture --------------------------------------------------------------------------- */

static gint64
add_guardian (ClPupilRepository *pupils,
              gint64             pupil_id,
              const char        *title,
              const char        *forename,
              const char        *surname,
              const char        *address,
              gboolean           pr)
{
  g_autoptr(ClGuardian) g = cl_guardian_new ();
  g_autoptr(GError) error = NULL;

  cl_guardian_set_text (g, CL_GUARDIAN_TITLE, title);
  cl_guardian_set_text (g, CL_GUARDIAN_FORENAME, forename);
  cl_guardian_set_text (g, CL_GUARDIAN_SURNAME, surname);
  cl_guardian_set_text (g, CL_GUARDIAN_ADDRESS, address);
  cl_guardian_set_text (g, CL_GUARDIAN_POSTCODE, "NT1 4AB");
  cl_guardian_set_text (g, CL_GUARDIAN_RELATIONSHIP, pr ? "parent" : "grandparent");
  cl_guardian_set_parental_responsibility (g, pr);
  g_assert_true (cl_pupil_repository_link_guardian (pupils, pupil_id, g, &error));
  g_assert_no_error (error);
  return cl_guardian_get_id (g);
}

static gint64
add_pupil (ClPupilRepository *pupils,
           gint64             school_id,
           const char        *upn,
           const char        *forename,
           const char        *surname)
{
  g_autoptr(ClPupil) pupil = cl_pupil_new ();
  g_autoptr(GError) error = NULL;

  cl_pupil_set_text (pupil, CL_PUPIL_UPN, upn);
  cl_pupil_set_text (pupil, CL_PUPIL_LEGAL_FORENAME, forename);
  cl_pupil_set_text (pupil, CL_PUPIL_LEGAL_SURNAME, surname);
  cl_pupil_set_text (pupil, CL_PUPIL_DOB, "2013-05-04");
  cl_pupil_set_text (pupil, CL_PUPIL_SEX, "M");
  g_assert_true (cl_pupil_repository_insert (pupils, pupil, school_id, "2024-09-02", &error));
  g_assert_no_error (error);
  return cl_pupil_get_id (pupil);
}

/* A year of present marks on every weekday, then absences on the given
 * weekdays (0 = Monday) from absent_from with the code absent_code. */
static ClRegister *
make_register (ClCodeTable *codes,
               gint64       pupil_id,
               gint64       school_id,
               int          year,
               const char  *to,
               const char  *absent_from,
               guint        absent_days,
               const char  *absent_code)
{
  g_autofree char *from = g_strdup_printf ("%d-09-01", year);
  ClRegister *reg = cl_register_new (pupil_id, school_id, year);
  guint8 am = cl_code_table_lookup (codes, CL_CODE_SET_ENGLAND_2024, "/", NULL);
  guint8 pm = cl_code_table_lookup (codes, CL_CODE_SET_ENGLAND_2024, "\\", NULL);
  guint8 absent = cl_code_table_lookup (codes, CL_CODE_SET_ENGLAND_2024, absent_code, NULL);
  GDate d, end;

  g_assert_cmpuint (am, !=, 0);
  g_assert_cmpuint (pm, !=, 0);
  g_assert_cmpuint (absent, !=, 0);
  cl_register_fill (reg, from, to, am, pm, TRUE);
  if (absent_from == NULL)
    return reg;
  g_assert_true (cl_date_parse (absent_from, &d));
  g_assert_true (cl_date_parse (to, &end));
  for (; g_date_compare (&d, &end) <= 0; g_date_add_days (&d, 1))
    {
      guint wd = g_date_get_weekday (&d) - 1;
      char iso[11];

      if (wd < 5 && (absent_days & (1u << wd)))
        {
          cl_date_format_iso (&d, iso);
          cl_register_set_mark_on (reg, iso, FALSE, absent);
          cl_register_set_mark_on (reg, iso, TRUE, absent);
        }
    }
  return reg;
}

static void
fill_fixture (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSchoolRepository) schools = cl_school_repository_new (f->db);
  g_autoptr(ClPupilRepository) pupils = cl_pupil_repository_new (f->db);
  g_autoptr(ClOfficerRepository) officers = cl_officer_repository_new (f->db);
  g_autoptr(ClOfficer) officer = cl_officer_new ();
  g_autoptr(ClSchool) school = cl_school_new ();
  g_autoptr(ClCodeTable) codes = NULL;
  g_autoptr(GPtrArray) registers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(ClLetterhead) lh = cl_letterhead_new ();

  cl_officer_set_name (officer, "Ottilie Brackenbury");
  cl_officer_set_role (officer, "ewo");
  cl_officer_set_email (officer, "o.brackenbury@testshire.example.gov.uk");
  cl_officer_set_phone (officer, "01632 960777");
  g_assert_true (cl_officer_repository_insert (officers, officer, &error));
  g_assert_no_error (error);
  f->officer_id = cl_officer_get_id (officer);

  cl_school_set_number (school, CL_SCHOOL_URN, 123456);
  cl_school_set_number (school, CL_SCHOOL_LA_CODE, 801);
  cl_school_set_number (school, CL_SCHOOL_ESTAB, 4001);
  cl_school_set_text (school, CL_SCHOOL_NAME, "Oakfield Academy");
  cl_school_set_text (school, CL_SCHOOL_TYPE, "academy");
  cl_school_set_text (school, CL_SCHOOL_PHASE, "secondary");
  cl_school_set_text (school, CL_SCHOOL_ADDRESS, "Oak Road, Northtown");
  cl_school_set_text (school, CL_SCHOOL_POSTCODE, "NT2 6CD");
  cl_school_set_text (school, CL_SCHOOL_HEAD_TEACHER, "Mrs Helen Ward");
  cl_school_set_link_officer (school, f->officer_id, "Ottilie Brackenbury");
  g_assert_true (cl_school_repository_insert (schools, school, &error));
  g_assert_no_error (error);
  f->school_id = cl_school_get_id (school);

  f->pupil_a = add_pupil (pupils, f->school_id, "B801200005001", "Quillon", "Thistlewood");
  f->pupil_b = add_pupil (pupils, f->school_id, "H801200001001", "Zephyrine", "Marchbanks");
  f->mum_id = add_guardian (pupils, f->pupil_a, "Mrs", "Rosalind", "Thistlewood",
                            "12 Mill Lane, Northtown", TRUE);
  /* Parents living apart: each gets a letter at their own address. */
  f->dad_id = add_guardian (pupils, f->pupil_a, "Mr", "Barnaby", "Fennimore",
                            "Flat 3, 40 Quay Street & Dock Road, Porthaven", TRUE);
  f->gran_id = add_guardian (pupils, f->pupil_a, "Mrs", "Edith", "Thistlewood",
                             "1 Almshouse Row, Northtown", FALSE);
  add_guardian (pupils, f->pupil_b, "Dr", "Cassius", "Marchbanks", "7 High Street, Northtown",
                TRUE);

  codes = cl_code_table_load (f->db, &error);
  g_assert_no_error (error);
  /* Pupil A: unauthorised absence every Monday and Tuesday of the spring
   * term; both pupils present all last year but pupil A's Fridays. */
  g_ptr_array_add (registers, make_register (codes, f->pupil_a, f->school_id, 2025, TODAY,
                                             "2026-01-05", 0x3, "O"));
  g_ptr_array_add (registers, make_register (codes, f->pupil_b, f->school_id, 2025, TODAY,
                                             "2026-03-02", 0x10, "I"));
  g_ptr_array_add (registers, make_register (codes, f->pupil_a, f->school_id, 2024,
                                             "2025-07-18", "2025-01-06", 0x10, "O"));
  g_ptr_array_add (registers, make_register (codes, f->pupil_b, f->school_id, 2024,
                                             "2025-07-18", NULL, 0, "O"));
  g_assert_true (cl_register_store_many (f->db, registers, &error));
  g_assert_no_error (error);

  lh->authority = g_strdup ("Testshire Council");
  lh->service = g_strdup ("Education Welfare Service");
  lh->address = g_strdup ("County Hall\nTesttown\nTT1 1AA");
  lh->phone = g_strdup ("01632 960000");
  g_assert_true (cl_letterhead_save (lh, f->db, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("caseload-documents-XXXXXX", &error);
  g_assert_no_error (error);
  if (GPOINTER_TO_INT (data) == 1)
    {
      f->db_path = g_build_filename (f->dir, "caseload.db", NULL);
      f->db = cl_database_open (f->db_path, &error);
    }
  else
    f->db = cl_database_open_memory (&error);
  g_assert_no_error (error);
  cl_database_set_actor (f->db, "tester");
  fill_fixture (f);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->db);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
}

static char *
expected_percent (ClDatabase *db,
                  gint64      pupil_id)
{
  g_autoptr(GError) error = NULL;
  ClAttendanceSummary s;

  g_assert_true (cl_attendance_summary_for_pupil (db, pupil_id, "2025-09-01", TODAY, &s, &error));
  g_assert_no_error (error);
  return g_strdup_printf ("%.1f%%", round (s.attendance_percent * 10.0) / 10.0);
}

static int
count_rows (ClDatabase *db,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = cl_database_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

/* --- the layout engine ------------------------------------------------------------------- */

static ClDocument *
table_document (guint n_rows)
{
  ClDocument *doc = cl_document_new ();
  g_autoptr(ClDocumentTable) table = cl_document_table_new (3);
  g_autoptr(ClLetterhead) lh = cl_letterhead_new ();

  lh->authority = g_strdup ("Testshire Council");
  cl_document_set_letterhead (doc, lh);
  cl_document_set_title (doc, "A long table");
  cl_document_add_heading (doc, 1, "A long table");
  cl_document_add_text (doc, "The rows below must split over pages with their header.",
                        CL_DOCUMENT_ALIGN_LEFT);
  cl_document_table_set_column (table, 0, "Row label", 2, CL_DOCUMENT_ALIGN_LEFT);
  cl_document_table_set_column (table, 1, "Sessions", 1, CL_DOCUMENT_ALIGN_RIGHT);
  cl_document_table_set_column (table, 2, "Notes", 3, CL_DOCUMENT_ALIGN_LEFT);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *label = g_strdup_printf ("Row %03u", i + 1);
      g_autofree char *sessions = g_strdup_printf ("%u", i * 3);
      /* Every seventh row wraps onto three lines: rows differ in height. */
      const char *notes = i % 7 == 0 ? "A longer note that wraps onto more than one line in "
                                       "this narrow column, so that the row is taller than "
                                       "the others"
                                     : "short";
      const char *cells[] = { label, sessions, notes };
      cl_document_table_add_row (table, cells);
    }
  cl_document_add_table (doc, table);
  cl_document_add_heading (doc, 2, "After the table");
  cl_document_add_text (doc, "The end.", CL_DOCUMENT_ALIGN_LEFT);
  return doc;
}

static void
test_table_pages (void)
{
  g_autoptr(ClDocument) doc = table_document (200);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) pdoc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n;

  n = cl_document_get_n_pages (doc);
  g_assert_cmpuint (n, >, 3);
  pdf = cl_document_to_pdf (doc, &error);
  g_assert_no_error (error);
  pdoc = open_pdf (pdf);
  g_assert_cmpint (poppler_document_get_n_pages (pdoc), ==, (int) n);

  for (guint p = 0; p < n; p++)
    {
      g_autofree char *page = page_text (pdoc, (int) p);
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", p + 1, n);

      /* The header row on every page the table runs onto. */
      g_assert_true (contains (page, "Row label"));
      g_assert_true (contains (page, "Sessions"));
      g_assert_true (contains (page, footer));
      g_assert_false (strchr (page, '{') != NULL);
    }
  /* Every row once, none lost or doubled, in order; no row split in two. */
  text = all_text (pdoc);
  for (guint i = 1; i <= 200; i++)
    {
      g_autofree char *label = g_strdup_printf ("Row %03u", i);
      g_assert_cmpuint (count_of (text, label), ==, 1);
    }
  for (guint p = 0; p < n; p++)
    {
      g_autofree char *page = page_text (pdoc, (int) p);
      /* A wrapped note is whole on the page that has its row. */
      g_assert_cmpuint (count_of (page, "A longer note"), ==, count_of (page, "the others"));
    }
  g_assert_true (contains (text, "The end."));
}

static void
test_metadata_outline (void)
{
  g_autoptr(ClDocument) doc = table_document (120);
  g_autoptr(GDateTime) created = g_date_time_new_utc (2026, 3, 20, 9, 30, 0);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) pdoc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL, *author = NULL, *subject = NULL;
  PopplerIndexIter *iter;
  g_autoptr(GPtrArray) outline = NULL;
  guint n_entries = 0;
  gboolean found_after = FALSE;

  cl_document_set_author (doc, "Ottilie Brackenbury");
  cl_document_set_subject (doc, "Testing the engine");
  cl_document_set_creation_date (doc, created);
  pdf = cl_document_to_pdf (doc, &error);
  g_assert_no_error (error);
  pdoc = open_pdf (pdf);

  title = poppler_document_get_title (pdoc);
  author = poppler_document_get_author (pdoc);
  subject = poppler_document_get_subject (pdoc);
  g_assert_cmpstr (title, ==, "A long table");
  g_assert_cmpstr (author, ==, "Ottilie Brackenbury");
  g_assert_cmpstr (subject, ==, "Testing the engine");
  g_assert_cmpint (poppler_document_get_creation_date (pdoc), ==,
                   g_date_time_to_unix (created));

  /* The outline holds the headings, with the right pages. */
  outline = cl_document_get_outline (doc);
  g_assert_cmpuint (outline->len, ==, 2);
  g_assert_cmpuint (((ClDocumentOutlineEntry *) g_ptr_array_index (outline, 0))->page, ==, 0);
  g_assert_cmpuint (((ClDocumentOutlineEntry *) g_ptr_array_index (outline, 1))->page, ==,
                    cl_document_get_n_pages (doc) - 1);
  iter = poppler_index_iter_new (pdoc);
  g_assert_nonnull (iter);
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child = poppler_index_iter_get_child (iter);

      g_assert_cmpint (action->type, ==, POPPLER_ACTION_GOTO_DEST);
      g_assert_cmpstr (action->any.title, ==, "A long table");
      n_entries++;
      g_assert_nonnull (child);
      do
        {
          PopplerAction *a = poppler_index_iter_get_action (child);
          if (g_strcmp0 (a->any.title, "After the table") == 0)
            found_after = TRUE;
          poppler_action_free (a);
        }
      while (poppler_index_iter_next (child));
      poppler_index_iter_free (child);
      poppler_action_free (action);
    }
  while (poppler_index_iter_next (iter));
  poppler_index_iter_free (iter);
  g_assert_cmpuint (n_entries, ==, 1);
  g_assert_true (found_after);
}

static void
test_paragraphs_and_render (void)
{
  g_autoptr(ClDocument) doc = cl_document_new ();
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) pdoc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n, dark = 0;

  /* Paragraphs long enough to break across pages between lines. */
  for (guint p = 0; p < 12; p++)
    {
      g_string_truncate (markup, 0);
      for (guint s = 0; s < 14; s++)
        g_string_append_printf (markup, "Sentence %u.%u says something about attendance &amp; "
                                "<b>support</b>. ", p, s);
      cl_document_add_paragraph (doc, markup->str, p % 2 ? CL_DOCUMENT_ALIGN_JUSTIFY
                                                         : CL_DOCUMENT_ALIGN_LEFT);
    }
  cl_document_add_bullet (doc, "A bullet point");
  /* Invalid markup is shown as text, not lost. */
  cl_document_add_paragraph (doc, "Broken <b>markup", CL_DOCUMENT_ALIGN_LEFT);
  cl_document_add_signature (doc, "Ottilie Brackenbury", "Education welfare officer", NULL);
  n = cl_document_get_n_pages (doc);
  g_assert_cmpuint (n, >=, 2);
  pdf = cl_document_to_pdf (doc, &error);
  g_assert_no_error (error);
  pdoc = open_pdf (pdf);
  text = all_text (pdoc);
  for (guint p = 0; p < 12; p++)
    for (guint s = 0; s < 14; s++)
      {
        g_autofree char *needle = g_strdup_printf ("Sentence %u.%u says", p, s);
        g_assert_cmpuint (count_of (text, needle), ==, 1);
      }
  g_assert_true (contains (text, "attendance & support"));
  g_assert_true (contains (text, "Broken <b>markup"));
  g_assert_true (contains (text, "Ottilie Brackenbury"));

  /* The same renderer draws on an image surface (the preview's path). */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 298, 421);
  cr = cairo_create (surface);
  cairo_scale (cr, 0.5, 0.5);
  cl_document_render_page (doc, cr, 0);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (int y = 0; y < 421; y++)
    for (int x = 0; x < 298; x++)
      {
        guint32 px = ((guint32 *) (cairo_image_surface_get_data (surface)
                                   + y * cairo_image_surface_get_stride (surface)))[x];
        if ((px & 0xff) < 0x80)
          dark++;
      }
  cairo_surface_destroy (surface);
  g_assert_cmpuint (dark, >, 1000);
}

static void
test_combined (void)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) pdoc = NULL;
  g_autoptr(GError) error = NULL;
  PopplerIndexIter *iter;
  guint n_top = 0, pages = 0;

  for (guint i = 0; i < 3; i++)
    {
      ClDocument *doc = i == 1 ? table_document (80) : cl_document_new ();
      g_autofree char *title = g_strdup_printf ("Document %u", i + 1);

      if (i != 1)
        {
          cl_document_set_title (doc, title);
          cl_document_add_heading (doc, 1, title);
        }
      pages += cl_document_get_n_pages (doc);
      g_ptr_array_add (docs, doc);
    }
  pdf = cl_document_combine_to_pdf (docs, "Three documents", "tester", &error);
  g_assert_no_error (error);
  pdoc = open_pdf (pdf);
  g_assert_cmpint (poppler_document_get_n_pages (pdoc), ==, (int) pages);
  /* Each document keeps its own page numbers. */
  {
    g_autofree char *first = page_text (pdoc, 0);
    g_autofree char *last = page_text (pdoc, (int) pages - 1);
    g_autofree char *second = page_text (pdoc, 1);
    g_autofree char *of = g_strdup_printf ("Page 1 of %u",
                                           cl_document_get_n_pages (g_ptr_array_index (docs, 1)));

    g_assert_true (contains (first, "Page 1 of 1"));
    g_assert_true (contains (second, of));
    g_assert_true (contains (last, "Page 1 of 1"));
  }
  iter = poppler_index_iter_new (pdoc);
  g_assert_nonnull (iter);
  do
    n_top++;
  while (poppler_index_iter_next (iter));
  poppler_index_iter_free (iter);
  g_assert_cmpuint (n_top, ==, 3);
}

static void
test_image_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  cairo_surface_t *s;

  g_assert_null (cl_document_load_png ("/nonexistent/logo.png", &error));
  g_assert_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_IMAGE);
  g_clear_error (&error);
  path = g_build_filename (g_get_tmp_dir (), "caseload-not-a-png.svg", NULL);
  g_assert_true (g_file_set_contents (path, "<svg/>", -1, NULL));
  s = cl_document_load_png (path, &error);
  g_assert_null (s);
  g_assert_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_IMAGE);
  g_assert_nonnull (strstr (error->message, "PNG"));
  g_unlink (path);
}

/* --- templates ------------------------------------------------------------------------------ */

static void
test_template_unknown_placeholder (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(ClTemplateRepository) repo = cl_template_repository_new (f->db);
  g_autoptr(ClLetterTemplate) tmpl = cl_letter_template_new ("my-letter");
  g_autoptr(ClLetterTemplate) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  cl_letter_template_set_title (tmpl, "About {pupil.forename}");
  cl_letter_template_set_body (tmpl, "Dear {guardian.name},\n\nYour child {pupil.nmae} has missed "
                                     "school.\nSee { you soon.");
  g_assert_false (cl_template_repository_save (repo, tmpl, &error));
  g_assert_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_UNKNOWN_PLACEHOLDER);
  g_assert_nonnull (strstr (error->message, "line 3: unknown placeholder {pupil.nmae}"));
  g_assert_nonnull (strstr (error->message, "line 4:"));
  g_clear_error (&error);
  stored = cl_template_repository_get (repo, "my-letter", &error);
  g_assert_null (stored);
  g_assert_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  problems = cl_template_find_problems (cl_letter_template_get_body (tmpl));
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpuint (((ClTemplateProblem *) g_ptr_array_index (problems, 0))->line, ==, 3);
  g_assert_cmpuint (((ClTemplateProblem *) g_ptr_array_index (problems, 0))->column, ==, 12);
  g_assert_cmpstr (((ClTemplateProblem *) g_ptr_array_index (problems, 0))->placeholder, ==,
                   "pupil.nmae");

  /* The title is checked too. */
  cl_letter_template_set_body (tmpl, "Dear {guardian.name},");
  cl_letter_template_set_title (tmpl, "About {child.name}");
  g_assert_false (cl_letter_template_validate (tmpl, &error));
  g_assert_nonnull (strstr (error->message, "title: unknown placeholder {child.name}"));
  g_clear_error (&error);

  /* Import: FILE:LINE with the file's own line numbers; nothing saved. */
  file = g_strdup ("# a comment\nName: bad-letter\nTitle: Hello\n---\nDear {guardian.name},\n\n"
                   "{attendance.pct} is too low.\n");
  path = g_build_filename (f->dir, "bad.txt", NULL);
  g_assert_true (g_file_set_contents (path, file, -1, NULL));
  g_assert_null (cl_template_repository_import_file (repo, path, &error));
  g_assert_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_UNKNOWN_PLACEHOLDER);
  {
    g_autofree char *expected = g_strdup_printf ("%s:7: unknown placeholder {attendance.pct}",
                                                 path);
    g_assert_cmpstr (error->message, ==, expected);
  }
  g_clear_error (&error);
  g_assert_null (cl_template_repository_get (repo, "bad-letter", &error));
  g_clear_error (&error);

  /* A good one is saved, and a literal brace is written {{. */
  cl_letter_template_set_title (tmpl, "About {pupil.forename}");
  cl_letter_template_set_body (tmpl, "Dear {guardian.name}, see {{this}.");
  g_assert_true (cl_template_repository_save (repo, tmpl, &error));
  g_assert_no_error (error);
  g_assert_nonnull (cl_letter_template_get_updated_at (tmpl));
}

static void
test_template_expand (void)
{
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *markup = NULL;
  g_autofree char *plain = NULL;

  g_hash_table_insert (values, (gpointer) "guardian.name", (gpointer) "Mr A & Mrs B <Jones>");
  g_hash_table_insert (values, (gpointer) "attendance.percent", (gpointer) "81.5%");
  markup = cl_template_expand ("Dear {guardian.name}: **{attendance.percent}** on "
                               "{meeting.date} and {meeting.date}, {{literal}.",
                               values, TRUE, missing);
  g_assert_cmpstr (markup, ==, "Dear Mr A &amp; Mrs B &lt;Jones&gt;: <b>81.5%</b> on "
                               CL_PLACEHOLDER_BLANK " and " CL_PLACEHOLDER_BLANK ", {literal}.");
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (missing, 0), ==, "meeting.date");
  plain = cl_template_expand ("**{guardian.name}**", values, FALSE, NULL);
  g_assert_cmpstr (plain, ==, "**Mr A & Mrs B <Jones>**");
}

static void
test_template_roundtrip (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ClTemplateRepository) repo = cl_template_repository_new (f->db);
  g_autoptr(ClLetterTemplate) tmpl = NULL;
  g_autoptr(ClLetterTemplate) again = NULL;
  g_autoptr(ClLetterTemplate) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "concern.txt", NULL);
  g_autofree char *text = NULL;

  tmpl = cl_template_repository_get (repo, "attendance-concern", &error);
  g_assert_no_error (error);
  g_assert_true (cl_letter_template_get_built_in (tmpl));
  g_assert_true (cl_template_repository_export_file (repo, "attendance-concern", path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  again = cl_letter_template_parse (text, path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cl_letter_template_get_body (again), ==, cl_letter_template_get_body (tmpl));
  g_assert_cmpstr (cl_letter_template_get_title (again), ==, cl_letter_template_get_title (tmpl));

  /* Edit, then reset to the shipped wording. */
  cl_letter_template_set_body (tmpl, "Changed {pupil.forename}.");
  g_assert_true (cl_template_repository_save (repo, tmpl, &error));
  g_assert_true (cl_template_repository_reset (repo, "attendance-concern", &error));
  g_assert_no_error (error);
  back = cl_template_repository_get (repo, "attendance-concern", &error);
  g_assert_cmpstr (cl_letter_template_get_body (back), ==, cl_letter_template_get_body (again));

  /* Deleting a built-in does not bring it back on the next list. */
  g_assert_true (cl_template_repository_delete (repo, "home-visit-card", &error));
  g_assert_null (cl_template_repository_get (repo, "home-visit-card", &error));
  g_clear_error (&error);
  g_assert_true (cl_audit_verify (f->db, NULL, &error));
  g_assert_no_error (error);
}

static void
test_builtins_fill (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) built_ins = cl_template_repository_built_ins (&error);
  /* In file-name order. */
  const char *expected[] = {
    "attendance-concern-bilingual", "attendance-concern", "attendance-contract",
    "attendance-meeting", "home-visit-card", "notice-to-improve", "penalty-notice-warning",
  };

  g_assert_no_error (error);
  g_assert_cmpuint (built_ins->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < built_ins->len; i++)
    {
      ClLetterTemplate *tmpl = g_ptr_array_index (built_ins, i);
      g_autoptr(ClDocument) doc = NULL;
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(PopplerDocument) pdoc = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GHashTable) values = cl_letter_values_sample ();
      g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);

      g_assert_cmpstr (cl_letter_template_get_name (tmpl), ==, expected[i]);
      g_assert_true (cl_letter_template_validate (tmpl, &error));
      doc = cl_letter_build (tmpl, values, NULL, NULL, missing);
      /* Every placeholder has a sample value. */
      g_assert_cmpuint (missing->len, ==, 0);
      pdf = cl_document_to_pdf (doc, &error);
      g_assert_no_error (error);
      pdoc = open_pdf (pdf);
      text = all_text (pdoc);
      g_assert_null (strchr (text, '{'));
      g_assert_true (contains (text, "Jamie"));
      if (g_str_equal (expected[i], "home-visit-card"))
        {
          g_autoptr(PopplerPage) page = poppler_document_get_page (pdoc, 0);
          double w, h;

          poppler_page_get_size (page, &w, &h);
          g_assert_cmpfloat_with_epsilon (w, CL_PAGE_A5_WIDTH, 0.5);
        }
      if (g_str_equal (expected[i], "attendance-concern-bilingual"))
        {
          g_assert_true (contains (text, "Annwyl"));
          g_assert_true (contains (text, "Dear Mrs Taylor"));
          g_assert_cmpstr (cl_letter_template_get_language (tmpl), ==, "bilingual");
        }
      if (g_str_equal (expected[i], "notice-to-improve"))
        {
          /* What DOMAIN.md §4 expects of a notice to improve. */
          g_assert_true (contains (text, "section 7 of the Education Act 1996"));
          g_assert_true (contains (text, "section 444"));
          g_assert_true (contains (text, "6 school weeks"));
          g_assert_true (contains (text, "Sufficient improvement means"));
          g_assert_true (contains (text, "before the end of the improvement period"));
        }
    }
}

/* --- letters and mail merge -------------------------------------------------------------------- */

static void
test_letter_values (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GHashTable) extra = g_hash_table_new (g_str_hash, g_str_equal);
  ClLetterOptions options = { NULL, NULL, 0, extra };
  g_autofree char *percent = expected_percent (f->db, f->pupil_a);
  guint n;
  const ClPlaceholder *all = cl_placeholders_get_all (&n);

  g_hash_table_insert (extra, (gpointer) "meeting.date", (gpointer) "2026-03-26");
  g_hash_table_insert (extra, (gpointer) "meeting.time", (gpointer) "10:30am");
  values = cl_letter_values_for (f->db, f->pupil_a, f->dad_id, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (values, "guardian.name"), ==, "Mr Barnaby Fennimore");
  g_assert_cmpstr (g_hash_table_lookup (values, "guardian.address"), ==,
                   "Flat 3, 40 Quay Street & Dock Road, Porthaven, NT1 4AB");
  g_assert_cmpstr (g_hash_table_lookup (values, "pupil.full_name"), ==, "Quillon Thistlewood");
  g_assert_cmpstr (g_hash_table_lookup (values, "pupil.dob"), ==, "4 May 2013");
  g_assert_cmpstr (g_hash_table_lookup (values, "pupil.year"), ==, "Year 8");
  g_assert_cmpstr (g_hash_table_lookup (values, "school.name"), ==, "Oakfield Academy");
  g_assert_cmpstr (g_hash_table_lookup (values, "officer.name"), ==, "Ottilie Brackenbury");
  g_assert_cmpstr (g_hash_table_lookup (values, "attendance.percent"), ==, percent);
  g_assert_cmpstr (g_hash_table_lookup (values, "attendance.from"), ==, "1 September 2025");
  g_assert_cmpstr (g_hash_table_lookup (values, "today"), ==, "20 March 2026");
  g_assert_cmpstr (g_hash_table_lookup (values, "meeting.date"), ==, "Thursday 26 March 2026");
  g_assert_cmpstr (g_hash_table_lookup (values, "authority.name"), ==, "Testshire Council");
  /* Every placeholder is known to the registry and has an example. */
  for (guint i = 0; i < n; i++)
    g_assert_nonnull (all[i].example);

  /* A guardian not linked to the pupil is refused. */
  g_clear_pointer (&values, g_hash_table_unref);
  values = cl_letter_values_for (f->db, f->pupil_b, f->dad_id, &options, &error);
  g_assert_null (values);
  g_assert_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_NOT_FOUND);
}

/* --- dates in Welsh ---------------------------------------------------------------------- */

static void
test_welsh_date_format (void)
{
  const char *months[] = {
    "Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin",
    "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr",
  };
  /* 2026-03-23 is a Monday. */
  const char *weekdays[] = {
    "Dydd Llun 23", "Dydd Mawrth 24", "Dydd Mercher 25", "Dydd Iau 26", "Dydd Gwener 27",
    "Dydd Sadwrn 28", "Dydd Sul 29",
  };
  g_autofree char *english = cl_letter_format_date ("2026-03-26", TRUE);
  g_autofree char *english_plain = cl_letter_format_date ("2026-03-03", FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      g_autofree char *iso = g_strdup_printf ("2026-%02u-03", i + 1);
      g_autofree char *welsh = cl_letter_format_date_welsh (iso, FALSE);
      g_autofree char *expected = g_strdup_printf ("3 %s 2026", months[i]);

      g_assert_cmpstr (welsh, ==, expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (weekdays); i++)
    {
      g_autofree char *iso = g_strdup_printf ("2026-03-%02u", 23 + i);
      g_autofree char *welsh = cl_letter_format_date_welsh (iso, TRUE);
      g_autofree char *expected = g_strdup_printf ("%s Mawrth 2026", weekdays[i]);

      g_assert_cmpstr (welsh, ==, expected);
    }
  g_assert_null (cl_letter_format_date_welsh ("next Tuesday", TRUE));
  g_assert_null (cl_letter_format_date_welsh (NULL, FALSE));
  /* English is as it was. */
  g_assert_cmpstr (english, ==, "Thursday 26 March 2026");
  g_assert_cmpstr (english_plain, ==, "3 March 2026");
}

static void
test_welsh_date_placeholders (Fixture       *f,
                              gconstpointer  data)
{
  /* Every date placeholder there is, English and Welsh. */
  const char *dates[] = {
    "pupil.dob", "attendance.from", "attendance.to", "visit.date", "meeting.date",
    "improvement.end", "today",
  };
  g_autoptr(ClTemplateRepository) repo = cl_template_repository_new (f->db);
  g_autoptr(ClLetterTemplate) tmpl = cl_letter_template_new ("welsh-dates");
  g_autoptr(GHashTable) sample = cl_letter_values_sample ();
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GHashTable) extra = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  ClLetterOptions options = { NULL, NULL, 0, extra };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *welsh = g_strconcat (dates[i], CL_PLACEHOLDER_WELSH_SUFFIX, NULL);
      const ClPlaceholder *placeholder = cl_placeholder_lookup (welsh);

      g_assert_nonnull (cl_placeholder_lookup (dates[i]));
      g_assert_nonnull (placeholder);
      g_assert_cmpstr (g_hash_table_lookup (sample, welsh), ==, placeholder->example);
    }

  /* {today.cy} is a placeholder and the template saves; {today.xx} is not. */
  cl_letter_template_set_title (tmpl, "Llythyr {today.cy}");
  cl_letter_template_set_body (tmpl, "Dyddiad: {today.cy}\n\nDate: {today}");
  g_assert_true (cl_template_repository_save (repo, tmpl, &error));
  g_assert_no_error (error);
  cl_letter_template_set_body (tmpl, "Dyddiad: {today.xx}");
  g_assert_false (cl_template_repository_save (repo, tmpl, &error));
  g_assert_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_UNKNOWN_PLACEHOLDER);
  g_assert_nonnull (strstr (error->message, "line 1: unknown placeholder {today.xx}"));
  g_clear_error (&error);

  /* Filled wherever the English dates are: from the database, from today
   * and from what the officer typed. */
  g_hash_table_insert (extra, (gpointer) "meeting.date", (gpointer) "2026-03-26");
  g_hash_table_insert (extra, (gpointer) "improvement.end", (gpointer) "08/05/2026");
  g_hash_table_insert (extra, (gpointer) "visit.date", (gpointer) "2026-03-24");
  g_hash_table_insert (extra, (gpointer) "visit.date.cy", (gpointer) "ddydd Mawrth nesaf");
  values = cl_letter_values_for (f->db, f->pupil_a, f->dad_id, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (values, "pupil.dob"), ==, "4 May 2013");
  g_assert_cmpstr (g_hash_table_lookup (values, "pupil.dob.cy"), ==, "4 Mai 2013");
  g_assert_cmpstr (g_hash_table_lookup (values, "attendance.from"), ==, "1 September 2025");
  g_assert_cmpstr (g_hash_table_lookup (values, "attendance.from.cy"), ==, "1 Medi 2025");
  g_assert_cmpstr (g_hash_table_lookup (values, "attendance.to"), ==, "20 March 2026");
  g_assert_cmpstr (g_hash_table_lookup (values, "attendance.to.cy"), ==, "20 Mawrth 2026");
  g_assert_cmpstr (g_hash_table_lookup (values, "today"), ==, "20 March 2026");
  g_assert_cmpstr (g_hash_table_lookup (values, "today.cy"), ==, "20 Mawrth 2026");
  g_assert_cmpstr (g_hash_table_lookup (values, "meeting.date"), ==, "Thursday 26 March 2026");
  g_assert_cmpstr (g_hash_table_lookup (values, "meeting.date.cy"), ==,
                   "Dydd Iau 26 Mawrth 2026");
  g_assert_cmpstr (g_hash_table_lookup (values, "improvement.end"), ==, "Friday 8 May 2026");
  g_assert_cmpstr (g_hash_table_lookup (values, "improvement.end.cy"), ==,
                   "Dydd Gwener 8 Mai 2026");
  /* A Welsh value typed by the officer wins over the one made from English. */
  g_assert_cmpstr (g_hash_table_lookup (values, "visit.date"), ==, "Tuesday 24 March 2026");
  g_assert_cmpstr (g_hash_table_lookup (values, "visit.date.cy"), ==, "ddydd Mawrth nesaf");
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *welsh = g_strconcat (dates[i], CL_PLACEHOLDER_WELSH_SUFFIX, NULL);

      g_assert_nonnull (g_hash_table_lookup (values, welsh));
    }

  /* A Welsh date on its own, typed as ISO, is written out in Welsh. */
  g_hash_table_remove_all (extra);
  g_hash_table_insert (extra, (gpointer) "visit.date.cy", (gpointer) "2026-03-29");
  g_clear_pointer (&values, g_hash_table_unref);
  values = cl_letter_values_for (f->db, f->pupil_a, f->dad_id, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (values, "visit.date.cy"), ==, "Dydd Sul 29 Mawrth 2026");
  g_assert_null (g_hash_table_lookup (values, "visit.date"));
}

/* The bilingual letter: Welsh months in the Welsh half, English in the English. */
static void
test_welsh_dates_bilingual (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(ClMailMergeOptions) o = cl_mail_merge_options_new ();
  g_autoptr(ClMailMergeResult) result = NULL;
  g_autoptr(PopplerDocument) pdoc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  const char *upns[] = { "H801200001001", NULL };
  const char *welsh, *english, *end;
  g_autofree char *welsh_half = NULL;
  g_autofree char *english_half = NULL;

  o->template_name = g_strdup ("attendance-concern-bilingual");
  o->upns = g_strdupv ((GStrv) upns);
  o->output = g_build_filename (f->dir, "bilingual.pdf", NULL);
  o->one_file = TRUE;
  result = cl_mail_merge_run (f->db, o, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_letters, ==, 1);
  pdoc = open_pdf_file (o->output);
  text = all_text (pdoc);
  flat = squash (text);
  g_assert_null (strchr (flat, '{'));

  /* The halves: from "Annwyl" to the English heading, and from there to
   * the closing. */
  welsh = strstr (flat, "Annwyl");
  g_assert_nonnull (welsh);
  english = strstr (welsh, "Concern about Zephyrine");
  g_assert_nonnull (english);
  end = strstr (english, "Yours sincerely");
  g_assert_nonnull (end);
  welsh_half = g_strndup (welsh, (gsize) (english - welsh));
  english_half = g_strndup (english, (gsize) (end - english));
  g_assert_nonnull (strstr (welsh_half, "Rhwng 1 Medi 2025 a 20 Mawrth 2026"));
  /* (Dr Marchbanks is in both.) */
  g_assert_null (strstr (welsh_half, "September"));
  g_assert_null (strstr (welsh_half, " March "));
  g_assert_nonnull (strstr (english_half, "Between 1 September 2025 and 20 March 2026"));
  g_assert_null (strstr (english_half, "Medi"));
  g_assert_null (strstr (english_half, "Mawrth"));
}

/* What the officer types for {meeting.date} (NAME=VALUE) fills {meeting.date.cy}. */
static void
test_welsh_dates_typed (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(ClTemplateRepository) repo = cl_template_repository_new (f->db);
  g_autoptr(ClLetterTemplate) tmpl = cl_letter_template_new ("cyfarfod");
  g_autoptr(ClMailMergeOptions) o = cl_mail_merge_options_new ();
  g_autoptr(ClMailMergeResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *upns[] = { "H801200001001", NULL };
  const char *values[] = { "meeting.date=2026-03-26", "meeting.time=10:30am", NULL };

  cl_letter_template_set_title (tmpl, "Cyfarfod / Meeting");
  cl_letter_template_set_language (tmpl, "bilingual");
  cl_letter_template_set_body (tmpl, "Dyddiad y cyfarfod: {meeting.date.cy}, {meeting.time}.\n\n"
                                     "Date of the meeting: {meeting.date}, {meeting.time}.");
  g_assert_true (cl_template_repository_save (repo, tmpl, &error));
  g_assert_no_error (error);

  o->template_name = g_strdup ("cyfarfod");
  o->upns = g_strdupv ((GStrv) upns);
  o->output = g_build_filename (f->dir, "cyfarfod", NULL);
  o->values = g_strdupv ((GStrv) values);
  result = cl_mail_merge_run (f->db, o, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_letters, ==, 1);
  g_assert_cmpuint (result->files->len, ==, 1);
  {
    g_autoptr(PopplerDocument) pdoc = open_pdf_file (g_ptr_array_index (result->files, 0));
    g_autofree char *text = all_text (pdoc);

    g_assert_null (strstr (text, CL_PLACEHOLDER_BLANK));
    g_assert_true (contains (text, "Dyddiad y cyfarfod: Dydd Iau 26 Mawrth 2026, 10:30am."));
    g_assert_true (contains (text, "Date of the meeting: Thursday 26 March 2026, 10:30am."));
  }
}

static ClMailMergeOptions *
merge_options (Fixture    *f,
               const char *template_name,
               const char *output)
{
  ClMailMergeOptions *o = cl_mail_merge_options_new ();
  const char *upns[] = { "B801200005001", "h801200001001", NULL };

  o->template_name = g_strdup (template_name);
  o->upns = g_strdupv ((GStrv) upns);
  o->output = g_build_filename (f->dir, output, NULL);
  o->record = TRUE;
  return o;
}

static void
test_merge_files (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ClMailMergeOptions) o = merge_options (f, "attendance-concern", "letters");
  g_autoptr(ClMailMergeResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *percent_a = expected_percent (f->db, f->pupil_a);
  g_autofree char *percent_b = expected_percent (f->db, f->pupil_b);
  guint mum = 0, dad = 0, cassius = 0;

  result = cl_mail_merge_run (f->db, o, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_pupils, ==, 2);
  /* Each parent with parental responsibility, separately; not the grandparent. */
  g_assert_cmpuint (result->n_letters, ==, 3);
  g_assert_cmpuint (result->files->len, ==, 3);
  g_assert_cmpuint (result->sent_ids->len, ==, 3);
  g_assert_cmpuint (result->warnings->len, ==, 0);

  for (guint i = 0; i < result->files->len; i++)
    {
      const char *path = g_ptr_array_index (result->files, i);
      g_autoptr(PopplerDocument) pdoc = open_pdf_file (path);
      g_autofree char *text = all_text (pdoc);
      g_autofree char *first = page_text (pdoc, 0);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) file_bytes = NULL;
      g_autoptr(GBytes) stored = NULL;
      g_autoptr(ClSentDocument) sent = NULL;
      g_autofree char *sha = NULL;
      gsize len;
      gint64 id = g_array_index (result->sent_ids, gint64, i);

      g_assert_null (strchr (text, '{'));
      g_assert_null (strstr (text, CL_PLACEHOLDER_BLANK));
      g_assert_true (contains (first, "Testshire Council"));
      g_assert_true (contains (first, "Page 1 of"));
      g_assert_true (contains (text, "Ottilie Brackenbury"));
      if (contains (first, "Mrs Rosalind Thistlewood"))
        {
          mum++;
          g_assert_true (contains (first, "Dear Mrs Thistlewood,"));
          g_assert_true (contains (first, "12 Mill Lane"));
          g_assert_true (contains (first, percent_a));
          g_assert_false (contains (text, "Fennimore"));
        }
      else if (contains (first, "Mr Barnaby Fennimore"))
        {
          dad++;
          g_assert_true (contains (first, "Dear Mr Fennimore,"));
          g_assert_true (contains (first, "40 Quay Street & Dock Road"));
          g_assert_true (contains (first, "Quillon"));
          g_assert_true (contains (first, percent_a));
          g_assert_false (contains (text, "Rosalind"));
        }
      else
        {
          g_assert_true (contains (first, "Dr Cassius Marchbanks"));
          g_assert_true (contains (first, "Zephyrine"));
          g_assert_true (contains (first, percent_b));
          cassius++;
        }
      g_assert_false (contains (text, "Edith"));

      /* The stored bytes are the file's bytes, with their SHA-256. */
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      file_bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
      stored = cl_sent_document_load_pdf (f->db, id, &error);
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (stored, file_bytes));
      sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, file_bytes);
      sent = cl_sent_document_get (f->db, id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (cl_sent_document_get_sha256 (sent), ==, sha);
      g_assert_cmpuint (cl_sent_document_get_size (sent), ==, len);
      g_assert_cmpstr (cl_sent_document_get_kind (sent), ==, "letter");
      g_assert_cmpstr (cl_sent_document_get_template (sent), ==, "attendance-concern");
      g_assert_cmpstr (cl_sent_document_get_created_by (sent), ==, "tester");
    }
  g_assert_cmpuint (mum, ==, 1);
  g_assert_cmpuint (dad, ==, 1);
  g_assert_cmpuint (cassius, ==, 1);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM sent_document WHERE pupil_id IS NOT "
                                      "NULL AND guardian_id IS NOT NULL"), ==, 3);

  /* What was sent cannot be changed. */
  g_assert_false (cl_database_exec (f->db, "UPDATE sent_document SET pdf = x'00'", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (cl_audit_verify (f->db, NULL, &error));
  g_assert_no_error (error);
}

static void
test_merge_one_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ClMailMergeOptions) o = merge_options (f, "notice-to-improve", "notices.pdf");
  g_autoptr(ClMailMergeResult) result = NULL;
  g_autoptr(PopplerDocument) pdoc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *values[] = { "improvement.weeks=6", "improvement.end=2026-05-08", NULL };
  int n_pages;
  guint letters_started = 0;

  o->one_file = TRUE;
  o->values = g_strdupv ((GStrv) values);
  result = cl_mail_merge_run (f->db, o, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_letters, ==, 3);
  g_assert_cmpuint (result->files->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (result->files, 0), ==, o->output);
  pdoc = open_pdf_file (o->output);
  n_pages = poppler_document_get_n_pages (pdoc);
  text = all_text (pdoc);
  g_assert_null (strchr (text, '{'));
  g_assert_true (contains (text, "Friday 8 May 2026"));
  g_assert_true (contains (text, "6 school weeks"));
  /* Each notice starts its own page numbering. */
  for (int i = 0; i < n_pages; i++)
    {
      g_autofree char *page = page_text (pdoc, i);
      if (contains (page, "Page 1 of"))
        letters_started++;
    }
  g_assert_cmpuint (letters_started, ==, 3);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM sent_document WHERE kind = 'notice'"),
                   ==, 3);
}

static void
test_merge_by_school (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ClMailMergeOptions) o = cl_mail_merge_options_new ();
  g_autoptr(ClMailMergeResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) letters = NULL;

  o->template_name = g_strdup ("attendance-meeting");
  o->school_urn = 123456;
  o->below_percent = 90;
  o->output = g_build_filename (f->dir, "meeting", NULL);
  o->record = FALSE;
  letters = cl_mail_merge_select (f->db, o, warnings, &error);
  g_assert_no_error (error);
  /* Only Quillon is below 90 %: his two parents. */
  g_assert_cmpuint (letters->len, ==, 2);
  g_assert_cmpint (((ClMailMergeLetter *) g_ptr_array_index (letters, 0))->pupil_id, ==,
                   f->pupil_a);

  /* No meeting details given: blank lines to fill in, and a warning for each letter. */
  result = cl_mail_merge_run (f->db, o, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_letters, ==, 2);
  g_assert_cmpuint (result->sent_ids->len, ==, 0);
  g_assert_cmpuint (result->warnings->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (result->warnings, 0), "{meeting.date}"));
  {
    g_autoptr(PopplerDocument) pdoc = open_pdf_file (g_ptr_array_index (result->files, 0));
    g_autofree char *text = all_text (pdoc);
    g_assert_null (strchr (text, '{'));
    g_assert_nonnull (strstr (text, CL_PLACEHOLDER_BLANK));
  }
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM sent_document"), ==, 0);

  /* An unknown UPN or value name is refused before anything is written. */
  g_clear_pointer (&o, cl_mail_merge_options_free);
  o = merge_options (f, "attendance-concern", "bad");
  g_strfreev (o->upns);
  o->upns = g_strsplit ("B801200005001,A801200005001", ",", -1);
  g_assert_null (cl_mail_merge_run (f->db, o, NULL, NULL, NULL, &error));
  g_assert_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "A801200005001"));
  g_clear_error (&error);
  /* A UPN given twice, once in lower case, chooses its pupil once. */
  g_strfreev (o->upns);
  o->upns = g_strsplit ("B801200005001,b801200005001", ",", -1);
  {
    g_autoptr(GPtrArray) twice = cl_mail_merge_select (f->db, o, NULL, &error);
    g_autoptr(GPtrArray) once = NULL;

    g_assert_no_error (error);
    g_strfreev (o->upns);
    o->upns = g_strsplit ("B801200005001", ",", -1);
    once = cl_mail_merge_select (f->db, o, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (once->len, >, 0);
    g_assert_cmpuint (twice->len, ==, once->len);
  }
  g_strfreev (o->upns);
  o->upns = g_strsplit ("B801200005001", ",", -1);
  o->values = g_strsplit ("meeting.day=Monday", ",", -1);
  g_assert_null (cl_mail_merge_run (f->db, o, NULL, NULL, NULL, &error));
  g_assert_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_UNKNOWN_PLACEHOLDER);
  g_assert_false (g_file_test (o->output, G_FILE_TEST_EXISTS));
}

static void
cancel_on_first_cb (double      fraction,
                    const char *text,
                    gpointer    user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_merge_cancel (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ClMailMergeOptions) o = merge_options (f, "attendance-concern", "cancelled");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(ClTemplateRepository) repo = cl_template_repository_new (f->db);
  g_autoptr(GListModel) seeded = cl_template_repository_list (repo, NULL);
  int audit_before = count_rows (f->db, "SELECT count(*) FROM audit_log");

  g_assert_null (cl_mail_merge_run (f->db, o, cancel_on_first_cb, cancellable, cancellable,
                                    &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* All or nothing: no rows, no audit entries, no files. */
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM sent_document"), ==, 0);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM audit_log"), ==, audit_before);
  dir = g_dir_open (o->output, 0, NULL);
  g_assert_nonnull (dir);
  g_assert_null (g_dir_read_name (dir));
}

static void
test_merge_case_link (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ClCaseRepository) cases = cl_case_repository_new (f->db);
  g_autoptr(ClCase) kase = cl_case_new ();
  g_autoptr(ClMailMergeOptions) o = merge_options (f, "attendance-concern", "linked");
  g_autoptr(ClMailMergeResult) result = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GError) error = NULL;
  guint letters = 0;

  cl_case_add_pupil (kase, f->pupil_a);
  cl_case_add_reason (kase, "irregular_attendance");
  cl_case_set_referral_date (kase, "2026-01-12");
  cl_case_set_officer_id (kase, f->officer_id);
  g_assert_true (cl_case_repository_create (cases, kase, &error));
  g_assert_no_error (error);

  result = cl_mail_merge_run (f->db, o, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  /* Quillon's two letters go into his case; Zephyrine has none. */
  g_assert_cmpuint (result->n_linked, ==, 2);
  events = cl_case_repository_list_events (cases, cl_case_get_id (kase),
                                           CL_EVENT_ORDER_OLDEST_FIRST, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(ClCaseEvent) e = g_list_model_get_item (events, i);
      if (g_strcmp0 (cl_case_event_get_event_type (e), "letter") == 0)
        {
          letters++;
          g_assert_cmpstr (cl_case_event_get_date (e), ==, TODAY);
          g_assert_nonnull (strstr (cl_case_event_get_summary (e), "Concern about Quillon"));
        }
    }
  g_assert_cmpuint (letters, ==, 2);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sent_document WHERE case_id = "
                                            "%" G_GINT64_FORMAT, cl_case_get_id (kase));
    g_assert_cmpint (count_rows (f->db, sql), ==, 2);
  }
}

typedef struct
{
  GMainLoop         *loop;
  ClMailMergeResult *result;
  GError            *error;
  guint              progress_calls;
  GThread           *main_thread;
} AsyncData;

static void
async_progress_cb (double      fraction,
                   const char *text,
                   gpointer    user_data)
{
  AsyncData *d = user_data;

  /* Delivered in the caller's main context. */
  g_assert_true (g_thread_self () == d->main_thread);
  d->progress_calls++;
}

static void
merge_done_cb (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
  AsyncData *d = user_data;

  d->result = cl_mail_merge_run_finish (res, &d->error);
  g_main_loop_quit (d->loop);
}

static void
test_merge_async (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ClMailMergeOptions) o = merge_options (f, "attendance-concern", "async");
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncData d = { loop, NULL, NULL, 0, g_thread_self () };

  cl_mail_merge_run_async (f->db, o, async_progress_cb, &d, NULL, NULL, merge_done_cb, &d);
  g_main_loop_run (loop);
  g_assert_no_error (d.error);
  g_assert_nonnull (d.result);
  g_assert_cmpuint (d.result->n_letters, ==, 3);
  /* The worker's writes are visible on this connection. */
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM sent_document"), ==, 3);
  /* Progress arrives after the merge is done at the latest; drain it. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (d.progress_calls, ==, 3);
  cl_mail_merge_result_free (d.result);
}

/* --- the governors' report -------------------------------------------------------------------- */

static void
test_terms (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL, *to = NULL;
  ClTerm term;
  int year;

  g_assert_true (cl_term_parse ("autumn-2025", &term, &year, NULL));
  g_assert_cmpint (term, ==, CL_TERM_AUTUMN);
  g_assert_cmpint (year, ==, 2025);
  g_assert_true (cl_term_parse ("2026-spring", &term, &year, NULL));
  g_assert_cmpint (term, ==, CL_TERM_SPRING);
  g_assert_cmpint (year, ==, 2025);
  g_assert_true (cl_term_parse ("Summer 2025/26", &term, &year, NULL));
  g_assert_cmpint (term, ==, CL_TERM_SUMMER);
  g_assert_cmpint (year, ==, 2025);
  g_assert_false (cl_term_parse ("winter-2025", &term, &year, &error));
  g_assert_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_INVALID);

  g_assert_true (cl_term_dates (f->db, f->school_id, 2025, CL_TERM_SPRING, &from, &to, NULL));
  g_assert_cmpstr (from, <, "2026-01-10");
  g_assert_cmpstr (from, >, "2025-12-31");
  g_assert_cmpstr (to, >, "2026-03-20");
}

static ClDocument *
report (Fixture  *f,
        gboolean  names)
{
  g_autoptr(GError) error = NULL;
  ClGovernorsReportOptions o = { 0 };
  ClDocument *doc;

  o.school_id = f->school_id;
  o.academic_year = 2025;
  o.term = CL_TERM_SPRING;
  o.commentary = (char *) "Attendance has improved.\n\nThe service is working with two families.";
  o.include_names = names;
  doc = cl_governors_report_build (f->db, &o, &error);
  g_assert_no_error (error);
  return doc;
}

static void
test_governors_report (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ClDocument) anon = report (f, FALSE);
  g_autoptr(ClDocument) named = report (f, TRUE);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) pdoc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL, *first = NULL, *expected = NULL, *title = NULL;
  g_autofree char *from = NULL, *to = NULL;
  ClAttendanceSummary s;
  GPtrArray *charts;

  pdf = cl_document_to_pdf (anon, &error);
  g_assert_no_error (error);
  pdoc = open_pdf (pdf);
  text = all_text (pdoc);
  first = page_text (pdoc, 0);
  title = poppler_document_get_title (pdoc);
  g_assert_nonnull (strstr (title, "Oakfield Academy"));
  g_assert_null (strchr (text, '{'));
  /* No pupil named unless asked: the lowest attendance is "Pupil A". */
  g_assert_false (contains (text, "Thistlewood"));
  g_assert_false (contains (text, "Marchbanks"));
  g_assert_false (contains (text, "Quillon"));
  g_assert_true (contains (text, "Pupil A"));
  g_assert_false (contains (text, "Pupil B"));   /* only one was persistently absent */
  /* The headline attendance is the school's over the term so far. */
  g_assert_true (cl_term_dates (f->db, f->school_id, 2025, CL_TERM_SPRING, &from, &to, NULL));
  g_assert_true (cl_attendance_summary_for_school (f->db, f->school_id, from, TODAY, &s, NULL));
  expected = g_strdup_printf ("%.1f%%", round (s.attendance_percent * 10) / 10);
  g_assert_true (contains (first, expected));
  g_assert_true (contains (first, "Spring term 2026"));
  g_assert_true (contains (first, "Spring term 2025"));
  g_assert_true (contains (text, "The service is working with two families."));
  g_assert_true (contains (text, "Attendance by year group"));
  g_assert_true (contains (text, "Attendance by week"));
  g_assert_true (contains (text, "Pupils by attendance band"));
  g_assert_true (contains (text, "OFFICIAL"));

  /* With names when asked. */
  g_clear_pointer (&pdf, g_bytes_unref);
  g_clear_object (&pdoc);
  g_clear_pointer (&text, g_free);
  pdf = cl_document_to_pdf (named, &error);
  pdoc = open_pdf (pdf);
  text = all_text (pdoc);
  g_assert_true (contains (text, "Quillon Thistlewood"));
  g_assert_false (contains (text, "Pupil A"));
  g_assert_true (contains (text, "OFFICIAL-SENSITIVE"));

  /* The six charts, for Present mode too. */
  {
    ClGovernorsReportOptions o = { f->school_id, 2025, CL_TERM_SPRING, NULL, FALSE, 0 };
    charts = cl_governors_report_charts (f->db, &o, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (charts->len, ==, 6);
    for (guint i = 0; i < charts->len; i++)
      {
        g_assert_cmpint (cl_chart_get_kind (g_ptr_array_index (charts, i)), ==, (int) i);
        g_assert_nonnull (cl_chart_get_title (g_ptr_array_index (charts, i)));
      }
    g_ptr_array_unref (charts);
  }

  /* A term that has not started is refused. */
  {
    ClGovernorsReportOptions o = { f->school_id, 2025, CL_TERM_SUMMER, NULL, FALSE, 0 };
    g_assert_null (cl_governors_report_build (f->db, &o, &error));
    g_assert_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_INVALID);
  }
}

static void
test_letterhead (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ClLetterhead) lh = cl_letterhead_load (f->db);
  g_autoptr(ClLetterhead) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *logo = g_build_filename (f->dir, "logo.png", NULL);
  g_autofree char *signature = NULL;
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 40, 20);
  cairo_t *cr = cairo_create (s);

  g_assert_cmpstr (lh->authority, ==, "Testshire Council");
  g_assert_cmpstr (lh->address, ==, "County Hall\nTesttown\nTT1 1AA");
  g_assert_null (lh->logo);

  cairo_set_source_rgb (cr, 0.1, 0.3, 0.8);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (s, logo), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (s);

  g_free (lh->logo);
  lh->logo = g_strdup ("/nonexistent.png");
  g_assert_false (cl_letterhead_save (lh, f->db, &error));
  g_assert_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_IMAGE);
  g_clear_error (&error);
  g_free (lh->logo);
  lh->logo = g_strdup (logo);
  g_assert_true (cl_letterhead_save (lh, f->db, &error));
  g_assert_no_error (error);
  again = cl_letterhead_load (f->db);
  g_assert_cmpstr (again->logo, ==, logo);
  g_assert_nonnull (cl_letterhead_get_logo (again));

  g_assert_true (cl_officer_set_signature (f->db, f->officer_id, logo, &error));
  signature = cl_officer_signature_path (f->db, f->officer_id);
  g_assert_cmpstr (signature, ==, logo);

  /* A letter with both still reads back. */
  {
    g_autoptr(ClMailMergeOptions) o = merge_options (f, "home-visit-card", "cards");
    g_autoptr(ClMailMergeResult) result = NULL;
    const char *values[] = { "visit.date=2026-03-19", NULL };

    o->values = g_strdupv ((GStrv) values);
    result = cl_mail_merge_run (f->db, o, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    {
      g_autoptr(PopplerDocument) pdoc = open_pdf_file (g_ptr_array_index (result->files, 0));
      g_autofree char *text = all_text (pdoc);
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdoc, 0);
      g_autoptr(GList) images = poppler_page_get_image_mapping (page);

      g_assert_true (contains (text, "Thursday 19 March 2026"));
      g_assert_cmpuint (g_list_length (images), ==, 2);   /* logo and signature */
      poppler_page_free_image_mapping (g_steal_pointer (&images));
    }
  }
}

/* The letterhead's logo box on a letter's first page, as cl-document.c lays
 * it out: from the top left margins (20 mm), 56 pt high unless that makes it
 * wider than 150 pt. The SVG below (viewBox 120 × 40) is scaled to 150 × 50. */
#define LH_MARGIN (20 * 72.0 / 25.4)
#define LH_LOGO_W 150.0
#define LH_LOGO_H 50.0
#define LH_SCALE  2.0

static const char svg_logo[] =
  "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 40\">\n"
  "  <rect x=\"0\" y=\"0\" width=\"80\" height=\"40\" fill=\"#1a4d99\"/>\n"
  "  <circle cx=\"100\" cy=\"20\" r=\"18\" fill=\"#c03020\"/>\n"
  "</svg>\n";

static guint32
pixel_at (cairo_surface_t *surface,
          double           x_pt,
          double           y_pt)
{
  int x = (int) (x_pt * LH_SCALE), y = (int) (y_pt * LH_SCALE);
  const guchar *row = cairo_image_surface_get_data (surface)
                      + y * cairo_image_surface_get_stride (surface);

  return ((const guint32 *) row)[x] & 0xffffff;
}

static gpointer
copy_letterhead_thread (gpointer data)
{
  return cl_letterhead_copy (data);
}

static void
test_letterhead_svg (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ClLetterhead) lh = cl_letterhead_load (f->db);
  g_autoptr(ClLetterhead) again = NULL;
  g_autoptr(ClLetterhead) copy = NULL;
  g_autoptr(ClLetterTemplate) tmpl = cl_letter_template_new ("svg-logo");
  g_autoptr(GHashTable) values = cl_letter_values_sample ();
  g_autoptr(ClDocument) doc = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) pdoc = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autoptr(GList) images = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *logo = g_build_filename (f->dir, "logo.svg", NULL);
  g_autofree char *garbage_dir = g_build_filename (f->dir, "garbage", NULL);
  g_autofree char *garbage = g_build_filename (garbage_dir, "logo.svg", NULL);
  g_autofree char *sizeless = g_build_filename (f->dir, "sizeless.svg", NULL);
  cairo_surface_t *surface;
  cairo_t *cr;
  double w, h;
  guint inked = 0, total = 0;
  guint32 rect, circle, corner, left;

  g_assert_true (g_file_set_contents (logo, svg_logo, -1, NULL));

  /* Neither PNG nor SVG, whatever its name: refused, naming the file. */
  g_assert_cmpint (g_mkdir (garbage_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (garbage, "not an image at all\n", -1, NULL));
  g_free (lh->logo);
  lh->logo = g_strdup (garbage);
  g_assert_false (cl_letterhead_save (lh, f->db, &error));
  g_assert_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_IMAGE);
  g_assert_nonnull (strstr (error->message, garbage));
  g_assert_nonnull (strstr (error->message, "PNG or SVG"));
  g_clear_error (&error);
  /* An SVG with neither a size nor a viewBox has no shape to scale. */
  g_assert_true (g_file_set_contents (sizeless, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
                                      -1, NULL));
  g_free (lh->logo);
  lh->logo = g_strdup (sizeless);
  g_assert_false (cl_letterhead_save (lh, f->db, &error));
  g_assert_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_IMAGE);
  g_assert_nonnull (strstr (error->message, sizeless));
  g_clear_error (&error);
  again = cl_letterhead_load (f->db);
  g_assert_null (again->logo);
  g_clear_pointer (&again, cl_letterhead_free);

  g_free (lh->logo);
  lh->logo = g_strdup (logo);
  g_assert_true (cl_letterhead_save (lh, f->db, &error));
  g_assert_no_error (error);
  again = cl_letterhead_load (f->db);
  g_assert_cmpstr (again->logo, ==, logo);
  g_assert_nonnull (cl_letterhead_get_logo (again));
  cl_document_image_size (cl_letterhead_get_logo (again), &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 120, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 40, 0.01);
  /* A copy made on this thread shares the SVG; one made on another thread
   * loads its own (recording surfaces are not shared between threads). */
  copy = cl_letterhead_copy (again);
  g_assert_true (cl_letterhead_get_logo (copy) == cl_letterhead_get_logo (again));
  g_clear_pointer (&copy, cl_letterhead_free);
  {
    GThread *thread = g_thread_new ("copy", copy_letterhead_thread, again);

    copy = g_thread_join (thread);
  }
  g_assert_nonnull (cl_letterhead_get_logo (copy));
  g_assert_true (cl_letterhead_get_logo (copy) != cl_letterhead_get_logo (again));

  cl_letter_template_set_title (tmpl, "A letter under an SVG logo");
  cl_letter_template_set_body (tmpl, "Dear {guardian.name},\n\nThis letter has a vector logo.");
  doc = cl_letter_build (tmpl, values, again, NULL, NULL);
  pdf = cl_document_to_pdf (doc, &error);
  g_assert_no_error (error);
  pdoc = open_pdf (pdf);
  g_assert_cmpint (poppler_document_get_n_pages (pdoc), ==, 1);
  page = poppler_document_get_page (pdoc, 0);
  /* Drawn as vectors: the page holds no raster image. */
  images = poppler_page_get_image_mapping (page);
  g_assert_cmpuint (g_list_length (images), ==, 0);
  poppler_page_free_image_mapping (g_steal_pointer (&images));

  poppler_page_get_size (page, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (w * LH_SCALE),
                                        (int) (h * LH_SCALE));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, LH_SCALE, LH_SCALE);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (double y = LH_MARGIN + 1; y < LH_MARGIN + LH_LOGO_H - 1; y += 0.5)
    for (double x = LH_MARGIN + 1; x < LH_MARGIN + LH_LOGO_W - 1; x += 0.5)
      {
        total++;
        if (pixel_at (surface, x, y) != 0xffffff)
          inked++;
      }
  /* The rectangle alone covers two thirds of the box. */
  g_assert_cmpuint (inked, >, total / 2);
  /* The rectangle is blue, the circle red, where the box puts them. */
  rect = pixel_at (surface, LH_MARGIN + 40 * 1.25, LH_MARGIN + 20 * 1.25);
  circle = pixel_at (surface, LH_MARGIN + 100 * 1.25, LH_MARGIN + 20 * 1.25);
  corner = pixel_at (surface, LH_MARGIN + 119 * 1.25, LH_MARGIN + 1 * 1.25);
  left = pixel_at (surface, LH_MARGIN - 10, LH_MARGIN + 20);
  cairo_surface_destroy (surface);
  g_assert_cmphex (rect & 0xff, >, (rect >> 16) & 0xff);
  g_assert_cmphex ((circle >> 16) & 0xff, >, circle & 0xff);
  g_assert_cmphex (corner, ==, 0xffffff);   /* outside the circle */
  g_assert_cmphex (left, ==, 0xffffff);     /* the margin stays blank */
}

/* --- letters made on render threads ------------------------------------------------ */

/* A demo authority's first school, every pupil below 100 %: a few dozen
 * letters, several batches. */
static ClMailMergeOptions *
demo_merge_options (ClDatabase *db,
                    const char *output)
{
  g_autoptr(ClSchoolRepository) schools = cl_school_repository_new (db);
  g_autoptr(GListModel) list = cl_school_repository_list (schools, NULL);
  g_autoptr(ClSchool) school = g_list_model_get_item (list, 0);
  ClMailMergeOptions *o = cl_mail_merge_options_new ();

  o->template_name = g_strdup ("attendance-concern");
  o->school_urn = cl_school_get_urn (school);
  o->below_percent = 100;
  o->output = g_strdup (output);
  return o;
}

static ClDatabase *
small_demo (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(ClDatabase) db = cl_database_open (path, &error);
  ClDemoOptions demo;

  g_assert_no_error (error);
  cl_database_set_actor (db, "tester");
  cl_demo_options_init (&demo);
  demo.n_schools = 2;
  demo.n_pupils = 240;
  g_assert_true (cl_demo_generate (db, &demo, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&db);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static GPtrArray *
sorted_names (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  return names;
}

static void
test_merge_threads (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ClDatabase) db = small_demo (f->dir);
  g_autofree char *one = g_build_filename (f->dir, "one-thread", NULL);
  g_autofree char *two = g_build_filename (f->dir, "two-threads", NULL);
  g_autoptr(ClMailMergeOptions) o = demo_merge_options (db, one);
  g_autoptr(ClMailMergeResult) inline_result = NULL;
  g_autoptr(ClMailMergeResult) threaded = NULL;
  g_autoptr(GPtrArray) names_one = NULL;
  g_autoptr(GPtrArray) names_two = NULL;
  g_autoptr(GError) error = NULL;

  /* On this thread … */
  g_setenv ("CASELOAD_RENDER_THREADS", "0", TRUE);
  inline_result = cl_mail_merge_run (db, o, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (inline_result->n_letters, >, 40);

  /* … and on two render threads, kept as sent: the same letters, in the
   * same order, with the same words. */
  g_free (o->output);
  o->output = g_strdup (two);
  o->record = TRUE;
  g_setenv ("CASELOAD_RENDER_THREADS", "2", TRUE);
  threaded = cl_mail_merge_run (db, o, NULL, NULL, NULL, &error);
  g_unsetenv ("CASELOAD_RENDER_THREADS");
  g_assert_no_error (error);
  g_assert_cmpuint (threaded->n_letters, ==, inline_result->n_letters);
  g_assert_cmpuint (threaded->n_pupils, ==, inline_result->n_pupils);
  g_assert_cmpuint (threaded->sent_ids->len, ==, threaded->n_letters);
  g_assert_cmpuint (threaded->files->len, ==, threaded->n_letters);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM sent_document"), ==,
                   (int) threaded->n_letters);
  names_one = sorted_names (one);
  names_two = sorted_names (two);
  g_assert_cmpuint (names_one->len, ==, inline_result->n_letters);
  g_assert_cmpuint (names_two->len, ==, names_one->len);
  for (guint i = 0; i < names_one->len; i++)
    {
      g_autofree char *a = g_build_filename (one, g_ptr_array_index (names_one, i), NULL);
      g_autofree char *b = g_build_filename (two, g_ptr_array_index (names_two, i), NULL);
      g_autoptr(PopplerDocument) pa = open_pdf_file (a);
      g_autoptr(PopplerDocument) pb = open_pdf_file (b);
      g_autofree char *ta = all_text (pa);
      g_autofree char *tb = all_text (pb);

      g_autofree char *creator = poppler_document_get_creator (pb);
      g_autofree char *title_a = poppler_document_get_title (pa);
      g_autofree char *title_b = poppler_document_get_title (pb);

      g_assert_cmpstr (g_ptr_array_index (names_one, i), ==, g_ptr_array_index (names_two, i));
      g_assert_cmpstr (ta, ==, tb);
      g_assert_nonnull (creator);
      g_assert_true (g_str_has_prefix (creator, "Caseload "));
      g_assert_nonnull (title_b);
      g_assert_cmpstr (title_a, ==, title_b);
      g_assert_cmpint (poppler_document_get_creation_date (pb), >, 0);
      g_assert_null (strchr (ta, '{'));
    }
  /* The commit left copying the PDFs into the database file for later, and
   * put the connection's automatic checkpoints back; another connection
   * reads every letter kept. */
  g_assert_cmpint (count_rows (db, "PRAGMA wal_autocheckpoint"), ==, 1000);
  {
    g_autofree char *path = g_build_filename (f->dir, "demo.db", NULL);
    g_autoptr(ClDatabase) other = cl_database_open (path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (count_rows (other, "SELECT count(*) FROM sent_document"), ==,
                     (int) threaded->n_letters);
    g_assert_true (cl_database_checkpoint (other, &error));
    g_assert_no_error (error);
  }
  /* Each letter kept is the file written, in the order of the letters. */
  for (guint i = 0; i < threaded->files->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT length(pdf) FROM sent_document WHERE id = %"
                                              G_GINT64_FORMAT,
                                              g_array_index (threaded->sent_ids, gint64, i));
      GStatBuf st;

      g_assert_cmpint (g_stat (g_ptr_array_index (threaded->files, i), &st), ==, 0);
      g_assert_cmpint (count_rows (db, sql), ==, (int) st.st_size);
    }
}

static void
cancel_at_tenth_cb (double      fraction,
                    const char *text,
                    gpointer    user_data)
{
  static guint calls;

  if (++calls == 10)
    g_cancellable_cancel (user_data);
}

static void
test_merge_threads_cancel (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(ClDatabase) db = small_demo (f->dir);
  g_autofree char *out = g_build_filename (f->dir, "cancelled", NULL);
  g_autoptr(ClMailMergeOptions) o = demo_merge_options (db, out);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(ClTemplateRepository) repo = cl_template_repository_new (db);
  g_autoptr(GListModel) seeded = cl_template_repository_list (repo, NULL);
  int audit_before = count_rows (db, "SELECT count(*) FROM audit_log");

  o->record = TRUE;
  g_setenv ("CASELOAD_RENDER_THREADS", "2", TRUE);
  g_assert_null (cl_mail_merge_run (db, o, cancel_at_tenth_cb, cancellable, cancellable,
                                    &error));
  g_unsetenv ("CASELOAD_RENDER_THREADS");
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* All or nothing, whatever the render threads had already written. */
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM sent_document"), ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM audit_log"), ==, audit_before);
  left = sorted_names (out);
  g_assert_cmpuint (left->len, ==, 0);
}

/* The window's way: on a worker thread with its own connection, which
 * itself hands the PDFs to render threads; progress comes back to this
 * thread once a letter, in order, and the letters are visible here. */
static void
test_merge_threads_async (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(ClDatabase) db = small_demo (f->dir);
  g_autofree char *out = g_build_filename (f->dir, "async-threads", NULL);
  g_autoptr(ClMailMergeOptions) o = demo_merge_options (db, out);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GPtrArray) names = NULL;
  AsyncData d = { loop, NULL, NULL, 0, g_thread_self () };

  o->record = TRUE;
  g_setenv ("CASELOAD_RENDER_THREADS", "2", TRUE);
  cl_mail_merge_run_async (db, o, async_progress_cb, &d, NULL, NULL, merge_done_cb, &d);
  g_main_loop_run (loop);
  g_unsetenv ("CASELOAD_RENDER_THREADS");
  g_assert_no_error (d.error);
  g_assert_nonnull (d.result);
  g_assert_cmpuint (d.result->n_letters, >, 40);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM sent_document"), ==,
                   (int) d.result->n_letters);
  names = sorted_names (out);
  g_assert_cmpuint (names->len, ==, d.result->n_letters);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (d.progress_calls, ==, d.result->n_letters);
  cl_mail_merge_result_free (d.result);
}

/* Letters that set the same text the same way share its layout through a
 * cache, and come out as they would alone. */
static void
test_layout_cache (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ClLetterhead) lh = cl_letterhead_load (f->db);
  g_autoptr(ClLayoutCache) cache = cl_layout_cache_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *alone_text = NULL;
  guint hits = 0, misses = 0, first_misses;

  {
    g_autoptr(ClDocument) alone = cl_document_new ();
    g_autoptr(GBytes) pdf = NULL;
    g_autoptr(PopplerDocument) pdoc = NULL;

    cl_document_set_letterhead (alone, lh);
    cl_document_add_heading (alone, 1, "Attendance at school");
    cl_document_add_paragraph (alone, "Every parent has a legal duty to make sure that their "
                               "child receives a suitable full-time education.",
                               CL_DOCUMENT_ALIGN_LEFT);
    pdf = cl_document_to_pdf (alone, &error);
    g_assert_no_error (error);
    pdoc = open_pdf (pdf);
    alone_text = all_text (pdoc);
  }
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ClDocument) doc = cl_document_new ();
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(PopplerDocument) pdoc = NULL;
      g_autofree char *text = NULL;

      cl_document_set_layout_cache (doc, cache);
      cl_document_set_letterhead (doc, lh);
      cl_document_add_heading (doc, 1, "Attendance at school");
      cl_document_add_paragraph (doc, "Every parent has a legal duty to make sure that their "
                                 "child receives a suitable full-time education.",
                                 CL_DOCUMENT_ALIGN_LEFT);
      pdf = cl_document_to_pdf (doc, &error);
      g_assert_no_error (error);
      pdoc = open_pdf (pdf);
      text = all_text (pdoc);
      g_assert_cmpstr (text, ==, alone_text);
      cl_layout_cache_get_stats (cache, &hits, &misses);
      if (i == 0)
        {
          /* The first lays everything out; nothing to share yet. */
          g_assert_cmpuint (hits, ==, 0);
          g_assert_cmpuint (misses, >, 0);
          first_misses = misses;
        }
    }
  /* The second shaped nothing again. */
  g_assert_cmpuint (misses, ==, first_misses);
  g_assert_cmpuint (hits, ==, first_misses);
}

/* Ligatures are off: the text is drawn a glyph a letter, so each font is
 * embedded once (ligature glyphs would need a second, CID-keyed subset of
 * each) and extracts as typed. */
static void
test_no_ligatures (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ClDocument) doc = cl_document_new ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) pdoc = NULL;
  PopplerFontInfo *info = NULL;
  PopplerFontsIter *iter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n_fonts = 0;

  cl_document_add_heading (doc, 1, "Office findings");
  cl_document_add_paragraph (doc, "It is difficult to find the office staff affable in the "
                             "first flurry of fine official efforts.",
                             CL_DOCUMENT_ALIGN_LEFT);
  pdf = cl_document_to_pdf (doc, &error);
  g_assert_no_error (error);
  pdoc = open_pdf (pdf);
  info = poppler_font_info_new (pdoc);
  while (poppler_font_info_scan (info, 1, &iter))
    {
      if (iter == NULL)
        continue;
      do
        {
          g_assert_true (poppler_fonts_iter_is_embedded (iter));
          g_assert_cmpint (poppler_fonts_iter_get_font_type (iter), ==, POPPLER_FONT_TYPE_TRUETYPE);
          n_fonts++;
        }
      while (poppler_fonts_iter_next (iter));
      g_clear_pointer (&iter, poppler_fonts_iter_free);
    }
  g_object_unref (info);
  /* The heading's bold and the paragraph's regular, nothing else. */
  g_assert_cmpuint (n_fonts, ==, 2);
  text = all_text (pdoc);
  g_assert_true (contains (text, "difficult to find the office staff affable"));
  g_assert_true (contains (text, "first flurry of fine official efforts"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("CASELOAD_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/documents/table-pages", test_table_pages);
  g_test_add_func ("/documents/metadata-outline", test_metadata_outline);
  g_test_add_func ("/documents/paragraphs-render", test_paragraphs_and_render);
  g_test_add_func ("/documents/combined", test_combined);
  g_test_add_func ("/documents/image-errors", test_image_errors);
  g_test_add_func ("/documents/template-expand", test_template_expand);
  g_test_add_func ("/documents/builtins-fill", test_builtins_fill);
  g_test_add_func ("/documents/welsh-date-format", test_welsh_date_format);
#define ADD(path, func) \
  g_test_add ("/documents/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("template-unknown-placeholder", test_template_unknown_placeholder);
  ADD ("template-roundtrip", test_template_roundtrip);
  ADD ("letter-values", test_letter_values);
  ADD ("welsh-date-placeholders", test_welsh_date_placeholders);
  ADD ("welsh-dates-bilingual", test_welsh_dates_bilingual);
  ADD ("welsh-dates-typed", test_welsh_dates_typed);
  ADD ("merge-files", test_merge_files);
  ADD ("merge-one-file", test_merge_one_file);
  ADD ("merge-by-school", test_merge_by_school);
  ADD ("merge-cancel", test_merge_cancel);
  ADD ("merge-case-link", test_merge_case_link);
  ADD ("merge-threads", test_merge_threads);
  ADD ("merge-threads-cancel", test_merge_threads_cancel);
  ADD ("merge-threads-async", test_merge_threads_async);
  ADD ("no-ligatures", test_no_ligatures);
  ADD ("layout-cache", test_layout_cache);
  ADD ("terms", test_terms);
  ADD ("governors-report", test_governors_report);
  ADD ("letterhead", test_letterhead);
  ADD ("letterhead-svg", test_letterhead_svg);
#undef ADD
  g_test_add ("/documents/merge-async", Fixture, GINT_TO_POINTER (1), fixture_setup,
              test_merge_async, fixture_teardown);
  return g_test_run ();
}
