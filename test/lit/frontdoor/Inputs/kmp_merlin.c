/* Knuth-Morris-Pratt string search: the failure table, then a scan with an inner
 * while loop.  Merlin pragmas with auto{} knobs (MachSuite kmp shape). */
#define PATTERN 4
#define STRING 32411

static void build_table(const char pattern[PATTERN], int next[PATTERN]) {
  int k = 0;
  next[0] = 0;
#pragma ACCEL PIPELINE auto{__PIPE__L0}
  for (int q = 1; q < PATTERN; q++) {
    while (k > 0 && pattern[k] != pattern[q])
      k = next[q];
    if (pattern[k] == pattern[q])
      k++;
    next[q] = k;
  }
}

#pragma ACCEL kernel
void kmp(const char pattern[PATTERN], const char input[STRING], int next[PATTERN], int matches[1]) {
  int q = 0;
  int found = 0;
  build_table(pattern, next);
#pragma ACCEL PIPELINE auto{__PIPE__L1}
#pragma ACCEL TILE FACTOR=auto{__TILE__L1}
  for (int i = 0; i < STRING; i++) {
    while (q > 0 && pattern[q] != input[i])
      q = next[q];
    if (pattern[q] == input[i])
      q++;
    if (q >= PATTERN) {
      found++;
      q = next[q - 1];
    }
  }
  matches[0] = found;
}
