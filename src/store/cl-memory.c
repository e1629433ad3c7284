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
  /* Setting the trim threshold stops glibc from raising its mmap threshold
   * as large blocks are freed, so every block of 128 kB or more — a batch of
   * letters' PDF, the font tables cairo reads to subset a font — would be
   * mapped afresh, faulted in a page at a time and unmapped when freed:
   * three quarters of a mail merge's page faults. Blocks up to 1 MB come
   * from the heap instead (the window's peak memory is unchanged). */
  mallopt (M_MMAP_THRESHOLD, 1 << 20);
#endif
}
