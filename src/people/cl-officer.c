/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-officer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "people/cl-officer.h"
#include "people/cl-people-error.h"

enum { T_NAME, T_ROLE, T_EMAIL, T_PHONE, N_TEXT };

struct _ClOfficer
{
  GObject  parent_instance;
  gint64   id;
  char    *text[N_TEXT];
};

G_DEFINE_FINAL_TYPE (ClOfficer, cl_officer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT_FIRST,
  PROP_TEXT_LAST = PROP_TEXT_FIRST + N_TEXT - 1,
  PROP_ROLE_LABEL,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];
static const char *const text_props[N_TEXT] = { "name", "role", "email", "phone" };

const char *
cl_officer_role_label (const char *role)
{
  if (g_strcmp0 (role, "ewo") == 0) return _("Education welfare officer");
  if (g_strcmp0 (role, "senior_ewo") == 0) return _("Senior education welfare officer");
  if (g_strcmp0 (role, "manager") == 0) return _("Service manager");
  if (g_strcmp0 (role, "admin") == 0) return _("Administrator");
  return "";
}

static void
set_text (ClOfficer *self, guint field, const char *value)
{
  if (g_strcmp0 (self->text[field], value) == 0)
    return;
  g_free (self->text[field]);
  self->text[field] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_FIRST + field]);
  if (field == T_ROLE)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE_LABEL]);
}

static void
cl_officer_finalize (GObject *object)
{
  ClOfficer *self = CL_OFFICER (object);
  for (guint i = 0; i < N_TEXT; i++)
    g_free (self->text[i]);
  G_OBJECT_CLASS (cl_officer_parent_class)->finalize (object);
}

static void
cl_officer_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  ClOfficer *self = CL_OFFICER (object);

  if (prop_id >= PROP_TEXT_FIRST && prop_id <= PROP_TEXT_LAST)
    g_value_set_string (value, self->text[prop_id - PROP_TEXT_FIRST]);
  else if (prop_id == PROP_ID)
    g_value_set_int64 (value, self->id);
  else if (prop_id == PROP_ROLE_LABEL)
    g_value_set_string (value, cl_officer_role_label (self->text[T_ROLE]));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cl_officer_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  ClOfficer *self = CL_OFFICER (object);

  if (prop_id >= PROP_TEXT_FIRST && prop_id <= PROP_TEXT_LAST)
    set_text (self, prop_id - PROP_TEXT_FIRST, g_value_get_string (value));
  else if (prop_id == PROP_ID)
    cl_officer_set_id (self, g_value_get_int64 (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cl_officer_class_init (ClOfficerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cl_officer_finalize;
  object_class->get_property = cl_officer_get_property;
  object_class->set_property = cl_officer_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  for (guint i = 0; i < N_TEXT; i++)
    properties[PROP_TEXT_FIRST + i] = g_param_spec_string (text_props[i], NULL, NULL, NULL, rw);
  properties[PROP_ROLE_LABEL] = g_param_spec_string ("role-label", NULL, NULL, NULL,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_officer_init (ClOfficer *self)
{
  self->text[T_ROLE] = g_strdup ("ewo");
}

ClOfficer *
cl_officer_new (void)
{
  return g_object_new (CL_TYPE_OFFICER, NULL);
}

gint64
cl_officer_get_id (ClOfficer *self)
{
  g_return_val_if_fail (CL_IS_OFFICER (self), 0);
  return self->id;
}

void
cl_officer_set_id (ClOfficer *self, gint64 id)
{
  g_return_if_fail (CL_IS_OFFICER (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

#define TEXT_ACCESSORS(name, index)                                   \
  const char *                                                        \
  cl_officer_get_##name (ClOfficer *self)                             \
  {                                                                   \
    g_return_val_if_fail (CL_IS_OFFICER (self), NULL);                \
    return self->text[index] != NULL ? self->text[index] : "";        \
  }                                                                   \
  void                                                                \
  cl_officer_set_##name (ClOfficer *self, const char *value)          \
  {                                                                   \
    g_return_if_fail (CL_IS_OFFICER (self));                          \
    set_text (self, index, value);                                    \
  }

TEXT_ACCESSORS (name, T_NAME)
TEXT_ACCESSORS (role, T_ROLE)
TEXT_ACCESSORS (email, T_EMAIL)
TEXT_ACCESSORS (phone, T_PHONE)

gboolean
cl_officer_validate (ClOfficer   *self,
                     const char **out_field,
                     GError     **error)
{
  g_autofree char *name = g_strstrip (g_strdup (cl_officer_get_name (self)));
  const char *role = cl_officer_get_role (self);
  const char *email = cl_officer_get_email (self);
  const char *field = NULL;
  const char *message = NULL;

  if (*name == '\0')
    field = "name", message = _("Name: enter the officer’s name.");
  else if (*cl_officer_role_label (role) == '\0')
    field = "role", message = _("Role: choose EWO, senior EWO, service manager or administrator.");
  else if (*email != '\0' && strchr (email, '@') == NULL)
    field = "email", message = _("Email: that is not an email address.");

  if (field == NULL)
    return TRUE;
  if (out_field != NULL)
    *out_field = field;
  g_set_error_literal (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_INVALID, message);
  return FALSE;
}
