/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-attendance"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "attendance/cl-attendance-code.h"
#include "attendance/cl-attendance-date.h"
#include "attendance/cl-attendance-private.h"

G_DEFINE_ENUM_TYPE (ClAttendanceCategory, cl_attendance_category,
  G_DEFINE_ENUM_VALUE (CL_ATTENDANCE_CATEGORY_NONE, "none"),
  G_DEFINE_ENUM_VALUE (CL_ATTENDANCE_CATEGORY_PRESENT, "present"),
  G_DEFINE_ENUM_VALUE (CL_ATTENDANCE_CATEGORY_AEA, "aea"),
  G_DEFINE_ENUM_VALUE (CL_ATTENDANCE_CATEGORY_AUTHORISED, "authorised"),
  G_DEFINE_ENUM_VALUE (CL_ATTENDANCE_CATEGORY_UNAUTHORISED, "unauthorised"),
  G_DEFINE_ENUM_VALUE (CL_ATTENDANCE_CATEGORY_NOT_COUNTED, "not_counted"),
  G_DEFINE_ENUM_VALUE (CL_ATTENDANCE_CATEGORY_ADMIN, "admin"))

static const char *const category_names[CL_N_ATTENDANCE_CATEGORIES] = {
  [CL_ATTENDANCE_CATEGORY_NONE] = "none",
  [CL_ATTENDANCE_CATEGORY_PRESENT] = "present",
  [CL_ATTENDANCE_CATEGORY_AEA] = "aea",
  [CL_ATTENDANCE_CATEGORY_AUTHORISED] = "authorised",
  [CL_ATTENDANCE_CATEGORY_UNAUTHORISED] = "unauthorised",
  [CL_ATTENDANCE_CATEGORY_NOT_COUNTED] = "not_counted",
  [CL_ATTENDANCE_CATEGORY_ADMIN] = "admin",
};

const char *
cl_attendance_category_to_string (ClAttendanceCategory category)
{
  g_return_val_if_fail ((guint) category < CL_N_ATTENDANCE_CATEGORIES, NULL);
  return category_names[category];
}

gboolean
cl_attendance_category_from_string (const char           *text,
                                    ClAttendanceCategory *out_category)
{
  for (guint i = 0; i < CL_N_ATTENDANCE_CATEGORIES; i++)
    if (g_strcmp0 (text, category_names[i]) == 0)
      {
        if (out_category != NULL)
          *out_category = (ClAttendanceCategory) i;
        return TRUE;
      }
  return FALSE;
}

const char *
cl_attendance_category_get_label (ClAttendanceCategory category)
{
  switch (category)
    {
    case CL_ATTENDANCE_CATEGORY_NONE:
      return _("No mark");
    case CL_ATTENDANCE_CATEGORY_PRESENT:
      return _("Present");
    case CL_ATTENDANCE_CATEGORY_AEA:
      return _("Approved educational activity");
    case CL_ATTENDANCE_CATEGORY_AUTHORISED:
      return _("Authorised absence");
    case CL_ATTENDANCE_CATEGORY_UNAUTHORISED:
      return _("Unauthorised absence");
    case CL_ATTENDANCE_CATEGORY_NOT_COUNTED:
      return _("Not counted");
    case CL_ATTENDANCE_CATEGORY_ADMIN:
      return _("Administrative");
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
cl_attendance_category_counts_possible (ClAttendanceCategory category)
{
  return category == CL_ATTENDANCE_CATEGORY_PRESENT
         || category == CL_ATTENDANCE_CATEGORY_AEA
         || category == CL_ATTENDANCE_CATEGORY_AUTHORISED
         || category == CL_ATTENDANCE_CATEGORY_UNAUTHORISED;
}

struct _ClAttendanceCode
{
  GObject              parent_instance;

  guint8               id;
  char                *code_set;
  char                *code;
  char                *meaning;
  ClAttendanceCategory category;
  char                *valid_from;
  char                *valid_to;
  gboolean             counts_penalty;
  gboolean             is_late;
  gboolean             editable;
};

G_DEFINE_FINAL_TYPE (ClAttendanceCode, cl_attendance_code, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE_SET,
  PROP_CODE,
  PROP_MEANING,
  PROP_CATEGORY,
  PROP_VALID_FROM,
  PROP_VALID_TO,
  PROP_COUNTS_POSSIBLE,
  PROP_IS_PRESENT,
  PROP_IS_AEA,
  PROP_IS_AUTHORISED,
  PROP_IS_UNAUTHORISED,
  PROP_COUNTS_PENALTY,
  PROP_IS_LATE,
  PROP_EDITABLE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
cl_attendance_code_finalize (GObject *object)
{
  ClAttendanceCode *self = CL_ATTENDANCE_CODE (object);

  g_free (self->code_set);
  g_free (self->code);
  g_free (self->meaning);
  g_free (self->valid_from);
  g_free (self->valid_to);

  G_OBJECT_CLASS (cl_attendance_code_parent_class)->finalize (object);
}

static void
cl_attendance_code_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ClAttendanceCode *self = CL_ATTENDANCE_CODE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_uint (value, self->id);
      break;
    case PROP_CODE_SET:
      g_value_set_string (value, self->code_set);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_MEANING:
      g_value_set_string (value, self->meaning);
      break;
    case PROP_CATEGORY:
      g_value_set_enum (value, self->category);
      break;
    case PROP_VALID_FROM:
      g_value_set_string (value, self->valid_from);
      break;
    case PROP_VALID_TO:
      g_value_set_string (value, self->valid_to);
      break;
    case PROP_COUNTS_POSSIBLE:
      g_value_set_boolean (value, cl_attendance_code_get_counts_possible (self));
      break;
    case PROP_IS_PRESENT:
      g_value_set_boolean (value, cl_attendance_code_get_is_present (self));
      break;
    case PROP_IS_AEA:
      g_value_set_boolean (value, cl_attendance_code_get_is_aea (self));
      break;
    case PROP_IS_AUTHORISED:
      g_value_set_boolean (value, cl_attendance_code_get_is_authorised (self));
      break;
    case PROP_IS_UNAUTHORISED:
      g_value_set_boolean (value, cl_attendance_code_get_is_unauthorised (self));
      break;
    case PROP_COUNTS_PENALTY:
      g_value_set_boolean (value, self->counts_penalty);
      break;
    case PROP_IS_LATE:
      g_value_set_boolean (value, self->is_late);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_attendance_code_class_init (ClAttendanceCodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cl_attendance_code_finalize;
  object_class->get_property = cl_attendance_code_get_property;

  properties[PROP_ID] = g_param_spec_uint ("id", NULL, NULL, 0, 255, 0, ro);
  properties[PROP_CODE_SET] = g_param_spec_string ("code-set", NULL, NULL, NULL, ro);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, ro);
  properties[PROP_MEANING] = g_param_spec_string ("meaning", NULL, NULL, NULL, ro);
  properties[PROP_CATEGORY] =
    g_param_spec_enum ("category", NULL, NULL, CL_TYPE_ATTENDANCE_CATEGORY,
                       CL_ATTENDANCE_CATEGORY_NONE, ro);
  properties[PROP_VALID_FROM] = g_param_spec_string ("valid-from", NULL, NULL, NULL, ro);
  properties[PROP_VALID_TO] = g_param_spec_string ("valid-to", NULL, NULL, NULL, ro);
  properties[PROP_COUNTS_POSSIBLE] =
    g_param_spec_boolean ("counts-possible", NULL, NULL, FALSE, ro);
  properties[PROP_IS_PRESENT] = g_param_spec_boolean ("is-present", NULL, NULL, FALSE, ro);
  properties[PROP_IS_AEA] = g_param_spec_boolean ("is-aea", NULL, NULL, FALSE, ro);
  properties[PROP_IS_AUTHORISED] = g_param_spec_boolean ("is-authorised", NULL, NULL, FALSE, ro);
  properties[PROP_IS_UNAUTHORISED] =
    g_param_spec_boolean ("is-unauthorised", NULL, NULL, FALSE, ro);
  properties[PROP_COUNTS_PENALTY] = g_param_spec_boolean ("counts-penalty", NULL, NULL, FALSE, ro);
  properties[PROP_IS_LATE] = g_param_spec_boolean ("is-late", NULL, NULL, FALSE, ro);
  properties[PROP_EDITABLE] = g_param_spec_boolean ("editable", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_attendance_code_init (ClAttendanceCode *self)
{
}

ClAttendanceCode *
cl_attendance_code_new (guint8               id,
                        const char          *code_set,
                        const char          *code,
                        const char          *meaning,
                        ClAttendanceCategory category,
                        const char          *valid_from,
                        const char          *valid_to,
                        gboolean             counts_penalty,
                        gboolean             is_late,
                        gboolean             editable)
{
  ClAttendanceCode *self = g_object_new (CL_TYPE_ATTENDANCE_CODE, NULL);

  self->id = id;
  self->code_set = g_strdup (code_set);
  self->code = g_strdup (code);
  self->meaning = g_strdup (meaning);
  self->category = category;
  self->valid_from = g_strdup (valid_from != NULL ? valid_from : "0001-01-01");
  self->valid_to = g_strdup (valid_to != NULL ? valid_to : "9999-12-31");
  self->counts_penalty = !!counts_penalty;
  self->is_late = !!is_late;
  self->editable = !!editable;
  return self;
}

void
cl_attendance_code_set_category (ClAttendanceCode    *self,
                                 ClAttendanceCategory category)
{
  g_return_if_fail (CL_IS_ATTENDANCE_CODE (self));

  if (self->category == category)
    return;
  self->category = category;

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTS_POSSIBLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_PRESENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_AEA]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_AUTHORISED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_UNAUTHORISED]);
  g_object_thaw_notify (G_OBJECT (self));
}

guint8
cl_attendance_code_get_id (ClAttendanceCode *self)
{
  g_return_val_if_fail (CL_IS_ATTENDANCE_CODE (self), 0);
  return self->id;
}

const char *
cl_attendance_code_get_code_set (ClAttendanceCode *self)
{
  g_return_val_if_fail (CL_IS_ATTENDANCE_CODE (self), NULL);
  return self->code_set;
}

const char *
cl_attendance_code_get_code (ClAttendanceCode *self)
{
  g_return_val_if_fail (CL_IS_ATTENDANCE_CODE (self), NULL);
  return self->code;
}

const char *
cl_attendance_code_get_meaning (ClAttendanceCode *self)
{
  g_return_val_if_fail (CL_IS_ATTENDANCE_CODE (self), NULL);
  return self->meaning;
}

ClAttendanceCategory
cl_attendance_code_get_category (ClAttendanceCode *self)
{
  g_return_val_if_fail (CL_IS_ATTENDANCE_CODE (self), CL_ATTENDANCE_CATEGORY_NONE);
  return self->category;
}

const char *
cl_attendance_code_get_valid_from (ClAttendanceCode *self)
{
  g_return_val_if_fail (CL_IS_ATTENDANCE_CODE (self), NULL);
  return self->valid_from;
}

const char *
cl_attendance_code_get_valid_to (ClAttendanceCode *self)
{
  g_return_val_if_fail (CL_IS_ATTENDANCE_CODE (self), NULL);
  return self->valid_to;
}

gboolean
cl_attendance_code_is_valid_on (ClAttendanceCode *self,
                                const char       *date)
{
  g_return_val_if_fail (CL_IS_ATTENDANCE_CODE (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  /* ISO dates compare as strings. */
  return strcmp (date, self->valid_from) >= 0 && strcmp (date, self->valid_to) <= 0;
}

gboolean
cl_attendance_code_get_counts_possible (ClAttendanceCode *self)
{
  g_return_val_if_fail (CL_IS_ATTENDANCE_CODE (self), FALSE);
  return cl_attendance_category_counts_possible (self->category);
}

gboolean
cl_attendance_code_get_is_present (ClAttendanceCode *self)
{
  g_return_val_if_fail (CL_IS_ATTENDANCE_CODE (self), FALSE);
  return self->category == CL_ATTENDANCE_CATEGORY_PRESENT;
}

gboolean
cl_attendance_code_get_is_aea (ClAttendanceCode *self)
{
  g_return_val_if_fail (CL_IS_ATTENDANCE_CODE (self), FALSE);
  return self->category == CL_ATTENDANCE_CATEGORY_AEA;
}

gboolean
cl_attendance_code_get_is_authorised (ClAttendanceCode *self)
{
  g_return_val_if_fail (CL_IS_ATTENDANCE_CODE (self), FALSE);
  return self->category == CL_ATTENDANCE_CATEGORY_AUTHORISED;
}

gboolean
cl_attendance_code_get_is_unauthorised (ClAttendanceCode *self)
{
  g_return_val_if_fail (CL_IS_ATTENDANCE_CODE (self), FALSE);
  return self->category == CL_ATTENDANCE_CATEGORY_UNAUTHORISED;
}

gboolean
cl_attendance_code_get_counts_penalty (ClAttendanceCode *self)
{
  g_return_val_if_fail (CL_IS_ATTENDANCE_CODE (self), FALSE);
  return self->counts_penalty;
}

gboolean
cl_attendance_code_get_is_late (ClAttendanceCode *self)
{
  g_return_val_if_fail (CL_IS_ATTENDANCE_CODE (self), FALSE);
  return self->is_late;
}

gboolean
cl_attendance_code_get_editable (ClAttendanceCode *self)
{
  g_return_val_if_fail (CL_IS_ATTENDANCE_CODE (self), FALSE);
  return self->editable;
}
