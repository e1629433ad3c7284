/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Folds text for matching: lower case, accents removed ("Siân Ó Dálaigh" →
 * "sian o dalaigh"), so that a search typed without accents still finds the
 * name. The same fold must be applied to the haystack and the needle. */
char     *cl_text_fold          (const char         *text);

/* The words of a search as typed: folded, split on spaces, tabs and commas,
 * empty ones dropped. Never NULL; an empty vector for a blank search. */
GStrv     cl_text_search_words  (const char         *query);
/* Whether every word occurs in key (already folded); TRUE for no words. */
gboolean  cl_text_matches_words (const char         *key,
                                 const char * const *words);

G_END_DECLS
