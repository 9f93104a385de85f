/* The monotonic clock the search's deadlines are measured on. */
#ifndef HLSMOE_CLOCK_H
#define HLSMOE_CLOCK_H

/* Seconds since an arbitrary fixed point (CLOCK_MONOTONIC): differences are
 * wall-clock time, unaffected by changes of the system time. */
double hls_now_seconds(void);

/* Has `deadline` (hls_now_seconds() terms; 0 means none) passed? */
int hls_deadline_passed(double deadline);

#endif
