/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for the register importers. Built twice, with
 * FUZZ_FORMAT set to CL_IMPORT_FORMAT_CSV and to CL_IMPORT_FORMAT_CTF.
 * Each input is imported (checked and written) into an in-memory database
 * holding one school; the write is rolled back afterwards so every input
 * starts from the same state. */
#include "config.h"

#include "attendance/cl-register-import.h"
#include "people/cl-school-repository.h"

static ClDatabase *db;

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(ClSchoolRepository) schools = NULL;
  g_autoptr(ClSchool) school = cl_school_new ();
  g_autoptr(GError) error = NULL;

  g_setenv ("CASELOAD_TODAY", "2025-11-20", TRUE);
  db = cl_database_open_memory (&error);
  g_assert_no_error (error);
  schools = cl_school_repository_new (db);
  cl_school_set_number (school, CL_SCHOOL_URN, 123456);
  cl_school_set_number (school, CL_SCHOOL_LA_CODE, 801);
  cl_school_set_number (school, CL_SCHOOL_ESTAB, 2001);
  cl_school_set_text (school, CL_SCHOOL_NAME, "Oakfield Primary");
  cl_school_set_text (school, CL_SCHOOL_TYPE, "la_maintained");
  cl_school_set_text (school, CL_SCHOOL_PHASE, "primary");
  if (!cl_school_repository_insert (schools, school, &error))
    g_error ("%s", error->message);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  ClImportOptions options = { .format = FUZZ_FORMAT };
  ClImportResult result = { 0 };
  g_autoptr(GError) error = NULL;

  if (FUZZ_FORMAT == CL_IMPORT_FORMAT_CSV)
    options.school_urn = 123456;

  /* An outer transaction makes the importer's own a savepoint, so
   * everything it writes can be undone here. */
  if (!cl_database_begin (db, &error))
    g_error ("%s", error->message);
  cl_register_import_data (db, "fuzz", (const char *) data, size, &options, &result, NULL);
  cl_database_rollback (db);
  cl_import_result_clear (&result);
  return 0;
}
