/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-text"

#include "config.h"

#include <string.h>

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

GStrv
cl_text_search_words (const char *query)
{
  g_autofree char *folded = cl_text_fold (query);
  g_auto(GStrv) split = g_strsplit_set (folded, " \t,", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (char **w = split; *w != NULL; w++)
    if (**w != '\0')
      g_strv_builder_add (builder, *w);
  return g_strv_builder_end (builder);
}

gboolean
cl_text_matches_words (const char         *key,
                       const char * const *words)
{
  for (const char * const *w = words; *w != NULL; w++)
    if (strstr (key, *w) == NULL)
      return FALSE;
  return TRUE;
}
