/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CL_TYPE_SCHOOL (cl_school_get_type ())
G_DECLARE_FINAL_TYPE (ClSchool, cl_school, CL, SCHOOL, GObject)

typedef enum
{
  CL_SCHOOL_NAME,
  CL_SCHOOL_TYPE,          /* an id from cl_school_types () */
  CL_SCHOOL_PHASE,         /* an id from cl_school_phases () */
  CL_SCHOOL_COUNTRY,       /* "england" or "wales" */
  CL_SCHOOL_ADDRESS,
  CL_SCHOOL_POSTCODE,
  CL_SCHOOL_HEAD_TEACHER,
  CL_SCHOOL_N_TEXT
} ClSchoolText;

typedef enum
{
  CL_SCHOOL_URN,
  CL_SCHOOL_LA_CODE,
  CL_SCHOOL_ESTAB,
  CL_SCHOOL_NUMBER_ON_ROLL,
  CL_SCHOOL_N_NUMBERS
} ClSchoolNumber;

/* NULL-terminated lists of the ids stored in the database, and their labels. */
const char *const *cl_school_types        (void);
const char        *cl_school_type_label   (const char     *type);
const char *const *cl_school_phases       (void);
const char        *cl_school_phase_label  (const char     *phase);

ClSchool   *cl_school_new                 (void);
ClSchool   *cl_school_copy                (ClSchool       *self);
gint64      cl_school_get_id              (ClSchool       *self);
void        cl_school_set_id              (ClSchool       *self,
                                           gint64          id);
const char *cl_school_get_text            (ClSchool       *self,
                                           ClSchoolText    field);
void        cl_school_set_text            (ClSchool       *self,
                                           ClSchoolText    field,
                                           const char     *value);
guint       cl_school_get_number          (ClSchool       *self,
                                           ClSchoolNumber  field);
void        cl_school_set_number          (ClSchool       *self,
                                           ClSchoolNumber  field,
                                           guint           value);
const char *cl_school_get_name            (ClSchool       *self);
guint       cl_school_get_urn             (ClSchool       *self);
/* "873/2001": LA code and establishment number. */
char       *cl_school_dup_dfe_number      (ClSchool       *self);
gint64      cl_school_get_link_officer_id (ClSchool       *self);
void        cl_school_set_link_officer    (ClSchool       *self,
                                           gint64          officer_id,
                                           const char     *officer_name);
/* Pupils currently enrolled, as counted by the repository when loaded. */
guint       cl_school_get_pupil_count     (ClSchool       *self);
void        cl_school_set_pupil_count     (ClSchool       *self,
                                           guint           count);
const char *cl_school_get_search_key      (ClSchool       *self);

gboolean    cl_school_validate            (ClSchool       *self,
                                           const char    **out_field,
                                           GError        **error);

G_END_DECLS
