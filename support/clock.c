#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include "support/clock.h"

#include <time.h>

double hls_now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

int hls_deadline_passed(double deadline) { return deadline > 0 && hls_now_seconds() > deadline; }
