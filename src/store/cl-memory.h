/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Called first thing by each program's main(). Generating PDFs allocates and
 * frees zlib and cairo buffers of a few hundred kilobytes per document;
 * glibc's default is to give such memory back to the kernel at once and ask
 * for it again on the next document, which made page faults and brk calls a
 * third of a letter run. Keeping up to 64 MB for reuse, and taking blocks up
 * to 1 MB from the heap rather than mapping each afresh, stops that. */
void cl_memory_tune (void);

G_END_DECLS
