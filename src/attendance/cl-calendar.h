/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "store/cl-database.h"

G_BEGIN_DECLS

/* A school's calendar for one academic year: dated ranges of kind term, inset,
 * closure, bank_holiday or holiday (half terms and the breaks between terms).
 * A day is open to pupils when it is a weekday inside a term and inside no
 * other range. The calendar validates imports (no counted marks on a closed
 * day) and is shown to users; statistics and rules never use it — possible
 * sessions come from the register. Dates are ISO "YYYY-MM-DD". */

typedef enum
{
  CL_CALENDAR_KIND_TERM,
  CL_CALENDAR_KIND_INSET,
  CL_CALENDAR_KIND_CLOSURE,
  CL_CALENDAR_KIND_BANK_HOLIDAY,
  CL_CALENDAR_KIND_HOLIDAY,
} ClCalendarKind;

typedef enum
{
  CL_CALENDAR_DAY_OPEN,
  CL_CALENDAR_DAY_WEEKEND,
  CL_CALENDAR_DAY_HOLIDAY,       /* in a holiday range, or in no term */
  CL_CALENDAR_DAY_INSET,
  CL_CALENDAR_DAY_BANK_HOLIDAY,
  CL_CALENDAR_DAY_CLOSURE,
  CL_CALENDAR_DAY_OUTSIDE,       /* not in this calendar's academic year */
} ClCalendarDay;

/* "term", "inset", "closure", "bank_holiday", "holiday". */
const char *cl_calendar_kind_to_string   (ClCalendarKind  kind);
gboolean    cl_calendar_kind_from_string (const char     *text,
                                          ClCalendarKind *out_kind);

typedef struct
{
  ClCalendarKind kind;
  char          *name;
  char          *start_date;
  char          *end_date;
} ClCalendarEntry;

#define CL_TYPE_CALENDAR_ENTRY (cl_calendar_entry_get_type ())
GType            cl_calendar_entry_get_type (void);
ClCalendarEntry *cl_calendar_entry_copy     (const ClCalendarEntry *entry);
void             cl_calendar_entry_free     (ClCalendarEntry       *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClCalendarEntry, cl_calendar_entry_free)

#define CL_TYPE_CALENDAR (cl_calendar_get_type ())
G_DECLARE_FINAL_TYPE (ClCalendar, cl_calendar, CL, CALENDAR, GObject)

ClCalendar    *cl_calendar_new                   (gint64          school_id,
                                                  int             academic_year);
/* A standard English calendar: autumn, spring and summer terms, each with a
 * one-week half term; Christmas, Easter (two weeks around Easter Sunday) and
 * summer holidays; 5 INSET days; every England bank holiday in the year; the
 * summer term ends when pupils have had 190 days. Used by the demo. */
ClCalendar    *cl_calendar_new_standard_england  (gint64          school_id,
                                                  int             academic_year);
/* Loads the stored calendar; an empty calendar when none is stored. */
ClCalendar    *cl_calendar_load                  (ClDatabase     *db,
                                                  gint64          school_id,
                                                  int             academic_year,
                                                  GError        **error);
/* Replaces the stored calendar of this school and year (audited). */
gboolean       cl_calendar_save                  (ClCalendar     *self,
                                                  ClDatabase     *db,
                                                  GError        **error);

gint64         cl_calendar_get_school_id         (ClCalendar     *self);
int            cl_calendar_get_academic_year     (ClCalendar     *self);
/* Both dates must fall within the academic year. */
gboolean       cl_calendar_add                   (ClCalendar     *self,
                                                  ClCalendarKind  kind,
                                                  const char     *name,
                                                  const char     *start_date,
                                                  const char     *end_date,
                                                  GError        **error);
/* Removes the entry at index (in cl_calendar_get_entries order). */
void           cl_calendar_remove                (ClCalendar     *self,
                                                  guint           index);
/* TRUE when no term is defined: nothing is known about the year. */
gboolean       cl_calendar_is_empty              (ClCalendar     *self);
/* All entries ordered by start date (transfer none). */
GPtrArray     *cl_calendar_get_entries           (ClCalendar     *self);
/* The term entries only, ordered (transfer container). */
GPtrArray     *cl_calendar_dup_terms             (ClCalendar     *self);

ClCalendarDay  cl_calendar_get_day               (ClCalendar     *self,
                                                  const char     *date);
ClCalendarDay  cl_calendar_get_day_julian        (ClCalendar     *self,
                                                  guint32         julian);
/* TRUE unless the day is open to pupils. An empty calendar closes weekends only. */
gboolean       cl_calendar_is_closed             (ClCalendar     *self,
                                                  const char     *date);
/* Days open to pupils between from and to inclusive (NULL = start / end of the year). */
guint          cl_calendar_count_open_days       (ClCalendar     *self,
                                                  const char     *from,
                                                  const char     *to);

/* Easter Sunday of a Gregorian year, "YYYY-MM-DD". */
char          *cl_easter_sunday                  (int             year);

G_END_DECLS
