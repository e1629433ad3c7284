/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CL_TYPE_GUARDIAN (cl_guardian_get_type ())
G_DECLARE_FINAL_TYPE (ClGuardian, cl_guardian, CL, GUARDIAN, GObject)

typedef enum
{
  CL_GUARDIAN_TITLE,
  CL_GUARDIAN_FORENAME,
  CL_GUARDIAN_SURNAME,
  CL_GUARDIAN_ADDRESS,
  CL_GUARDIAN_POSTCODE,
  CL_GUARDIAN_PHONE_HOME,
  CL_GUARDIAN_PHONE_MOBILE,
  CL_GUARDIAN_PHONE_WORK,
  CL_GUARDIAN_EMAIL,
  CL_GUARDIAN_LANGUAGE,        /* "en", "cy" or "other" */
  CL_GUARDIAN_LANGUAGE_OTHER,
  /* Of the link to one pupil; set when loaded through that pupil. */
  CL_GUARDIAN_RELATIONSHIP,    /* "mother", "father", "carer", "grandparent" … */
  CL_GUARDIAN_N_TEXT
} ClGuardianText;

ClGuardian *cl_guardian_new                         (void);
gint64      cl_guardian_get_id                      (ClGuardian     *self);
void        cl_guardian_set_id                      (ClGuardian     *self,
                                                     gint64          id);
const char *cl_guardian_get_text                    (ClGuardian     *self,
                                                     ClGuardianText  field);
void        cl_guardian_set_text                    (ClGuardian     *self,
                                                     ClGuardianText  field,
                                                     const char     *value);
/* "Mrs Amina Begum": title, forename, surname. */
char       *cl_guardian_dup_display_name            (ClGuardian     *self);
gboolean    cl_guardian_get_parental_responsibility (ClGuardian     *self);
void        cl_guardian_set_parental_responsibility (ClGuardian     *self,
                                                     gboolean        value);
gboolean    cl_guardian_get_lives_with              (ClGuardian     *self);
void        cl_guardian_set_lives_with              (ClGuardian     *self,
                                                     gboolean        value);
gboolean    cl_guardian_validate                    (ClGuardian     *self,
                                                     const char    **out_field,
                                                     GError        **error);

G_END_DECLS
