/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Folds text for matching: lower case, accents removed ("Siân Ó Dálaigh" →
 * "sian o dalaigh"), so that a search typed without accents still finds the
 * name. The same fold must be applied to the haystack and the needle. */
char *cl_text_fold (const char *text);

G_END_DECLS
