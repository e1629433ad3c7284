/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-text"

#include "config.h"

#include "store/cl-text.h"

char *
cl_text_fold (const char *text)
{
  g_autofree char *ascii = NULL;

  if (text == NULL)
    return g_strdup ("");
  /* g_str_to_ascii transliterates in the C locale: accents are dropped and
   * characters with no ASCII form become '?'. */
  ascii = g_str_to_ascii (text, "C");
  return g_ascii_strdown (ascii, -1);
}
