/* Filter configuration, found only through the recorded -I cfg. */
#ifndef FILTER_CFG_H
#define FILTER_CFG_H
#ifndef TAPS
#error "TAPS comes from the build (-DTAPS=...)"
#endif
typedef short pixel_t;
#endif
