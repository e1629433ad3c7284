/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Hooks for the UI tests and the window benchmark: they reach the widgets a
 * user sees and works with, never a position on the screen. Not for use by
 * the application itself. */

#include "ui/cl-attendance-card.h"
#include "ui/cl-calendar-dialog.h"
#include "ui/cl-codes-window.h"
#include "ui/cl-column-mapping-dialog.h"
#include "ui/cl-guardian-dialog.h"
#include "ui/cl-import-dialog.h"
#include "ui/cl-caseload-page-private.h"
#include "ui/cl-pupil-editor.h"
#include "ui/cl-register-calendar.h"
#include "ui/cl-register-grid.h"
#include "ui/cl-school-attendance.h"
#include "ui/cl-pupils-page.h"
#include "ui/cl-school-editor.h"
#include "ui/cl-schools-page.h"
#include "ui/cl-welcome-page.h"
#include "ui/cl-window.h"

/* Documents and charts (issue 5). */
#include <poppler.h>
#include "documents/cl-document.h"
#include "ui/cl-chart-view.h"
#include "ui/cl-document-preview.h"
#include "ui/cl-present-window.h"
#include "ui/cl-preview-window.h"
#include "ui/cl-reports-page.h"
#include "ui/cl-template-editor.h"

G_BEGIN_DECLS

ClPupilsPage  *cl_window_get_pupils_page          (ClWindow      *self);
ClCaseloadPage *cl_window_get_caseload_page       (ClWindow      *self);
ClOfficerSwitch *cl_window_get_officer_switch     (ClWindow      *self);
ClSchoolsPage *cl_window_get_schools_page         (ClWindow      *self);
ClWelcomePage *cl_window_get_welcome_page         (ClWindow      *self);
/* "welcome", or the name of the page in view: "pupils", "schools", "legal" … */
const char    *cl_window_get_visible_page         (ClWindow      *self);
GtkWidget     *cl_window_get_page                 (ClWindow      *self,
                                                   const char    *name);

GtkColumnView *cl_pupils_page_get_column_view     (ClPupilsPage  *self);
GtkLabel      *cl_pupils_page_get_count_label     (ClPupilsPage  *self);
GtkEditable   *cl_pupils_page_get_search_entry    (ClPupilsPage  *self);
GtkWidget     *cl_pupils_page_get_save_button     (ClPupilsPage  *self);
ClPupilEditor *cl_pupils_page_get_editor          (ClPupilsPage  *self);
/* Filters at once, as the search entry does after its typing delay. */
void           cl_pupils_page_search_now          (ClPupilsPage  *self,
                                                   const char    *text);
/* Shows pupils (ClPupil items) as a reload does. */
void           cl_pupils_page_set_pupils          (ClPupilsPage  *self,
                                                   GListModel    *pupils);

GtkColumnView *cl_schools_page_get_column_view    (ClSchoolsPage *self);
GtkLabel      *cl_schools_page_get_count_label    (ClSchoolsPage *self);
GtkEditable   *cl_schools_page_get_search_entry   (ClSchoolsPage *self);
GtkWidget     *cl_schools_page_get_save_button    (ClSchoolsPage *self);
ClSchoolEditor *cl_schools_page_get_editor        (ClSchoolsPage *self);
void           cl_schools_page_search_now         (ClSchoolsPage *self,
                                                   const char    *text);

GtkWidget     *cl_pupil_editor_get_text_row       (ClPupilEditor *self,
                                                   ClPupilText    field);
GtkLabel      *cl_pupil_editor_get_error_label    (ClPupilEditor *self);
/* The header's "Write Letters…" button (win.write-letters for the pupil). */
GtkWidget     *cl_pupil_editor_get_write_letters_button (ClPupilEditor *self);
GtkLabel      *cl_school_editor_get_error_label   (ClSchoolEditor *self);
ClAttendanceCard   *cl_pupil_editor_get_attendance_card    (ClPupilEditor      *self);
ClRegisterCalendar *cl_pupil_editor_get_register_calendar  (ClPupilEditor      *self);
/* Parents and carers: the "Add Parent or Carer…" button, and the dialog
 * the editor last opened, while it is open. */
GtkWidget          *cl_pupil_editor_get_add_guardian_button (ClPupilEditor      *self);
ClGuardianDialog   *cl_pupil_editor_get_guardian_dialog     (ClPupilEditor      *self);
/* Opens the dialog as activating a guardian's row does (guardian may be
 * NULL: as the Add button); the Unlink button's question for a guardian. */
ClGuardianDialog   *cl_pupil_editor_open_guardian_dialog    (ClPupilEditor      *self,
                                                             ClGuardian         *guardian);
AdwMessageDialog   *cl_pupil_editor_ask_unlink              (ClPupilEditor      *self,
                                                             ClGuardian         *guardian);

/* The entry, combo (language, relationship) row of a field. */
GtkWidget          *cl_guardian_dialog_get_text_row         (ClGuardianDialog   *self,
                                                             ClGuardianText      field);
GtkSwitch          *cl_guardian_dialog_get_responsibility_switch (ClGuardianDialog *self);
GtkWidget          *cl_guardian_dialog_get_save_button      (ClGuardianDialog   *self);

/* The calendar dialog's widgets a user works with. */
AdwComboRow      *cl_calendar_dialog_get_kind_row      (ClCalendarDialog *self);
GtkEditable      *cl_calendar_dialog_get_first_row     (ClCalendarDialog *self);
GtkEditable      *cl_calendar_dialog_get_last_row      (ClCalendarDialog *self);
GtkEditable      *cl_calendar_dialog_get_name_row      (ClCalendarDialog *self);
GtkWidget        *cl_calendar_dialog_get_add_button    (ClCalendarDialog *self);
GtkLabel         *cl_calendar_dialog_get_error_label   (ClCalendarDialog *self);
GtkLabel         *cl_calendar_dialog_get_open_days_label (ClCalendarDialog *self);
GtkListBox       *cl_calendar_dialog_get_entry_list    (ClCalendarDialog *self);
GtkLabel           *cl_guardian_dialog_get_error_label      (ClGuardianDialog   *self);

GtkLabel      *cl_attendance_card_get_attendance_label  (ClAttendanceCard   *self);
GtkWidget     *cl_attendance_card_get_persistent_badge  (ClAttendanceCard   *self);
GtkWidget     *cl_attendance_card_get_severe_badge      (ClAttendanceCard   *self);
GtkListBox    *cl_attendance_card_get_rules_list        (ClAttendanceCard   *self);
ClRegisterGrid *cl_register_calendar_get_grid           (ClRegisterCalendar *self);
GtkDropDown   *cl_register_calendar_get_year_dropdown   (ClRegisterCalendar *self);
ClSchoolAttendance *cl_school_editor_get_attendance     (ClSchoolEditor     *self);
/* ClAttendanceItem items, as listed (lowest attendance first). */
GListModel    *cl_school_attendance_get_pupils          (ClSchoolAttendance *self);
/* 0 attendance, 1 absence, 2 persistently absent, 3 severely absent. */
GtkLabel      *cl_school_attendance_get_figure_label    (ClSchoolAttendance *self,
                                                         guint               figure);
GtkListView   *cl_school_attendance_get_list_view       (ClSchoolAttendance *self);
/* What the grid last gave screen readers as its accessible label. */
const char    *cl_register_grid_get_accessible_label    (ClRegisterGrid     *self);

/* "progress", "done", "problems", "cancelled" or "error". */
const char    *cl_import_dialog_get_state        (ClImportDialog *self);
gboolean       cl_import_dialog_is_running       (ClImportDialog *self);
/* GtkStringObject items: "FILE:LINE: what". */
GListModel    *cl_import_dialog_get_problems     (ClImportDialog *self);
/* "312 pupils updated, 118,560 sessions" once done. */
const char    *cl_import_dialog_get_summary      (ClImportDialog *self);
GtkProgressBar *cl_import_dialog_get_progress_bar (ClImportDialog *self);
GtkWidget     *cl_import_dialog_get_clean_button (ClImportDialog *self);
GtkWidget     *cl_import_dialog_get_cancel_button (ClImportDialog *self);

AdwComboRow   *cl_column_mapping_dialog_get_field_row     (ClColumnMappingDialog *self,
                                                           guint                  field);
GtkWidget     *cl_column_mapping_dialog_get_import_button (ClColumnMappingDialog *self);

/* The row of a code ("england_2024", "Q"): an AdwComboRow when editable. */
GtkWidget     *cl_codes_window_get_row           (ClCodesWindow  *self,
                                                  const char     *code_set,
                                                  const char     *code);
GtkWidget     *cl_school_editor_get_number_row    (ClSchoolEditor *self,
                                                   ClSchoolNumber field);

/* --- documents and charts --- */
ClReportsPage    *cl_window_get_reports_page                (ClWindow          *self);
ClTemplateEditor *cl_reports_page_get_template_editor       (ClReportsPage     *self);
ClChartView      *cl_reports_page_get_chart_view            (ClReportsPage     *self);
/* The window Present mode last opened, while it is open. */
ClPresentWindow  *cl_reports_page_get_present_window        (ClReportsPage     *self);
/* The document the preview shows, as poppler reads it. */
PopplerDocument  *cl_document_preview_get_document          (ClDocumentPreview *self);
GtkLabel         *cl_document_preview_get_page_label        (ClDocumentPreview *self);
/* The page last rendered and its size in pixels; FALSE before any. */
gboolean          cl_document_preview_get_rendered          (ClDocumentPreview *self,
                                                             guint             *out_page,
                                                             int               *out_width,
                                                             int               *out_height);
GtkTextBuffer    *cl_template_editor_get_body_buffer        (ClTemplateEditor  *self);
GtkLabel         *cl_template_editor_get_message_label      (ClTemplateEditor  *self);
/* Checks the wording and lays out the preview at once, as the editor does
 * after a pause in typing. */
void              cl_template_editor_check_now              (ClTemplateEditor  *self);
guint             cl_template_editor_get_n_problems         (ClTemplateEditor  *self);
ClDocument       *cl_template_editor_get_preview_document   (ClTemplateEditor  *self);
/* What the view last gave screen readers as its accessible description. */
const char       *cl_chart_view_get_accessible_description  (ClChartView       *self);
/* Handles a key as the window's key controller does. */
gboolean          cl_present_window_press_key               (ClPresentWindow   *self,
                                                             guint              keyval,
                                                             GdkModifierType    state);
GtkLabel         *cl_present_window_get_counter_label       (ClPresentWindow   *self);
AdwCarousel      *cl_present_window_get_carousel            (ClPresentWindow   *self);

G_END_DECLS
