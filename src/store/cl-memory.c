/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-memory"

#include "config.h"

#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "store/cl-memory.h"

void
cl_memory_tune (void)
{
#ifdef __GLIBC__
  mallopt (M_TRIM_THRESHOLD, 64 << 20);
#endif
}
