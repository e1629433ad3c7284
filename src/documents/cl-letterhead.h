/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "store/cl-database.h"

G_BEGIN_DECLS

/* What the first page of every document carries at its top, kept in the
 * settings table under "letterhead.authority", "letterhead.service",
 * "letterhead.address" (lines separated by newlines), "letterhead.phone",
 * "letterhead.email", "letterhead.website" and "letterhead.logo" (the path
 * of a PNG or SVG file). Empty fields are left out of the letterhead. */
typedef struct
{
  char            *authority;   /* "Northshire County Council" */
  char            *service;     /* "Education Welfare Service" */
  char            *address;     /* several lines */
  char            *phone;
  char            *email;
  char            *website;
  char            *logo;        /* path to a PNG or SVG file, or NULL */
  /*< private >*/
  cairo_surface_t *logo_surface;
  GThread         *logo_thread;   /* that loaded logo_surface */
} ClLetterhead;

#define CL_TYPE_LETTERHEAD (cl_letterhead_get_type ())
GType            cl_letterhead_get_type      (void);

ClLetterhead    *cl_letterhead_new           (void);
ClLetterhead    *cl_letterhead_copy          (const ClLetterhead  *letterhead);
void             cl_letterhead_free          (ClLetterhead        *letterhead);
/* From the settings; never NULL (fields not set are NULL). */
ClLetterhead    *cl_letterhead_load          (ClDatabase          *db);
/* Saves every field (NULL or "" clears it) in one transaction. A logo must
 * be a readable PNG or SVG file (CL_DOCUMENTS_ERROR_IMAGE). */
gboolean         cl_letterhead_save          (const ClLetterhead  *letterhead,
                                              ClDatabase          *db,
                                              GError             **error);
gboolean         cl_letterhead_is_empty      (const ClLetterhead  *letterhead);
/* The logo as a surface (see cl_document_load_logo), loaded once and kept
 * (NULL without a logo or when it cannot be read). Not thread-safe: each
 * thread its own copy (copies share a PNG's image surface, and an SVG's
 * when made on the thread that loaded it; others load the SVG again). */
cairo_surface_t *cl_letterhead_get_logo      (ClLetterhead        *letterhead);

/* The PNG of an officer's signature, setting "officer.<id>.signature". */
char            *cl_officer_signature_path   (ClDatabase          *db,
                                              gint64               officer_id);
/* NULL clears it; otherwise it must be a readable PNG. */
gboolean         cl_officer_set_signature    (ClDatabase          *db,
                                              gint64               officer_id,
                                              const char          *png_path,
                                              GError             **error);

/* Reads a PNG file into an image surface, or fails with
 * CL_DOCUMENTS_ERROR_IMAGE naming the file. */
cairo_surface_t *cl_document_load_png        (const char          *path,
                                              GError             **error);
/* Reads a logo: a PNG (known by its signature, whatever the file's name)
 * into an image surface, anything else as SVG with librsvg into a bounded
 * recording surface, which replays as vectors into a PDF. Fails with
 * CL_DOCUMENTS_ERROR_IMAGE naming the file when it is neither. */
cairo_surface_t *cl_document_load_logo       (const char          *path,
                                              GError             **error);
/* The natural size of a surface from cl_document_load_logo or
 * cl_document_load_png: pixels of an image surface, the extents of a
 * recording surface. Either is at least 1. */
void             cl_document_image_size      (cairo_surface_t     *image,
                                              double              *width,
                                              double              *height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClLetterhead, cl_letterhead_free)

G_END_DECLS
