/* The label a user gives a loop: `init: for (...)` names the loop "init".
 *
 * Reports and remarks name a loop by its label when the source has one,
 * since that is the name the user (and Vitis's own reports) use; the
 * positional names (L0, L1_0) stay the loops' identity in knob names, graphs
 * and models.  This is presentation only: nothing else reads a label. */
#ifndef HLSMOE_PRAGMA_LABEL_H
#define HLSMOE_PRAGMA_LABEL_H

#include <stddef.h>

#include "pragma/source.h"

/* The label of the statement that starts at (line, col) of a scanned source
 * (hls_source_scan): written before it on its line (`init: for`), or alone
 * on a line above it (`init:`), with only blank lines, comments and
 * directives between.  Not a label: `case X:`, `default:`, `A::`.  Copies
 * it into out and returns its length; 0 (out "") when there is none, the
 * position is outside the text, or the label does not fit in cap - 1 bytes
 * (a cut label would name no loop). */
size_t hls_source_label(const hls_source *s, unsigned line, unsigned col, char *out, size_t cap);

#endif
