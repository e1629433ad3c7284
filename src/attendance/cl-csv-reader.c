/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-csv-reader"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>

#include "attendance/cl-csv-reader.h"
#include "attendance/cl-import-error.h"

G_DEFINE_QUARK (cl-import-error-quark, cl_import_error)

#define BLOCK_SIZE (1 << 20)

struct _ClCsvReader
{
  int          fd;          /* -1 when reading from memory */
  char        *block;       /* owned, when reading a file */
  const char  *data;        /* current block */
  gsize        len;         /* bytes valid in data */
  gsize        pos;         /* next byte to read in data */
  gboolean     eof;
  guint64      consumed;    /* bytes of previous blocks */
  guint64      size;

  guint64      line;        /* current physical line, 1-based */
  guint64      row_line;    /* line the current row began on */
  gboolean     started;     /* BOM check done */

  GString     *text;        /* the current row's field texts, NUL-separated */
  GArray      *starts;      /* offsets of each field in text */
};

static ClCsvReader *
reader_new (void)
{
  ClCsvReader *self = g_new0 (ClCsvReader, 1);

  self->fd = -1;
  self->line = 1;
  self->text = g_string_sized_new (256);
  self->starts = g_array_sized_new (FALSE, FALSE, sizeof (gsize), 16);
  return self;
}

ClCsvReader *
cl_csv_reader_new_for_path (const char  *path,
                            GError     **error)
{
  ClCsvReader *self;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not open “%s”: %s"), path, g_strerror (saved));
      return NULL;
    }
  self = reader_new ();
  self->fd = fd;
  self->block = g_malloc (BLOCK_SIZE);
  self->data = self->block;
  if (fstat (fd, &st) == 0)
    self->size = st.st_size;
#ifdef POSIX_FADV_SEQUENTIAL
  posix_fadvise (fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
  return self;
}

ClCsvReader *
cl_csv_reader_new_for_data (const char *data,
                            gsize       length)
{
  ClCsvReader *self = reader_new ();

  self->data = data;
  self->len = length;
  self->size = length;
  self->eof = TRUE;
  return self;
}

void
cl_csv_reader_free (ClCsvReader *self)
{
  if (self == NULL)
    return;
  if (self->fd >= 0)
    close (self->fd);
  g_free (self->block);
  g_string_free (self->text, TRUE);
  g_array_unref (self->starts);
  g_free (self);
}

/* Refills the block; FALSE at the end of input or on a read error. */
static gboolean
refill (ClCsvReader  *self,
        GError      **error)
{
  gssize n;

  if (self->eof)
    return FALSE;
  self->consumed += self->len;
  self->pos = 0;
  self->len = 0;
  do
    n = read (self->fd, self->block, BLOCK_SIZE);
  while (n < 0 && errno == EINTR);
  if (n < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not read the file: %s"), g_strerror (saved));
      self->eof = TRUE;
      return FALSE;
    }
  if (n == 0)
    {
      self->eof = TRUE;
      return FALSE;
    }
  self->len = n;
  return TRUE;
}

/* Returns the next byte, or -1 at the end (or on error, with error set). */
static inline int
next_byte (ClCsvReader  *self,
           GError      **error)
{
  if (G_UNLIKELY (self->pos >= self->len) && !refill (self, error))
    return -1;
  return (guchar) self->data[self->pos++];
}

static inline int
peek_byte (ClCsvReader *self,
           GError     **error)
{
  if (G_UNLIKELY (self->pos >= self->len) && !refill (self, error))
    return -1;
  return (guchar) self->data[self->pos];
}

static void
end_field (ClCsvReader *self)
{
  g_string_append_c (self->text, '\0');
}

static void
begin_field (ClCsvReader *self)
{
  gsize start = self->text->len;
  g_array_append_val (self->starts, start);
}

static gboolean
check_utf8 (ClCsvReader  *self,
            GError      **error)
{
  /* Fields are NUL-separated in text, and g_utf8_validate refuses NULs:
   * check each field on its own. Plain ASCII rows (the usual case) pass the
   * first test without a second look. */
  for (guint field = 0; field < self->starts->len; field++)
    {
      gsize len;
      const char *text = cl_csv_reader_get_field (self, field, &len);
      gboolean ascii = TRUE;

      for (gsize i = 0; i < len; i++)
        if ((guchar) text[i] >= 0x80)
          {
            ascii = FALSE;
            break;
          }
      if (!ascii && !g_utf8_validate_len (text, len, NULL))
        {
          g_set_error (error, CL_IMPORT_ERROR, CL_IMPORT_ERROR_INVALID,
                       _("%" G_GUINT64_FORMAT ": field %u is not valid UTF-8 text (the file may "
                         "be in another encoding; save it as UTF-8)"),
                       self->row_line, field + 1);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
cl_csv_reader_next_row (ClCsvReader  *self,
                        GError      **error)
{
  GError *local_error = NULL;
  int c;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!self->started)
    {
      self->started = TRUE;
      /* Skip a UTF-8 byte-order mark. */
      if (peek_byte (self, &local_error) == 0xEF)
        {
          if (self->len - self->pos >= 3 && memcmp (self->data + self->pos, "\xEF\xBB\xBF", 3) == 0)
            self->pos += 3;
        }
    }

  for (;;)
    {
      g_string_truncate (self->text, 0);
      g_array_set_size (self->starts, 0);
      self->row_line = self->line;

      c = peek_byte (self, &local_error);
      if (c < 0)
        goto out;
      /* Skip blank lines. */
      if (c == '\n' || c == '\r')
        {
          next_byte (self, &local_error);
          if (c == '\r' && peek_byte (self, &local_error) == '\n')
            next_byte (self, &local_error);
          self->line++;
          continue;
        }

      begin_field (self);
      for (;;)
        {
          c = next_byte (self, &local_error);
          if (c < 0)
            {
              if (local_error != NULL)
                goto out;
              end_field (self);
              return check_utf8 (self, error);
            }
          if (c == ',')
            {
              end_field (self);
              begin_field (self);
            }
          else if (c == '\n' || c == '\r')
            {
              if (c == '\r' && peek_byte (self, &local_error) == '\n')
                next_byte (self, &local_error);
              self->line++;
              end_field (self);
              return check_utf8 (self, error);
            }
          else if (c == '"' && self->text->len == g_array_index (self->starts, gsize,
                                                                  self->starts->len - 1))
            {
              /* A quoted field: read to the closing quote. */
              guint64 quote_line = self->line;
              for (;;)
                {
                  c = next_byte (self, &local_error);
                  if (c < 0)
                    {
                      if (local_error == NULL)
                        g_set_error (&local_error, CL_IMPORT_ERROR, CL_IMPORT_ERROR_PARSE,
                                     _("%" G_GUINT64_FORMAT ": a quoted field is never closed "
                                       "(a \" is missing)"),
                                     quote_line);
                      goto out;
                    }
                  if (c == '"')
                    {
                      if (peek_byte (self, &local_error) == '"')
                        {
                          next_byte (self, &local_error);
                          g_string_append_c (self->text, '"');
                          continue;
                        }
                      break;
                    }
                  if (c == '\n')
                    self->line++;
                  else if (c == '\r')
                    {
                      if (peek_byte (self, &local_error) != '\n')
                        self->line++;
                    }
                  if (c == '\0')
                    {
                      g_set_error (&local_error, CL_IMPORT_ERROR, CL_IMPORT_ERROR_PARSE,
                                   _("%" G_GUINT64_FORMAT ": the file contains a NUL byte; it "
                                     "is not a text file"),
                                   self->line);
                      goto out;
                    }
                  g_string_append_c (self->text, c);
                }
              /* After the closing quote only a separator or line end may come. */
              c = peek_byte (self, &local_error);
              if (c >= 0 && c != ',' && c != '\n' && c != '\r')
                {
                  g_set_error (&local_error, CL_IMPORT_ERROR, CL_IMPORT_ERROR_PARSE,
                               _("%" G_GUINT64_FORMAT ": text follows a closing quote in field %u"),
                               self->line, self->starts->len);
                  goto out;
                }
            }
          else if (c == '\0')
            {
              g_set_error (&local_error, CL_IMPORT_ERROR, CL_IMPORT_ERROR_PARSE,
                           _("%" G_GUINT64_FORMAT ": the file contains a NUL byte; it is not a "
                             "text file"),
                           self->line);
              goto out;
            }
          else
            {
              /* Plain text: take the run up to the next special byte in one go. */
              const char *start = self->data + self->pos - 1;
              const char *end = self->data + self->len;
              const char *p = start + 1;

              while (p < end && *p != ',' && *p != '\n' && *p != '\r' && *p != '"' && *p != '\0')
                p++;
              g_string_append_len (self->text, start, p - start);
              self->pos += (gsize) (p - start) - 1;
            }
        }
    }

out:
  g_string_truncate (self->text, 0);
  g_array_set_size (self->starts, 0);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return FALSE;
}

guint
cl_csv_reader_get_n_fields (ClCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->starts->len;
}

const char *
cl_csv_reader_get_field (ClCsvReader *self,
                         guint        index,
                         gsize       *length)
{
  gsize start, end;

  g_return_val_if_fail (self != NULL, NULL);

  if (index >= self->starts->len)
    {
      if (length != NULL)
        *length = 0;
      return "";
    }
  start = g_array_index (self->starts, gsize, index);
  end = index + 1 < self->starts->len ? g_array_index (self->starts, gsize, index + 1) - 1
                                      : self->text->len - 1;
  if (length != NULL)
    *length = end - start;
  return self->text->str + start;
}

guint64
cl_csv_reader_get_line (ClCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->row_line;
}

guint64
cl_csv_reader_get_offset (ClCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->fd >= 0 ? self->consumed + self->pos : self->pos;
}

guint64
cl_csv_reader_get_size (ClCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->size;
}
