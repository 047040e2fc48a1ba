/* Native side of bench/wasm.sh: the time of one callcheck_check() call (check
 * + the JSON document) per payload, through the C ABI, the same call the
 * WebAssembly build makes. Prints the median over REPS of the mean per payload.
 *   capi_bench REPS FILE...          -> "native_us_per_payload <x>"
 */
#define _POSIX_C_SOURCE 199309L /* clock_gettime */
#include <callcheck/callcheck_c.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_us(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

static int compare(const void *a, const void *b) {
  const double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  int reps, n, r, i;
  char **bodies;
  size_t *lengths;
  double *means;
  if (argc < 3) return 2;
  reps = atoi(argv[1]);
  n = argc - 2;
  bodies = calloc((size_t)n, sizeof *bodies);
  lengths = calloc((size_t)n, sizeof *lengths);
  means = calloc((size_t)reps, sizeof *means);
  if (reps <= 0 || bodies == NULL || lengths == NULL || means == NULL) return 2;
  for (i = 0; i < n; ++i) {
    FILE *f = fopen(argv[i + 2], "rb");
    long size;
    if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) return 2;
    bodies[i] = malloc((size_t)size + 1);
    if (bodies[i] == NULL || fread(bodies[i], 1, (size_t)size, f) != (size_t)size) return 2;
    lengths[i] = (size_t)size;
    fclose(f);
  }
  for (r = -1; r < reps; ++r) { /* r = -1: warm-up (schemas compiled once per process) */
    const double start = now_us();
    for (i = 0; i < n; ++i) {
      char *report = NULL;
      callcheck_check(bodies[i], lengths[i], "bench.json", NULL, &report);
      callcheck_free(report);
    }
    if (r >= 0) means[r] = (now_us() - start) / n;
  }
  qsort(means, (size_t)reps, sizeof *means, compare);
  printf("native_us_per_payload %.2f\n", means[reps / 2]);
  return 0;
}
