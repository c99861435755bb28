/* test_tensor_ops.c — unit tests of the OPS part of the tensor library
 * (reduce.c, scan.c, sort.c, index.c, linalg.c).
 *
 * Every expected value and error message below was produced by real
 * PyTorch 1.13 (/usr/bin/python3), never by our own code.  Float results
 * of reductions are compared bit for bit (our sums reproduce PyTorch's
 * summation order); LAPACK/BLAS results within 1e-5 relative.
 * Prints one line per failure and finally "N passed, M failed".
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tensor/ops.h"

static int passed, failed;
static TsTensor *V, *I, *U_;

/* A tensor of dtype dt from double values (exact for the data used). */
#define MK(dt, nd, shape, vals) ts_from_buffer((vals), TS_FLOAT64, (nd), (shape), (dt), TS_CPU)
#define D(x) ((int64_t[]){x})
#define D2(a, b) ((int64_t[]){a, b})
#define N_ TS_SLICE_NONE
#define II(iv) ((TsIndex){.kind = TS_IDX_INT, .i = (iv)})
#define SL(a, b, c) ((TsIndex){.kind = TS_IDX_SLICE, .start = (a), .stop = (b), .step = (c)})
#define NONE_ ((TsIndex){.kind = TS_IDX_NONE})
#define ELL_ ((TsIndex){.kind = TS_IDX_ELLIPSIS})
#define BOOL_(bv) ((TsIndex){.kind = TS_IDX_BOOL, .b = (bv)})
#define TI(tt) ((TsIndex){.kind = TS_IDX_TENSOR, .t = (tt)})
#define IDX(t, n, ...) ts_index((t), (n), (TsIndex[]){__VA_ARGS__})
#define ARGT(t) ts_arg(t)
#define ARGS(v) ts_arg_s(ts_scalar_f(v))
#define PUT(t, v, n, ...) put_((t), (n), (TsIndex[]){__VA_ARGS__}, (v), false)
#define PUTACC(t, v, n, ...) put_((t), (n), (TsIndex[]){__VA_ARGS__}, (v), true)
#define PICK0(e) pick_((e), 0)
#define PICK1(e) pick_((e), 1)
#define OK1(e) ((e) < 0 ? NULL : (TsTensor *)V)

/* The first (0) or second (1) result of a two-result op. */
static TsTensor *pick_(int rc, int which)
{
    if (rc < 0)
        return NULL;
    ts_release(which ? V : I); /* the result not checked */
    return which ? I : V;
}

static TsTensor *put_(TsTensor *t, int n, const TsIndex *idx, TsArg v, bool acc)
{
    if (ts_index_put_(t, n, idx, v, acc) < 0)
        return NULL;
    return t;
}

/* Deterministic floats shared with the generator: a 64-bit LCG. */
static TsTensor *lcg_tensor(int64_t n, uint64_t seed, double scale)
{
    double *v = malloc((size_t)n * sizeof(double));
    uint64_t s = seed;
    for (int64_t i = 0; i < n; i++) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        v[i] = ((double)(s >> 40) / (double)(1 << 24) - 0.5) * scale;
    }
    TsTensor *t = MK(TS_FLOAT32, 1, &n, v);
    free(v);
    return t;
}

static bool same(double got, double want, double tol)
{
    if (isnan(want))
        return isnan(got);
    if (tol == 0)
        return got == want;
    return fabs(got - want) <= tol * (1 + fabs(want));
}

static void check(const char *name, TsTensor *got, TsDType dt, int nd, const int64_t *shape,
                  const double *want, double tol)
{
    if (!got) {
        printf("FAIL %s: error %s\n", name, ts_error_msg());
        failed++;
        return;
    }
    bool ok = got->dtype == dt && got->ndim == nd;
    for (int d = 0; ok && d < nd; d++)
        ok = got->sizes[d] == shape[d];
    if (!ok) {
        printf("FAIL %s: dtype/shape (dtype %s ndim %d)\n", name, ts_dtype_name(got->dtype),
               got->ndim);
        failed++;
        ts_release(got);
        return;
    }
    int64_t n = ts_numel(got);
    for (int64_t i = 0; i < n; i++) {
        TsScalar s;
        ts_get_flat(got, i, &s);
        double g = s.is_float ? s.f : (double)s.i;
        if (!same(g, want[i], tol)) {
            printf("FAIL %s: element %lld is %.17g, PyTorch says %.17g\n", name, (long long)i, g,
                   want[i]);
            failed++;
            ts_release(got);
            return;
        }
    }
    ts_release(got);
    passed++;
}

static void check_err(const char *name, const void *got, TsErrKind kind, const char *msg)
{
    if (got) {
        printf("FAIL %s: no error\n", name);
        failed++;
    } else if (ts_error_kind() != kind || strcmp(ts_error_msg(), msg) != 0) {
        printf("FAIL %s: got (%d) '%s'\n     want (%d) '%s'\n", name, ts_error_kind(),
               ts_error_msg(), kind, msg);
        failed++;
    } else {
        passed++;
    }
}

#define CHECK(name, e, dt, nd, shape, vals, tol) check(name, (e), dt, nd, shape, vals, tol)
#define CHECK_ERR(name, e, kind, msg) check_err(name, (const void *)(e), kind, msg)

static TsTensor *x10_master;
/* A fresh copy of x10 for each setter test. */
#define x10c ts_clone(x10_master)

int main(void)
{
@INPUTS@
    TsTensor *big = lcg_tensor(100003, 1, 200.0);
    TsTensor *r345t = ts_transpose(r345, 0, 2);
    TsTensor *v7f = ts_narrow(v7, 0, 0, 6);
    TsTensor *ix2 = MK(TS_INT64, 1, D(3), ((double[]){4, 0, 2}));
    TsTensor *ix3 = MK(TS_INT64, 1, D(3), ((double[]){1, 1, 0}));
    TsTensor *ix5 = MK(TS_INT64, 1, D(1), ((double[]){5}));
    TsTensor *w5 = MK(TS_FLOAT32, 1, D(5), ((double[]){9, 8, 7, 6, 5}));
    TsTensor *w4 = MK(TS_FLOAT32, 1, D(4), ((double[]){1, -1, 2, .5}));
    TsTensor *w3d = MK(TS_FLOAT64, 1, D(3), ((double[]){4, 5, 6}));
    TsTensor *b2 = MK(TS_BOOL, 1, D(3), ((double[]){1, 0, 1}));
    TsTensor *zz = ts_zeros(2, D2(2, 5), TS_FLOAT32, TS_CPU);
    TsTensor *z22 = ts_zeros(2, D2(2, 2), TS_FLOAT32, TS_CPU);
    TsTensor *m22f = ts_ones(2, D2(2, 2), TS_FLOAT32, TS_CPU);
    TsTensor *empty0 = ts_zeros(1, D(0), TS_FLOAT32, TS_CPU);
    TsTensor *gidxf = ts_to(gidx, TS_FLOAT32, TS_CPU, true);
    TsTensor *m42v = ts_view(m42, 2, D2(2, 4));
    TsTensor *m42b = ts_t(m42v);
    TsTensor *m34t = ts_t(m34);
    TsTensor *b243 = ts_transpose(b234, 1, 2);
    TsTensor *b243n = ts_narrow(b243, 0, 0, 1);
    TsTensor *m23 = a23;
    TsTensor *ix22 = MK(TS_INT64, 2, D2(2, 2), ((double[]){0, 1, 1, 0}));
    TsTensor *i0 = MK(TS_INT64, 0, D(0), ((double[]){1}));
    TsTensor *s0 = MK(TS_FLOAT32, 0, D(0), ((double[]){2.5}));
    TsTensor *e03 = ts_ones(2, D2(0, 3), TS_FLOAT32, TS_CPU);
    TsTensor *ix32 = ts_to(ix, TS_INT32, TS_CPU, true);
    TsTensor *m5 = MK(TS_BOOL, 1, D(5), ((double[]){0, 1, 0, 1, 1}));
    x10_master = x10;
    (void)U_;
@CASES@
    (void)m23;
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
