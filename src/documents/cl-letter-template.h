/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Letter wording with {placeholders} (cl-placeholders.h).
 *
 * The body is plain text, written the way a letter reads:
 *   - a blank line separates paragraphs; a line break inside a paragraph
 *     is kept;
 *   - "# Heading" and "## Heading" on a line of their own are headings (and
 *     PDF outline entries), e.g. the English and Welsh halves of a
 *     bilingual letter;
 *   - lines starting "- " are bullet points;
 *   - **text** is bold;
 *   - [signature], [attendance] and [page-break] on a line of their own
 *     place the signature, a table of the attendance figures and a new page;
 *   - {{ writes a literal brace.
 * A template whose title or body names a placeholder that does not exist,
 * or has a brace that opens no placeholder, is refused when saved. */

typedef struct
{
  guint  line;         /* from 1, within the text checked */
  guint  column;       /* from 1, in characters */
  char  *placeholder;  /* the unknown name, or NULL for a stray brace */
  char  *message;      /* translated, without the line number */
} ClTemplateProblem;

void       cl_template_problem_free  (ClTemplateProblem *problem);

/* Every problem in text, in order (an empty array when it is clean). */
GPtrArray *cl_template_find_problems (const char        *text);

/* Replaces the placeholders of text from values (name → value). A missing or
 * empty value becomes CL_PLACEHOLDER_BLANK and its name is added to missing
 * (when given, once per name). With markup TRUE the result is Pango markup:
 * text and values escaped, **bold** as <b>; else plain text. */
char      *cl_template_expand        (const char        *text,
                                      GHashTable        *values,
                                      gboolean           markup,
                                      GPtrArray         *missing);

#define CL_TYPE_LETTER_TEMPLATE (cl_letter_template_get_type ())
G_DECLARE_FINAL_TYPE (ClLetterTemplate, cl_letter_template, CL, LETTER_TEMPLATE, GObject)

ClLetterTemplate *cl_letter_template_new             (const char        *name);
ClLetterTemplate *cl_letter_template_copy            (ClLetterTemplate  *self);

/* A short identifier: lower-case letters, digits and hyphens. */
const char       *cl_letter_template_get_name        (ClLetterTemplate  *self);
void              cl_letter_template_set_name        (ClLetterTemplate  *self,
                                                      const char        *name);
/* The letter's subject line, may hold placeholders. */
const char       *cl_letter_template_get_title       (ClLetterTemplate  *self);
void              cl_letter_template_set_title       (ClLetterTemplate  *self,
                                                      const char        *title);
/* "letter", "card" (an A5 home-visit card) or "notice". */
const char       *cl_letter_template_get_kind        (ClLetterTemplate  *self);
void              cl_letter_template_set_kind        (ClLetterTemplate  *self,
                                                      const char        *kind);
/* "en", "cy" or "bilingual". */
const char       *cl_letter_template_get_language    (ClLetterTemplate  *self);
void              cl_letter_template_set_language    (ClLetterTemplate  *self,
                                                      const char        *language);
const char       *cl_letter_template_get_description (ClLetterTemplate  *self);
void              cl_letter_template_set_description (ClLetterTemplate  *self,
                                                      const char        *description);
const char       *cl_letter_template_get_body        (ClLetterTemplate  *self);
void              cl_letter_template_set_body        (ClLetterTemplate  *self,
                                                      const char        *body);
/* Seeded from data/templates (and so can be reset to the shipped text). */
gboolean          cl_letter_template_get_built_in    (ClLetterTemplate  *self);
void              cl_letter_template_set_built_in    (ClLetterTemplate  *self,
                                                      gboolean           built_in);
/* UTC timestamp of the last save, NULL before. */
const char       *cl_letter_template_get_updated_at  (ClLetterTemplate  *self);
void              cl_letter_template_set_updated_at  (ClLetterTemplate  *self,
                                                      const char        *updated_at);

/* Checks every field. Placeholder problems are
 * CL_DOCUMENTS_ERROR_UNKNOWN_PLACEHOLDER with one line per problem:
 * "line 4: unknown placeholder {pupil.nmae}" ("title: …" for the title). */
gboolean          cl_letter_template_validate        (ClLetterTemplate  *self,
                                                      GError           **error);

/* The file form, for import and export:
 *
 *   # comment
 *   Name: attendance-concern
 *   Title: Concern about {pupil.forename}’s attendance
 *   Kind: letter
 *   Language: en
 *   Description: First letter when attendance falls below 90 %
 *   ---
 *   Dear {guardian.title} {guardian.surname},
 *   …
 *
 * Parsing validates the result; problems are reported as
 * "FILE:LINE: message", one per line, with the file's own line numbers. */
ClLetterTemplate *cl_letter_template_parse           (const char        *contents,
                                                      const char        *filename,
                                                      GError           **error);
char             *cl_letter_template_serialize       (ClLetterTemplate  *self);

G_END_DECLS
