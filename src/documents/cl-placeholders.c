/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-documents"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "documents/cl-placeholders.h"

static const ClPlaceholder placeholders[] = {
  { "pupil.forename", N_("Pupil"),
    N_("The pupil’s first name (preferred name where given)"), "Jamie" },
  { "pupil.surname", N_("Pupil"), N_("The pupil’s surname"), "Taylor" },
  { "pupil.full_name", N_("Pupil"), N_("First name and surname"), "Jamie Taylor" },
  { "pupil.dob", N_("Pupil"), N_("Date of birth, e.g. 4 May 2014"), "4 May 2014" },
  { "pupil.upn", N_("Pupil"), N_("Unique Pupil Number"), "H893120025014" },
  { "pupil.year", N_("Pupil"), N_("Year group this academic year, e.g. Year 7"), "Year 7" },
  { "pupil.school", N_("Pupil"), N_("The school the pupil is on roll at"), "Oakfield Academy" },
  { "pupil.address", N_("Pupil"),
    N_("The pupil’s address on one line"), "12 Mill Lane, Northtown, NT1 4AB" },
  { "school.name", N_("School"), N_("The pupil’s school"), "Oakfield Academy" },
  { "school.address", N_("School"),
    N_("The school’s address on one line"), "Oak Road, Northtown, NT2 6CD" },
  { "school.head_teacher", N_("School"), N_("The head teacher’s name"), "Mrs Helen Ward" },
  { "guardian.name", N_("Parent or carer"),
    N_("Title, first name and surname"), "Mrs Sarah Taylor" },
  { "guardian.title", N_("Parent or carer"), N_("Title, e.g. Mrs"), "Mrs" },
  { "guardian.surname", N_("Parent or carer"), N_("Surname"), "Taylor" },
  { "guardian.address", N_("Parent or carer"),
    N_("Their address on one line"), "12 Mill Lane, Northtown, NT1 4AB" },
  { "attendance.percent", N_("Attendance"), N_("Attendance over the period, e.g. 87.4%"), "87.4%" },
  { "attendance.possible", N_("Attendance"), N_("Possible sessions in the period"), "246" },
  { "attendance.unauthorised", N_("Attendance"), N_("Sessions of unauthorised absence"), "18" },
  { "attendance.authorised", N_("Attendance"), N_("Sessions of authorised absence"), "13" },
  { "attendance.from", N_("Attendance"), N_("First day of the period"), "1 September 2025" },
  { "attendance.to", N_("Attendance"), N_("Last day of the period"), "20 March 2026" },
  { "officer.name", N_("Officer"),
    N_("The education welfare officer signing the letter"), "Natalie Fletcher" },
  { "officer.phone", N_("Officer"), N_("The officer’s telephone number"), "01632 960 123" },
  { "officer.email", N_("Officer"),
    N_("The officer’s email address"), "n.fletcher@example.gov.uk" },
  { "visit.date", N_("Visit and meeting"), N_("Date of the home visit"), "Tuesday 24 March 2026" },
  { "meeting.date", N_("Visit and meeting"), N_("Date of the meeting"), "Thursday 26 March 2026" },
  { "meeting.time", N_("Visit and meeting"), N_("Time of the meeting"), "10:30am" },
  { "meeting.place", N_("Visit and meeting"),
    N_("Where the meeting is held"), "Oakfield Academy, meeting room 2" },
  { "improvement.weeks", N_("Notice to improve"),
    N_("Length of the improvement period in school weeks (3 to 6)"), "6" },
  { "improvement.end", N_("Notice to improve"),
    N_("Last day of the improvement period"), "8 May 2026" },
  { "today", N_("Letter"), N_("Today’s date"), "20 March 2026" },
  { "authority.name", N_("Letter"),
    N_("The local authority, from the letterhead"), "Northshire County Council" },
  { "service.name", N_("Letter"),
    N_("The service, from the letterhead"), "Education Welfare Service" },
  /* The Welsh form of every date above, for the Welsh half of a bilingual
   * letter: the same date with Welsh month and weekday names. Keep one here
   * for each date placeholder. */
  { "pupil.dob" CL_PLACEHOLDER_WELSH_SUFFIX, N_("Dates in Welsh"),
    N_("Date of birth in Welsh, e.g. 4 Mai 2014"), "4 Mai 2014" },
  { "attendance.from" CL_PLACEHOLDER_WELSH_SUFFIX, N_("Dates in Welsh"),
    N_("First day of the attendance period, in Welsh"), "1 Medi 2025" },
  { "attendance.to" CL_PLACEHOLDER_WELSH_SUFFIX, N_("Dates in Welsh"),
    N_("Last day of the attendance period, in Welsh"), "20 Mawrth 2026" },
  { "visit.date" CL_PLACEHOLDER_WELSH_SUFFIX, N_("Dates in Welsh"),
    N_("Date of the home visit, in Welsh"), "Dydd Mawrth 24 Mawrth 2026" },
  { "meeting.date" CL_PLACEHOLDER_WELSH_SUFFIX, N_("Dates in Welsh"),
    N_("Date of the meeting, in Welsh"), "Dydd Iau 26 Mawrth 2026" },
  { "improvement.end" CL_PLACEHOLDER_WELSH_SUFFIX, N_("Dates in Welsh"),
    N_("Last day of the improvement period, in Welsh"), "8 Mai 2026" },
  { "today" CL_PLACEHOLDER_WELSH_SUFFIX, N_("Dates in Welsh"),
    N_("Today’s date in Welsh"), "20 Mawrth 2026" },
};

const ClPlaceholder *
cl_placeholders_get_all (guint *n_placeholders)
{
  if (n_placeholders != NULL)
    *n_placeholders = G_N_ELEMENTS (placeholders);
  return placeholders;
}

const ClPlaceholder *
cl_placeholder_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (placeholders); i++)
    if (strcmp (placeholders[i].name, name) == 0)
      return &placeholders[i];
  return NULL;
}
