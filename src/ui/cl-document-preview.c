/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-document-preview"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <poppler.h>

#include "ui/cl-document-preview.h"
#include "ui/cl-window-private.h"

/* A page at 100 % is as large as on paper: 72 points to 96 pixels. */
#define PIXELS_PER_POINT (96.0 / 72.0)
/* Space around the page inside the scrolled view (matches the margins in
 * the template). */
#define PAGE_MARGIN 18
#define ZOOM_MIN 0.25
#define ZOOM_MAX 4.0
/* No page is rendered into more pixels than this (an A4 page at 400 % on a
 * 2× screen would need 128 MB); beyond it the page is rendered smaller and
 * scaled up. */
#define MAX_PIXELS (48.0 * 1024 * 1024)

static const double zoom_levels[] = { 0.25, 0.33, 0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0 };

/* The worker's own copy of the document. Only one render job runs at a
 * time, so the PopplerDocument in it is only ever used by one thread at a
 * time (as evince confines a document to its job thread). */
typedef struct
{
  GBytes          *bytes;
  PopplerDocument *document;  /* made by the first job */
} Renderer;

typedef struct
{
  Renderer *renderer;
  guint     generation;
  guint     page;
  int       width;   /* pixels */
  int       height;
} RenderJob;

struct _ClDocumentPreview
{
  GtkWidget          parent_instance;

  /* template */
  GtkWidget         *box;
  GtkLabel          *page_label;
  GtkMenuButton     *zoom_button;
  GtkScrolledWindow *scroller;
  GtkDrawingArea    *page_area;

  GBytes            *pdf;
  PopplerDocument   *document;   /* this thread's: sizes and text */
  Renderer          *renderer;
  guint              n_pages;
  guint              page;
  ClPreviewZoomMode  mode;
  double             zoom;

  cairo_surface_t   *surface;    /* the page rendered, or NULL */
  guint              surface_page;
  GCancellable      *cancellable;
  guint              generation; /* of the document; jobs of an older one are ignored */
  gboolean           rendering;
  guint              layout_idle;
};

G_DEFINE_FINAL_TYPE (ClDocumentPreview, cl_document_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PAGE,
  PROP_N_PAGES,
  PROP_ZOOM,
  PROP_ZOOM_MODE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void update_layout  (ClDocumentPreview *self);
static void request_render (ClDocumentPreview *self);

static Renderer *
renderer_new (GBytes *bytes)
{
  Renderer *renderer = g_atomic_rc_box_new0 (Renderer);

  renderer->bytes = g_bytes_ref (bytes);
  return renderer;
}

static void
renderer_clear (gpointer data)
{
  Renderer *renderer = data;

  g_clear_object (&renderer->document);
  g_bytes_unref (renderer->bytes);
}

static void
renderer_unref (Renderer *renderer)
{
  g_atomic_rc_box_release_full (renderer, renderer_clear);
}

static void
render_job_free (gpointer data)
{
  RenderJob *job = data;

  renderer_unref (job->renderer);
  g_free (job);
}

static void
surface_destroy (gpointer data)
{
  cairo_surface_destroy (data);
}

/* On the worker thread: nothing here touches the widget. */
static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderJob *job = task_data;
  Renderer *renderer = job->renderer;
  PopplerPage *page;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (renderer->document == NULL)
    {
      renderer->document = poppler_document_new_from_bytes (renderer->bytes, NULL, &error);
      if (renderer->document == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  page = poppler_document_get_page (renderer->document, (int) job->page);
  if (page == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               "The document has no page %u", job->page + 1);
      return;
    }
  poppler_page_get_size (page, &width, &height);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, job->width, job->height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, job->width / width, job->height / height);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  g_object_unref (page);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not render page %u: %s",
                               job->page + 1,
                               cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return;
    }
  cairo_surface_flush (surface);
  g_task_return_pointer (task, surface, surface_destroy);
}

static void
render_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ClDocumentPreview *self = CL_DOCUMENT_PREVIEW (source);
  RenderJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = g_task_propagate_pointer (G_TASK (result), &error);

  if (job->generation != self->generation)
    {
      /* Another document, or the widget has gone. */
      g_clear_pointer (&surface, cairo_surface_destroy);
      return;
    }
  self->rendering = FALSE;
  if (surface == NULL)
    {
      g_debug ("Page %u not rendered: %s", job->page + 1, error->message);
      return;
    }
  if (job->page == self->page)
    {
      g_clear_pointer (&self->surface, cairo_surface_destroy);
      self->surface = surface;
      self->surface_page = job->page;
      gtk_widget_queue_draw (GTK_WIDGET (self->page_area));
    }
  else
    cairo_surface_destroy (surface);
  /* Whatever is wanted now: the zoom or the page may have changed. */
  request_render (self);
}

static void
wanted_pixels (ClDocumentPreview *self,
               int               *out_width,
               int               *out_height)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self->page_area));
  double width = (double) gtk_drawing_area_get_content_width (self->page_area) * scale;
  double height = (double) gtk_drawing_area_get_content_height (self->page_area) * scale;

  if (width * height > MAX_PIXELS)
    {
      double shrink = sqrt (MAX_PIXELS / (width * height));

      width *= shrink;
      height *= shrink;
    }
  *out_width = MAX (1, (int) floor (width));
  *out_height = MAX (1, (int) floor (height));
}

static void
request_render (ClDocumentPreview *self)
{
  g_autoptr(GTask) task = NULL;
  RenderJob *job;
  int width, height;

  if (self->renderer == NULL || self->n_pages == 0 || self->rendering)
    return;  /* a running job calls again when it is done */
  if (gtk_drawing_area_get_content_width (self->page_area) <= 0)
    return;
  wanted_pixels (self, &width, &height);
  if (self->surface != NULL && self->surface_page == self->page
      && cairo_image_surface_get_width (self->surface) == width
      && cairo_image_surface_get_height (self->surface) == height)
    return;

  job = g_new0 (RenderJob, 1);
  job->renderer = g_atomic_rc_box_acquire (self->renderer);
  job->generation = self->generation;
  job->page = self->page;
  job->width = width;
  job->height = height;
  self->rendering = TRUE;
  task = g_task_new (self, self->cancellable, render_done_cb, NULL);
  g_task_set_source_tag (task, request_render);
  g_task_set_task_data (task, job, render_job_free);
  g_task_run_in_thread (task, render_thread);
}

static void
draw_page (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  ClDocumentPreview *self = user_data;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (self->surface == NULL || self->surface_page != self->page)
    return;  /* a blank page until it is rendered */
  /* One pixel of the surface to one pixel of the screen once rendered at
   * this zoom; the last rendering, scaled, meanwhile. */
  cairo_scale (cr,
               (double) width / cairo_image_surface_get_width (self->surface),
               (double) height / cairo_image_surface_get_height (self->surface));
  cairo_set_source_surface (cr, self->surface, 0, 0);
  cairo_paint (cr);
}

GtkWidget *
cl_document_preview_new (void)
{
  return g_object_new (CL_TYPE_DOCUMENT_PREVIEW, NULL);
}

static void
update_actions (ClDocumentPreview *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean loaded = self->n_pages > 0;

  gtk_widget_action_set_enabled (widget, "preview.previous-page", loaded && self->page > 0);
  gtk_widget_action_set_enabled (widget, "preview.first-page", loaded && self->page > 0);
  gtk_widget_action_set_enabled (widget, "preview.next-page", loaded && self->page + 1 < self->n_pages);
  gtk_widget_action_set_enabled (widget, "preview.last-page", loaded && self->page + 1 < self->n_pages);
  gtk_widget_action_set_enabled (widget, "preview.zoom-in", loaded && self->zoom < ZOOM_MAX - 0.001);
  gtk_widget_action_set_enabled (widget, "preview.zoom-out", loaded && self->zoom > ZOOM_MIN + 0.001);
}

static void
update_labels (ClDocumentPreview *self)
{
  g_autofree char *page = NULL;
  g_autofree char *zoom = NULL;

  if (self->n_pages == 0)
    page = g_strdup (_("No pages"));
  else
    /* Translators: "Page 2 of 5". */
    page = g_strdup_printf (_("Page %u of %u"), self->page + 1, self->n_pages);
  gtk_label_set_text (self->page_label, page);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->page_area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, page, -1);

  /* Translators: a zoom level, "125%". */
  zoom = g_strdup_printf (_("%.0f%%"), self->zoom * 100);
  gtk_menu_button_set_label (self->zoom_button, zoom);
}

static void
set_zoom_internal (ClDocumentPreview *self,
                   double             zoom)
{
  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (fabs (zoom - self->zoom) < 1e-6)
    return;
  self->zoom = zoom;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* The zoom that fits the page into the view, or a negative number before
 * the view has a size. */
static double
fit_zoom (ClDocumentPreview *self)
{
  double width, height, zoom;
  int view_width = gtk_widget_get_width (GTK_WIDGET (self->scroller)) - 2 * PAGE_MARGIN;
  int view_height = gtk_widget_get_height (GTK_WIDGET (self->scroller)) - 2 * PAGE_MARGIN;

  if (self->n_pages == 0 || view_width <= 0 || view_height <= 0)
    return -1;
  cl_document_preview_get_page_size (self, self->page, &width, &height);
  zoom = view_width / (width * PIXELS_PER_POINT);
  if (self->mode == CL_PREVIEW_ZOOM_FIT_PAGE)
    zoom = MIN (zoom, view_height / (height * PIXELS_PER_POINT));
  return CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
}

static void
update_layout (ClDocumentPreview *self)
{
  double width = 0, height = 0;
  int content_width = 0, content_height = 0;

  if (self->mode != CL_PREVIEW_ZOOM_FREE)
    {
      double zoom = fit_zoom (self);

      if (zoom > 0)
        set_zoom_internal (self, zoom);
    }
  if (self->n_pages > 0)
    {
      cl_document_preview_get_page_size (self, self->page, &width, &height);
      content_width = MAX (1, (int) round (width * PIXELS_PER_POINT * self->zoom));
      content_height = MAX (1, (int) round (height * PIXELS_PER_POINT * self->zoom));
    }
  if (gtk_drawing_area_get_content_width (self->page_area) != content_width)
    gtk_drawing_area_set_content_width (self->page_area, content_width);
  if (gtk_drawing_area_get_content_height (self->page_area) != content_height)
    gtk_drawing_area_set_content_height (self->page_area, content_height);
  gtk_widget_set_visible (GTK_WIDGET (self->page_area), self->n_pages > 0);
  update_labels (self);
  update_actions (self);
  request_render (self);
}

static gboolean
layout_idle_cb (gpointer user_data)
{
  ClDocumentPreview *self = user_data;

  self->layout_idle = 0;
  update_layout (self);
  return G_SOURCE_REMOVE;
}

gboolean
cl_document_preview_load (ClDocumentPreview  *self,
                          GBytes             *pdf,
                          GError            **error)
{
  PopplerDocument *document;

  g_return_val_if_fail (CL_IS_DOCUMENT_PREVIEW (self), FALSE);
  g_return_val_if_fail (pdf != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  document = poppler_document_new_from_bytes (pdf, NULL, error);

  /* Forget the old document and any job still rendering it. */
  self->generation++;
  self->rendering = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_clear_pointer (&self->renderer, renderer_unref);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  g_clear_object (&self->document);
  self->n_pages = 0;
  self->page = 0;

  if (document != NULL)
    {
      self->pdf = g_bytes_ref (pdf);
      self->document = document;
      self->renderer = renderer_new (pdf);
      self->n_pages = (guint) MAX (0, poppler_document_get_n_pages (self->document));
    }
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  update_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
  return self->document != NULL;
}

GBytes *
cl_document_preview_get_pdf (ClDocumentPreview *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT_PREVIEW (self), NULL);
  return self->pdf;
}

guint
cl_document_preview_get_n_pages (ClDocumentPreview *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT_PREVIEW (self), 0);
  return self->n_pages;
}

guint
cl_document_preview_get_page (ClDocumentPreview *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT_PREVIEW (self), 0);
  return self->page;
}

void
cl_document_preview_set_page (ClDocumentPreview *self,
                              guint              page)
{
  g_return_if_fail (CL_IS_DOCUMENT_PREVIEW (self));

  if (self->n_pages == 0)
    return;
  page = MIN (page, self->n_pages - 1);
  if (page == self->page)
    return;
  self->page = page;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  update_layout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->page_area));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

void
cl_document_preview_get_page_size (ClDocumentPreview *self,
                                   guint              page,
                                   double            *width,
                                   double            *height)
{
  PopplerPage *p = NULL;
  double w = 0, h = 0;

  g_return_if_fail (CL_IS_DOCUMENT_PREVIEW (self));

  if (self->document != NULL)
    p = poppler_document_get_page (self->document, (int) page);
  if (p != NULL)
    {
      poppler_page_get_size (p, &w, &h);
      g_object_unref (p);
    }
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

void
cl_document_preview_print_page (ClDocumentPreview *self,
                                cairo_t           *cr,
                                guint              page)
{
  PopplerPage *p = NULL;

  g_return_if_fail (CL_IS_DOCUMENT_PREVIEW (self));
  g_return_if_fail (cr != NULL);

  if (self->document != NULL)
    p = poppler_document_get_page (self->document, (int) page);
  if (p != NULL)
    {
      poppler_page_render_for_printing (p, cr);
      g_object_unref (p);
    }
}

ClPreviewZoomMode
cl_document_preview_get_zoom_mode (ClDocumentPreview *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT_PREVIEW (self), CL_PREVIEW_ZOOM_FIT_WIDTH);
  return self->mode;
}

void
cl_document_preview_set_zoom_mode (ClDocumentPreview *self,
                                   ClPreviewZoomMode  mode)
{
  g_return_if_fail (CL_IS_DOCUMENT_PREVIEW (self));

  if (self->mode == mode)
    return;
  self->mode = mode;
  update_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_MODE]);
}

double
cl_document_preview_get_zoom (ClDocumentPreview *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT_PREVIEW (self), 1.0);
  return self->zoom;
}

void
cl_document_preview_set_zoom (ClDocumentPreview *self,
                              double             zoom)
{
  g_return_if_fail (CL_IS_DOCUMENT_PREVIEW (self));

  cl_document_preview_set_zoom_mode (self, CL_PREVIEW_ZOOM_FREE);
  set_zoom_internal (self, zoom);
  update_layout (self);
}

/* --- hooks for the tests (cl-window-private.h) --- */

PopplerDocument *
cl_document_preview_get_document (ClDocumentPreview *self)
{
  return self->document;
}

GtkLabel *
cl_document_preview_get_page_label (ClDocumentPreview *self)
{
  return self->page_label;
}

gboolean
cl_document_preview_get_rendered (ClDocumentPreview *self,
                                  guint             *out_page,
                                  int               *out_width,
                                  int               *out_height)
{
  if (self->surface == NULL)
    return FALSE;
  *out_page = self->surface_page;
  *out_width = cairo_image_surface_get_width (self->surface);
  *out_height = cairo_image_surface_get_height (self->surface);
  return TRUE;
}

/* --- actions and input --- */

static void
page_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ClDocumentPreview *self = CL_DOCUMENT_PREVIEW (widget);

  if (self->n_pages == 0)
    return;
  if (g_str_equal (action_name, "preview.previous-page") && self->page > 0)
    cl_document_preview_set_page (self, self->page - 1);
  else if (g_str_equal (action_name, "preview.next-page"))
    cl_document_preview_set_page (self, self->page + 1);
  else if (g_str_equal (action_name, "preview.first-page"))
    cl_document_preview_set_page (self, 0);
  else if (g_str_equal (action_name, "preview.last-page"))
    cl_document_preview_set_page (self, self->n_pages - 1);
}

static void
zoom_step (ClDocumentPreview *self,
           gboolean           in)
{
  double zoom = self->zoom;

  if (in)
    {
      for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
        if (zoom_levels[i] > zoom * 1.01)
          {
            zoom = zoom_levels[i];
            break;
          }
    }
  else
    {
      for (guint i = G_N_ELEMENTS (zoom_levels); i > 0; i--)
        if (zoom_levels[i - 1] < zoom * 0.99)
          {
            zoom = zoom_levels[i - 1];
            break;
          }
    }
  cl_document_preview_set_zoom (self, zoom);
}

static void
zoom_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ClDocumentPreview *self = CL_DOCUMENT_PREVIEW (widget);

  if (g_str_equal (action_name, "preview.zoom-in"))
    zoom_step (self, TRUE);
  else if (g_str_equal (action_name, "preview.zoom-out"))
    zoom_step (self, FALSE);
  else if (g_str_equal (action_name, "preview.fit-width")
           || g_str_equal (action_name, "preview.zoom-reset"))
    cl_document_preview_set_zoom_mode (self, CL_PREVIEW_ZOOM_FIT_WIDTH);
  else if (g_str_equal (action_name, "preview.fit-page"))
    cl_document_preview_set_zoom_mode (self, CL_PREVIEW_ZOOM_FIT_PAGE);
  else if (g_str_equal (action_name, "preview.zoom"))
    cl_document_preview_set_zoom (self, g_variant_get_double (parameter));
}

static gboolean
scroll_cb (ClDocumentPreview        *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  /* Ctrl+wheel zooms; the wheel alone scrolls. */
  if ((state & GDK_CONTROL_MASK) == 0 || self->n_pages == 0 || dy == 0)
    return FALSE;
  zoom_step (self, dy < 0);
  return TRUE;
}

static void
scale_factor_changed_cb (ClDocumentPreview *self)
{
  request_render (self);
}

/* --- GtkWidget --- */

static void
cl_document_preview_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  ClDocumentPreview *self = CL_DOCUMENT_PREVIEW (widget);

  gtk_widget_measure (self->box, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
cl_document_preview_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  ClDocumentPreview *self = CL_DOCUMENT_PREVIEW (widget);
  double zoom;

  gtk_widget_allocate (self->box, width, height, baseline, NULL);

  /* A fitted page follows the size of the view: resized after this
   * allocation, not during it. */
  if (self->mode == CL_PREVIEW_ZOOM_FREE || self->layout_idle != 0)
    return;
  zoom = fit_zoom (self);
  if (zoom > 0 && (fabs (zoom - self->zoom) > 1e-4
                   || gtk_drawing_area_get_content_width (self->page_area) <= 0))
    self->layout_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, layout_idle_cb, self, NULL);
}

static gboolean
cl_document_preview_grab_focus (GtkWidget *widget)
{
  /* The page, so that the keys move through it and not a button. */
  return gtk_widget_grab_focus (GTK_WIDGET (CL_DOCUMENT_PREVIEW (widget)->page_area));
}

static void
cl_document_preview_dispose (GObject *object)
{
  ClDocumentPreview *self = CL_DOCUMENT_PREVIEW (object);

  self->generation++;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->layout_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_DOCUMENT_PREVIEW);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_clear_pointer (&self->renderer, renderer_unref);
  g_clear_object (&self->document);
  g_clear_pointer (&self->pdf, g_bytes_unref);

  G_OBJECT_CLASS (cl_document_preview_parent_class)->dispose (object);
}

static void
cl_document_preview_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ClDocumentPreview *self = CL_DOCUMENT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, self->n_pages);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_ZOOM_MODE:
      g_value_set_int (value, self->mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_document_preview_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ClDocumentPreview *self = CL_DOCUMENT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      cl_document_preview_set_page (self, g_value_get_uint (value));
      break;
    case PROP_ZOOM:
      cl_document_preview_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_ZOOM_MODE:
      cl_document_preview_set_zoom_mode (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_document_preview_class_init (ClDocumentPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_document_preview_dispose;
  object_class->get_property = cl_document_preview_get_property;
  object_class->set_property = cl_document_preview_set_property;
  widget_class->measure = cl_document_preview_measure;
  widget_class->size_allocate = cl_document_preview_size_allocate;
  widget_class->grab_focus = cl_document_preview_grab_focus;

  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, ZOOM_MIN, ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM_MODE] =
    g_param_spec_int ("zoom-mode", NULL, NULL,
                      CL_PREVIEW_ZOOM_FIT_WIDTH, CL_PREVIEW_ZOOM_FREE, CL_PREVIEW_ZOOM_FIT_WIDTH,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "preview.previous-page", NULL, page_action_cb);
  gtk_widget_class_install_action (widget_class, "preview.next-page", NULL, page_action_cb);
  gtk_widget_class_install_action (widget_class, "preview.first-page", NULL, page_action_cb);
  gtk_widget_class_install_action (widget_class, "preview.last-page", NULL, page_action_cb);
  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "preview.zoom-reset", NULL, zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "preview.fit-width", NULL, zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "preview.fit-page", NULL, zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "preview.zoom", "d", zoom_action_cb);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caseload/Caseload"
                                               "/ui/cl-document-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, ClDocumentPreview, box);
  gtk_widget_class_bind_template_child (widget_class, ClDocumentPreview, page_label);
  gtk_widget_class_bind_template_child (widget_class, ClDocumentPreview, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, ClDocumentPreview, scroller);
  gtk_widget_class_bind_template_child (widget_class, ClDocumentPreview, page_area);
  gtk_widget_class_bind_template_callback (widget_class, scroll_cb);

  gtk_widget_class_set_css_name (widget_class, "documentpreview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cl_document_preview_init (ClDocumentPreview *self)
{
  self->zoom = 1.0;
  self->mode = CL_PREVIEW_ZOOM_FIT_WIDTH;
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->page_area, draw_page, self, NULL);
  g_signal_connect_object (self->page_area, "notify::scale-factor",
                           G_CALLBACK (scale_factor_changed_cb), self, G_CONNECT_SWAPPED);
  update_layout (self);
}
