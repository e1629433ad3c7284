/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-pupil"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "people/cl-people-error.h"
#include "people/cl-pupil.h"
#include "people/cl-upn.h"
#include "store/cl-dates.h"
#include "store/cl-text.h"

struct _ClPupil
{
  GObject   parent_instance;

  gint64    id;
  char     *text[CL_PUPIL_N_TEXT];
  /* From cl_pupil_new_full: the texts share this one block (a list of 30,000
   * pupils is 270,000 fewer allocations); the first setter unpacks them. */
  char     *packed;
  gboolean  flags[CL_PUPIL_N_FLAGS];
  gint64    school_id;
  guint     school_urn;
  char     *school_name;
  char     *sort_name;
  char     *search_key;
};

G_DEFINE_FINAL_TYPE (ClPupil, cl_pupil, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT_FIRST,
  PROP_TEXT_LAST = PROP_TEXT_FIRST + CL_PUPIL_N_TEXT - 1,
  PROP_FLAG_FIRST,
  PROP_FLAG_LAST = PROP_FLAG_FIRST + CL_PUPIL_N_FLAGS - 1,
  PROP_FORENAME,
  PROP_SURNAME,
  PROP_SORT_NAME,
  PROP_NC_YEAR,
  PROP_YEAR_LABEL,
  PROP_SCHOOL_ID,
  PROP_SCHOOL_NAME,
  PROP_SCHOOL_URN,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static const char *const text_props[CL_PUPIL_N_TEXT] = {
  "upn", "legal-forename", "legal-surname", "middle-names", "preferred-forename",
  "preferred-surname", "dob", "sex", "address", "postcode",
};
static const char *const flag_props[CL_PUPIL_N_FLAGS] = {
  "ehcp", "sen-support", "fsm", "looked-after", "young-carer", "eal",
};

const char *
cl_pupil_text_property (ClPupilText field)
{
  g_return_val_if_fail (field < CL_PUPIL_N_TEXT, NULL);
  return text_props[field];
}

const char *
cl_pupil_flag_property (ClPupilFlag flag)
{
  g_return_val_if_fail (flag < CL_PUPIL_N_FLAGS, NULL);
  return flag_props[flag];
}

const char *
cl_pupil_flag_label (ClPupilFlag flag)
{
  switch (flag)
    {
    case CL_PUPIL_EHCP: return _("EHC plan");
    case CL_PUPIL_SEN_SUPPORT: return _("SEN support");
    case CL_PUPIL_FSM: return _("Free school meals");
    case CL_PUPIL_LOOKED_AFTER: return _("Looked after");
    case CL_PUPIL_YOUNG_CARER: return _("Young carer");
    case CL_PUPIL_EAL: return _("English as an additional language");
    case CL_PUPIL_N_FLAGS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
invalidate_derived (ClPupil *self)
{
  g_clear_pointer (&self->sort_name, g_free);
  g_clear_pointer (&self->search_key, g_free);
}

static void
cl_pupil_finalize (GObject *object)
{
  ClPupil *self = CL_PUPIL (object);

  if (self->packed == NULL)
    for (guint i = 0; i < CL_PUPIL_N_TEXT; i++)
      g_free (self->text[i]);
  g_free (self->packed);
  g_free (self->school_name);
  invalidate_derived (self);

  G_OBJECT_CLASS (cl_pupil_parent_class)->finalize (object);
}

static void
cl_pupil_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  ClPupil *self = CL_PUPIL (object);

  if (prop_id >= PROP_TEXT_FIRST && prop_id <= PROP_TEXT_LAST)
    {
      g_value_set_string (value, self->text[prop_id - PROP_TEXT_FIRST]);
      return;
    }
  if (prop_id >= PROP_FLAG_FIRST && prop_id <= PROP_FLAG_LAST)
    {
      g_value_set_boolean (value, self->flags[prop_id - PROP_FLAG_FIRST]);
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_FORENAME:
      g_value_set_string (value, cl_pupil_get_forename (self));
      break;
    case PROP_SURNAME:
      g_value_set_string (value, cl_pupil_get_surname (self));
      break;
    case PROP_SORT_NAME:
      g_value_set_string (value, cl_pupil_get_sort_name (self));
      break;
    case PROP_NC_YEAR:
      g_value_set_int (value, cl_pupil_get_nc_year (self));
      break;
    case PROP_YEAR_LABEL:
      g_value_take_string (value, self->text[CL_PUPIL_DOB] != NULL
                                    ? cl_nc_year_label (cl_pupil_get_nc_year (self))
                                    : NULL);
      break;
    case PROP_SCHOOL_ID:
      g_value_set_int64 (value, self->school_id);
      break;
    case PROP_SCHOOL_NAME:
      g_value_set_string (value, self->school_name);
      break;
    case PROP_SCHOOL_URN:
      g_value_set_uint (value, self->school_urn);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_pupil_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  ClPupil *self = CL_PUPIL (object);

  if (prop_id >= PROP_TEXT_FIRST && prop_id <= PROP_TEXT_LAST)
    cl_pupil_set_text (self, prop_id - PROP_TEXT_FIRST, g_value_get_string (value));
  else if (prop_id >= PROP_FLAG_FIRST && prop_id <= PROP_FLAG_LAST)
    cl_pupil_set_flag (self, prop_id - PROP_FLAG_FIRST, g_value_get_boolean (value));
  else if (prop_id == PROP_ID)
    cl_pupil_set_id (self, g_value_get_int64 (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cl_pupil_class_init (ClPupilClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cl_pupil_finalize;
  object_class->get_property = cl_pupil_get_property;
  object_class->set_property = cl_pupil_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  for (guint i = 0; i < CL_PUPIL_N_TEXT; i++)
    properties[PROP_TEXT_FIRST + i] = g_param_spec_string (text_props[i], NULL, NULL, NULL, rw);
  for (guint i = 0; i < CL_PUPIL_N_FLAGS; i++)
    properties[PROP_FLAG_FIRST + i] = g_param_spec_boolean (flag_props[i], NULL, NULL, FALSE, rw);
  properties[PROP_FORENAME] = g_param_spec_string ("forename", NULL, NULL, NULL, ro);
  properties[PROP_SURNAME] = g_param_spec_string ("surname", NULL, NULL, NULL, ro);
  properties[PROP_SORT_NAME] = g_param_spec_string ("sort-name", NULL, NULL, NULL, ro);
  properties[PROP_NC_YEAR] = g_param_spec_int ("nc-year", NULL, NULL, -5, 20, 0, ro);
  properties[PROP_YEAR_LABEL] = g_param_spec_string ("year-label", NULL, NULL, NULL, ro);
  properties[PROP_SCHOOL_ID] = g_param_spec_int64 ("school-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_SCHOOL_NAME] = g_param_spec_string ("school-name", NULL, NULL, NULL, ro);
  properties[PROP_SCHOOL_URN] = g_param_spec_uint ("school-urn", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_pupil_init (ClPupil *self)
{
}

ClPupil *
cl_pupil_new (void)
{
  return g_object_new (CL_TYPE_PUPIL, NULL);
}

ClPupil *
cl_pupil_new_full (gint64              id,
                   const char * const *text,
                   const gboolean     *flags)
{
  ClPupil *self = cl_pupil_new ();
  gsize lengths[CL_PUPIL_N_TEXT];
  gsize total = 0;
  char *p;

  self->id = id;
  for (guint i = 0; i < CL_PUPIL_N_TEXT; i++)
    {
      lengths[i] = text[i] != NULL ? strlen (text[i]) + 1 : 0;
      total += lengths[i];
    }
  p = self->packed = g_malloc (MAX (total, 1));
  for (guint i = 0; i < CL_PUPIL_N_TEXT; i++)
    {
      if (text[i] == NULL)
        continue;
      memcpy (p, text[i], lengths[i]);
      self->text[i] = p;
      p += lengths[i];
    }
  for (guint i = 0; i < CL_PUPIL_N_FLAGS; i++)
    self->flags[i] = !!flags[i];
  return self;
}

ClPupil *
cl_pupil_copy (ClPupil *self)
{
  ClPupil *copy;

  g_return_val_if_fail (CL_IS_PUPIL (self), NULL);

  copy = cl_pupil_new ();
  copy->id = self->id;
  for (guint i = 0; i < CL_PUPIL_N_TEXT; i++)
    copy->text[i] = g_strdup (self->text[i]);
  memcpy (copy->flags, self->flags, sizeof self->flags);
  copy->school_id = self->school_id;
  copy->school_urn = self->school_urn;
  copy->school_name = g_strdup (self->school_name);
  return copy;
}

gint64
cl_pupil_get_id (ClPupil *self)
{
  g_return_val_if_fail (CL_IS_PUPIL (self), 0);
  return self->id;
}

void
cl_pupil_set_id (ClPupil *self,
                 gint64   id)
{
  g_return_if_fail (CL_IS_PUPIL (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
cl_pupil_get_text (ClPupil     *self,
                   ClPupilText  field)
{
  g_return_val_if_fail (CL_IS_PUPIL (self), NULL);
  g_return_val_if_fail (field < CL_PUPIL_N_TEXT, NULL);
  return self->text[field] != NULL ? self->text[field] : "";
}

void
cl_pupil_set_text (ClPupil     *self,
                   ClPupilText  field,
                   const char  *value)
{
  GObject *object = G_OBJECT (self);

  g_return_if_fail (CL_IS_PUPIL (self));
  g_return_if_fail (field < CL_PUPIL_N_TEXT);

  if (g_strcmp0 (self->text[field], value) == 0)
    return;
  if (self->packed != NULL)
    {
      for (guint i = 0; i < CL_PUPIL_N_TEXT; i++)
        self->text[i] = g_strdup (self->text[i]);
      g_clear_pointer (&self->packed, g_free);
    }
  g_free (self->text[field]);
  self->text[field] = g_strdup (value);
  invalidate_derived (self);

  g_object_freeze_notify (object);
  g_object_notify_by_pspec (object, properties[PROP_TEXT_FIRST + field]);
  switch (field)
    {
    case CL_PUPIL_LEGAL_FORENAME:
    case CL_PUPIL_PREFERRED_FORENAME:
      g_object_notify_by_pspec (object, properties[PROP_FORENAME]);
      g_object_notify_by_pspec (object, properties[PROP_SORT_NAME]);
      break;
    case CL_PUPIL_LEGAL_SURNAME:
    case CL_PUPIL_PREFERRED_SURNAME:
      g_object_notify_by_pspec (object, properties[PROP_SURNAME]);
      g_object_notify_by_pspec (object, properties[PROP_SORT_NAME]);
      break;
    case CL_PUPIL_DOB:
      g_object_notify_by_pspec (object, properties[PROP_NC_YEAR]);
      g_object_notify_by_pspec (object, properties[PROP_YEAR_LABEL]);
      break;
    case CL_PUPIL_UPN:
    case CL_PUPIL_MIDDLE_NAMES:
    case CL_PUPIL_SEX:
    case CL_PUPIL_ADDRESS:
    case CL_PUPIL_POSTCODE:
    case CL_PUPIL_N_TEXT:
    default:
      break;
    }
  g_object_thaw_notify (object);
}

gboolean
cl_pupil_get_flag (ClPupil     *self,
                   ClPupilFlag  flag)
{
  g_return_val_if_fail (CL_IS_PUPIL (self), FALSE);
  g_return_val_if_fail (flag < CL_PUPIL_N_FLAGS, FALSE);
  return self->flags[flag];
}

void
cl_pupil_set_flag (ClPupil     *self,
                   ClPupilFlag  flag,
                   gboolean     value)
{
  g_return_if_fail (CL_IS_PUPIL (self));
  g_return_if_fail (flag < CL_PUPIL_N_FLAGS);

  value = !!value;
  if (self->flags[flag] == value)
    return;
  self->flags[flag] = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLAG_FIRST + flag]);
}

const char *
cl_pupil_get_upn (ClPupil *self)
{
  return cl_pupil_get_text (self, CL_PUPIL_UPN);
}

const char *
cl_pupil_get_forename (ClPupil *self)
{
  const char *preferred = cl_pupil_get_text (self, CL_PUPIL_PREFERRED_FORENAME);
  return *preferred != '\0' ? preferred : cl_pupil_get_text (self, CL_PUPIL_LEGAL_FORENAME);
}

const char *
cl_pupil_get_surname (ClPupil *self)
{
  const char *preferred = cl_pupil_get_text (self, CL_PUPIL_PREFERRED_SURNAME);
  return *preferred != '\0' ? preferred : cl_pupil_get_text (self, CL_PUPIL_LEGAL_SURNAME);
}

const char *
cl_pupil_get_sort_name (ClPupil *self)
{
  g_return_val_if_fail (CL_IS_PUPIL (self), NULL);
  if (self->sort_name == NULL)
    self->sort_name = g_strdup_printf ("%s, %s", cl_pupil_get_surname (self),
                                       cl_pupil_get_forename (self));
  return self->sort_name;
}

const char *
cl_pupil_get_dob (ClPupil *self)
{
  return cl_pupil_get_text (self, CL_PUPIL_DOB);
}

int
cl_pupil_get_nc_year (ClPupil *self)
{
  GDate dob;

  g_return_val_if_fail (CL_IS_PUPIL (self), 0);
  if (!cl_date_parse (self->text[CL_PUPIL_DOB], &dob))
    return 0;
  return CLAMP (cl_nc_year_for (&dob, cl_current_academic_year ()), -5, 20);
}

gint64
cl_pupil_get_school_id (ClPupil *self)
{
  g_return_val_if_fail (CL_IS_PUPIL (self), 0);
  return self->school_id;
}

const char *
cl_pupil_get_school_name (ClPupil *self)
{
  g_return_val_if_fail (CL_IS_PUPIL (self), NULL);
  return self->school_name != NULL ? self->school_name : "";
}

guint
cl_pupil_get_school_urn (ClPupil *self)
{
  g_return_val_if_fail (CL_IS_PUPIL (self), 0);
  return self->school_urn;
}

void
cl_pupil_set_school (ClPupil    *self,
                     gint64      school_id,
                     guint       urn,
                     const char *name)
{
  GObject *object = G_OBJECT (self);

  g_return_if_fail (CL_IS_PUPIL (self));

  if (self->school_id == school_id && self->school_urn == urn
      && g_strcmp0 (self->school_name, name) == 0)
    return;
  self->school_id = school_id;
  self->school_urn = urn;
  g_free (self->school_name);
  self->school_name = g_strdup (name);
  g_clear_pointer (&self->search_key, g_free);

  g_object_freeze_notify (object);
  g_object_notify_by_pspec (object, properties[PROP_SCHOOL_ID]);
  g_object_notify_by_pspec (object, properties[PROP_SCHOOL_URN]);
  g_object_notify_by_pspec (object, properties[PROP_SCHOOL_NAME]);
  g_object_thaw_notify (object);
}

const char *
cl_pupil_get_search_key (ClPupil *self)
{
  g_return_val_if_fail (CL_IS_PUPIL (self), NULL);

  if (self->search_key == NULL)
    {
      g_autofree char *raw =
        g_strjoin (" ", cl_pupil_get_text (self, CL_PUPIL_LEGAL_FORENAME),
                   cl_pupil_get_text (self, CL_PUPIL_MIDDLE_NAMES),
                   cl_pupil_get_text (self, CL_PUPIL_LEGAL_SURNAME),
                   cl_pupil_get_text (self, CL_PUPIL_PREFERRED_FORENAME),
                   cl_pupil_get_text (self, CL_PUPIL_PREFERRED_SURNAME),
                   cl_pupil_get_text (self, CL_PUPIL_UPN),
                   cl_pupil_get_school_name (self), NULL);
      self->search_key = cl_text_fold (raw);
    }
  return self->search_key;
}

static gboolean
invalid (const char  **out_field,
         const char   *field,
         GError      **error,
         const char   *format,
         ...) G_GNUC_PRINTF (4, 5);

static gboolean
invalid (const char  **out_field,
         const char   *field,
         GError      **error,
         const char   *format,
         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (out_field != NULL)
    *out_field = field;
  g_set_error_literal (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

gboolean
cl_pupil_validate (ClPupil     *self,
                   const char **out_field,
                   GError     **error)
{
  const char *sex;
  GDate dob, today;
  char expected;
  ClUpnResult upn_result;

  g_return_val_if_fail (CL_IS_PUPIL (self), FALSE);

  upn_result = cl_upn_check (self->text[CL_PUPIL_UPN], &expected);
  if (upn_result != CL_UPN_VALID)
    {
      g_autofree char *why = cl_upn_describe (upn_result, expected);
      return invalid (out_field, "upn", error, _("UPN: %s."), why);
    }
  if (is_blank (self->text[CL_PUPIL_LEGAL_FORENAME]))
    return invalid (out_field, "legal-forename", error, _("Legal forename: enter the pupil’s forename."));
  if (is_blank (self->text[CL_PUPIL_LEGAL_SURNAME]))
    return invalid (out_field, "legal-surname", error, _("Legal surname: enter the pupil’s surname."));
  for (guint i = CL_PUPIL_LEGAL_FORENAME; i <= CL_PUPIL_PREFERRED_SURNAME; i++)
    if (self->text[i] != NULL && !g_utf8_validate (self->text[i], -1, NULL))
      return invalid (out_field, text_props[i], error, _("Name: the text is not valid UTF-8."));

  if (!cl_date_parse (self->text[CL_PUPIL_DOB], &dob))
    return invalid (out_field, "dob", error,
                    _("Date of birth: “%s” is not a date (use YYYY-MM-DD or DD/MM/YYYY)."),
                    self->text[CL_PUPIL_DOB] != NULL ? self->text[CL_PUPIL_DOB] : "");
  cl_date_today (&today);
  if (g_date_compare (&dob, &today) > 0)
    return invalid (out_field, "dob", error, _("Date of birth: it is in the future."));
  if (g_date_get_year (&today) - g_date_get_year (&dob) > 25)
    return invalid (out_field, "dob", error,
                    _("Date of birth: the pupil would be over 25; check the year."));

  sex = self->text[CL_PUPIL_SEX];
  if (sex == NULL || (strcmp (sex, "F") != 0 && strcmp (sex, "M") != 0 && strcmp (sex, "U") != 0))
    return invalid (out_field, "sex", error, _("Sex: must be F, M or U (unknown)."));

  return TRUE;
}
