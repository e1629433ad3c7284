/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-documents"

#include "config.h"

#include <glib/gi18n-lib.h>
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
  if (letterhead->logo_surface != NULL)
    copy->logo_surface = cairo_surface_reference (letterhead->logo_surface);
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
      cairo_surface_t *logo = cl_document_load_png (letterhead->logo, error);

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

      letterhead->logo_surface = cl_document_load_png (letterhead->logo, &error);
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

cairo_surface_t *
cl_document_load_png (const char  *path,
                      GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local = NULL;
  cairo_surface_t *surface;
  PngReader reader;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &len, &local))
    {
      g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_IMAGE,
                   _("Could not read the image “%s”: %s"), path, local->message);
      return NULL;
    }
  if (len < 8 || memcmp (contents, "\x89PNG\r\n\x1a\n", 8) != 0)
    {
      g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_IMAGE,
                   _("The image “%s” is not a PNG file (logos and signatures must be PNG)"),
                   path);
      return NULL;
    }
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
