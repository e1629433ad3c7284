/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-documents"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "documents/cl-documents-error.h"
#include "documents/cl-pdf-split.h"

/* A PDF as cairo 1.16 writes it: a header, every object once as
 * "N 0 obj … endobj" (streams with an indirect /Length), one classic xref
 * table, a trailer naming the Catalog and the Info dictionary, startxref.
 *
 * The combined file is indexed once: the xref table gives each object's
 * offset; an object is parsed the first time a part reaches it, which
 * records the byte range of its value, the position of every "N G R" in it
 * and, for streams, where the data lies. A part is then its pages plus the
 * closure of their references (never following a page's /Parent), numbered
 * from 1 in the order found; each object is copied as text with its
 * references rewritten, stream data verbatim. */

#define MAX_DEPTH        64                  /* nesting of arrays and dictionaries */
#define SPLIT_MAX_INPUT  (G_MAXUINT32 / 2)   /* bytes */
#define NO_REF           G_MAXUINT

/* --- tokens ------------------------------------------------------------------------------ */

typedef enum
{
  TOK_EOF,
  TOK_INT,
  TOK_REAL,
  TOK_NAME,
  TOK_STRING,
  TOK_HEX_STRING,
  TOK_DICT_BEGIN,
  TOK_DICT_END,
  TOK_ARRAY_BEGIN,
  TOK_ARRAY_END,
  TOK_KEYWORD,
} TokenType;

typedef struct
{
  TokenType type;
  gsize     start;
  gsize     end;
  gint64    value;   /* TOK_INT */
} Token;

enum
{
  CHAR_REGULAR,
  CHAR_WHITE,
  CHAR_DELIMITER,
};

static const guint8 char_class[256] = {
  ['\0'] = CHAR_WHITE, ['\t'] = CHAR_WHITE, ['\n'] = CHAR_WHITE, ['\f'] = CHAR_WHITE,
  ['\r'] = CHAR_WHITE, [' '] = CHAR_WHITE,
  ['('] = CHAR_DELIMITER, [')'] = CHAR_DELIMITER, ['<'] = CHAR_DELIMITER,
  ['>'] = CHAR_DELIMITER, ['['] = CHAR_DELIMITER, [']'] = CHAR_DELIMITER,
  ['{'] = CHAR_DELIMITER, ['}'] = CHAR_DELIMITER, ['/'] = CHAR_DELIMITER,
  ['%'] = CHAR_DELIMITER,
};

static inline gboolean
is_white (guchar c)
{
  return char_class[c] == CHAR_WHITE;
}

static inline gboolean
is_regular (guchar c)
{
  return char_class[c] == CHAR_REGULAR;
}

/* Reads the token at *pos (after white space and comments) into tok and
 * moves *pos past it. FALSE when the bytes are not PDF syntax. */
static gboolean
lex (const guchar *buf,
     gsize         len,
     gsize        *pos,
     Token        *tok)
{
  gsize p = *pos;

  for (;;)
    {
      while (p < len && is_white (buf[p]))
        p++;
      if (p < len && buf[p] == '%')
        {
          while (p < len && buf[p] != '\n' && buf[p] != '\r')
            p++;
          continue;
        }
      break;
    }

  tok->start = p;
  tok->value = 0;
  if (p >= len)
    {
      tok->type = TOK_EOF;
      tok->end = p;
      *pos = p;
      return TRUE;
    }

  switch (buf[p])
    {
    case '[':
      tok->type = TOK_ARRAY_BEGIN;
      p++;
      break;

    case ']':
      tok->type = TOK_ARRAY_END;
      p++;
      break;

    case '<':
      if (p + 1 < len && buf[p + 1] == '<')
        {
          tok->type = TOK_DICT_BEGIN;
          p += 2;
          break;
        }
      for (p++; p < len && buf[p] != '>'; p++)
        if (!g_ascii_isxdigit (buf[p]) && !is_white (buf[p]))
          return FALSE;
      if (p >= len)
        return FALSE;
      tok->type = TOK_HEX_STRING;
      p++;
      break;

    case '>':
      if (p + 1 >= len || buf[p + 1] != '>')
        return FALSE;
      tok->type = TOK_DICT_END;
      p += 2;
      break;

    case '(':
      {
        guint depth = 1;

        for (p++; p < len && depth > 0; p++)
          {
            if (buf[p] == '\\')
              p++;   /* whatever follows is escaped; the loop checks the bound */
            else if (buf[p] == '(')
              depth++;
            else if (buf[p] == ')')
              depth--;
          }
        if (depth > 0 || p > len)
          return FALSE;
        tok->type = TOK_STRING;
      }
      break;

    case '/':
      for (p++; p < len && is_regular (buf[p]);)
        {
          if (buf[p] != '#')
            p++;
          else if (p + 2 < len && g_ascii_isxdigit (buf[p + 1]) && g_ascii_isxdigit (buf[p + 2]))
            p += 3;
          else
            return FALSE;
        }
      tok->type = TOK_NAME;
      break;

    case ')':
    case '{':
    case '}':
      return FALSE;

    default:
      {
        gsize q = p, i = p;
        guint n_digits = 0;
        gboolean dot = FALSE, negative = FALSE, overflow = FALSE;
        gint64 value = 0;
        guchar c = buf[p];

        while (q < len && is_regular (buf[q]))
          q++;
        if (!(g_ascii_isdigit (c) || c == '+' || c == '-' || c == '.'))
          {
            tok->type = TOK_KEYWORD;
            p = q;
            break;
          }
        if (c == '+' || c == '-')
          {
            negative = c == '-';
            i++;
          }
        for (; i < q; i++)
          {
            c = buf[i];
            if (g_ascii_isdigit (c))
              {
                n_digits++;
                if (dot)
                  continue;
                if (value > (G_MAXINT64 - 9) / 10)
                  overflow = TRUE;
                else
                  value = value * 10 + (c - '0');
              }
            else if (c == '.' && !dot)
              dot = TRUE;
            else
              return FALSE;
          }
        if (n_digits == 0)
          return FALSE;
        tok->type = dot || overflow ? TOK_REAL : TOK_INT;
        tok->value = negative ? -value : value;
        p = q;
      }
      break;
    }

  tok->end = p;
  *pos = p;
  return TRUE;
}

static inline gboolean
is_keyword (const guchar *buf,
            const Token  *tok,
            const char   *word)
{
  gsize n = strlen (word);

  return tok->type == TOK_KEYWORD && tok->end - tok->start == n
         && memcmp (buf + tok->start, word, n) == 0;
}

/* Up to three tokens of look-ahead, each read once, in a ring. */
typedef struct
{
  const guchar *buf;
  gsize         len;
  gsize         pos;
  Token         ahead[3];
  guint         first;
  guint         n_ahead;
} Lexer;

static void
lexer_init (Lexer        *lx,
            const guchar *buf,
            gsize         len,
            gsize         pos)
{
  lx->buf = buf;
  lx->len = len;
  lx->pos = pos;
  lx->first = 0;
  lx->n_ahead = 0;
}

/* The token k places ahead (k < 3), or NULL on bytes that are not PDF.
 * It stays put until lexer_skip passes it. */
static inline const Token *
lexer_peek (Lexer *lx,
            guint  k)
{
  g_assert (k < G_N_ELEMENTS (lx->ahead));

  while (lx->n_ahead <= k)
    {
      if (!lex (lx->buf, lx->len, &lx->pos, &lx->ahead[(lx->first + lx->n_ahead) % 3]))
        return NULL;
      lx->n_ahead++;
    }
  return &lx->ahead[(lx->first + k) % 3];
}

static inline void
lexer_skip (Lexer *lx,
            guint  n)
{
  g_assert (n <= lx->n_ahead);

  lx->first = (lx->first + n) % 3;
  lx->n_ahead -= n;
}

/* --- values ------------------------------------------------------------------------------ */

typedef enum
{
  VAL_NONE,
  VAL_INT,
  VAL_REAL,
  VAL_NAME,
  VAL_STRING,
  VAL_KEYWORD,     /* true, false, null */
  VAL_ARRAY,
  VAL_DICT,
  VAL_REF,
} ValueType;

typedef struct
{
  ValueType type;
  gsize     start;
  gsize     end;
  gint64    value;   /* VAL_INT; the object number of VAL_REF */
  guint     ref;     /* VAL_REF: its index in Splitter.refs */
} Value;

/* The keys of a top-level dictionary that the splitter looks at. */
typedef enum
{
  KEY_TYPE,
  KEY_LENGTH,
  KEY_PARENT,
  KEY_KIDS,
  KEY_COUNT,
  KEY_MEDIA_BOX,
  KEY_PAGES,
  KEY_CREATOR,
  KEY_PRODUCER,
  KEY_ROOT,
  KEY_INFO,
  KEY_PREV,
  KEY_ENCRYPT,
  KEY_XREF_STM,
  KEY_OTHER,
  N_KEYS
} Key;

static const char * const key_names[KEY_OTHER] = {
  "Type", "Length", "Parent", "Kids", "Count", "MediaBox", "Pages", "Creator", "Producer",
  "Root", "Info", "Prev", "Encrypt", "XRefStm",
};

typedef struct
{
  Value values[N_KEYS];   /* VAL_NONE when absent; KEY_OTHER: any other key */
} Entries;

/* Whether the name token at [start, end) (with its "/", maybe #xx escapes)
 * is want. */
static gboolean
name_equals (const guchar *buf,
             gsize         start,
             gsize         end,
             const char   *want)
{
  gsize i = start + 1;

  for (; i < end; want++)
    {
      guchar c = buf[i];

      if (c == '#')
        {
          /* The lexer checked the two hex digits. */
          c = (guchar) (g_ascii_xdigit_value (buf[i + 1]) * 16
                        + g_ascii_xdigit_value (buf[i + 2]));
          i += 3;
        }
      else
        i++;
      if (*want == '\0' || c != (guchar) *want)
        return FALSE;
    }
  return *want == '\0';
}

static Key
classify_key (const guchar *buf,
              const Token  *tok)
{
  for (guint k = 0; k < KEY_OTHER; k++)
    if (name_equals (buf, tok->start, tok->end, key_names[k]))
      return (Key) k;
  return KEY_OTHER;
}

/* --- the combined file ------------------------------------------------------------------- */

typedef enum
{
  KIND_OTHER,
  KIND_PAGE,
  KIND_PAGES,
  KIND_CATALOG,
} Kind;

typedef struct
{
  gsize   offset;          /* of "N 0 obj", from the xref table */
  gsize   body_start;      /* the object's value, first to last byte of its tokens */
  gsize   body_end;
  gsize   stream_start;    /* the data of a stream (has_stream) */
  gsize   stream_length;
  guint   first_ref;       /* its references are refs[first_ref, first_ref + n_refs) */
  guint   n_refs;
  guint   parent_ref;      /* a page's /Parent, an index in refs; NO_REF otherwise */
  double  top;             /* a page's MediaBox top */
  guint   in_use : 1;
  guint   parsed : 1;
  guint   has_stream : 1;
  guint   kind : 2;
} PdfObject;

typedef struct
{
  gsize start;             /* "N 0 R", first to last byte */
  gsize end;
  guint target;
} Ref;

typedef struct
{
  int parent;              /* index of the parent entry, -1 for the root */
  int first;
  int last;
  int prev;
  int next;
  int visible;             /* descendants shown when this entry is open */
} OutlineNode;

typedef struct
{
  const guchar *buf;
  gsize         len;
  GError      **error;
  char          version[4];     /* "1.5" */

  PdfObject    *objects;
  guint         n_objects;
  GArray       *refs;           /* Ref, in file order within each object */
  GArray       *pages;          /* guint: object numbers of the pages, in order */
  guint         root;
  guint         pages_root;
  Value         creator;        /* strings of the Info dictionary, or VAL_NONE */
  Value         producer;

  /* Per part, reused. */
  guint        *new_numbers;    /* by old number; 0: not in the part */
  GArray       *order;          /* guint: old numbers, by new number − 1 */
  GArray       *all_orders;     /* guint: every part's order, one after the other */
  gsize         part_start;     /* where the part begins in the output */
  GArray       *stack;          /* guint */
  GArray       *offsets;        /* gsize: where each new object starts */
  GArray       *nodes;          /* OutlineNode */
} Splitter;

static gboolean
malformed (Splitter *s,
           gsize     at)
{
  if (s->error != NULL && *s->error == NULL)
    g_set_error (s->error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_RENDER,
                 _("Cannot split the combined PDF: unexpected content at byte %" G_GSIZE_FORMAT),
                 at);
  return FALSE;
}

/* Parses one direct value at the lexer into out, recording every reference
 * in s->refs; entries (top level only) receives the dictionary's keys. */
static gboolean
parse_value (Splitter *s,
             Lexer    *lx,
             guint     depth,
             Entries  *entries,
             Value    *out)
{
  const Token *t = lexer_peek (lx, 0);

  if (t == NULL)
    return malformed (s, lx->pos);
  if (depth > MAX_DEPTH)
    return malformed (s, t->start);

  out->start = t->start;
  out->end = t->end;
  out->value = 0;
  out->ref = NO_REF;

  switch (t->type)
    {
    case TOK_INT:
      {
        Token first = *t;
        const Token *gen, *r;

        if (first.value >= 0)
          {
            if ((gen = lexer_peek (lx, 1)) == NULL)
              return malformed (s, lx->pos);
            if (gen->type == TOK_INT)
              {
                gint64 generation = gen->value;

                if ((r = lexer_peek (lx, 2)) == NULL)
                  return malformed (s, lx->pos);
                if (is_keyword (s->buf, r, "R"))
                  {
                    Ref ref;

                    /* cairo writes generation 0 only. */
                    if (generation != 0 || first.value == 0
                        || first.value >= (gint64) s->n_objects)
                      return malformed (s, first.start);
                    ref.start = first.start;
                    ref.end = r->end;
                    ref.target = (guint) first.value;
                    out->type = VAL_REF;
                    out->end = r->end;
                    out->value = first.value;
                    out->ref = s->refs->len;
                    g_array_append_val (s->refs, ref);
                    lexer_skip (lx, 3);
                    return TRUE;
                  }
              }
          }
        out->type = VAL_INT;
        out->value = first.value;
        lexer_skip (lx, 1);
        return TRUE;
      }

    case TOK_REAL:
      out->type = VAL_REAL;
      lexer_skip (lx, 1);
      return TRUE;

    case TOK_NAME:
      out->type = VAL_NAME;
      lexer_skip (lx, 1);
      return TRUE;

    case TOK_STRING:
    case TOK_HEX_STRING:
      out->type = VAL_STRING;
      lexer_skip (lx, 1);
      return TRUE;

    case TOK_KEYWORD:
      if (!is_keyword (s->buf, t, "true") && !is_keyword (s->buf, t, "false")
          && !is_keyword (s->buf, t, "null"))
        return malformed (s, t->start);
      out->type = VAL_KEYWORD;
      lexer_skip (lx, 1);
      return TRUE;

    case TOK_ARRAY_BEGIN:
      lexer_skip (lx, 1);
      for (;;)
        {
          Value item;

          if ((t = lexer_peek (lx, 0)) == NULL)
            return malformed (s, lx->pos);
          if (t->type == TOK_ARRAY_END)
            break;
          if (!parse_value (s, lx, depth + 1, NULL, &item))
            return FALSE;
        }
      out->type = VAL_ARRAY;
      out->end = t->end;
      lexer_skip (lx, 1);
      return TRUE;

    case TOK_DICT_BEGIN:
      lexer_skip (lx, 1);
      for (;;)
        {
          Value item;
          Key key = KEY_OTHER;

          if ((t = lexer_peek (lx, 0)) == NULL)
            return malformed (s, lx->pos);
          if (t->type == TOK_DICT_END)
            break;
          if (t->type != TOK_NAME)
            return malformed (s, t->start);
          if (entries != NULL)
            key = classify_key (s->buf, t);
          lexer_skip (lx, 1);
          if (!parse_value (s, lx, depth + 1, NULL, &item))
            return FALSE;
          if (entries != NULL)
            entries->values[key] = item;
        }
      out->type = VAL_DICT;
      out->end = t->end;
      lexer_skip (lx, 1);
      return TRUE;

    case TOK_EOF:
    case TOK_DICT_END:
    case TOK_ARRAY_END:
    default:
      return malformed (s, t->start);
    }
}

/* "num 0 obj" at the lexer. */
static gboolean
read_object_header (Splitter *s,
                    Lexer    *lx,
                    guint     num)
{
  const Token *t0, *t1, *t2;

  if ((t0 = lexer_peek (lx, 0)) == NULL || (t1 = lexer_peek (lx, 1)) == NULL
      || (t2 = lexer_peek (lx, 2)) == NULL)
    return malformed (s, lx->pos);
  if (t0->type != TOK_INT || t0->value != num || t1->type != TOK_INT || t1->value != 0
      || !is_keyword (s->buf, t2, "obj"))
    return malformed (s, t0->start);
  lexer_skip (lx, 3);
  return TRUE;
}

/* The value of an object that holds a non-negative integer (a stream's
 * indirect /Length). */
static gboolean
read_int_object (Splitter *s,
                 guint     num,
                 gsize    *value)
{
  PdfObject *o = &s->objects[num];
  const Token *t, *end;
  Lexer lx;

  if (!o->in_use)
    return malformed (s, 0);
  lexer_init (&lx, s->buf, s->len, o->offset);
  if (!read_object_header (s, &lx, num))
    return FALSE;
  if ((t = lexer_peek (&lx, 0)) == NULL || (end = lexer_peek (&lx, 1)) == NULL)
    return malformed (s, lx.pos);
  if (t->type != TOK_INT || t->value < 0 || !is_keyword (s->buf, end, "endobj"))
    return malformed (s, t->start);
  *value = (gsize) t->value;
  return TRUE;
}

static gboolean
value_is_name (Splitter    *s,
               const Value *v,
               const char  *name)
{
  return v->type == VAL_NAME && name_equals (s->buf, v->start, v->end, name);
}

/* The top of a page's MediaBox, a direct array of four numbers. */
static gboolean
read_media_box_top (Splitter    *s,
                    const Value *v,
                    double      *top)
{
  double numbers[4];
  const Token *t;
  Lexer lx;

  if (v->type != VAL_ARRAY)
    return malformed (s, v->start);
  /* Lexing stops at the array's end: nothing past it is read. */
  lexer_init (&lx, s->buf, v->end, v->start);
  if ((t = lexer_peek (&lx, 0)) == NULL || t->type != TOK_ARRAY_BEGIN)
    return malformed (s, v->start);
  lexer_skip (&lx, 1);
  for (guint i = 0; i < 4; i++)
    {
      char text[32];
      gsize n;

      if ((t = lexer_peek (&lx, 0)) == NULL)
        return malformed (s, v->start);
      n = t->end - t->start;
      if ((t->type != TOK_INT && t->type != TOK_REAL) || n >= sizeof text)
        return malformed (s, t->start);
      memcpy (text, s->buf + t->start, n);
      text[n] = '\0';
      numbers[i] = g_ascii_strtod (text, NULL);
      if (!isfinite (numbers[i]))
        return malformed (s, t->start);
      lexer_skip (&lx, 1);
    }
  if ((t = lexer_peek (&lx, 0)) == NULL || t->type != TOK_ARRAY_END)
    return malformed (s, v->start);
  *top = MAX (numbers[1], numbers[3]);
  return TRUE;
}

/* Parses object num once. entries, when given, receives its top-level
 * keys; an object asked for them twice is a structure cairo never writes. */
static gboolean
parse_object (Splitter *s,
              guint     num,
              Entries  *entries)
{
  PdfObject *o = &s->objects[num];
  Entries local;
  Value v;
  const Token *t;
  Lexer lx;

  if (o->parsed)
    return entries == NULL ? TRUE : malformed (s, o->offset);
  if (!o->in_use)
    {
      g_set_error (s->error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_RENDER,
                   _("Cannot split the combined PDF: object %u is missing"), num);
      return FALSE;
    }
  if (entries == NULL)
    entries = &local;
  memset (entries, 0, sizeof *entries);

  lexer_init (&lx, s->buf, s->len, o->offset);
  if (!read_object_header (s, &lx, num))
    return FALSE;
  o->first_ref = s->refs->len;
  if (!parse_value (s, &lx, 0, entries, &v))
    return FALSE;
  o->n_refs = s->refs->len - o->first_ref;
  o->body_start = v.start;
  o->body_end = v.end;
  o->parent_ref = NO_REF;

  if ((t = lexer_peek (&lx, 0)) == NULL)
    return malformed (s, lx.pos);
  if (is_keyword (s->buf, t, "stream"))
    {
      const Value *length = &entries->values[KEY_LENGTH];
      gsize p = t->end, n;

      if (v.type != VAL_DICT)
        return malformed (s, t->start);
      if (length->type == VAL_INT && length->value >= 0)
        n = (gsize) length->value;
      else if (length->type == VAL_REF)
        {
          if (!read_int_object (s, (guint) length->value, &n))
            return FALSE;
        }
      else
        return malformed (s, length->start);

      /* "stream" then CR LF or LF, the data, an optional end of line,
       * "endstream". */
      if (p < s->len && s->buf[p] == '\r')
        p++;
      if (p >= s->len || s->buf[p] != '\n')
        return malformed (s, p);
      p++;
      if (n > s->len - p)
        return malformed (s, p);
      o->has_stream = TRUE;
      o->stream_start = p;
      o->stream_length = n;
      lexer_init (&lx, s->buf, s->len, p + n);
      if ((t = lexer_peek (&lx, 0)) == NULL || !is_keyword (s->buf, t, "endstream"))
        return malformed (s, p + n);
      lexer_skip (&lx, 1);
      if ((t = lexer_peek (&lx, 0)) == NULL)
        return malformed (s, lx.pos);
    }
  if (!is_keyword (s->buf, t, "endobj"))
    return malformed (s, t->start);

  if (value_is_name (s, &entries->values[KEY_TYPE], "Page"))
    {
      const Value *parent = &entries->values[KEY_PARENT];

      o->kind = KIND_PAGE;
      if (parent->type != VAL_REF)
        return malformed (s, v.start);
      o->parent_ref = parent->ref;
      if (!read_media_box_top (s, &entries->values[KEY_MEDIA_BOX], &o->top))
        return FALSE;
    }
  else if (value_is_name (s, &entries->values[KEY_TYPE], "Pages"))
    o->kind = KIND_PAGES;
  else if (value_is_name (s, &entries->values[KEY_TYPE], "Catalog"))
    o->kind = KIND_CATALOG;
  else
    o->kind = KIND_OTHER;

  o->parsed = TRUE;
  return TRUE;
}

static gboolean
read_xref (Splitter *s,
           gsize     at,
           Lexer    *lx)
{
  const Token *t, *t1;

  lexer_init (lx, s->buf, s->len, at);
  if ((t = lexer_peek (lx, 0)) == NULL || !is_keyword (s->buf, t, "xref"))
    return malformed (s, at);
  lexer_skip (lx, 1);

  for (;;)
    {
      gint64 first, count;
      gsize p;

      if ((t = lexer_peek (lx, 0)) == NULL)
        return malformed (s, lx->pos);
      if (is_keyword (s->buf, t, "trailer"))
        {
          lexer_skip (lx, 1);
          return TRUE;
        }
      if ((t1 = lexer_peek (lx, 1)) == NULL)
        return malformed (s, lx->pos);
      if (t->type != TOK_INT || t1->type != TOK_INT || t->value < 0 || t1->value < 0)
        return malformed (s, t->start);
      first = t->value;
      count = t1->value;

      /* The entries, 20 bytes each, start on the next line. */
      p = t1->end;
      while (p < s->len && is_white (s->buf[p]))
        p++;
      if ((guint64) count > (s->len - p) / 20 || first > (gint64) (s->len / 20))
        return malformed (s, t->start);
      if ((guint) (first + count) > s->n_objects)
        {
          guint n = (guint) (first + count);

          s->objects = g_renew (PdfObject, s->objects, n);
          memset (s->objects + s->n_objects, 0, (n - s->n_objects) * sizeof (PdfObject));
          s->n_objects = n;
        }
      for (gint64 i = 0; i < count; i++)
        {
          const guchar *e = s->buf + p + 20 * i;
          gsize offset = 0;
          guint generation = 0;
          guint num = (guint) (first + i);

          for (guint k = 0; k < 10; k++)
            {
              if (!g_ascii_isdigit (e[k]))
                return malformed (s, p + 20 * i);
              offset = offset * 10 + (gsize) (e[k] - '0');
            }
          for (guint k = 11; k < 16; k++)
            {
              if (!g_ascii_isdigit (e[k]))
                return malformed (s, p + 20 * i);
              generation = generation * 10 + (guint) (e[k] - '0');
            }
          if (e[10] != ' ' || e[16] != ' ' || (e[17] != 'n' && e[17] != 'f')
              || !is_white (e[18]) || !is_white (e[19]))
            return malformed (s, p + 20 * i);
          s->objects[num].in_use = FALSE;
          if (e[17] == 'n')
            {
              /* cairo writes generation 0 only. */
              if (generation != 0 || num == 0 || offset >= s->len)
                return malformed (s, p + 20 * i);
              s->objects[num].in_use = TRUE;
              s->objects[num].offset = offset;
            }
        }
      lexer_init (lx, s->buf, s->len, p + 20 * (gsize) count);
    }
}

/* Finds the trailer, the Catalog, the pages and the Info strings. */
static gboolean
index_file (Splitter *s)
{
  Entries trailer, catalog, pages;
  gsize from, xref = 0, p;
  gboolean found = FALSE;
  const Token *t;
  Value v;
  Lexer lx;

  if (s->len < 16 || memcmp (s->buf, "%PDF-", 5) != 0 || !g_ascii_isdigit (s->buf[5])
      || s->buf[6] != '.' || !g_ascii_isdigit (s->buf[7]))
    {
      g_set_error (s->error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_RENDER,
                   _("Cannot split the combined PDF: it is not a PDF file"));
      return FALSE;
    }
  memcpy (s->version, s->buf + 5, 3);
  s->version[3] = '\0';

  /* "startxref", its offset and "%%EOF" end the file. */
  from = s->len > 1024 ? s->len - 1024 : 0;
  for (p = s->len - 9 + 1; p-- > from;)
    if (memcmp (s->buf + p, "startxref", 9) == 0)
      {
        found = TRUE;
        break;
      }
  if (!found)
    return malformed (s, s->len);
  lexer_init (&lx, s->buf, s->len, p + 9);
  if ((t = lexer_peek (&lx, 0)) == NULL || t->type != TOK_INT || t->value < 0
      || (guint64) t->value >= s->len)
    return malformed (s, p);
  xref = (gsize) t->value;
  /* A file cut short loses its "%%EOF" (to the lexer, a comment). */
  for (p = t->end; p < s->len && is_white (s->buf[p]); p++)
    ;
  if (s->len - p < 5 || memcmp (s->buf + p, "%%EOF", 5) != 0)
    return malformed (s, p);

  if (!read_xref (s, xref, &lx))
    return FALSE;
  s->new_numbers = g_new0 (guint, s->n_objects);

  memset (&trailer, 0, sizeof trailer);
  if (!parse_value (s, &lx, 0, &trailer, &v))
    return FALSE;
  if (v.type != VAL_DICT)
    return malformed (s, v.start);
  /* Updates, encryption, cross-reference streams: not what cairo writes. */
  if (trailer.values[KEY_PREV].type != VAL_NONE || trailer.values[KEY_ENCRYPT].type != VAL_NONE
      || trailer.values[KEY_XREF_STM].type != VAL_NONE || trailer.values[KEY_ROOT].type != VAL_REF)
    return malformed (s, v.start);

  s->root = (guint) trailer.values[KEY_ROOT].value;
  if (!parse_object (s, s->root, &catalog))
    return FALSE;
  if (s->objects[s->root].kind != KIND_CATALOG || catalog.values[KEY_PAGES].type != VAL_REF)
    return malformed (s, s->objects[s->root].offset);

  s->pages_root = (guint) catalog.values[KEY_PAGES].value;
  if (!parse_object (s, s->pages_root, &pages))
    return FALSE;
  {
    PdfObject *o = &s->objects[s->pages_root];
    const Value *kids = &pages.values[KEY_KIDS];
    const Value *count = &pages.values[KEY_COUNT];

    /* One flat Pages node with nothing for its pages to inherit. */
    if (o->kind != KIND_PAGES || kids->type != VAL_ARRAY)
      return malformed (s, o->offset);
    for (guint k = 0; k < N_KEYS; k++)
      if (k != KEY_TYPE && k != KEY_KIDS && k != KEY_COUNT && pages.values[k].type != VAL_NONE)
        return malformed (s, o->offset);

    for (guint r = o->first_ref; r < o->first_ref + o->n_refs; r++)
      {
        Ref ref = g_array_index (s->refs, Ref, r);
        PdfObject *page;

        if (ref.start < kids->start || ref.end > kids->end)
          continue;
        if (!parse_object (s, ref.target, NULL))
          return FALSE;
        page = &s->objects[ref.target];
        if (page->kind != KIND_PAGE)
          {
            g_set_error (s->error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_RENDER,
                         _("Cannot split the combined PDF: its page tree is not flat"));
            return FALSE;
          }
        if (g_array_index (s->refs, Ref, page->parent_ref).target != s->pages_root)
          return malformed (s, page->offset);
        g_array_append_val (s->pages, ref.target);
      }
    if (count->type != VAL_INT || count->value != (gint64) s->pages->len || s->pages->len == 0)
      return malformed (s, o->offset);
  }

  /* A page listed twice would be numbered twice in a part. */
  for (guint i = 0; i < s->pages->len; i++)
    {
      guint num = g_array_index (s->pages, guint, i);

      if (s->new_numbers[num] != 0)
        return malformed (s, s->objects[num].offset);
      s->new_numbers[num] = 1;
    }
  for (guint i = 0; i < s->pages->len; i++)
    s->new_numbers[g_array_index (s->pages, guint, i)] = 0;

  if (trailer.values[KEY_INFO].type == VAL_REF)
    {
      Entries info;

      if (!parse_object (s, (guint) trailer.values[KEY_INFO].value, &info))
        return FALSE;
      if (info.values[KEY_CREATOR].type == VAL_STRING)
        s->creator = info.values[KEY_CREATOR];
      if (info.values[KEY_PRODUCER].type == VAL_STRING)
        s->producer = info.values[KEY_PRODUCER];
    }
  return TRUE;
}

/* --- one part ---------------------------------------------------------------------------- */

/* Numbers the part's pages 1…n_pages, then everything they reach. */
static gboolean
collect_part (Splitter        *s,
              const ClPdfPart *part,
              guint            part_index)
{
  guint count = 0;

  g_array_set_size (s->order, 0);
  g_array_set_size (s->stack, 0);
  for (guint i = 0; i < part->n_pages; i++)
    {
      guint num = g_array_index (s->pages, guint, part->first_page + i);

      s->new_numbers[num] = ++count;
      g_array_append_val (s->order, num);
      g_array_append_val (s->stack, num);
    }

  while (s->stack->len > 0)
    {
      guint num = g_array_index (s->stack, guint, s->stack->len - 1);
      guint first_ref, n_refs, parent_ref;

      g_array_set_size (s->stack, s->stack->len - 1);
      first_ref = s->objects[num].first_ref;
      n_refs = s->objects[num].n_refs;
      parent_ref = s->objects[num].parent_ref;
      for (guint r = first_ref; r < first_ref + n_refs; r++)
        {
          guint target = g_array_index (s->refs, Ref, r).target;
          PdfObject *o;

          if (r == parent_ref || s->new_numbers[target] != 0)
            continue;
          if (!parse_object (s, target, NULL))
            return FALSE;
          o = &s->objects[target];
          /* Pages of the part are numbered already: any other page, or the
           * page tree, belongs to the rest of the file (a link to another
           * letter). */
          if (o->kind != KIND_OTHER || target == s->root || target == s->pages_root)
            {
              g_set_error (s->error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_RENDER,
                           _("Cannot split the combined PDF: part %u refers to pages outside "
                             "it"), part_index + 1);
              return FALSE;
            }
          s->new_numbers[target] = ++count;
          g_array_append_val (s->order, target);
          g_array_append_val (s->stack, target);
        }
    }
  return TRUE;
}

static inline void
append (GByteArray *out,
        const void *data,
        gsize       len)
{
  g_byte_array_append (out, data, (guint) len);
}

#define append_literal(out, str) append ((out), (str), sizeof (str) - 1)

static void
append_uint (GByteArray *out,
             guint64     v)
{
  char digits[24];
  guint n = sizeof digits;

  do
    {
      digits[--n] = (char) ('0' + v % 10);
      v /= 10;
    }
  while (v > 0);
  append (out, digits + n, sizeof digits - n);
}

static void
append_ref (GByteArray *out,
            guint       num)
{
  append_uint (out, num);
  append_literal (out, " 0 R");
}

static void
append_double (GByteArray *out,
               double      v)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];
  gsize n;

  g_ascii_formatd (text, sizeof text, "%.2f", v);
  n = strlen (text);
  while (n > 0 && text[n - 1] == '0')
    n--;
  if (n > 0 && text[n - 1] == '.')
    n--;
  if (n == 2 && text[0] == '-' && text[1] == '0')
    append_literal (out, "0");
  else
    append (out, text, n);
}

/* A PDF text string: a literal string when the text is printable ASCII,
 * else UTF-16BE with a byte order mark, in hex. */
static void
append_text_string (GByteArray *out,
                    const char *text)
{
  static const char hex[] = "0123456789ABCDEF";
  g_autofree char *valid = NULL;
  const guchar *p;

  for (p = (const guchar *) text; *p != '\0'; p++)
    if (*p < 0x20 || *p > 0x7e)
      break;
  if (*p == '\0')
    {
      append_literal (out, "(");
      for (p = (const guchar *) text; *p != '\0'; p++)
        {
          if (*p == '(' || *p == ')' || *p == '\\')
            append_literal (out, "\\");
          append (out, p, 1);
        }
      append_literal (out, ")");
      return;
    }

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  append_literal (out, "<FEFF");
  for (const char *q = text; *q != '\0'; q = g_utf8_next_char (q))
    {
      gunichar c = g_utf8_get_char (q);
      guint units[2];
      guint n_units = 0;

      if (c > 0xffff)
        {
          c -= 0x10000;
          units[n_units++] = 0xd800 + (c >> 10);
          units[n_units++] = 0xdc00 + (c & 0x3ff);
        }
      else
        units[n_units++] = c;
      for (guint u = 0; u < n_units; u++)
        {
          char four[4] = {
            hex[(units[u] >> 12) & 0xf], hex[(units[u] >> 8) & 0xf],
            hex[(units[u] >> 4) & 0xf], hex[units[u] & 0xf],
          };
          append (out, four, 4);
        }
    }
  append_literal (out, ">");
}

/* (D:YYYYMMDDHHmmSSZ) or (D:YYYYMMDDHHmmSS+HH'mm') */
static void
append_date (GByteArray *out,
             GDateTime  *date)
{
  char text[48];
  gint64 minutes = g_date_time_get_utc_offset (date) / G_TIME_SPAN_MINUTE;
  int n;

  n = g_snprintf (text, sizeof text, "(D:%04d%02d%02d%02d%02d%02d",
                  g_date_time_get_year (date), g_date_time_get_month (date),
                  g_date_time_get_day_of_month (date), g_date_time_get_hour (date),
                  g_date_time_get_minute (date), g_date_time_get_second (date));
  append (out, text, (gsize) n);
  if (minutes == 0)
    append_literal (out, "Z)");
  else
    {
      n = g_snprintf (text, sizeof text, "%c%02d'%02d')", minutes < 0 ? '-' : '+',
                      (int) (ABS (minutes) / 60), (int) (ABS (minutes) % 60));
      append (out, text, (gsize) n);
    }
}

static void
begin_object (Splitter   *s,
              GByteArray *out,
              guint       num)
{
  gsize offset = out->len - s->part_start;

  g_assert (num == s->offsets->len + 1);
  g_array_append_val (s->offsets, offset);
  append_uint (out, num);
  append_literal (out, " 0 obj\n");
}

/* Copies object old as object new_number, its references renumbered. */
static void
copy_object (Splitter   *s,
             GByteArray *out,
             guint       old,
             guint       new_number,
             guint       pages_number)
{
  const PdfObject *o = &s->objects[old];
  gsize pos = o->body_start;

  begin_object (s, out, new_number);
  for (guint r = o->first_ref; r < o->first_ref + o->n_refs; r++)
    {
      const Ref *ref = &g_array_index (s->refs, Ref, r);
      guint target = r == o->parent_ref ? pages_number : s->new_numbers[ref->target];

      g_assert (ref->start >= pos && target != 0);
      append (out, s->buf + pos, ref->start - pos);
      append_ref (out, target);
      pos = ref->end;
    }
  append (out, s->buf + pos, o->body_end - pos);
  if (o->has_stream)
    {
      append_literal (out, "\nstream\n");
      append (out, s->buf + o->stream_start, o->stream_length);
      append_literal (out, "\nendstream");
    }
  append_literal (out, "\nendobj\n");
}

/* Links the part's outline entries like cairo_pdf_surface_add_outline
 * does for a document's headings: each under the last entry of a lower
 * level, level 1 entries open. */
static gboolean
build_outline (Splitter        *s,
               const ClPdfPart *part,
               guint            part_index,
               OutlineNode     *root)
{
  int parents[4] = { -1, -1, -1, -1 };
  guint n = part->outline != NULL ? part->outline->len : 0;

  *root = (OutlineNode) { -1, -1, -1, -1, -1, 0 };
  g_array_set_size (s->nodes, n);
  for (guint i = 0; i < n; i++)
    {
      const ClDocumentOutlineEntry *e = g_ptr_array_index (part->outline, i);
      OutlineNode *node = &g_array_index (s->nodes, OutlineNode, i);
      OutlineNode *parent;

      if (e == NULL || e->level < 1 || e->level > 3 || e->page >= part->n_pages
          || !isfinite (e->y))
        {
          g_set_error (s->error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_INVALID,
                       _("Entry %u of the outline of part %u is out of range"), i + 1,
                       part_index + 1);
          return FALSE;
        }
      *node = (OutlineNode) { parents[e->level - 1], -1, -1, -1, -1, 0 };
      parent = node->parent < 0 ? root : &g_array_index (s->nodes, OutlineNode, node->parent);
      if (parent->last >= 0)
        {
          g_array_index (s->nodes, OutlineNode, parent->last).next = (int) i;
          node->prev = parent->last;
        }
      else
        parent->first = (int) i;
      parent->last = (int) i;
      for (int l = e->level; l < 4; l++)
        parents[l] = (int) i;
    }

  /* Children come after their parent: count from the end. */
  for (guint i = n; i-- > 0;)
    {
      const ClDocumentOutlineEntry *e = g_ptr_array_index (part->outline, i);
      OutlineNode *node = &g_array_index (s->nodes, OutlineNode, i);
      OutlineNode *parent = node->parent < 0 ? root
                                             : &g_array_index (s->nodes, OutlineNode,
                                                               node->parent);

      parent->visible += 1 + (e->level == 1 ? node->visible : 0);
    }
  return TRUE;
}

static void
write_outline (Splitter        *s,
               GByteArray      *out,
               const ClPdfPart *part,
               const OutlineNode *root,
               guint            outlines_number)
{
  guint n = s->nodes->len;

  begin_object (s, out, outlines_number);
  append_literal (out, "<< /Type /Outlines\n   /First ");
  append_ref (out, outlines_number + 1 + (guint) root->first);
  append_literal (out, "\n   /Last ");
  append_ref (out, outlines_number + 1 + (guint) root->last);
  append_literal (out, "\n   /Count ");
  append_uint (out, (guint) root->visible);
  append_literal (out, "\n>>\nendobj\n");

  for (guint i = 0; i < n; i++)
    {
      const ClDocumentOutlineEntry *e = g_ptr_array_index (part->outline, i);
      const OutlineNode *node = &g_array_index (s->nodes, OutlineNode, i);
      guint page = g_array_index (s->pages, guint, part->first_page + e->page);

      begin_object (s, out, outlines_number + 1 + i);
      append_literal (out, "<< /Title ");
      append_text_string (out, e->text != NULL ? e->text : "");
      append_literal (out, "\n   /Parent ");
      append_ref (out, outlines_number + (guint) (node->parent + 1));
      if (node->prev >= 0)
        {
          append_literal (out, "\n   /Prev ");
          append_ref (out, outlines_number + 1 + (guint) node->prev);
        }
      if (node->next >= 0)
        {
          append_literal (out, "\n   /Next ");
          append_ref (out, outlines_number + 1 + (guint) node->next);
        }
      if (node->first >= 0)
        {
          append_literal (out, "\n   /First ");
          append_ref (out, outlines_number + 1 + (guint) node->first);
          append_literal (out, "\n   /Last ");
          append_ref (out, outlines_number + 1 + (guint) node->last);
          append_literal (out, "\n   /Count ");
          if (e->level != 1)
            append_literal (out, "-");
          append_uint (out, (guint) node->visible);
        }
      append_literal (out, "\n   /Dest [");
      append_ref (out, s->new_numbers[page]);
      append_literal (out, " /XYZ 0 ");
      append_double (out, s->objects[page].top - e->y);
      append_literal (out, " 0]\n>>\nendobj\n");
    }
}

static void
write_xref (Splitter   *s,
            GByteArray *out,
            guint       catalog_number,
            guint       info_number)
{
  gsize start = out->len - s->part_start;

  append_literal (out, "xref\n0 ");
  append_uint (out, s->offsets->len + 1);
  append_literal (out, "\n0000000000 65535 f \n");
  for (guint i = 0; i < s->offsets->len; i++)
    {
      char entry[21];
      guint64 offset = g_array_index (s->offsets, gsize, i);

      memcpy (entry, "0000000000 00000 n \n", 21);
      for (int k = 9; k >= 0 && offset > 0; k--)
        {
          entry[k] = (char) ('0' + offset % 10);
          offset /= 10;
        }
      append (out, entry, 20);
    }
  append_literal (out, "trailer\n<< /Size ");
  append_uint (out, s->offsets->len + 1);
  append_literal (out, "\n   /Root ");
  append_ref (out, catalog_number);
  append_literal (out, "\n   /Info ");
  append_ref (out, info_number);
  append_literal (out, "\n>>\nstartxref\n");
  append_uint (out, start);
  append_literal (out, "\n%%EOF\n");
}

static void
write_info_string (GByteArray *out,
                   const char *key,
                   const char *text)
{
  if (text == NULL)
    return;
  append (out, key, strlen (key));
  append_text_string (out, text);
  append_literal (out, "\n");
}

/* About the size of the part whose objects are in s->order. */
static gsize
estimate_part (Splitter        *s,
               const ClPdfPart *part)
{
  gsize estimate = 1024 + 200 * (part->outline != NULL ? part->outline->len : 0);

  for (guint i = 0; i < s->order->len; i++)
    {
      const PdfObject *o = &s->objects[g_array_index (s->order, guint, i)];

      estimate += o->body_end - o->body_start + o->stream_length + 4 * o->n_refs + 84;
    }
  return estimate;
}

/* Appends the part whose objects are in s->order (numbered in
 * s->new_numbers) to out. */
static gboolean
write_part (Splitter        *s,
            const ClPdfPart *part,
            guint            part_index,
            GByteArray      *out)
{
  OutlineNode root;
  guint n = s->order->len;
  guint pages_number = n + 1, catalog_number = n + 2, info_number = n + 3;
  guint outlines_number = n + 4;

  if (!build_outline (s, part, part_index, &root))
    return FALSE;

  s->part_start = out->len;
  g_array_set_size (s->offsets, 0);

  append_literal (out, "%PDF-");
  append (out, s->version, 3);
  append_literal (out, "\n%\xb5\xed\xae\xfb\n");
  for (guint i = 0; i < n; i++)
    copy_object (s, out, g_array_index (s->order, guint, i), i + 1, pages_number);

  begin_object (s, out, pages_number);
  append_literal (out, "<< /Type /Pages\n   /Kids [");
  for (guint i = 0; i < part->n_pages; i++)
    {
      append_literal (out, " ");
      append_ref (out, i + 1);
    }
  append_literal (out, " ]\n   /Count ");
  append_uint (out, part->n_pages);
  append_literal (out, "\n>>\nendobj\n");

  begin_object (s, out, catalog_number);
  append_literal (out, "<< /Type /Catalog\n   /Pages ");
  append_ref (out, pages_number);
  if (s->nodes->len > 0)
    {
      append_literal (out, "\n   /Outlines ");
      append_ref (out, outlines_number);
      append_literal (out, "\n   /PageMode /UseOutlines");
    }
  append_literal (out, "\n>>\nendobj\n");

  begin_object (s, out, info_number);
  append_literal (out, "<<\n");
  if (s->producer.type != VAL_NONE)
    {
      append_literal (out, "   /Producer ");
      append (out, s->buf + s->producer.start, s->producer.end - s->producer.start);
      append_literal (out, "\n");
    }
  if (s->creator.type != VAL_NONE)
    {
      append_literal (out, "   /Creator ");
      append (out, s->buf + s->creator.start, s->creator.end - s->creator.start);
      append_literal (out, "\n");
    }
  write_info_string (out, "   /Title ", part->title);
  write_info_string (out, "   /Author ", part->author);
  write_info_string (out, "   /Subject ", part->subject);
  write_info_string (out, "   /Keywords ", part->keywords);
  if (part->created != NULL)
    {
      append_literal (out, "   /CreationDate ");
      append_date (out, part->created);
      append_literal (out, "\n   /ModDate ");
      append_date (out, part->created);
      append_literal (out, "\n");
    }
  append_literal (out, ">>\nendobj\n");

  if (s->nodes->len > 0)
    write_outline (s, out, part, &root, outlines_number);

  write_xref (s, out, catalog_number, info_number);
  return TRUE;
}

static void
splitter_clear (Splitter *s)
{
  g_free (s->objects);
  g_free (s->new_numbers);
  g_clear_pointer (&s->refs, g_array_unref);
  g_clear_pointer (&s->pages, g_array_unref);
  g_clear_pointer (&s->order, g_array_unref);
  g_clear_pointer (&s->all_orders, g_array_unref);
  g_clear_pointer (&s->stack, g_array_unref);
  g_clear_pointer (&s->offsets, g_array_unref);
  g_clear_pointer (&s->nodes, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Splitter, splitter_clear)

GPtrArray *
cl_pdf_split (GBytes           *combined,
              const ClPdfPart  *parts,
              guint             n_parts,
              GError          **error)
{
  g_auto(Splitter) s = { 0 };
  g_autoptr(GArray) ends = NULL;
  g_autoptr(GBytes) whole = NULL;
  GPtrArray *result;
  GByteArray *out;
  gsize len, estimate = 0;

  g_return_val_if_fail (combined != NULL, NULL);
  g_return_val_if_fail (parts != NULL || n_parts == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  s.buf = g_bytes_get_data (combined, &len);
  s.len = len;
  s.error = error;
  if (s.buf == NULL || s.len > SPLIT_MAX_INPUT)
    {
      malformed (&s, 0);
      return NULL;
    }

  s.refs = g_array_sized_new (FALSE, FALSE, sizeof (Ref), 1024);
  s.pages = g_array_new (FALSE, FALSE, sizeof (guint));
  s.order = g_array_new (FALSE, FALSE, sizeof (guint));
  s.all_orders = g_array_new (FALSE, FALSE, sizeof (guint));
  s.stack = g_array_new (FALSE, FALSE, sizeof (guint));
  s.offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  s.nodes = g_array_new (FALSE, FALSE, sizeof (OutlineNode));
  if (!index_file (&s))
    return NULL;

  /* Each part's objects first, then all the parts into one buffer: one
   * allocation for the batch rather than one per part, which glibc keeps
   * for the next batch instead of giving back to the system and faulting
   * in again. The parts share it. */
  for (guint i = 0; i < n_parts; i++)
    {
      const ClPdfPart *part = &parts[i];
      guint n_objects;

      if (part->n_pages == 0 || part->first_page >= s.pages->len
          || part->n_pages > s.pages->len - part->first_page)
        {
          g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_INVALID,
                       _("Part %u asks for %u pages from page %u of a PDF of %u pages"), i + 1,
                       part->n_pages, part->first_page + 1, s.pages->len);
          return NULL;
        }
      if (!collect_part (&s, part, i))
        return NULL;
      estimate += estimate_part (&s, part);
      n_objects = s.order->len;
      g_array_append_val (s.all_orders, n_objects);
      g_array_append_vals (s.all_orders, s.order->data, s.order->len);
      for (guint k = 0; k < s.order->len; k++)
        s.new_numbers[g_array_index (s.order, guint, k)] = 0;
    }

  /* A GByteArray holds less than 4 GiB. */
  if (estimate > G_MAXINT32)
    {
      g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_RENDER,
                   _("Cannot split the combined PDF: the parts would be too big"));
      return NULL;
    }
  out = g_byte_array_sized_new ((guint) estimate);
  ends = g_array_sized_new (FALSE, FALSE, sizeof (gsize), n_parts);
  for (guint i = 0, at = 0; i < n_parts; i++)
    {
      guint n = g_array_index (s.all_orders, guint, at);
      gboolean ok;
      gsize end;

      g_array_set_size (s.order, 0);
      g_array_append_vals (s.order, &g_array_index (s.all_orders, guint, at + 1), n);
      at += 1 + n;
      for (guint k = 0; k < n; k++)
        s.new_numbers[g_array_index (s.order, guint, k)] = k + 1;
      ok = write_part (&s, &parts[i], i, out);
      for (guint k = 0; k < n; k++)
        s.new_numbers[g_array_index (s.order, guint, k)] = 0;
      if (!ok)
        {
          g_byte_array_unref (out);
          return NULL;
        }
      end = out->len;
      g_array_append_val (ends, end);
    }

  whole = g_byte_array_free_to_bytes (out);
  result = g_ptr_array_new_full (n_parts, (GDestroyNotify) g_bytes_unref);
  for (guint i = 0; i < n_parts; i++)
    {
      gsize start = i == 0 ? 0 : g_array_index (ends, gsize, i - 1);

      g_ptr_array_add (result, g_bytes_new_from_bytes (whole, start,
                                                       g_array_index (ends, gsize, i) - start));
    }
  return result;
}
