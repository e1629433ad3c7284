/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-school"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "people/cl-people-error.h"
#include "people/cl-school.h"
#include "store/cl-text.h"

struct _ClSchool
{
  GObject  parent_instance;

  gint64   id;
  char    *text[CL_SCHOOL_N_TEXT];
  guint    numbers[CL_SCHOOL_N_NUMBERS];
  gint64   link_officer_id;
  char    *link_officer_name;
  guint    pupil_count;
  char    *search_key;
};

G_DEFINE_FINAL_TYPE (ClSchool, cl_school, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT_FIRST,
  PROP_TEXT_LAST = PROP_TEXT_FIRST + CL_SCHOOL_N_TEXT - 1,
  PROP_NUMBER_FIRST,
  PROP_NUMBER_LAST = PROP_NUMBER_FIRST + CL_SCHOOL_N_NUMBERS - 1,
  PROP_DFE_NUMBER,
  PROP_TYPE_LABEL,
  PROP_PHASE_LABEL,
  PROP_LINK_OFFICER_ID,
  PROP_LINK_OFFICER_NAME,
  PROP_PUPIL_COUNT,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static const char *const text_props[CL_SCHOOL_N_TEXT] = {
  "name", "school-type", "phase", "country", "address", "postcode", "head-teacher",
};
static const char *const number_props[CL_SCHOOL_N_NUMBERS] = {
  "urn", "la-code", "estab", "number-on-roll",
};

static const char *const types[] = {
  "la_maintained", "academy", "free_school", "special", "pru", "independent", NULL
};
static const char *const phases[] = {
  "nursery", "primary", "middle", "secondary", "all_through", "post16", NULL
};

const char *const *
cl_school_types (void)
{
  return types;
}

const char *
cl_school_type_label (const char *type)
{
  if (g_strcmp0 (type, "la_maintained") == 0) return _("LA-maintained");
  if (g_strcmp0 (type, "academy") == 0) return _("Academy");
  if (g_strcmp0 (type, "free_school") == 0) return _("Free school");
  if (g_strcmp0 (type, "special") == 0) return _("Special school");
  if (g_strcmp0 (type, "pru") == 0) return _("Pupil referral unit");
  if (g_strcmp0 (type, "independent") == 0) return _("Independent");
  return "";
}

const char *const *
cl_school_phases (void)
{
  return phases;
}

const char *
cl_school_phase_label (const char *phase)
{
  if (g_strcmp0 (phase, "nursery") == 0) return _("Nursery");
  if (g_strcmp0 (phase, "primary") == 0) return _("Primary");
  if (g_strcmp0 (phase, "middle") == 0) return _("Middle");
  if (g_strcmp0 (phase, "secondary") == 0) return _("Secondary");
  if (g_strcmp0 (phase, "all_through") == 0) return _("All-through");
  if (g_strcmp0 (phase, "post16") == 0) return _("16 plus");
  return "";
}

static void
cl_school_finalize (GObject *object)
{
  ClSchool *self = CL_SCHOOL (object);

  for (guint i = 0; i < CL_SCHOOL_N_TEXT; i++)
    g_free (self->text[i]);
  g_free (self->link_officer_name);
  g_free (self->search_key);

  G_OBJECT_CLASS (cl_school_parent_class)->finalize (object);
}

static void
cl_school_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ClSchool *self = CL_SCHOOL (object);

  if (prop_id >= PROP_TEXT_FIRST && prop_id <= PROP_TEXT_LAST)
    g_value_set_string (value, self->text[prop_id - PROP_TEXT_FIRST]);
  else if (prop_id >= PROP_NUMBER_FIRST && prop_id <= PROP_NUMBER_LAST)
    g_value_set_uint (value, self->numbers[prop_id - PROP_NUMBER_FIRST]);
  else if (prop_id == PROP_ID)
    g_value_set_int64 (value, self->id);
  else if (prop_id == PROP_DFE_NUMBER)
    g_value_take_string (value, cl_school_dup_dfe_number (self));
  else if (prop_id == PROP_TYPE_LABEL)
    g_value_set_string (value, cl_school_type_label (self->text[CL_SCHOOL_TYPE]));
  else if (prop_id == PROP_PHASE_LABEL)
    g_value_set_string (value, cl_school_phase_label (self->text[CL_SCHOOL_PHASE]));
  else if (prop_id == PROP_LINK_OFFICER_ID)
    g_value_set_int64 (value, self->link_officer_id);
  else if (prop_id == PROP_LINK_OFFICER_NAME)
    g_value_set_string (value, self->link_officer_name);
  else if (prop_id == PROP_PUPIL_COUNT)
    g_value_set_uint (value, self->pupil_count);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cl_school_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ClSchool *self = CL_SCHOOL (object);

  if (prop_id >= PROP_TEXT_FIRST && prop_id <= PROP_TEXT_LAST)
    cl_school_set_text (self, prop_id - PROP_TEXT_FIRST, g_value_get_string (value));
  else if (prop_id >= PROP_NUMBER_FIRST && prop_id <= PROP_NUMBER_LAST)
    cl_school_set_number (self, prop_id - PROP_NUMBER_FIRST, g_value_get_uint (value));
  else if (prop_id == PROP_ID)
    cl_school_set_id (self, g_value_get_int64 (value));
  else if (prop_id == PROP_LINK_OFFICER_ID)
    cl_school_set_link_officer (self, g_value_get_int64 (value), self->link_officer_name);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cl_school_class_init (ClSchoolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cl_school_finalize;
  object_class->get_property = cl_school_get_property;
  object_class->set_property = cl_school_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  for (guint i = 0; i < CL_SCHOOL_N_TEXT; i++)
    properties[PROP_TEXT_FIRST + i] = g_param_spec_string (text_props[i], NULL, NULL, NULL, rw);
  for (guint i = 0; i < CL_SCHOOL_N_NUMBERS; i++)
    properties[PROP_NUMBER_FIRST + i] = g_param_spec_uint (number_props[i], NULL, NULL,
                                                           0, G_MAXUINT, 0, rw);
  properties[PROP_DFE_NUMBER] = g_param_spec_string ("dfe-number", NULL, NULL, NULL, ro);
  properties[PROP_TYPE_LABEL] = g_param_spec_string ("type-label", NULL, NULL, NULL, ro);
  properties[PROP_PHASE_LABEL] = g_param_spec_string ("phase-label", NULL, NULL, NULL, ro);
  properties[PROP_LINK_OFFICER_ID] = g_param_spec_int64 ("link-officer-id", NULL, NULL,
                                                         0, G_MAXINT64, 0, rw);
  properties[PROP_LINK_OFFICER_NAME] = g_param_spec_string ("link-officer-name", NULL, NULL,
                                                            NULL, ro);
  properties[PROP_PUPIL_COUNT] = g_param_spec_uint ("pupil-count", NULL, NULL,
                                                    0, G_MAXUINT, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_school_init (ClSchool *self)
{
  self->text[CL_SCHOOL_COUNTRY] = g_strdup ("england");
}

ClSchool *
cl_school_new (void)
{
  return g_object_new (CL_TYPE_SCHOOL, NULL);
}

ClSchool *
cl_school_copy (ClSchool *self)
{
  ClSchool *copy;

  g_return_val_if_fail (CL_IS_SCHOOL (self), NULL);
  copy = cl_school_new ();
  copy->id = self->id;
  for (guint i = 0; i < CL_SCHOOL_N_TEXT; i++)
    {
      g_free (copy->text[i]);
      copy->text[i] = g_strdup (self->text[i]);
    }
  memcpy (copy->numbers, self->numbers, sizeof self->numbers);
  copy->link_officer_id = self->link_officer_id;
  copy->link_officer_name = g_strdup (self->link_officer_name);
  copy->pupil_count = self->pupil_count;
  return copy;
}

gint64
cl_school_get_id (ClSchool *self)
{
  g_return_val_if_fail (CL_IS_SCHOOL (self), 0);
  return self->id;
}

void
cl_school_set_id (ClSchool *self,
                  gint64    id)
{
  g_return_if_fail (CL_IS_SCHOOL (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
cl_school_get_text (ClSchool     *self,
                    ClSchoolText  field)
{
  g_return_val_if_fail (CL_IS_SCHOOL (self), NULL);
  g_return_val_if_fail (field < CL_SCHOOL_N_TEXT, NULL);
  return self->text[field] != NULL ? self->text[field] : "";
}

void
cl_school_set_text (ClSchool     *self,
                    ClSchoolText  field,
                    const char   *value)
{
  GObject *object = G_OBJECT (self);

  g_return_if_fail (CL_IS_SCHOOL (self));
  g_return_if_fail (field < CL_SCHOOL_N_TEXT);

  if (g_strcmp0 (self->text[field], value) == 0)
    return;
  g_free (self->text[field]);
  self->text[field] = g_strdup (value);
  g_clear_pointer (&self->search_key, g_free);

  g_object_freeze_notify (object);
  g_object_notify_by_pspec (object, properties[PROP_TEXT_FIRST + field]);
  if (field == CL_SCHOOL_TYPE)
    g_object_notify_by_pspec (object, properties[PROP_TYPE_LABEL]);
  else if (field == CL_SCHOOL_PHASE)
    g_object_notify_by_pspec (object, properties[PROP_PHASE_LABEL]);
  g_object_thaw_notify (object);
}

guint
cl_school_get_number (ClSchool       *self,
                      ClSchoolNumber  field)
{
  g_return_val_if_fail (CL_IS_SCHOOL (self), 0);
  g_return_val_if_fail (field < CL_SCHOOL_N_NUMBERS, 0);
  return self->numbers[field];
}

void
cl_school_set_number (ClSchool       *self,
                      ClSchoolNumber  field,
                      guint           value)
{
  GObject *object = G_OBJECT (self);

  g_return_if_fail (CL_IS_SCHOOL (self));
  g_return_if_fail (field < CL_SCHOOL_N_NUMBERS);

  if (self->numbers[field] == value)
    return;
  self->numbers[field] = value;
  g_clear_pointer (&self->search_key, g_free);

  g_object_freeze_notify (object);
  g_object_notify_by_pspec (object, properties[PROP_NUMBER_FIRST + field]);
  if (field == CL_SCHOOL_LA_CODE || field == CL_SCHOOL_ESTAB)
    g_object_notify_by_pspec (object, properties[PROP_DFE_NUMBER]);
  g_object_thaw_notify (object);
}

const char *
cl_school_get_name (ClSchool *self)
{
  return cl_school_get_text (self, CL_SCHOOL_NAME);
}

guint
cl_school_get_urn (ClSchool *self)
{
  return cl_school_get_number (self, CL_SCHOOL_URN);
}

char *
cl_school_dup_dfe_number (ClSchool *self)
{
  g_return_val_if_fail (CL_IS_SCHOOL (self), NULL);
  return g_strdup_printf ("%03u/%04u", self->numbers[CL_SCHOOL_LA_CODE],
                          self->numbers[CL_SCHOOL_ESTAB]);
}

gint64
cl_school_get_link_officer_id (ClSchool *self)
{
  g_return_val_if_fail (CL_IS_SCHOOL (self), 0);
  return self->link_officer_id;
}

void
cl_school_set_link_officer (ClSchool   *self,
                            gint64      officer_id,
                            const char *officer_name)
{
  GObject *object = G_OBJECT (self);
  gboolean id_changed, name_changed;

  g_return_if_fail (CL_IS_SCHOOL (self));

  id_changed = self->link_officer_id != officer_id;
  name_changed = g_strcmp0 (self->link_officer_name, officer_name) != 0;
  if (!id_changed && !name_changed)
    return;
  self->link_officer_id = officer_id;
  if (name_changed)
    {
      char *name = g_strdup (officer_name);
      g_free (self->link_officer_name);
      self->link_officer_name = name;
    }
  g_object_freeze_notify (object);
  if (id_changed)
    g_object_notify_by_pspec (object, properties[PROP_LINK_OFFICER_ID]);
  if (name_changed)
    g_object_notify_by_pspec (object, properties[PROP_LINK_OFFICER_NAME]);
  g_object_thaw_notify (object);
}

guint
cl_school_get_pupil_count (ClSchool *self)
{
  g_return_val_if_fail (CL_IS_SCHOOL (self), 0);
  return self->pupil_count;
}

void
cl_school_set_pupil_count (ClSchool *self,
                           guint     count)
{
  g_return_if_fail (CL_IS_SCHOOL (self));
  if (self->pupil_count == count)
    return;
  self->pupil_count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUPIL_COUNT]);
}

const char *
cl_school_get_search_key (ClSchool *self)
{
  g_return_val_if_fail (CL_IS_SCHOOL (self), NULL);
  if (self->search_key == NULL)
    {
      g_autofree char *dfe = cl_school_dup_dfe_number (self);
      g_autofree char *raw = g_strdup_printf ("%s %u %s %s", cl_school_get_name (self),
                                              self->numbers[CL_SCHOOL_URN], dfe,
                                              cl_school_get_text (self, CL_SCHOOL_POSTCODE));
      self->search_key = cl_text_fold (raw);
    }
  return self->search_key;
}

static gboolean
in_list (const char *const *list, const char *value)
{
  return value != NULL && g_strv_contains (list, value);
}

gboolean
cl_school_validate (ClSchool     *self,
                    const char  **out_field,
                    GError      **error)
{
  const char *field = NULL;
  g_autofree char *message = NULL;
  const char *name = cl_school_get_name (self);

  g_return_val_if_fail (CL_IS_SCHOOL (self), FALSE);

  if (self->numbers[CL_SCHOOL_URN] < 100000 || self->numbers[CL_SCHOOL_URN] > 999999)
    {
      field = "urn";
      message = g_strdup (_("URN: the unique reference number has six digits."));
    }
  else if (self->numbers[CL_SCHOOL_LA_CODE] < 100 || self->numbers[CL_SCHOOL_LA_CODE] > 999)
    {
      field = "la-code";
      message = g_strdup (_("LA code: the DfE number starts with a three-digit LA code."));
    }
  else if (self->numbers[CL_SCHOOL_ESTAB] < 1000 || self->numbers[CL_SCHOOL_ESTAB] > 9999)
    {
      field = "estab";
      message = g_strdup (_("Establishment number: the DfE number ends with four digits."));
    }
  else if (name[strspn (name, " \t\r\n")] == '\0' || !g_utf8_validate (name, -1, NULL))
    {
      field = "name";
      message = g_strdup (_("Name: enter the school’s name."));
    }
  else if (!in_list (types, self->text[CL_SCHOOL_TYPE]))
    {
      field = "school-type";
      message = g_strdup_printf (_("Type: “%s” is not one of LA-maintained, academy, free "
                                   "school, special, PRU or independent."),
                                 cl_school_get_text (self, CL_SCHOOL_TYPE));
    }
  else if (!in_list (phases, self->text[CL_SCHOOL_PHASE]))
    {
      field = "phase";
      message = g_strdup (_("Phase: choose nursery, primary, middle, secondary, all-through "
                            "or 16 plus."));
    }
  else if (g_strcmp0 (self->text[CL_SCHOOL_COUNTRY], "england") != 0
           && g_strcmp0 (self->text[CL_SCHOOL_COUNTRY], "wales") != 0)
    {
      field = "country";
      message = g_strdup (_("Country: a school is in England or Wales."));
    }

  if (field == NULL)
    return TRUE;
  if (out_field != NULL)
    *out_field = field;
  g_set_error_literal (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_INVALID, message);
  return FALSE;
}
