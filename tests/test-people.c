/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "people/cl-officer-repository.h"
#include "people/cl-people-error.h"
#include "people/cl-pupil-repository.h"
#include "people/cl-school-repository.h"
#include "people/cl-upn.h"
#include "store/cl-dates.h"
#include "store/cl-text.h"

/* --- UPN vectors from DOMAIN.md §8 ---------------------------------------- */

static void
test_upn_valid (void)
{
  const char *valid[] = {
    "B801200005001",  /* stdnum doctest: sum 93, remainder 1 */
    "H801200001001",  /* DfE guidance: sum 53, remainder 7 */
    "G80120000101A",  /* DfE temporary UPN: sum 52, remainder 6 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_cmpint (cl_upn_check (valid[i], NULL), ==, CL_UPN_VALID);
      g_assert_true (cl_upn_validate (valid[i], &error));
      g_assert_no_error (error);
    }
  g_assert_true (cl_upn_is_temporary ("G80120000101A"));
  g_assert_false (cl_upn_is_temporary ("B801200005001"));
  g_assert_cmpint (cl_upn_check_letter ("801200005001"), ==, 'B');
}

static void
test_upn_invalid (void)
{
  struct { const char *upn; ClUpnResult result; const char *words; } cases[] = {
    { "B801200005002", CL_UPN_WRONG_CHECK_LETTER, "character 1 (should be" },
    { "A801200005001", CL_UPN_WRONG_CHECK_LETTER, "should be B" },
    { "B80120000500", CL_UPN_WRONG_LENGTH, "13 characters" },
    { "I801200005001", CL_UPN_BAD_CHECK_LETTER, "check letter" },
    { "B8X1200005001", CL_UPN_BAD_LA, "LA code" },
    { "B80120000X001", CL_UPN_NOT_NUMERIC, "5–12" },
    { "B80120000500I", CL_UPN_BAD_LAST, "character 13" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      char expected;

      g_assert_cmpint (cl_upn_check (cases[i].upn, &expected), ==, cases[i].result);
      g_assert_false (cl_upn_validate (cases[i].upn, &error));
      g_assert_error (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].words));
    }
}

static void
test_upn_build (void)
{
  g_autofree char *upn = cl_upn_build (801, 2000, 5, 1);
  g_assert_cmpstr (upn, ==, "B801200005001");
}

/* --- dates ----------------------------------------------------------------- */

static void
test_dates (void)
{
  GDate d;
  char buf[11];

  g_assert_true (cl_date_parse ("2015-10-10", &d));
  g_assert_cmpint (cl_nc_year_for (&d, 2020), ==, 0);   /* Reception */
  g_assert_cmpint (cl_nc_year_for (&d, 2021), ==, 1);
  g_assert_true (cl_date_parse ("31/08/2016", &d));
  g_assert_cmpstr (cl_date_format_iso (&d, buf), ==, "2016-08-31");
  g_assert_cmpint (cl_nc_year_for (&d, 2020), ==, 0);   /* youngest of the same cohort */
  g_assert_true (cl_date_parse ("2016-09-01", &d));
  g_assert_cmpint (cl_nc_year_for (&d, 2020), ==, -1);  /* oldest of the next */
  g_assert_cmpint (cl_academic_year_of (&d), ==, 2016);
  g_assert_false (cl_date_parse ("2015-02-30", &d));
  g_assert_false (cl_date_parse ("10/10/15", &d));
  g_assert_false (cl_date_parse ("yesterday", &d));
}

static void
test_fold (void)
{
  g_autofree char *folded = cl_text_fold ("Siân Ó Súilleabháin-Zoë");
  g_auto(GStrv) words = cl_text_search_words ("  Siân,  bro\tDYFI ");
  g_auto(GStrv) none = cl_text_search_words (" , ");

  g_assert_cmpstr (folded, ==, "sian o suilleabhain-zoe");
  g_assert_cmpuint (g_strv_length (words), ==, 3);
  g_assert_cmpstr (words[0], ==, "sian");
  g_assert_cmpstr (words[2], ==, "dyfi");
  g_assert_true (cl_text_matches_words ("sian jones ysgol bro dyfi", (const char * const *) words));
  g_assert_false (cl_text_matches_words ("sian jones ysgol bro", (const char * const *) words));
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_true (cl_text_matches_words ("anything", (const char * const *) none));
}

/* --- repositories ------------------------------------------------------------ */

typedef struct {
  ClDatabase *db;
  ClSchoolRepository *schools;
  ClPupilRepository *pupils;
  ClOfficerRepository *officers;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->db = cl_database_open_memory (&error);
  g_assert_no_error (error);
  f->schools = cl_school_repository_new (f->db);
  f->pupils = cl_pupil_repository_new (f->db);
  f->officers = cl_officer_repository_new (f->db);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->officers);
  g_clear_object (&f->pupils);
  g_clear_object (&f->schools);
  g_clear_object (&f->db);
}

static ClSchool *
make_school (guint urn, guint estab, const char *name)
{
  ClSchool *school = cl_school_new ();

  cl_school_set_number (school, CL_SCHOOL_URN, urn);
  cl_school_set_number (school, CL_SCHOOL_LA_CODE, 801);
  cl_school_set_number (school, CL_SCHOOL_ESTAB, estab);
  cl_school_set_text (school, CL_SCHOOL_NAME, name);
  cl_school_set_text (school, CL_SCHOOL_TYPE, "academy");
  cl_school_set_text (school, CL_SCHOOL_PHASE, "primary");
  return school;
}

static ClPupil *
make_pupil (const char *upn, const char *forename, const char *surname)
{
  ClPupil *pupil = cl_pupil_new ();

  cl_pupil_set_text (pupil, CL_PUPIL_UPN, upn);
  cl_pupil_set_text (pupil, CL_PUPIL_LEGAL_FORENAME, forename);
  cl_pupil_set_text (pupil, CL_PUPIL_LEGAL_SURNAME, surname);
  cl_pupil_set_text (pupil, CL_PUPIL_DOB, "2016-03-14");
  cl_pupil_set_text (pupil, CL_PUPIL_SEX, "F");
  return pupil;
}

static void
test_school_validation (Fixture *f, gconstpointer data)
{
  g_autoptr(ClSchool) school = make_school (12, 2001, "Ysgol Bro Dyfi");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  const char *field = NULL;

  g_assert_false (cl_school_validate (school, &field, &error));
  g_assert_cmpstr (field, ==, "urn");
  g_assert_nonnull (strstr (error->message, "six digits"));
  g_clear_error (&error);

  cl_school_set_number (school, CL_SCHOOL_URN, 123456);
  cl_school_set_text (school, CL_SCHOOL_TYPE, "grammar");
  g_assert_false (cl_school_repository_insert (f->schools, school, &error));
  g_assert_error (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Type"));
  g_clear_error (&error);

  list = cl_school_repository_list (f->schools, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
}

static void
test_school_duplicates (Fixture *f, gconstpointer data)
{
  g_autoptr(ClSchool) a = make_school (123456, 2001, "Oakfield Primary");
  g_autoptr(ClSchool) b = make_school (123456, 2002, "Hillside Academy");
  g_autoptr(ClSchool) c = make_school (123457, 2001, "Riverside Academy");
  g_autoptr(GError) error = NULL;
  g_autofree char *dfe = NULL;

  g_assert_true (cl_school_repository_insert (f->schools, a, &error));
  g_assert_cmpint (cl_school_get_id (a), >, 0);
  dfe = cl_school_dup_dfe_number (a);
  g_assert_cmpstr (dfe, ==, "801/2001");

  g_assert_false (cl_school_repository_insert (f->schools, b, &error));
  g_assert_error (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "URN: 123456"));
  g_clear_error (&error);

  g_assert_false (cl_school_repository_insert (f->schools, c, &error));
  g_assert_error (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "801/2001"));
}

static void
test_school_delete_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(ClSchool) school = make_school (123456, 2001, "St Teilo’s Church in Wales Primary");
  g_autoptr(ClPupil) p1 = make_pupil ("B801200005001", "Siân", "Jones");
  g_autoptr(ClPupil) p2 = make_pupil ("H801200001001", "Rhys", "ap Huw");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  gint64 sid;

  g_assert_true (cl_school_repository_insert (f->schools, school, &error));
  sid = cl_school_get_id (school);
  g_assert_true (cl_pupil_repository_insert (f->pupils, p1, sid, "2020-09-03", &error));
  g_assert_true (cl_pupil_repository_insert (f->pupils, p2, sid, "2020-09-03", &error));

  g_assert_false (cl_school_repository_delete (f->schools, sid, &error));
  g_assert_error (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "2 pupils on roll"));
  g_clear_error (&error);

  /* Once the pupils have gone, the school can go, and come back on undo. */
  g_assert_true (cl_pupil_repository_delete (f->pupils, cl_pupil_get_id (p1), &error));
  g_assert_true (cl_pupil_repository_delete (f->pupils, cl_pupil_get_id (p2), &error));
  g_assert_true (cl_school_repository_delete (f->schools, sid, &error));
  list = cl_school_repository_list (f->schools, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_clear_object (&list);
  g_assert_true (cl_school_repository_restore (f->schools, sid, &error));
  list = cl_school_repository_list (f->schools, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_no_error (error);
}

static void
test_pupil_validation (Fixture *f, gconstpointer data)
{
  g_autoptr(ClPupil) pupil = make_pupil ("B801200005002", "Zoë", "O'Brien");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  const char *field = NULL;

  g_assert_false (cl_pupil_validate (pupil, &field, &error));
  g_assert_cmpstr (field, ==, "upn");
  g_assert_cmpstr (error->message, ==, "UPN: wrong check letter at character 1 (should be Q).");
  g_clear_error (&error);

  g_assert_false (cl_pupil_repository_insert (f->pupils, pupil, 0, NULL, &error));
  g_clear_error (&error);
  list = cl_pupil_repository_list (f->pupils, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);

  cl_pupil_set_text (pupil, CL_PUPIL_UPN, "B801200005001");
  cl_pupil_set_text (pupil, CL_PUPIL_DOB, "2016-02-30");
  g_assert_false (cl_pupil_validate (pupil, &field, &error));
  g_assert_cmpstr (field, ==, "dob");
  g_clear_error (&error);

  cl_pupil_set_text (pupil, CL_PUPIL_DOB, "14/03/2016");
  cl_pupil_set_text (pupil, CL_PUPIL_SEX, "X");
  g_assert_false (cl_pupil_validate (pupil, &field, &error));
  g_assert_cmpstr (field, ==, "sex");
  g_clear_error (&error);

  cl_pupil_set_text (pupil, CL_PUPIL_SEX, "F");
  cl_pupil_set_text (pupil, CL_PUPIL_LEGAL_SURNAME, "  ");
  g_assert_false (cl_pupil_validate (pupil, &field, &error));
  g_assert_cmpstr (field, ==, "legal-surname");
}

static void
test_pupil_crud (Fixture *f, gconstpointer data)
{
  g_autoptr(ClSchool) school = make_school (123456, 2001, "Oakfield Primary");
  g_autoptr(ClPupil) pupil = make_pupil ("B801200005001", "Oluwaseun", "Adebayo");
  g_autoptr(ClPupil) clash = make_pupil ("B801200005001", "Other", "Child");
  g_autoptr(ClPupil) loaded = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_school_repository_insert (f->schools, school, &error));
  cl_pupil_set_text (pupil, CL_PUPIL_PREFERRED_FORENAME, "Seun");
  cl_pupil_set_text (pupil, CL_PUPIL_DOB, "14/03/2016");
  cl_pupil_set_flag (pupil, CL_PUPIL_FSM, TRUE);
  g_assert_true (cl_pupil_repository_insert (f->pupils, pupil, cl_school_get_id (school),
                                             "2020-09-03", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cl_pupil_get_school_name (pupil), ==, "Oakfield Primary");

  g_assert_false (cl_pupil_repository_insert (f->pupils, clash, 0, NULL, &error));
  g_assert_error (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_DUPLICATE);
  g_clear_error (&error);

  loaded = cl_pupil_repository_get_by_upn (f->pupils, "B801200005001", &error);
  g_assert_nonnull (loaded);
  g_assert_cmpstr (cl_pupil_get_dob (loaded), ==, "2016-03-14");  /* stored as ISO */
  g_assert_cmpstr (cl_pupil_get_sort_name (loaded), ==, "Adebayo, Seun");
  g_assert_true (cl_pupil_get_flag (loaded, CL_PUPIL_FSM));
  g_assert_cmpuint (cl_pupil_get_school_urn (loaded), ==, 123456);

  cl_pupil_set_text (loaded, CL_PUPIL_LEGAL_SURNAME, "Adebayo-Smith");
  g_assert_true (cl_pupil_repository_update (f->pupils, loaded, &error));
  g_clear_object (&loaded);
  loaded = cl_pupil_repository_get (f->pupils, cl_pupil_get_id (pupil), &error);
  g_assert_cmpstr (cl_pupil_get_text (loaded, CL_PUPIL_LEGAL_SURNAME), ==, "Adebayo-Smith");

  /* Delete is undoable. */
  g_assert_true (cl_pupil_repository_delete (f->pupils, cl_pupil_get_id (pupil), &error));
  list = cl_pupil_repository_list (f->pupils, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_clear_object (&list);
  g_assert_true (cl_pupil_repository_restore (f->pupils, cl_pupil_get_id (pupil), &error));
  list = cl_pupil_repository_list (f->pupils, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_clear_object (&list);

  /* After a purge it is gone for good. */
  g_assert_true (cl_pupil_repository_delete (f->pupils, cl_pupil_get_id (pupil), &error));
  g_assert_true (cl_pupil_repository_purge_deleted (f->pupils, &error));
  g_assert_false (cl_pupil_repository_restore (f->pupils, cl_pupil_get_id (pupil), &error));
  g_assert_error (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_NOT_FOUND);
}

static void
test_enrolment_move (Fixture *f, gconstpointer data)
{
  g_autoptr(ClSchool) primary = make_school (123456, 2001, "Oakfield Primary");
  g_autoptr(ClSchool) other = make_school (123457, 2002, "Hillside Academy");
  g_autoptr(ClPupil) pupil = make_pupil ("B801200005001", "Kacper", "Nowak");
  g_autoptr(ClPupil) loaded = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GListModel) at_other = NULL;
  g_autoptr(GError) error = NULL;
  ClEnrolment *first, *second;

  g_assert_true (cl_school_repository_insert (f->schools, primary, &error));
  g_assert_true (cl_school_repository_insert (f->schools, other, &error));
  g_assert_true (cl_pupil_repository_insert (f->pupils, pupil, cl_school_get_id (primary),
                                             "2020-09-03", &error));
  g_assert_true (cl_pupil_repository_enrol (f->pupils, cl_pupil_get_id (pupil),
                                            cl_school_get_id (other), "2025-01-06", &error));
  g_assert_no_error (error);

  history = cl_pupil_repository_enrolments (f->pupils, cl_pupil_get_id (pupil), &error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);
  first = g_list_model_get_item (history, 0);
  second = g_list_model_get_item (history, 1);
  g_assert_cmpstr (cl_enrolment_get_end_date (first), ==, "2025-01-05");
  g_assert_true (cl_enrolment_is_current (second));
  g_assert_cmpstr (cl_enrolment_get_school_name (second), ==, "Hillside Academy");
  g_object_unref (first);
  g_object_unref (second);

  loaded = cl_pupil_repository_get (f->pupils, cl_pupil_get_id (pupil), &error);
  g_assert_cmpuint (cl_pupil_get_school_urn (loaded), ==, 123457);
  at_other = cl_pupil_repository_list (f->pupils, cl_school_get_id (other), &error);
  g_assert_cmpuint (g_list_model_get_n_items (at_other), ==, 1);

  /* The old school now has no pupils on roll and may be deleted. */
  g_assert_true (cl_school_repository_delete (f->schools, cl_school_get_id (primary), &error));
  g_assert_no_error (error);
}

static void
test_guardians_and_siblings (Fixture *f, gconstpointer data)
{
  g_autoptr(ClSchool) primary = make_school (123456, 2001, "Oakfield Primary");
  g_autoptr(ClSchool) secondary = make_school (123457, 4001, "Hillside Academy");
  g_autoptr(ClPupil) older = make_pupil ("B801200005001", "Amina", "Begum");
  g_autoptr(ClPupil) younger = make_pupil ("H801200001001", "Yusuf", "Begum");
  g_autoptr(ClPupil) unrelated = cl_pupil_new ();
  g_autoptr(ClGuardian) mother = cl_guardian_new ();
  g_autoptr(GListModel) guardians = NULL;
  g_autoptr(GListModel) siblings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *upn3 = cl_upn_build (801, 2001, 17, 44);
  g_autoptr(ClPupil) sib = NULL;
  g_autoptr(ClGuardian) first = NULL;
  g_autofree char *display = NULL;

  g_assert_true (cl_school_repository_insert (f->schools, primary, &error));
  g_assert_true (cl_school_repository_insert (f->schools, secondary, &error));
  g_assert_true (cl_pupil_repository_insert (f->pupils, older, cl_school_get_id (secondary),
                                             "2023-09-04", &error));
  g_assert_true (cl_pupil_repository_insert (f->pupils, younger, cl_school_get_id (primary),
                                             "2021-09-02", &error));
  g_object_unref (unrelated);
  unrelated = make_pupil (upn3, "Tomás", "Ó Briain");
  g_assert_true (cl_pupil_repository_insert (f->pupils, unrelated, cl_school_get_id (primary),
                                             "2021-09-02", &error));

  cl_guardian_set_text (mother, CL_GUARDIAN_TITLE, "Mrs");
  cl_guardian_set_text (mother, CL_GUARDIAN_FORENAME, "Rahima");
  cl_guardian_set_text (mother, CL_GUARDIAN_SURNAME, "Begum");
  cl_guardian_set_text (mother, CL_GUARDIAN_RELATIONSHIP, "mother");
  cl_guardian_set_text (mother, CL_GUARDIAN_LANGUAGE, "other");
  g_assert_true (cl_pupil_repository_link_guardian (f->pupils, cl_pupil_get_id (older), mother,
                                                    &error));
  g_assert_true (cl_pupil_repository_link_guardian (f->pupils, cl_pupil_get_id (younger), mother,
                                                    &error));
  g_assert_no_error (error);

  guardians = cl_pupil_repository_guardians (f->pupils, cl_pupil_get_id (younger), &error);
  g_assert_cmpuint (g_list_model_get_n_items (guardians), ==, 1);
  first = g_list_model_get_item (guardians, 0);
  display = cl_guardian_dup_display_name (first);
  g_assert_cmpstr (display, ==, "Mrs Rahima Begum");
  g_assert_true (cl_guardian_get_parental_responsibility (first));
  g_assert_cmpstr (cl_guardian_get_text (first, CL_GUARDIAN_RELATIONSHIP), ==, "mother");

  siblings = cl_pupil_repository_siblings (f->pupils, cl_pupil_get_id (younger), &error);
  g_assert_cmpuint (g_list_model_get_n_items (siblings), ==, 1);
  sib = g_list_model_get_item (siblings, 0);
  g_assert_cmpstr (cl_pupil_get_upn (sib), ==, "B801200005001");
  g_assert_cmpstr (cl_pupil_get_school_name (sib), ==, "Hillside Academy");
}

static void
test_search_key (Fixture *f, gconstpointer data)
{
  g_autoptr(ClPupil) pupil = make_pupil ("B801200005001", "Siân", "Wiśniewska");

  cl_pupil_set_school (pupil, 1, 123456, "Ysgol Gymraeg Bro Dyfi");
  g_assert_nonnull (strstr (cl_pupil_get_search_key (pupil), "sian"));
  g_assert_nonnull (strstr (cl_pupil_get_search_key (pupil), "wisniewska"));
  g_assert_nonnull (strstr (cl_pupil_get_search_key (pupil), "b801200005001"));
  g_assert_nonnull (strstr (cl_pupil_get_search_key (pupil), "bro dyfi"));
}

int
main (int argc, char *argv[])
{
  g_setenv ("CASELOAD_TODAY", "2025-11-20", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/people/upn/valid", test_upn_valid);
  g_test_add_func ("/people/upn/invalid", test_upn_invalid);
  g_test_add_func ("/people/upn/build", test_upn_build);
  g_test_add_func ("/people/dates", test_dates);
  g_test_add_func ("/people/fold", test_fold);
#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/people/school/validation", test_school_validation);
  ADD ("/people/school/duplicates", test_school_duplicates);
  ADD ("/people/school/delete-refused", test_school_delete_refused);
  ADD ("/people/pupil/validation", test_pupil_validation);
  ADD ("/people/pupil/crud", test_pupil_crud);
  ADD ("/people/pupil/enrolment-move", test_enrolment_move);
  ADD ("/people/pupil/guardians-and-siblings", test_guardians_and_siblings);
  ADD ("/people/pupil/search-key", test_search_key);
#undef ADD
  return g_test_run ();
}
