/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "documents/cl-document.h"
#include "store/cl-database.h"

G_BEGIN_DECLS

typedef enum
{
  CL_TERM_AUTUMN,
  CL_TERM_SPRING,
  CL_TERM_SUMMER,
} ClTerm;

/* "autumn-2025", "2025-autumn", "spring-2026", "summer 2026",
 * "spring-2025/26": the year is the calendar year the term falls in (or the
 * academic year written 2025/26), so spring-2026 is the spring term of
 * 2025/26. */
gboolean     cl_term_parse       (const char  *text,
                                  ClTerm      *out_term,
                                  int         *out_academic_year,
                                  GError     **error);
/* "Spring term 2026". */
char        *cl_term_describe    (ClTerm       term,
                                  int          academic_year);
/* First and last day of the term at a school: from its stored calendar
 * (terms named autumn/spring/summer, or the three terms in order), else the
 * standard English calendar. */
gboolean     cl_term_dates       (ClDatabase  *db,
                                  gint64       school_id,
                                  int          academic_year,
                                  ClTerm       term,
                                  char       **out_from,
                                  char       **out_to,
                                  GError     **error);

typedef struct
{
  gint64    school_id;
  int       academic_year;
  ClTerm    term;
  char     *commentary;     /* the officer's, paragraphs separated by blank lines; may be NULL */
  gboolean  include_names;  /* name the pupils in pupil-level tables (default: Pupil A, B …) */
  gint64    officer_id;     /* the author; 0: the school's link officer */
} ClGovernorsReportOptions;

#define CL_TYPE_GOVERNORS_REPORT_OPTIONS (cl_governors_report_options_get_type ())
GType                     cl_governors_report_options_get_type (void);
ClGovernorsReportOptions *cl_governors_report_options_new      (void);
ClGovernorsReportOptions *cl_governors_report_options_copy     (const ClGovernorsReportOptions *o);
void                      cl_governors_report_options_free     (ClGovernorsReportOptions       *o);

/* The six charts of the report, in its order (trend, calendar, weekday,
 * bands, persistence, groups): Present mode shows the same ones. */
GPtrArray   *cl_governors_report_charts       (ClDatabase                      *db,
                                               const ClGovernorsReportOptions  *options,
                                               GError                         **error);
/* The report for one school and term: headline figures against the same
 * term last year, the officer's commentary, the six charts each with a
 * sentence describing it, a year-group table, the pupils with the lowest
 * attendance (anonymised as Pupil A, Pupil B … unless include_names) and
 * notes on the measures. Figures stop at today while the term is running. */
ClDocument  *cl_governors_report_build        (ClDatabase                      *db,
                                               const ClGovernorsReportOptions  *options,
                                               GError                         **error);
/* Records in the audit log that the report left the program (how: "saved",
 * "printed" …): school id, term and whether pupils were named, no names.
 * Call it when the user saves or prints, not for a preview. */
gboolean     cl_governors_report_audit_export (ClDatabase                      *db,
                                               const ClGovernorsReportOptions  *options,
                                               const char                      *how,
                                               GError                         **error);
/* Builds the report as PDF bytes on a worker thread with its own connection. */
void         cl_governors_report_pdf_async    (ClDatabase                      *db,
                                               const ClGovernorsReportOptions  *options,
                                               GCancellable                    *cancellable,
                                               GAsyncReadyCallback              callback,
                                               gpointer                         user_data);
GBytes      *cl_governors_report_pdf_finish   (GAsyncResult                    *result,
                                               GError                         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClGovernorsReportOptions, cl_governors_report_options_free)

G_END_DECLS
