/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "store/cl-database.h"

G_BEGIN_DECLS

/* A synthetic local authority for demonstrations, tests and benchmarks:
 * officers, schools of every type and phase, pupils with valid UPNs and ages
 * that fit their year groups, and families whose children can be at different
 * schools. Nothing in it describes a real person. */

#define CL_DEMO_DEFAULT_SCHOOLS 12
#define CL_DEMO_DEFAULT_PUPILS  2400
#define CL_DEMO_DEFAULT_SEED    1
#define CL_DEMO_MAX_SCHOOLS     500
#define CL_DEMO_MAX_PUPILS      200000

/* The LA codes used for the DfE numbers and the UPNs of demo schools: one
 * English authority, and a Welsh one across the border for the Welsh schools. */
#define CL_DEMO_LA_CODE       893
#define CL_DEMO_LA_CODE_WALES 666

typedef struct
{
  guint n_officers;
  guint n_schools;
  guint n_pupils;
  guint n_guardians;
} ClDemoSummary;

typedef struct
{
  guint          n_schools;  /* 1 … CL_DEMO_MAX_SCHOOLS */
  guint          n_pupils;   /* 0 … CL_DEMO_MAX_PUPILS */
  guint32        seed;       /* the same seed always gives the same authority */
  ClDemoSummary *summary;    /* out, may be NULL: what was created */
} ClDemoOptions;

/* Called about every 1000 pupils, on the thread that runs cl_demo_generate,
 * with a fraction from 0 to 1 and a translated sentence. */
typedef void (*ClDemoProgressFunc) (double      fraction,
                                    const char *text,
                                    gpointer    user_data);

/* Sets the defaults above. */
void     cl_demo_options_init (ClDemoOptions       *opts);

/* Builds the authority in one transaction: on error or cancellation nothing
 * is left behind. Refuses (CL_PEOPLE_ERROR_IN_USE) a database that already
 * holds schools or pupils; bad options are CL_PEOPLE_ERROR_INVALID, and
 * cancellation G_IO_ERROR_CANCELLED. */
gboolean cl_demo_generate     (ClDatabase          *db,
                               const ClDemoOptions *opts,
                               ClDemoProgressFunc   progress,
                               gpointer             user_data,
                               GCancellable        *cancellable,
                               GError             **error);

G_END_DECLS
