/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-documents"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "documents/cl-documents-error.h"
#include "documents/cl-letter-template.h"
#include "documents/cl-placeholders.h"

/* --- placeholders in text ------------------------------------------------------- */

void
cl_template_problem_free (ClTemplateProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->placeholder);
  g_free (problem->message);
  g_free (problem);
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '.' || c == '-';
}

/* At p == '{' (not "{{"): the length of the name and TRUE when a closing
 * brace follows it. */
static gboolean
scan_placeholder (const char *p,
                  gsize      *out_len)
{
  const char *q = p + 1;

  while (is_name_char (*q))
    q++;
  *out_len = (gsize) (q - p - 1);
  return *q == '}' && q > p + 1;
}

static void
add_problem (GPtrArray  *problems,
             guint       line,
             guint       column,
             const char *name,
             char       *message)
{
  ClTemplateProblem *problem = g_new0 (ClTemplateProblem, 1);

  problem->line = line;
  problem->column = column;
  problem->placeholder = g_strdup (name);
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

GPtrArray *
cl_template_find_problems (const char *text)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_template_problem_free);
  guint line = 1, column = 1;

  g_return_val_if_fail (text != NULL, problems);

  for (const char *p = text; *p != '\0';)
    {
      if (*p == '\n')
        {
          line++;
          column = 1;
          p++;
          continue;
        }
      if (*p == '{')
        {
          gsize len;

          if (p[1] == '{')
            {
              p += 2;
              column += 2;
              continue;
            }
          if (scan_placeholder (p, &len))
            {
              g_autofree char *name = g_strndup (p + 1, len);

              if (cl_placeholder_lookup (name) == NULL)
                add_problem (problems, line, column, name,
                             g_strdup_printf (_("unknown placeholder {%s}"), name));
              p += len + 2;
              column += (guint) len + 2;
              continue;
            }
          add_problem (problems, line, column, NULL,
                       g_strdup (_("“{” opens no placeholder (write {{ for a brace)")));
        }
      if (((guchar) *p & 0xc0) != 0x80)
        column++;
      p++;
    }
  return problems;
}

static void
append_text (GString    *out,
             const char *text,
             gsize       len,
             gboolean    markup)
{
  if (len == 0)
    return;
  if (markup)
    {
      g_autofree char *escaped = g_markup_escape_text (text, (gssize) len);
      g_string_append (out, escaped);
    }
  else
    g_string_append_len (out, text, (gssize) len);
}

char *
cl_template_expand (const char *text,
                    GHashTable *values,
                    gboolean    markup,
                    GPtrArray  *missing)
{
  GString *out;
  const char *run;
  gboolean bold = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text) + 64);
  run = text;
  for (const char *p = text; *p != '\0';)
    {
      if (*p == '{')
        {
          gsize len;

          append_text (out, run, (gsize) (p - run), markup);
          if (p[1] == '{')
            {
              g_string_append_c (out, '{');
              p += 2;
            }
          else if (scan_placeholder (p, &len))
            {
              g_autofree char *name = g_strndup (p + 1, len);
              const char *value = values != NULL ? g_hash_table_lookup (values, name) : NULL;

              if (value == NULL || *value == '\0')
                {
                  value = CL_PLACEHOLDER_BLANK;
                  if (missing != NULL
                      && !g_ptr_array_find_with_equal_func (missing, name, g_str_equal, NULL))
                    g_ptr_array_add (missing, g_strdup (name));
                }
              append_text (out, value, strlen (value), markup);
              p += len + 2;
            }
          else
            {
              g_string_append_c (out, '{');
              p++;
            }
          run = p;
          continue;
        }
      if (markup && p[0] == '*' && p[1] == '*')
        {
          append_text (out, run, (gsize) (p - run), markup);
          g_string_append (out, bold ? "</b>" : "<b>");
          bold = !bold;
          p += 2;
          run = p;
          continue;
        }
      p++;
    }
  append_text (out, run, strlen (run), markup);
  if (bold)
    g_string_append (out, "</b>");
  return g_string_free (out, FALSE);
}

/* --- the class ------------------------------------------------------------------- */

struct _ClLetterTemplate
{
  GObject   parent_instance;
  char     *name;
  char     *title;
  char     *kind;
  char     *language;
  char     *description;
  char     *body;
  gboolean  built_in;
  char     *updated_at;
};

G_DEFINE_FINAL_TYPE (ClLetterTemplate, cl_letter_template, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_TITLE,
  PROP_KIND,
  PROP_LANGUAGE,
  PROP_DESCRIPTION,
  PROP_BODY,
  PROP_BUILT_IN,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
string_field (ClLetterTemplate *self,
              guint             prop_id)
{
  switch (prop_id)
    {
    case PROP_NAME:
      return &self->name;
    case PROP_TITLE:
      return &self->title;
    case PROP_KIND:
      return &self->kind;
    case PROP_LANGUAGE:
      return &self->language;
    case PROP_DESCRIPTION:
      return &self->description;
    case PROP_BODY:
      return &self->body;
    case PROP_UPDATED_AT:
      return &self->updated_at;
    default:
      return NULL;
    }
}

static void
set_string (ClLetterTemplate *self,
            guint             prop_id,
            const char       *value)
{
  char **field = string_field (self, prop_id);

  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
cl_letter_template_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ClLetterTemplate *self = CL_LETTER_TEMPLATE (object);

  if (prop_id == PROP_BUILT_IN)
    g_value_set_boolean (value, self->built_in);
  else if (string_field (self, prop_id) != NULL)
    g_value_set_string (value, *string_field (self, prop_id));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cl_letter_template_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ClLetterTemplate *self = CL_LETTER_TEMPLATE (object);

  if (prop_id == PROP_BUILT_IN)
    cl_letter_template_set_built_in (self, g_value_get_boolean (value));
  else if (string_field (self, prop_id) != NULL)
    set_string (self, prop_id, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cl_letter_template_finalize (GObject *object)
{
  ClLetterTemplate *self = CL_LETTER_TEMPLATE (object);

  g_free (self->name);
  g_free (self->title);
  g_free (self->kind);
  g_free (self->language);
  g_free (self->description);
  g_free (self->body);
  g_free (self->updated_at);

  G_OBJECT_CLASS (cl_letter_template_parent_class)->finalize (object);
}

static GParamSpec *
string_pspec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
cl_letter_template_class_init (ClLetterTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_letter_template_finalize;
  object_class->get_property = cl_letter_template_get_property;
  object_class->set_property = cl_letter_template_set_property;

  properties[PROP_NAME] = string_pspec ("name");
  properties[PROP_TITLE] = string_pspec ("title");
  properties[PROP_KIND] = string_pspec ("kind");
  properties[PROP_LANGUAGE] = string_pspec ("language");
  properties[PROP_DESCRIPTION] = string_pspec ("description");
  properties[PROP_BODY] = string_pspec ("body");
  properties[PROP_UPDATED_AT] = string_pspec ("updated-at");
  properties[PROP_BUILT_IN] =
    g_param_spec_boolean ("built-in", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_letter_template_init (ClLetterTemplate *self)
{
  self->title = g_strdup ("");
  self->kind = g_strdup ("letter");
  self->language = g_strdup ("en");
  self->description = g_strdup ("");
  self->body = g_strdup ("");
}

ClLetterTemplate *
cl_letter_template_new (const char *name)
{
  return g_object_new (CL_TYPE_LETTER_TEMPLATE, "name", name, NULL);
}

ClLetterTemplate *
cl_letter_template_copy (ClLetterTemplate *self)
{
  g_return_val_if_fail (CL_IS_LETTER_TEMPLATE (self), NULL);

  return g_object_new (CL_TYPE_LETTER_TEMPLATE,
                       "name", self->name,
                       "title", self->title,
                       "kind", self->kind,
                       "language", self->language,
                       "description", self->description,
                       "body", self->body,
                       "built-in", self->built_in,
                       "updated-at", self->updated_at,
                       NULL);
}

#define STRING_ACCESSORS(field, PROP)                                        \
  const char *                                                               \
  cl_letter_template_get_##field (ClLetterTemplate *self)                    \
  {                                                                          \
    g_return_val_if_fail (CL_IS_LETTER_TEMPLATE (self), NULL);               \
    return self->field;                                                      \
  }                                                                          \
  void                                                                       \
  cl_letter_template_set_##field (ClLetterTemplate *self,                    \
                                  const char       *value)                   \
  {                                                                          \
    g_return_if_fail (CL_IS_LETTER_TEMPLATE (self));                         \
    set_string (self, PROP, value);                                          \
  }

STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (title, PROP_TITLE)
STRING_ACCESSORS (kind, PROP_KIND)
STRING_ACCESSORS (language, PROP_LANGUAGE)
STRING_ACCESSORS (description, PROP_DESCRIPTION)
STRING_ACCESSORS (body, PROP_BODY)
STRING_ACCESSORS (updated_at, PROP_UPDATED_AT)

gboolean
cl_letter_template_get_built_in (ClLetterTemplate *self)
{
  g_return_val_if_fail (CL_IS_LETTER_TEMPLATE (self), FALSE);
  return self->built_in;
}

void
cl_letter_template_set_built_in (ClLetterTemplate *self,
                                 gboolean          built_in)
{
  g_return_if_fail (CL_IS_LETTER_TEMPLATE (self));

  built_in = !!built_in;
  if (self->built_in == built_in)
    return;
  self->built_in = built_in;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUILT_IN]);
}

/* --- validation ------------------------------------------------------------------ */

static gboolean
valid_name (const char *name)
{
  if (name == NULL || *name == '\0' || strlen (name) > 64)
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      return FALSE;
  return TRUE;
}

static gboolean
one_of (const char         *value,
        const char * const *allowed)
{
  return value != NULL && g_strv_contains (allowed, value);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static const char *const kinds[] = { "letter", "card", "notice", NULL };
static const char *const languages[] = { "en", "cy", "bilingual", NULL };

/* Field problems (not placeholders) as a message, or NULL. */
static char *
field_problem (ClLetterTemplate *self)
{
  if (!valid_name (self->name))
    return g_strdup_printf (_("The template name “%s” must be lower-case letters, digits and "
                              "hyphens (at most 64)"),
                            self->name != NULL ? self->name : "");
  if (is_blank (self->title))
    return g_strdup (_("The template needs a title"));
  if (!one_of (self->kind, kinds))
    return g_strdup_printf (_("The kind “%s” is not letter, card or notice"), self->kind);
  if (!one_of (self->language, languages))
    return g_strdup_printf (_("The language “%s” is not en, cy or bilingual"), self->language);
  return NULL;
}

/* Appends "PREFIXLINE: message" lines for every placeholder problem of text,
 * numbering lines from first_line. Returns the number found. */
static guint
append_problems (GString    *out,
                 const char *text,
                 const char *prefix,
                 guint       first_line,
                 gboolean    title)
{
  g_autoptr(GPtrArray) problems = cl_template_find_problems (text != NULL ? text : "");

  for (guint i = 0; i < problems->len; i++)
    {
      ClTemplateProblem *p = g_ptr_array_index (problems, i);

      if (out->len > 0)
        g_string_append_c (out, '\n');
      if (prefix != NULL)
        g_string_append_printf (out, "%s:%u: %s", prefix, first_line + p->line - 1, p->message);
      else if (title)
        g_string_append_printf (out, _("title: %s"), p->message);
      else
        g_string_append_printf (out, _("line %u: %s"), first_line + p->line - 1, p->message);
    }
  return problems->len;
}

gboolean
cl_letter_template_validate (ClLetterTemplate  *self,
                             GError           **error)
{
  g_autofree char *problem = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (CL_IS_LETTER_TEMPLATE (self), FALSE);

  problem = field_problem (self);
  if (problem != NULL)
    {
      g_set_error_literal (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_INVALID, problem);
      return FALSE;
    }
  append_problems (out, self->title, NULL, 1, TRUE);
  append_problems (out, self->body, NULL, 1, FALSE);
  if (out->len > 0)
    {
      g_set_error_literal (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_UNKNOWN_PLACEHOLDER,
                           out->str);
      return FALSE;
    }
  return TRUE;
}

/* --- the file form ----------------------------------------------------------------- */

ClLetterTemplate *
cl_letter_template_parse (const char  *contents,
                          const char  *filename,
                          GError     **error)
{
  g_autoptr(ClLetterTemplate) self = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  const char *file = filename != NULL ? filename : "template";
  guint title_line = 0, body_line = 0, i;
  g_autofree char *problem = NULL;

  g_return_val_if_fail (contents != NULL, NULL);

  if (!g_utf8_validate (contents, -1, NULL))
    {
      g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_TEMPLATE_SYNTAX,
                   _("%s:1: the file is not UTF-8 text"), file);
      return NULL;
    }
  self = cl_letter_template_new (NULL);
  lines = g_strsplit (contents, "\n", -1);
  for (i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      char *colon;
      g_autofree char *key = NULL;
      const char *value;

      g_strchomp (line);   /* also drops the \r of CRLF files */
      if (strcmp (line, "---") == 0)
        {
          body_line = i + 2;
          break;
        }
      if (*line == '\0' || *line == '#')
        continue;
      colon = strchr (line, ':');
      if (colon == NULL)
        {
          g_string_append_printf (problems, "%s%s:%u: %s", problems->len > 0 ? "\n" : "", file,
                                  i + 1,
                                  _("expected “Key: value” or the “---” line before the body"));
          continue;
        }
      key = g_ascii_strdown (line, colon - line);
      g_strstrip (key);
      value = colon + 1;
      while (*value == ' ' || *value == '\t')
        value++;
      if (strcmp (key, "name") == 0)
        cl_letter_template_set_name (self, value);
      else if (strcmp (key, "title") == 0)
        {
          cl_letter_template_set_title (self, value);
          title_line = i + 1;
        }
      else if (strcmp (key, "kind") == 0)
        cl_letter_template_set_kind (self, value);
      else if (strcmp (key, "language") == 0)
        cl_letter_template_set_language (self, value);
      else if (strcmp (key, "description") == 0)
        cl_letter_template_set_description (self, value);
      else
        g_string_append_printf (problems, "%s%s:%u: %s “%s”", problems->len > 0 ? "\n" : "",
                                file, i + 1, _("unknown header"), key);
    }
  if (body_line == 0)
    {
      g_string_append_printf (problems, "%s%s:%u: %s", problems->len > 0 ? "\n" : "", file, i + 1,
                              _("no “---” line: the body must follow the header after a line "
                                "of three hyphens"));
      g_set_error_literal (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_TEMPLATE_SYNTAX,
                           problems->str);
      return NULL;
    }
  {
    /* The body: everything after the --- line, as it was (line ends normalised). */
    g_autofree char *body = g_strjoinv ("\n", lines + body_line - 1);
    gsize len = strlen (body);

    while (len > 0 && body[len - 1] == '\n')
      body[--len] = '\0';
    cl_letter_template_set_body (self, body);
  }
  if (problems->len > 0)
    {
      g_set_error_literal (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_TEMPLATE_SYNTAX,
                           problems->str);
      return NULL;
    }
  problem = field_problem (self);
  if (problem != NULL)
    {
      g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_INVALID, "%s:%u: %s", file,
                   title_line > 0 ? title_line : 1, problem);
      return NULL;
    }
  append_problems (problems, self->title, file, title_line, FALSE);
  append_problems (problems, self->body, file, body_line, FALSE);
  if (problems->len > 0)
    {
      g_set_error_literal (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_UNKNOWN_PLACEHOLDER,
                           problems->str);
      return NULL;
    }
  return g_steal_pointer (&self);
}

char *
cl_letter_template_serialize (ClLetterTemplate *self)
{
  GString *out;

  g_return_val_if_fail (CL_IS_LETTER_TEMPLATE (self), NULL);

  out = g_string_new (NULL);
  g_string_append_printf (out, "Name: %s\n", self->name != NULL ? self->name : "");
  g_string_append_printf (out, "Title: %s\n", self->title);
  g_string_append_printf (out, "Kind: %s\n", self->kind);
  g_string_append_printf (out, "Language: %s\n", self->language);
  if (self->description != NULL && *self->description != '\0')
    g_string_append_printf (out, "Description: %s\n", self->description);
  g_string_append (out, "---\n");
  g_string_append (out, self->body);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}
