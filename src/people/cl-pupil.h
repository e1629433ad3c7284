/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CL_TYPE_PUPIL (cl_pupil_get_type ())
G_DECLARE_FINAL_TYPE (ClPupil, cl_pupil, CL, PUPIL, GObject)

/* The text fields of a pupil, in the order of their properties. */
typedef enum
{
  CL_PUPIL_UPN,
  CL_PUPIL_LEGAL_FORENAME,
  CL_PUPIL_LEGAL_SURNAME,
  CL_PUPIL_MIDDLE_NAMES,
  CL_PUPIL_PREFERRED_FORENAME,
  CL_PUPIL_PREFERRED_SURNAME,
  CL_PUPIL_DOB,              /* ISO date */
  CL_PUPIL_SEX,              /* "F", "M" or "U" */
  CL_PUPIL_ADDRESS,
  CL_PUPIL_POSTCODE,
  CL_PUPIL_N_TEXT
} ClPupilText;

/* The flags kept for each pupil. */
typedef enum
{
  CL_PUPIL_EHCP,
  CL_PUPIL_SEN_SUPPORT,
  CL_PUPIL_FSM,
  CL_PUPIL_LOOKED_AFTER,
  CL_PUPIL_YOUNG_CARER,
  CL_PUPIL_EAL,
  CL_PUPIL_N_FLAGS
} ClPupilFlag;

ClPupil    *cl_pupil_new              (void);
ClPupil    *cl_pupil_copy             (ClPupil     *self);
/* Builds a pupil from arrays of CL_PUPIL_N_TEXT strings and CL_PUPIL_N_FLAGS
 * flags without emitting notifications: the fast path for loading lists. */
ClPupil    *cl_pupil_new_full         (gint64              id,
                                       const char * const *text,
                                       const gboolean     *flags);

gint64      cl_pupil_get_id           (ClPupil     *self);
void        cl_pupil_set_id           (ClPupil     *self,
                                       gint64       id);
const char *cl_pupil_get_text         (ClPupil     *self,
                                       ClPupilText  field);
void        cl_pupil_set_text         (ClPupil     *self,
                                       ClPupilText  field,
                                       const char  *value);
gboolean    cl_pupil_get_flag         (ClPupil     *self,
                                       ClPupilFlag  flag);
void        cl_pupil_set_flag         (ClPupil     *self,
                                       ClPupilFlag  flag,
                                       gboolean     value);
/* The property name of a text field or flag, e.g. "legal-surname", "fsm". */
const char *cl_pupil_text_property    (ClPupilText  field);
const char *cl_pupil_flag_property    (ClPupilFlag  flag);
const char *cl_pupil_flag_label       (ClPupilFlag  flag);

const char *cl_pupil_get_upn          (ClPupil     *self);
/* Preferred name where given, else legal. */
const char *cl_pupil_get_forename     (ClPupil     *self);
const char *cl_pupil_get_surname      (ClPupil     *self);
/* "Surname, Forename" — the order lists sort by. */
const char *cl_pupil_get_sort_name    (ClPupil     *self);
const char *cl_pupil_get_dob          (ClPupil     *self);
/* Year group in the current academic year (see cl_nc_year_for). */
int         cl_pupil_get_nc_year      (ClPupil     *self);

/* Current school, filled by the repository from the open enrolment. */
gint64      cl_pupil_get_school_id    (ClPupil     *self);
const char *cl_pupil_get_school_name  (ClPupil     *self);
guint       cl_pupil_get_school_urn   (ClPupil     *self);
void        cl_pupil_set_school       (ClPupil     *self,
                                       gint64       school_id,
                                       guint        urn,
                                       const char  *name);

/* Lower-case, accent-free text of name, preferred name, UPN and school, for
 * search-as-you-type. Built on first use. */
const char *cl_pupil_get_search_key   (ClPupil     *self);

/* Checks every field. On failure sets *out_field (if given) to the property
 * name of the first bad field and an error in CL_PEOPLE_ERROR_INVALID whose
 * message names the field and says why. */
gboolean    cl_pupil_validate         (ClPupil     *self,
                                       const char **out_field,
                                       GError     **error);

G_END_DECLS
