/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "documents/cl-letter-template.h"
#include "store/cl-database.h"

G_BEGIN_DECLS

/* Letter templates in the database (table letter_template). The first use
 * on a database seeds the built-in set from the resources (data/templates);
 * a built-in template the user deleted is not brought back, but
 * cl_template_repository_reset restores the shipped wording of one.
 * Saves and deletes are audited. */
#define CL_TYPE_TEMPLATE_REPOSITORY (cl_template_repository_get_type ())
G_DECLARE_FINAL_TYPE (ClTemplateRepository, cl_template_repository, CL, TEMPLATE_REPOSITORY, GObject)

ClTemplateRepository *cl_template_repository_new         (ClDatabase            *db);
/* ClLetterTemplate items sorted by title. */
GListModel           *cl_template_repository_list        (ClTemplateRepository  *self,
                                                          GError               **error);
/* NULL with CL_DOCUMENTS_ERROR_NOT_FOUND. */
ClLetterTemplate     *cl_template_repository_get         (ClTemplateRepository  *self,
                                                          const char            *name,
                                                          GError               **error);
/* Validates (refusing unknown placeholders: the message names each one and
 * its line), then inserts or replaces the template of that name and sets
 * its updated-at. */
gboolean              cl_template_repository_save        (ClTemplateRepository  *self,
                                                          ClLetterTemplate      *tmpl,
                                                          GError               **error);
gboolean              cl_template_repository_delete      (ClTemplateRepository  *self,
                                                          const char            *name,
                                                          GError               **error);
/* Puts back the shipped wording of a built-in template. */
gboolean              cl_template_repository_reset       (ClTemplateRepository  *self,
                                                          const char            *name,
                                                          GError               **error);
/* Reads a template file (cl_letter_template_parse: problems as FILE:LINE:
 * message) and saves it. Returns the saved template. */
ClLetterTemplate     *cl_template_repository_import_file (ClTemplateRepository  *self,
                                                          const char            *path,
                                                          GError               **error);
gboolean              cl_template_repository_export_file (ClTemplateRepository  *self,
                                                          const char            *name,
                                                          const char            *path,
                                                          GError               **error);

/* The shipped templates, parsed from the resources (ClLetterTemplate). */
GPtrArray            *cl_template_repository_built_ins   (GError               **error);

G_END_DECLS
