/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-case-timeline-item"

#include "config.h"

#include "ui/cl-case-timeline-item.h"

struct _ClCaseTimelineItem
{
  GObject             parent_instance;

  ClCaseTimelineKind  kind;
  ClCaseWeeks        *weeks;
  guint               week;
  ClCaseEvent        *event;
  char               *officer_name;
  char               *correction;
  char               *original;
};

G_DEFINE_FINAL_TYPE (ClCaseTimelineItem, cl_case_timeline_item, G_TYPE_OBJECT)

ClCaseTimelineItem *
cl_case_timeline_item_new_week (ClCaseWeeks *weeks,
                                guint        week)
{
  ClCaseTimelineItem *self;

  g_return_val_if_fail (weeks != NULL, NULL);
  g_return_val_if_fail (week < cl_case_weeks_get_n_weeks (weeks), NULL);

  self = g_object_new (CL_TYPE_CASE_TIMELINE_ITEM, NULL);
  self->kind = CL_CASE_TIMELINE_WEEK;
  self->weeks = cl_case_weeks_ref (weeks);
  self->week = week;
  return self;
}

ClCaseTimelineItem *
cl_case_timeline_item_new_event (ClCaseEvent *event,
                                 const char  *officer_name,
                                 const char  *correction,
                                 const char  *original)
{
  ClCaseTimelineItem *self;

  g_return_val_if_fail (CL_IS_CASE_EVENT (event), NULL);

  self = g_object_new (CL_TYPE_CASE_TIMELINE_ITEM, NULL);
  self->kind = CL_CASE_TIMELINE_EVENT;
  self->event = g_object_ref (event);
  self->officer_name = g_strdup (officer_name);
  self->correction = g_strdup (correction);
  self->original = g_strdup (original);
  return self;
}

ClCaseTimelineKind
cl_case_timeline_item_get_kind (ClCaseTimelineItem *self)
{
  g_return_val_if_fail (CL_IS_CASE_TIMELINE_ITEM (self), CL_CASE_TIMELINE_WEEK);
  return self->kind;
}

ClCaseWeeks *
cl_case_timeline_item_get_weeks (ClCaseTimelineItem *self)
{
  g_return_val_if_fail (CL_IS_CASE_TIMELINE_ITEM (self), NULL);
  return self->weeks;
}

guint
cl_case_timeline_item_get_week (ClCaseTimelineItem *self)
{
  g_return_val_if_fail (CL_IS_CASE_TIMELINE_ITEM (self), 0);
  return self->week;
}

ClCaseEvent *
cl_case_timeline_item_get_event (ClCaseTimelineItem *self)
{
  g_return_val_if_fail (CL_IS_CASE_TIMELINE_ITEM (self), NULL);
  return self->event;
}

const char *
cl_case_timeline_item_get_officer_name (ClCaseTimelineItem *self)
{
  g_return_val_if_fail (CL_IS_CASE_TIMELINE_ITEM (self), NULL);
  return self->officer_name;
}

const char *
cl_case_timeline_item_get_correction (ClCaseTimelineItem *self)
{
  g_return_val_if_fail (CL_IS_CASE_TIMELINE_ITEM (self), NULL);
  return self->correction;
}

const char *
cl_case_timeline_item_get_original (ClCaseTimelineItem *self)
{
  g_return_val_if_fail (CL_IS_CASE_TIMELINE_ITEM (self), NULL);
  return self->original;
}

static void
cl_case_timeline_item_dispose (GObject *object)
{
  ClCaseTimelineItem *self = CL_CASE_TIMELINE_ITEM (object);

  g_clear_pointer (&self->weeks, cl_case_weeks_unref);
  g_clear_object (&self->event);

  G_OBJECT_CLASS (cl_case_timeline_item_parent_class)->dispose (object);
}

static void
cl_case_timeline_item_finalize (GObject *object)
{
  ClCaseTimelineItem *self = CL_CASE_TIMELINE_ITEM (object);

  g_free (self->officer_name);
  g_free (self->correction);
  g_free (self->original);

  G_OBJECT_CLASS (cl_case_timeline_item_parent_class)->finalize (object);
}

static void
cl_case_timeline_item_class_init (ClCaseTimelineItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cl_case_timeline_item_dispose;
  object_class->finalize = cl_case_timeline_item_finalize;
}

static void
cl_case_timeline_item_init (ClCaseTimelineItem *self)
{
}
