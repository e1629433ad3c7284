/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-documents"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <string.h>

#include "documents/cl-document.h"
#include "documents/cl-documents-error.h"
#include "documents/cl-documents-private.h"

#define MM (72.0 / 25.4)

/* Colours of the page: near-black text, grey secondary text and rules. */
#define TEXT_RGB    0.10, 0.10, 0.11
#define MUTED_RGB   0.37, 0.36, 0.39
#define RULE_RGB    0.75, 0.75, 0.74
#define HEADER_BG   0.93, 0.93, 0.93
#define ZEBRA_BG    0.975, 0.975, 0.975

#define LINE_SPACING     1.2
#define CELL_PAD_X       4.0
#define CELL_PAD_Y       2.5
#define BULLET_INDENT    14.0
#define SIGNATURE_HEIGHT 40.0
#define LOGO_MAX_HEIGHT  56.0
#define LOGO_MAX_WIDTH   150.0

typedef enum
{
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_TABLE,
  BLOCK_KEY_VALUES,
  BLOCK_ADDRESS,
  BLOCK_SIGNATURE,
  BLOCK_SPACER,
  BLOCK_PAGE_BREAK,
  BLOCK_DRAWING,
  BLOCK_IMAGE,
} BlockKind;

typedef struct
{
  double top;        /* of the line's logical box, from the layout's top */
  double height;
  double baseline;   /* from the layout's top */
  double x;          /* alignment offset */
} Line;

typedef struct
{
  BlockKind           kind;
  int                 level;
  char               *markup;
  ClDocumentAlign     align;
  gboolean            bullet;
  ClDocumentTable    *table;
  GStrv               pairs;
  char               *name;
  char               *role;
  cairo_surface_t    *image;
  double              width;
  double              height;
  ClDocumentDrawFunc  draw;
  gpointer            draw_data;
  GDestroyNotify      draw_destroy;
  ClChart            *chart;

  /* Layout, valid while the document is laid out. */
  double              space_before;
  double              space_after;
  PangoLayout        *layout;
  GArray             *lines;         /* Line */
  GPtrArray          *cells;         /* PangoLayout */
  GArray             *row_heights;   /* double; a table's header is row 0 */
  double             *col_x;
  double             *col_w;
  double              block_h;
} Block;

typedef struct
{
  Block   *block;
  double   y;
  guint    first;    /* lines or rows */
  guint    last;
  gboolean header;   /* a table piece starting with its header row */
} Piece;

typedef struct
{
  GArray *pieces;    /* Piece */
} Page;

struct _ClDocument
{
  GObject       parent_instance;

  char         *title;
  char         *author;
  char         *subject;
  char         *keywords;
  GDateTime    *created;
  ClLetterhead *letterhead;
  char         *header_text;
  char         *footer_text;
  char         *font;
  double        page_w, page_h;
  double        margin_top, margin_right, margin_bottom, margin_left;
  GPtrArray    *blocks;          /* Block */

  /* Layout. */
  gboolean      laid_out;
  ClLayoutCache *cache;          /* shared, not owned; may be NULL */
  PangoContext *context;
  PangoFontDescription *base_font;
  double        font_size;
  GPtrArray    *pages;           /* Page */
  GPtrArray    *outline;         /* ClDocumentOutlineEntry */
  double        letterhead_h;
  PangoLayout  *lh_name;
  PangoLayout  *lh_service;
  PangoLayout  *lh_address;
  double        logo_w, logo_h;
};

G_DEFINE_FINAL_TYPE (ClDocument, cl_document, G_TYPE_OBJECT)

/* --- blocks --------------------------------------------------------------------- */

static void
block_clear_layout (Block *b)
{
  g_clear_object (&b->layout);
  g_clear_pointer (&b->lines, g_array_unref);
  g_clear_pointer (&b->cells, g_ptr_array_unref);
  g_clear_pointer (&b->row_heights, g_array_unref);
  g_clear_pointer (&b->col_x, g_free);
  g_clear_pointer (&b->col_w, g_free);
  b->block_h = 0;
}

static void
block_free (gpointer data)
{
  Block *b = data;

  block_clear_layout (b);
  g_free (b->markup);
  g_clear_object (&b->table);
  g_strfreev (b->pairs);
  g_free (b->name);
  g_free (b->role);
  g_clear_pointer (&b->image, cairo_surface_destroy);
  if (b->draw_destroy != NULL)
    b->draw_destroy (b->draw_data);
  g_clear_object (&b->chart);
  g_free (b);
}

static void
page_free (gpointer data)
{
  Page *p = data;

  g_array_unref (p->pieces);
  g_free (p);
}

static void
outline_entry_free (gpointer data)
{
  ClDocumentOutlineEntry *e = data;

  g_free (e->text);
  g_free (e);
}

static void
invalidate (ClDocument *self)
{
  if (!self->laid_out)
    return;
  self->laid_out = FALSE;
  g_ptr_array_set_size (self->pages, 0);
  g_ptr_array_set_size (self->outline, 0);
  for (guint i = 0; i < self->blocks->len; i++)
    block_clear_layout (g_ptr_array_index (self->blocks, i));
  g_clear_object (&self->lh_name);
  g_clear_object (&self->lh_service);
  g_clear_object (&self->lh_address);
}

static Block *
add_block (ClDocument *self,
           BlockKind   kind)
{
  Block *b = g_new0 (Block, 1);

  invalidate (self);
  b->kind = kind;
  g_ptr_array_add (self->blocks, b);
  return b;
}

/* --- object ---------------------------------------------------------------------- */

static void
cl_document_finalize (GObject *object)
{
  ClDocument *self = CL_DOCUMENT (object);

  invalidate (self);
  g_ptr_array_unref (self->blocks);
  g_ptr_array_unref (self->pages);
  g_ptr_array_unref (self->outline);
  g_free (self->title);
  g_free (self->author);
  g_free (self->subject);
  g_free (self->keywords);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->letterhead, cl_letterhead_free);
  g_free (self->header_text);
  g_free (self->footer_text);
  g_free (self->font);
  g_clear_pointer (&self->base_font, pango_font_description_free);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cl_document_parent_class)->finalize (object);
}

static void
cl_document_class_init (ClDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_document_finalize;
}

static void
cl_document_init (ClDocument *self)
{
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->pages = g_ptr_array_new_with_free_func (page_free);
  self->outline = g_ptr_array_new_with_free_func (outline_entry_free);
  self->created = g_date_time_new_now_utc ();
  self->font = g_strdup ("Sans 10");
  self->page_w = CL_PAGE_A4_WIDTH;
  self->page_h = CL_PAGE_A4_HEIGHT;
  self->margin_top = 20 * MM;
  self->margin_right = 20 * MM;
  self->margin_bottom = 25 * MM;
  self->margin_left = 20 * MM;
}

ClDocument *
cl_document_new (void)
{
  return g_object_new (CL_TYPE_DOCUMENT, NULL);
}

static void
set_string (ClDocument  *self,
            char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  invalidate (self);
}

void
cl_document_set_title (ClDocument *self,
                       const char *title)
{
  g_return_if_fail (CL_IS_DOCUMENT (self));
  set_string (self, &self->title, title);
}

const char *
cl_document_get_title (ClDocument *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT (self), NULL);
  return self->title;
}

void
cl_document_set_author (ClDocument *self,
                        const char *author)
{
  g_return_if_fail (CL_IS_DOCUMENT (self));
  set_string (self, &self->author, author);
}

const char *
cl_document_get_author (ClDocument *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT (self), NULL);
  return self->author;
}

void
cl_document_set_subject (ClDocument *self,
                         const char *subject)
{
  g_return_if_fail (CL_IS_DOCUMENT (self));
  set_string (self, &self->subject, subject);
}

const char *
cl_document_get_subject (ClDocument *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT (self), NULL);
  return self->subject;
}

const char *
cl_document_get_keywords (ClDocument *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT (self), NULL);
  return self->keywords;
}

void
cl_document_set_keywords (ClDocument *self,
                          const char *keywords)
{
  g_return_if_fail (CL_IS_DOCUMENT (self));
  set_string (self, &self->keywords, keywords);
}

void
cl_document_set_creation_date (ClDocument *self,
                               GDateTime  *date)
{
  g_return_if_fail (CL_IS_DOCUMENT (self));
  g_return_if_fail (date != NULL);

  g_date_time_unref (self->created);
  self->created = g_date_time_ref (date);
}

GDateTime *
cl_document_get_creation_date (ClDocument *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT (self), NULL);
  return self->created;
}

void
cl_document_set_page_size (ClDocument *self,
                           double      width,
                           double      height)
{
  g_return_if_fail (CL_IS_DOCUMENT (self));
  g_return_if_fail (width >= 100 && height >= 100);

  self->page_w = width;
  self->page_h = height;
  invalidate (self);
}

void
cl_document_get_page_size (ClDocument *self,
                           double     *width,
                           double     *height)
{
  g_return_if_fail (CL_IS_DOCUMENT (self));

  if (width != NULL)
    *width = self->page_w;
  if (height != NULL)
    *height = self->page_h;
}

void
cl_document_set_margins (ClDocument *self,
                         double      top,
                         double      right,
                         double      bottom,
                         double      left)
{
  g_return_if_fail (CL_IS_DOCUMENT (self));
  g_return_if_fail (top >= 0 && right >= 0 && bottom >= 0 && left >= 0);

  self->margin_top = top;
  self->margin_right = right;
  self->margin_bottom = bottom;
  self->margin_left = left;
  invalidate (self);
}

double
cl_document_get_content_width (ClDocument *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT (self), 0);
  return MAX (50.0, self->page_w - self->margin_left - self->margin_right);
}

void
cl_document_set_font (ClDocument *self,
                      const char *font)
{
  g_return_if_fail (CL_IS_DOCUMENT (self));
  g_return_if_fail (font != NULL);
  set_string (self, &self->font, font);
}

void
cl_document_set_letterhead (ClDocument         *self,
                            const ClLetterhead *letterhead)
{
  g_return_if_fail (CL_IS_DOCUMENT (self));

  invalidate (self);
  g_clear_pointer (&self->letterhead, cl_letterhead_free);
  if (letterhead != NULL)
    self->letterhead = cl_letterhead_copy (letterhead);
}

void
cl_document_set_header_text (ClDocument *self,
                             const char *text)
{
  g_return_if_fail (CL_IS_DOCUMENT (self));
  set_string (self, &self->header_text, text);
}

void
cl_document_set_footer_text (ClDocument *self,
                             const char *text)
{
  g_return_if_fail (CL_IS_DOCUMENT (self));
  set_string (self, &self->footer_text, text);
}

void
cl_document_add_heading (ClDocument *self,
                         int         level,
                         const char *text)
{
  Block *b;

  g_return_if_fail (CL_IS_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  b = add_block (self, BLOCK_HEADING);
  b->level = CLAMP (level, 1, 3);
  b->markup = g_markup_escape_text (text, -1);
}

void
cl_document_add_paragraph (ClDocument      *self,
                           const char      *markup,
                           ClDocumentAlign  align)
{
  Block *b;

  g_return_if_fail (CL_IS_DOCUMENT (self));
  g_return_if_fail (markup != NULL);

  b = add_block (self, BLOCK_PARAGRAPH);
  b->markup = g_strdup (markup);
  b->align = align;
}

void
cl_document_add_text (ClDocument      *self,
                      const char      *text,
                      ClDocumentAlign  align)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (text != NULL);

  markup = g_markup_escape_text (text, -1);
  cl_document_add_paragraph (self, markup, align);
}

void
cl_document_add_bullet (ClDocument *self,
                        const char *markup)
{
  Block *b;

  g_return_if_fail (CL_IS_DOCUMENT (self));
  g_return_if_fail (markup != NULL);

  b = add_block (self, BLOCK_PARAGRAPH);
  b->markup = g_strdup (markup);
  b->align = CL_DOCUMENT_ALIGN_LEFT;
  b->bullet = TRUE;
}

void
cl_document_add_table (ClDocument      *self,
                       ClDocumentTable *table)
{
  Block *b;

  g_return_if_fail (CL_IS_DOCUMENT (self));
  g_return_if_fail (CL_IS_DOCUMENT_TABLE (table));

  b = add_block (self, BLOCK_TABLE);
  b->table = g_object_ref (table);
}

void
cl_document_add_key_values (ClDocument         *self,
                            const char * const *pairs)
{
  Block *b;

  g_return_if_fail (CL_IS_DOCUMENT (self));
  g_return_if_fail (pairs != NULL && g_strv_length ((GStrv) pairs) % 2 == 0);

  b = add_block (self, BLOCK_KEY_VALUES);
  b->pairs = g_strdupv ((GStrv) pairs);
}

void
cl_document_add_address (ClDocument         *self,
                         const char         *recipient,
                         const char * const *pairs)
{
  Block *b;

  g_return_if_fail (CL_IS_DOCUMENT (self));
  g_return_if_fail (recipient != NULL);
  g_return_if_fail (pairs == NULL || g_strv_length ((GStrv) pairs) % 2 == 0);

  b = add_block (self, BLOCK_ADDRESS);
  b->markup = g_strdup (recipient);
  b->pairs = pairs != NULL ? g_strdupv ((GStrv) pairs) : g_new0 (char *, 1);
}

void
cl_document_add_signature (ClDocument      *self,
                           const char      *name,
                           const char      *role,
                           cairo_surface_t *signature)
{
  Block *b;

  g_return_if_fail (CL_IS_DOCUMENT (self));

  b = add_block (self, BLOCK_SIGNATURE);
  b->name = g_strdup (name != NULL ? name : "");
  b->role = g_strdup (role != NULL ? role : "");
  if (signature != NULL)
    b->image = cairo_surface_reference (signature);
}

void
cl_document_add_spacer (ClDocument *self,
                        double      points)
{
  Block *b;

  g_return_if_fail (CL_IS_DOCUMENT (self));
  g_return_if_fail (points >= 0);

  b = add_block (self, BLOCK_SPACER);
  b->height = points;
}

void
cl_document_add_page_break (ClDocument *self)
{
  g_return_if_fail (CL_IS_DOCUMENT (self));
  add_block (self, BLOCK_PAGE_BREAK);
}

void
cl_document_add_chart (ClDocument *self,
                       ClChart    *chart,
                       double      height)
{
  Block *b;

  g_return_if_fail (CL_IS_DOCUMENT (self));
  g_return_if_fail (CL_IS_CHART (chart));
  g_return_if_fail (height > 0);

  b = add_block (self, BLOCK_DRAWING);
  b->chart = g_object_ref (chart);
  b->height = height;
}

void
cl_document_add_drawing (ClDocument         *self,
                         ClDocumentDrawFunc  func,
                         gpointer            user_data,
                         GDestroyNotify      destroy,
                         double              height)
{
  Block *b;

  g_return_if_fail (CL_IS_DOCUMENT (self));
  g_return_if_fail (func != NULL);
  g_return_if_fail (height > 0);

  b = add_block (self, BLOCK_DRAWING);
  b->draw = func;
  b->draw_data = user_data;
  b->draw_destroy = destroy;
  b->height = height;
}

void
cl_document_add_image (ClDocument      *self,
                       cairo_surface_t *image,
                       double           width,
                       double           height)
{
  Block *b;

  g_return_if_fail (CL_IS_DOCUMENT (self));
  g_return_if_fail (image != NULL);
  g_return_if_fail (width >= 0 && height >= 0);

  b = add_block (self, BLOCK_IMAGE);
  b->image = cairo_surface_reference (image);
  b->width = width;
  b->height = height;
}

/* --- measuring ----------------------------------------------------------------- */

/* Everything that decides how a run of text is set, so that a layout can be
 * shared by every document that sets the same text the same way. */
typedef enum
{
  CONTENT_TEXT,
  CONTENT_MARKUP,
  CONTENT_MARKUP_OR_TEXT,   /* markup if it parses, else plain text */
} ContentKind;

typedef struct
{
  double             scale;      /* of the base font size */
  PangoWeight        weight;
  double             width;      /* points; 0: a single unwrapped run */
  PangoWrapMode      wrap;
  double             spacing;    /* line spacing, a factor of the font size */
  PangoAlignment     alignment;
  gboolean           justify;
  PangoEllipsizeMode ellipsize;
  ContentKind        content;
} Shape;

static Shape
shape_init (double      scale,
            PangoWeight weight,
            double      width)
{
  Shape s = { scale, weight, width, PANGO_WRAP_WORD_CHAR, LINE_SPACING, PANGO_ALIGN_LEFT, FALSE,
              PANGO_ELLIPSIZE_NONE, CONTENT_TEXT };
  return s;
}

static void
shape_set_align (Shape           *s,
                 ClDocumentAlign  align)
{
  switch (align)
    {
    case CL_DOCUMENT_ALIGN_JUSTIFY:
      s->justify = TRUE;
      break;
    case CL_DOCUMENT_ALIGN_CENTER:
      s->alignment = PANGO_ALIGN_CENTER;
      break;
    case CL_DOCUMENT_ALIGN_RIGHT:
      s->alignment = PANGO_ALIGN_RIGHT;
      break;
    case CL_DOCUMENT_ALIGN_LEFT:
    default:
      break;
    }
}

static void
set_content (PangoLayout *layout,
             ContentKind  kind,
             const char  *content)
{
  if (kind == CONTENT_MARKUP
      || (kind == CONTENT_MARKUP_OR_TEXT
          && pango_parse_markup (content, -1, 0, NULL, NULL, NULL, NULL)))
    pango_layout_set_markup (layout, content, -1);
  else
    pango_layout_set_text (layout, content, -1);
}

#define LAYOUT_CACHE_LIMIT 512

struct _ClLayoutCache
{
  PangoContext *context;
  GHashTable   *layouts;   /* key → PangoLayout */
  guint         hits;
  guint         misses;
};

/* Ligatures off, for every font a document uses: a PDF's text then
 * extracts, searches and reads aloud as it was typed ("fi", not U+FB01),
 * and a page needs no second font subset for the ligature glyphs. Set on
 * the fontconfig pattern, where Pango takes font features for the whole
 * run; as a Pango attribute it would cost a shaping plan per paragraph. */
static void
document_substitute (FcPattern *pattern,
                     gpointer   data)
{
  FcPatternAddString (pattern, FC_FONT_FEATURES, (const FcChar8 *) "liga=0");
  FcPatternAddString (pattern, FC_FONT_FEATURES, (const FcChar8 *) "clig=0");
}

/* Documents' own font map, one per thread (Pango's font maps are not
 * shared between threads), apart from the one the window draws with. */
static PangoFontMap *
document_font_map (void)
{
  static GPrivate key = G_PRIVATE_INIT (g_object_unref);
  PangoFontMap *map = g_private_get (&key);

  if (map == NULL)
    {
      map = pango_cairo_font_map_new ();
      if (PANGO_IS_FC_FONT_MAP (map))
        pango_fc_font_map_set_default_substitute (PANGO_FC_FONT_MAP (map), document_substitute,
                                                  NULL, NULL);
      g_private_set (&key, map);
    }
  return map;
}

static PangoContext *
document_context_new (void)
{
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoContext *context = pango_font_map_create_context (document_font_map ());

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("en-gb"));
  return context;
}

ClLayoutCache *
cl_layout_cache_new (void)
{
  ClLayoutCache *cache = g_new0 (ClLayoutCache, 1);

  cache->context = document_context_new ();
  cache->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  return cache;
}

void
cl_layout_cache_free (ClLayoutCache *cache)
{
  if (cache == NULL)
    return;
  g_hash_table_unref (cache->layouts);
  g_object_unref (cache->context);
  g_free (cache);
}

void
cl_layout_cache_get_stats (ClLayoutCache *cache,
                           guint         *hits,
                           guint         *misses)
{
  g_return_if_fail (cache != NULL);
  if (hits != NULL)
    *hits = cache->hits;
  if (misses != NULL)
    *misses = cache->misses;
}

void
cl_document_set_layout_cache (ClDocument    *self,
                              ClLayoutCache *cache)
{
  g_return_if_fail (CL_IS_DOCUMENT (self));

  invalidate (self);
  g_clear_object (&self->context);
  self->cache = cache;
}

/* A layout of content set as s says: a new one, or the cache's. Either way
 * it must not be changed, only measured and drawn. */
static PangoLayout *
shaped (ClDocument  *self,
        const Shape *s,
        const char  *content)
{
  g_autofree char *key = NULL;
  PangoLayout *layout;
  PangoFontDescription *font;

  if (self->cache != NULL)
    {
      key = g_strdup_printf ("%s|%.3f|%d|%.3f|%d|%.3f|%d|%d|%d|%d|%s", self->font, s->scale,
                             (int) s->weight, s->width, (int) s->wrap, s->spacing,
                             (int) s->alignment, s->justify, (int) s->ellipsize,
                             (int) s->content, content);
      layout = g_hash_table_lookup (self->cache->layouts, key);
      if (layout != NULL)
        {
          self->cache->hits++;
          return g_object_ref (layout);
        }
      self->cache->misses++;
    }

  layout = pango_layout_new (self->context);
  font = pango_font_description_copy (self->base_font);
  pango_font_description_set_absolute_size (font, self->font_size * s->scale * PANGO_SCALE);
  pango_font_description_set_weight (font, s->weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (s->width > 0)
    {
      pango_layout_set_width (layout, (int) (s->width * PANGO_SCALE));
      pango_layout_set_wrap (layout, s->wrap);
    }
  pango_layout_set_line_spacing (layout, (float) s->spacing);
  pango_layout_set_alignment (layout, s->alignment);
  pango_layout_set_justify (layout, s->justify);
  pango_layout_set_ellipsize (layout, s->ellipsize);
  set_content (layout, s->content, content);

  if (self->cache != NULL)
    {
      if (g_hash_table_size (self->cache->layouts) >= LAYOUT_CACHE_LIMIT)
        g_hash_table_remove_all (self->cache->layouts);
      g_hash_table_insert (self->cache->layouts, g_steal_pointer (&key), g_object_ref (layout));
    }
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static void
measure_lines (Block *b)
{
  PangoLayoutIter *iter = pango_layout_get_iter (b->layout);

  b->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  do
    {
      PangoRectangle logical;
      Line line;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line.top = (double) logical.y / PANGO_SCALE;
      line.height = (double) logical.height / PANGO_SCALE;
      line.x = (double) logical.x / PANGO_SCALE;
      line.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      g_array_append_val (b->lines, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
measure_table (ClDocument *self,
               Block      *b,
               double      width)
{
  ClDocumentTable *t = b->table;
  guint n_cols = cl_document_table_get_n_columns (t);
  guint n_rows = cl_document_table_get_n_rows (t);
  double total = 0, x = 0;

  b->col_x = g_new0 (double, n_cols);
  b->col_w = g_new0 (double, n_cols);
  for (guint c = 0; c < n_cols; c++)
    total += cl_document_table_get_weight (t, c);
  for (guint c = 0; c < n_cols; c++)
    {
      b->col_x[c] = x;
      b->col_w[c] = width * cl_document_table_get_weight (t, c) / total;
      x += b->col_w[c];
    }

  b->cells = g_ptr_array_new_with_free_func (g_object_unref);
  b->row_heights = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint r = 0; r <= n_rows; r++)
    {
      double h = 0;
      gboolean bold = r == 0 || (cl_document_table_get_row_flags (t, r - 1) & CL_DOCUMENT_ROW_BOLD);

      for (guint c = 0; c < n_cols; c++)
        {
          const char *text = r == 0 ? cl_document_table_get_header (t, c)
                                    : cl_document_table_get_cell (t, r - 1, c);
          Shape s = shape_init (0.9, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                                b->col_w[c] - 2 * CELL_PAD_X);
          PangoLayout *cell;

          s.spacing = 1.0;
          s.wrap = PANGO_WRAP_WORD;
          shape_set_align (&s, cl_document_table_get_align (t, c));
          cell = shaped (self, &s, text != NULL ? text : "");
          h = MAX (h, layout_height (cell));
          g_ptr_array_add (b->cells, cell);
        }
      h += 2 * CELL_PAD_Y;
      g_array_append_val (b->row_heights, h);
    }
}

static void
measure_key_values (ClDocument *self,
                    Block      *b,
                    double      width)
{
  double label_w = width * 0.38;

  b->cells = g_ptr_array_new_with_free_func (g_object_unref);
  b->row_heights = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; b->pairs[i] != NULL; i += 2)
    {
      Shape label_shape = shape_init (1.0, PANGO_WEIGHT_BOLD, label_w - 8);
      Shape value_shape = shape_init (1.0, PANGO_WEIGHT_NORMAL, width - label_w);
      PangoLayout *label = shaped (self, &label_shape, b->pairs[i]);
      PangoLayout *value = shaped (self, &value_shape, b->pairs[i + 1]);
      double h;

      h = MAX (layout_height (label), layout_height (value)) + 2;
      g_ptr_array_add (b->cells, label);
      g_ptr_array_add (b->cells, value);
      g_array_append_val (b->row_heights, h);
    }
}

static void
measure_address (ClDocument *self,
                 Block      *b,
                 double      width)
{
  Shape left_shape = shape_init (1.0, PANGO_WEIGHT_NORMAL, 0);
  Shape label_shape = shape_init (0.9, PANGO_WEIGHT_BOLD, 0);
  Shape value_shape = shape_init (0.9, PANGO_WEIGHT_NORMAL, 0);
  PangoLayout *left, *labels, *values;
  g_autofree char *escaped = g_markup_escape_text (b->markup, -1);
  g_autoptr(GString) left_markup = g_string_new (NULL);
  g_autoptr(GString) label_text = g_string_new (NULL);
  g_autoptr(GString) value_text = g_string_new (NULL);
  const char *nl = strchr (escaped, '\n');
  PangoRectangle logical;

  /* The first line (the protective marking or the name) in bold. */
  if (nl != NULL)
    g_string_append_printf (left_markup, "<b>%.*s</b>%s", (int) (nl - escaped), escaped, nl);
  else
    g_string_append_printf (left_markup, "<b>%s</b>", escaped);

  for (guint i = 0; b->pairs[i] != NULL; i += 2)
    {
      if (i > 0)
        {
          g_string_append_c (label_text, '\n');
          g_string_append_c (value_text, '\n');
        }
      g_string_append (label_text, b->pairs[i]);
      g_string_append (value_text, b->pairs[i + 1]);
    }
  labels = shaped (self, &label_shape, label_text->str);
  /* The right column starts at half the width; its values follow the
   * widest label and wrap at the right margin. */
  pango_layout_get_extents (labels, NULL, &logical);
  b->col_x = g_new0 (double, 2);
  b->col_x[0] = width * 0.50;
  b->col_x[1] = b->col_x[0] + (double) logical.width / PANGO_SCALE + 8;
  value_shape.width = width - b->col_x[1];
  values = shaped (self, &value_shape, value_text->str);
  left_shape.width = b->col_x[0] - 12;
  left_shape.content = CONTENT_MARKUP;
  left = shaped (self, &left_shape, left_markup->str);

  b->cells = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (b->cells, left);
  g_ptr_array_add (b->cells, labels);
  g_ptr_array_add (b->cells, values);
  b->block_h = MAX (layout_height (left), MAX (layout_height (labels), layout_height (values)));
}

static void
measure_signature (ClDocument *self,
                   Block      *b,
                   double      width)
{
  Shape name_shape = shape_init (1.0, PANGO_WEIGHT_BOLD, width);
  Shape role_shape = shape_init (1.0, PANGO_WEIGHT_NORMAL, width);
  PangoLayout *name = shaped (self, &name_shape, b->name);
  PangoLayout *role = shaped (self, &role_shape, b->role);

  b->cells = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (b->cells, name);
  g_ptr_array_add (b->cells, role);
  b->block_h = SIGNATURE_HEIGHT + 4 + layout_height (name)
               + (*b->role != '\0' ? layout_height (role) : 0);
}

static void
image_size (Block  *b,
            double  max_w,
            double  max_h,
            double *out_w,
            double *out_h)
{
  double iw = cairo_image_surface_get_width (b->image);
  double ih = cairo_image_surface_get_height (b->image);
  double w = b->width, h = b->height;

  if (iw <= 0 || ih <= 0)
    iw = ih = 1;
  if (w <= 0 && h <= 0)
    {
      w = iw * 0.75;   /* 96 pixels to the inch */
      h = ih * 0.75;
    }
  else if (w <= 0)
    w = h * iw / ih;
  else if (h <= 0)
    h = w * ih / iw;
  if (w > max_w)
    {
      h *= max_w / w;
      w = max_w;
    }
  if (h > max_h)
    {
      w *= max_h / h;
      h = max_h;
    }
  *out_w = w;
  *out_h = h;
}

static double
content_height (ClDocument *self)
{
  return self->page_h - self->margin_top - self->margin_bottom;
}

static void
measure_block (ClDocument *self,
               Block      *b)
{
  double width = cl_document_get_content_width (self);
  double line = self->font_size * LINE_SPACING;

  switch (b->kind)
    {
    case BLOCK_HEADING:
      {
        static const double scales[] = { 1.45, 1.2, 1.05 };

        Shape s = shape_init (scales[b->level - 1], PANGO_WEIGHT_BOLD, width);

        s.spacing = 1.1;
        s.content = CONTENT_MARKUP;
        b->layout = shaped (self, &s, b->markup);
        measure_lines (b);
        b->space_before = b->level == 1 ? line * 1.0 : line * 0.8;
        b->space_after = line * 0.35;
      }
      break;
    case BLOCK_PARAGRAPH:
      {
        Shape s = shape_init (1.0, PANGO_WEIGHT_NORMAL, b->bullet ? width - BULLET_INDENT : width);

        s.content = CONTENT_MARKUP_OR_TEXT;
        shape_set_align (&s, b->align);
        b->layout = shaped (self, &s, b->markup);
      }
      measure_lines (b);
      b->space_after = b->bullet ? line * 0.25 : line * 0.6;
      break;
    case BLOCK_TABLE:
      measure_table (self, b, width);
      b->space_before = line * 0.3;
      b->space_after = line * 0.8;
      break;
    case BLOCK_KEY_VALUES:
      measure_key_values (self, b, width);
      b->space_before = line * 0.2;
      b->space_after = line * 0.8;
      break;
    case BLOCK_ADDRESS:
      measure_address (self, b, width);
      b->space_after = line * 1.5;
      break;
    case BLOCK_SIGNATURE:
      measure_signature (self, b, width);
      b->space_before = line * 0.2;
      b->space_after = line * 0.6;
      break;
    case BLOCK_SPACER:
      b->block_h = b->height;
      break;
    case BLOCK_PAGE_BREAK:
      break;
    case BLOCK_DRAWING:
      b->block_h = MIN (b->height, content_height (self) * 0.9);
      b->space_before = line * 0.3;
      b->space_after = line * 0.6;
      break;
    case BLOCK_IMAGE:
      {
        double w, h;
        image_size (b, width, content_height (self) * 0.9, &w, &h);
        b->block_h = h;
        b->space_after = line * 0.6;
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* --- letterhead ------------------------------------------------------------------ */

static void
measure_letterhead (ClDocument *self)
{
  ClLetterhead *lh = self->letterhead;
  double width = cl_document_get_content_width (self);
  cairo_surface_t *logo;
  g_autoptr(GString) right = g_string_new (NULL);
  double left_h = 0, text_x;
  Shape name_shape, service_shape, address_shape;

  self->letterhead_h = 0;
  self->logo_w = self->logo_h = 0;
  if (lh == NULL || cl_letterhead_is_empty (lh))
    return;

  logo = cl_letterhead_get_logo (lh);
  if (logo != NULL)
    {
      double iw, ih;

      cl_document_image_size (logo, &iw, &ih);
      self->logo_h = LOGO_MAX_HEIGHT;
      self->logo_w = self->logo_h * iw / ih;
      if (self->logo_w > LOGO_MAX_WIDTH)
        {
          self->logo_w = LOGO_MAX_WIDTH;
          self->logo_h = LOGO_MAX_WIDTH * ih / iw;
        }
    }
  text_x = self->logo_w > 0 ? self->logo_w + 10 : 0;

  name_shape = shape_init (1.5, PANGO_WEIGHT_BOLD, width * 0.6 - text_x);
  name_shape.spacing = 1.0;
  self->lh_name = shaped (self, &name_shape, lh->authority != NULL ? lh->authority : "");
  service_shape = shape_init (1.1, PANGO_WEIGHT_NORMAL, width * 0.6 - text_x);
  service_shape.spacing = 1.0;
  self->lh_service = shaped (self, &service_shape, lh->service != NULL ? lh->service : "");
  left_h = layout_height (self->lh_name)
           + (lh->service != NULL ? layout_height (self->lh_service) + 2 : 0);
  left_h = MAX (left_h, self->logo_h);

  if (lh->address != NULL)
    g_string_append (right, lh->address);
  if (lh->phone != NULL)
    g_string_append_printf (right, "%s%s %s", right->len > 0 ? "\n" : "", _("Telephone"),
                            lh->phone);
  if (lh->email != NULL)
    g_string_append_printf (right, "%s%s", right->len > 0 ? "\n" : "", lh->email);
  if (lh->website != NULL)
    g_string_append_printf (right, "%s%s", right->len > 0 ? "\n" : "", lh->website);
  address_shape = shape_init (0.85, PANGO_WEIGHT_NORMAL, width * 0.38);
  address_shape.spacing = 1.05;
  address_shape.alignment = PANGO_ALIGN_RIGHT;
  self->lh_address = shaped (self, &address_shape, right->str);

  self->letterhead_h = MAX (left_h, layout_height (self->lh_address)) + 16;
}

static void
draw_letterhead (ClDocument *self,
                 cairo_t    *cr)
{
  ClLetterhead *lh = self->letterhead;
  double x = self->margin_left, y = self->margin_top;
  double width = cl_document_get_content_width (self);
  double text_x = x;
  cairo_surface_t *logo;

  if (self->letterhead_h <= 0)
    return;
  logo = cl_letterhead_get_logo (lh);
  if (logo != NULL && self->logo_w > 0)
    {
      double iw, ih;

      /* An SVG logo is a recording surface: the PDF gets its vectors. */
      cl_document_image_size (logo, &iw, &ih);
      cairo_save (cr);
      cairo_translate (cr, x, y);
      cairo_scale (cr, self->logo_w / iw, self->logo_h / ih);
      cairo_set_source_surface (cr, logo, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
      cairo_restore (cr);
      text_x = x + self->logo_w + 10;
    }
  cairo_set_source_rgb (cr, TEXT_RGB);
  cairo_move_to (cr, text_x, y);
  pango_cairo_show_layout (cr, self->lh_name);
  if (lh->service != NULL)
    {
      cairo_set_source_rgb (cr, MUTED_RGB);
      cairo_move_to (cr, text_x, y + layout_height (self->lh_name) + 2);
      pango_cairo_show_layout (cr, self->lh_service);
    }
  cairo_set_source_rgb (cr, MUTED_RGB);
  cairo_move_to (cr, x + width * 0.62, y);
  pango_cairo_show_layout (cr, self->lh_address);

  cairo_set_source_rgb (cr, RULE_RGB);
  cairo_set_line_width (cr, 0.75);
  cairo_move_to (cr, x, y + self->letterhead_h - 8);
  cairo_line_to (cr, x + width, y + self->letterhead_h - 8);
  cairo_stroke (cr);
}

/* --- pagination --------------------------------------------------------------- */

typedef struct
{
  ClDocument *doc;
  Page       *page;
  double      y;
  double      top;
  double      bottom;
} Flow;

static void
flow_new_page (Flow *f)
{
  Page *page = g_new0 (Page, 1);

  page->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_ptr_array_add (f->doc->pages, page);
  f->page = page;
  f->top = f->doc->margin_top + (f->doc->pages->len == 1 ? f->doc->letterhead_h : 0);
  f->bottom = f->doc->page_h - f->doc->margin_bottom;
  f->y = f->top;
}

static gboolean
flow_at_top (const Flow *f)
{
  return f->y <= f->top + 0.01;
}

static void
flow_place (Flow     *f,
            Block    *b,
            double    height,
            guint     first,
            guint     last,
            gboolean  header)
{
  Piece piece = { b, f->y, first, last, header };

  g_array_append_val (f->page->pieces, piece);
  f->y += height;
}

static double
lines_height (const Block *b,
              guint        first,
              guint        last)
{
  const Line *a = &g_array_index (b->lines, Line, first);
  const Line *z = &g_array_index (b->lines, Line, last);

  return z->top + z->height - a->top;
}

/* A short table is moved whole to the next page rather than split. */
static gboolean
table_is_compact (ClDocument  *self,
                  const Block *b)
{
  double total = 0;

  if (b->kind != BLOCK_TABLE)
    return FALSE;
  for (guint r = 0; r < b->row_heights->len; r++)
    total += g_array_index (b->row_heights, double, r);
  return total <= content_height (self) * 0.4;
}

static double
rows_height (const Block *b)
{
  double total = 0;

  for (guint r = 0; r < b->row_heights->len; r++)
    total += g_array_index (b->row_heights, double, r);
  return total;
}

/* How tall the start of a block is that must stay with a heading before it. */
static double
first_unit_height (ClDocument  *self,
                   const Block *b)
{
  switch (b->kind)
    {
    case BLOCK_HEADING:
    case BLOCK_PARAGRAPH:
      return b->space_before + lines_height (b, 0, MIN (1, b->lines->len - 1));
    case BLOCK_TABLE:
      if (table_is_compact (self, b))
        return b->space_before + rows_height (b);
      return b->space_before + g_array_index (b->row_heights, double, 0)
             + (b->row_heights->len > 1 ? g_array_index (b->row_heights, double, 1) : 0);
    case BLOCK_KEY_VALUES:
      return b->row_heights->len > 0 ? g_array_index (b->row_heights, double, 0) : 0;
    case BLOCK_ADDRESS:
    case BLOCK_SIGNATURE:
    case BLOCK_DRAWING:
    case BLOCK_IMAGE:
      return b->space_before + b->block_h;
    case BLOCK_SPACER:
    case BLOCK_PAGE_BREAK:
    default:
      return 0;
    }
}

/* What must fit below the current point for the heading at i to stay with
 * what follows: headings in a row stay together with the first unit of the
 * block after them. */
static double
keep_height (ClDocument *self,
             guint       i)
{
  Block *b;

  if (i >= self->blocks->len)
    return 0;
  b = g_ptr_array_index (self->blocks, i);
  if (b->kind == BLOCK_HEADING)
    return b->space_before + lines_height (b, 0, b->lines->len - 1) + b->space_after
           + keep_height (self, i + 1);
  return first_unit_height (self, b);
}

static void
add_outline_entry (ClDocument *self,
                   Block      *b,
                   double      y)
{
  ClDocumentOutlineEntry *e = g_new0 (ClDocumentOutlineEntry, 1);

  e->level = b->level;
  e->text = g_strdup (pango_layout_get_text (b->layout));
  e->page = self->pages->len - 1;
  e->y = y;
  g_ptr_array_add (self->outline, e);
}

static void
flow_lines (Flow  *f,
            Block *b)
{
  guint n = b->lines->len, k = 0;

  while (k < n)
    {
      guint fit = 0;

      while (k + fit < n && f->y + lines_height (b, k, k + fit) <= f->bottom + 0.01)
        fit++;
      /* Orphans: do not leave a lone first line at the foot of a page. */
      if ((fit == 0 || (fit == 1 && n - k > 1 && k == 0)) && !flow_at_top (f))
        {
          flow_new_page (f);
          continue;
        }
      if (fit == 0)
        fit = 1;   /* a line taller than the page: place it anyway */
      /* Widows: do not carry a lone last line over to the next page. */
      if (fit < n - k && n - k - fit == 1 && fit > 2)
        fit--;
      flow_place (f, b, lines_height (b, k, k + fit - 1), k, k + fit - 1, FALSE);
      k += fit;
      if (k < n)
        flow_new_page (f);
    }
}

static void
flow_rows (Flow     *f,
           Block    *b,
           gboolean  has_header)
{
  guint first_row = has_header ? 1 : 0;
  guint n = b->row_heights->len, r = first_row;
  double header_h = has_header ? g_array_index (b->row_heights, double, 0) : 0;

  if (n == first_row)
    {
      /* A table with no rows still shows its header. */
      if (has_header)
        {
          if (f->y + header_h > f->bottom && !flow_at_top (f))
            flow_new_page (f);
          flow_place (f, b, header_h, 1, 0, TRUE);
        }
      return;
    }
  while (r < n)
    {
      double h = header_h;
      guint last = r;

      while (last < n
             && f->y + h + g_array_index (b->row_heights, double, last) <= f->bottom + 0.01)
        h += g_array_index (b->row_heights, double, last++);
      if (last == r)
        {
          if (!flow_at_top (f))
            {
              flow_new_page (f);
              continue;
            }
          h += g_array_index (b->row_heights, double, last++);   /* taller than a page */
        }
      flow_place (f, b, h, r, last - 1, has_header);
      r = last;
      if (r < n)
        flow_new_page (f);
    }
}

static void
layout_document (ClDocument *self)
{
  Flow f = { self, NULL, 0, 0, 0 };

  if (self->laid_out)
    return;
  if (self->context == NULL)
    self->context = self->cache != NULL ? g_object_ref (self->cache->context)
                                        : document_context_new ();
  g_clear_pointer (&self->base_font, pango_font_description_free);
  self->base_font = pango_font_description_from_string (self->font);
  self->font_size = (double) pango_font_description_get_size (self->base_font) / PANGO_SCALE;
  if (self->font_size <= 0)
    self->font_size = 10;

  measure_letterhead (self);
  for (guint i = 0; i < self->blocks->len; i++)
    measure_block (self, g_ptr_array_index (self->blocks, i));

  flow_new_page (&f);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (self->blocks, i);

      if (!flow_at_top (&f))
        f.y += b->space_before;
      switch (b->kind)
        {
        case BLOCK_PAGE_BREAK:
          if (!flow_at_top (&f) || f.page->pieces->len > 0)
            flow_new_page (&f);
          continue;
        case BLOCK_SPACER:
          if (f.y + b->block_h > f.bottom)
            flow_new_page (&f);
          else
            f.y += b->block_h;
          continue;
        case BLOCK_HEADING:
          {
            double need = lines_height (b, 0, b->lines->len - 1) + b->space_after
                          + keep_height (self, i + 1);

            if (f.y + need > f.bottom && !flow_at_top (&f))
              flow_new_page (&f);
            add_outline_entry (self, b, f.y);
            flow_place (&f, b, lines_height (b, 0, b->lines->len - 1), 0, b->lines->len - 1,
                        FALSE);
          }
          break;
        case BLOCK_PARAGRAPH:
          flow_lines (&f, b);
          break;
        case BLOCK_TABLE:
          if (table_is_compact (self, b) && f.y + rows_height (b) > f.bottom && !flow_at_top (&f))
            flow_new_page (&f);
          flow_rows (&f, b, TRUE);
          break;
        case BLOCK_KEY_VALUES:
          flow_rows (&f, b, FALSE);
          break;
        case BLOCK_ADDRESS:
        case BLOCK_SIGNATURE:
        case BLOCK_DRAWING:
        case BLOCK_IMAGE:
          if (f.y + b->block_h > f.bottom && !flow_at_top (&f))
            flow_new_page (&f);
          flow_place (&f, b, b->block_h, 0, 0, FALSE);
          break;
        default:
          g_assert_not_reached ();
        }
      f.y += b->space_after;
    }
  self->laid_out = TRUE;
}

guint
cl_document_get_n_pages (ClDocument *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT (self), 0);

  layout_document (self);
  return self->pages->len;
}

GPtrArray *
cl_document_get_outline (ClDocument *self)
{
  GPtrArray *entries;

  g_return_val_if_fail (CL_IS_DOCUMENT (self), NULL);

  layout_document (self);
  entries = g_ptr_array_new ();
  for (guint i = 0; i < self->outline->len; i++)
    g_ptr_array_add (entries, g_ptr_array_index (self->outline, i));
  return entries;
}

/* --- rendering ------------------------------------------------------------------ */

static void
draw_lines (ClDocument  *self,
            cairo_t     *cr,
            const Piece *p)
{
  Block *b = p->block;
  double x = self->margin_left + (b->bullet ? BULLET_INDENT : 0);
  double y0 = p->y - g_array_index (b->lines, Line, p->first).top;

  cairo_set_source_rgb (cr, TEXT_RGB);
  if (b->bullet && p->first == 0)
    {
      Shape s = shape_init (1.0, PANGO_WEIGHT_NORMAL, 0);
      g_autoptr(PangoLayout) bullet = shaped (self, &s, "•");
      const Line *l = &g_array_index (b->lines, Line, 0);

      cairo_move_to (cr, self->margin_left + 3, y0 + l->baseline);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (bullet, 0));
    }
  for (guint k = p->first; k <= p->last; k++)
    {
      const Line *l = &g_array_index (b->lines, Line, k);

      cairo_move_to (cr, x + l->x, y0 + l->baseline);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (b->layout, k));
    }
}

static void
draw_cell (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y)
{
  cairo_move_to (cr, x + CELL_PAD_X, y + CELL_PAD_Y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_table (ClDocument  *self,
            cairo_t     *cr,
            const Piece *p)
{
  Block *b = p->block;
  guint n_cols = cl_document_table_get_n_columns (b->table);
  double x = self->margin_left, y = p->y;
  double width = cl_document_get_content_width (self);

  if (p->header)
    {
      double h = g_array_index (b->row_heights, double, 0);

      cairo_set_source_rgb (cr, HEADER_BG);
      cairo_rectangle (cr, x, y, width, h);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, TEXT_RGB);
      for (guint c = 0; c < n_cols; c++)
        draw_cell (cr, g_ptr_array_index (b->cells, c), x + b->col_x[c], y);
      cairo_set_source_rgb (cr, MUTED_RGB);
      cairo_set_line_width (cr, 0.75);
      cairo_move_to (cr, x, y + h);
      cairo_line_to (cr, x + width, y + h);
      cairo_stroke (cr);
      y += h;
    }
  for (guint r = p->first; r <= p->last && r < b->row_heights->len; r++)
    {
      double h = g_array_index (b->row_heights, double, r);

      if (r % 2 == 0)
        {
          cairo_set_source_rgb (cr, ZEBRA_BG);
          cairo_rectangle (cr, x, y, width, h);
          cairo_fill (cr);
        }
      cairo_set_source_rgb (cr, TEXT_RGB);
      for (guint c = 0; c < n_cols; c++)
        draw_cell (cr, g_ptr_array_index (b->cells, r * n_cols + c), x + b->col_x[c], y);
      cairo_set_source_rgb (cr, RULE_RGB);
      cairo_set_line_width (cr, 0.4);
      cairo_move_to (cr, x, y + h);
      cairo_line_to (cr, x + width, y + h);
      cairo_stroke (cr);
      y += h;
    }
}

static void
draw_key_values (ClDocument  *self,
                 cairo_t     *cr,
                 const Piece *p)
{
  Block *b = p->block;
  double x = self->margin_left, y = p->y;
  double label_w = cl_document_get_content_width (self) * 0.38;

  cairo_set_source_rgb (cr, TEXT_RGB);
  for (guint r = p->first; r <= p->last; r++)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, g_ptr_array_index (b->cells, 2 * r));
      cairo_move_to (cr, x + label_w, y);
      pango_cairo_show_layout (cr, g_ptr_array_index (b->cells, 2 * r + 1));
      y += g_array_index (b->row_heights, double, r);
    }
}

static void
draw_address (ClDocument  *self,
              cairo_t     *cr,
              const Piece *p)
{
  Block *b = p->block;

  cairo_set_source_rgb (cr, TEXT_RGB);
  cairo_move_to (cr, self->margin_left, p->y);
  pango_cairo_show_layout (cr, g_ptr_array_index (b->cells, 0));
  cairo_move_to (cr, self->margin_left + b->col_x[0], p->y);
  pango_cairo_show_layout (cr, g_ptr_array_index (b->cells, 1));
  cairo_move_to (cr, self->margin_left + b->col_x[1], p->y);
  pango_cairo_show_layout (cr, g_ptr_array_index (b->cells, 2));
}

static void
draw_signature (ClDocument  *self,
                cairo_t     *cr,
                const Piece *p)
{
  Block *b = p->block;
  double x = self->margin_left, y = p->y;

  if (b->image != NULL)
    {
      double iw = MAX (1, cairo_image_surface_get_width (b->image));
      double ih = MAX (1, cairo_image_surface_get_height (b->image));
      double scale = MIN (SIGNATURE_HEIGHT / ih, 160.0 / iw);

      cairo_save (cr);
      cairo_translate (cr, x, y + SIGNATURE_HEIGHT - ih * scale);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, b->image, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
      cairo_restore (cr);
    }
  y += SIGNATURE_HEIGHT + 4;
  cairo_set_source_rgb (cr, TEXT_RGB);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, g_ptr_array_index (b->cells, 0));
  y += layout_height (g_ptr_array_index (b->cells, 0));
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, g_ptr_array_index (b->cells, 1));
}

static void
draw_drawing (ClDocument  *self,
              cairo_t     *cr,
              const Piece *p)
{
  Block *b = p->block;
  double width = cl_document_get_content_width (self);

  cairo_save (cr);
  cairo_translate (cr, self->margin_left, p->y);
  cairo_rectangle (cr, 0, 0, width, b->block_h);
  cairo_clip (cr);
  if (b->chart != NULL)
    {
      g_autoptr(ClChartStyle) style = cl_chart_style_light ();
      g_autofree char *font = g_strdup_printf ("Sans %.1f", self->font_size * 0.85);

      cl_chart_style_set_font (style, font);
      style->show_title = FALSE;
      cl_chart_draw (b->chart, cr, width, b->block_h, style);
    }
  else
    b->draw (cr, width, b->block_h, b->draw_data);
  cairo_restore (cr);
}

static void
draw_image (ClDocument  *self,
            cairo_t     *cr,
            const Piece *p)
{
  Block *b = p->block;
  double width = cl_document_get_content_width (self);
  double w, h;

  image_size (b, width, content_height (self) * 0.9, &w, &h);
  cairo_save (cr);
  cairo_translate (cr, self->margin_left + (width - w) / 2, p->y);
  cairo_scale (cr, w / cairo_image_surface_get_width (b->image),
               h / cairo_image_surface_get_height (b->image));
  cairo_set_source_surface (cr, b->image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
}

static void
draw_header_footer (ClDocument *self,
                    cairo_t    *cr,
                    guint       page_index)
{
  double width = cl_document_get_content_width (self);
  double x = self->margin_left;
  Shape small = shape_init (0.8, PANGO_WEIGHT_NORMAL, 0);
  g_autofree char *page_text = g_strdup_printf (_("Page %u of %u"), page_index + 1,
                                                self->pages->len);
  g_autoptr(PangoLayout) page_no = shaped (self, &small, page_text);
  double fy = self->page_h - self->margin_bottom + 12;
  PangoRectangle logical;

  if (page_index > 0)
    {
      Shape s = shape_init (0.8, PANGO_WEIGHT_NORMAL, width);
      g_autoptr(PangoLayout) header = NULL;
      g_autofree char *text = NULL;
      double hy;

      if (self->header_text != NULL)
        text = g_strdup (self->header_text);
      else if (self->letterhead != NULL && self->letterhead->authority != NULL
               && self->title != NULL)
        text = g_strdup_printf ("%s — %s", self->letterhead->authority, self->title);
      else
        text = g_strdup (self->title != NULL ? self->title : "");
      s.ellipsize = PANGO_ELLIPSIZE_END;
      header = shaped (self, &s, text);
      hy = self->margin_top - 8 - layout_height (header);
      cairo_set_source_rgb (cr, MUTED_RGB);
      cairo_move_to (cr, x, MAX (4, hy));
      pango_cairo_show_layout (cr, header);
      cairo_set_source_rgb (cr, RULE_RGB);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, x, self->margin_top - 5);
      cairo_line_to (cr, x + width, self->margin_top - 5);
      cairo_stroke (cr);
    }

  cairo_set_source_rgb (cr, RULE_RGB);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, x, fy - 4);
  cairo_line_to (cr, x + width, fy - 4);
  cairo_stroke (cr);

  cairo_set_source_rgb (cr, MUTED_RGB);
  pango_layout_get_extents (page_no, NULL, &logical);
  cairo_move_to (cr, x + width - (double) logical.width / PANGO_SCALE, fy);
  pango_cairo_show_layout (cr, page_no);
  if (self->footer_text != NULL)
    {
      double footer_w = width - (double) logical.width / PANGO_SCALE - 12;
      Shape s = shape_init (0.8, PANGO_WEIGHT_NORMAL, footer_w);
      g_autoptr(PangoLayout) footer = NULL;

      s.ellipsize = PANGO_ELLIPSIZE_END;
      footer = shaped (self, &s, self->footer_text);
      cairo_move_to (cr, x, fy);
      pango_cairo_show_layout (cr, footer);
    }
}

void
cl_document_render_page (ClDocument *self,
                         cairo_t    *cr,
                         guint       page_index)
{
  Page *page;

  g_return_if_fail (CL_IS_DOCUMENT (self));
  g_return_if_fail (cr != NULL);

  layout_document (self);
  g_return_if_fail (page_index < self->pages->len);
  page = g_ptr_array_index (self->pages, page_index);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, self->page_w, self->page_h);
  cairo_fill (cr);

  if (page_index == 0)
    draw_letterhead (self, cr);
  draw_header_footer (self, cr, page_index);

  for (guint i = 0; i < page->pieces->len; i++)
    {
      const Piece *p = &g_array_index (page->pieces, Piece, i);

      switch (p->block->kind)
        {
        case BLOCK_HEADING:
        case BLOCK_PARAGRAPH:
          draw_lines (self, cr, p);
          break;
        case BLOCK_TABLE:
          draw_table (self, cr, p);
          break;
        case BLOCK_KEY_VALUES:
          draw_key_values (self, cr, p);
          break;
        case BLOCK_ADDRESS:
          draw_address (self, cr, p);
          break;
        case BLOCK_SIGNATURE:
          draw_signature (self, cr, p);
          break;
        case BLOCK_DRAWING:
          draw_drawing (self, cr, p);
          break;
        case BLOCK_IMAGE:
          draw_image (self, cr, p);
          break;
        case BLOCK_SPACER:
        case BLOCK_PAGE_BREAK:
        default:
          break;
        }
    }
  cairo_restore (cr);
}

/* --- PDF ----------------------------------------------------------------------- */

static cairo_status_t
write_bytes_cb (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static char *
pdf_date (GDateTime *date)
{
  g_autofree char *base = g_date_time_format (date, "%Y-%m-%dT%H:%M:%S");

  if (g_date_time_get_utc_offset (date) == 0)
    return g_strconcat (base, "Z", NULL);
  else
    {
      g_autofree char *offset = g_date_time_format (date, "%:z");
      return g_strconcat (base, offset, NULL);
    }
}

static void
set_metadata (cairo_surface_t *surface,
              const char      *title,
              const char      *author,
              const char      *subject,
              const char      *keywords,
              GDateTime       *created)
{
  g_autofree char *date = pdf_date (created);

  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  if (subject != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  if (keywords != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, keywords);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Caseload " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
}

/* Draws the document's pages onto the surface after *n_pages pages already
 * there, and its headings into the outline under parent (none when parent
 * is -1). */
static void
render_into (ClDocument      *self,
             cairo_surface_t *surface,
             cairo_t         *cr,
             guint           *n_pages,
             int              parent)
{
  int parents[4] = { parent, parent, parent, parent };
  guint first_page = *n_pages;

  layout_document (self);
  for (guint i = 0; i < self->pages->len; i++)
    {
      if (*n_pages > 0)
        {
          cairo_show_page (cr);
          cairo_pdf_surface_set_size (surface, self->page_w, self->page_h);
        }
      cl_document_render_page (self, cr, i);
      (*n_pages)++;
    }
  for (guint i = 0; i < self->outline->len && parent >= 0; i++)
    {
      ClDocumentOutlineEntry *e = g_ptr_array_index (self->outline, i);
      g_autofree char *link = g_strdup_printf ("page=%u pos=[%.1f %.1f]",
                                               first_page + e->page + 1, self->margin_left,
                                               e->y);
      int id = cairo_pdf_surface_add_outline (surface, parents[e->level - 1], e->text, link,
                                              e->level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);

      for (int l = e->level; l < 4; l++)
        parents[l] = id;
    }
}

static GBytes *
finish_pdf (cairo_surface_t  *surface,
            cairo_t          *cr,
            GByteArray       *buffer,
            GError          **error)
{
  cairo_status_t status;

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (buffer);
      g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_RENDER,
                   _("Could not make the PDF: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (buffer);
}

GBytes *
cl_document_to_pdf (ClDocument  *self,
                    GError     **error)
{
  GByteArray *buffer;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages = 0;

  g_return_val_if_fail (CL_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  buffer = g_byte_array_sized_new (32 * 1024);
  surface = cairo_pdf_surface_create_for_stream (write_bytes_cb, buffer, self->page_w,
                                                 self->page_h);
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  set_metadata (surface, self->title, self->author, self->subject, self->keywords,
                self->created);
  cr = cairo_create (surface);
  render_into (self, surface, cr, &n_pages, CAIRO_PDF_OUTLINE_ROOT);
  return finish_pdf (surface, cr, buffer, error);
}

GBytes *
cl_document_batch_to_pdf (GPtrArray  *documents,
                          GError    **error)
{
  GByteArray *buffer;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages = 0;

  g_return_val_if_fail (documents != NULL && documents->len > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  buffer = g_byte_array_sized_new (32 * 1024 * documents->len);
  surface = cairo_pdf_surface_create_for_stream (write_bytes_cb, buffer, CL_PAGE_A4_WIDTH,
                                                 CL_PAGE_A4_HEIGHT);
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  /* Only the Creator and Producer matter: cl_pdf_split gives each part
   * its own title, author, subject, keywords and dates. */
  set_metadata (surface, NULL, NULL, NULL, NULL,
                ((ClDocument *) g_ptr_array_index (documents, 0))->created);
  cr = cairo_create (surface);
  for (guint i = 0; i < documents->len; i++)
    {
      ClDocument *doc = g_ptr_array_index (documents, i);

      if (n_pages == 0)
        cairo_pdf_surface_set_size (surface, doc->page_w, doc->page_h);
      render_into (doc, surface, cr, &n_pages, -1);
    }
  return finish_pdf (surface, cr, buffer, error);
}

struct _ClPdfStream
{
  GByteArray      *buffer;
  cairo_surface_t *surface;
  cairo_t         *cr;
  guint            n_pages;
};

ClPdfStream *
cl_pdf_stream_new (const char *title,
                   const char *author)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  ClPdfStream *stream = g_new0 (ClPdfStream, 1);

  stream->buffer = g_byte_array_sized_new (64 * 1024);
  stream->surface = cairo_pdf_surface_create_for_stream (write_bytes_cb, stream->buffer,
                                                         CL_PAGE_A4_WIDTH, CL_PAGE_A4_HEIGHT);
  cairo_pdf_surface_restrict_to_version (stream->surface, CAIRO_PDF_VERSION_1_5);
  set_metadata (stream->surface, title, author, NULL, NULL, now);
  stream->cr = cairo_create (stream->surface);
  return stream;
}

void
cl_pdf_stream_add (ClPdfStream *stream,
                   ClDocument  *doc)
{
  g_autofree char *link = NULL;
  int parent;

  g_return_if_fail (stream != NULL);
  g_return_if_fail (CL_IS_DOCUMENT (doc));

  if (stream->n_pages == 0)
    cairo_pdf_surface_set_size (stream->surface, doc->page_w, doc->page_h);
  link = g_strdup_printf ("page=%u pos=[0 0]", stream->n_pages + 1);
  parent = cairo_pdf_surface_add_outline (stream->surface, CAIRO_PDF_OUTLINE_ROOT,
                                          doc->title != NULL ? doc->title : "", link, 0);
  render_into (doc, stream->surface, stream->cr, &stream->n_pages, parent);
}

guint
cl_pdf_stream_get_n_pages (ClPdfStream *stream)
{
  g_return_val_if_fail (stream != NULL, 0);
  return stream->n_pages;
}

void
cl_pdf_stream_free (ClPdfStream *stream)
{
  if (stream == NULL)
    return;
  g_clear_pointer (&stream->cr, cairo_destroy);
  g_clear_pointer (&stream->surface, cairo_surface_destroy);
  g_clear_pointer (&stream->buffer, g_byte_array_unref);
  g_free (stream);
}

GBytes *
cl_pdf_stream_finish (ClPdfStream  *stream,
                      GError      **error)
{
  GBytes *bytes;

  g_return_val_if_fail (stream != NULL, NULL);

  bytes = finish_pdf (g_steal_pointer (&stream->surface), g_steal_pointer (&stream->cr),
                      g_steal_pointer (&stream->buffer), error);
  cl_pdf_stream_free (stream);
  return bytes;
}

GBytes *
cl_document_combine_to_pdf (GPtrArray   *documents,
                            const char  *title,
                            const char  *author,
                            GError     **error)
{
  ClPdfStream *stream;

  g_return_val_if_fail (documents != NULL && documents->len > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = cl_pdf_stream_new (title, author);
  for (guint i = 0; i < documents->len; i++)
    cl_pdf_stream_add (stream, g_ptr_array_index (documents, i));
  return cl_pdf_stream_finish (stream, error);
}

gboolean
cl_documents_write_file (GBytes      *bytes,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(GError) local = NULL;
  gsize len;
  const char *data;

  g_return_val_if_fail (bytes != NULL && path != NULL, FALSE);

  data = g_bytes_get_data (bytes, &len);
  /* Written whole or not at all (a temporary file renamed into place), but
   * not synced: what was sent is kept in the database, which is. */
  if (!g_file_set_contents_full (path, data, (gssize) len, G_FILE_SET_CONTENTS_NONE, 0644,
                                 &local))
    {
      g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_WRITE,
                   _("Could not write “%s”: %s"), path, local->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
cl_document_write_pdf (ClDocument  *self,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (CL_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = cl_document_to_pdf (self, error);
  return bytes != NULL && cl_documents_write_file (bytes, path, error);
}
