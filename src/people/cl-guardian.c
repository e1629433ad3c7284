/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-guardian"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "people/cl-guardian.h"
#include "people/cl-people-error.h"

struct _ClGuardian
{
  GObject   parent_instance;

  gint64    id;
  char     *text[CL_GUARDIAN_N_TEXT];
  gboolean  parental_responsibility;
  gboolean  lives_with;
};

G_DEFINE_FINAL_TYPE (ClGuardian, cl_guardian, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT_FIRST,
  PROP_TEXT_LAST = PROP_TEXT_FIRST + CL_GUARDIAN_N_TEXT - 1,
  PROP_DISPLAY_NAME,
  PROP_PARENTAL_RESPONSIBILITY,
  PROP_LIVES_WITH,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static const char *const text_props[CL_GUARDIAN_N_TEXT] = {
  "title", "forename", "surname", "address", "postcode", "phone-home", "phone-mobile",
  "phone-work", "email", "language", "language-other", "relationship",
};

static void
cl_guardian_finalize (GObject *object)
{
  ClGuardian *self = CL_GUARDIAN (object);

  for (guint i = 0; i < CL_GUARDIAN_N_TEXT; i++)
    g_free (self->text[i]);
  G_OBJECT_CLASS (cl_guardian_parent_class)->finalize (object);
}

static void
cl_guardian_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ClGuardian *self = CL_GUARDIAN (object);

  if (prop_id >= PROP_TEXT_FIRST && prop_id <= PROP_TEXT_LAST)
    g_value_set_string (value, self->text[prop_id - PROP_TEXT_FIRST]);
  else if (prop_id == PROP_ID)
    g_value_set_int64 (value, self->id);
  else if (prop_id == PROP_DISPLAY_NAME)
    g_value_take_string (value, cl_guardian_dup_display_name (self));
  else if (prop_id == PROP_PARENTAL_RESPONSIBILITY)
    g_value_set_boolean (value, self->parental_responsibility);
  else if (prop_id == PROP_LIVES_WITH)
    g_value_set_boolean (value, self->lives_with);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cl_guardian_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ClGuardian *self = CL_GUARDIAN (object);

  if (prop_id >= PROP_TEXT_FIRST && prop_id <= PROP_TEXT_LAST)
    cl_guardian_set_text (self, prop_id - PROP_TEXT_FIRST, g_value_get_string (value));
  else if (prop_id == PROP_ID)
    cl_guardian_set_id (self, g_value_get_int64 (value));
  else if (prop_id == PROP_PARENTAL_RESPONSIBILITY)
    cl_guardian_set_parental_responsibility (self, g_value_get_boolean (value));
  else if (prop_id == PROP_LIVES_WITH)
    cl_guardian_set_lives_with (self, g_value_get_boolean (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cl_guardian_class_init (ClGuardianClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cl_guardian_finalize;
  object_class->get_property = cl_guardian_get_property;
  object_class->set_property = cl_guardian_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  for (guint i = 0; i < CL_GUARDIAN_N_TEXT; i++)
    properties[PROP_TEXT_FIRST + i] = g_param_spec_string (text_props[i], NULL, NULL, NULL, rw);
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARENTAL_RESPONSIBILITY] =
    g_param_spec_boolean ("parental-responsibility", NULL, NULL, TRUE, rw);
  properties[PROP_LIVES_WITH] = g_param_spec_boolean ("lives-with", NULL, NULL, TRUE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_guardian_init (ClGuardian *self)
{
  self->text[CL_GUARDIAN_LANGUAGE] = g_strdup ("en");
  self->text[CL_GUARDIAN_RELATIONSHIP] = g_strdup ("parent");
  self->parental_responsibility = TRUE;
  self->lives_with = TRUE;
}

ClGuardian *
cl_guardian_new (void)
{
  return g_object_new (CL_TYPE_GUARDIAN, NULL);
}

gint64
cl_guardian_get_id (ClGuardian *self)
{
  g_return_val_if_fail (CL_IS_GUARDIAN (self), 0);
  return self->id;
}

void
cl_guardian_set_id (ClGuardian *self,
                    gint64      id)
{
  g_return_if_fail (CL_IS_GUARDIAN (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
cl_guardian_get_text (ClGuardian     *self,
                      ClGuardianText  field)
{
  g_return_val_if_fail (CL_IS_GUARDIAN (self), NULL);
  g_return_val_if_fail (field < CL_GUARDIAN_N_TEXT, NULL);
  return self->text[field] != NULL ? self->text[field] : "";
}

void
cl_guardian_set_text (ClGuardian     *self,
                      ClGuardianText  field,
                      const char     *value)
{
  g_return_if_fail (CL_IS_GUARDIAN (self));
  g_return_if_fail (field < CL_GUARDIAN_N_TEXT);

  if (g_strcmp0 (self->text[field], value) == 0)
    return;
  g_free (self->text[field]);
  self->text[field] = g_strdup (value);
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_FIRST + field]);
  if (field <= CL_GUARDIAN_SURNAME)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
  g_object_thaw_notify (G_OBJECT (self));
}

char *
cl_guardian_dup_display_name (ClGuardian *self)
{
  GString *name = g_string_new (NULL);

  g_return_val_if_fail (CL_IS_GUARDIAN (self), NULL);
  for (guint i = CL_GUARDIAN_TITLE; i <= CL_GUARDIAN_SURNAME; i++)
    {
      const char *part = cl_guardian_get_text (self, i);
      if (*part == '\0')
        continue;
      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, part);
    }
  return g_string_free (name, FALSE);
}

gboolean
cl_guardian_get_parental_responsibility (ClGuardian *self)
{
  g_return_val_if_fail (CL_IS_GUARDIAN (self), FALSE);
  return self->parental_responsibility;
}

void
cl_guardian_set_parental_responsibility (ClGuardian *self,
                                         gboolean    value)
{
  g_return_if_fail (CL_IS_GUARDIAN (self));
  value = !!value;
  if (self->parental_responsibility == value)
    return;
  self->parental_responsibility = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENTAL_RESPONSIBILITY]);
}

gboolean
cl_guardian_get_lives_with (ClGuardian *self)
{
  g_return_val_if_fail (CL_IS_GUARDIAN (self), FALSE);
  return self->lives_with;
}

void
cl_guardian_set_lives_with (ClGuardian *self,
                            gboolean    value)
{
  g_return_if_fail (CL_IS_GUARDIAN (self));
  value = !!value;
  if (self->lives_with == value)
    return;
  self->lives_with = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIVES_WITH]);
}

gboolean
cl_guardian_validate (ClGuardian  *self,
                      const char **out_field,
                      GError     **error)
{
  const char *lang = cl_guardian_get_text (self, CL_GUARDIAN_LANGUAGE);
  const char *email = cl_guardian_get_text (self, CL_GUARDIAN_EMAIL);
  g_autofree char *surname = g_strstrip (g_strdup (cl_guardian_get_text (self, CL_GUARDIAN_SURNAME)));

  if (*surname == '\0')
    {
      if (out_field != NULL)
        *out_field = "surname";
      g_set_error_literal (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_INVALID,
                           _("Surname: enter the parent or carer’s surname."));
      return FALSE;
    }
  if (g_strcmp0 (lang, "en") != 0 && g_strcmp0 (lang, "cy") != 0 && g_strcmp0 (lang, "other") != 0)
    {
      if (out_field != NULL)
        *out_field = "language";
      g_set_error_literal (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_INVALID,
                           _("Preferred language: choose English, Welsh or other."));
      return FALSE;
    }
  if (*email != '\0' && (strchr (email, '@') == NULL || strchr (email, ' ') != NULL))
    {
      if (out_field != NULL)
        *out_field = "email";
      g_set_error (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_INVALID,
                   _("Email: “%s” is not an email address."), email);
      return FALSE;
    }
  return TRUE;
}
