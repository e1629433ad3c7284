/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "documents/cl-document.h"
#include "documents/cl-documents-error.h"
#include "documents/cl-letterhead.h"
#include "documents/cl-pdf-split.h"

#include "pdf-reader.h"

/* Splitting a combined PDF into letters: every part is compared with the
 * pages it came from, read back and rendered with poppler-glib. */

#define RENDER_W 150
#define RENDER_H 212

/* What poppler complains about (syntax errors, objects it had to look
 * for) arrives as messages in the "Poppler" log domain. */
static guint poppler_messages;

static void
poppler_log_cb (const char     *domain,
                GLogLevelFlags  level,
                const char     *message,
                gpointer        user_data)
{
  g_test_message ("poppler: %s", message);
  poppler_messages++;
}

/* The page drawn on white at RENDER_W × RENDER_H pixels. */
static cairo_surface_t *
render_page (PopplerDocument *doc,
             int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (doc, index);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, RENDER_W,
                                                         RENDER_H);
  cairo_t *cr = cairo_create (surface);
  double w, h;

  g_assert_nonnull (page);
  poppler_page_get_size (page, &w, &h);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, RENDER_W / w, RENDER_H / h);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint
count_inked (cairo_surface_t *surface)
{
  guint inked = 0;

  for (int y = 0; y < RENDER_H; y++)
    for (int x = 0; x < RENDER_W; x++)
      {
        guint32 px;

        memcpy (&px, cairo_image_surface_get_data (surface)
                     + y * cairo_image_surface_get_stride (surface) + 4 * x, sizeof px);
        if ((px & 0xffffff) != 0xffffff)
          inked++;
      }
  return inked;
}

/* --- outlines -------------------------------------------------------------------------- */

typedef struct
{
  char   *title;
  int     page;    /* from 1 */
  double  top;
  guint   depth;   /* 0 at the top */
  gboolean open;   /* its children shown */
} Heading;

static void
heading_free (gpointer data)
{
  Heading *h = data;

  g_free (h->title);
  g_free (h);
}

static void
collect_headings (PopplerIndexIter *iter,
                  guint             depth,
                  GPtrArray        *out)
{
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child = poppler_index_iter_get_child (iter);
      Heading *h = g_new0 (Heading, 1);

      g_assert_cmpint (action->type, ==, POPPLER_ACTION_GOTO_DEST);
      g_assert_nonnull (action->goto_dest.dest);
      g_assert_cmpint (action->goto_dest.dest->type, ==, POPPLER_DEST_XYZ);
      h->title = g_strdup (action->any.title);
      h->page = action->goto_dest.dest->page_num;
      h->top = action->goto_dest.dest->top;
      h->depth = depth;
      h->open = poppler_index_iter_is_open (iter);
      g_ptr_array_add (out, h);
      if (child != NULL)
        {
          collect_headings (child, depth + 1, out);
          poppler_index_iter_free (child);
        }
      poppler_action_free (action);
    }
  while (poppler_index_iter_next (iter));
}

/* Every outline entry in reading order; below the top-level entry number
 * under (from 0) only when under >= 0, as if it were the root. */
static GPtrArray *
outline_of (PopplerDocument *doc,
            int              under)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (heading_free);
  PopplerIndexIter *iter = poppler_index_iter_new (doc);

  if (iter == NULL)
    return out;
  if (under < 0)
    collect_headings (iter, 0, out);
  else
    {
      PopplerIndexIter *child;

      for (int i = 0; i < under; i++)
        g_assert_true (poppler_index_iter_next (iter));
      child = poppler_index_iter_get_child (iter);
      if (child != NULL)
        {
          collect_headings (child, 0, out);
          poppler_index_iter_free (child);
        }
    }
  poppler_index_iter_free (iter);
  return out;
}

/* --- fonts ----------------------------------------------------------------------------- */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names of the fonts of the first n pages, sorted; asserts that every
 * one is embedded. */
static GPtrArray *
fonts_of (PopplerDocument *doc,
          int              n)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  PopplerFontInfo *info = poppler_font_info_new (doc);
  PopplerFontsIter *iter = NULL;

  poppler_font_info_scan (info, n, &iter);
  if (iter != NULL)
    {
      do
        {
          g_assert_true (poppler_fonts_iter_is_embedded (iter));
          g_ptr_array_add (names, g_strdup (poppler_fonts_iter_get_name (iter)));
        }
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
    }
  g_object_unref (info);
  g_ptr_array_sort (names, compare_strings);
  return names;
}

/* --- the batch --------------------------------------------------------------------------- */

typedef struct
{
  char        *dir;
  GPtrArray   *docs;       /* ClDocument */
  GPtrArray   *outlines;   /* GPtrArray of ClDocumentOutlineEntry, one per document */
  const char **keywords;   /* one per document */
  ClPdfPart   *parts;
  GBytes      *combined;
} Batch;

static cairo_surface_t *
make_picture (int    width,
              int    height,
              double red,
              double green,
              double blue)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, red, green, blue);
  cairo_paint (cr);
  cairo_set_source_rgba (cr, 1, 1, 0, 0.5);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 3.0, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
  return surface;
}

static ClDocumentTable *
long_table (guint n_rows)
{
  ClDocumentTable *table = cl_document_table_new (3);

  cl_document_table_set_column (table, 0, "Session", 2, CL_DOCUMENT_ALIGN_LEFT);
  cl_document_table_set_column (table, 1, "Code", 1, CL_DOCUMENT_ALIGN_CENTER);
  cl_document_table_set_column (table, 2, "Note", 3, CL_DOCUMENT_ALIGN_LEFT);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *session = g_strdup_printf ("Session %03u", i + 1);
      const char *cells[] = { session, i % 3 == 0 ? "O" : "/",
                              i % 5 == 0 ? "Absent – no reason given" : "Present" };

      cl_document_table_add_row (table, cells);
    }
  return table;
}

static void
batch_init (Batch *b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLetterhead) lh = cl_letterhead_new ();
  g_autofree char *logo = NULL;
  g_autoptr(GTimeZone) bst = g_time_zone_new_offset (3600);
  cairo_surface_t *logo_surface, *picture;
  guint first = 0;

  b->dir = g_dir_make_tmp ("caseload-split-XXXXXX", &error);
  g_assert_no_error (error);
  logo = g_build_filename (b->dir, "logo.png", NULL);
  logo_surface = make_picture (120, 48, 0.1, 0.3, 0.8);
  g_assert_cmpint (cairo_surface_write_to_png (logo_surface, logo), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (logo_surface);

  lh->authority = g_strdup ("Testshire Council");
  lh->service = g_strdup ("Education Welfare Service");
  lh->address = g_strdup ("County Hall\nTesttown\nTT1 1AA");
  lh->phone = g_strdup ("01632 960000");
  lh->logo = g_strdup (logo);
  /* Loaded once: every letter's copy shares the surface, so the combined
   * file holds the logo once and each part must carry it. */
  g_assert_nonnull (cl_letterhead_get_logo (lh));
  picture = make_picture (64, 40, 0.8, 0.2, 0.1);

  b->docs = g_ptr_array_new_with_free_func (g_object_unref);
  b->keywords = g_new0 (const char *, 4);

  /* 1: a letter with non-ASCII text, a picture and two levels of headings. */
  {
    ClDocument *doc = cl_document_new ();
    g_autoptr(GDateTime) created = g_date_time_new_utc (2026, 3, 20, 9, 30, 0);

    cl_document_set_letterhead (doc, lh);
    cl_document_set_title (doc, "Letter to Siân Ó Briain – ł ş ŵ");
    cl_document_set_author (doc, "Ottilie Brackenbury");
    cl_document_set_subject (doc, "School attendance");
    cl_document_set_keywords (doc, "attendance, letter");
    b->keywords[0] = "attendance, letter";
    cl_document_set_creation_date (doc, created);
    cl_document_add_heading (doc, 1, "Attendance of Siân Ó Briain");
    cl_document_add_paragraph (doc, "Dear Siân Ó Briain – ł ş ŵ, this letter is about "
                               "<b>attendance</b> at Oakfield Academy (autumn term).",
                               CL_DOCUMENT_ALIGN_LEFT);
    cl_document_add_image (doc, picture, 80, 0);
    cl_document_add_heading (doc, 2, "What happens next");
    cl_document_add_paragraph (doc, "We will meet on <i>Tuesday</i> at 10:00 \\ (room 3).",
                               CL_DOCUMENT_ALIGN_JUSTIFY);
    cl_document_add_signature (doc, "Ottilie Brackenbury", "Education welfare officer", NULL);
    g_ptr_array_add (b->docs, doc);
  }

  /* 2: a table over two pages, a heading on each, a date an hour east of UTC. */
  {
    ClDocument *doc = cl_document_new ();
    g_autoptr(GDateTime) created = g_date_time_new (bst, 2026, 6, 1, 14, 5, 9);
    g_autoptr(ClDocumentTable) table = long_table (48);

    cl_document_set_letterhead (doc, lh);
    cl_document_set_title (doc, "Sessions missed");
    cl_document_set_author (doc, "Ottilie Brackenbury");
    cl_document_set_subject (doc, "Register (extract)");
    cl_document_set_creation_date (doc, created);
    cl_document_add_heading (doc, 1, "Sessions missed");
    cl_document_add_text (doc, "Siân’s register since September.", CL_DOCUMENT_ALIGN_LEFT);
    cl_document_add_table (doc, table);
    cl_document_add_heading (doc, 2, "After the table");
    cl_document_add_text (doc, "The end of the register.", CL_DOCUMENT_ALIGN_LEFT);
    g_ptr_array_add (b->docs, doc);
  }

  /* 3: three levels of headings and the same picture. */
  {
    ClDocument *doc = cl_document_new ();
    g_autoptr(GDateTime) created = g_date_time_new_utc (2025, 12, 31, 23, 59, 59);

    cl_document_set_letterhead (doc, lh);
    cl_document_set_title (doc, "Meeting notes");
    cl_document_set_author (doc, "Łukasz Şahin");
    cl_document_set_creation_date (doc, created);
    cl_document_add_heading (doc, 1, "Meeting");
    cl_document_add_heading (doc, 2, "Present");
    cl_document_add_heading (doc, 3, "Family");
    cl_document_add_text (doc, "Mr Ó Briain and Gwenllïan ŵ.", CL_DOCUMENT_ALIGN_LEFT);
    cl_document_add_heading (doc, 3, "School");
    cl_document_add_image (doc, picture, 40, 0);
    cl_document_add_heading (doc, 2, "Agreed");
    cl_document_add_heading (doc, 1, "Next meeting");
    cl_document_add_text (doc, "In four weeks.", CL_DOCUMENT_ALIGN_LEFT);
    g_ptr_array_add (b->docs, doc);
  }

  /* 4: no metadata, no headings, no letterhead. */
  {
    ClDocument *doc = cl_document_new ();
    g_autoptr(GDateTime) created = g_date_time_new_utc (2026, 1, 2, 3, 4, 5);

    cl_document_set_creation_date (doc, created);
    cl_document_add_text (doc, "A note with nothing else (and brackets).", CL_DOCUMENT_ALIGN_LEFT);
    g_ptr_array_add (b->docs, doc);
  }
  cairo_surface_destroy (picture);

  g_assert_cmpuint (cl_document_get_n_pages (g_ptr_array_index (b->docs, 1)), ==, 2);

  b->combined = cl_document_combine_to_pdf (b->docs, "Batch of letters", "tester", &error);
  g_assert_no_error (error);
  g_assert_nonnull (b->combined);

  b->outlines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  b->parts = g_new0 (ClPdfPart, b->docs->len);
  for (guint i = 0; i < b->docs->len; i++)
    {
      ClDocument *doc = g_ptr_array_index (b->docs, i);
      ClPdfPart *part = &b->parts[i];
      GPtrArray *outline = cl_document_get_outline (doc);

      g_ptr_array_add (b->outlines, outline);
      part->first_page = first;
      part->n_pages = cl_document_get_n_pages (doc);
      part->title = cl_document_get_title (doc);
      part->author = cl_document_get_author (doc);
      part->subject = cl_document_get_subject (doc);
      part->keywords = b->keywords[i];
      part->created = cl_document_get_creation_date (doc);
      part->outline = outline;
      first += part->n_pages;
    }
}

static void
batch_clear (Batch *b)
{
  g_autofree char *logo = g_build_filename (b->dir, "logo.png", NULL);

  g_unlink (logo);
  g_rmdir (b->dir);
  g_free (b->dir);
  g_free (b->parts);
  g_free (b->keywords);
  g_ptr_array_unref (b->outlines);
  g_ptr_array_unref (b->docs);
  g_bytes_unref (b->combined);
}

static void
check_part (Batch           *b,
            guint            index,
            PopplerDocument *combined,
            GBytes          *bytes)
{
  const ClPdfPart *part = &b->parts[index];
  g_autoptr(PopplerDocument) pdoc = NULL;
  g_autoptr(GPtrArray) headings = NULL;
  g_autoptr(GPtrArray) combined_headings = NULL;
  g_autoptr(GPtrArray) fonts = NULL;
  g_autoptr(GPtrArray) combined_fonts = NULL;
  g_autofree char *title = NULL, *author = NULL, *subject = NULL, *keywords = NULL;
  g_autofree char *creator = NULL, *producer = NULL, *combined_producer = NULL;
  gint64 created = g_date_time_to_unix (part->created);

  poppler_messages = 0;
  pdoc = open_pdf (bytes);
  g_assert_cmpint (poppler_document_get_n_pages (pdoc), ==, (int) part->n_pages);
  g_assert_cmpuint (g_bytes_get_size (bytes), <, g_bytes_get_size (b->combined));

  /* Metadata of the part, Creator and Producer of the combined file. */
  title = poppler_document_get_title (pdoc);
  author = poppler_document_get_author (pdoc);
  subject = poppler_document_get_subject (pdoc);
  keywords = poppler_document_get_keywords (pdoc);
  creator = poppler_document_get_creator (pdoc);
  producer = poppler_document_get_producer (pdoc);
  combined_producer = poppler_document_get_producer (combined);
  g_assert_cmpstr (title, ==, part->title);
  g_assert_cmpstr (author, ==, part->author);
  g_assert_cmpstr (subject, ==, part->subject);
  g_assert_cmpstr (keywords, ==, part->keywords);
  g_assert_cmpstr (creator, ==, "Caseload " PACKAGE_VERSION);
  g_assert_nonnull (producer);
  g_assert_cmpstr (producer, ==, combined_producer);
  g_assert_cmpint (poppler_document_get_creation_date (pdoc), ==, created);
  g_assert_cmpint (poppler_document_get_modification_date (pdoc), ==, created);

  /* Text and pixels, page by page. */
  for (guint p = 0; p < part->n_pages; p++)
    {
      int c = (int) (part->first_page + p);
      g_autofree char *text = page_text (pdoc, (int) p);
      g_autofree char *expected = page_text (combined, c);
      cairo_surface_t *mine = render_page (pdoc, (int) p);
      cairo_surface_t *theirs = render_page (combined, c);
      gsize size = (gsize) cairo_image_surface_get_stride (mine) * RENDER_H;

      g_assert_cmpstr (text, ==, expected);
      g_assert_cmpuint (strlen (text), >, 10);
      g_assert_cmpuint (count_inked (mine), >, 50);
      g_assert_true (memcmp (cairo_image_surface_get_data (mine),
                             cairo_image_surface_get_data (theirs), size) == 0);
      cairo_surface_destroy (mine);
      cairo_surface_destroy (theirs);
    }

  /* Every font embedded, and one of the combined file's: copied, not
   * subset again. */
  fonts = fonts_of (pdoc, (int) part->n_pages);
  combined_fonts = fonts_of (combined, poppler_document_get_n_pages (combined));
  g_assert_cmpuint (fonts->len, >, 0);
  for (guint i = 0; i < fonts->len; i++)
    g_assert_true (g_ptr_array_find_with_equal_func (combined_fonts,
                                                     g_ptr_array_index (fonts, i), g_str_equal,
                                                     NULL));

  /* The document's headings and nothing else (not the combined file's entry
   * for the document), nested by level, each to its page and height. */
  headings = outline_of (pdoc, -1);
  combined_headings = outline_of (combined, (int) index);
  g_assert_cmpuint (headings->len, ==, part->outline->len);
  g_assert_cmpuint (combined_headings->len, ==, part->outline->len);
  for (guint i = 0; i < headings->len; i++)
    {
      const ClDocumentOutlineEntry *e = g_ptr_array_index (part->outline, i);
      const Heading *h = g_ptr_array_index (headings, i);
      const Heading *ch = g_ptr_array_index (combined_headings, i);

      g_assert_cmpstr (h->title, ==, e->text);
      g_assert_cmpint (h->page, ==, (int) e->page + 1);
      g_assert_cmpuint (h->depth, ==, (guint) e->level - 1);
      g_assert_cmpstr (ch->title, ==, e->text);
      g_assert_cmpint (ch->page, ==, (int) (part->first_page + e->page) + 1);
      /* cl-document.c gives cairo the height to 0.1 pt. */
      g_assert_cmpfloat_with_epsilon (h->top, ch->top, 0.051);
      /* Level 1 open, the others closed, as cairo has them. */
      g_assert_cmpint (h->open, ==, ch->open);
    }

  /* poppler found nothing to complain about. */
  g_assert_cmpuint (poppler_messages, ==, 0);
}

static void
test_split_letters (void)
{
  Batch b = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) split = NULL;
  g_autoptr(PopplerDocument) combined = NULL;
  gsize total = 0;

  batch_init (&b);
  combined = open_pdf (b.combined);
  split = cl_pdf_split (b.combined, b.parts, b.docs->len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (split);
  g_assert_cmpuint (split->len, ==, b.docs->len);

  for (guint i = 0; i < split->len; i++)
    {
      check_part (&b, i, combined, g_ptr_array_index (split, i));
      total += g_bytes_get_size (g_ptr_array_index (split, i));
    }
  /* The shared fonts and logo are in every part. */
  g_assert_cmpuint (total, >, g_bytes_get_size (b.combined));

  /* A part is a PDF the splitter reads too. */
  for (guint i = 0; i < split->len; i++)
    {
      ClPdfPart again = { 0, b.parts[i].n_pages, "Again", NULL, NULL, NULL, NULL, NULL };
      g_autoptr(GPtrArray) resplit = cl_pdf_split (g_ptr_array_index (split, i), &again, 1,
                                                   &error);

      g_assert_no_error (error);
      g_assert_cmpuint (resplit->len, ==, 1);
    }

  /* Parts may be any runs of pages, in any order. */
  {
    guint n = b.parts[3].first_page + 1;
    ClPdfPart runs[] = {
      { n - 1, 1, NULL, NULL, NULL, NULL, NULL, NULL },
      { 0, n, "Everything", NULL, NULL, NULL, NULL, NULL },
      { 2, 1, NULL, NULL, NULL, NULL, NULL, NULL },
    };
    g_autoptr(GPtrArray) pieces = cl_pdf_split (b.combined, runs, G_N_ELEMENTS (runs), &error);

    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
      {
        g_autoptr(PopplerDocument) pdoc = open_pdf (g_ptr_array_index (pieces, i));

        g_assert_cmpint (poppler_document_get_n_pages (pdoc), ==, (int) runs[i].n_pages);
        for (guint p = 0; p < runs[i].n_pages; p++)
          {
            g_autofree char *text = page_text (pdoc, (int) p);
            g_autofree char *expected = page_text (combined, (int) (runs[i].first_page + p));

            g_assert_cmpstr (text, ==, expected);
          }
      }
  }
  batch_clear (&b);
}

static void
test_split_fails_cleanly (void)
{
  Batch b = { 0 };
  g_autoptr(GPtrArray) split = NULL;
  const guchar *data;
  gsize len;
  guint n_pages;

  batch_init (&b);
  data = g_bytes_get_data (b.combined, &len);
  n_pages = b.parts[3].first_page + b.parts[3].n_pages;

  /* Truncated anywhere, down to nothing. */
  {
    const gsize cuts[] = { 0, 1, 5, 9, 100, len / 2, len - 200, len - 30, len - 7 };

    for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
      {
        g_autoptr(GBytes) cut = g_bytes_new (data, cuts[i]);
        g_autoptr(GError) error = NULL;

        split = cl_pdf_split (cut, b.parts, 1, &error);
        g_assert_null (split);
        g_assert_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_RENDER);
      }
  }

  /* Garbage, with and without a PDF header. */
  {
    GByteArray *noise = g_byte_array_new ();
    g_autoptr(GBytes) garbage = NULL;
    g_autoptr(GBytes) headed = NULL;
    g_autoptr(GBytes) text = NULL;
    g_autoptr(GError) error = NULL;
    GRand *rand = g_rand_new_with_seed (20260320);
    /* No xref table where startxref points. */
    const char *not_cairo = "%PDF-1.5\n1 0 obj << /Type /Catalog >> endobj\n"
                            "trailer << /Root 1 0 R >>\nstartxref\n9\n%%EOF\n";

    for (guint i = 0; i < 4096; i++)
      {
        guint8 c = (guint8) g_rand_int_range (rand, 0, 256);
        g_byte_array_append (noise, &c, 1);
      }
    g_rand_free (rand);
    garbage = g_byte_array_free_to_bytes (noise);
    split = cl_pdf_split (garbage, b.parts, 1, &error);
    g_assert_null (split);
    g_assert_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_RENDER);
    g_clear_error (&error);

    headed = g_bytes_new_static (not_cairo, strlen (not_cairo));
    split = cl_pdf_split (headed, b.parts, 1, &error);
    g_assert_null (split);
    g_assert_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_RENDER);
    g_clear_error (&error);

    text = g_bytes_new_static ("Dear parent,\n", strlen ("Dear parent,\n"));
    split = cl_pdf_split (text, b.parts, 1, &error);
    g_assert_null (split);
    g_assert_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_RENDER);
  }

  /* Parts beyond the pages, or empty, or an outline off the part. */
  {
    ClPdfPart bad[] = {
      { n_pages - 1, 2, NULL, NULL, NULL, NULL, NULL, NULL },
      { n_pages, 1, NULL, NULL, NULL, NULL, NULL, NULL },
      { G_MAXUINT, 2, NULL, NULL, NULL, NULL, NULL, NULL },
      { 0, 0, NULL, NULL, NULL, NULL, NULL, NULL },
      { 0, 1, NULL, NULL, NULL, NULL, NULL, NULL },
    };

    /* Document 2's outline has a heading on its second page. */
    bad[4].outline = g_ptr_array_index (b.outlines, 1);
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GError) error = NULL;

        split = cl_pdf_split (b.combined, &bad[i], 1, &error);
        g_assert_null (split);
        g_assert_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_INVALID);
      }
  }

  /* Damage anywhere, byte by byte: an error or PDFs, never a crash. The
   * parts that come out of damaged input are not looked at. */
  {
    GRand *rand = g_rand_new_with_seed (7);
    guint rejected = 0;

    for (guint i = 0; i < 1500; i++)
      {
        guchar *copy = g_memdup2 (data, len);
        g_autoptr(GBytes) damaged = NULL;
        g_autoptr(GError) error = NULL;
        gsize at;

        /* Most of the structure is in the last few kilobytes. */
        at = i % 2 ? (gsize) g_rand_int_range (rand, 0, (gint32) len)
                   : len - 1 - (gsize) g_rand_int_range (rand, 0, (gint32) MIN (len, 6000));
        copy[at] = "0 R<>[]()/%\\#\n9x"[g_rand_int_range (rand, 0, 16)];
        damaged = g_bytes_new_take (copy, len);
        split = cl_pdf_split (damaged, b.parts, b.docs->len, &error);
        if (split == NULL)
          {
            g_assert_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_RENDER);
            rejected++;
          }
        else
          {
            g_assert_no_error (error);
            g_assert_cmpuint (split->len, ==, b.docs->len);
            g_clear_pointer (&split, g_ptr_array_unref);
          }
      }
    g_rand_free (rand);
    g_test_message ("%u of 1500 damaged files rejected", rejected);
    g_assert_cmpuint (rejected, >, 0);
  }
  batch_clear (&b);
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* cairo 1.16 writes a link to an earlier page as an annotation with a /Dest
 * to that page: a part holding the link but not the page cannot stand
 * alone. */
static void
test_split_link_across_parts (void)
{
  GByteArray *buffer = g_byte_array_new ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) split = NULL;
  g_autoptr(PopplerDocument) pdoc = NULL;
  g_autoptr(PopplerPage) page = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  GList *links;
  ClPdfPart apart[] = {
    { 0, 1, NULL, NULL, NULL, NULL, NULL, NULL },
    { 1, 1, NULL, NULL, NULL, NULL, NULL, NULL },
  };
  ClPdfPart together = { 0, 2, "Both", NULL, NULL, NULL, NULL, NULL };

  surface = cairo_pdf_surface_create_for_stream (append_cb, buffer, 300, 300);
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  cr = cairo_create (surface);
  cairo_move_to (cr, 20, 50);
  cairo_show_text (cr, "Letter one");
  cairo_show_page (cr);
  cairo_move_to (cr, 20, 50);
  cairo_show_text (cr, "Letter two");
  cairo_tag_begin (cr, CAIRO_TAG_LINK, "page=1 pos=[10 10]");
  cairo_rectangle (cr, 20, 100, 50, 20);
  cairo_fill (cr);
  cairo_tag_end (cr, CAIRO_TAG_LINK);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  pdf = g_byte_array_free_to_bytes (buffer);

  /* The first page alone stands; the second links to it. */
  split = cl_pdf_split (pdf, &apart[0], 1, &error);
  g_assert_no_error (error);
  g_clear_pointer (&split, g_ptr_array_unref);
  split = cl_pdf_split (pdf, apart, G_N_ELEMENTS (apart), &error);
  g_assert_null (split);
  g_assert_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_RENDER);
  g_clear_error (&error);

  /* Together, the link goes with its page. */
  split = cl_pdf_split (pdf, &together, 1, &error);
  g_assert_no_error (error);
  poppler_messages = 0;
  pdoc = open_pdf (g_ptr_array_index (split, 0));
  page = poppler_document_get_page (pdoc, 1);
  links = poppler_page_get_link_mapping (page);
  g_assert_cmpuint (g_list_length (links), ==, 1);
  {
    PopplerLinkMapping *link = links->data;

    g_assert_cmpint (link->action->type, ==, POPPLER_ACTION_GOTO_DEST);
    g_assert_cmpint (link->action->goto_dest.dest->page_num, ==, 1);
  }
  poppler_page_free_link_mapping (links);
  g_assert_cmpuint (poppler_messages, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_log_set_handler ("Poppler", G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION,
                     poppler_log_cb, NULL);

  g_test_add_func ("/pdf-split/letters", test_split_letters);
  g_test_add_func ("/pdf-split/fails-cleanly", test_split_fails_cleanly);
  g_test_add_func ("/pdf-split/link-across-parts", test_split_link_across_parts);
  return g_test_run ();
}
