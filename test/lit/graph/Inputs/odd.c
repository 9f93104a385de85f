typedef int (*op_fn)(int);

static int twice(int x) { return 2 * x; }

int fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }

int odd(int n, int a[16], op_fn op) {
  int i = 0;
  if (n > 3)
    goto middle;
top:
  a[i] = op(i);
middle:
  a[i] += twice(i);
  i++;
  if (i < n)
    goto top;
  return fact(a[0]);
}

int no_loops(int x) { return x + 1; }
