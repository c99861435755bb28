/* test_tensor_blas.c — the lazy BLAS loader (src/tensor/blas.c).
 *
 * The loader runs once per process, so each scenario runs in its own
 * forked child; the counters live in a shared mapping.  Scenarios: a
 * library that does not exist and one that lacks the routines (every
 * BLAS/LAPACK op fails with the loader's RuntimeError, integer products
 * still work), and the real library (results, and a thread count set
 * before the load applied by it).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tensor/blas.h"
#include "tensor/ops.h"
#include "tensor/tensor.h"

static int *counts; /* [0] passed, [1] failed, shared with the children */

static void expect(bool ok, const char *what)
{
    counts[ok ? 0 : 1]++;
    if (!ok)
        printf("FAIL %s\n", what);
}

/* The call failed with a RuntimeError whose text starts with prefix. */
static void expect_err(bool failed, const char *prefix, const char *what)
{
    bool ok = failed && ts_error_kind() == TS_ERR_RUNTIME &&
              strncmp(ts_error_msg(), prefix, strlen(prefix)) == 0;
    if (!ok)
        printf("  got: %s\n", failed ? ts_error_msg() : "(no error)");
    expect(ok, what);
}

static TsTensor *filled(TsDType dt, int64_t rows, int64_t cols, double v)
{
    int64_t sizes[2] = {rows, cols};
    return ts_full(cols ? 2 : 1, sizes, ts_scalar_f(v), dt, TS_CPU);
}

static double first(TsTensor *t)
{
    return ts_load_f64(ts_data(t), t->dtype);
}

/* Every BLAS/LAPACK entry point fails cleanly with the message. */
static void failing_library(const char *lib, const char *msg)
{
    setenv("TSC_BLAS_LIB", lib, 1);
    ts_blas_set_threads(3);
    expect(ts_blas_get_threads() == 3, "count set before a load is kept");
    TsTensor *a = filled(TS_FLOAT32, 2, 2, 1), *v = filled(TS_FLOAT32, 2, 0, 1);
    TsTensor *d = filled(TS_FLOAT64, 2, 2, 2), *u, *s, *vh;
    expect_err(ts_mm(a, a) == NULL, msg, "mm");
    expect_err(ts_mm(a, a) == NULL, msg, "mm again: same error, no retry crash");
    expect_err(ts_mv(a, v) == NULL, msg, "mv");
    expect_err(ts_dot(v, v) == NULL, msg, "dot");
    expect_err(ts_inverse(d) == NULL, msg, "inverse");
    expect_err(ts_det(d) == NULL, msg, "det");
    expect_err(ts_svd(d, false, &u, &s, &vh) < 0, msg, "svd");
    TsTensor *i = filled(TS_INT64, 2, 2, 3), *p = ts_mm(i, i);
    expect(p && first(p) == 18, "integer mm needs no BLAS");
    expect(ts_blas_get_threads() == 3, "count kept after a failed load");
    ts_release(a), ts_release(v), ts_release(d), ts_release(i), ts_release(p);
}

static void missing_file(void)
{
    failing_library("/nonexistent/libopenblas-test.so",
                    "OpenBLAS could not be loaded: /nonexistent/libopenblas-test.so: cannot open");
}

static void missing_routines(void)
{
    failing_library("libm.so.6", "OpenBLAS could not be loaded: undefined symbol: cblas_sgemm");
}

static void real_library(void)
{
    unsetenv("TSC_BLAS_LIB");
    ts_blas_set_threads(1);
    TsTensor *a = filled(TS_FLOAT32, 3, 4, 0.5), *b = filled(TS_FLOAT32, 4, 2, 2);
    TsTensor *c = ts_mm(a, b);
    expect(c && first(c) == 4, "mm through the loaded table");
    expect(ts_blas_get_threads() == 1, "count set before the load applied");
    ts_blas_set_threads(2);
    expect(ts_blas_get_threads() == 2, "count set after the load applied");
    TsTensor *d = filled(TS_FLOAT64, 2, 2, 0), *inv;
    ((double *)ts_data(d))[0] = 2, ((double *)ts_data(d))[3] = 4;
    expect((inv = ts_inverse(d)) && first(inv) == 0.5, "LAPACK through the table");
    ts_release(a), ts_release(b), ts_release(c), ts_release(d), ts_release(inv);
}

static void in_child(void (*scenario)(void))
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        scenario();
        fflush(stdout);
        _exit(0);
    }
    int st = 0;
    expect(pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0,
           "scenario ran to its end");
}

int main(void)
{
    counts = mmap(NULL, 2 * sizeof *counts, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
                  -1, 0);
    if (counts == MAP_FAILED)
        return 1;
    in_child(missing_file);
    in_child(missing_routines);
    in_child(real_library);
    printf("%d passed, %d failed\n", counts[0], counts[1]);
    return counts[1] != 0;
}
