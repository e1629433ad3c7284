/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for cl_pdf_split, which reads back the PDFs cairo
 * writes for a batch of letters. It only ever sees the program's own
 * output, but it claims never to trust its input: every input is split
 * into one, two and three single-page parts (with an outline entry on
 * the first), and must give parts or an error, never a crash. */
#include "config.h"

#include "documents/cl-pdf-split.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GPtrArray) outline = g_ptr_array_new ();
  g_autoptr(GDateTime) created = g_date_time_new_utc (2026, 3, 20, 10, 30, 0);
  ClDocumentOutlineEntry heading = { 1, (char *) "Concern about attendance", 0, 120.5 };
  ClPdfPart parts[3] = {
    { 0, 1, "Letter one", "An officer", NULL, NULL, created, outline },
    { 1, 1, "Letter two", NULL, "Subject", "keywords", NULL, NULL },
    { 2, 1, NULL, NULL, NULL, NULL, NULL, NULL },
  };

  g_ptr_array_add (outline, &heading);
  for (guint n = 1; n <= G_N_ELEMENTS (parts); n++)
    {
      GPtrArray *split = cl_pdf_split (bytes, parts, n, NULL);

      if (split != NULL)
        g_ptr_array_unref (split);
    }
  return 0;
}
