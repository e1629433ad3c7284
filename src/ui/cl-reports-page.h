/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "charts/cl-chart.h"
#include "store/cl-database.h"

G_BEGIN_DECLS

/* The Reports area: Letters (the templates to write from, "Write Letters…"
 * and the letters kept as sent), Templates (ClTemplateEditor), the
 * Governors' report of a school for a term (previewed, then saved or
 * printed; or shown in Present mode) and Charts of a school or a pupil. */
#define CL_TYPE_REPORTS_PAGE (cl_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (ClReportsPage, cl_reports_page, CL, REPORTS_PAGE, GtkWidget)

GtkWidget *cl_reports_page_new                     (void);
void       cl_reports_page_set_database            (ClReportsPage *self,
                                                    ClDatabase    *db);
/* Reads templates, letters sent, schools and pupils again, keeping what is
 * chosen. Done each time the page is shown. */
gboolean   cl_reports_page_reload                  (ClReportsPage *self,
                                                    GError       **error);
/* "letters", "templates", "governors" or "charts". */
void       cl_reports_page_show_section            (ClReportsPage *self,
                                                    const char    *name);
void       cl_reports_page_show_school_chart       (ClReportsPage *self,
                                                    gint64         school_id,
                                                    ClChartKind    kind);
void       cl_reports_page_show_pupil_chart        (ClReportsPage *self,
                                                    gint64         pupil_id,
                                                    ClChartKind    kind);
/* Opens "Write Letters" with this pupil chosen. */
void       cl_reports_page_write_letters_about     (ClReportsPage *self,
                                                    gint64         pupil_id);
/* A template with changes not saved. */
gboolean   cl_reports_page_get_has_unsaved_changes (ClReportsPage *self);

G_END_DECLS
