/* Lennard-Jones forces over a fixed neighbour list (MachSuite md/knn shape), double
 * precision, Merlin pragmas with literal factors and one auto{} knob. */
#define ATOMS 256
#define NEIGH 16
#define LJ1 1.5
#define LJ2 2.0

#pragma ACCEL kernel
void md_kernel(double fx[ATOMS], double fy[ATOMS], double fz[ATOMS], const double px[ATOMS], const double py[ATOMS],
               const double pz[ATOMS], const int nl[ATOMS * NEIGH]) {
#pragma ACCEL PIPELINE off
#pragma ACCEL TILE FACTOR=1
  for (int i = 0; i < ATOMS; i++) {
    double ix = px[i], iy = py[i], iz = pz[i];
    double sx = 0, sy = 0, sz = 0;
#pragma ACCEL PARALLEL FACTOR=auto{__PARA__L1} reduction=sx
    for (int j = 0; j < NEIGH; j++) {
      int n = nl[i * NEIGH + j];
      double dx = ix - px[n], dy = iy - py[n], dz = iz - pz[n];
      double r2inv = 1.0 / (dx * dx + dy * dy + dz * dz);
      double r6inv = r2inv * r2inv * r2inv;
      double f = r2inv * r6inv * (LJ1 * r6inv - LJ2);
      sx += dx * f;
      sy += dy * f;
      sz += dz * f;
    }
    fx[i] = sx;
    fy[i] = sy;
    fz[i] = sz;
  }
}
