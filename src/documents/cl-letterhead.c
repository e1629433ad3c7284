/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-documents"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <librsvg/rsvg.h>
#include <string.h>

#include "documents/cl-documents-error.h"
#include "documents/cl-letterhead.h"

G_DEFINE_BOXED_TYPE (ClLetterhead, cl_letterhead, cl_letterhead_copy, cl_letterhead_free)

#define N_FIELDS 7

static const char *const keys[N_FIELDS] = {
  "letterhead.authority",
  "letterhead.service",
  "letterhead.address",
  "letterhead.phone",
  "letterhead.email",
  "letterhead.website",
  "letterhead.logo",
};

static char **
field (ClLetterhead *lh,
       guint         i)
{
  char **fields[N_FIELDS] = {
    &lh->authority, &lh->service, &lh->address, &lh->phone, &lh->email, &lh->website, &lh->logo,
  };
  return fields[i];
}

ClLetterhead *
cl_letterhead_new (void)
{
  return g_new0 (ClLetterhead, 1);
}

ClLetterhead *
cl_letterhead_copy (const ClLetterhead *letterhead)
{
  ClLetterhead *copy;

  g_return_val_if_fail (letterhead != NULL, NULL);

  copy = cl_letterhead_new ();
  for (guint i = 0; i < N_FIELDS; i++)
    *field (copy, i) = g_strdup (*field ((ClLetterhead *) letterhead, i));
  /* An image surface is only read once made, so copies may share it; an
   * SVG's recording surface changes as it is replayed (cairo builds its
   * index lazily), so only copies made on the thread that loaded it share
   * it (a merge's letters, each with its copy), and others load their own. */
  if (letterhead->logo_surface != NULL
      && (cairo_surface_get_type (letterhead->logo_surface) == CAIRO_SURFACE_TYPE_IMAGE
          || letterhead->logo_thread == g_thread_self ()))
    {
      copy->logo_surface = cairo_surface_reference (letterhead->logo_surface);
      copy->logo_thread = letterhead->logo_thread;
    }
  return copy;
}

void
cl_letterhead_free (ClLetterhead *letterhead)
{
  if (letterhead == NULL)
    return;
  for (guint i = 0; i < N_FIELDS; i++)
    g_free (*field (letterhead, i));
  g_clear_pointer (&letterhead->logo_surface, cairo_surface_destroy);
  g_free (letterhead);
}

ClLetterhead *
cl_letterhead_load (ClDatabase *db)
{
  ClLetterhead *lh;

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  lh = cl_letterhead_new ();
  for (guint i = 0; i < N_FIELDS; i++)
    {
      char *value = cl_database_get_setting (db, keys[i]);

      if (value != NULL && *value == '\0')
        g_clear_pointer (&value, g_free);
      *field (lh, i) = value;
    }
  return lh;
}

gboolean
cl_letterhead_save (const ClLetterhead  *letterhead,
                    ClDatabase          *db,
                    GError             **error)
{
  g_return_val_if_fail (letterhead != NULL, FALSE);
  g_return_val_if_fail (CL_IS_DATABASE (db), FALSE);

  if (letterhead->logo != NULL && *letterhead->logo != '\0')
    {
      cairo_surface_t *logo = cl_document_load_logo (letterhead->logo, error);

      if (logo == NULL)
        return FALSE;
      cairo_surface_destroy (logo);
    }
  if (!cl_database_begin (db, error))
    return FALSE;
  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *value = *field ((ClLetterhead *) letterhead, i);

      if (!cl_database_set_setting (db, keys[i], value != NULL ? value : "", error))
        {
          cl_database_rollback (db);
          return FALSE;
        }
    }
  return cl_database_commit (db, error);
}

gboolean
cl_letterhead_is_empty (const ClLetterhead *letterhead)
{
  g_return_val_if_fail (letterhead != NULL, TRUE);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *value = *field ((ClLetterhead *) letterhead, i);
      if (value != NULL && *value != '\0')
        return FALSE;
    }
  return TRUE;
}

cairo_surface_t *
cl_letterhead_get_logo (ClLetterhead *letterhead)
{
  g_return_val_if_fail (letterhead != NULL, NULL);

  if (letterhead->logo_surface == NULL && letterhead->logo != NULL && *letterhead->logo != '\0')
    {
      g_autoptr(GError) error = NULL;

      letterhead->logo_surface = cl_document_load_logo (letterhead->logo, &error);
      letterhead->logo_thread = g_thread_self ();
      if (letterhead->logo_surface == NULL)
        g_debug ("Letterhead logo left out: %s", error->message);
    }
  return letterhead->logo_surface;
}

char *
cl_officer_signature_path (ClDatabase *db,
                           gint64      officer_id)
{
  g_autofree char *key = NULL;
  char *value;

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  key = g_strdup_printf ("officer.%" G_GINT64_FORMAT ".signature", officer_id);
  value = cl_database_get_setting (db, key);
  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

gboolean
cl_officer_set_signature (ClDatabase  *db,
                          gint64       officer_id,
                          const char  *png_path,
                          GError     **error)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (CL_IS_DATABASE (db), FALSE);

  if (png_path != NULL && *png_path != '\0')
    {
      cairo_surface_t *image = cl_document_load_png (png_path, error);

      if (image == NULL)
        return FALSE;
      cairo_surface_destroy (image);
    }
  key = g_strdup_printf ("officer.%" G_GINT64_FORMAT ".signature", officer_id);
  return cl_database_set_setting (db, key, png_path != NULL ? png_path : "", error);
}

typedef struct
{
  const guint8 *data;
  gsize         len;
  gsize         pos;
} PngReader;

static cairo_status_t
read_png_cb (void          *closure,
             unsigned char *buf,
             unsigned int   length)
{
  PngReader *r = closure;

  if (r->len - r->pos < length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (buf, r->data + r->pos, length);
  r->pos += length;
  return CAIRO_STATUS_SUCCESS;
}

#define PNG_SIGNATURE "\x89PNG\r\n\x1a\n"

static gboolean
read_image (const char  *path,
            char       **contents,
            gsize       *len,
            GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (!g_file_get_contents (path, contents, len, &local))
    {
      g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_IMAGE,
                   _("Could not read the image “%s”: %s"), path, local->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_png (const char *contents,
        gsize       len)
{
  return len >= 8 && memcmp (contents, PNG_SIGNATURE, 8) == 0;
}

static cairo_surface_t *
decode_png (const char *path,
            const char *contents,
            gsize       len,
            GError    **error)
{
  cairo_surface_t *surface;
  PngReader reader;

  reader.data = (const guint8 *) contents;
  reader.len = len;
  reader.pos = 0;
  surface = cairo_image_surface_create_from_png_stream (read_png_cb, &reader);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_IMAGE,
                   _("The image “%s” could not be read: %s"), path,
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }
  return surface;
}

cairo_surface_t *
cl_document_load_png (const char  *path,
                      GError     **error)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);

  if (!read_image (path, &contents, &len, error))
    return NULL;
  if (!is_png (contents, len))
    {
      g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_IMAGE,
                   _("The image “%s” is not a PNG file (signatures must be PNG)"),
                   path);
      return NULL;
    }
  return decode_png (path, contents, len, error);
}

/* librsvg's messages end in a newline. */
static char *
tidy_message (const GError *error)
{
  return g_strstrip (g_strdup (error->message));
}

static cairo_surface_t *
decode_svg (const char *path,
            char       *contents,
            gsize       len,
            GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (contents, len);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GFile) base = g_file_new_for_path (path);
  g_autoptr(GError) local = NULL;
  RsvgHandle *handle;
  RsvgRectangle viewport = { 0, 0, 0, 0 };
  cairo_rectangle_t extents;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean rendered;

  /* The base file lets the SVG refer to images beside it. */
  handle = rsvg_handle_new_from_stream_sync (stream, base, RSVG_HANDLE_FLAGS_NONE, NULL, &local);
  if (handle == NULL)
    {
      g_autofree char *why = tidy_message (local);

      g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_IMAGE,
                   _("The image “%s” is neither a PNG nor an SVG file (logos must be PNG or SVG): %s"),
                   path, why);
      return NULL;
    }
  rsvg_handle_set_dpi (handle, 96.0);
  if (!rsvg_handle_get_intrinsic_size_in_pixels (handle, &viewport.width, &viewport.height))
    {
      gboolean has_viewbox = FALSE;
      RsvgRectangle viewbox = { 0, 0, 0, 0 };

      /* Width and height in percent (or left out): the viewBox gives the shape. */
      rsvg_handle_get_intrinsic_dimensions (handle, NULL, NULL, NULL, NULL, &has_viewbox, &viewbox);
      viewport.width = has_viewbox ? viewbox.width : 0;
      viewport.height = has_viewbox ? viewbox.height : 0;
    }
  if (!(viewport.width > 0 && viewport.height > 0))
    {
      g_object_unref (handle);
      g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_IMAGE,
                   _("The SVG image “%s” has no size: give its <svg> a width and height or a viewBox"),
                   path);
      return NULL;
    }

  extents.x = 0;
  extents.y = 0;
  extents.width = viewport.width;
  extents.height = viewport.height;
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cr = cairo_create (surface);
  rendered = rsvg_handle_render_document (handle, cr, &viewport, &local);
  if (rendered && cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      rendered = FALSE;
      g_set_error_literal (&local, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_IMAGE,
                           cairo_status_to_string (cairo_status (cr)));
    }
  cairo_destroy (cr);
  g_object_unref (handle);
  if (!rendered)
    {
      g_autofree char *why = tidy_message (local);

      cairo_surface_destroy (surface);
      g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_IMAGE,
                   _("The SVG image “%s” could not be drawn: %s"), path, why);
      return NULL;
    }
  return surface;
}

cairo_surface_t *
cl_document_load_logo (const char  *path,
                       GError     **error)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);

  if (!read_image (path, &contents, &len, error))
    return NULL;
  if (is_png (contents, len))
    return decode_png (path, contents, len, error);
  return decode_svg (path, contents, len, error);
}

void
cl_document_image_size (cairo_surface_t *image,
                        double          *width,
                        double          *height)
{
  cairo_rectangle_t extents = { 0, 0, 1, 1 };

  g_return_if_fail (image != NULL);
  g_return_if_fail (width != NULL && height != NULL);

  if (cairo_surface_get_type (image) == CAIRO_SURFACE_TYPE_IMAGE)
    {
      extents.width = cairo_image_surface_get_width (image);
      extents.height = cairo_image_surface_get_height (image);
    }
  else if (cairo_surface_get_type (image) == CAIRO_SURFACE_TYPE_RECORDING)
    cairo_recording_surface_get_extents (image, &extents);
  *width = MAX (1.0, extents.width);
  *height = MAX (1.0, extents.height);
}
