/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Hooks for the UI tests and the casework UI benchmark into the Caseload
 * area: they reach the widgets a user sees and works with, never a position
 * on the screen. Not for use by the application itself. */

#include "ui/cl-case-page.h"
#include "ui/cl-caseload-page.h"
#include "ui/cl-event-dialog.h"
#include "ui/cl-family-view.h"
#include "ui/cl-new-case-dialog.h"
#include "ui/cl-officer-switch.h"
#include "ui/cl-session-strip.h"
#include "ui/cl-slot.h"
#include "ui/cl-trend-sparkline.h"

G_BEGIN_DECLS

/* --- the caseload page --- */
GtkColumnView   *cl_caseload_page_get_cases_view      (ClCaseloadPage *self);
GtkColumnView   *cl_caseload_page_get_queue_view      (ClCaseloadPage *self);
/* ClCaseloadRow items as cl_caseload_build gave them (before filters). */
GListModel      *cl_caseload_page_get_rows            (ClCaseloadPage *self);
GtkLabel        *cl_caseload_page_get_count_label     (ClCaseloadPage *self);
GtkDropDown     *cl_caseload_page_get_school_dropdown (ClCaseloadPage *self);
GtkDropDown     *cl_caseload_page_get_status_dropdown (ClCaseloadPage *self);
GtkDropDown     *cl_caseload_page_get_stage_dropdown  (ClCaseloadPage *self);
/* The due date of the table row at position (at the end of its Next action
 * cell), while the view has it; NULL otherwise. */
GtkWidget       *cl_caseload_page_get_due_cell        (ClCaseloadPage *self,
                                                       guint           position);
ClCasePage      *cl_caseload_page_get_case_page       (ClCaseloadPage *self);
ClFamilyView    *cl_caseload_page_get_family_view     (ClCaseloadPage *self);
/* The open New Case dialog, or NULL. */
ClNewCaseDialog *cl_caseload_page_get_new_case_dialog (ClCaseloadPage *self);
/* "cases", "queue", "case" or "family". */
const char      *cl_caseload_page_get_visible_view    (ClCaseloadPage *self);
/* "cases" or "queue", as the view switcher does. */
void             cl_caseload_page_show_view           (ClCaseloadPage *self,
                                                       const char     *name);

/* --- the case page --- */
GtkListView     *cl_case_page_get_timeline_view       (ClCasePage     *self);
/* ClCaseTimelineItem items, newest week first. */
GListModel      *cl_case_page_get_timeline            (ClCasePage     *self);
/* The position of an event in the timeline, or GTK_INVALID_LIST_POSITION. */
guint            cl_case_page_find_event              (ClCasePage     *self,
                                                       gint64          event_id);
/* The text a row shows (its labels, one a line), while the view has a row
 * widget for that position; NULL otherwise. */
char            *cl_case_page_dup_row_text            (ClCasePage     *self,
                                                       guint           position);
GtkLabel        *cl_case_page_get_status_label        (ClCasePage     *self);
GtkLabel        *cl_case_page_get_stage_label         (ClCasePage     *self);
/* The dialogs as their buttons open them; each is returned shown. */
ClEventDialog   *cl_case_page_add_event               (ClCasePage     *self);
ClEventDialog   *cl_case_page_correct_event           (ClCasePage     *self,
                                                       gint64          event_id);
AdwMessageDialog *cl_case_page_close_case             (ClCasePage     *self);
/* The choice in a dialog made by the case page (Close, Change Stage,
 * Reassign), and its text entry (outcome, reason). */
GtkDropDown     *cl_case_page_dialog_get_dropdown     (AdwMessageDialog *dialog);
GtkEditable     *cl_case_page_dialog_get_entry        (AdwMessageDialog *dialog);
/* The question "Discard What You Typed?" that Cancel in such a dialog
 * asks when its entry has text, while it is shown; else NULL. */
AdwMessageDialog *cl_case_page_dialog_get_discard_question (AdwMessageDialog *dialog);

/* --- the event form --- */
AdwComboRow     *cl_event_dialog_get_type_row         (ClEventDialog  *self);
/* The row or text view of a field; typing into it is as the user does. */
GtkWidget       *cl_event_dialog_get_field            (ClEventDialog  *self,
                                                       ClCaseEventText field);
/* Sets a field's text as typed (entry row or text view alike). */
void             cl_event_dialog_set_text             (ClEventDialog  *self,
                                                       ClCaseEventText field,
                                                       const char     *text);
GtkEditable     *cl_event_dialog_get_reason_entry     (ClEventDialog  *self);
GtkEditable     *cl_event_dialog_get_miles_entry      (ClEventDialog  *self);
GtkLabel        *cl_event_dialog_get_error_label      (ClEventDialog  *self);
GtkWidget       *cl_event_dialog_get_save_button      (ClEventDialog  *self);

/* --- the family view --- */
/* One row per child: its ClSessionStrip. */
guint            cl_family_view_get_n_rows            (ClFamilyView   *self);
ClSessionStrip  *cl_family_view_get_strip             (ClFamilyView   *self,
                                                       guint           row);
/* "Amy Hill", "Oak Primary School" of a row. */
const char      *cl_family_view_get_row_name          (ClFamilyView   *self,
                                                       guint           row);
const char      *cl_family_view_get_row_school        (ClFamilyView   *self,
                                                       guint           row);

/* --- the new case dialog --- */
/* Finds pupils as the search entry does after its typing delay. */
void             cl_new_case_dialog_search_now        (ClNewCaseDialog *self,
                                                       const char      *text);
/* Chooses the pupil, a reason (vocabulary id) on or off. */
void             cl_new_case_dialog_choose_pupil      (ClNewCaseDialog *self,
                                                       gint64           pupil_id);
void             cl_new_case_dialog_set_reason        (ClNewCaseDialog *self,
                                                       const char      *reason,
                                                       gboolean         active);
GtkLabel        *cl_new_case_dialog_get_error_label   (ClNewCaseDialog *self);

G_END_DECLS
