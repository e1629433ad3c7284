/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pdf-reader.h"

PopplerDocument *
open_pdf (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (bytes, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

PopplerDocument *
open_pdf_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  return open_pdf (bytes);
}

char *
page_text (PopplerDocument *doc,
           int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (doc, index);

  g_assert_nonnull (page);
  return poppler_page_get_text (page);
}

char *
all_text (PopplerDocument *doc)
{
  GString *out = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autofree char *text = page_text (doc, i);
      g_string_append (out, text);
      g_string_append_c (out, '\f');
    }
  return g_string_free (out, FALSE);
}
