/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "store/cl-database.h"

G_BEGIN_DECLS

/* Car-allowance mileage, from the miles recorded on case events. Miles are
 * integer tenths of a mile throughout (12.5 miles = 125), so that totals add
 * up exactly; format them with cl_miles_format. */

typedef struct
{
  char   *date;         /* YYYY-MM-DD */
  char   *time;         /* HH:MM or "" */
  gint64  case_id;
  gint64  event_id;
  char   *event_type;   /* CL_VOCAB_EVENT_TYPE id */
  int     miles_tenths;
} ClMileageEntry;

#define CL_TYPE_MILEAGE_ENTRY (cl_mileage_entry_get_type ())
GType           cl_mileage_entry_get_type (void);
ClMileageEntry *cl_mileage_entry_copy     (const ClMileageEntry *entry);
void            cl_mileage_entry_free     (ClMileageEntry       *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClMileageEntry, cl_mileage_entry_free)

/* The events with miles that officer_id carried out in month ("YYYY-MM"),
 * by date and time, as a GPtrArray of ClMileageEntry, and their total in
 * *out_total_tenths (may be NULL). Cases closed since still count. A month
 * not written YYYY-MM is CL_CASEWORK_ERROR_INVALID, an unknown officer
 * CL_CASEWORK_ERROR_NOT_FOUND. */
GPtrArray      *cl_mileage_for_month      (ClDatabase  *db,
                                           gint64       officer_id,
                                           const char  *month,
                                           int         *out_total_tenths,
                                           GError     **error);

/* "12", "12.5", "0.3" → tenths (rounded to the nearest tenth); FALSE for
 * anything else, including negative numbers. */
gboolean        cl_miles_parse            (const char  *text,
                                           int         *out_tenths);
/* 125 → "12.5", 120 → "12.0". */
char           *cl_miles_format           (int          tenths);

G_END_DECLS
