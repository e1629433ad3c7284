/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Runs the built caseload-cli (its path in CASELOAD_CLI, set by meson) and
 * keeps what a script would see: exit status, stdout and stderr. Shared by
 * the cli suite's test programs. */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

void        result_clear  (Result             *r);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

const char *cli_path      (void);
/* caseload-cli ARGS… (args NULL-terminated); clears r first. */
void        run_argv      (Result             *r,
                           const char * const *args);
/* run (&r, db, "schools", "list", NULL): caseload-cli --db DB schools list;
 * db NULL leaves --db out. */
void        run           (Result             *r,
                           const char         *db,
                           ...) G_GNUC_NULL_TERMINATED;
void        assert_ok     (const Result       *r);
/* Exit status and a phrase of the message on stderr. */
void        assert_refused (const Result      *r,
                            int                status,
                            const char        *words);
/* The output parsed as JSON; the nodes belong to parser. */
JsonArray  *parse_array   (const char         *json,
                           JsonParser         *parser);
JsonObject *parse_object  (const char         *json,
                           JsonParser         *parser);
void        remove_tree   (const char         *dir);

G_END_DECLS
