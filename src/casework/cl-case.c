/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-case"

#include "config.h"

#include <string.h>

#include "casework/cl-case.h"
#include "casework/cl-casework-private.h"
#include "casework/cl-casework-vocab.h"

enum {
  T_REFERRAL_DATE,
  T_SOURCE,
  T_NOTES,
  T_OFFICER_NAME,
  T_STATUS,
  T_STAGE,
  T_CLOSED_DATE,
  T_CLOSURE_REASON,
  T_OUTCOME,
  T_CREATED_AT,
  T_TITLE,
  T_SCHOOL_NAME,
  N_TEXT
};

struct _ClCase
{
  GObject  parent_instance;

  gint64   id;
  gint64   officer_id;
  gint64   school_id;
  char    *text[N_TEXT];
  GStrv    reasons;
  GArray  *pupils;    /* gint64 */
};

G_DEFINE_FINAL_TYPE (ClCase, cl_case, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_OFFICER_ID,
  PROP_SCHOOL_ID,
  PROP_REASONS,
  PROP_N_PUPILS,
  PROP_TEXT_FIRST,
  PROP_TEXT_LAST = PROP_TEXT_FIRST + N_TEXT - 1,
  PROP_SOURCE_LABEL,
  PROP_STATUS_LABEL,
  PROP_STAGE_LABEL,
  PROP_CLOSURE_REASON_LABEL,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static const char *const text_props[N_TEXT] = {
  "referral-date", "source", "notes", "officer-name", "status", "stage", "closed-date",
  "closure-reason", "outcome", "created-at", "title", "school-name",
};

/* The text fields a caller may set; the others are the repository's. */
static gboolean
text_is_writable (guint field)
{
  return field == T_REFERRAL_DATE || field == T_SOURCE || field == T_NOTES;
}

static void
set_text (ClCase     *self,
          guint       field,
          const char *value)
{
  if (g_strcmp0 (self->text[field], value) == 0)
    return;
  g_free (self->text[field]);
  self->text[field] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_FIRST + field]);
  if (field == T_SOURCE)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_LABEL]);
  else if (field == T_STATUS)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_LABEL]);
  else if (field == T_STAGE)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE_LABEL]);
  else if (field == T_CLOSURE_REASON)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOSURE_REASON_LABEL]);
}

static const char *
get_text (ClCase *self,
          guint   field)
{
  return self->text[field] != NULL ? self->text[field] : "";
}

static void
cl_case_finalize (GObject *object)
{
  ClCase *self = CL_CASE (object);

  for (guint i = 0; i < N_TEXT; i++)
    g_free (self->text[i]);
  g_strfreev (self->reasons);
  g_array_unref (self->pupils);

  G_OBJECT_CLASS (cl_case_parent_class)->finalize (object);
}

static void
cl_case_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  ClCase *self = CL_CASE (object);

  if (prop_id >= PROP_TEXT_FIRST && prop_id <= PROP_TEXT_LAST)
    {
      g_value_set_string (value, get_text (self, prop_id - PROP_TEXT_FIRST));
      return;
    }
  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_OFFICER_ID:
      g_value_set_int64 (value, self->officer_id);
      break;
    case PROP_SCHOOL_ID:
      g_value_set_int64 (value, self->school_id);
      break;
    case PROP_REASONS:
      g_value_set_boxed (value, self->reasons);
      break;
    case PROP_N_PUPILS:
      g_value_set_uint (value, self->pupils->len);
      break;
    case PROP_SOURCE_LABEL:
      g_value_set_string (value, cl_casework_vocab_label (CL_VOCAB_SOURCE,
                                                          self->text[T_SOURCE]));
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, cl_casework_vocab_label (CL_VOCAB_STATUS,
                                                          self->text[T_STATUS]));
      break;
    case PROP_STAGE_LABEL:
      g_value_set_string (value, cl_casework_vocab_label (CL_VOCAB_STAGE,
                                                          self->text[T_STAGE]));
      break;
    case PROP_CLOSURE_REASON_LABEL:
      g_value_set_string (value, cl_casework_vocab_label (CL_VOCAB_CLOSURE_REASON,
                                                          self->text[T_CLOSURE_REASON]));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_case_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  ClCase *self = CL_CASE (object);

  if (prop_id >= PROP_TEXT_FIRST && prop_id <= PROP_TEXT_LAST
      && text_is_writable (prop_id - PROP_TEXT_FIRST))
    {
      set_text (self, prop_id - PROP_TEXT_FIRST, g_value_get_string (value));
      return;
    }
  switch (prop_id)
    {
    case PROP_OFFICER_ID:
      cl_case_set_officer_id (self, g_value_get_int64 (value));
      break;
    case PROP_REASONS:
      cl_case_set_reasons (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_case_class_init (ClCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cl_case_finalize;
  object_class->get_property = cl_case_get_property;
  object_class->set_property = cl_case_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_OFFICER_ID] = g_param_spec_int64 ("officer-id", NULL, NULL,
                                                    0, G_MAXINT64, 0, rw);
  properties[PROP_SCHOOL_ID] = g_param_spec_int64 ("school-id", NULL, NULL,
                                                   0, G_MAXINT64, 0, ro);
  properties[PROP_REASONS] = g_param_spec_boxed ("reasons", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_N_PUPILS] = g_param_spec_uint ("n-pupils", NULL, NULL, 0, G_MAXUINT, 0, ro);
  for (guint i = 0; i < N_TEXT; i++)
    properties[PROP_TEXT_FIRST + i] =
      g_param_spec_string (text_props[i], NULL, NULL, NULL, text_is_writable (i) ? rw : ro);
  properties[PROP_SOURCE_LABEL] = g_param_spec_string ("source-label", NULL, NULL, NULL, ro);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, ro);
  properties[PROP_STAGE_LABEL] = g_param_spec_string ("stage-label", NULL, NULL, NULL, ro);
  properties[PROP_CLOSURE_REASON_LABEL] =
    g_param_spec_string ("closure-reason-label", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_case_init (ClCase *self)
{
  self->text[T_SOURCE] = g_strdup ("school");
  self->text[T_STATUS] = g_strdup ("open");
  self->text[T_STAGE] = g_strdup ("early_support");
  self->reasons = g_new0 (char *, 1);
  self->pupils = g_array_new (FALSE, FALSE, sizeof (gint64));
}

ClCase *
cl_case_new (void)
{
  return g_object_new (CL_TYPE_CASE, NULL);
}

gint64
cl_case_get_id (ClCase *self)
{
  g_return_val_if_fail (CL_IS_CASE (self), 0);
  return self->id;
}

#define TEXT_GETTER(name, index)                       \
  const char *                                         \
  cl_case_get_##name (ClCase *self)                    \
  {                                                    \
    g_return_val_if_fail (CL_IS_CASE (self), NULL);    \
    return get_text (self, index);                     \
  }

#define TEXT_SETTER(name, index)                       \
  void                                                 \
  cl_case_set_##name (ClCase     *self,                \
                      const char *value)               \
  {                                                    \
    g_return_if_fail (CL_IS_CASE (self));              \
    set_text (self, index, value);                     \
  }

TEXT_GETTER (referral_date, T_REFERRAL_DATE)
TEXT_SETTER (referral_date, T_REFERRAL_DATE)
TEXT_GETTER (source, T_SOURCE)
TEXT_SETTER (source, T_SOURCE)
TEXT_GETTER (notes, T_NOTES)
TEXT_SETTER (notes, T_NOTES)
TEXT_GETTER (officer_name, T_OFFICER_NAME)
TEXT_GETTER (status, T_STATUS)
TEXT_GETTER (stage, T_STAGE)
TEXT_GETTER (closed_date, T_CLOSED_DATE)
TEXT_GETTER (closure_reason, T_CLOSURE_REASON)
TEXT_GETTER (outcome, T_OUTCOME)
TEXT_GETTER (created_at, T_CREATED_AT)
TEXT_GETTER (title, T_TITLE)
TEXT_GETTER (school_name, T_SCHOOL_NAME)

gboolean
cl_case_is_closed (ClCase *self)
{
  g_return_val_if_fail (CL_IS_CASE (self), FALSE);
  return g_strcmp0 (self->text[T_STATUS], "closed") == 0;
}

const char * const *
cl_case_get_reasons (ClCase *self)
{
  g_return_val_if_fail (CL_IS_CASE (self), NULL);
  return (const char * const *) self->reasons;
}

void
cl_case_set_reasons (ClCase             *self,
                     const char * const *reasons)
{
  static const char *const none[] = { NULL };

  g_return_if_fail (CL_IS_CASE (self));

  if (reasons == NULL)
    reasons = none;
  if (g_strv_equal ((const char * const *) self->reasons, reasons))
    return;
  g_strfreev (self->reasons);
  self->reasons = g_strdupv ((char **) reasons);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASONS]);
}

void
cl_case_add_reason (ClCase     *self,
                    const char *reason)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) reasons = NULL;

  g_return_if_fail (CL_IS_CASE (self));
  g_return_if_fail (reason != NULL);

  if (g_strv_contains ((const char * const *) self->reasons, reason))
    return;
  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) self->reasons);
  g_strv_builder_add (builder, reason);
  reasons = g_strv_builder_end (builder);
  cl_case_set_reasons (self, (const char * const *) reasons);
}

guint
cl_case_get_n_pupils (ClCase *self)
{
  g_return_val_if_fail (CL_IS_CASE (self), 0);
  return self->pupils->len;
}

gint64
cl_case_get_pupil_id (ClCase *self,
                      guint   index)
{
  g_return_val_if_fail (CL_IS_CASE (self), 0);
  g_return_val_if_fail (index < self->pupils->len, 0);
  return g_array_index (self->pupils, gint64, index);
}

void
cl_case_add_pupil (ClCase *self,
                   gint64  pupil_id)
{
  g_return_if_fail (CL_IS_CASE (self));

  for (guint i = 0; i < self->pupils->len; i++)
    if (g_array_index (self->pupils, gint64, i) == pupil_id)
      return;
  g_array_append_val (self->pupils, pupil_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PUPILS]);
}

gint64
cl_case_get_officer_id (ClCase *self)
{
  g_return_val_if_fail (CL_IS_CASE (self), 0);
  return self->officer_id;
}

void
cl_case_set_officer_id (ClCase *self,
                        gint64  officer_id)
{
  g_return_if_fail (CL_IS_CASE (self));
  if (self->officer_id == officer_id)
    return;
  self->officer_id = officer_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFICER_ID]);
}

gint64
cl_case_get_school_id (ClCase *self)
{
  g_return_val_if_fail (CL_IS_CASE (self), 0);
  return self->school_id;
}

/* --- for the repository (cl-casework-private.h) ---------------------------- */

void
cl_case_set_id (ClCase *self,
                gint64  id)
{
  g_return_if_fail (CL_IS_CASE (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
cl_case_set_state (ClCase     *self,
                   const char *status,
                   const char *stage,
                   const char *closed_date,
                   const char *closure_reason,
                   const char *outcome)
{
  g_return_if_fail (CL_IS_CASE (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_text (self, T_STATUS, status);
  set_text (self, T_STAGE, stage);
  set_text (self, T_CLOSED_DATE, closed_date);
  set_text (self, T_CLOSURE_REASON, closure_reason);
  set_text (self, T_OUTCOME, outcome);
  g_object_thaw_notify (G_OBJECT (self));
}

void
cl_case_set_display (ClCase     *self,
                     const char *officer_name,
                     const char *title,
                     gint64      school_id,
                     const char *school_name,
                     const char *created_at)
{
  g_return_if_fail (CL_IS_CASE (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_text (self, T_OFFICER_NAME, officer_name);
  set_text (self, T_TITLE, title);
  set_text (self, T_SCHOOL_NAME, school_name);
  set_text (self, T_CREATED_AT, created_at);
  if (self->school_id != school_id)
    {
      self->school_id = school_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHOOL_ID]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}
