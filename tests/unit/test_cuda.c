/* test_cuda.c — every CUDA kernel checked against the CPU library.
 *
 * The CPU result is the oracle (STYLE 9, as llm.c's dev/cuda does): each
 * case builds its operands on the host, runs the CPU op, runs the CUDA
 * hook on copies on the GPU, brings the result back and compares (exactly
 * for integers and bools, with a dtype-sized tolerance for floats, whose
 * libm results may differ in the last bits).
 *
 * A hook that answers 1 ("use the host path") for a combination the
 * backend is meant to cover is a failure; for combinations it leaves to
 * the host on purpose (see elementwise.cu) it is counted as skipped.
 *
 * Without a GPU (or in a CPU-only build) only the host-side checks of the
 * Philox generator run; every GPU case is reported skipped: the last line
 * is "4 passed, 0 failed, N skipped" and the exit status 0.
 */
#include "tensor/ops.h"
#include "tensor/tensor.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "cuda/philox.h"

#ifdef TSC_CUDA
#include "cuda/cuda.h"
#endif

static int passed, failed, skipped;
static bool verbose; /* TEST_CUDA_VERBOSE=1 lists every skipped case */

/* Cases the full run would execute (reported as skipped without a GPU). */
#define N_UNARY_DTYPES 7
#define N_BINARY_DTYPES 6
#define N_PLANNED                                                                        \
    (TS_NUM_UNARY_OPS * N_UNARY_DTYPES * 2 + TS_NUM_BINARY_OPS * N_BINARY_DTYPES * 4 +   \
     TS_NUM_DTYPES * 2 + TS_NUM_DTYPES * TS_NUM_DTYPES + 2 * 6 + 3 + 4)

/* ---- Philox4x32-10 (host side; plain C, runs in every build) ------------ */

/* Random123's known-answer vectors (tests/kat_vectors, philox4x32 10). */
static void philox_kats(void)
{
    static const uint32_t kat[3][10] = {
        {0, 0, 0, 0, 0, 0, 0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8},
        {0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0x408f276d,
         0x41c83b0e, 0xa20bc7c6, 0x6d5451fd},
        {0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0, 0xd16cfe09,
         0x94fdcceb, 0x5001e420, 0x24126ea1},
    };
    for (int k = 0; k < 3; k++) {
        uint32_t out[4];
        ph_block(kat[k], kat[k] + 4, out);
        bool ok = out[0] == kat[k][6] && out[1] == kat[k][7] && out[2] == kat[k][8] &&
                  out[3] == kat[k][9];
        if (!ok)
            printf("FAIL philox KAT %d: %08x %08x %08x %08x\n", k, out[0], out[1], out[2], out[3]);
        ok ? passed++ : failed++;
    }
}

/* The stream: next() one at a time and next4() agree from any start
 * position, and skipping equals drawing. */
static void philox_stream(void)
{
    bool ok = true;
    for (uint64_t off = 0; off < 6; off++) {
        CuPhilox a, b, c;
        cu_philox_init(&a, 0x123456789abcdefULL, 7, off);
        cu_philox_init(&b, 0x123456789abcdefULL, 7, off);
        cu_philox_init(&c, 0x123456789abcdefULL, 7, 0);
        for (uint64_t i = 0; i < off; i++)
            cu_philox_next(&c);
        for (int round = 0; round < 3; round++) {
            uint32_t r[4];
            cu_philox_next4(&a, r);
            for (int i = 0; i < 4; i++) {
                uint32_t x = cu_philox_next(&b), y = cu_philox_next(&c);
                ok = ok && r[i] == x && x == y;
            }
        }
    }
    if (!ok)
        printf("FAIL philox stream: next4 / next / skip disagree\n");
    ok ? passed++ : failed++;
}

#ifdef TSC_CUDA

static int GPU; /* device-table id of cuda:0 */

static const TsDType unary_dtypes[N_UNARY_DTYPES] = {TS_FLOAT32, TS_FLOAT64, TS_FLOAT16,
                                                     TS_BFLOAT16, TS_INT64, TS_INT32, TS_BOOL};
static const TsDType binary_dtypes[N_BINARY_DTYPES] = {TS_FLOAT32, TS_FLOAT64, TS_FLOAT16,
                                                       TS_INT64, TS_UINT8, TS_BOOL};

/* ---- building operands ---------------------------------------------------- */

/* Deterministic values with negatives, fractions, zero and (floats) a NaN
 * and an infinity, so edge rules are exercised too. */
static double value_at(TsDType dt, int64_t i, int salt)
{
    if (dt == TS_BOOL)
        return (i + salt) % 3 == 0;
    if (dt == TS_UINT8)
        return (double)((i * 7 + salt * 3) % 23);
    if (!ts_dtype_is_float(dt))
        return (double)((i * 7 + salt * 5) % 23 - 11);
    if (i == 5)
        return NAN;
    if (i == 7 && salt == 0)
        return INFINITY;
    return i * 0.37 - 2.1 + salt * 0.55;
}

static TsTensor *host_tensor(TsDType dt, int nd, const int64_t *sizes, int salt)
{
    int64_t n = 1;
    for (int d = 0; d < nd; d++)
        n *= sizes[d];
    double *buf = malloc(sizeof(double) * (size_t)(n ? n : 1));
    if (!buf)
        return NULL;
    for (int64_t i = 0; i < n; i++)
        buf[i] = value_at(dt, i, salt);
    TsTensor *t = ts_from_buffer(buf, TS_FLOAT64, nd, sizes, dt, TS_CPU);
    free(buf);
    return t;
}

static TsTensor *on_gpu(TsTensor *t) { return ts_to(t, t->dtype, GPU, false); }

/* ---- comparing ------------------------------------------------------------ */

static double tolerance(TsDType dt)
{
    switch (dt) {
    case TS_FLOAT16: return 2e-3;
    case TS_BFLOAT16: return 1e-2;
    case TS_FLOAT32: return 2e-6;
    case TS_FLOAT64: return 1e-13;
    default: return 0;
    }
}

static bool close_enough(double a, double b, double tol)
{
    if (isnan(a) || isnan(b))
        return isnan(a) && isnan(b);
    if (isinf(a) || isinf(b))
        return a == b;
    return fabs(a - b) <= tol * (1 + fabs(b));
}

/* Compares a GPU result with the CPU one; names the first difference. */
static bool same_result(TsTensor *gpu, TsTensor *cpu, const char *what)
{
    TsTensor *back = ts_to(gpu, gpu->dtype, TS_CPU, false);
    bool ok = back && back->dtype == cpu->dtype && ts_numel(back) == ts_numel(cpu);
    for (int64_t i = 0; ok && i < ts_numel(cpu); i++) {
        TsScalar x, y;
        ts_get_flat(back, i, &x);
        ts_get_flat(cpu, i, &y);
        ok = close_enough(ts_scalar_to_f64(x), ts_scalar_to_f64(y), tolerance(cpu->dtype));
        if (!ok)
            printf("FAIL %s: element %lld is %.9g on the GPU, %.9g on the CPU\n", what,
                   (long long)i, ts_scalar_to_f64(x), ts_scalar_to_f64(y));
    }
    if (!back)
        printf("FAIL %s: copy back: %s\n", what, ts_error_msg());
    ts_release(back);
    return ok;
}

/* Counts one case from the hook's answer and the comparison. */
static void tally(int rc, bool expected_handled, TsTensor *gpu, TsTensor *cpu, const char *what)
{
    if (rc == 1 && !expected_handled) {
        if (verbose)
            printf("skip %s: left to the host\n", what);
        skipped++;
    } else if (rc == 1) {
        printf("FAIL %s: left to the host\n", what);
        failed++;
    } else if (rc < 0) {
        printf("FAIL %s: %s\n", what, ts_error_msg());
        ts_error_clear();
        failed++;
    } else if (same_result(gpu, cpu, what)) {
        passed++;
    } else {
        failed++;
    }
}

/* ---- unary ---------------------------------------------------------------- */

/* The (op, dtype) pairs elementwise.cu computes itself. */
static bool unary_expected(int op, TsDType dt, TsDType result)
{
    bool bool_kind = op == TS_OP_LOGICAL_NOT || op == TS_OP_ISNAN || op == TS_OP_ISINF ||
                     op == TS_OP_ISFINITE;
    if (bool_kind)
        return true;
    if (!ts_dtype_is_float(dt) && (result == TS_FLOAT32 || result == TS_FLOAT64))
        return op >= TS_OP_SQRT && op <= TS_OP_RECIPROCAL; /* int -> float */
    if (result != dt)
        return false;
    if (ts_dtype_is_float(dt))
        return op != TS_OP_BITWISE_NOT;
    if (dt == TS_BOOL)
        return op == TS_OP_BITWISE_NOT;
    return op != TS_OP_FRAC && op <= TS_OP_BITWISE_NOT &&
           (op == TS_OP_NEG || op == TS_OP_ABS || op >= TS_OP_RELU);
}

/* One unary case; `transposed` runs it on a transposed (strided) view. */
static void unary_case(int op, TsDType dt, bool transposed)
{
    char what[96];
    snprintf(what, sizeof what, "%s %s%s", ts_unary_name(op), ts_dtype_short(dt),
             transposed ? " (transposed)" : "");
    int64_t sizes[2] = {5, 7};
    TsTensor *h = host_tensor(dt, 2, sizes, 0);
    TsTensor *hv = transposed ? ts_t(h) : (ts_retain(h), h);
    TsTensor *cpu = ts_unary(op, hv, NULL);
    if (!cpu) { /* PyTorch refuses this dtype: the host path reports it */
        if (verbose)
            printf("skip %s: %s\n", what, ts_error_msg());
        ts_error_clear();
        skipped++;
        ts_release(hv);
        ts_release(h);
        return;
    }
    TsTensor *g = on_gpu(h), *gv = transposed ? ts_t(g) : (ts_retain(g), g);
    TsTensor *out = ts_empty(cpu->ndim, cpu->sizes, cpu->dtype, GPU);
    int rc = cuda_unary(op, out, gv);
    tally(rc, unary_expected(op, dt, cpu->dtype), out, cpu, what);
    ts_release(out);
    ts_release(gv);
    ts_release(g);
    ts_release(cpu);
    ts_release(hv);
    ts_release(h);
}

/* ---- binary --------------------------------------------------------------- */

static bool binary_expected(int op, TsDType dt, TsDType result)
{
    if (op >= TS_OP_EQ && op <= TS_OP_LOGICAL_XOR)
        return true;
    if (!ts_dtype_is_float(dt) && (result == TS_FLOAT32 || result == TS_FLOAT64))
        return op <= TS_OP_MINIMUM; /* int / int and friends */
    if (result != dt)
        return false;
    if (ts_dtype_is_float(dt))
        return op <= TS_OP_MINIMUM;
    if (op == TS_OP_SUB)
        return dt != TS_BOOL;
    return op == TS_OP_ADD || op == TS_OP_MUL || op == TS_OP_MAXIMUM || op == TS_OP_MINIMUM ||
           op == TS_OP_BITWISE_AND || op == TS_OP_BITWISE_OR || op == TS_OP_BITWISE_XOR;
}

/* mode 0: same shapes; 1: broadcast (4,1) with (1,6); 2: b a 0-dim CPU
 * scalar of the same dtype; 3: b a 0-dim CPU float64 scalar (promotes
 * integer tensors). */
static void binary_case(int op, TsDType dt, int mode)
{
    static const char *const modes[] = {"", " (broadcast)", " (cpu scalar)", " (float scalar)"};
    char what[96];
    snprintf(what, sizeof what, "%s %s%s", ts_binary_name(op), ts_dtype_short(dt), modes[mode]);
    int64_t sa[2] = {4, mode == 1 ? 1 : 6}, sb[2] = {mode == 1 ? 1 : 4, 6};
    TsTensor *ha = host_tensor(dt, 2, sa, 0);
    TsTensor *hb = mode == 2   ? host_tensor(dt, 0, NULL, 2)
                   : mode == 3 ? host_tensor(TS_FLOAT64, 0, NULL, 2)
                               : host_tensor(dt, 2, sb, 1);
    TsScalar alpha = ts_dtype_is_float(dt) ? ts_scalar_f(2.0) : ts_scalar_i(dt == TS_BOOL ? 1 : 3);
    TsTensor *cpu = (op == TS_OP_ADD || op == TS_OP_SUB)
                        ? (op == TS_OP_ADD ? ts_add : ts_sub)(ts_arg(ha), ts_arg(hb), alpha, NULL)
                        : ts_binary(op, ts_arg(ha), ts_arg(hb), NULL);
    if (!cpu) {
        if (verbose)
            printf("skip %s: %s\n", what, ts_error_msg());
        ts_error_clear();
        skipped++;
        ts_release(ha);
        ts_release(hb);
        return;
    }
    TsTensor *ga = on_gpu(ha), *gb = mode >= 2 ? (ts_retain(hb), hb) : on_gpu(hb);
    TsTensor *out = ts_empty(cpu->ndim, cpu->sizes, cpu->dtype, GPU);
    int rc = cuda_binary(op, out, ga, gb, alpha);
    /* comparing integers with a float scalar computes in the promoted
     * float type, which a bool output does not name: left to the host */
    bool mixed_cmp = mode == 3 && !ts_dtype_is_float(dt) && cpu->dtype == TS_BOOL;
    tally(rc, binary_expected(op, dt, cpu->dtype) && !mixed_cmp, out, cpu, what);
    ts_release(out);
    ts_release(ga);
    ts_release(gb);
    ts_release(cpu);
    ts_release(ha);
    ts_release(hb);
}

/* ---- fill and copy ---------------------------------------------------------- */

/* fill_ of a whole tensor and of a strided slice (every other column). */
static void fill_case(TsDType dt, bool strided)
{
    char what[64];
    snprintf(what, sizeof what, "fill %s%s", ts_dtype_short(dt), strided ? " (strided)" : "");
    int64_t sizes[2] = {3, 8};
    TsScalar v = ts_dtype_is_float(dt) ? ts_scalar_f(-1.5) : ts_scalar_i(dt == TS_BOOL ? 1 : 5);
    TsTensor *h = host_tensor(dt, 2, sizes, 0), *g = on_gpu(h);
    TsTensor *hv = strided ? ts_slice(h, 1, 0, TS_SLICE_NONE, 2) : (ts_retain(h), h);
    TsTensor *gv = strided ? ts_slice(g, 1, 0, TS_SLICE_NONE, 2) : (ts_retain(g), g);
    ts_fill_(hv, v);
    int rc = cuda_fill(gv, v);
    tally(rc, true, g, h, what);
    ts_release(hv);
    ts_release(gv);
    ts_release(h);
    ts_release(g);
}

/* Converting copy from a permuted source, every dtype pair. */
static void copy_case(TsDType to, TsDType from)
{
    char what[64];
    snprintf(what, sizeof what, "copy %s <- %s", ts_dtype_short(to), ts_dtype_short(from));
    int64_t sizes[3] = {2, 3, 4}, perm[3] = {2, 0, 1};
    TsTensor *hs = host_tensor(from, 3, sizes, 0), *gs = on_gpu(hs);
    TsTensor *hp = ts_permute(hs, 3, perm), *gp = ts_permute(gs, 3, perm);
    TsTensor *hd = ts_empty(3, hp->sizes, to, TS_CPU), *gd = ts_empty(3, hp->sizes, to, GPU);
    ts_copy_(hd, hp);
    int rc = cuda_copy_strided(gd, gp);
    tally(rc, true, gd, hd, what);
    TsTensor *all[] = {hs, gs, hp, gp, hd, gd};
    for (int i = 0; i < 6; i++)
        ts_release(all[i]);
}

/* ---- gemm ----------------------------------------------------------------- */

/* layout 0: plain; 1: a transposed view; 2: b transposed; 3: batched;
 * 4: batched with a broadcast (stride 0) batch of a; 5: addmm beta/alpha. */
static void gemm_case(TsDType dt, int layout)
{
    char what[64];
    snprintf(what, sizeof what, "gemm %s layout %d", ts_dtype_short(dt), layout);
    bool batched = layout == 3 || layout == 4;
    int64_t M = 5, K = 7, N = 3, B = 4;
    int64_t sa[3] = {B, M, K}, sat[2] = {K, M}, sb[3] = {B, K, N}, sbt[2] = {N, K};
    int nd = batched ? 3 : 2;
    TsTensor *ha = layout == 1 ? host_tensor(dt, 2, sat, 0) : host_tensor(dt, nd, sa + !batched, 0);
    TsTensor *hb = layout == 2 ? host_tensor(dt, 2, sbt, 1) : host_tensor(dt, nd, sb + !batched, 1);
    if (layout == 4) { /* one matrix shared by the whole batch */
        TsTensor *one = ts_select(ha, 0, 0), *u = ts_unsqueeze(one, 0);
        ts_release(ha);
        ha = ts_expand(u, 3, sa);
        ts_release(one);
        ts_release(u);
    }
    TsTensor *ga = on_gpu(ha), *gb = on_gpu(hb);
    if (layout == 4) { /* keep the stride-0 batch on the GPU too */
        TsTensor *one = ts_select(ga, 0, 0), *u = ts_unsqueeze(one, 0);
        ts_release(ga);
        ga = ts_expand(u, 3, sa);
        ts_release(one);
        ts_release(u);
    }
    TsTensor *va = layout == 1 ? ts_t(ha) : (ts_retain(ha), ha);
    TsTensor *vb = layout == 2 ? ts_t(hb) : (ts_retain(hb), hb);
    TsTensor *wa = layout == 1 ? ts_t(ga) : (ts_retain(ga), ga);
    TsTensor *wb = layout == 2 ? ts_t(gb) : (ts_retain(gb), gb);
    TsScalar beta = ts_scalar_f(layout == 5 ? 0.5 : 0), alpha = ts_scalar_f(layout == 5 ? 2 : 1);
    int64_t so[3] = {B, M, N};
    TsTensor *hin = host_tensor(dt, 2, so + 1, 2), *cpu, *out;
    if (layout == 5) {
        cpu = ts_addmm(hin, va, vb, beta, alpha);
        out = on_gpu(hin);
    } else {
        cpu = batched ? ts_bmm(va, vb) : ts_mm(va, vb);
        out = ts_empty(nd, so + !batched, dt, GPU);
    }
    int rc = cpu ? cuda_gemm(out, wa, wb, alpha, beta) : -1;
    tally(rc, true, out, cpu, what);
    TsTensor *all[] = {ha, hb, ga, gb, va, vb, wa, wb, hin, cpu, out};
    for (int i = 0; i < 11; i++)
        ts_release(all[i]);
}

/* ---- random ----------------------------------------------------------------- */

/* ATen's CUDA draw, written plainly on the host: thread idx of `grid`
 * blocks of 256 owns elements idx, idx + stride, ... (n small enough that
 * grid = ceil(n / 256) on any GPU).  Normal floats use the host sin/cos,
 * hence the tolerance. */
static void random_reference(double *ref, int64_t n, bool dbl, bool normal, uint64_t seed,
                             uint64_t offset, double p0, double p1)
{
    int64_t grid = (n + 255) / 256, stride = grid * 256, unroll = dbl ? 2 : 4;
    int64_t rounded = ((n - 1) / (stride * unroll) + 1) * stride * unroll;
    for (int64_t idx = 0; idx < stride; idx++) {
        CuPhilox st;
        cu_philox_init(&st, seed, (uint64_t)idx, offset);
        for (int64_t base = idx; base < rounded; base += stride * unroll) {
            float f[4];
            double d[2];
            if (dbl)
                normal ? cu_philox_normal2_double(&st, d) : cu_philox_uniform2_double(&st, d);
            else
                normal ? cu_philox_normal4(&st, f) : cu_philox_uniform4(&st, f);
            for (int64_t k = 0; k < unroll; k++) {
                int64_t li = base + stride * k;
                double r = dbl ? d[k] : f[k];
                double v = normal ? r * p1 + p0 : r * (p1 - p0) + p0;
                if (!dbl)
                    v = normal ? (float)((float)r * (float)p1 + (float)p0)
                               : (float)((float)r * (float)(p1 - p0) + (float)p0);
                if (!normal && v == p1)
                    v = p0;
                if (li < n)
                    ref[li] = v;
            }
        }
    }
}

static void random_case(TsDType dt, bool normal)
{
    char what[64];
    snprintf(what, sizeof what, "%s %s", normal ? "normal_" : "uniform_", ts_dtype_short(dt));
    int64_t sizes[2] = {37, 50}, n = 37 * 50;
    uint64_t seed = 1234, offset = 8;
    double p0 = normal ? 0.5 : -2, p1 = normal ? 3 : 3; /* mean, std / from, to */
    double *ref = malloc(sizeof(double) * (size_t)n);
    TsTensor *g = ts_empty(2, sizes, dt, GPU), *h = NULL;
    int rc = normal ? cuda_normal_(g, p0, p1, seed, &offset) : cuda_uniform_(g, p0, p1, seed, &offset);
    if (ref && rc == 0) {
        random_reference(ref, n, dt == TS_FLOAT64, normal, seed, 8, p0, p1);
        h = ts_from_buffer(ref, TS_FLOAT64, 2, sizes, dt, TS_CPU);
    }
    int64_t grid = (n + 255) / 256, unroll = dt == TS_FLOAT64 ? 2 : 4;
    uint64_t want = 8 + ((uint64_t)(n - 1) / (uint64_t)(256 * grid * unroll) + 1) * 4;
    if (rc == 0 && offset != want) {
        printf("FAIL %s: generator offset %llu, expected %llu\n", what,
               (unsigned long long)offset, (unsigned long long)want);
        failed++;
    } else {
        tally(h || rc != 0 ? rc : -1, true, g, h, what);
    }
    free(ref);
    ts_release(g);
    ts_release(h);
}

/* ---- through the library -------------------------------------------------- */

/* The device row itself: a GPU tensor made by the library, an op run by the
 * library (whatever path it takes), the result read back. */
static void library_case(void)
{
    int64_t sizes[2] = {3, 4};
    TsTensor *h = host_tensor(TS_FLOAT32, 2, sizes, 1), *g = on_gpu(h);
    TsTensor *hc = ts_binary(TS_OP_MUL, ts_arg(h), ts_arg(h), NULL);
    TsTensor *gc = g ? ts_binary(TS_OP_MUL, ts_arg(g), ts_arg(g), NULL) : NULL;
    if (gc && gc->device != GPU) {
        printf("FAIL library mul: result on device %d\n", gc->device);
        failed++;
    } else {
        tally(gc ? 0 : -1, true, gc, hc, "library mul");
    }
    TsTensor *z = ts_zeros(2, sizes, TS_FLOAT64, GPU), *hz = ts_zeros(2, sizes, TS_FLOAT64, TS_CPU);
    tally(z ? 0 : -1, true, z, hz, "library zeros");
    TsTensor *m = ts_to(g, TS_FLOAT64, GPU, false), *hm = ts_to(h, TS_FLOAT64, TS_CPU, false);
    tally(m ? 0 : -1, true, m, hm, "library to(float64)");
    TsTensor *all[] = {h, g, hc, gc, z, hz, m, hm};
    for (int i = 0; i < 8; i++)
        ts_release(all[i]);
}

static void run_all(void)
{
    for (int op = 0; op < TS_NUM_UNARY_OPS; op++)
        for (int k = 0; k < N_UNARY_DTYPES; k++)
            for (int tr = 0; tr < 2; tr++)
                unary_case(op, unary_dtypes[k], tr);
    for (int op = 0; op < TS_NUM_BINARY_OPS; op++)
        for (int k = 0; k < N_BINARY_DTYPES; k++)
            for (int mode = 0; mode < 4; mode++)
                binary_case(op, binary_dtypes[k], mode);
    for (int dt = 0; dt < TS_NUM_DTYPES; dt++)
        for (int st = 0; st < 2; st++)
            fill_case((TsDType)dt, st);
    for (int to = 0; to < TS_NUM_DTYPES; to++)
        for (int from = 0; from < TS_NUM_DTYPES; from++)
            copy_case((TsDType)to, (TsDType)from);
    for (int layout = 0; layout < 6; layout++) {
        gemm_case(TS_FLOAT32, layout);
        gemm_case(TS_FLOAT64, layout);
    }
    for (int nrm = 0; nrm < 2; nrm++) {
        random_case(TS_FLOAT32, nrm);
        random_case(TS_FLOAT64, nrm);
    }
    library_case();
}

#endif /* TSC_CUDA */

int main(void)
{
    verbose = getenv("TEST_CUDA_VERBOSE") != NULL;
    philox_kats();
    philox_stream();
#ifdef TSC_CUDA
    if (cuda_backend_init() == 0) {
        printf("no GPU: %s\n", cuda_backend_unavailable());
        printf("%d passed, %d failed, %d skipped\n", passed, failed, N_PLANNED);
        return failed ? 1 : 0;
    }
    GPU = cuda_backend_device_id(0);
    run_all();
#else
    skipped = N_PLANNED;
    printf("built without CUDA (make CUDA=1 or make cuda-check): GPU cases skipped\n");
#endif
    printf("%d passed, %d failed, %d skipped\n", passed, failed, skipped);
    return failed ? 1 : 0;
}
