/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-case-event"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "casework/cl-case-event.h"
#include "casework/cl-casework-error.h"
#include "casework/cl-casework-private.h"
#include "casework/cl-casework-vocab.h"
#include "store/cl-dates.h"

/* Read-only text kept after the entered fields. */
enum {
  R_OFFICER_NAME,
  R_CREATED_BY,
  R_CREATED_AT,
  R_DONE_AT,
  R_DONE_BY,
  N_RO
};

struct _ClCaseEvent
{
  GObject  parent_instance;

  gint64   id;
  gint64   case_id;
  gint64   officer_id;
  guint    duration;
  int      miles_tenths;
  guint    revision;
  char    *text[CL_CASE_EVENT_N_TEXT];
  char    *ro[N_RO];
};

G_DEFINE_FINAL_TYPE (ClCaseEvent, cl_case_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CASE_ID,
  PROP_OFFICER_ID,
  PROP_DURATION,
  PROP_MILES_TENTHS,
  PROP_MILES,
  PROP_REVISION,
  PROP_CORRECTED,
  PROP_ACTION_OPEN,
  PROP_TYPE_LABEL,
  PROP_TITLE,
  PROP_TEXT_FIRST,
  PROP_TEXT_LAST = PROP_TEXT_FIRST + CL_CASE_EVENT_N_TEXT - 1,
  PROP_RO_FIRST,
  PROP_RO_LAST = PROP_RO_FIRST + N_RO - 1,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static const char *const text_props[CL_CASE_EVENT_N_TEXT] = {
  "type", "meeting-kind", "partner", "date", "time", "participants", "summary", "outcome",
  "child-views", "parent-views", "barriers", "strengths", "next-action", "next-action-type",
  "next-action-due",
};
static const char *const ro_props[N_RO] = {
  "officer-name", "created-by", "created-at", "action-done-at", "action-done-by",
};

static void
notify (ClCaseEvent *self,
        guint        prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_text (ClCaseEvent *self,
          guint        field,
          const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (self->text[field], value) == 0)
    return;
  g_free (self->text[field]);
  self->text[field] = g_strdup (value);
  notify (self, PROP_TEXT_FIRST + field);
  if (field == CL_CASE_EVENT_TYPE)
    notify (self, PROP_TYPE_LABEL);
  if (field == CL_CASE_EVENT_TYPE || field == CL_CASE_EVENT_MEETING_KIND
      || field == CL_CASE_EVENT_PARTNER)
    notify (self, PROP_TITLE);
  if (field == CL_CASE_EVENT_NEXT_ACTION)
    notify (self, PROP_ACTION_OPEN);
}

static void
set_ro (ClCaseEvent *self,
        guint        field,
        const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (self->ro[field], value) == 0)
    return;
  g_free (self->ro[field]);
  self->ro[field] = g_strdup (value);
  notify (self, PROP_RO_FIRST + field);
  if (field == R_DONE_AT)
    notify (self, PROP_ACTION_OPEN);
}

static void
cl_case_event_finalize (GObject *object)
{
  ClCaseEvent *self = CL_CASE_EVENT (object);

  for (guint i = 0; i < CL_CASE_EVENT_N_TEXT; i++)
    g_free (self->text[i]);
  for (guint i = 0; i < N_RO; i++)
    g_free (self->ro[i]);

  G_OBJECT_CLASS (cl_case_event_parent_class)->finalize (object);
}

static void
cl_case_event_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ClCaseEvent *self = CL_CASE_EVENT (object);

  if (prop_id >= PROP_TEXT_FIRST && prop_id <= PROP_TEXT_LAST)
    {
      g_value_set_string (value, cl_case_event_get_text (self, prop_id - PROP_TEXT_FIRST));
      return;
    }
  if (prop_id >= PROP_RO_FIRST && prop_id <= PROP_RO_LAST)
    {
      const char *text = self->ro[prop_id - PROP_RO_FIRST];
      g_value_set_string (value, text != NULL ? text : "");
      return;
    }
  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    case PROP_OFFICER_ID:
      g_value_set_int64 (value, self->officer_id);
      break;
    case PROP_DURATION:
      g_value_set_uint (value, self->duration);
      break;
    case PROP_MILES_TENTHS:
      g_value_set_int (value, self->miles_tenths);
      break;
    case PROP_MILES:
      g_value_set_double (value, self->miles_tenths / 10.0);
      break;
    case PROP_REVISION:
      g_value_set_uint (value, self->revision);
      break;
    case PROP_CORRECTED:
      g_value_set_boolean (value, self->revision > 0);
      break;
    case PROP_ACTION_OPEN:
      g_value_set_boolean (value, cl_case_event_is_action_open (self));
      break;
    case PROP_TYPE_LABEL:
      g_value_set_string (value, cl_casework_vocab_label (CL_VOCAB_EVENT_TYPE,
                                                          self->text[CL_CASE_EVENT_TYPE]));
      break;
    case PROP_TITLE:
      g_value_take_string (value, cl_case_event_dup_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_case_event_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ClCaseEvent *self = CL_CASE_EVENT (object);

  if (prop_id >= PROP_TEXT_FIRST && prop_id <= PROP_TEXT_LAST)
    {
      set_text (self, prop_id - PROP_TEXT_FIRST, g_value_get_string (value));
      return;
    }
  switch (prop_id)
    {
    case PROP_CASE_ID:
      cl_case_event_set_case_id (self, g_value_get_int64 (value));
      break;
    case PROP_OFFICER_ID:
      cl_case_event_set_officer_id (self, g_value_get_int64 (value));
      break;
    case PROP_DURATION:
      cl_case_event_set_duration (self, g_value_get_uint (value));
      break;
    case PROP_MILES_TENTHS:
      cl_case_event_set_miles_tenths (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_case_event_class_init (ClCaseEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cl_case_event_finalize;
  object_class->get_property = cl_case_event_get_property;
  object_class->set_property = cl_case_event_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CASE_ID] = g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_OFFICER_ID] = g_param_spec_int64 ("officer-id", NULL, NULL,
                                                    0, G_MAXINT64, 0, rw);
  properties[PROP_DURATION] = g_param_spec_uint ("duration-minutes", NULL, NULL,
                                                 0, G_MAXUINT, 0, rw);
  properties[PROP_MILES_TENTHS] = g_param_spec_int ("miles-tenths", NULL, NULL,
                                                    G_MININT, G_MAXINT, 0, rw);
  properties[PROP_MILES] = g_param_spec_double ("miles", NULL, NULL,
                                                -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);
  properties[PROP_REVISION] = g_param_spec_uint ("revision", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_CORRECTED] = g_param_spec_boolean ("corrected", NULL, NULL, FALSE, ro);
  properties[PROP_ACTION_OPEN] = g_param_spec_boolean ("action-open", NULL, NULL, FALSE, ro);
  properties[PROP_TYPE_LABEL] = g_param_spec_string ("type-label", NULL, NULL, NULL, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  for (guint i = 0; i < CL_CASE_EVENT_N_TEXT; i++)
    properties[PROP_TEXT_FIRST + i] = g_param_spec_string (text_props[i], NULL, NULL, NULL, rw);
  for (guint i = 0; i < N_RO; i++)
    properties[PROP_RO_FIRST + i] = g_param_spec_string (ro_props[i], NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_case_event_init (ClCaseEvent *self)
{
}

ClCaseEvent *
cl_case_event_new (gint64      case_id,
                   const char *type,
                   const char *date)
{
  ClCaseEvent *self = g_object_new (CL_TYPE_CASE_EVENT, NULL);

  self->case_id = case_id;
  self->text[CL_CASE_EVENT_TYPE] = g_strdup (type);
  self->text[CL_CASE_EVENT_DATE] = g_strdup (date);
  return self;
}

ClCaseEvent *
cl_case_event_copy (ClCaseEvent *self)
{
  ClCaseEvent *copy;

  g_return_val_if_fail (CL_IS_CASE_EVENT (self), NULL);

  copy = g_object_new (CL_TYPE_CASE_EVENT, NULL);
  copy->id = self->id;
  copy->case_id = self->case_id;
  copy->officer_id = self->officer_id;
  copy->duration = self->duration;
  copy->miles_tenths = self->miles_tenths;
  copy->revision = self->revision;
  for (guint i = 0; i < CL_CASE_EVENT_N_TEXT; i++)
    copy->text[i] = g_strdup (self->text[i]);
  for (guint i = 0; i < N_RO; i++)
    copy->ro[i] = g_strdup (self->ro[i]);
  return copy;
}

gint64
cl_case_event_get_id (ClCaseEvent *self)
{
  g_return_val_if_fail (CL_IS_CASE_EVENT (self), 0);
  return self->id;
}

gint64
cl_case_event_get_case_id (ClCaseEvent *self)
{
  g_return_val_if_fail (CL_IS_CASE_EVENT (self), 0);
  return self->case_id;
}

void
cl_case_event_set_case_id (ClCaseEvent *self,
                           gint64       case_id)
{
  g_return_if_fail (CL_IS_CASE_EVENT (self));
  if (self->case_id == case_id)
    return;
  self->case_id = case_id;
  notify (self, PROP_CASE_ID);
}

const char *
cl_case_event_get_text (ClCaseEvent     *self,
                        ClCaseEventText  field)
{
  g_return_val_if_fail (CL_IS_CASE_EVENT (self), NULL);
  g_return_val_if_fail (field < CL_CASE_EVENT_N_TEXT, NULL);
  return self->text[field] != NULL ? self->text[field] : "";
}

void
cl_case_event_set_text (ClCaseEvent     *self,
                        ClCaseEventText  field,
                        const char      *value)
{
  g_return_if_fail (CL_IS_CASE_EVENT (self));
  g_return_if_fail (field < CL_CASE_EVENT_N_TEXT);
  set_text (self, field, value);
}

const char *
cl_case_event_text_property (ClCaseEventText field)
{
  g_return_val_if_fail (field < CL_CASE_EVENT_N_TEXT, NULL);
  return text_props[field];
}

const char *
cl_case_event_get_event_type (ClCaseEvent *self)
{
  return cl_case_event_get_text (self, CL_CASE_EVENT_TYPE);
}

const char *
cl_case_event_get_date (ClCaseEvent *self)
{
  return cl_case_event_get_text (self, CL_CASE_EVENT_DATE);
}

const char *
cl_case_event_get_time (ClCaseEvent *self)
{
  return cl_case_event_get_text (self, CL_CASE_EVENT_TIME);
}

const char *
cl_case_event_get_summary (ClCaseEvent *self)
{
  return cl_case_event_get_text (self, CL_CASE_EVENT_SUMMARY);
}

const char *
cl_case_event_get_next_action (ClCaseEvent *self)
{
  return cl_case_event_get_text (self, CL_CASE_EVENT_NEXT_ACTION);
}

const char *
cl_case_event_get_next_action_due (ClCaseEvent *self)
{
  return cl_case_event_get_text (self, CL_CASE_EVENT_NEXT_ACTION_DUE);
}

char *
cl_case_event_dup_title (ClCaseEvent *self)
{
  const char *type;

  g_return_val_if_fail (CL_IS_CASE_EVENT (self), NULL);

  type = self->text[CL_CASE_EVENT_TYPE];
  if (g_strcmp0 (type, "meeting") == 0 && self->text[CL_CASE_EVENT_MEETING_KIND] != NULL)
    return g_strdup (cl_casework_vocab_label (CL_VOCAB_MEETING_KIND,
                                              self->text[CL_CASE_EVENT_MEETING_KIND]));
  if (g_strcmp0 (type, "referral") == 0 && self->text[CL_CASE_EVENT_PARTNER] != NULL)
    /* Translators: a referral or signposting to a partner, e.g. "Referral: CAMHS" */
    return g_strdup_printf (_("Referral: %s"),
                            cl_casework_vocab_label (CL_VOCAB_PARTNER,
                                                     self->text[CL_CASE_EVENT_PARTNER]));
  return g_strdup (cl_casework_vocab_label (CL_VOCAB_EVENT_TYPE, type));
}

guint
cl_case_event_get_duration (ClCaseEvent *self)
{
  g_return_val_if_fail (CL_IS_CASE_EVENT (self), 0);
  return self->duration;
}

void
cl_case_event_set_duration (ClCaseEvent *self,
                            guint        minutes)
{
  g_return_if_fail (CL_IS_CASE_EVENT (self));
  if (self->duration == minutes)
    return;
  self->duration = minutes;
  notify (self, PROP_DURATION);
}

int
cl_case_event_get_miles_tenths (ClCaseEvent *self)
{
  g_return_val_if_fail (CL_IS_CASE_EVENT (self), 0);
  return self->miles_tenths;
}

void
cl_case_event_set_miles_tenths (ClCaseEvent *self,
                                int          tenths)
{
  g_return_if_fail (CL_IS_CASE_EVENT (self));
  if (self->miles_tenths == tenths)
    return;
  self->miles_tenths = tenths;
  notify (self, PROP_MILES_TENTHS);
  notify (self, PROP_MILES);
}

gint64
cl_case_event_get_officer_id (ClCaseEvent *self)
{
  g_return_val_if_fail (CL_IS_CASE_EVENT (self), 0);
  return self->officer_id;
}

void
cl_case_event_set_officer_id (ClCaseEvent *self,
                              gint64       officer_id)
{
  g_return_if_fail (CL_IS_CASE_EVENT (self));
  if (self->officer_id == officer_id)
    return;
  self->officer_id = officer_id;
  notify (self, PROP_OFFICER_ID);
}

#define RO_GETTER(name, index)                                  \
  const char *                                                  \
  cl_case_event_get_##name (ClCaseEvent *self)                  \
  {                                                             \
    g_return_val_if_fail (CL_IS_CASE_EVENT (self), NULL);       \
    return self->ro[index] != NULL ? self->ro[index] : "";      \
  }

RO_GETTER (officer_name, R_OFFICER_NAME)
RO_GETTER (created_by, R_CREATED_BY)
RO_GETTER (created_at, R_CREATED_AT)
RO_GETTER (action_done_at, R_DONE_AT)
RO_GETTER (action_done_by, R_DONE_BY)

gboolean
cl_case_event_is_action_open (ClCaseEvent *self)
{
  g_return_val_if_fail (CL_IS_CASE_EVENT (self), FALSE);
  return self->text[CL_CASE_EVENT_NEXT_ACTION] != NULL && self->ro[R_DONE_AT] == NULL;
}

guint
cl_case_event_get_revision (ClCaseEvent *self)
{
  g_return_val_if_fail (CL_IS_CASE_EVENT (self), 0);
  return self->revision;
}

/* --- validation ------------------------------------------------------------- */

static gboolean
time_is_valid (const char *text)
{
  return strlen (text) == 5 && g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1])
         && text[2] == ':' && g_ascii_isdigit (text[3]) && g_ascii_isdigit (text[4])
         && (text[0] - '0') * 10 + (text[1] - '0') < 24
         && (text[3] - '0') * 10 + (text[4] - '0') < 60;
}

/* A strict ISO date (the form stored); cl_date_parse also takes DD/MM/YYYY. */
static gboolean
iso_date (const char *text,
          GDate      *out)
{
  return strlen (text) == 10 && text[4] == '-' && cl_date_parse (text, out);
}

gboolean
cl_case_event_validate (ClCaseEvent  *self,
                        const char  **out_field,
                        GError      **error)
{
  const char *type, *date_text, *due_text, *field = NULL;
  g_autofree char *message = NULL;
  GDate date, due, today;

  g_return_val_if_fail (CL_IS_CASE_EVENT (self), FALSE);

  type = cl_case_event_get_text (self, CL_CASE_EVENT_TYPE);
  date_text = cl_case_event_get_text (self, CL_CASE_EVENT_DATE);
  due_text = cl_case_event_get_text (self, CL_CASE_EVENT_NEXT_ACTION_DUE);
  cl_date_today (&today);

  if (!cl_casework_vocab_has (CL_VOCAB_EVENT_TYPE, type))
    {
      g_autofree char *all = cl_casework_vocab_join (CL_VOCAB_EVENT_TYPE);
      field = "type";
      message = g_strdup_printf (_("Type: “%s” is not a kind of event; use one of %s."),
                                 type, all);
    }
  else if (!iso_date (date_text, &date))
    {
      field = "date";
      message = g_strdup_printf (_("Date: “%s” is not a date (use YYYY-MM-DD)."), date_text);
    }
  else if (g_date_compare (&date, &today) > 0)
    {
      field = "date";
      message = g_strdup_printf (_("Date: %s is in the future; record events on or after the "
                                   "day they happen."), date_text);
    }
  else if (self->text[CL_CASE_EVENT_TIME] != NULL
           && !time_is_valid (self->text[CL_CASE_EVENT_TIME]))
    {
      field = "time";
      message = g_strdup_printf (_("Time: “%s” is not a time of day (use HH:MM, e.g. 09:30)."),
                                 self->text[CL_CASE_EVENT_TIME]);
    }
  else if (self->text[CL_CASE_EVENT_MEETING_KIND] != NULL && strcmp (type, "meeting") != 0)
    {
      field = "meeting-kind";
      message = g_strdup (_("Meeting: only a meeting has a kind of meeting."));
    }
  else if (self->text[CL_CASE_EVENT_MEETING_KIND] != NULL
           && !cl_casework_vocab_has (CL_VOCAB_MEETING_KIND,
                                      self->text[CL_CASE_EVENT_MEETING_KIND]))
    {
      g_autofree char *all = cl_casework_vocab_join (CL_VOCAB_MEETING_KIND);
      field = "meeting-kind";
      message = g_strdup_printf (_("Meeting: “%s” is not a kind of meeting; use one of %s."),
                                 self->text[CL_CASE_EVENT_MEETING_KIND], all);
    }
  else if (self->text[CL_CASE_EVENT_PARTNER] != NULL && strcmp (type, "referral") != 0)
    {
      field = "partner";
      message = g_strdup (_("Partner: only a referral or signposting names a partner."));
    }
  else if (self->text[CL_CASE_EVENT_PARTNER] != NULL
           && !cl_casework_vocab_has (CL_VOCAB_PARTNER, self->text[CL_CASE_EVENT_PARTNER]))
    {
      g_autofree char *all = cl_casework_vocab_join (CL_VOCAB_PARTNER);
      field = "partner";
      message = g_strdup_printf (_("Partner: “%s” is not a partner; use one of %s."),
                                 self->text[CL_CASE_EVENT_PARTNER], all);
    }
  else if (self->duration > 24 * 60)
    {
      field = "duration-minutes";
      message = g_strdup (_("Duration: an event lasts at most a day (1440 minutes)."));
    }
  else if (self->miles_tenths < 0)
    {
      field = "miles-tenths";
      message = g_strdup (_("Miles: the distance cannot be negative."));
    }
  else if (self->miles_tenths > 99999)
    {
      field = "miles-tenths";
      message = g_strdup (_("Miles: more than 9,999.9 miles for one event cannot be right."));
    }
  else if (self->text[CL_CASE_EVENT_NEXT_ACTION] != NULL && due_text[0] == '\0')
    {
      field = "next-action-due";
      message = g_strdup (_("Due: a next action needs a due date."));
    }
  else if (self->text[CL_CASE_EVENT_NEXT_ACTION] == NULL && due_text[0] != '\0')
    {
      field = "next-action";
      message = g_strdup (_("Next action: say what is due, or leave the due date empty."));
    }
  else if (due_text[0] != '\0' && !iso_date (due_text, &due))
    {
      field = "next-action-due";
      message = g_strdup_printf (_("Due: “%s” is not a date (use YYYY-MM-DD)."), due_text);
    }
  else if (due_text[0] != '\0' && g_date_compare (&due, &date) < 0)
    {
      field = "next-action-due";
      message = g_strdup_printf (_("Due: the next action cannot be due (%s) before the "
                                   "event (%s)."), due_text, date_text);
    }
  else if (self->text[CL_CASE_EVENT_NEXT_ACTION_TYPE] != NULL
           && !cl_casework_vocab_has (CL_VOCAB_ACTION_TYPE,
                                      self->text[CL_CASE_EVENT_NEXT_ACTION_TYPE]))
    {
      g_autofree char *all = cl_casework_vocab_join (CL_VOCAB_ACTION_TYPE);
      field = "next-action-type";
      message = g_strdup_printf (_("Action type: “%s” is not a kind of action; use one of %s."),
                                 self->text[CL_CASE_EVENT_NEXT_ACTION_TYPE], all);
    }

  if (field == NULL)
    return TRUE;
  if (out_field != NULL)
    *out_field = field;
  g_set_error_literal (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_INVALID, message);
  return FALSE;
}

/* --- for the repository (cl-casework-private.h) -------------------------------- */

void
cl_case_event_set_id (ClCaseEvent *self,
                      gint64       id)
{
  g_return_if_fail (CL_IS_CASE_EVENT (self));
  if (self->id == id)
    return;
  self->id = id;
  notify (self, PROP_ID);
}

void
cl_case_event_set_recorded (ClCaseEvent *self,
                            const char  *officer_name,
                            const char  *created_by,
                            const char  *created_at,
                            guint        revision)
{
  g_return_if_fail (CL_IS_CASE_EVENT (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_ro (self, R_OFFICER_NAME, officer_name);
  set_ro (self, R_CREATED_BY, created_by);
  set_ro (self, R_CREATED_AT, created_at);
  if (self->revision != revision)
    {
      self->revision = revision;
      notify (self, PROP_REVISION);
      notify (self, PROP_CORRECTED);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
cl_case_event_set_action_done (ClCaseEvent *self,
                               const char  *done_at,
                               const char  *done_by)
{
  g_return_if_fail (CL_IS_CASE_EVENT (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_ro (self, R_DONE_AT, done_at);
  set_ro (self, R_DONE_BY, done_by);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
cl_case_event_same_record (ClCaseEvent *a,
                           ClCaseEvent *b)
{
  for (guint i = 0; i < CL_CASE_EVENT_N_TEXT; i++)
    if (g_strcmp0 (a->text[i], b->text[i]) != 0)
      return FALSE;
  return a->duration == b->duration && a->miles_tenths == b->miles_tenths
         && a->officer_id == b->officer_id;
}

ClCaseEvent *
cl_case_event_new_full (gint64              id,
                        gint64              case_id,
                        const char * const *text,
                        guint               duration,
                        int                 miles_tenths,
                        gint64              officer_id)
{
  ClCaseEvent *self = g_object_new (CL_TYPE_CASE_EVENT, NULL);

  self->id = id;
  self->case_id = case_id;
  self->duration = duration;
  self->miles_tenths = miles_tenths;
  self->officer_id = officer_id;
  for (guint i = 0; i < CL_CASE_EVENT_N_TEXT; i++)
    self->text[i] = text[i] != NULL && *text[i] != '\0' ? g_strdup (text[i]) : NULL;
  return self;
}
