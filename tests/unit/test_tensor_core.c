/* test_tensor_core.c — unit tests of the tensor CORE (creation, dtypes,
 * promotion, views, the iterator, element-wise and shape ops).
 *
 * Every expected string below was produced by real PyTorch 1.13
 * (/usr/bin/python3) from the Python expression shown beside it, with the
 * same dump format: "<ScalarType> [sizes] v0 v1 ..." (floats as %.9g,
 * float64 as %.17g), or "ERR <KIND> <message>" for an exception.  The
 * generator lives outside the repo; regenerate rather than hand-edit.
 * Final line: "N passed, M failed"; exit status 1 on any failure.
 */
#include "tensor/iter.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;
static TsTensor *LAST;
static TsTensor **parts;
static int nparts;
static char dumpbuf[1 << 16];

static const char *kind_name(TsErrKind k)
{
    switch (k) {
    case TS_ERR_RUNTIME: return "RUNTIME";
    case TS_ERR_INDEX: return "INDEX";
    case TS_ERR_TYPE: return "TYPE";
    case TS_ERR_VALUE: return "VALUE";
    case TS_ERR_MEMORY: return "MEMORY";
    default: return "OTHER";
    }
}

static size_t dump_into(char *buf, size_t cap, TsTensor *t)
{
    size_t n = (size_t)snprintf(buf, cap, "%s [", ts_dtype_short(t->dtype));
    for (int d = 0; d < t->ndim; d++)
        n += (size_t)snprintf(buf + n, cap - n, "%s%lld", d ? "," : "", (long long)t->sizes[d]);
    n += (size_t)snprintf(buf + n, cap - n, "]");
    for (int64_t i = 0; i < ts_numel(t) && n < cap - 64; i++) {
        TsScalar s;
        ts_get_flat(t, i, &s);
        if (!s.is_float)
            n += (size_t)snprintf(buf + n, cap - n, " %lld", (long long)s.i);
        else if (isnan(s.f))
            n += (size_t)snprintf(buf + n, cap - n, " nan");
        else
            n += (size_t)snprintf(buf + n, cap - n, t->dtype == TS_FLOAT64 ? " %.17g" : " %.9g", s.f);
    }
    return n;
}

static const char *err_string(void)
{
    snprintf(dumpbuf, sizeof dumpbuf, "ERR %s %s", kind_name(ts_error_kind()), ts_error_msg());
    return dumpbuf;
}

/* Dumps and releases a result (NULL -> the pending error). */
static const char *D(TsTensor *t)
{
    if (!t)
        return err_string();
    dump_into(dumpbuf, sizeof dumpbuf, t);
    ts_release(t);
    return dumpbuf;
}

static const char *SPLIT(int rc)
{
    if (rc < 0)
        return err_string();
    size_t n = 0;
    dumpbuf[0] = 0;
    for (int k = 0; k < nparts; k++) {
        if (k)
            n += (size_t)snprintf(dumpbuf + n, sizeof dumpbuf - n, " | ");
        n += dump_into(dumpbuf + n, sizeof dumpbuf - n, parts[k]);
        ts_release(parts[k]);
    }
    free(parts);
    return dumpbuf;
}

/* Same dtype, shape and count; each float within `ulps` units of the
 * dtype's precision (relative).  Used only for transcendental kernels. */
static bool close_enough(const char *got, const char *want)
{
    double eps = strncmp(want, "Double", 6) == 0 ? 0x1p-52
                 : strncmp(want, "Half", 4) == 0 ? 0x1p-10
                 : strncmp(want, "BFloat16", 8) == 0 ? 0x1p-7 : 0x1p-23;
    char g[sizeof dumpbuf], w[sizeof dumpbuf];
    snprintf(g, sizeof g, "%s", got);
    snprintf(w, sizeof w, "%s", want);
    char *sg, *sw, *tg = strtok_r(g, " ", &sg), *tw = strtok_r(w, " ", &sw);
    for (; tg && tw; tg = strtok_r(NULL, " ", &sg), tw = strtok_r(NULL, " ", &sw)) {
        if (strcmp(tg, tw) == 0)
            continue;
        char *eg, *ew;
        double x = strtod(tg, &eg), y = strtod(tw, &ew);
        if (*eg || *ew || fabs(x - y) > 4 * eps * fmax(fabs(x), fabs(y)))
            return false;
    }
    return !tg && !tw;
}

static void check(const char *what, const char *got, const char *want, bool approx)
{
    if (strcmp(got, want) == 0 || (approx && close_enough(got, want))) {
        passed++;
        return;
    }
    failed++;
    printf("FAIL %s\n  got:  %s\n  want: %s\n", what, got, want);
}
#define CHECK(what, got, want) check(what, got, want, false)
#define CHECK_APPROX(what, got, want) check(what, got, want, true)

static void expect(bool ok, const char *what)
{
    if (ok)
        passed++;
    else {
        failed++;
        printf("FAIL %s\n", what);
    }
}

static TsTensor *mk(TsDType dt, int nd, const int64_t *sizes, const double *v)
{
    return ts_from_buffer(v, TS_FLOAT64, nd, sizes, dt, TS_CPU);
}

static TsTensor *AT(TsTensor *t) { return ts_t(t); }

static const TsDType promo[][3] = {
    {TS_BOOL, TS_BOOL, TS_BOOL},
    {TS_BOOL, TS_UINT8, TS_UINT8},
    {TS_BOOL, TS_INT8, TS_INT8},
    {TS_BOOL, TS_INT16, TS_INT16},
    {TS_BOOL, TS_INT32, TS_INT32},
    {TS_BOOL, TS_INT64, TS_INT64},
    {TS_BOOL, TS_FLOAT16, TS_FLOAT16},
    {TS_BOOL, TS_BFLOAT16, TS_BFLOAT16},
    {TS_BOOL, TS_FLOAT32, TS_FLOAT32},
    {TS_BOOL, TS_FLOAT64, TS_FLOAT64},
    {TS_UINT8, TS_BOOL, TS_UINT8},
    {TS_UINT8, TS_UINT8, TS_UINT8},
    {TS_UINT8, TS_INT8, TS_INT16},
    {TS_UINT8, TS_INT16, TS_INT16},
    {TS_UINT8, TS_INT32, TS_INT32},
    {TS_UINT8, TS_INT64, TS_INT64},
    {TS_UINT8, TS_FLOAT16, TS_FLOAT16},
    {TS_UINT8, TS_BFLOAT16, TS_BFLOAT16},
    {TS_UINT8, TS_FLOAT32, TS_FLOAT32},
    {TS_UINT8, TS_FLOAT64, TS_FLOAT64},
    {TS_INT8, TS_BOOL, TS_INT8},
    {TS_INT8, TS_UINT8, TS_INT16},
    {TS_INT8, TS_INT8, TS_INT8},
    {TS_INT8, TS_INT16, TS_INT16},
    {TS_INT8, TS_INT32, TS_INT32},
    {TS_INT8, TS_INT64, TS_INT64},
    {TS_INT8, TS_FLOAT16, TS_FLOAT16},
    {TS_INT8, TS_BFLOAT16, TS_BFLOAT16},
    {TS_INT8, TS_FLOAT32, TS_FLOAT32},
    {TS_INT8, TS_FLOAT64, TS_FLOAT64},
    {TS_INT16, TS_BOOL, TS_INT16},
    {TS_INT16, TS_UINT8, TS_INT16},
    {TS_INT16, TS_INT8, TS_INT16},
    {TS_INT16, TS_INT16, TS_INT16},
    {TS_INT16, TS_INT32, TS_INT32},
    {TS_INT16, TS_INT64, TS_INT64},
    {TS_INT16, TS_FLOAT16, TS_FLOAT16},
    {TS_INT16, TS_BFLOAT16, TS_BFLOAT16},
    {TS_INT16, TS_FLOAT32, TS_FLOAT32},
    {TS_INT16, TS_FLOAT64, TS_FLOAT64},
    {TS_INT32, TS_BOOL, TS_INT32},
    {TS_INT32, TS_UINT8, TS_INT32},
    {TS_INT32, TS_INT8, TS_INT32},
    {TS_INT32, TS_INT16, TS_INT32},
    {TS_INT32, TS_INT32, TS_INT32},
    {TS_INT32, TS_INT64, TS_INT64},
    {TS_INT32, TS_FLOAT16, TS_FLOAT16},
    {TS_INT32, TS_BFLOAT16, TS_BFLOAT16},
    {TS_INT32, TS_FLOAT32, TS_FLOAT32},
    {TS_INT32, TS_FLOAT64, TS_FLOAT64},
    {TS_INT64, TS_BOOL, TS_INT64},
    {TS_INT64, TS_UINT8, TS_INT64},
    {TS_INT64, TS_INT8, TS_INT64},
    {TS_INT64, TS_INT16, TS_INT64},
    {TS_INT64, TS_INT32, TS_INT64},
    {TS_INT64, TS_INT64, TS_INT64},
    {TS_INT64, TS_FLOAT16, TS_FLOAT16},
    {TS_INT64, TS_BFLOAT16, TS_BFLOAT16},
    {TS_INT64, TS_FLOAT32, TS_FLOAT32},
    {TS_INT64, TS_FLOAT64, TS_FLOAT64},
    {TS_FLOAT16, TS_BOOL, TS_FLOAT16},
    {TS_FLOAT16, TS_UINT8, TS_FLOAT16},
    {TS_FLOAT16, TS_INT8, TS_FLOAT16},
    {TS_FLOAT16, TS_INT16, TS_FLOAT16},
    {TS_FLOAT16, TS_INT32, TS_FLOAT16},
    {TS_FLOAT16, TS_INT64, TS_FLOAT16},
    {TS_FLOAT16, TS_FLOAT16, TS_FLOAT16},
    {TS_FLOAT16, TS_BFLOAT16, TS_FLOAT32},
    {TS_FLOAT16, TS_FLOAT32, TS_FLOAT32},
    {TS_FLOAT16, TS_FLOAT64, TS_FLOAT64},
    {TS_BFLOAT16, TS_BOOL, TS_BFLOAT16},
    {TS_BFLOAT16, TS_UINT8, TS_BFLOAT16},
    {TS_BFLOAT16, TS_INT8, TS_BFLOAT16},
    {TS_BFLOAT16, TS_INT16, TS_BFLOAT16},
    {TS_BFLOAT16, TS_INT32, TS_BFLOAT16},
    {TS_BFLOAT16, TS_INT64, TS_BFLOAT16},
    {TS_BFLOAT16, TS_FLOAT16, TS_FLOAT32},
    {TS_BFLOAT16, TS_BFLOAT16, TS_BFLOAT16},
    {TS_BFLOAT16, TS_FLOAT32, TS_FLOAT32},
    {TS_BFLOAT16, TS_FLOAT64, TS_FLOAT64},
    {TS_FLOAT32, TS_BOOL, TS_FLOAT32},
    {TS_FLOAT32, TS_UINT8, TS_FLOAT32},
    {TS_FLOAT32, TS_INT8, TS_FLOAT32},
    {TS_FLOAT32, TS_INT16, TS_FLOAT32},
    {TS_FLOAT32, TS_INT32, TS_FLOAT32},
    {TS_FLOAT32, TS_INT64, TS_FLOAT32},
    {TS_FLOAT32, TS_FLOAT16, TS_FLOAT32},
    {TS_FLOAT32, TS_BFLOAT16, TS_FLOAT32},
    {TS_FLOAT32, TS_FLOAT32, TS_FLOAT32},
    {TS_FLOAT32, TS_FLOAT64, TS_FLOAT64},
    {TS_FLOAT64, TS_BOOL, TS_FLOAT64},
    {TS_FLOAT64, TS_UINT8, TS_FLOAT64},
    {TS_FLOAT64, TS_INT8, TS_FLOAT64},
    {TS_FLOAT64, TS_INT16, TS_FLOAT64},
    {TS_FLOAT64, TS_INT32, TS_FLOAT64},
    {TS_FLOAT64, TS_INT64, TS_FLOAT64},
    {TS_FLOAT64, TS_FLOAT16, TS_FLOAT64},
    {TS_FLOAT64, TS_BFLOAT16, TS_FLOAT64},
    {TS_FLOAT64, TS_FLOAT32, TS_FLOAT64},
    {TS_FLOAT64, TS_FLOAT64, TS_FLOAT64}
};

static void test_promotion(void)
{
    for (size_t i = 0; i < sizeof promo / sizeof promo[0]; i++)
        expect(ts_promote_types(promo[i][0], promo[i][1]) == promo[i][2], "promote_types table");
}

/* float16/bfloat16: every finite half survives a round trip. */
static void test_half_roundtrip(void)
{
    int bad = 0;
    for (uint32_t h = 0; h < 65536; h++) {
        if ((h & 0x7c00) == 0x7c00 && (h & 0x3ff))
            continue; /* NaN payloads */
        bad += ts_f32_to_f16(ts_f16_to_f32((uint16_t)h)) != h;
        if (!((h & 0x7f80) == 0x7f80 && (h & 0x7f)))
            bad += ts_f32_to_bf16(ts_bf16_to_f32((uint16_t)h)) != h;
    }
    expect(bad == 0, "half/bfloat16 round trip");
}

/* The threaded, coalesced fast path against the serial reference path. */
static void test_parallel_vs_serial(void)
{
    int64_t n = 1 << 20, sz[2] = {1024, 1024};
    TsTensor *a = ts_arange(ts_scalar_i(0), ts_scalar_i(n), ts_scalar_i(1), TS_FLOAT32, 0);
    TsTensor *m = ts_view(a, 2, sz);
    TsTensor *mt = ts_t(m);
    TsTensor *r1 = ts_binary(TS_OP_MUL, ts_arg(m), ts_arg(mt), NULL);
    TsTensor *e1 = ts_unary(TS_OP_SIN, mt, NULL);
    int saved = ts_get_num_threads();
    ts_set_num_threads(1);
    TsTensor *r2 = ts_binary(TS_OP_MUL, ts_arg(m), ts_arg(mt), NULL);
    TsTensor *e2 = ts_unary(TS_OP_SIN, mt, NULL);
    ts_set_num_threads(saved);
    expect(memcmp(ts_data(r1), ts_data(r2), (size_t)n * 4) == 0, "parallel mul == serial mul");
    expect(memcmp(ts_data(e1), ts_data(e2), (size_t)n * 4) == 0, "parallel sin == serial sin");
    /* element (i, j) = (i*1024+j) * (j*1024+i), checked at a few points */
    int64_t idx[2] = {3, 1000};
    expect(ts_get_f64(r1, idx) == (float)((3 * 1024 + 1000.0f) * (1000 * 1024 + 3.0f)), "mul value");
    TsIter it;
    TsTensor *ops[3] = {r1, m, m};
    ts_iter_build(&it, 3, ops);
    expect(it.ndim == 1 && it.shape[0] == n, "contiguous operands coalesce to one dim");
    ts_release(a); ts_release(m); ts_release(mt);
    ts_release(r1); ts_release(r2); ts_release(e1); ts_release(e2);
}

/* expand allocates nothing; views share storage and version. */
static void test_views_share(void)
{
    TsTensor *o = ts_ones(2, (int64_t[]){3, 2}, TS_UNDEF, 0);
    TsTensor *u = ts_unsqueeze(o, 0);
    TsTensor *e = ts_expand(u, 3, (int64_t[]){10000000000000LL, 3, 2});
    expect(e && e->storage == o->storage && e->strides[0] == 0, "huge expand is a view");
    TsTensor *s = ts_select(o, 0, 1);
    ts_fill_(s, ts_scalar_f(5));
    int64_t idx[2] = {1, 1};
    expect(ts_get_f64(o, idx) == 5 && o->storage->version == 1, "view write visible, version bumped");
    TsTensor *big = ts_empty(1, (int64_t[]){10000000000000LL}, TS_UNDEF, 0);
    expect(!big && ts_error_kind() == TS_ERR_MEMORY &&
               strstr(ts_error_msg(), "you tried to allocate 40000000000000 bytes"),
           "out of memory is an error, not a crash");
    TsScalar v;
    expect(ts_item(o, &v) < 0 && ts_error_kind() == TS_ERR_VALUE, "item of many elements");
    TsTensor *z = ts_scalar_tensor(ts_scalar_f(2.5), TS_UNDEF, 0);
    expect(ts_item(z, &v) == 0 && v.is_float && v.f == 2.5, "item");
    ts_release(z); ts_release(o); ts_release(u); ts_release(e); ts_release(s);
}

int main(void)
{
    TsTensor *a, *b, *c, *d, *e, *u, *h, *g, *w, *m, *x, *z, *zi, *q, *n, *hh;
    a = mk(TS_FLOAT32, 2, (int64_t[]){2, 3}, (double[]){0.5, -1.5, 2.25, 3.0, -4.75, 5.5});
    b = mk(TS_FLOAT32, 1, (int64_t[]){3}, (double[]){1.0, -2.0, 0.0});
    c = mk(TS_INT64, 2, (int64_t[]){2, 3}, (double[]){7.0, -7.0, 5.0, -5.0, 0.0, 9.0});
    d = mk(TS_INT64, 1, (int64_t[]){3}, (double[]){2.0, -2.0, 3.0});
    e = mk(TS_INT32, 2, (int64_t[]){2, 1}, (double[]){3.0, -4.0});
    u = mk(TS_UINT8, 1, (int64_t[]){4}, (double[]){0.0, 100.0, 200.0, 255.0});
    h = mk(TS_FLOAT16, 1, (int64_t[]){4}, (double[]){0.1, 1.5, -2.7, 60000.0});
    g = mk(TS_BFLOAT16, 1, (int64_t[]){3}, (double[]){0.1, 1.5, -2.7});
    w = mk(TS_FLOAT64, 2, (int64_t[]){2, 2}, (double[]){0.3333333333333333, 2.5, -1e+300, 7.0});
    m = mk(TS_BOOL, 2, (int64_t[]){2, 3}, (double[]){1.0, 0.0, 1.0, 0.0, 0.0, 1.0});
    x = mk(TS_FLOAT32, 1, (int64_t[]){6}, (double[]){-3.5, -2.5, -0.5, 0.5, 1.5, 2.5});
    z = mk(TS_FLOAT32, 0, (int64_t[]){0}, (double[]){2.5});
    zi = mk(TS_INT64, 0, (int64_t[]){0}, (double[]){3.0});
    q = mk(TS_FLOAT32, 3, (int64_t[]){2, 3, 4}, (double[]){-3.0, -2.5, -2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 5.5, 6.0, 6.5, 7.0, 7.5, 8.0, 8.5});
    n = mk(TS_FLOAT32, 1, (int64_t[]){4}, (double[]){NAN, INFINITY, -INFINITY, 1.0});
    hh = mk(TS_FLOAT64, 1, (int64_t[]){10}, (double[]){65519.99, 65520.0, 2.9802322387695312e-08, 4.470348358154297e-08, 1.00048828125, 1.00146484375, -5.960464477539063e-08, 1e-08, 6.1e-05, 0.333333333});

    test_promotion();
    test_half_roundtrip();
    test_parallel_vs_serial();
    test_views_share();
    CHECK("torch.arange(0,10,3)", D(ts_arange(ts_scalar_i(0), ts_scalar_i(10), ts_scalar_i(3), TS_UNDEF, 0)), "Long [4] 0 3 6 9");
    CHECK("torch.arange(0,1,0.1)", D(ts_arange(ts_scalar_i(0), ts_scalar_i(1), ts_scalar_f(0.1), TS_UNDEF, 0)), "Float [10] 0 0.100000001 0.200000003 0.300000012 0.400000006 0.5 0.600000024 0.699999988 0.800000012 0.899999976");
    CHECK("torch.arange(1.,-2.,-0.7)", D(ts_arange(ts_scalar_f(1.0), ts_scalar_f(-2.0), ts_scalar_f(-0.7), TS_UNDEF, 0)), "Float [5] 1 0.300000012 -0.400000006 -1.10000002 -1.79999995");
    CHECK("torch.arange(5,-5,-3,dtype=torch.float64)", D(ts_arange(ts_scalar_i(5), ts_scalar_i(-5), ts_scalar_i(-3), TS_FLOAT64, 0)), "Double [4] 5 2 -1 -4");
    CHECK("torch.arange(0,5,-1)", D(ts_arange(ts_scalar_i(0), ts_scalar_i(5), ts_scalar_i(-1), TS_UNDEF, 0)), "ERR RUNTIME upper bound and larger bound inconsistent with step sign");
    CHECK("torch.arange(0,5,0)", D(ts_arange(ts_scalar_i(0), ts_scalar_i(5), ts_scalar_i(0), TS_UNDEF, 0)), "ERR RUNTIME step must be nonzero");
    CHECK("torch.linspace(-1,1,7)", D(ts_linspace(-1, 1, 7, TS_UNDEF, 0)), "Float [7] -1 -0.666666627 -0.333333313 -2.98023224e-08 0.333333313 0.666666627 1");
    CHECK("torch.linspace(0,10,4,dtype=torch.float64)", D(ts_linspace(0, 10, 4, TS_FLOAT64, 0)), "Double [4] 0 3.3333333333333335 6.6666666666666661 10");
    CHECK("torch.linspace(3,3,1)", D(ts_linspace(3, 3, 1, TS_UNDEF, 0)), "Float [1] 3");
    CHECK("torch.linspace(0,10,5,dtype=torch.int64)", D(ts_linspace(0, 10, 5, TS_INT64, 0)), "Long [5] 0 2 5 7 10");
    CHECK_APPROX("torch.logspace(0,2,3)", D(ts_logspace(0, 2, 3, 10, TS_UNDEF, 0)), "Float [3] 1 10 100");
    CHECK_APPROX("torch.logspace(-1,1,4,base=2,dtype=torch.float64)", D(ts_logspace(-1, 1, 4, 2, TS_FLOAT64, 0)), "Double [4] 0.5 0.79370052598409968 1.2599210498948732 2");
    CHECK("torch.eye(2,3)", D(ts_eye(2, 3, TS_UNDEF, 0)), "Float [2,3] 1 0 0 0 1 0");
    CHECK("torch.eye(3,dtype=torch.int32)", D(ts_eye(3, -1, TS_INT32, 0)), "Int [3,3] 1 0 0 0 1 0 0 0 1");
    CHECK("torch.full((2,2),1.5)", D(ts_full(2, (int64_t[]){2,2}, ts_scalar_f(1.5), TS_UNDEF, 0)), "Float [2,2] 1.5 1.5 1.5 1.5");
    CHECK("torch.full((3,),7)", D(ts_full(1, (int64_t[]){3}, ts_scalar_i(7), TS_UNDEF, 0)), "Long [3] 7 7 7");
    CHECK("torch.full((2,),True)", D(ts_full(1, (int64_t[]){2}, ts_scalar_b(true), TS_UNDEF, 0)), "Bool [2] 1 1");
    CHECK("torch.zeros(-1)", D(ts_zeros(1, (int64_t[]){-1}, TS_UNDEF, 0)), "ERR RUNTIME Trying to create tensor with negative dimension -1: [-1]");
    CHECK("torch.ones(2,-3)", D(ts_ones(2, (int64_t[]){2,-3}, TS_UNDEF, 0)), "ERR RUNTIME Trying to create tensor with negative dimension -3: [2, -3]");
    CHECK("torch.ones((),dtype=torch.int8)", D(ts_ones(0, NULL, TS_INT8, 0)), "Char [] 1");
    CHECK("x.to(torch.bool)", D(ts_to(x, TS_BOOL, 0, false)), "Bool [6] 1 1 1 1 1 1");
    CHECK("x.to(torch.uint8)", D(ts_to(x, TS_UINT8, 0, false)), "Byte [6] 253 254 0 0 1 2");
    CHECK("x.to(torch.int8)", D(ts_to(x, TS_INT8, 0, false)), "Char [6] -3 -2 0 0 1 2");
    CHECK("x.to(torch.int16)", D(ts_to(x, TS_INT16, 0, false)), "Short [6] -3 -2 0 0 1 2");
    CHECK("x.to(torch.int32)", D(ts_to(x, TS_INT32, 0, false)), "Int [6] -3 -2 0 0 1 2");
    CHECK("x.to(torch.int64)", D(ts_to(x, TS_INT64, 0, false)), "Long [6] -3 -2 0 0 1 2");
    CHECK("x.to(torch.float16)", D(ts_to(x, TS_FLOAT16, 0, false)), "Half [6] -3.5 -2.5 -0.5 0.5 1.5 2.5");
    CHECK("x.to(torch.bfloat16)", D(ts_to(x, TS_BFLOAT16, 0, false)), "BFloat16 [6] -3.5 -2.5 -0.5 0.5 1.5 2.5");
    CHECK("x.to(torch.float64)", D(ts_to(x, TS_FLOAT64, 0, false)), "Double [6] -3.5 -2.5 -0.5 0.5 1.5 2.5");
    CHECK("torch.zeros(5).int()", D(ts_to(ts_full(1,(int64_t[]){5},ts_scalar_f(0),TS_UNDEF,0), TS_INT32, 0, false)), "Int [5] 0 0 0 0 0");
    CHECK("h.float()", D(ts_to(h, TS_FLOAT32, 0, false)), "Float [4] 0.0999755859 1.5 -2.69921875 60000");
    CHECK("g.double()", D(ts_to(g, TS_FLOAT64, 0, false)), "Double [3] 0.10009765625 1.5 -2.703125");
    CHECK("w.half()", D(ts_to(w, TS_FLOAT16, 0, false)), "Half [2,2] 0.333251953 2.5 -inf 7");
    CHECK("w.bfloat16()", D(ts_to(w, TS_BFLOAT16, 0, false)), "BFloat16 [2,2] 0.333984375 2.5 -inf 7");
    CHECK("w.int()", D(ts_to(w, TS_INT32, 0, false)), "Int [2,2] 0 2 -2147483648 7");
    CHECK("w.byte()", D(ts_to(w, TS_UINT8, 0, false)), "Byte [2,2] 0 2 0 7");
    CHECK("u.char()", D(ts_to(u, TS_INT8, 0, false)), "Char [4] 0 100 -56 -1");
    CHECK("c.byte()", D(ts_to(c, TS_UINT8, 0, false)), "Byte [2,3] 7 249 5 251 0 9");
    CHECK("n.long()", D(ts_to(n, TS_INT64, 0, false)), "Long [4] -9223372036854775808 -9223372036854775808 -9223372036854775808 1");
    CHECK("n.bool()", D(ts_to(n, TS_BOOL, 0, false)), "Bool [4] 1 1 1 1");
    CHECK("n.half()", D(ts_to(n, TS_FLOAT16, 0, false)), "Half [4] nan inf -inf 1");
    CHECK("a.view(-1)", D(ts_view(a, 1, (int64_t[]){-1})), "Float [6] 0.5 -1.5 2.25 3 -4.75 5.5");
    CHECK("a.view(3,1,-1)", D(ts_view(a, 3, (int64_t[]){3,1,-1})), "Float [3,1,2] 0.5 -1.5 2.25 3 -4.75 5.5");
    CHECK("a.view(4,-1)", D(ts_view(a, 2, (int64_t[]){4,-1})), "ERR RUNTIME shape '[4, -1]' is invalid for input of size 6");
    CHECK("a.view(-1,-1)", D(ts_view(a, 2, (int64_t[]){-1,-1})), "ERR RUNTIME only one dimension can be inferred");
    CHECK("a.t().view(6)", D(ts_view(AT(a), 1, (int64_t[]){6})), "ERR RUNTIME view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
    CHECK("a.t().reshape(6)", D(ts_reshape(AT(a), 1, (int64_t[]){6})), "Float [6] 0.5 3 -1.5 -4.75 2.25 5.5");
    CHECK("q.transpose(0,1).reshape(6,4)", D(ts_reshape(ts_transpose(q,0,1), 2, (int64_t[]){6,4})), "Float [6,4] -3 -2.5 -2 -1.5 3 3.5 4 4.5 -1 -0.5 0 0.5 5 5.5 6 6.5 1 1.5 2 2.5 7 7.5 8 8.5");
    CHECK("q.transpose(1,2).view(2,2,6)", D(ts_view(ts_transpose(q,1,2), 3, (int64_t[]){2,2,6})), "ERR RUNTIME view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
    CHECK("z.view(1)", D(ts_view(z, 1, (int64_t[]){1})), "Float [1] 2.5");
    CHECK("z.view(2)", D(ts_view(z, 1, (int64_t[]){2})), "ERR RUNTIME shape '[2]' is invalid for input of size 1");
    CHECK("q.permute(2,0,1)", D(ts_permute(q, 3, (int64_t[]){2,0,1})), "Float [4,2,3] -3 -1 1 3 5 7 -2.5 -0.5 1.5 3.5 5.5 7.5 -2 0 2 4 6 8 -1.5 0.5 2.5 4.5 6.5 8.5");
    CHECK("q.permute(2,0,-1)", D(ts_permute(q, 3, (int64_t[]){2,0,-1})), "ERR RUNTIME permute(): duplicate dims are not allowed.");
    CHECK("q.permute(0)", D(ts_permute(q, 1, (int64_t[]){0})), "ERR RUNTIME permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = 3 is not equal to len(dims) = 1");
    CHECK("a.transpose(0,2)", D(ts_transpose(a, 0, 2)), "ERR INDEX Dimension out of range (expected to be in range of [-2, 1], but got 2)");
    CHECK("e.unsqueeze(0).squeeze()", D(ts_squeeze(ts_unsqueeze(e, 0))), "Int [2] 3 -4");
    CHECK("e.squeeze(1)", D(ts_squeeze_dim(e, 1)), "Int [2] 3 -4");
    CHECK("e.squeeze(0)", D(ts_squeeze_dim(e, 0)), "Int [2,1] 3 -4");
    CHECK("e.squeeze(5)", D(ts_squeeze_dim(e, 5)), "ERR INDEX Dimension out of range (expected to be in range of [-2, 1], but got 5)");
    CHECK("a.unsqueeze(-1)", D(ts_unsqueeze(a, -1)), "Float [2,3,1] 0.5 -1.5 2.25 3 -4.75 5.5");
    CHECK("a.unsqueeze(3)", D(ts_unsqueeze(a, 3)), "ERR INDEX Dimension out of range (expected to be in range of [-3, 2], but got 3)");
    CHECK("q.flatten(1,2)", D(ts_flatten(q, 1, 2)), "Float [2,12] -3 -2.5 -2 -1.5 -1 -0.5 0 0.5 1 1.5 2 2.5 3 3.5 4 4.5 5 5.5 6 6.5 7 7.5 8 8.5");
    CHECK("q.flatten()", D(ts_flatten(q, 0, -1)), "Float [24] -3 -2.5 -2 -1.5 -1 -0.5 0 0.5 1 1.5 2 2.5 3 3.5 4 4.5 5 5.5 6 6.5 7 7.5 8 8.5");
    CHECK("a.flatten(1,0)", D(ts_flatten(a, 1, 0)), "ERR RUNTIME flatten() has invalid args: start_dim cannot come after end_dim");
    CHECK("z.flatten()", D(ts_flatten(z, 0, -1)), "Float [1] 2.5");
    CHECK("b.expand(2,3)", D(ts_expand(b, 2, (int64_t[]){2,3})), "Float [2,3] 1 -2 0 1 -2 0");
    CHECK("e.expand(2,-1,4)", D(ts_expand(e, 3, (int64_t[]){2,-1,4})), "Int [2,2,4] 3 3 3 3 -4 -4 -4 -4 3 3 3 3 -4 -4 -4 -4");
    CHECK("a.expand(4,3)", D(ts_expand(a, 2, (int64_t[]){4,3})), "ERR RUNTIME The expanded size of the tensor (4) must match the existing size (2) at non-singleton dimension 0.  Target sizes: [4, 3].  Tensor sizes: [2, 3]");
    CHECK("a.expand(3)", D(ts_expand(a, 1, (int64_t[]){3})), "ERR RUNTIME expand(torch.FloatTensor{[2, 3]}, size=[3]): the number of sizes provided (1) must be greater or equal to the number of dimensions in the tensor (2)");
    CHECK("x.narrow(0,2,3)", D(ts_narrow(x, 0, 2, 3)), "Float [3] -0.5 0.5 1.5");
    CHECK("x.narrow(0,-2,2)", D(ts_narrow(x, 0, -2, 2)), "Float [2] 1.5 2.5");
    CHECK("x.narrow(0,3,4)", D(ts_narrow(x, 0, 3, 4)), "ERR RUNTIME start (3) + length (4) exceeds dimension size (6).");
    CHECK("q.select(1,-1)", D(ts_select(q, 1, -1)), "Float [2,4] 1 1.5 2 2.5 7 7.5 8 8.5");
    CHECK("q.select(1,3)", D(ts_select(q, 1, 3)), "ERR INDEX select(): index 3 out of range for tensor of size [2, 3, 4] at dimension 1");
    CHECK("x[1::2]", D(ts_slice(x, 0, 1, TS_SLICE_NONE, 2)), "Float [3] -2.5 0.5 2.5");
    CHECK("x[-4:-1]", D(ts_slice(x, 0, -4, -1, 1)), "Float [3] -0.5 0.5 1.5");
    CHECK("x[10:20]", D(ts_slice(x, 0, 10, 20, 1)), "Float [0]");
    CHECK("q[:, :, ::3]", D(ts_slice(q, 2, TS_SLICE_NONE, TS_SLICE_NONE, 3)), "Float [2,3,2] -3 -1.5 -1 0.5 1 2.5 3 4.5 5 6.5 7 8.5");
    CHECK("q.diagonal(0,1,2)", D(ts_diagonal(q, 0, 1, 2)), "Float [2,3] -3 -0.5 2 3 5.5 8");
    CHECK("q.diagonal(1,2,1)", D(ts_diagonal(q, 1, 2, 1)), "Float [2,2] -1 1.5 5 7.5");
    CHECK("a.diagonal(-1)", D(ts_diagonal(a, -1, 0, 1)), "Float [1] 3");
    CHECK("x.unfold(0,2,2)", D(ts_unfold(x, 0, 2, 2)), "Float [3,2] -3.5 -2.5 -0.5 0.5 1.5 2.5");
    CHECK("a.unfold(1,2,1)", D(ts_unfold(a, 1, 2, 1)), "Float [2,2,2] 0.5 -1.5 -1.5 2.25 3 -4.75 -4.75 5.5");
    CHECK("q.movedim(0,2)", D(ts_movedim(q, 0, 2)), "Float [3,4,2] -3 3 -2.5 3.5 -2 4 -1.5 4.5 -1 5 -0.5 5.5 0 6 0.5 6.5 1 7 1.5 7.5 2 8 2.5 8.5");
    CHECK("x.as_strided((2,2),(1,2),1)", D(ts_contiguous(ts_as_strided(x, 2, (int64_t[]){2,2}, (int64_t[]){1,2}, 1))), "Float [2,2] -2.5 0.5 -0.5 1.5");
    CHECK("q.t()", D(ts_t(q)), "ERR RUNTIME t() expects a tensor with <= 2 dimensions, but self is 3D");
    CHECK("(torch.add)(a,b)", D(ts_binary(TS_OP_ADD, ts_arg(a), ts_arg(b), NULL)), "Float [2,3] 1.5 -3.5 2.25 4 -6.75 5.5");
    CHECK("(torch.add)(c,d)", D(ts_binary(TS_OP_ADD, ts_arg(c), ts_arg(d), NULL)), "Long [2,3] 9 -9 8 -3 -2 12");
    CHECK("(torch.add)(c,e)", D(ts_binary(TS_OP_ADD, ts_arg(c), ts_arg(e), NULL)), "Long [2,3] 10 -4 8 -9 -4 5");
    CHECK("(torch.add)(a,d)", D(ts_binary(TS_OP_ADD, ts_arg(a), ts_arg(d), NULL)), "Float [2,3] 2.5 -3.5 5.25 5 -6.75 8.5");
    CHECK("(torch.add)(u,u)", D(ts_binary(TS_OP_ADD, ts_arg(u), ts_arg(u), NULL)), "Byte [4] 0 200 144 254");
    CHECK("(torch.add)(h,h)", D(ts_binary(TS_OP_ADD, ts_arg(h), ts_arg(h), NULL)), "Half [4] 0.199951172 3 -5.3984375 inf");
    CHECK("(torch.add)(w,w)", D(ts_binary(TS_OP_ADD, ts_arg(w), ts_arg(w), NULL)), "Double [2,2] 0.66666666666666663 5 -2.0000000000000001e+300 14");
    CHECK("(torch.add)(m,m)", D(ts_binary(TS_OP_ADD, ts_arg(m), ts_arg(m), NULL)), "Bool [2,3] 1 0 1 0 0 1");
    CHECK("(torch.add)(c,zi)", D(ts_binary(TS_OP_ADD, ts_arg(c), ts_arg(zi), NULL)), "Long [2,3] 10 -4 8 -2 3 12");
    CHECK("(torch.add)(e,z)", D(ts_binary(TS_OP_ADD, ts_arg(e), ts_arg(z), NULL)), "Float [2,1] 5.5 -1.5");
    CHECK("(torch.sub)(a,b)", D(ts_binary(TS_OP_SUB, ts_arg(a), ts_arg(b), NULL)), "Float [2,3] -0.5 0.5 2.25 2 -2.75 5.5");
    CHECK("(torch.sub)(c,d)", D(ts_binary(TS_OP_SUB, ts_arg(c), ts_arg(d), NULL)), "Long [2,3] 5 -5 2 -7 2 6");
    CHECK("(torch.sub)(c,e)", D(ts_binary(TS_OP_SUB, ts_arg(c), ts_arg(e), NULL)), "Long [2,3] 4 -10 2 -1 4 13");
    CHECK("(torch.sub)(a,d)", D(ts_binary(TS_OP_SUB, ts_arg(a), ts_arg(d), NULL)), "Float [2,3] -1.5 0.5 -0.75 1 -2.75 2.5");
    CHECK("(torch.sub)(u,u)", D(ts_binary(TS_OP_SUB, ts_arg(u), ts_arg(u), NULL)), "Byte [4] 0 0 0 0");
    CHECK("(torch.sub)(h,h)", D(ts_binary(TS_OP_SUB, ts_arg(h), ts_arg(h), NULL)), "Half [4] 0 0 0 0");
    CHECK("(torch.sub)(w,w)", D(ts_binary(TS_OP_SUB, ts_arg(w), ts_arg(w), NULL)), "Double [2,2] 0 0 0 0");
    CHECK("(torch.sub)(m,m)", D(ts_binary(TS_OP_SUB, ts_arg(m), ts_arg(m), NULL)), "ERR RUNTIME Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.");
    CHECK("(torch.sub)(c,zi)", D(ts_binary(TS_OP_SUB, ts_arg(c), ts_arg(zi), NULL)), "Long [2,3] 4 -10 2 -8 -3 6");
    CHECK("(torch.sub)(e,z)", D(ts_binary(TS_OP_SUB, ts_arg(e), ts_arg(z), NULL)), "Float [2,1] 0.5 -6.5");
    CHECK("(torch.mul)(a,b)", D(ts_binary(TS_OP_MUL, ts_arg(a), ts_arg(b), NULL)), "Float [2,3] 0.5 3 0 3 9.5 0");
    CHECK("(torch.mul)(c,d)", D(ts_binary(TS_OP_MUL, ts_arg(c), ts_arg(d), NULL)), "Long [2,3] 14 14 15 -10 0 27");
    CHECK("(torch.mul)(c,e)", D(ts_binary(TS_OP_MUL, ts_arg(c), ts_arg(e), NULL)), "Long [2,3] 21 -21 15 20 0 -36");
    CHECK("(torch.mul)(a,d)", D(ts_binary(TS_OP_MUL, ts_arg(a), ts_arg(d), NULL)), "Float [2,3] 1 3 6.75 6 9.5 16.5");
    CHECK("(torch.mul)(u,u)", D(ts_binary(TS_OP_MUL, ts_arg(u), ts_arg(u), NULL)), "Byte [4] 0 16 64 1");
    CHECK("(torch.mul)(h,h)", D(ts_binary(TS_OP_MUL, ts_arg(h), ts_arg(h), NULL)), "Half [4] 0.00999450684 2.25 7.28515625 inf");
    CHECK("(torch.mul)(w,w)", D(ts_binary(TS_OP_MUL, ts_arg(w), ts_arg(w), NULL)), "Double [2,2] 0.1111111111111111 6.25 inf 49");
    CHECK("(torch.mul)(m,m)", D(ts_binary(TS_OP_MUL, ts_arg(m), ts_arg(m), NULL)), "Bool [2,3] 1 0 1 0 0 1");
    CHECK("(torch.mul)(c,zi)", D(ts_binary(TS_OP_MUL, ts_arg(c), ts_arg(zi), NULL)), "Long [2,3] 21 -21 15 -15 0 27");
    CHECK("(torch.mul)(e,z)", D(ts_binary(TS_OP_MUL, ts_arg(e), ts_arg(z), NULL)), "Float [2,1] 7.5 -10");
    CHECK("(torch.div)(a,b)", D(ts_binary(TS_OP_DIV, ts_arg(a), ts_arg(b), NULL)), "Float [2,3] 0.5 0.75 inf 3 2.375 inf");
    CHECK("(torch.div)(c,d)", D(ts_binary(TS_OP_DIV, ts_arg(c), ts_arg(d), NULL)), "Float [2,3] 3.5 3.5 1.66666663 -2.5 -0 3");
    CHECK("(torch.div)(c,e)", D(ts_binary(TS_OP_DIV, ts_arg(c), ts_arg(e), NULL)), "Float [2,3] 2.33333325 -2.33333325 1.66666663 1.25 -0 -2.25");
    CHECK("(torch.div)(a,d)", D(ts_binary(TS_OP_DIV, ts_arg(a), ts_arg(d), NULL)), "Float [2,3] 0.25 0.75 0.75 1.5 2.375 1.83333337");
    CHECK("(torch.div)(u,u)", D(ts_binary(TS_OP_DIV, ts_arg(u), ts_arg(u), NULL)), "Float [4] nan 1 1 1");
    CHECK("(torch.div)(h,h)", D(ts_binary(TS_OP_DIV, ts_arg(h), ts_arg(h), NULL)), "Half [4] 1 1 1 1");
    CHECK("(torch.div)(w,w)", D(ts_binary(TS_OP_DIV, ts_arg(w), ts_arg(w), NULL)), "Double [2,2] 1 1 1 1");
    CHECK("(torch.div)(m,m)", D(ts_binary(TS_OP_DIV, ts_arg(m), ts_arg(m), NULL)), "Float [2,3] 1 nan 1 nan nan 1");
    CHECK("(torch.div)(c,zi)", D(ts_binary(TS_OP_DIV, ts_arg(c), ts_arg(zi), NULL)), "Float [2,3] 2.33333325 -2.33333325 1.66666663 -1.66666663 0 3");
    CHECK("(torch.div)(e,z)", D(ts_binary(TS_OP_DIV, ts_arg(e), ts_arg(z), NULL)), "Float [2,1] 1.20000005 -1.60000002");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(a,b)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(a), ts_arg(b), NULL)), "Float [2,3] 0 0 inf 3 2 inf");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(c,d)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(c), ts_arg(d), NULL)), "Long [2,3] 3 3 1 -2 0 3");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(c,e)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(c), ts_arg(e), NULL)), "Long [2,3] 2 -2 1 1 0 -2");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(a,d)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(a), ts_arg(d), NULL)), "Float [2,3] 0 0 0 1 2 1");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(u,u)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(u), ts_arg(u), NULL)), "ERR RUNTIME ZeroDivisionError");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(h,h)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(h), ts_arg(h), NULL)), "Half [4] 1 1 1 1");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(w,w)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(w), ts_arg(w), NULL)), "Double [2,2] 1 1 1 1");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(m,m)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(m), ts_arg(m), NULL)), "ERR RUNTIME \"div_trunc_cpu\" not implemented for 'Bool'");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(c,zi)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(c), ts_arg(zi), NULL)), "Long [2,3] 2 -2 1 -1 0 3");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(e,z)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(e), ts_arg(z), NULL)), "Float [2,1] 1 -1");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(a,b)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(a), ts_arg(b), NULL)), "Float [2,3] 0 0 inf 3 2 inf");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(c,d)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(c), ts_arg(d), NULL)), "Long [2,3] 3 3 1 -3 0 3");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(c,e)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(c), ts_arg(e), NULL)), "Long [2,3] 2 -3 1 1 0 -3");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(a,d)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(a), ts_arg(d), NULL)), "Float [2,3] 0 0 0 1 2 1");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(u,u)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(u), ts_arg(u), NULL)), "ERR RUNTIME ZeroDivisionError");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(h,h)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(h), ts_arg(h), NULL)), "Half [4] 1 1 1 1");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(w,w)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(w), ts_arg(w), NULL)), "Double [2,2] 1 1 1 1");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(m,m)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(m), ts_arg(m), NULL)), "ERR RUNTIME \"div_floor_cpu\" not implemented for 'Bool'");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(c,zi)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(c), ts_arg(zi), NULL)), "Long [2,3] 2 -3 1 -2 0 3");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(e,z)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(e), ts_arg(z), NULL)), "Float [2,1] 1 -2");
    CHECK("(torch.remainder)(a,b)", D(ts_binary(TS_OP_REMAINDER, ts_arg(a), ts_arg(b), NULL)), "Float [2,3] 0.5 -1.5 nan 0 -0.75 nan");
    CHECK("(torch.remainder)(c,d)", D(ts_binary(TS_OP_REMAINDER, ts_arg(c), ts_arg(d), NULL)), "Long [2,3] 1 -1 2 1 0 0");
    CHECK("(torch.remainder)(c,e)", D(ts_binary(TS_OP_REMAINDER, ts_arg(c), ts_arg(e), NULL)), "Long [2,3] 1 2 2 -1 0 -3");
    CHECK("(torch.remainder)(a,d)", D(ts_binary(TS_OP_REMAINDER, ts_arg(a), ts_arg(d), NULL)), "Float [2,3] 0.5 -1.5 2.25 1 -0.75 2.5");
    CHECK("(torch.remainder)(u,u)", D(ts_binary(TS_OP_REMAINDER, ts_arg(u), ts_arg(u), NULL)), "ERR RUNTIME ZeroDivisionError");
    CHECK("(torch.remainder)(h,h)", D(ts_binary(TS_OP_REMAINDER, ts_arg(h), ts_arg(h), NULL)), "Half [4] 0 0 -0 0");
    CHECK("(torch.remainder)(w,w)", D(ts_binary(TS_OP_REMAINDER, ts_arg(w), ts_arg(w), NULL)), "Double [2,2] 0 0 -0 0");
    CHECK("(torch.remainder)(m,m)", D(ts_binary(TS_OP_REMAINDER, ts_arg(m), ts_arg(m), NULL)), "ERR RUNTIME \"remainder_cpu\" not implemented for 'Bool'");
    CHECK("(torch.remainder)(c,zi)", D(ts_binary(TS_OP_REMAINDER, ts_arg(c), ts_arg(zi), NULL)), "Long [2,3] 1 2 2 1 0 0");
    CHECK("(torch.remainder)(e,z)", D(ts_binary(TS_OP_REMAINDER, ts_arg(e), ts_arg(z), NULL)), "Float [2,1] 0.5 1");
    CHECK("(torch.fmod)(a,b)", D(ts_binary(TS_OP_FMOD, ts_arg(a), ts_arg(b), NULL)), "Float [2,3] 0.5 -1.5 nan 0 -0.75 nan");
    CHECK("(torch.fmod)(c,d)", D(ts_binary(TS_OP_FMOD, ts_arg(c), ts_arg(d), NULL)), "Long [2,3] 1 -1 2 -1 0 0");
    CHECK("(torch.fmod)(c,e)", D(ts_binary(TS_OP_FMOD, ts_arg(c), ts_arg(e), NULL)), "Long [2,3] 1 -1 2 -1 0 1");
    CHECK("(torch.fmod)(a,d)", D(ts_binary(TS_OP_FMOD, ts_arg(a), ts_arg(d), NULL)), "Float [2,3] 0.5 -1.5 2.25 1 -0.75 2.5");
    CHECK("(torch.fmod)(u,u)", D(ts_binary(TS_OP_FMOD, ts_arg(u), ts_arg(u), NULL)), "ERR RUNTIME ZeroDivisionError");
    CHECK("(torch.fmod)(h,h)", D(ts_binary(TS_OP_FMOD, ts_arg(h), ts_arg(h), NULL)), "Half [4] 0 0 -0 0");
    CHECK("(torch.fmod)(w,w)", D(ts_binary(TS_OP_FMOD, ts_arg(w), ts_arg(w), NULL)), "Double [2,2] 0 0 -0 0");
    CHECK("(torch.fmod)(m,m)", D(ts_binary(TS_OP_FMOD, ts_arg(m), ts_arg(m), NULL)), "ERR RUNTIME \"fmod_cpu\" not implemented for 'Bool'");
    CHECK("(torch.fmod)(c,zi)", D(ts_binary(TS_OP_FMOD, ts_arg(c), ts_arg(zi), NULL)), "Long [2,3] 1 -1 2 -2 0 0");
    CHECK("(torch.fmod)(e,z)", D(ts_binary(TS_OP_FMOD, ts_arg(e), ts_arg(z), NULL)), "Float [2,1] 0.5 -1.5");
    CHECK_APPROX("(torch.pow)(a,b)", D(ts_binary(TS_OP_POW, ts_arg(a), ts_arg(b), NULL)), "Float [2,3] 0.5 0.444444448 1 3 0.0443213284 1");
    CHECK_APPROX("(torch.pow)(a,d)", D(ts_binary(TS_OP_POW, ts_arg(a), ts_arg(d), NULL)), "Float [2,3] 0.25 0.444444448 11.390625 9 0.0443213284 166.375");
    CHECK_APPROX("(torch.pow)(u,u)", D(ts_binary(TS_OP_POW, ts_arg(u), ts_arg(u), NULL)), "Byte [4] 1 0 0 255");
    CHECK_APPROX("(torch.pow)(h,h)", D(ts_binary(TS_OP_POW, ts_arg(h), ts_arg(h), NULL)), "Half [4] 0.794433594 1.83691406 nan inf");
    CHECK_APPROX("(torch.pow)(w,w)", D(ts_binary(TS_OP_POW, ts_arg(w), ts_arg(w), NULL)), "Double [2,2] 0.69336127435063466 9.8821176880261863 0 823543");
    CHECK_APPROX("(torch.pow)(m,m)", D(ts_binary(TS_OP_POW, ts_arg(m), ts_arg(m), NULL)), "ERR RUNTIME \"pow\" not implemented for 'Bool'");
    CHECK_APPROX("(torch.pow)(c,zi)", D(ts_binary(TS_OP_POW, ts_arg(c), ts_arg(zi), NULL)), "Long [2,3] 343 -343 125 -125 0 729");
    CHECK_APPROX("(torch.pow)(e,z)", D(ts_binary(TS_OP_POW, ts_arg(e), ts_arg(z), NULL)), "Float [2,1] 15.5884571 nan");
    CHECK_APPROX("(torch.atan2)(a,b)", D(ts_binary(TS_OP_ATAN2, ts_arg(a), ts_arg(b), NULL)), "Float [2,3] 0.463647604 -2.4980917 1.57079637 1.24904573 -1.96931875 1.57079637");
    CHECK_APPROX("(torch.atan2)(c,d)", D(ts_binary(TS_OP_ATAN2, ts_arg(c), ts_arg(d), NULL)), "Float [2,3] 1.29249668 -1.84909594 1.03037679 -1.19028997 3.14159274 1.24904573");
    CHECK_APPROX("(torch.atan2)(c,e)", D(ts_binary(TS_OP_ATAN2, ts_arg(c), ts_arg(e), NULL)), "Float [2,3] 1.16590452 -1.16590452 1.03037679 -2.24553728 3.14159274 1.98902059");
    CHECK_APPROX("(torch.atan2)(a,d)", D(ts_binary(TS_OP_ATAN2, ts_arg(a), ts_arg(d), NULL)), "Float [2,3] 0.244978666 -2.4980917 0.643501103 0.982793748 -1.96931875 1.07144964");
    CHECK_APPROX("(torch.atan2)(u,u)", D(ts_binary(TS_OP_ATAN2, ts_arg(u), ts_arg(u), NULL)), "Float [4] 0 0.785398185 0.785398185 0.785398185");
    CHECK_APPROX("(torch.atan2)(w,w)", D(ts_binary(TS_OP_ATAN2, ts_arg(w), ts_arg(w), NULL)), "Double [2,2] 0.78539816339744828 0.78539816339744828 -2.3561944901923448 0.78539816339744828");
    CHECK_APPROX("(torch.atan2)(c,zi)", D(ts_binary(TS_OP_ATAN2, ts_arg(c), ts_arg(zi), NULL)), "Float [2,3] 1.16590452 -1.16590452 1.03037679 -1.03037679 0 1.24904573");
    CHECK_APPROX("(torch.atan2)(e,z)", D(ts_binary(TS_OP_ATAN2, ts_arg(e), ts_arg(z), NULL)), "Float [2,1] 0.876058102 -1.01219702");
    CHECK("(torch.maximum)(a,b)", D(ts_binary(TS_OP_MAXIMUM, ts_arg(a), ts_arg(b), NULL)), "Float [2,3] 1 -1.5 2.25 3 -2 5.5");
    CHECK("(torch.maximum)(c,d)", D(ts_binary(TS_OP_MAXIMUM, ts_arg(c), ts_arg(d), NULL)), "Long [2,3] 7 -2 5 2 0 9");
    CHECK("(torch.maximum)(c,e)", D(ts_binary(TS_OP_MAXIMUM, ts_arg(c), ts_arg(e), NULL)), "Long [2,3] 7 3 5 -4 0 9");
    CHECK("(torch.maximum)(a,d)", D(ts_binary(TS_OP_MAXIMUM, ts_arg(a), ts_arg(d), NULL)), "Float [2,3] 2 -1.5 3 3 -2 5.5");
    CHECK("(torch.maximum)(u,u)", D(ts_binary(TS_OP_MAXIMUM, ts_arg(u), ts_arg(u), NULL)), "Byte [4] 0 100 200 255");
    CHECK("(torch.maximum)(h,h)", D(ts_binary(TS_OP_MAXIMUM, ts_arg(h), ts_arg(h), NULL)), "Half [4] 0.0999755859 1.5 -2.69921875 60000");
    CHECK("(torch.maximum)(w,w)", D(ts_binary(TS_OP_MAXIMUM, ts_arg(w), ts_arg(w), NULL)), "Double [2,2] 0.33333333333333331 2.5 -1.0000000000000001e+300 7");
    CHECK("(torch.maximum)(m,m)", D(ts_binary(TS_OP_MAXIMUM, ts_arg(m), ts_arg(m), NULL)), "Bool [2,3] 1 0 1 0 0 1");
    CHECK("(torch.maximum)(c,zi)", D(ts_binary(TS_OP_MAXIMUM, ts_arg(c), ts_arg(zi), NULL)), "Long [2,3] 7 3 5 3 3 9");
    CHECK("(torch.maximum)(e,z)", D(ts_binary(TS_OP_MAXIMUM, ts_arg(e), ts_arg(z), NULL)), "Float [2,1] 3 2.5");
    CHECK("(torch.minimum)(a,b)", D(ts_binary(TS_OP_MINIMUM, ts_arg(a), ts_arg(b), NULL)), "Float [2,3] 0.5 -2 0 1 -4.75 0");
    CHECK("(torch.minimum)(c,d)", D(ts_binary(TS_OP_MINIMUM, ts_arg(c), ts_arg(d), NULL)), "Long [2,3] 2 -7 3 -5 -2 3");
    CHECK("(torch.minimum)(c,e)", D(ts_binary(TS_OP_MINIMUM, ts_arg(c), ts_arg(e), NULL)), "Long [2,3] 3 -7 3 -5 -4 -4");
    CHECK("(torch.minimum)(a,d)", D(ts_binary(TS_OP_MINIMUM, ts_arg(a), ts_arg(d), NULL)), "Float [2,3] 0.5 -2 2.25 2 -4.75 3");
    CHECK("(torch.minimum)(u,u)", D(ts_binary(TS_OP_MINIMUM, ts_arg(u), ts_arg(u), NULL)), "Byte [4] 0 100 200 255");
    CHECK("(torch.minimum)(h,h)", D(ts_binary(TS_OP_MINIMUM, ts_arg(h), ts_arg(h), NULL)), "Half [4] 0.0999755859 1.5 -2.69921875 60000");
    CHECK("(torch.minimum)(w,w)", D(ts_binary(TS_OP_MINIMUM, ts_arg(w), ts_arg(w), NULL)), "Double [2,2] 0.33333333333333331 2.5 -1.0000000000000001e+300 7");
    CHECK("(torch.minimum)(m,m)", D(ts_binary(TS_OP_MINIMUM, ts_arg(m), ts_arg(m), NULL)), "Bool [2,3] 1 0 1 0 0 1");
    CHECK("(torch.minimum)(c,zi)", D(ts_binary(TS_OP_MINIMUM, ts_arg(c), ts_arg(zi), NULL)), "Long [2,3] 3 -7 3 -5 0 3");
    CHECK("(torch.minimum)(e,z)", D(ts_binary(TS_OP_MINIMUM, ts_arg(e), ts_arg(z), NULL)), "Float [2,1] 2.5 -4");
    CHECK("(torch.eq)(a,b)", D(ts_binary(TS_OP_EQ, ts_arg(a), ts_arg(b), NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("(torch.eq)(c,d)", D(ts_binary(TS_OP_EQ, ts_arg(c), ts_arg(d), NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("(torch.eq)(c,e)", D(ts_binary(TS_OP_EQ, ts_arg(c), ts_arg(e), NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("(torch.eq)(a,d)", D(ts_binary(TS_OP_EQ, ts_arg(a), ts_arg(d), NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("(torch.eq)(u,u)", D(ts_binary(TS_OP_EQ, ts_arg(u), ts_arg(u), NULL)), "Bool [4] 1 1 1 1");
    CHECK("(torch.eq)(h,h)", D(ts_binary(TS_OP_EQ, ts_arg(h), ts_arg(h), NULL)), "Bool [4] 1 1 1 1");
    CHECK("(torch.eq)(w,w)", D(ts_binary(TS_OP_EQ, ts_arg(w), ts_arg(w), NULL)), "Bool [2,2] 1 1 1 1");
    CHECK("(torch.eq)(m,m)", D(ts_binary(TS_OP_EQ, ts_arg(m), ts_arg(m), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.eq)(c,zi)", D(ts_binary(TS_OP_EQ, ts_arg(c), ts_arg(zi), NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("(torch.eq)(e,z)", D(ts_binary(TS_OP_EQ, ts_arg(e), ts_arg(z), NULL)), "Bool [2,1] 0 0");
    CHECK("(torch.ne)(a,b)", D(ts_binary(TS_OP_NE, ts_arg(a), ts_arg(b), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.ne)(c,d)", D(ts_binary(TS_OP_NE, ts_arg(c), ts_arg(d), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.ne)(c,e)", D(ts_binary(TS_OP_NE, ts_arg(c), ts_arg(e), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.ne)(a,d)", D(ts_binary(TS_OP_NE, ts_arg(a), ts_arg(d), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.ne)(u,u)", D(ts_binary(TS_OP_NE, ts_arg(u), ts_arg(u), NULL)), "Bool [4] 0 0 0 0");
    CHECK("(torch.ne)(h,h)", D(ts_binary(TS_OP_NE, ts_arg(h), ts_arg(h), NULL)), "Bool [4] 0 0 0 0");
    CHECK("(torch.ne)(w,w)", D(ts_binary(TS_OP_NE, ts_arg(w), ts_arg(w), NULL)), "Bool [2,2] 0 0 0 0");
    CHECK("(torch.ne)(m,m)", D(ts_binary(TS_OP_NE, ts_arg(m), ts_arg(m), NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("(torch.ne)(c,zi)", D(ts_binary(TS_OP_NE, ts_arg(c), ts_arg(zi), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.ne)(e,z)", D(ts_binary(TS_OP_NE, ts_arg(e), ts_arg(z), NULL)), "Bool [2,1] 1 1");
    CHECK("(torch.lt)(a,b)", D(ts_binary(TS_OP_LT, ts_arg(a), ts_arg(b), NULL)), "Bool [2,3] 1 0 0 0 1 0");
    CHECK("(torch.lt)(c,d)", D(ts_binary(TS_OP_LT, ts_arg(c), ts_arg(d), NULL)), "Bool [2,3] 0 1 0 1 0 0");
    CHECK("(torch.lt)(c,e)", D(ts_binary(TS_OP_LT, ts_arg(c), ts_arg(e), NULL)), "Bool [2,3] 0 1 0 1 0 0");
    CHECK("(torch.lt)(a,d)", D(ts_binary(TS_OP_LT, ts_arg(a), ts_arg(d), NULL)), "Bool [2,3] 1 0 1 0 1 0");
    CHECK("(torch.lt)(u,u)", D(ts_binary(TS_OP_LT, ts_arg(u), ts_arg(u), NULL)), "Bool [4] 0 0 0 0");
    CHECK("(torch.lt)(h,h)", D(ts_binary(TS_OP_LT, ts_arg(h), ts_arg(h), NULL)), "Bool [4] 0 0 0 0");
    CHECK("(torch.lt)(w,w)", D(ts_binary(TS_OP_LT, ts_arg(w), ts_arg(w), NULL)), "Bool [2,2] 0 0 0 0");
    CHECK("(torch.lt)(m,m)", D(ts_binary(TS_OP_LT, ts_arg(m), ts_arg(m), NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("(torch.lt)(c,zi)", D(ts_binary(TS_OP_LT, ts_arg(c), ts_arg(zi), NULL)), "Bool [2,3] 0 1 0 1 1 0");
    CHECK("(torch.lt)(e,z)", D(ts_binary(TS_OP_LT, ts_arg(e), ts_arg(z), NULL)), "Bool [2,1] 0 1");
    CHECK("(torch.le)(a,b)", D(ts_binary(TS_OP_LE, ts_arg(a), ts_arg(b), NULL)), "Bool [2,3] 1 0 0 0 1 0");
    CHECK("(torch.le)(c,d)", D(ts_binary(TS_OP_LE, ts_arg(c), ts_arg(d), NULL)), "Bool [2,3] 0 1 0 1 0 0");
    CHECK("(torch.le)(c,e)", D(ts_binary(TS_OP_LE, ts_arg(c), ts_arg(e), NULL)), "Bool [2,3] 0 1 0 1 0 0");
    CHECK("(torch.le)(a,d)", D(ts_binary(TS_OP_LE, ts_arg(a), ts_arg(d), NULL)), "Bool [2,3] 1 0 1 0 1 0");
    CHECK("(torch.le)(u,u)", D(ts_binary(TS_OP_LE, ts_arg(u), ts_arg(u), NULL)), "Bool [4] 1 1 1 1");
    CHECK("(torch.le)(h,h)", D(ts_binary(TS_OP_LE, ts_arg(h), ts_arg(h), NULL)), "Bool [4] 1 1 1 1");
    CHECK("(torch.le)(w,w)", D(ts_binary(TS_OP_LE, ts_arg(w), ts_arg(w), NULL)), "Bool [2,2] 1 1 1 1");
    CHECK("(torch.le)(m,m)", D(ts_binary(TS_OP_LE, ts_arg(m), ts_arg(m), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.le)(c,zi)", D(ts_binary(TS_OP_LE, ts_arg(c), ts_arg(zi), NULL)), "Bool [2,3] 0 1 0 1 1 0");
    CHECK("(torch.le)(e,z)", D(ts_binary(TS_OP_LE, ts_arg(e), ts_arg(z), NULL)), "Bool [2,1] 0 1");
    CHECK("(torch.gt)(a,b)", D(ts_binary(TS_OP_GT, ts_arg(a), ts_arg(b), NULL)), "Bool [2,3] 0 1 1 1 0 1");
    CHECK("(torch.gt)(c,d)", D(ts_binary(TS_OP_GT, ts_arg(c), ts_arg(d), NULL)), "Bool [2,3] 1 0 1 0 1 1");
    CHECK("(torch.gt)(c,e)", D(ts_binary(TS_OP_GT, ts_arg(c), ts_arg(e), NULL)), "Bool [2,3] 1 0 1 0 1 1");
    CHECK("(torch.gt)(a,d)", D(ts_binary(TS_OP_GT, ts_arg(a), ts_arg(d), NULL)), "Bool [2,3] 0 1 0 1 0 1");
    CHECK("(torch.gt)(u,u)", D(ts_binary(TS_OP_GT, ts_arg(u), ts_arg(u), NULL)), "Bool [4] 0 0 0 0");
    CHECK("(torch.gt)(h,h)", D(ts_binary(TS_OP_GT, ts_arg(h), ts_arg(h), NULL)), "Bool [4] 0 0 0 0");
    CHECK("(torch.gt)(w,w)", D(ts_binary(TS_OP_GT, ts_arg(w), ts_arg(w), NULL)), "Bool [2,2] 0 0 0 0");
    CHECK("(torch.gt)(m,m)", D(ts_binary(TS_OP_GT, ts_arg(m), ts_arg(m), NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("(torch.gt)(c,zi)", D(ts_binary(TS_OP_GT, ts_arg(c), ts_arg(zi), NULL)), "Bool [2,3] 1 0 1 0 0 1");
    CHECK("(torch.gt)(e,z)", D(ts_binary(TS_OP_GT, ts_arg(e), ts_arg(z), NULL)), "Bool [2,1] 1 0");
    CHECK("(torch.ge)(a,b)", D(ts_binary(TS_OP_GE, ts_arg(a), ts_arg(b), NULL)), "Bool [2,3] 0 1 1 1 0 1");
    CHECK("(torch.ge)(c,d)", D(ts_binary(TS_OP_GE, ts_arg(c), ts_arg(d), NULL)), "Bool [2,3] 1 0 1 0 1 1");
    CHECK("(torch.ge)(c,e)", D(ts_binary(TS_OP_GE, ts_arg(c), ts_arg(e), NULL)), "Bool [2,3] 1 0 1 0 1 1");
    CHECK("(torch.ge)(a,d)", D(ts_binary(TS_OP_GE, ts_arg(a), ts_arg(d), NULL)), "Bool [2,3] 0 1 0 1 0 1");
    CHECK("(torch.ge)(u,u)", D(ts_binary(TS_OP_GE, ts_arg(u), ts_arg(u), NULL)), "Bool [4] 1 1 1 1");
    CHECK("(torch.ge)(h,h)", D(ts_binary(TS_OP_GE, ts_arg(h), ts_arg(h), NULL)), "Bool [4] 1 1 1 1");
    CHECK("(torch.ge)(w,w)", D(ts_binary(TS_OP_GE, ts_arg(w), ts_arg(w), NULL)), "Bool [2,2] 1 1 1 1");
    CHECK("(torch.ge)(m,m)", D(ts_binary(TS_OP_GE, ts_arg(m), ts_arg(m), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.ge)(c,zi)", D(ts_binary(TS_OP_GE, ts_arg(c), ts_arg(zi), NULL)), "Bool [2,3] 1 0 1 0 0 1");
    CHECK("(torch.ge)(e,z)", D(ts_binary(TS_OP_GE, ts_arg(e), ts_arg(z), NULL)), "Bool [2,1] 1 0");
    CHECK("(torch.logical_and)(a,b)", D(ts_binary(TS_OP_LOGICAL_AND, ts_arg(a), ts_arg(b), NULL)), "Bool [2,3] 1 1 0 1 1 0");
    CHECK("(torch.logical_and)(c,d)", D(ts_binary(TS_OP_LOGICAL_AND, ts_arg(c), ts_arg(d), NULL)), "Bool [2,3] 1 1 1 1 0 1");
    CHECK("(torch.logical_and)(c,e)", D(ts_binary(TS_OP_LOGICAL_AND, ts_arg(c), ts_arg(e), NULL)), "Bool [2,3] 1 1 1 1 0 1");
    CHECK("(torch.logical_and)(a,d)", D(ts_binary(TS_OP_LOGICAL_AND, ts_arg(a), ts_arg(d), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.logical_and)(u,u)", D(ts_binary(TS_OP_LOGICAL_AND, ts_arg(u), ts_arg(u), NULL)), "Bool [4] 0 1 1 1");
    CHECK("(torch.logical_and)(h,h)", D(ts_binary(TS_OP_LOGICAL_AND, ts_arg(h), ts_arg(h), NULL)), "Bool [4] 1 1 1 1");
    CHECK("(torch.logical_and)(w,w)", D(ts_binary(TS_OP_LOGICAL_AND, ts_arg(w), ts_arg(w), NULL)), "Bool [2,2] 1 1 1 1");
    CHECK("(torch.logical_and)(m,m)", D(ts_binary(TS_OP_LOGICAL_AND, ts_arg(m), ts_arg(m), NULL)), "Bool [2,3] 1 0 1 0 0 1");
    CHECK("(torch.logical_and)(c,zi)", D(ts_binary(TS_OP_LOGICAL_AND, ts_arg(c), ts_arg(zi), NULL)), "Bool [2,3] 1 1 1 1 0 1");
    CHECK("(torch.logical_and)(e,z)", D(ts_binary(TS_OP_LOGICAL_AND, ts_arg(e), ts_arg(z), NULL)), "Bool [2,1] 1 1");
    CHECK("(torch.logical_or)(a,b)", D(ts_binary(TS_OP_LOGICAL_OR, ts_arg(a), ts_arg(b), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.logical_or)(c,d)", D(ts_binary(TS_OP_LOGICAL_OR, ts_arg(c), ts_arg(d), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.logical_or)(c,e)", D(ts_binary(TS_OP_LOGICAL_OR, ts_arg(c), ts_arg(e), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.logical_or)(a,d)", D(ts_binary(TS_OP_LOGICAL_OR, ts_arg(a), ts_arg(d), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.logical_or)(u,u)", D(ts_binary(TS_OP_LOGICAL_OR, ts_arg(u), ts_arg(u), NULL)), "Bool [4] 0 1 1 1");
    CHECK("(torch.logical_or)(h,h)", D(ts_binary(TS_OP_LOGICAL_OR, ts_arg(h), ts_arg(h), NULL)), "Bool [4] 1 1 1 1");
    CHECK("(torch.logical_or)(w,w)", D(ts_binary(TS_OP_LOGICAL_OR, ts_arg(w), ts_arg(w), NULL)), "Bool [2,2] 1 1 1 1");
    CHECK("(torch.logical_or)(m,m)", D(ts_binary(TS_OP_LOGICAL_OR, ts_arg(m), ts_arg(m), NULL)), "Bool [2,3] 1 0 1 0 0 1");
    CHECK("(torch.logical_or)(c,zi)", D(ts_binary(TS_OP_LOGICAL_OR, ts_arg(c), ts_arg(zi), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.logical_or)(e,z)", D(ts_binary(TS_OP_LOGICAL_OR, ts_arg(e), ts_arg(z), NULL)), "Bool [2,1] 1 1");
    CHECK("(torch.logical_xor)(a,b)", D(ts_binary(TS_OP_LOGICAL_XOR, ts_arg(a), ts_arg(b), NULL)), "Bool [2,3] 0 0 1 0 0 1");
    CHECK("(torch.logical_xor)(c,d)", D(ts_binary(TS_OP_LOGICAL_XOR, ts_arg(c), ts_arg(d), NULL)), "Bool [2,3] 0 0 0 0 1 0");
    CHECK("(torch.logical_xor)(c,e)", D(ts_binary(TS_OP_LOGICAL_XOR, ts_arg(c), ts_arg(e), NULL)), "Bool [2,3] 0 0 0 0 1 0");
    CHECK("(torch.logical_xor)(a,d)", D(ts_binary(TS_OP_LOGICAL_XOR, ts_arg(a), ts_arg(d), NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("(torch.logical_xor)(u,u)", D(ts_binary(TS_OP_LOGICAL_XOR, ts_arg(u), ts_arg(u), NULL)), "Bool [4] 0 0 0 0");
    CHECK("(torch.logical_xor)(h,h)", D(ts_binary(TS_OP_LOGICAL_XOR, ts_arg(h), ts_arg(h), NULL)), "Bool [4] 0 0 0 0");
    CHECK("(torch.logical_xor)(w,w)", D(ts_binary(TS_OP_LOGICAL_XOR, ts_arg(w), ts_arg(w), NULL)), "Bool [2,2] 0 0 0 0");
    CHECK("(torch.logical_xor)(m,m)", D(ts_binary(TS_OP_LOGICAL_XOR, ts_arg(m), ts_arg(m), NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("(torch.logical_xor)(c,zi)", D(ts_binary(TS_OP_LOGICAL_XOR, ts_arg(c), ts_arg(zi), NULL)), "Bool [2,3] 0 0 0 0 1 0");
    CHECK("(torch.logical_xor)(e,z)", D(ts_binary(TS_OP_LOGICAL_XOR, ts_arg(e), ts_arg(z), NULL)), "Bool [2,1] 0 0");
    CHECK("(torch.bitwise_and)(a,b)", D(ts_binary(TS_OP_BITWISE_AND, ts_arg(a), ts_arg(b), NULL)), "ERR RUNTIME \"bitwise_and_cpu\" not implemented for 'Float'");
    CHECK("(torch.bitwise_and)(c,d)", D(ts_binary(TS_OP_BITWISE_AND, ts_arg(c), ts_arg(d), NULL)), "Long [2,3] 2 -8 1 2 0 1");
    CHECK("(torch.bitwise_and)(c,e)", D(ts_binary(TS_OP_BITWISE_AND, ts_arg(c), ts_arg(e), NULL)), "Long [2,3] 3 1 1 -8 0 8");
    CHECK("(torch.bitwise_and)(a,d)", D(ts_binary(TS_OP_BITWISE_AND, ts_arg(a), ts_arg(d), NULL)), "ERR RUNTIME \"bitwise_and_cpu\" not implemented for 'Float'");
    CHECK("(torch.bitwise_and)(u,u)", D(ts_binary(TS_OP_BITWISE_AND, ts_arg(u), ts_arg(u), NULL)), "Byte [4] 0 100 200 255");
    CHECK("(torch.bitwise_and)(w,w)", D(ts_binary(TS_OP_BITWISE_AND, ts_arg(w), ts_arg(w), NULL)), "ERR RUNTIME \"bitwise_and_cpu\" not implemented for 'Double'");
    CHECK("(torch.bitwise_and)(m,m)", D(ts_binary(TS_OP_BITWISE_AND, ts_arg(m), ts_arg(m), NULL)), "Bool [2,3] 1 0 1 0 0 1");
    CHECK("(torch.bitwise_and)(c,zi)", D(ts_binary(TS_OP_BITWISE_AND, ts_arg(c), ts_arg(zi), NULL)), "Long [2,3] 3 1 1 3 0 1");
    CHECK("(torch.bitwise_and)(e,z)", D(ts_binary(TS_OP_BITWISE_AND, ts_arg(e), ts_arg(z), NULL)), "ERR RUNTIME \"bitwise_and_cpu\" not implemented for 'Float'");
    CHECK("(torch.bitwise_or)(a,b)", D(ts_binary(TS_OP_BITWISE_OR, ts_arg(a), ts_arg(b), NULL)), "ERR RUNTIME \"bitwise_or_cpu\" not implemented for 'Float'");
    CHECK("(torch.bitwise_or)(c,d)", D(ts_binary(TS_OP_BITWISE_OR, ts_arg(c), ts_arg(d), NULL)), "Long [2,3] 7 -1 7 -5 -2 11");
    CHECK("(torch.bitwise_or)(c,e)", D(ts_binary(TS_OP_BITWISE_OR, ts_arg(c), ts_arg(e), NULL)), "Long [2,3] 7 -5 7 -1 -4 -3");
    CHECK("(torch.bitwise_or)(a,d)", D(ts_binary(TS_OP_BITWISE_OR, ts_arg(a), ts_arg(d), NULL)), "ERR RUNTIME \"bitwise_or_cpu\" not implemented for 'Float'");
    CHECK("(torch.bitwise_or)(u,u)", D(ts_binary(TS_OP_BITWISE_OR, ts_arg(u), ts_arg(u), NULL)), "Byte [4] 0 100 200 255");
    CHECK("(torch.bitwise_or)(w,w)", D(ts_binary(TS_OP_BITWISE_OR, ts_arg(w), ts_arg(w), NULL)), "ERR RUNTIME \"bitwise_or_cpu\" not implemented for 'Double'");
    CHECK("(torch.bitwise_or)(m,m)", D(ts_binary(TS_OP_BITWISE_OR, ts_arg(m), ts_arg(m), NULL)), "Bool [2,3] 1 0 1 0 0 1");
    CHECK("(torch.bitwise_or)(c,zi)", D(ts_binary(TS_OP_BITWISE_OR, ts_arg(c), ts_arg(zi), NULL)), "Long [2,3] 7 -5 7 -5 3 11");
    CHECK("(torch.bitwise_or)(e,z)", D(ts_binary(TS_OP_BITWISE_OR, ts_arg(e), ts_arg(z), NULL)), "ERR RUNTIME \"bitwise_or_cpu\" not implemented for 'Float'");
    CHECK("(torch.bitwise_xor)(a,b)", D(ts_binary(TS_OP_BITWISE_XOR, ts_arg(a), ts_arg(b), NULL)), "ERR RUNTIME \"bitwise_xor_cpu\" not implemented for 'Float'");
    CHECK("(torch.bitwise_xor)(c,d)", D(ts_binary(TS_OP_BITWISE_XOR, ts_arg(c), ts_arg(d), NULL)), "Long [2,3] 5 7 6 -7 -2 10");
    CHECK("(torch.bitwise_xor)(c,e)", D(ts_binary(TS_OP_BITWISE_XOR, ts_arg(c), ts_arg(e), NULL)), "Long [2,3] 4 -6 6 7 -4 -11");
    CHECK("(torch.bitwise_xor)(a,d)", D(ts_binary(TS_OP_BITWISE_XOR, ts_arg(a), ts_arg(d), NULL)), "ERR RUNTIME \"bitwise_xor_cpu\" not implemented for 'Float'");
    CHECK("(torch.bitwise_xor)(u,u)", D(ts_binary(TS_OP_BITWISE_XOR, ts_arg(u), ts_arg(u), NULL)), "Byte [4] 0 0 0 0");
    CHECK("(torch.bitwise_xor)(w,w)", D(ts_binary(TS_OP_BITWISE_XOR, ts_arg(w), ts_arg(w), NULL)), "ERR RUNTIME \"bitwise_xor_cpu\" not implemented for 'Double'");
    CHECK("(torch.bitwise_xor)(m,m)", D(ts_binary(TS_OP_BITWISE_XOR, ts_arg(m), ts_arg(m), NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("(torch.bitwise_xor)(c,zi)", D(ts_binary(TS_OP_BITWISE_XOR, ts_arg(c), ts_arg(zi), NULL)), "Long [2,3] 4 -6 6 -8 3 10");
    CHECK("(torch.bitwise_xor)(e,z)", D(ts_binary(TS_OP_BITWISE_XOR, ts_arg(e), ts_arg(z), NULL)), "ERR RUNTIME \"bitwise_xor_cpu\" not implemented for 'Float'");
    CHECK("(torch.bitwise_left_shift)(a,b)", D(ts_binary(TS_OP_LSHIFT, ts_arg(a), ts_arg(b), NULL)), "ERR RUNTIME \"lshift_cpu\" not implemented for 'Float'");
    CHECK("(torch.bitwise_left_shift)(c,d)", D(ts_binary(TS_OP_LSHIFT, ts_arg(c), ts_arg(d), NULL)), "Long [2,3] 28 4611686018427387904 40 -20 0 72");
    CHECK("(torch.bitwise_left_shift)(c,e)", D(ts_binary(TS_OP_LSHIFT, ts_arg(c), ts_arg(e), NULL)), "Long [2,3] 56 -56 40 -5764607523034234880 0 -8070450532247928832");
    CHECK("(torch.bitwise_left_shift)(a,d)", D(ts_binary(TS_OP_LSHIFT, ts_arg(a), ts_arg(d), NULL)), "ERR RUNTIME \"lshift_cpu\" not implemented for 'Float'");
    CHECK("(torch.bitwise_left_shift)(u,u)", D(ts_binary(TS_OP_LSHIFT, ts_arg(u), ts_arg(u), NULL)), "Byte [4] 0 64 0 0");
    CHECK("(torch.bitwise_left_shift)(w,w)", D(ts_binary(TS_OP_LSHIFT, ts_arg(w), ts_arg(w), NULL)), "ERR RUNTIME \"lshift_cpu\" not implemented for 'Double'");
    CHECK("(torch.bitwise_left_shift)(m,m)", D(ts_binary(TS_OP_LSHIFT, ts_arg(m), ts_arg(m), NULL)), "ERR RUNTIME \"lshift_cpu\" not implemented for 'Bool'");
    CHECK("(torch.bitwise_left_shift)(c,zi)", D(ts_binary(TS_OP_LSHIFT, ts_arg(c), ts_arg(zi), NULL)), "Long [2,3] 56 -56 40 -40 0 72");
    CHECK("(torch.bitwise_left_shift)(e,z)", D(ts_binary(TS_OP_LSHIFT, ts_arg(e), ts_arg(z), NULL)), "ERR RUNTIME \"lshift_cpu\" not implemented for 'Float'");
    CHECK("(torch.bitwise_right_shift)(a,b)", D(ts_binary(TS_OP_RSHIFT, ts_arg(a), ts_arg(b), NULL)), "ERR RUNTIME \"rshift_cpu\" not implemented for 'Float'");
    CHECK("(torch.bitwise_right_shift)(c,d)", D(ts_binary(TS_OP_RSHIFT, ts_arg(c), ts_arg(d), NULL)), "Long [2,3] 1 -1 0 -2 0 1");
    CHECK("(torch.bitwise_right_shift)(c,e)", D(ts_binary(TS_OP_RSHIFT, ts_arg(c), ts_arg(e), NULL)), "Long [2,3] 0 -1 0 -1 0 0");
    CHECK("(torch.bitwise_right_shift)(a,d)", D(ts_binary(TS_OP_RSHIFT, ts_arg(a), ts_arg(d), NULL)), "ERR RUNTIME \"rshift_cpu\" not implemented for 'Float'");
    CHECK("(torch.bitwise_right_shift)(u,u)", D(ts_binary(TS_OP_RSHIFT, ts_arg(u), ts_arg(u), NULL)), "Byte [4] 0 6 0 0");
    CHECK("(torch.bitwise_right_shift)(w,w)", D(ts_binary(TS_OP_RSHIFT, ts_arg(w), ts_arg(w), NULL)), "ERR RUNTIME \"rshift_cpu\" not implemented for 'Double'");
    CHECK("(torch.bitwise_right_shift)(m,m)", D(ts_binary(TS_OP_RSHIFT, ts_arg(m), ts_arg(m), NULL)), "ERR RUNTIME \"rshift_cpu\" not implemented for 'Bool'");
    CHECK("(torch.bitwise_right_shift)(c,zi)", D(ts_binary(TS_OP_RSHIFT, ts_arg(c), ts_arg(zi), NULL)), "Long [2,3] 0 -1 0 -1 0 1");
    CHECK("(torch.bitwise_right_shift)(e,z)", D(ts_binary(TS_OP_RSHIFT, ts_arg(e), ts_arg(z), NULL)), "ERR RUNTIME \"rshift_cpu\" not implemented for 'Float'");
    CHECK("(torch.add)(a,1)", D(ts_binary(TS_OP_ADD, ts_arg(a), ts_arg_s(ts_scalar_i(1)), NULL)), "Float [2,3] 1.5 -0.5 3.25 4 -3.75 6.5");
    CHECK("(torch.add)(a,-3)", D(ts_binary(TS_OP_ADD, ts_arg(a), ts_arg_s(ts_scalar_i(-3)), NULL)), "Float [2,3] -2.5 -4.5 -0.75 0 -7.75 2.5");
    CHECK("(torch.add)(a,2.5)", D(ts_binary(TS_OP_ADD, ts_arg(a), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,3] 3 1 4.75 5.5 -2.25 8");
    CHECK("(torch.add)(a,True)", D(ts_binary(TS_OP_ADD, ts_arg(a), ts_arg_s(ts_scalar_b(true)), NULL)), "Float [2,3] 1.5 -0.5 3.25 4 -3.75 6.5");
    CHECK("(torch.add)(a,0.0)", D(ts_binary(TS_OP_ADD, ts_arg(a), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,3] 0.5 -1.5 2.25 3 -4.75 5.5");
    CHECK("(torch.add)(c,1)", D(ts_binary(TS_OP_ADD, ts_arg(c), ts_arg_s(ts_scalar_i(1)), NULL)), "Long [2,3] 8 -6 6 -4 1 10");
    CHECK("(torch.add)(c,-3)", D(ts_binary(TS_OP_ADD, ts_arg(c), ts_arg_s(ts_scalar_i(-3)), NULL)), "Long [2,3] 4 -10 2 -8 -3 6");
    CHECK("(torch.add)(c,2.5)", D(ts_binary(TS_OP_ADD, ts_arg(c), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,3] 9.5 -4.5 7.5 -2.5 2.5 11.5");
    CHECK("(torch.add)(c,True)", D(ts_binary(TS_OP_ADD, ts_arg(c), ts_arg_s(ts_scalar_b(true)), NULL)), "Long [2,3] 8 -6 6 -4 1 10");
    CHECK("(torch.add)(c,0.0)", D(ts_binary(TS_OP_ADD, ts_arg(c), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,3] 7 -7 5 -5 0 9");
    CHECK("(torch.add)(u,1)", D(ts_binary(TS_OP_ADD, ts_arg(u), ts_arg_s(ts_scalar_i(1)), NULL)), "Byte [4] 1 101 201 0");
    CHECK("(torch.add)(u,-3)", D(ts_binary(TS_OP_ADD, ts_arg(u), ts_arg_s(ts_scalar_i(-3)), NULL)), "Byte [4] 253 97 197 252");
    CHECK("(torch.add)(u,2.5)", D(ts_binary(TS_OP_ADD, ts_arg(u), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [4] 2.5 102.5 202.5 257.5");
    CHECK("(torch.add)(u,True)", D(ts_binary(TS_OP_ADD, ts_arg(u), ts_arg_s(ts_scalar_b(true)), NULL)), "Byte [4] 1 101 201 0");
    CHECK("(torch.add)(u,0.0)", D(ts_binary(TS_OP_ADD, ts_arg(u), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [4] 0 100 200 255");
    CHECK("(torch.add)(h,1)", D(ts_binary(TS_OP_ADD, ts_arg(h), ts_arg_s(ts_scalar_i(1)), NULL)), "Half [4] 1.09960938 2.5 -1.69921875 60000");
    CHECK("(torch.add)(h,-3)", D(ts_binary(TS_OP_ADD, ts_arg(h), ts_arg_s(ts_scalar_i(-3)), NULL)), "Half [4] -2.90039062 -1.5 -5.69921875 60000");
    CHECK("(torch.add)(h,2.5)", D(ts_binary(TS_OP_ADD, ts_arg(h), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Half [4] 2.59960938 4 -0.19921875 60000");
    CHECK("(torch.add)(h,True)", D(ts_binary(TS_OP_ADD, ts_arg(h), ts_arg_s(ts_scalar_b(true)), NULL)), "Half [4] 1.09960938 2.5 -1.69921875 60000");
    CHECK("(torch.add)(h,0.0)", D(ts_binary(TS_OP_ADD, ts_arg(h), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Half [4] 0.0999755859 1.5 -2.69921875 60000");
    CHECK("(torch.add)(m,1)", D(ts_binary(TS_OP_ADD, ts_arg(m), ts_arg_s(ts_scalar_i(1)), NULL)), "Long [2,3] 2 1 2 1 1 2");
    CHECK("(torch.add)(m,-3)", D(ts_binary(TS_OP_ADD, ts_arg(m), ts_arg_s(ts_scalar_i(-3)), NULL)), "Long [2,3] -2 -3 -2 -3 -3 -2");
    CHECK("(torch.add)(m,2.5)", D(ts_binary(TS_OP_ADD, ts_arg(m), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,3] 3.5 2.5 3.5 2.5 2.5 3.5");
    CHECK("(torch.add)(m,True)", D(ts_binary(TS_OP_ADD, ts_arg(m), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.add)(m,0.0)", D(ts_binary(TS_OP_ADD, ts_arg(m), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,3] 1 0 1 0 0 1");
    CHECK("(torch.add)(e,1)", D(ts_binary(TS_OP_ADD, ts_arg(e), ts_arg_s(ts_scalar_i(1)), NULL)), "Int [2,1] 4 -3");
    CHECK("(torch.add)(e,-3)", D(ts_binary(TS_OP_ADD, ts_arg(e), ts_arg_s(ts_scalar_i(-3)), NULL)), "Int [2,1] 0 -7");
    CHECK("(torch.add)(e,2.5)", D(ts_binary(TS_OP_ADD, ts_arg(e), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,1] 5.5 -1.5");
    CHECK("(torch.add)(e,True)", D(ts_binary(TS_OP_ADD, ts_arg(e), ts_arg_s(ts_scalar_b(true)), NULL)), "Int [2,1] 4 -3");
    CHECK("(torch.add)(e,0.0)", D(ts_binary(TS_OP_ADD, ts_arg(e), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,1] 3 -4");
    CHECK("(torch.sub)(a,1)", D(ts_binary(TS_OP_SUB, ts_arg(a), ts_arg_s(ts_scalar_i(1)), NULL)), "Float [2,3] -0.5 -2.5 1.25 2 -5.75 4.5");
    CHECK("(torch.sub)(a,-3)", D(ts_binary(TS_OP_SUB, ts_arg(a), ts_arg_s(ts_scalar_i(-3)), NULL)), "Float [2,3] 3.5 1.5 5.25 6 -1.75 8.5");
    CHECK("(torch.sub)(a,2.5)", D(ts_binary(TS_OP_SUB, ts_arg(a), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,3] -2 -4 -0.25 0.5 -7.25 3");
    CHECK("(torch.sub)(a,True)", D(ts_binary(TS_OP_SUB, ts_arg(a), ts_arg_s(ts_scalar_b(true)), NULL)), "ERR RUNTIME Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
    CHECK("(torch.sub)(a,0.0)", D(ts_binary(TS_OP_SUB, ts_arg(a), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,3] 0.5 -1.5 2.25 3 -4.75 5.5");
    CHECK("(torch.sub)(c,1)", D(ts_binary(TS_OP_SUB, ts_arg(c), ts_arg_s(ts_scalar_i(1)), NULL)), "Long [2,3] 6 -8 4 -6 -1 8");
    CHECK("(torch.sub)(c,-3)", D(ts_binary(TS_OP_SUB, ts_arg(c), ts_arg_s(ts_scalar_i(-3)), NULL)), "Long [2,3] 10 -4 8 -2 3 12");
    CHECK("(torch.sub)(c,2.5)", D(ts_binary(TS_OP_SUB, ts_arg(c), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,3] 4.5 -9.5 2.5 -7.5 -2.5 6.5");
    CHECK("(torch.sub)(c,True)", D(ts_binary(TS_OP_SUB, ts_arg(c), ts_arg_s(ts_scalar_b(true)), NULL)), "ERR RUNTIME Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
    CHECK("(torch.sub)(c,0.0)", D(ts_binary(TS_OP_SUB, ts_arg(c), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,3] 7 -7 5 -5 0 9");
    CHECK("(torch.sub)(u,1)", D(ts_binary(TS_OP_SUB, ts_arg(u), ts_arg_s(ts_scalar_i(1)), NULL)), "Byte [4] 255 99 199 254");
    CHECK("(torch.sub)(u,-3)", D(ts_binary(TS_OP_SUB, ts_arg(u), ts_arg_s(ts_scalar_i(-3)), NULL)), "Byte [4] 3 103 203 2");
    CHECK("(torch.sub)(u,2.5)", D(ts_binary(TS_OP_SUB, ts_arg(u), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [4] -2.5 97.5 197.5 252.5");
    CHECK("(torch.sub)(u,True)", D(ts_binary(TS_OP_SUB, ts_arg(u), ts_arg_s(ts_scalar_b(true)), NULL)), "ERR RUNTIME Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
    CHECK("(torch.sub)(u,0.0)", D(ts_binary(TS_OP_SUB, ts_arg(u), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [4] 0 100 200 255");
    CHECK("(torch.sub)(h,1)", D(ts_binary(TS_OP_SUB, ts_arg(h), ts_arg_s(ts_scalar_i(1)), NULL)), "Half [4] -0.899902344 0.5 -3.69921875 60000");
    CHECK("(torch.sub)(h,-3)", D(ts_binary(TS_OP_SUB, ts_arg(h), ts_arg_s(ts_scalar_i(-3)), NULL)), "Half [4] 3.09960938 4.5 0.30078125 60000");
    CHECK("(torch.sub)(h,2.5)", D(ts_binary(TS_OP_SUB, ts_arg(h), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Half [4] -2.40039062 -1 -5.19921875 60000");
    CHECK("(torch.sub)(h,True)", D(ts_binary(TS_OP_SUB, ts_arg(h), ts_arg_s(ts_scalar_b(true)), NULL)), "ERR RUNTIME Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
    CHECK("(torch.sub)(h,0.0)", D(ts_binary(TS_OP_SUB, ts_arg(h), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Half [4] 0.0999755859 1.5 -2.69921875 60000");
    CHECK("(torch.sub)(m,1)", D(ts_binary(TS_OP_SUB, ts_arg(m), ts_arg_s(ts_scalar_i(1)), NULL)), "ERR RUNTIME Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
    CHECK("(torch.sub)(m,-3)", D(ts_binary(TS_OP_SUB, ts_arg(m), ts_arg_s(ts_scalar_i(-3)), NULL)), "ERR RUNTIME Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
    CHECK("(torch.sub)(m,2.5)", D(ts_binary(TS_OP_SUB, ts_arg(m), ts_arg_s(ts_scalar_f(2.5)), NULL)), "ERR RUNTIME Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
    CHECK("(torch.sub)(m,True)", D(ts_binary(TS_OP_SUB, ts_arg(m), ts_arg_s(ts_scalar_b(true)), NULL)), "ERR RUNTIME Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.");
    CHECK("(torch.sub)(m,0.0)", D(ts_binary(TS_OP_SUB, ts_arg(m), ts_arg_s(ts_scalar_f(0.0)), NULL)), "ERR RUNTIME Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
    CHECK("(torch.sub)(e,1)", D(ts_binary(TS_OP_SUB, ts_arg(e), ts_arg_s(ts_scalar_i(1)), NULL)), "Int [2,1] 2 -5");
    CHECK("(torch.sub)(e,-3)", D(ts_binary(TS_OP_SUB, ts_arg(e), ts_arg_s(ts_scalar_i(-3)), NULL)), "Int [2,1] 6 -1");
    CHECK("(torch.sub)(e,2.5)", D(ts_binary(TS_OP_SUB, ts_arg(e), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,1] 0.5 -6.5");
    CHECK("(torch.sub)(e,True)", D(ts_binary(TS_OP_SUB, ts_arg(e), ts_arg_s(ts_scalar_b(true)), NULL)), "ERR RUNTIME Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
    CHECK("(torch.sub)(e,0.0)", D(ts_binary(TS_OP_SUB, ts_arg(e), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,1] 3 -4");
    CHECK("(torch.mul)(a,1)", D(ts_binary(TS_OP_MUL, ts_arg(a), ts_arg_s(ts_scalar_i(1)), NULL)), "Float [2,3] 0.5 -1.5 2.25 3 -4.75 5.5");
    CHECK("(torch.mul)(a,-3)", D(ts_binary(TS_OP_MUL, ts_arg(a), ts_arg_s(ts_scalar_i(-3)), NULL)), "Float [2,3] -1.5 4.5 -6.75 -9 14.25 -16.5");
    CHECK("(torch.mul)(a,2.5)", D(ts_binary(TS_OP_MUL, ts_arg(a), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,3] 1.25 -3.75 5.625 7.5 -11.875 13.75");
    CHECK("(torch.mul)(a,True)", D(ts_binary(TS_OP_MUL, ts_arg(a), ts_arg_s(ts_scalar_b(true)), NULL)), "Float [2,3] 0.5 -1.5 2.25 3 -4.75 5.5");
    CHECK("(torch.mul)(a,0.0)", D(ts_binary(TS_OP_MUL, ts_arg(a), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,3] 0 -0 0 0 -0 0");
    CHECK("(torch.mul)(c,1)", D(ts_binary(TS_OP_MUL, ts_arg(c), ts_arg_s(ts_scalar_i(1)), NULL)), "Long [2,3] 7 -7 5 -5 0 9");
    CHECK("(torch.mul)(c,-3)", D(ts_binary(TS_OP_MUL, ts_arg(c), ts_arg_s(ts_scalar_i(-3)), NULL)), "Long [2,3] -21 21 -15 15 0 -27");
    CHECK("(torch.mul)(c,2.5)", D(ts_binary(TS_OP_MUL, ts_arg(c), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,3] 17.5 -17.5 12.5 -12.5 0 22.5");
    CHECK("(torch.mul)(c,True)", D(ts_binary(TS_OP_MUL, ts_arg(c), ts_arg_s(ts_scalar_b(true)), NULL)), "Long [2,3] 7 -7 5 -5 0 9");
    CHECK("(torch.mul)(c,0.0)", D(ts_binary(TS_OP_MUL, ts_arg(c), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,3] 0 -0 0 -0 0 0");
    CHECK("(torch.mul)(u,1)", D(ts_binary(TS_OP_MUL, ts_arg(u), ts_arg_s(ts_scalar_i(1)), NULL)), "Byte [4] 0 100 200 255");
    CHECK("(torch.mul)(u,-3)", D(ts_binary(TS_OP_MUL, ts_arg(u), ts_arg_s(ts_scalar_i(-3)), NULL)), "Byte [4] 0 212 168 3");
    CHECK("(torch.mul)(u,2.5)", D(ts_binary(TS_OP_MUL, ts_arg(u), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [4] 0 250 500 637.5");
    CHECK("(torch.mul)(u,True)", D(ts_binary(TS_OP_MUL, ts_arg(u), ts_arg_s(ts_scalar_b(true)), NULL)), "Byte [4] 0 100 200 255");
    CHECK("(torch.mul)(u,0.0)", D(ts_binary(TS_OP_MUL, ts_arg(u), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [4] 0 0 0 0");
    CHECK("(torch.mul)(h,1)", D(ts_binary(TS_OP_MUL, ts_arg(h), ts_arg_s(ts_scalar_i(1)), NULL)), "Half [4] 0.0999755859 1.5 -2.69921875 60000");
    CHECK("(torch.mul)(h,-3)", D(ts_binary(TS_OP_MUL, ts_arg(h), ts_arg_s(ts_scalar_i(-3)), NULL)), "Half [4] -0.299804688 -4.5 8.09375 -inf");
    CHECK("(torch.mul)(h,2.5)", D(ts_binary(TS_OP_MUL, ts_arg(h), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Half [4] 0.25 3.75 -6.75 inf");
    CHECK("(torch.mul)(h,True)", D(ts_binary(TS_OP_MUL, ts_arg(h), ts_arg_s(ts_scalar_b(true)), NULL)), "Half [4] 0.0999755859 1.5 -2.69921875 60000");
    CHECK("(torch.mul)(h,0.0)", D(ts_binary(TS_OP_MUL, ts_arg(h), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Half [4] 0 0 -0 0");
    CHECK("(torch.mul)(m,1)", D(ts_binary(TS_OP_MUL, ts_arg(m), ts_arg_s(ts_scalar_i(1)), NULL)), "Long [2,3] 1 0 1 0 0 1");
    CHECK("(torch.mul)(m,-3)", D(ts_binary(TS_OP_MUL, ts_arg(m), ts_arg_s(ts_scalar_i(-3)), NULL)), "Long [2,3] -3 0 -3 0 0 -3");
    CHECK("(torch.mul)(m,2.5)", D(ts_binary(TS_OP_MUL, ts_arg(m), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,3] 2.5 0 2.5 0 0 2.5");
    CHECK("(torch.mul)(m,True)", D(ts_binary(TS_OP_MUL, ts_arg(m), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [2,3] 1 0 1 0 0 1");
    CHECK("(torch.mul)(m,0.0)", D(ts_binary(TS_OP_MUL, ts_arg(m), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,3] 0 0 0 0 0 0");
    CHECK("(torch.mul)(e,1)", D(ts_binary(TS_OP_MUL, ts_arg(e), ts_arg_s(ts_scalar_i(1)), NULL)), "Int [2,1] 3 -4");
    CHECK("(torch.mul)(e,-3)", D(ts_binary(TS_OP_MUL, ts_arg(e), ts_arg_s(ts_scalar_i(-3)), NULL)), "Int [2,1] -9 12");
    CHECK("(torch.mul)(e,2.5)", D(ts_binary(TS_OP_MUL, ts_arg(e), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,1] 7.5 -10");
    CHECK("(torch.mul)(e,True)", D(ts_binary(TS_OP_MUL, ts_arg(e), ts_arg_s(ts_scalar_b(true)), NULL)), "Int [2,1] 3 -4");
    CHECK("(torch.mul)(e,0.0)", D(ts_binary(TS_OP_MUL, ts_arg(e), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,1] 0 -0");
    CHECK("(torch.div)(a,1)", D(ts_binary(TS_OP_DIV, ts_arg(a), ts_arg_s(ts_scalar_i(1)), NULL)), "Float [2,3] 0.5 -1.5 2.25 3 -4.75 5.5");
    CHECK("(torch.div)(a,-3)", D(ts_binary(TS_OP_DIV, ts_arg(a), ts_arg_s(ts_scalar_i(-3)), NULL)), "Float [2,3] -0.166666672 0.5 -0.75 -1 1.58333337 -1.83333337");
    CHECK("(torch.div)(a,2.5)", D(ts_binary(TS_OP_DIV, ts_arg(a), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,3] 0.200000003 -0.600000024 0.899999976 1.20000005 -1.89999998 2.20000005");
    CHECK("(torch.div)(a,True)", D(ts_binary(TS_OP_DIV, ts_arg(a), ts_arg_s(ts_scalar_b(true)), NULL)), "Float [2,3] 0.5 -1.5 2.25 3 -4.75 5.5");
    CHECK("(torch.div)(a,0.0)", D(ts_binary(TS_OP_DIV, ts_arg(a), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,3] inf -inf inf inf -inf inf");
    CHECK("(torch.div)(c,1)", D(ts_binary(TS_OP_DIV, ts_arg(c), ts_arg_s(ts_scalar_i(1)), NULL)), "Float [2,3] 7 -7 5 -5 0 9");
    CHECK("(torch.div)(c,-3)", D(ts_binary(TS_OP_DIV, ts_arg(c), ts_arg_s(ts_scalar_i(-3)), NULL)), "Float [2,3] -2.33333325 2.33333325 -1.66666663 1.66666663 -0 -3");
    CHECK("(torch.div)(c,2.5)", D(ts_binary(TS_OP_DIV, ts_arg(c), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,3] 2.79999995 -2.79999995 2 -2 0 3.5999999");
    CHECK("(torch.div)(c,True)", D(ts_binary(TS_OP_DIV, ts_arg(c), ts_arg_s(ts_scalar_b(true)), NULL)), "Float [2,3] 7 -7 5 -5 0 9");
    CHECK("(torch.div)(c,0.0)", D(ts_binary(TS_OP_DIV, ts_arg(c), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,3] inf -inf inf -inf nan inf");
    CHECK("(torch.div)(u,1)", D(ts_binary(TS_OP_DIV, ts_arg(u), ts_arg_s(ts_scalar_i(1)), NULL)), "Float [4] 0 100 200 255");
    CHECK("(torch.div)(u,-3)", D(ts_binary(TS_OP_DIV, ts_arg(u), ts_arg_s(ts_scalar_i(-3)), NULL)), "Float [4] -0 -33.3333321 -66.6666641 -85");
    CHECK("(torch.div)(u,2.5)", D(ts_binary(TS_OP_DIV, ts_arg(u), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [4] 0 40 80 102");
    CHECK("(torch.div)(u,True)", D(ts_binary(TS_OP_DIV, ts_arg(u), ts_arg_s(ts_scalar_b(true)), NULL)), "Float [4] 0 100 200 255");
    CHECK("(torch.div)(u,0.0)", D(ts_binary(TS_OP_DIV, ts_arg(u), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [4] nan inf inf inf");
    CHECK("(torch.div)(h,1)", D(ts_binary(TS_OP_DIV, ts_arg(h), ts_arg_s(ts_scalar_i(1)), NULL)), "Half [4] 0.0999755859 1.5 -2.69921875 60000");
    CHECK("(torch.div)(h,-3)", D(ts_binary(TS_OP_DIV, ts_arg(h), ts_arg_s(ts_scalar_i(-3)), NULL)), "Half [4] -0.0333251953 -0.5 0.899902344 -20000");
    CHECK("(torch.div)(h,2.5)", D(ts_binary(TS_OP_DIV, ts_arg(h), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Half [4] 0.0399780273 0.600097656 -1.08007812 24000");
    CHECK("(torch.div)(h,True)", D(ts_binary(TS_OP_DIV, ts_arg(h), ts_arg_s(ts_scalar_b(true)), NULL)), "Half [4] 0.0999755859 1.5 -2.69921875 60000");
    CHECK("(torch.div)(h,0.0)", D(ts_binary(TS_OP_DIV, ts_arg(h), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Half [4] inf inf -inf inf");
    CHECK("(torch.div)(m,1)", D(ts_binary(TS_OP_DIV, ts_arg(m), ts_arg_s(ts_scalar_i(1)), NULL)), "Float [2,3] 1 0 1 0 0 1");
    CHECK("(torch.div)(m,-3)", D(ts_binary(TS_OP_DIV, ts_arg(m), ts_arg_s(ts_scalar_i(-3)), NULL)), "Float [2,3] -0.333333343 -0 -0.333333343 -0 -0 -0.333333343");
    CHECK("(torch.div)(m,2.5)", D(ts_binary(TS_OP_DIV, ts_arg(m), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,3] 0.400000006 0 0.400000006 0 0 0.400000006");
    CHECK("(torch.div)(m,True)", D(ts_binary(TS_OP_DIV, ts_arg(m), ts_arg_s(ts_scalar_b(true)), NULL)), "Float [2,3] 1 0 1 0 0 1");
    CHECK("(torch.div)(m,0.0)", D(ts_binary(TS_OP_DIV, ts_arg(m), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,3] inf nan inf nan nan inf");
    CHECK("(torch.div)(e,1)", D(ts_binary(TS_OP_DIV, ts_arg(e), ts_arg_s(ts_scalar_i(1)), NULL)), "Float [2,1] 3 -4");
    CHECK("(torch.div)(e,-3)", D(ts_binary(TS_OP_DIV, ts_arg(e), ts_arg_s(ts_scalar_i(-3)), NULL)), "Float [2,1] -1 1.33333337");
    CHECK("(torch.div)(e,2.5)", D(ts_binary(TS_OP_DIV, ts_arg(e), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,1] 1.20000005 -1.60000002");
    CHECK("(torch.div)(e,True)", D(ts_binary(TS_OP_DIV, ts_arg(e), ts_arg_s(ts_scalar_b(true)), NULL)), "Float [2,1] 3 -4");
    CHECK("(torch.div)(e,0.0)", D(ts_binary(TS_OP_DIV, ts_arg(e), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,1] inf -inf");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(a,1)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(a), ts_arg_s(ts_scalar_i(1)), NULL)), "Float [2,3] 0 -1 2 3 -4 5");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(a,-3)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(a), ts_arg_s(ts_scalar_i(-3)), NULL)), "Float [2,3] -0 0 -0 -1 1 -1");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(a,2.5)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(a), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,3] 0 -0 0 1 -1 2");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(a,True)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(a), ts_arg_s(ts_scalar_b(true)), NULL)), "Float [2,3] 0 -1 2 3 -4 5");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(a,0.0)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(a), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,3] inf -inf inf inf -inf inf");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(c,1)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(c), ts_arg_s(ts_scalar_i(1)), NULL)), "Long [2,3] 7 -7 5 -5 0 9");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(c,-3)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(c), ts_arg_s(ts_scalar_i(-3)), NULL)), "Long [2,3] -2 2 -1 1 0 -3");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(c,2.5)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(c), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,3] 2 -2 2 -2 0 3");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(c,True)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(c), ts_arg_s(ts_scalar_b(true)), NULL)), "Long [2,3] 7 -7 5 -5 0 9");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(c,0.0)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(c), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,3] inf -inf inf -inf nan inf");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(u,1)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(u), ts_arg_s(ts_scalar_i(1)), NULL)), "Byte [4] 0 100 200 255");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(u,-3)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(u), ts_arg_s(ts_scalar_i(-3)), NULL)), "Byte [4] 0 0 0 1");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(u,2.5)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(u), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [4] 0 40 80 102");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(u,True)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(u), ts_arg_s(ts_scalar_b(true)), NULL)), "Byte [4] 0 100 200 255");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(u,0.0)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(u), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [4] nan inf inf inf");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(h,1)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(h), ts_arg_s(ts_scalar_i(1)), NULL)), "Half [4] 0 1 -2 60000");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(h,-3)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(h), ts_arg_s(ts_scalar_i(-3)), NULL)), "Half [4] -0 -0 0 -20000");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(h,2.5)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(h), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Half [4] 0 0 -1 24000");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(h,True)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(h), ts_arg_s(ts_scalar_b(true)), NULL)), "Half [4] 0 1 -2 60000");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(h,0.0)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(h), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Half [4] inf inf -inf inf");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(m,1)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(m), ts_arg_s(ts_scalar_i(1)), NULL)), "Long [2,3] 1 0 1 0 0 1");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(m,-3)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(m), ts_arg_s(ts_scalar_i(-3)), NULL)), "Long [2,3] 0 0 0 0 0 0");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(m,2.5)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(m), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,3] 0 0 0 0 0 0");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(m,True)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(m), ts_arg_s(ts_scalar_b(true)), NULL)), "ERR RUNTIME \"div_trunc_cpu\" not implemented for 'Bool'");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(m,0.0)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(m), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,3] inf nan inf nan nan inf");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(e,1)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(e), ts_arg_s(ts_scalar_i(1)), NULL)), "Int [2,1] 3 -4");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(e,-3)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(e), ts_arg_s(ts_scalar_i(-3)), NULL)), "Int [2,1] -1 1");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(e,2.5)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(e), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,1] 1 -1");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(e,True)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(e), ts_arg_s(ts_scalar_b(true)), NULL)), "Int [2,1] 3 -4");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='trunc'))(e,0.0)", D(ts_binary(TS_OP_DIV_TRUNC, ts_arg(e), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,1] inf -inf");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(a,1)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(a), ts_arg_s(ts_scalar_i(1)), NULL)), "Float [2,3] 0 -2 2 3 -5 5");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(a,-3)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(a), ts_arg_s(ts_scalar_i(-3)), NULL)), "Float [2,3] -1 0 -1 -1 1 -2");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(a,2.5)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(a), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,3] 0 -1 0 1 -2 2");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(a,True)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(a), ts_arg_s(ts_scalar_b(true)), NULL)), "Float [2,3] 0 -2 2 3 -5 5");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(a,0.0)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(a), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,3] inf -inf inf inf -inf inf");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(c,1)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(c), ts_arg_s(ts_scalar_i(1)), NULL)), "Long [2,3] 7 -7 5 -5 0 9");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(c,-3)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(c), ts_arg_s(ts_scalar_i(-3)), NULL)), "Long [2,3] -3 2 -2 1 0 -3");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(c,2.5)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(c), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,3] 2 -3 2 -2 0 3");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(c,True)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(c), ts_arg_s(ts_scalar_b(true)), NULL)), "Long [2,3] 7 -7 5 -5 0 9");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(c,0.0)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(c), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,3] inf -inf inf -inf nan inf");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(u,1)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(u), ts_arg_s(ts_scalar_i(1)), NULL)), "Byte [4] 0 100 200 255");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(u,-3)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(u), ts_arg_s(ts_scalar_i(-3)), NULL)), "Byte [4] 0 0 0 1");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(u,2.5)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(u), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [4] 0 40 80 102");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(u,True)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(u), ts_arg_s(ts_scalar_b(true)), NULL)), "Byte [4] 0 100 200 255");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(u,0.0)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(u), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [4] nan inf inf inf");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(h,1)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(h), ts_arg_s(ts_scalar_i(1)), NULL)), "Half [4] 0 1 -3 60000");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(h,-3)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(h), ts_arg_s(ts_scalar_i(-3)), NULL)), "Half [4] -1 -1 0 -20000");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(h,2.5)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(h), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Half [4] 0 0 -2 24000");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(h,True)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(h), ts_arg_s(ts_scalar_b(true)), NULL)), "Half [4] 0 1 -3 60000");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(h,0.0)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(h), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Half [4] inf inf -inf inf");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(m,1)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(m), ts_arg_s(ts_scalar_i(1)), NULL)), "Long [2,3] 1 0 1 0 0 1");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(m,-3)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(m), ts_arg_s(ts_scalar_i(-3)), NULL)), "Long [2,3] -1 0 -1 0 0 -1");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(m,2.5)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(m), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,3] 0 0 0 0 0 0");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(m,True)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(m), ts_arg_s(ts_scalar_b(true)), NULL)), "ERR RUNTIME \"div_floor_cpu\" not implemented for 'Bool'");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(m,0.0)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(m), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,3] inf nan inf nan nan inf");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(e,1)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(e), ts_arg_s(ts_scalar_i(1)), NULL)), "Int [2,1] 3 -4");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(e,-3)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(e), ts_arg_s(ts_scalar_i(-3)), NULL)), "Int [2,1] -1 1");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(e,2.5)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(e), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,1] 1 -2");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(e,True)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(e), ts_arg_s(ts_scalar_b(true)), NULL)), "Int [2,1] 3 -4");
    CHECK("(lambda p,q: torch.div(p,q,rounding_mode='floor'))(e,0.0)", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(e), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,1] inf -inf");
    CHECK("(torch.remainder)(a,1)", D(ts_binary(TS_OP_REMAINDER, ts_arg(a), ts_arg_s(ts_scalar_i(1)), NULL)), "Float [2,3] 0.5 0.5 0.25 0 0.25 0.5");
    CHECK("(torch.remainder)(a,-3)", D(ts_binary(TS_OP_REMAINDER, ts_arg(a), ts_arg_s(ts_scalar_i(-3)), NULL)), "Float [2,3] -2.5 -1.5 -0.75 0 -1.75 -0.5");
    CHECK("(torch.remainder)(a,2.5)", D(ts_binary(TS_OP_REMAINDER, ts_arg(a), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,3] 0.5 1 2.25 0.5 0.25 0.5");
    CHECK("(torch.remainder)(a,True)", D(ts_binary(TS_OP_REMAINDER, ts_arg(a), ts_arg_s(ts_scalar_b(true)), NULL)), "Float [2,3] 0.5 0.5 0.25 0 0.25 0.5");
    CHECK("(torch.remainder)(a,0.0)", D(ts_binary(TS_OP_REMAINDER, ts_arg(a), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,3] nan nan nan nan nan nan");
    CHECK("(torch.remainder)(c,1)", D(ts_binary(TS_OP_REMAINDER, ts_arg(c), ts_arg_s(ts_scalar_i(1)), NULL)), "Long [2,3] 0 0 0 0 0 0");
    CHECK("(torch.remainder)(c,-3)", D(ts_binary(TS_OP_REMAINDER, ts_arg(c), ts_arg_s(ts_scalar_i(-3)), NULL)), "Long [2,3] -2 -1 -1 -2 0 0");
    CHECK("(torch.remainder)(c,2.5)", D(ts_binary(TS_OP_REMAINDER, ts_arg(c), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,3] 2 0.5 0 -0 0 1.5");
    CHECK("(torch.remainder)(c,True)", D(ts_binary(TS_OP_REMAINDER, ts_arg(c), ts_arg_s(ts_scalar_b(true)), NULL)), "Long [2,3] 0 0 0 0 0 0");
    CHECK("(torch.remainder)(c,0.0)", D(ts_binary(TS_OP_REMAINDER, ts_arg(c), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,3] nan nan nan nan nan nan");
    CHECK("(torch.remainder)(u,1)", D(ts_binary(TS_OP_REMAINDER, ts_arg(u), ts_arg_s(ts_scalar_i(1)), NULL)), "Byte [4] 0 0 0 0");
    CHECK("(torch.remainder)(u,-3)", D(ts_binary(TS_OP_REMAINDER, ts_arg(u), ts_arg_s(ts_scalar_i(-3)), NULL)), "Byte [4] 0 100 200 2");
    CHECK("(torch.remainder)(u,2.5)", D(ts_binary(TS_OP_REMAINDER, ts_arg(u), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [4] 0 0 0 0");
    CHECK("(torch.remainder)(u,True)", D(ts_binary(TS_OP_REMAINDER, ts_arg(u), ts_arg_s(ts_scalar_b(true)), NULL)), "Byte [4] 0 0 0 0");
    CHECK("(torch.remainder)(u,0.0)", D(ts_binary(TS_OP_REMAINDER, ts_arg(u), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [4] nan nan nan nan");
    CHECK("(torch.remainder)(h,1)", D(ts_binary(TS_OP_REMAINDER, ts_arg(h), ts_arg_s(ts_scalar_i(1)), NULL)), "Half [4] 0.0999755859 0.5 0.30078125 0");
    CHECK("(torch.remainder)(h,-3)", D(ts_binary(TS_OP_REMAINDER, ts_arg(h), ts_arg_s(ts_scalar_i(-3)), NULL)), "Half [4] -2.90039062 -1.5 -2.69921875 0");
    CHECK("(torch.remainder)(h,2.5)", D(ts_binary(TS_OP_REMAINDER, ts_arg(h), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Half [4] 0.0999755859 1.5 2.30078125 0");
    CHECK("(torch.remainder)(h,True)", D(ts_binary(TS_OP_REMAINDER, ts_arg(h), ts_arg_s(ts_scalar_b(true)), NULL)), "Half [4] 0.0999755859 0.5 0.30078125 0");
    CHECK("(torch.remainder)(h,0.0)", D(ts_binary(TS_OP_REMAINDER, ts_arg(h), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Half [4] nan nan nan nan");
    CHECK("(torch.remainder)(m,1)", D(ts_binary(TS_OP_REMAINDER, ts_arg(m), ts_arg_s(ts_scalar_i(1)), NULL)), "Long [2,3] 0 0 0 0 0 0");
    CHECK("(torch.remainder)(m,-3)", D(ts_binary(TS_OP_REMAINDER, ts_arg(m), ts_arg_s(ts_scalar_i(-3)), NULL)), "Long [2,3] -2 0 -2 0 0 -2");
    CHECK("(torch.remainder)(m,2.5)", D(ts_binary(TS_OP_REMAINDER, ts_arg(m), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,3] 1 0 1 0 0 1");
    CHECK("(torch.remainder)(m,True)", D(ts_binary(TS_OP_REMAINDER, ts_arg(m), ts_arg_s(ts_scalar_b(true)), NULL)), "ERR RUNTIME \"remainder_cpu\" not implemented for 'Bool'");
    CHECK("(torch.remainder)(m,0.0)", D(ts_binary(TS_OP_REMAINDER, ts_arg(m), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,3] nan nan nan nan nan nan");
    CHECK("(torch.remainder)(e,1)", D(ts_binary(TS_OP_REMAINDER, ts_arg(e), ts_arg_s(ts_scalar_i(1)), NULL)), "Int [2,1] 0 0");
    CHECK("(torch.remainder)(e,-3)", D(ts_binary(TS_OP_REMAINDER, ts_arg(e), ts_arg_s(ts_scalar_i(-3)), NULL)), "Int [2,1] 0 -1");
    CHECK("(torch.remainder)(e,2.5)", D(ts_binary(TS_OP_REMAINDER, ts_arg(e), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,1] 0.5 1");
    CHECK("(torch.remainder)(e,True)", D(ts_binary(TS_OP_REMAINDER, ts_arg(e), ts_arg_s(ts_scalar_b(true)), NULL)), "Int [2,1] 0 0");
    CHECK("(torch.remainder)(e,0.0)", D(ts_binary(TS_OP_REMAINDER, ts_arg(e), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,1] nan nan");
    CHECK("(torch.fmod)(a,1)", D(ts_binary(TS_OP_FMOD, ts_arg(a), ts_arg_s(ts_scalar_i(1)), NULL)), "Float [2,3] 0.5 -0.5 0.25 0 -0.75 0.5");
    CHECK("(torch.fmod)(a,-3)", D(ts_binary(TS_OP_FMOD, ts_arg(a), ts_arg_s(ts_scalar_i(-3)), NULL)), "Float [2,3] 0.5 -1.5 2.25 0 -1.75 2.5");
    CHECK("(torch.fmod)(a,2.5)", D(ts_binary(TS_OP_FMOD, ts_arg(a), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,3] 0.5 -1.5 2.25 0.5 -2.25 0.5");
    CHECK("(torch.fmod)(a,True)", D(ts_binary(TS_OP_FMOD, ts_arg(a), ts_arg_s(ts_scalar_b(true)), NULL)), "Float [2,3] 0.5 -0.5 0.25 0 -0.75 0.5");
    CHECK("(torch.fmod)(a,0.0)", D(ts_binary(TS_OP_FMOD, ts_arg(a), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,3] nan nan nan nan nan nan");
    CHECK("(torch.fmod)(c,1)", D(ts_binary(TS_OP_FMOD, ts_arg(c), ts_arg_s(ts_scalar_i(1)), NULL)), "Long [2,3] 0 0 0 0 0 0");
    CHECK("(torch.fmod)(c,-3)", D(ts_binary(TS_OP_FMOD, ts_arg(c), ts_arg_s(ts_scalar_i(-3)), NULL)), "Long [2,3] 1 -1 2 -2 0 0");
    CHECK("(torch.fmod)(c,2.5)", D(ts_binary(TS_OP_FMOD, ts_arg(c), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,3] 2 -2 0 -0 0 1.5");
    CHECK("(torch.fmod)(c,True)", D(ts_binary(TS_OP_FMOD, ts_arg(c), ts_arg_s(ts_scalar_b(true)), NULL)), "Long [2,3] 0 0 0 0 0 0");
    CHECK("(torch.fmod)(c,0.0)", D(ts_binary(TS_OP_FMOD, ts_arg(c), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,3] nan nan nan nan nan nan");
    CHECK("(torch.fmod)(u,1)", D(ts_binary(TS_OP_FMOD, ts_arg(u), ts_arg_s(ts_scalar_i(1)), NULL)), "Byte [4] 0 0 0 0");
    CHECK("(torch.fmod)(u,-3)", D(ts_binary(TS_OP_FMOD, ts_arg(u), ts_arg_s(ts_scalar_i(-3)), NULL)), "Byte [4] 0 100 200 2");
    CHECK("(torch.fmod)(u,2.5)", D(ts_binary(TS_OP_FMOD, ts_arg(u), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [4] 0 0 0 0");
    CHECK("(torch.fmod)(u,True)", D(ts_binary(TS_OP_FMOD, ts_arg(u), ts_arg_s(ts_scalar_b(true)), NULL)), "Byte [4] 0 0 0 0");
    CHECK("(torch.fmod)(u,0.0)", D(ts_binary(TS_OP_FMOD, ts_arg(u), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [4] nan nan nan nan");
    CHECK("(torch.fmod)(h,1)", D(ts_binary(TS_OP_FMOD, ts_arg(h), ts_arg_s(ts_scalar_i(1)), NULL)), "Half [4] 0.0999755859 0.5 -0.69921875 0");
    CHECK("(torch.fmod)(h,-3)", D(ts_binary(TS_OP_FMOD, ts_arg(h), ts_arg_s(ts_scalar_i(-3)), NULL)), "Half [4] 0.0999755859 1.5 -2.69921875 0");
    CHECK("(torch.fmod)(h,2.5)", D(ts_binary(TS_OP_FMOD, ts_arg(h), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Half [4] 0.0999755859 1.5 -0.19921875 0");
    CHECK("(torch.fmod)(h,True)", D(ts_binary(TS_OP_FMOD, ts_arg(h), ts_arg_s(ts_scalar_b(true)), NULL)), "Half [4] 0.0999755859 0.5 -0.69921875 0");
    CHECK("(torch.fmod)(h,0.0)", D(ts_binary(TS_OP_FMOD, ts_arg(h), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Half [4] nan nan nan nan");
    CHECK("(torch.fmod)(m,1)", D(ts_binary(TS_OP_FMOD, ts_arg(m), ts_arg_s(ts_scalar_i(1)), NULL)), "Long [2,3] 0 0 0 0 0 0");
    CHECK("(torch.fmod)(m,-3)", D(ts_binary(TS_OP_FMOD, ts_arg(m), ts_arg_s(ts_scalar_i(-3)), NULL)), "Long [2,3] 1 0 1 0 0 1");
    CHECK("(torch.fmod)(m,2.5)", D(ts_binary(TS_OP_FMOD, ts_arg(m), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,3] 1 0 1 0 0 1");
    CHECK("(torch.fmod)(m,True)", D(ts_binary(TS_OP_FMOD, ts_arg(m), ts_arg_s(ts_scalar_b(true)), NULL)), "ERR RUNTIME \"fmod_cpu\" not implemented for 'Bool'");
    CHECK("(torch.fmod)(m,0.0)", D(ts_binary(TS_OP_FMOD, ts_arg(m), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,3] nan nan nan nan nan nan");
    CHECK("(torch.fmod)(e,1)", D(ts_binary(TS_OP_FMOD, ts_arg(e), ts_arg_s(ts_scalar_i(1)), NULL)), "Int [2,1] 0 0");
    CHECK("(torch.fmod)(e,-3)", D(ts_binary(TS_OP_FMOD, ts_arg(e), ts_arg_s(ts_scalar_i(-3)), NULL)), "Int [2,1] 0 -1");
    CHECK("(torch.fmod)(e,2.5)", D(ts_binary(TS_OP_FMOD, ts_arg(e), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,1] 0.5 -1.5");
    CHECK("(torch.fmod)(e,True)", D(ts_binary(TS_OP_FMOD, ts_arg(e), ts_arg_s(ts_scalar_b(true)), NULL)), "Int [2,1] 0 0");
    CHECK("(torch.fmod)(e,0.0)", D(ts_binary(TS_OP_FMOD, ts_arg(e), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,1] nan nan");
    CHECK_APPROX("(torch.pow)(a,1)", D(ts_binary(TS_OP_POW, ts_arg(a), ts_arg_s(ts_scalar_i(1)), NULL)), "Float [2,3] 0.5 -1.5 2.25 3 -4.75 5.5");
    CHECK_APPROX("(torch.pow)(a,-3)", D(ts_binary(TS_OP_POW, ts_arg(a), ts_arg_s(ts_scalar_i(-3)), NULL)), "Float [2,3] 8 -0.296296299 0.087791495 0.0370370373 -0.00933080632 0.00601051841");
    CHECK_APPROX("(torch.pow)(a,2.5)", D(ts_binary(TS_OP_POW, ts_arg(a), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,3] 0.176776692 nan 7.59375 15.5884571 nan 70.9425354");
    CHECK_APPROX("(torch.pow)(a,True)", D(ts_binary(TS_OP_POW, ts_arg(a), ts_arg_s(ts_scalar_b(true)), NULL)), "Float [2,3] 0.5 -1.5 2.25 3 -4.75 5.5");
    CHECK_APPROX("(torch.pow)(a,0.0)", D(ts_binary(TS_OP_POW, ts_arg(a), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,3] 1 1 1 1 1 1");
    CHECK_APPROX("(torch.pow)(c,1)", D(ts_binary(TS_OP_POW, ts_arg(c), ts_arg_s(ts_scalar_i(1)), NULL)), "Long [2,3] 7 -7 5 -5 0 9");
    CHECK_APPROX("(torch.pow)(c,-3)", D(ts_binary(TS_OP_POW, ts_arg(c), ts_arg_s(ts_scalar_i(-3)), NULL)), "ERR RUNTIME Integers to negative integer powers are not allowed.");
    CHECK_APPROX("(torch.pow)(c,2.5)", D(ts_binary(TS_OP_POW, ts_arg(c), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,3] 129.641815 nan 55.9016991 nan 0 243");
    CHECK_APPROX("(torch.pow)(c,True)", D(ts_binary(TS_OP_POW, ts_arg(c), ts_arg_s(ts_scalar_b(true)), NULL)), "Long [2,3] 7 -7 5 -5 0 9");
    CHECK_APPROX("(torch.pow)(c,0.0)", D(ts_binary(TS_OP_POW, ts_arg(c), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,3] 1 1 1 1 1 1");
    CHECK_APPROX("(torch.pow)(u,1)", D(ts_binary(TS_OP_POW, ts_arg(u), ts_arg_s(ts_scalar_i(1)), NULL)), "Byte [4] 0 100 200 255");
    CHECK_APPROX("(torch.pow)(u,-3)", D(ts_binary(TS_OP_POW, ts_arg(u), ts_arg_s(ts_scalar_i(-3)), NULL)), "ERR RUNTIME Integers to negative integer powers are not allowed.");
    CHECK_APPROX("(torch.pow)(u,2.5)", D(ts_binary(TS_OP_POW, ts_arg(u), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [4] 0 100000 565685.438 1038366");
    CHECK_APPROX("(torch.pow)(u,True)", D(ts_binary(TS_OP_POW, ts_arg(u), ts_arg_s(ts_scalar_b(true)), NULL)), "Byte [4] 0 100 200 255");
    CHECK_APPROX("(torch.pow)(u,0.0)", D(ts_binary(TS_OP_POW, ts_arg(u), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [4] 1 1 1 1");
    CHECK_APPROX("(torch.pow)(h,1)", D(ts_binary(TS_OP_POW, ts_arg(h), ts_arg_s(ts_scalar_i(1)), NULL)), "Half [4] 0.0999755859 1.5 -2.69921875 60000");
    CHECK_APPROX("(torch.pow)(h,-3)", D(ts_binary(TS_OP_POW, ts_arg(h), ts_arg_s(ts_scalar_i(-3)), NULL)), "Half [4] 1000.5 0.296386719 -0.0508422852 0");
    CHECK_APPROX("(torch.pow)(h,2.5)", D(ts_binary(TS_OP_POW, ts_arg(h), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Half [4] 0.00316047668 2.75585938 nan inf");
    CHECK_APPROX("(torch.pow)(h,True)", D(ts_binary(TS_OP_POW, ts_arg(h), ts_arg_s(ts_scalar_b(true)), NULL)), "Half [4] 0.0999755859 1.5 -2.69921875 60000");
    CHECK_APPROX("(torch.pow)(h,0.0)", D(ts_binary(TS_OP_POW, ts_arg(h), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Half [4] 1 1 1 1");
    CHECK_APPROX("(torch.pow)(m,1)", D(ts_binary(TS_OP_POW, ts_arg(m), ts_arg_s(ts_scalar_i(1)), NULL)), "Long [2,3] 1 0 1 0 0 1");
    CHECK_APPROX("(torch.pow)(m,-3)", D(ts_binary(TS_OP_POW, ts_arg(m), ts_arg_s(ts_scalar_i(-3)), NULL)), "ERR RUNTIME Integers to negative integer powers are not allowed.");
    CHECK_APPROX("(torch.pow)(m,2.5)", D(ts_binary(TS_OP_POW, ts_arg(m), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,3] 1 0 1 0 0 1");
    CHECK_APPROX("(torch.pow)(m,True)", D(ts_binary(TS_OP_POW, ts_arg(m), ts_arg_s(ts_scalar_b(true)), NULL)), "ERR RUNTIME \"pow\" not implemented for 'Bool'");
    CHECK_APPROX("(torch.pow)(m,0.0)", D(ts_binary(TS_OP_POW, ts_arg(m), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,3] 1 1 1 1 1 1");
    CHECK_APPROX("(torch.pow)(e,1)", D(ts_binary(TS_OP_POW, ts_arg(e), ts_arg_s(ts_scalar_i(1)), NULL)), "Int [2,1] 3 -4");
    CHECK_APPROX("(torch.pow)(e,-3)", D(ts_binary(TS_OP_POW, ts_arg(e), ts_arg_s(ts_scalar_i(-3)), NULL)), "ERR RUNTIME Integers to negative integer powers are not allowed.");
    CHECK_APPROX("(torch.pow)(e,2.5)", D(ts_binary(TS_OP_POW, ts_arg(e), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Float [2,1] 15.5884571 nan");
    CHECK_APPROX("(torch.pow)(e,True)", D(ts_binary(TS_OP_POW, ts_arg(e), ts_arg_s(ts_scalar_b(true)), NULL)), "Int [2,1] 3 -4");
    CHECK_APPROX("(torch.pow)(e,0.0)", D(ts_binary(TS_OP_POW, ts_arg(e), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [2,1] 1 1");
    CHECK("(torch.eq)(a,1)", D(ts_binary(TS_OP_EQ, ts_arg(a), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("(torch.eq)(a,-3)", D(ts_binary(TS_OP_EQ, ts_arg(a), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("(torch.eq)(a,2.5)", D(ts_binary(TS_OP_EQ, ts_arg(a), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("(torch.eq)(a,True)", D(ts_binary(TS_OP_EQ, ts_arg(a), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("(torch.eq)(a,0.0)", D(ts_binary(TS_OP_EQ, ts_arg(a), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("(torch.eq)(c,1)", D(ts_binary(TS_OP_EQ, ts_arg(c), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("(torch.eq)(c,-3)", D(ts_binary(TS_OP_EQ, ts_arg(c), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("(torch.eq)(c,2.5)", D(ts_binary(TS_OP_EQ, ts_arg(c), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("(torch.eq)(c,True)", D(ts_binary(TS_OP_EQ, ts_arg(c), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("(torch.eq)(c,0.0)", D(ts_binary(TS_OP_EQ, ts_arg(c), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [2,3] 0 0 0 0 1 0");
    CHECK("(torch.eq)(u,1)", D(ts_binary(TS_OP_EQ, ts_arg(u), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [4] 0 0 0 0");
    CHECK("(torch.eq)(u,-3)", D(ts_binary(TS_OP_EQ, ts_arg(u), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [4] 0 0 0 0");
    CHECK("(torch.eq)(u,2.5)", D(ts_binary(TS_OP_EQ, ts_arg(u), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [4] 0 0 0 0");
    CHECK("(torch.eq)(u,True)", D(ts_binary(TS_OP_EQ, ts_arg(u), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [4] 0 0 0 0");
    CHECK("(torch.eq)(u,0.0)", D(ts_binary(TS_OP_EQ, ts_arg(u), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [4] 1 0 0 0");
    CHECK("(torch.eq)(h,1)", D(ts_binary(TS_OP_EQ, ts_arg(h), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [4] 0 0 0 0");
    CHECK("(torch.eq)(h,-3)", D(ts_binary(TS_OP_EQ, ts_arg(h), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [4] 0 0 0 0");
    CHECK("(torch.eq)(h,2.5)", D(ts_binary(TS_OP_EQ, ts_arg(h), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [4] 0 0 0 0");
    CHECK("(torch.eq)(h,True)", D(ts_binary(TS_OP_EQ, ts_arg(h), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [4] 0 0 0 0");
    CHECK("(torch.eq)(h,0.0)", D(ts_binary(TS_OP_EQ, ts_arg(h), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [4] 0 0 0 0");
    CHECK("(torch.eq)(m,1)", D(ts_binary(TS_OP_EQ, ts_arg(m), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [2,3] 1 0 1 0 0 1");
    CHECK("(torch.eq)(m,-3)", D(ts_binary(TS_OP_EQ, ts_arg(m), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("(torch.eq)(m,2.5)", D(ts_binary(TS_OP_EQ, ts_arg(m), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("(torch.eq)(m,True)", D(ts_binary(TS_OP_EQ, ts_arg(m), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [2,3] 1 0 1 0 0 1");
    CHECK("(torch.eq)(m,0.0)", D(ts_binary(TS_OP_EQ, ts_arg(m), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [2,3] 0 1 0 1 1 0");
    CHECK("(torch.eq)(e,1)", D(ts_binary(TS_OP_EQ, ts_arg(e), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [2,1] 0 0");
    CHECK("(torch.eq)(e,-3)", D(ts_binary(TS_OP_EQ, ts_arg(e), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [2,1] 0 0");
    CHECK("(torch.eq)(e,2.5)", D(ts_binary(TS_OP_EQ, ts_arg(e), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [2,1] 0 0");
    CHECK("(torch.eq)(e,True)", D(ts_binary(TS_OP_EQ, ts_arg(e), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [2,1] 0 0");
    CHECK("(torch.eq)(e,0.0)", D(ts_binary(TS_OP_EQ, ts_arg(e), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [2,1] 0 0");
    CHECK("(torch.ne)(a,1)", D(ts_binary(TS_OP_NE, ts_arg(a), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.ne)(a,-3)", D(ts_binary(TS_OP_NE, ts_arg(a), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.ne)(a,2.5)", D(ts_binary(TS_OP_NE, ts_arg(a), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.ne)(a,True)", D(ts_binary(TS_OP_NE, ts_arg(a), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.ne)(a,0.0)", D(ts_binary(TS_OP_NE, ts_arg(a), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.ne)(c,1)", D(ts_binary(TS_OP_NE, ts_arg(c), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.ne)(c,-3)", D(ts_binary(TS_OP_NE, ts_arg(c), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.ne)(c,2.5)", D(ts_binary(TS_OP_NE, ts_arg(c), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.ne)(c,True)", D(ts_binary(TS_OP_NE, ts_arg(c), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.ne)(c,0.0)", D(ts_binary(TS_OP_NE, ts_arg(c), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [2,3] 1 1 1 1 0 1");
    CHECK("(torch.ne)(u,1)", D(ts_binary(TS_OP_NE, ts_arg(u), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [4] 1 1 1 1");
    CHECK("(torch.ne)(u,-3)", D(ts_binary(TS_OP_NE, ts_arg(u), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [4] 1 1 1 1");
    CHECK("(torch.ne)(u,2.5)", D(ts_binary(TS_OP_NE, ts_arg(u), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [4] 1 1 1 1");
    CHECK("(torch.ne)(u,True)", D(ts_binary(TS_OP_NE, ts_arg(u), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [4] 1 1 1 1");
    CHECK("(torch.ne)(u,0.0)", D(ts_binary(TS_OP_NE, ts_arg(u), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [4] 0 1 1 1");
    CHECK("(torch.ne)(h,1)", D(ts_binary(TS_OP_NE, ts_arg(h), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [4] 1 1 1 1");
    CHECK("(torch.ne)(h,-3)", D(ts_binary(TS_OP_NE, ts_arg(h), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [4] 1 1 1 1");
    CHECK("(torch.ne)(h,2.5)", D(ts_binary(TS_OP_NE, ts_arg(h), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [4] 1 1 1 1");
    CHECK("(torch.ne)(h,True)", D(ts_binary(TS_OP_NE, ts_arg(h), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [4] 1 1 1 1");
    CHECK("(torch.ne)(h,0.0)", D(ts_binary(TS_OP_NE, ts_arg(h), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [4] 1 1 1 1");
    CHECK("(torch.ne)(m,1)", D(ts_binary(TS_OP_NE, ts_arg(m), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [2,3] 0 1 0 1 1 0");
    CHECK("(torch.ne)(m,-3)", D(ts_binary(TS_OP_NE, ts_arg(m), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.ne)(m,2.5)", D(ts_binary(TS_OP_NE, ts_arg(m), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.ne)(m,True)", D(ts_binary(TS_OP_NE, ts_arg(m), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [2,3] 0 1 0 1 1 0");
    CHECK("(torch.ne)(m,0.0)", D(ts_binary(TS_OP_NE, ts_arg(m), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [2,3] 1 0 1 0 0 1");
    CHECK("(torch.ne)(e,1)", D(ts_binary(TS_OP_NE, ts_arg(e), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [2,1] 1 1");
    CHECK("(torch.ne)(e,-3)", D(ts_binary(TS_OP_NE, ts_arg(e), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [2,1] 1 1");
    CHECK("(torch.ne)(e,2.5)", D(ts_binary(TS_OP_NE, ts_arg(e), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [2,1] 1 1");
    CHECK("(torch.ne)(e,True)", D(ts_binary(TS_OP_NE, ts_arg(e), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [2,1] 1 1");
    CHECK("(torch.ne)(e,0.0)", D(ts_binary(TS_OP_NE, ts_arg(e), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [2,1] 1 1");
    CHECK("(torch.lt)(a,1)", D(ts_binary(TS_OP_LT, ts_arg(a), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [2,3] 1 1 0 0 1 0");
    CHECK("(torch.lt)(a,-3)", D(ts_binary(TS_OP_LT, ts_arg(a), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [2,3] 0 0 0 0 1 0");
    CHECK("(torch.lt)(a,2.5)", D(ts_binary(TS_OP_LT, ts_arg(a), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [2,3] 1 1 1 0 1 0");
    CHECK("(torch.lt)(a,True)", D(ts_binary(TS_OP_LT, ts_arg(a), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [2,3] 1 1 0 0 1 0");
    CHECK("(torch.lt)(a,0.0)", D(ts_binary(TS_OP_LT, ts_arg(a), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [2,3] 0 1 0 0 1 0");
    CHECK("(torch.lt)(c,1)", D(ts_binary(TS_OP_LT, ts_arg(c), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [2,3] 0 1 0 1 1 0");
    CHECK("(torch.lt)(c,-3)", D(ts_binary(TS_OP_LT, ts_arg(c), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [2,3] 0 1 0 1 0 0");
    CHECK("(torch.lt)(c,2.5)", D(ts_binary(TS_OP_LT, ts_arg(c), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [2,3] 0 1 0 1 1 0");
    CHECK("(torch.lt)(c,True)", D(ts_binary(TS_OP_LT, ts_arg(c), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [2,3] 0 1 0 1 1 0");
    CHECK("(torch.lt)(c,0.0)", D(ts_binary(TS_OP_LT, ts_arg(c), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [2,3] 0 1 0 1 0 0");
    CHECK("(torch.lt)(u,1)", D(ts_binary(TS_OP_LT, ts_arg(u), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [4] 1 0 0 0");
    CHECK("(torch.lt)(u,-3)", D(ts_binary(TS_OP_LT, ts_arg(u), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [4] 1 1 1 0");
    CHECK("(torch.lt)(u,2.5)", D(ts_binary(TS_OP_LT, ts_arg(u), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [4] 1 0 0 0");
    CHECK("(torch.lt)(u,True)", D(ts_binary(TS_OP_LT, ts_arg(u), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [4] 1 0 0 0");
    CHECK("(torch.lt)(u,0.0)", D(ts_binary(TS_OP_LT, ts_arg(u), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [4] 0 0 0 0");
    CHECK("(torch.lt)(h,1)", D(ts_binary(TS_OP_LT, ts_arg(h), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [4] 1 0 1 0");
    CHECK("(torch.lt)(h,-3)", D(ts_binary(TS_OP_LT, ts_arg(h), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [4] 0 0 0 0");
    CHECK("(torch.lt)(h,2.5)", D(ts_binary(TS_OP_LT, ts_arg(h), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [4] 1 1 1 0");
    CHECK("(torch.lt)(h,True)", D(ts_binary(TS_OP_LT, ts_arg(h), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [4] 1 0 1 0");
    CHECK("(torch.lt)(h,0.0)", D(ts_binary(TS_OP_LT, ts_arg(h), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [4] 0 0 1 0");
    CHECK("(torch.lt)(m,1)", D(ts_binary(TS_OP_LT, ts_arg(m), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [2,3] 0 1 0 1 1 0");
    CHECK("(torch.lt)(m,-3)", D(ts_binary(TS_OP_LT, ts_arg(m), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("(torch.lt)(m,2.5)", D(ts_binary(TS_OP_LT, ts_arg(m), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.lt)(m,True)", D(ts_binary(TS_OP_LT, ts_arg(m), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [2,3] 0 1 0 1 1 0");
    CHECK("(torch.lt)(m,0.0)", D(ts_binary(TS_OP_LT, ts_arg(m), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("(torch.lt)(e,1)", D(ts_binary(TS_OP_LT, ts_arg(e), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [2,1] 0 1");
    CHECK("(torch.lt)(e,-3)", D(ts_binary(TS_OP_LT, ts_arg(e), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [2,1] 0 1");
    CHECK("(torch.lt)(e,2.5)", D(ts_binary(TS_OP_LT, ts_arg(e), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [2,1] 0 1");
    CHECK("(torch.lt)(e,True)", D(ts_binary(TS_OP_LT, ts_arg(e), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [2,1] 0 1");
    CHECK("(torch.lt)(e,0.0)", D(ts_binary(TS_OP_LT, ts_arg(e), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [2,1] 0 1");
    CHECK("(torch.le)(a,1)", D(ts_binary(TS_OP_LE, ts_arg(a), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [2,3] 1 1 0 0 1 0");
    CHECK("(torch.le)(a,-3)", D(ts_binary(TS_OP_LE, ts_arg(a), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [2,3] 0 0 0 0 1 0");
    CHECK("(torch.le)(a,2.5)", D(ts_binary(TS_OP_LE, ts_arg(a), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [2,3] 1 1 1 0 1 0");
    CHECK("(torch.le)(a,True)", D(ts_binary(TS_OP_LE, ts_arg(a), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [2,3] 1 1 0 0 1 0");
    CHECK("(torch.le)(a,0.0)", D(ts_binary(TS_OP_LE, ts_arg(a), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [2,3] 0 1 0 0 1 0");
    CHECK("(torch.le)(c,1)", D(ts_binary(TS_OP_LE, ts_arg(c), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [2,3] 0 1 0 1 1 0");
    CHECK("(torch.le)(c,-3)", D(ts_binary(TS_OP_LE, ts_arg(c), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [2,3] 0 1 0 1 0 0");
    CHECK("(torch.le)(c,2.5)", D(ts_binary(TS_OP_LE, ts_arg(c), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [2,3] 0 1 0 1 1 0");
    CHECK("(torch.le)(c,True)", D(ts_binary(TS_OP_LE, ts_arg(c), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [2,3] 0 1 0 1 1 0");
    CHECK("(torch.le)(c,0.0)", D(ts_binary(TS_OP_LE, ts_arg(c), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [2,3] 0 1 0 1 1 0");
    CHECK("(torch.le)(u,1)", D(ts_binary(TS_OP_LE, ts_arg(u), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [4] 1 0 0 0");
    CHECK("(torch.le)(u,-3)", D(ts_binary(TS_OP_LE, ts_arg(u), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [4] 1 1 1 0");
    CHECK("(torch.le)(u,2.5)", D(ts_binary(TS_OP_LE, ts_arg(u), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [4] 1 0 0 0");
    CHECK("(torch.le)(u,True)", D(ts_binary(TS_OP_LE, ts_arg(u), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [4] 1 0 0 0");
    CHECK("(torch.le)(u,0.0)", D(ts_binary(TS_OP_LE, ts_arg(u), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [4] 1 0 0 0");
    CHECK("(torch.le)(h,1)", D(ts_binary(TS_OP_LE, ts_arg(h), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [4] 1 0 1 0");
    CHECK("(torch.le)(h,-3)", D(ts_binary(TS_OP_LE, ts_arg(h), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [4] 0 0 0 0");
    CHECK("(torch.le)(h,2.5)", D(ts_binary(TS_OP_LE, ts_arg(h), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [4] 1 1 1 0");
    CHECK("(torch.le)(h,True)", D(ts_binary(TS_OP_LE, ts_arg(h), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [4] 1 0 1 0");
    CHECK("(torch.le)(h,0.0)", D(ts_binary(TS_OP_LE, ts_arg(h), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [4] 0 0 1 0");
    CHECK("(torch.le)(m,1)", D(ts_binary(TS_OP_LE, ts_arg(m), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.le)(m,-3)", D(ts_binary(TS_OP_LE, ts_arg(m), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("(torch.le)(m,2.5)", D(ts_binary(TS_OP_LE, ts_arg(m), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.le)(m,True)", D(ts_binary(TS_OP_LE, ts_arg(m), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.le)(m,0.0)", D(ts_binary(TS_OP_LE, ts_arg(m), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [2,3] 0 1 0 1 1 0");
    CHECK("(torch.le)(e,1)", D(ts_binary(TS_OP_LE, ts_arg(e), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [2,1] 0 1");
    CHECK("(torch.le)(e,-3)", D(ts_binary(TS_OP_LE, ts_arg(e), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [2,1] 0 1");
    CHECK("(torch.le)(e,2.5)", D(ts_binary(TS_OP_LE, ts_arg(e), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [2,1] 0 1");
    CHECK("(torch.le)(e,True)", D(ts_binary(TS_OP_LE, ts_arg(e), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [2,1] 0 1");
    CHECK("(torch.le)(e,0.0)", D(ts_binary(TS_OP_LE, ts_arg(e), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [2,1] 0 1");
    CHECK("(torch.gt)(a,1)", D(ts_binary(TS_OP_GT, ts_arg(a), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [2,3] 0 0 1 1 0 1");
    CHECK("(torch.gt)(a,-3)", D(ts_binary(TS_OP_GT, ts_arg(a), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [2,3] 1 1 1 1 0 1");
    CHECK("(torch.gt)(a,2.5)", D(ts_binary(TS_OP_GT, ts_arg(a), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [2,3] 0 0 0 1 0 1");
    CHECK("(torch.gt)(a,True)", D(ts_binary(TS_OP_GT, ts_arg(a), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [2,3] 0 0 1 1 0 1");
    CHECK("(torch.gt)(a,0.0)", D(ts_binary(TS_OP_GT, ts_arg(a), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [2,3] 1 0 1 1 0 1");
    CHECK("(torch.gt)(c,1)", D(ts_binary(TS_OP_GT, ts_arg(c), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [2,3] 1 0 1 0 0 1");
    CHECK("(torch.gt)(c,-3)", D(ts_binary(TS_OP_GT, ts_arg(c), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [2,3] 1 0 1 0 1 1");
    CHECK("(torch.gt)(c,2.5)", D(ts_binary(TS_OP_GT, ts_arg(c), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [2,3] 1 0 1 0 0 1");
    CHECK("(torch.gt)(c,True)", D(ts_binary(TS_OP_GT, ts_arg(c), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [2,3] 1 0 1 0 0 1");
    CHECK("(torch.gt)(c,0.0)", D(ts_binary(TS_OP_GT, ts_arg(c), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [2,3] 1 0 1 0 0 1");
    CHECK("(torch.gt)(u,1)", D(ts_binary(TS_OP_GT, ts_arg(u), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [4] 0 1 1 1");
    CHECK("(torch.gt)(u,-3)", D(ts_binary(TS_OP_GT, ts_arg(u), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [4] 0 0 0 1");
    CHECK("(torch.gt)(u,2.5)", D(ts_binary(TS_OP_GT, ts_arg(u), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [4] 0 1 1 1");
    CHECK("(torch.gt)(u,True)", D(ts_binary(TS_OP_GT, ts_arg(u), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [4] 0 1 1 1");
    CHECK("(torch.gt)(u,0.0)", D(ts_binary(TS_OP_GT, ts_arg(u), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [4] 0 1 1 1");
    CHECK("(torch.gt)(h,1)", D(ts_binary(TS_OP_GT, ts_arg(h), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [4] 0 1 0 1");
    CHECK("(torch.gt)(h,-3)", D(ts_binary(TS_OP_GT, ts_arg(h), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [4] 1 1 1 1");
    CHECK("(torch.gt)(h,2.5)", D(ts_binary(TS_OP_GT, ts_arg(h), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [4] 0 0 0 1");
    CHECK("(torch.gt)(h,True)", D(ts_binary(TS_OP_GT, ts_arg(h), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [4] 0 1 0 1");
    CHECK("(torch.gt)(h,0.0)", D(ts_binary(TS_OP_GT, ts_arg(h), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [4] 1 1 0 1");
    CHECK("(torch.gt)(m,1)", D(ts_binary(TS_OP_GT, ts_arg(m), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("(torch.gt)(m,-3)", D(ts_binary(TS_OP_GT, ts_arg(m), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.gt)(m,2.5)", D(ts_binary(TS_OP_GT, ts_arg(m), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("(torch.gt)(m,True)", D(ts_binary(TS_OP_GT, ts_arg(m), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("(torch.gt)(m,0.0)", D(ts_binary(TS_OP_GT, ts_arg(m), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [2,3] 1 0 1 0 0 1");
    CHECK("(torch.gt)(e,1)", D(ts_binary(TS_OP_GT, ts_arg(e), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [2,1] 1 0");
    CHECK("(torch.gt)(e,-3)", D(ts_binary(TS_OP_GT, ts_arg(e), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [2,1] 1 0");
    CHECK("(torch.gt)(e,2.5)", D(ts_binary(TS_OP_GT, ts_arg(e), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [2,1] 1 0");
    CHECK("(torch.gt)(e,True)", D(ts_binary(TS_OP_GT, ts_arg(e), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [2,1] 1 0");
    CHECK("(torch.gt)(e,0.0)", D(ts_binary(TS_OP_GT, ts_arg(e), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [2,1] 1 0");
    CHECK("(torch.ge)(a,1)", D(ts_binary(TS_OP_GE, ts_arg(a), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [2,3] 0 0 1 1 0 1");
    CHECK("(torch.ge)(a,-3)", D(ts_binary(TS_OP_GE, ts_arg(a), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [2,3] 1 1 1 1 0 1");
    CHECK("(torch.ge)(a,2.5)", D(ts_binary(TS_OP_GE, ts_arg(a), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [2,3] 0 0 0 1 0 1");
    CHECK("(torch.ge)(a,True)", D(ts_binary(TS_OP_GE, ts_arg(a), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [2,3] 0 0 1 1 0 1");
    CHECK("(torch.ge)(a,0.0)", D(ts_binary(TS_OP_GE, ts_arg(a), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [2,3] 1 0 1 1 0 1");
    CHECK("(torch.ge)(c,1)", D(ts_binary(TS_OP_GE, ts_arg(c), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [2,3] 1 0 1 0 0 1");
    CHECK("(torch.ge)(c,-3)", D(ts_binary(TS_OP_GE, ts_arg(c), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [2,3] 1 0 1 0 1 1");
    CHECK("(torch.ge)(c,2.5)", D(ts_binary(TS_OP_GE, ts_arg(c), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [2,3] 1 0 1 0 0 1");
    CHECK("(torch.ge)(c,True)", D(ts_binary(TS_OP_GE, ts_arg(c), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [2,3] 1 0 1 0 0 1");
    CHECK("(torch.ge)(c,0.0)", D(ts_binary(TS_OP_GE, ts_arg(c), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [2,3] 1 0 1 0 1 1");
    CHECK("(torch.ge)(u,1)", D(ts_binary(TS_OP_GE, ts_arg(u), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [4] 0 1 1 1");
    CHECK("(torch.ge)(u,-3)", D(ts_binary(TS_OP_GE, ts_arg(u), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [4] 0 0 0 1");
    CHECK("(torch.ge)(u,2.5)", D(ts_binary(TS_OP_GE, ts_arg(u), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [4] 0 1 1 1");
    CHECK("(torch.ge)(u,True)", D(ts_binary(TS_OP_GE, ts_arg(u), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [4] 0 1 1 1");
    CHECK("(torch.ge)(u,0.0)", D(ts_binary(TS_OP_GE, ts_arg(u), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [4] 1 1 1 1");
    CHECK("(torch.ge)(h,1)", D(ts_binary(TS_OP_GE, ts_arg(h), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [4] 0 1 0 1");
    CHECK("(torch.ge)(h,-3)", D(ts_binary(TS_OP_GE, ts_arg(h), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [4] 1 1 1 1");
    CHECK("(torch.ge)(h,2.5)", D(ts_binary(TS_OP_GE, ts_arg(h), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [4] 0 0 0 1");
    CHECK("(torch.ge)(h,True)", D(ts_binary(TS_OP_GE, ts_arg(h), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [4] 0 1 0 1");
    CHECK("(torch.ge)(h,0.0)", D(ts_binary(TS_OP_GE, ts_arg(h), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [4] 1 1 0 1");
    CHECK("(torch.ge)(m,1)", D(ts_binary(TS_OP_GE, ts_arg(m), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [2,3] 1 0 1 0 0 1");
    CHECK("(torch.ge)(m,-3)", D(ts_binary(TS_OP_GE, ts_arg(m), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.ge)(m,2.5)", D(ts_binary(TS_OP_GE, ts_arg(m), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("(torch.ge)(m,True)", D(ts_binary(TS_OP_GE, ts_arg(m), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [2,3] 1 0 1 0 0 1");
    CHECK("(torch.ge)(m,0.0)", D(ts_binary(TS_OP_GE, ts_arg(m), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.ge)(e,1)", D(ts_binary(TS_OP_GE, ts_arg(e), ts_arg_s(ts_scalar_i(1)), NULL)), "Bool [2,1] 1 0");
    CHECK("(torch.ge)(e,-3)", D(ts_binary(TS_OP_GE, ts_arg(e), ts_arg_s(ts_scalar_i(-3)), NULL)), "Bool [2,1] 1 0");
    CHECK("(torch.ge)(e,2.5)", D(ts_binary(TS_OP_GE, ts_arg(e), ts_arg_s(ts_scalar_f(2.5)), NULL)), "Bool [2,1] 1 0");
    CHECK("(torch.ge)(e,True)", D(ts_binary(TS_OP_GE, ts_arg(e), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [2,1] 1 0");
    CHECK("(torch.ge)(e,0.0)", D(ts_binary(TS_OP_GE, ts_arg(e), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Bool [2,1] 1 0");
    CHECK("(torch.bitwise_and)(a,1)", D(ts_binary(TS_OP_BITWISE_AND, ts_arg(a), ts_arg_s(ts_scalar_i(1)), NULL)), "ERR RUNTIME \"bitwise_and_cpu\" not implemented for 'Float'");
    CHECK("(torch.bitwise_and)(a,-3)", D(ts_binary(TS_OP_BITWISE_AND, ts_arg(a), ts_arg_s(ts_scalar_i(-3)), NULL)), "ERR RUNTIME \"bitwise_and_cpu\" not implemented for 'Float'");
    CHECK("(torch.bitwise_and)(a,True)", D(ts_binary(TS_OP_BITWISE_AND, ts_arg(a), ts_arg_s(ts_scalar_b(true)), NULL)), "ERR RUNTIME \"bitwise_and_cpu\" not implemented for 'Float'");
    CHECK("(torch.bitwise_and)(c,1)", D(ts_binary(TS_OP_BITWISE_AND, ts_arg(c), ts_arg_s(ts_scalar_i(1)), NULL)), "Long [2,3] 1 1 1 1 0 1");
    CHECK("(torch.bitwise_and)(c,-3)", D(ts_binary(TS_OP_BITWISE_AND, ts_arg(c), ts_arg_s(ts_scalar_i(-3)), NULL)), "Long [2,3] 5 -7 5 -7 0 9");
    CHECK("(torch.bitwise_and)(c,True)", D(ts_binary(TS_OP_BITWISE_AND, ts_arg(c), ts_arg_s(ts_scalar_b(true)), NULL)), "Long [2,3] 1 1 1 1 0 1");
    CHECK("(torch.bitwise_and)(u,1)", D(ts_binary(TS_OP_BITWISE_AND, ts_arg(u), ts_arg_s(ts_scalar_i(1)), NULL)), "Byte [4] 0 0 0 1");
    CHECK("(torch.bitwise_and)(u,-3)", D(ts_binary(TS_OP_BITWISE_AND, ts_arg(u), ts_arg_s(ts_scalar_i(-3)), NULL)), "Byte [4] 0 100 200 253");
    CHECK("(torch.bitwise_and)(u,True)", D(ts_binary(TS_OP_BITWISE_AND, ts_arg(u), ts_arg_s(ts_scalar_b(true)), NULL)), "Byte [4] 0 0 0 1");
    CHECK("(torch.bitwise_and)(m,1)", D(ts_binary(TS_OP_BITWISE_AND, ts_arg(m), ts_arg_s(ts_scalar_i(1)), NULL)), "Long [2,3] 1 0 1 0 0 1");
    CHECK("(torch.bitwise_and)(m,-3)", D(ts_binary(TS_OP_BITWISE_AND, ts_arg(m), ts_arg_s(ts_scalar_i(-3)), NULL)), "Long [2,3] 1 0 1 0 0 1");
    CHECK("(torch.bitwise_and)(m,True)", D(ts_binary(TS_OP_BITWISE_AND, ts_arg(m), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [2,3] 1 0 1 0 0 1");
    CHECK("(torch.bitwise_and)(e,1)", D(ts_binary(TS_OP_BITWISE_AND, ts_arg(e), ts_arg_s(ts_scalar_i(1)), NULL)), "Int [2,1] 1 0");
    CHECK("(torch.bitwise_and)(e,-3)", D(ts_binary(TS_OP_BITWISE_AND, ts_arg(e), ts_arg_s(ts_scalar_i(-3)), NULL)), "Int [2,1] 1 -4");
    CHECK("(torch.bitwise_and)(e,True)", D(ts_binary(TS_OP_BITWISE_AND, ts_arg(e), ts_arg_s(ts_scalar_b(true)), NULL)), "Int [2,1] 1 0");
    CHECK("(torch.bitwise_or)(a,1)", D(ts_binary(TS_OP_BITWISE_OR, ts_arg(a), ts_arg_s(ts_scalar_i(1)), NULL)), "ERR RUNTIME \"bitwise_or_cpu\" not implemented for 'Float'");
    CHECK("(torch.bitwise_or)(a,-3)", D(ts_binary(TS_OP_BITWISE_OR, ts_arg(a), ts_arg_s(ts_scalar_i(-3)), NULL)), "ERR RUNTIME \"bitwise_or_cpu\" not implemented for 'Float'");
    CHECK("(torch.bitwise_or)(a,True)", D(ts_binary(TS_OP_BITWISE_OR, ts_arg(a), ts_arg_s(ts_scalar_b(true)), NULL)), "ERR RUNTIME \"bitwise_or_cpu\" not implemented for 'Float'");
    CHECK("(torch.bitwise_or)(c,1)", D(ts_binary(TS_OP_BITWISE_OR, ts_arg(c), ts_arg_s(ts_scalar_i(1)), NULL)), "Long [2,3] 7 -7 5 -5 1 9");
    CHECK("(torch.bitwise_or)(c,-3)", D(ts_binary(TS_OP_BITWISE_OR, ts_arg(c), ts_arg_s(ts_scalar_i(-3)), NULL)), "Long [2,3] -1 -3 -3 -1 -3 -3");
    CHECK("(torch.bitwise_or)(c,True)", D(ts_binary(TS_OP_BITWISE_OR, ts_arg(c), ts_arg_s(ts_scalar_b(true)), NULL)), "Long [2,3] 7 -7 5 -5 1 9");
    CHECK("(torch.bitwise_or)(u,1)", D(ts_binary(TS_OP_BITWISE_OR, ts_arg(u), ts_arg_s(ts_scalar_i(1)), NULL)), "Byte [4] 1 101 201 255");
    CHECK("(torch.bitwise_or)(u,-3)", D(ts_binary(TS_OP_BITWISE_OR, ts_arg(u), ts_arg_s(ts_scalar_i(-3)), NULL)), "Byte [4] 253 253 253 255");
    CHECK("(torch.bitwise_or)(u,True)", D(ts_binary(TS_OP_BITWISE_OR, ts_arg(u), ts_arg_s(ts_scalar_b(true)), NULL)), "Byte [4] 1 101 201 255");
    CHECK("(torch.bitwise_or)(m,1)", D(ts_binary(TS_OP_BITWISE_OR, ts_arg(m), ts_arg_s(ts_scalar_i(1)), NULL)), "Long [2,3] 1 1 1 1 1 1");
    CHECK("(torch.bitwise_or)(m,-3)", D(ts_binary(TS_OP_BITWISE_OR, ts_arg(m), ts_arg_s(ts_scalar_i(-3)), NULL)), "Long [2,3] -3 -3 -3 -3 -3 -3");
    CHECK("(torch.bitwise_or)(m,True)", D(ts_binary(TS_OP_BITWISE_OR, ts_arg(m), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("(torch.bitwise_or)(e,1)", D(ts_binary(TS_OP_BITWISE_OR, ts_arg(e), ts_arg_s(ts_scalar_i(1)), NULL)), "Int [2,1] 3 -3");
    CHECK("(torch.bitwise_or)(e,-3)", D(ts_binary(TS_OP_BITWISE_OR, ts_arg(e), ts_arg_s(ts_scalar_i(-3)), NULL)), "Int [2,1] -1 -3");
    CHECK("(torch.bitwise_or)(e,True)", D(ts_binary(TS_OP_BITWISE_OR, ts_arg(e), ts_arg_s(ts_scalar_b(true)), NULL)), "Int [2,1] 3 -3");
    CHECK("(torch.bitwise_xor)(a,1)", D(ts_binary(TS_OP_BITWISE_XOR, ts_arg(a), ts_arg_s(ts_scalar_i(1)), NULL)), "ERR RUNTIME \"bitwise_xor_cpu\" not implemented for 'Float'");
    CHECK("(torch.bitwise_xor)(a,-3)", D(ts_binary(TS_OP_BITWISE_XOR, ts_arg(a), ts_arg_s(ts_scalar_i(-3)), NULL)), "ERR RUNTIME \"bitwise_xor_cpu\" not implemented for 'Float'");
    CHECK("(torch.bitwise_xor)(a,True)", D(ts_binary(TS_OP_BITWISE_XOR, ts_arg(a), ts_arg_s(ts_scalar_b(true)), NULL)), "ERR RUNTIME \"bitwise_xor_cpu\" not implemented for 'Float'");
    CHECK("(torch.bitwise_xor)(c,1)", D(ts_binary(TS_OP_BITWISE_XOR, ts_arg(c), ts_arg_s(ts_scalar_i(1)), NULL)), "Long [2,3] 6 -8 4 -6 1 8");
    CHECK("(torch.bitwise_xor)(c,-3)", D(ts_binary(TS_OP_BITWISE_XOR, ts_arg(c), ts_arg_s(ts_scalar_i(-3)), NULL)), "Long [2,3] -6 4 -8 6 -3 -12");
    CHECK("(torch.bitwise_xor)(c,True)", D(ts_binary(TS_OP_BITWISE_XOR, ts_arg(c), ts_arg_s(ts_scalar_b(true)), NULL)), "Long [2,3] 6 -8 4 -6 1 8");
    CHECK("(torch.bitwise_xor)(u,1)", D(ts_binary(TS_OP_BITWISE_XOR, ts_arg(u), ts_arg_s(ts_scalar_i(1)), NULL)), "Byte [4] 1 101 201 254");
    CHECK("(torch.bitwise_xor)(u,-3)", D(ts_binary(TS_OP_BITWISE_XOR, ts_arg(u), ts_arg_s(ts_scalar_i(-3)), NULL)), "Byte [4] 253 153 53 2");
    CHECK("(torch.bitwise_xor)(u,True)", D(ts_binary(TS_OP_BITWISE_XOR, ts_arg(u), ts_arg_s(ts_scalar_b(true)), NULL)), "Byte [4] 1 101 201 254");
    CHECK("(torch.bitwise_xor)(m,1)", D(ts_binary(TS_OP_BITWISE_XOR, ts_arg(m), ts_arg_s(ts_scalar_i(1)), NULL)), "Long [2,3] 0 1 0 1 1 0");
    CHECK("(torch.bitwise_xor)(m,-3)", D(ts_binary(TS_OP_BITWISE_XOR, ts_arg(m), ts_arg_s(ts_scalar_i(-3)), NULL)), "Long [2,3] -4 -3 -4 -3 -3 -4");
    CHECK("(torch.bitwise_xor)(m,True)", D(ts_binary(TS_OP_BITWISE_XOR, ts_arg(m), ts_arg_s(ts_scalar_b(true)), NULL)), "Bool [2,3] 0 1 0 1 1 0");
    CHECK("(torch.bitwise_xor)(e,1)", D(ts_binary(TS_OP_BITWISE_XOR, ts_arg(e), ts_arg_s(ts_scalar_i(1)), NULL)), "Int [2,1] 2 -3");
    CHECK("(torch.bitwise_xor)(e,-3)", D(ts_binary(TS_OP_BITWISE_XOR, ts_arg(e), ts_arg_s(ts_scalar_i(-3)), NULL)), "Int [2,1] -2 1");
    CHECK("(torch.bitwise_xor)(e,True)", D(ts_binary(TS_OP_BITWISE_XOR, ts_arg(e), ts_arg_s(ts_scalar_b(true)), NULL)), "Int [2,1] 2 -3");
    CHECK("(torch.bitwise_left_shift)(a,1)", D(ts_binary(TS_OP_LSHIFT, ts_arg(a), ts_arg_s(ts_scalar_i(1)), NULL)), "ERR RUNTIME \"lshift_cpu\" not implemented for 'Float'");
    CHECK("(torch.bitwise_left_shift)(a,-3)", D(ts_binary(TS_OP_LSHIFT, ts_arg(a), ts_arg_s(ts_scalar_i(-3)), NULL)), "ERR RUNTIME \"lshift_cpu\" not implemented for 'Float'");
    CHECK("(torch.bitwise_left_shift)(a,True)", D(ts_binary(TS_OP_LSHIFT, ts_arg(a), ts_arg_s(ts_scalar_b(true)), NULL)), "ERR RUNTIME \"lshift_cpu\" not implemented for 'Float'");
    CHECK("(torch.bitwise_left_shift)(c,1)", D(ts_binary(TS_OP_LSHIFT, ts_arg(c), ts_arg_s(ts_scalar_i(1)), NULL)), "Long [2,3] 14 -14 10 -10 0 18");
    CHECK("(torch.bitwise_left_shift)(c,-3)", D(ts_binary(TS_OP_LSHIFT, ts_arg(c), ts_arg_s(ts_scalar_i(-3)), NULL)), "Long [2,3] -2305843009213693952 2305843009213693952 -6917529027641081856 6917529027641081856 0 2305843009213693952");
    CHECK("(torch.bitwise_left_shift)(c,True)", D(ts_binary(TS_OP_LSHIFT, ts_arg(c), ts_arg_s(ts_scalar_b(true)), NULL)), "Long [2,3] 14 -14 10 -10 0 18");
    CHECK("(torch.bitwise_left_shift)(u,1)", D(ts_binary(TS_OP_LSHIFT, ts_arg(u), ts_arg_s(ts_scalar_i(1)), NULL)), "Byte [4] 0 200 144 254");
    CHECK("(torch.bitwise_left_shift)(u,-3)", D(ts_binary(TS_OP_LSHIFT, ts_arg(u), ts_arg_s(ts_scalar_i(-3)), NULL)), "Byte [4] 0 0 0 0");
    CHECK("(torch.bitwise_left_shift)(u,True)", D(ts_binary(TS_OP_LSHIFT, ts_arg(u), ts_arg_s(ts_scalar_b(true)), NULL)), "Byte [4] 0 200 144 254");
    CHECK("(torch.bitwise_left_shift)(m,1)", D(ts_binary(TS_OP_LSHIFT, ts_arg(m), ts_arg_s(ts_scalar_i(1)), NULL)), "Long [2,3] 2 0 2 0 0 2");
    CHECK("(torch.bitwise_left_shift)(m,-3)", D(ts_binary(TS_OP_LSHIFT, ts_arg(m), ts_arg_s(ts_scalar_i(-3)), NULL)), "Long [2,3] 2305843009213693952 0 2305843009213693952 0 0 2305843009213693952");
    CHECK("(torch.bitwise_left_shift)(m,True)", D(ts_binary(TS_OP_LSHIFT, ts_arg(m), ts_arg_s(ts_scalar_b(true)), NULL)), "ERR RUNTIME \"lshift_cpu\" not implemented for 'Bool'");
    CHECK("(torch.bitwise_left_shift)(e,1)", D(ts_binary(TS_OP_LSHIFT, ts_arg(e), ts_arg_s(ts_scalar_i(1)), NULL)), "Int [2,1] 6 -8");
    CHECK("(torch.bitwise_left_shift)(e,-3)", D(ts_binary(TS_OP_LSHIFT, ts_arg(e), ts_arg_s(ts_scalar_i(-3)), NULL)), "Int [2,1] 1610612736 -2147483648");
    CHECK("(torch.bitwise_left_shift)(e,True)", D(ts_binary(TS_OP_LSHIFT, ts_arg(e), ts_arg_s(ts_scalar_b(true)), NULL)), "Int [2,1] 6 -8");
    CHECK("(torch.bitwise_right_shift)(a,1)", D(ts_binary(TS_OP_RSHIFT, ts_arg(a), ts_arg_s(ts_scalar_i(1)), NULL)), "ERR RUNTIME \"rshift_cpu\" not implemented for 'Float'");
    CHECK("(torch.bitwise_right_shift)(a,-3)", D(ts_binary(TS_OP_RSHIFT, ts_arg(a), ts_arg_s(ts_scalar_i(-3)), NULL)), "ERR RUNTIME \"rshift_cpu\" not implemented for 'Float'");
    CHECK("(torch.bitwise_right_shift)(a,True)", D(ts_binary(TS_OP_RSHIFT, ts_arg(a), ts_arg_s(ts_scalar_b(true)), NULL)), "ERR RUNTIME \"rshift_cpu\" not implemented for 'Float'");
    CHECK("(torch.bitwise_right_shift)(c,1)", D(ts_binary(TS_OP_RSHIFT, ts_arg(c), ts_arg_s(ts_scalar_i(1)), NULL)), "Long [2,3] 3 -4 2 -3 0 4");
    CHECK("(torch.bitwise_right_shift)(c,-3)", D(ts_binary(TS_OP_RSHIFT, ts_arg(c), ts_arg_s(ts_scalar_i(-3)), NULL)), "Long [2,3] 0 -1 0 -1 0 0");
    CHECK("(torch.bitwise_right_shift)(c,True)", D(ts_binary(TS_OP_RSHIFT, ts_arg(c), ts_arg_s(ts_scalar_b(true)), NULL)), "Long [2,3] 3 -4 2 -3 0 4");
    CHECK("(torch.bitwise_right_shift)(u,1)", D(ts_binary(TS_OP_RSHIFT, ts_arg(u), ts_arg_s(ts_scalar_i(1)), NULL)), "Byte [4] 0 50 100 127");
    CHECK("(torch.bitwise_right_shift)(u,-3)", D(ts_binary(TS_OP_RSHIFT, ts_arg(u), ts_arg_s(ts_scalar_i(-3)), NULL)), "Byte [4] 0 0 0 0");
    CHECK("(torch.bitwise_right_shift)(u,True)", D(ts_binary(TS_OP_RSHIFT, ts_arg(u), ts_arg_s(ts_scalar_b(true)), NULL)), "Byte [4] 0 50 100 127");
    CHECK("(torch.bitwise_right_shift)(m,1)", D(ts_binary(TS_OP_RSHIFT, ts_arg(m), ts_arg_s(ts_scalar_i(1)), NULL)), "Long [2,3] 0 0 0 0 0 0");
    CHECK("(torch.bitwise_right_shift)(m,-3)", D(ts_binary(TS_OP_RSHIFT, ts_arg(m), ts_arg_s(ts_scalar_i(-3)), NULL)), "Long [2,3] 0 0 0 0 0 0");
    CHECK("(torch.bitwise_right_shift)(m,True)", D(ts_binary(TS_OP_RSHIFT, ts_arg(m), ts_arg_s(ts_scalar_b(true)), NULL)), "ERR RUNTIME \"rshift_cpu\" not implemented for 'Bool'");
    CHECK("(torch.bitwise_right_shift)(e,1)", D(ts_binary(TS_OP_RSHIFT, ts_arg(e), ts_arg_s(ts_scalar_i(1)), NULL)), "Int [2,1] 1 -2");
    CHECK("(torch.bitwise_right_shift)(e,-3)", D(ts_binary(TS_OP_RSHIFT, ts_arg(e), ts_arg_s(ts_scalar_i(-3)), NULL)), "Int [2,1] 0 -1");
    CHECK("(torch.bitwise_right_shift)(e,True)", D(ts_binary(TS_OP_RSHIFT, ts_arg(e), ts_arg_s(ts_scalar_b(true)), NULL)), "Int [2,1] 1 -2");
    CHECK_APPROX("c ** -1", D(ts_binary(TS_OP_POW, ts_arg(c), ts_arg_s(ts_scalar_i(-1)), NULL)), "ERR RUNTIME Integers to negative integer powers are not allowed.");
    CHECK_APPROX("torch.arange(-3,4)**torch.arange(-3,4)", D(ts_binary(TS_OP_POW, ts_arg(ts_arange(ts_scalar_i(-3), ts_scalar_i(4), ts_scalar_i(1), TS_UNDEF, 0)), ts_arg(ts_arange(ts_scalar_i(-3), ts_scalar_i(4), ts_scalar_i(1), TS_UNDEF, 0)), NULL)), "Long [7] 0 0 -1 1 1 4 27");
    CHECK_APPROX("2 ** d", D(ts_binary(TS_OP_POW, ts_arg_s(ts_scalar_i(2)), ts_arg(d), NULL)), "Long [3] 4 0 8");
    CHECK("1.5 - c", D(ts_binary(TS_OP_SUB, ts_arg_s(ts_scalar_f(1.5)), ts_arg(c), NULL)), "Float [2,3] -5.5 8.5 -3.5 6.5 1.5 -7.5");
    CHECK("1 / u", D(ts_binary(TS_OP_DIV, ts_arg_s(ts_scalar_i(1)), ts_arg(u), NULL)), "Float [4] inf 0.00999999978 0.00499999989 0.00392156886");
    CHECK("u + 1000", D(ts_binary(TS_OP_ADD, ts_arg(u), ts_arg_s(ts_scalar_i(1000)), NULL)), "Byte [4] 232 76 176 231");
    CHECK("c.to(torch.int8) * 100", D(ts_binary(TS_OP_MUL, ts_arg(ts_to(c,TS_INT8,0,false)), ts_arg_s(ts_scalar_i(100)), NULL)), "Char [2,3] -68 68 -12 12 0 -124");
    CHECK("h + z", D(ts_binary(TS_OP_ADD, ts_arg(h), ts_arg(z), NULL)), "Half [4] 2.59960938 4 -0.19921875 60000");
    CHECK("g + z.double()", D(ts_binary(TS_OP_ADD, ts_arg(g), ts_arg(ts_to(z,TS_FLOAT64,0,false)), NULL)), "BFloat16 [3] 2.59375 4 -0.203125");
    CHECK("c + z.double()", D(ts_binary(TS_OP_ADD, ts_arg(c), ts_arg(ts_to(z,TS_FLOAT64,0,false)), NULL)), "Double [2,3] 9.5 -4.5 7.5 -2.5 2.5 11.5");
    CHECK("h[:3] + g", D(ts_binary(TS_OP_ADD, ts_arg(ts_narrow(h,0,0,3)), ts_arg(g), NULL)), "Float [3] 0.200073242 3 -5.40234375");
    CHECK("m - m", D(ts_binary(TS_OP_SUB, ts_arg(m), ts_arg(m), NULL)), "ERR RUNTIME Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.");
    CHECK("a + torch.zeros(4)", D(ts_binary(TS_OP_ADD, ts_arg(a), ts_arg(ts_zeros(1,(int64_t[]){4},TS_UNDEF,0)), NULL)), "ERR RUNTIME The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1");
    CHECK("torch.add(a,b,alpha=2.5)", D(ts_add(ts_arg(a), ts_arg(b), ts_scalar_f(2.5), NULL)), "Float [2,3] 3 -6.5 2.25 5.5 -9.75 5.5");
    CHECK("torch.add(c,d,alpha=-2)", D(ts_add(ts_arg(c), ts_arg(d), ts_scalar_i(-2), NULL)), "Long [2,3] 3 -3 -1 -9 4 3");
    CHECK("torch.add(c,d,alpha=2.5)", D(ts_add(ts_arg(c), ts_arg(d), ts_scalar_f(2.5), NULL)), "ERR RUNTIME For integral input tensors, argument alpha must not be a floating point number.");
    CHECK("torch.sub(a,1,alpha=3)", D(ts_sub(ts_arg(a), ts_arg_s(ts_scalar_i(1)), ts_scalar_i(3), NULL)), "Float [2,3] -2.5 -4.5 -0.75 0 -7.75 2.5");
    CHECK("c // 0", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(c), ts_arg_s(ts_scalar_i(0)), NULL)), "ERR RUNTIME ZeroDivisionError");
    CHECK("c % torch.zeros(3,dtype=torch.long)", D(ts_binary(TS_OP_REMAINDER, ts_arg(c), ts_arg(ts_zeros(1,(int64_t[]){3},TS_INT64,0)), NULL)), "ERR RUNTIME ZeroDivisionError");
    CHECK("a // 0", D(ts_binary(TS_OP_DIV_FLOOR, ts_arg(a), ts_arg_s(ts_scalar_i(0)), NULL)), "Float [2,3] inf -inf inf inf -inf inf");
    CHECK("a & 1", D(ts_binary(TS_OP_BITWISE_AND, ts_arg(a), ts_arg_s(ts_scalar_i(1)), NULL)), "ERR RUNTIME \"bitwise_and_cpu\" not implemented for 'Float'");
    CHECK("a << 1", D(ts_binary(TS_OP_LSHIFT, ts_arg(a), ts_arg_s(ts_scalar_i(1)), NULL)), "ERR RUNTIME \"lshift_cpu\" not implemented for 'Float'");
    CHECK("torch.maximum(n, torch.tensor(0.))", D(ts_binary(TS_OP_MAXIMUM, ts_arg(n), ts_arg_s(ts_scalar_f(0.0)), NULL)), "Float [4] nan inf 0 1");
    CHECK("torch.minimum(n, n.flip(0))", D(ts_binary(TS_OP_MINIMUM, ts_arg(n), ts_arg(ts_flip(n,1,(int64_t[]){0})), NULL)), "Float [4] nan -inf -inf nan");
    LAST = ts_clone(c); CHECK("c.clone().add_(1.5)", D(ts_binary(TS_OP_ADD, ts_arg(LAST), ts_arg_s(ts_scalar_f(1.5)), LAST)), "ERR RUNTIME result type Float can't be cast to the desired output type Long");
    LAST = ts_clone(c); CHECK("c.clone().add_(c.int())", D(ts_binary(TS_OP_ADD, ts_arg(LAST), ts_arg(ts_to(c,TS_INT32,0,false)), LAST)), "Long [2,3] 14 -14 10 -10 0 18");
    LAST = ts_clone(e); CHECK("e.clone().add_(c)", D(ts_binary(TS_OP_ADD, ts_arg(LAST), ts_arg(c), LAST)), "ERR RUNTIME output with shape [2, 1] doesn't match the broadcast shape [2, 3]");
    LAST = ts_clone(b); CHECK("b.clone().add_(a)", D(ts_binary(TS_OP_ADD, ts_arg(LAST), ts_arg(a), LAST)), "ERR RUNTIME output with shape [3] doesn't match the broadcast shape [2, 3]");
    LAST = ts_clone(a); CHECK("a.clone().mul_(b)", D(ts_binary(TS_OP_MUL, ts_arg(LAST), ts_arg(b), LAST)), "Float [2,3] 0.5 3 0 3 9.5 0");
    LAST = ts_clone(c); CHECK("c.clone().div_(2)", D(ts_binary(TS_OP_DIV, ts_arg(LAST), ts_arg_s(ts_scalar_i(2)), LAST)), "ERR RUNTIME result type Float can't be cast to the desired output type Long");
    LAST = ts_clone(AT(a)); CHECK("a.t().clone().mul_(2)", D(ts_binary(TS_OP_MUL, ts_arg(LAST), ts_arg_s(ts_scalar_i(2)), LAST)), "Float [3,2] 1 6 -3 -9.5 4.5 11");
    CHECK("torch.sub(a,b,out=torch.empty(0,dtype=torch.float64))", D(ts_binary(TS_OP_SUB, ts_arg(a), ts_arg(b), ts_empty(1,(int64_t[]){0},TS_FLOAT64,0))), "Double [2,3] -0.5 0.5 2.25 2 -2.75 5.5");
    CHECK("torch.lt(a,b,out=torch.empty(0))", D(ts_binary(TS_OP_LT, ts_arg(a), ts_arg(b), ts_empty(1,(int64_t[]){0},TS_FLOAT32,0))), "Float [2,3] 1 0 0 0 1 0");
    CHECK("torch.add(a,b,out=torch.empty(0,dtype=torch.long))", D(ts_binary(TS_OP_ADD, ts_arg(a), ts_arg(b), ts_empty(1,(int64_t[]){0},TS_INT64,0))), "ERR RUNTIME result type Float can't be cast to the desired output type Long");
    CHECK("a.neg()", D(ts_unary(TS_OP_NEG, a, NULL)), "Float [2,3] -0.5 1.5 -2.25 -3 4.75 -5.5");
    CHECK("c.neg()", D(ts_unary(TS_OP_NEG, c, NULL)), "Long [2,3] -7 7 -5 5 0 -9");
    CHECK("u.neg()", D(ts_unary(TS_OP_NEG, u, NULL)), "Byte [4] 0 156 56 1");
    CHECK("h.neg()", D(ts_unary(TS_OP_NEG, h, NULL)), "Half [4] -0.0999755859 -1.5 2.69921875 -60000");
    CHECK("g.neg()", D(ts_unary(TS_OP_NEG, g, NULL)), "BFloat16 [3] -0.100097656 -1.5 2.703125");
    CHECK("w.neg()", D(ts_unary(TS_OP_NEG, w, NULL)), "Double [2,2] -0.33333333333333331 -2.5 1.0000000000000001e+300 -7");
    CHECK("m.neg()", D(ts_unary(TS_OP_NEG, m, NULL)), "ERR RUNTIME Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
    CHECK("n.neg()", D(ts_unary(TS_OP_NEG, n, NULL)), "Float [4] nan -inf inf -1");
    CHECK("x.neg()", D(ts_unary(TS_OP_NEG, x, NULL)), "Float [6] 3.5 2.5 0.5 -0.5 -1.5 -2.5");
    CHECK("z.neg()", D(ts_unary(TS_OP_NEG, z, NULL)), "Float [] -2.5");
    CHECK("e.neg()", D(ts_unary(TS_OP_NEG, e, NULL)), "Int [2,1] -3 4");
    CHECK("a.abs()", D(ts_unary(TS_OP_ABS, a, NULL)), "Float [2,3] 0.5 1.5 2.25 3 4.75 5.5");
    CHECK("c.abs()", D(ts_unary(TS_OP_ABS, c, NULL)), "Long [2,3] 7 7 5 5 0 9");
    CHECK("u.abs()", D(ts_unary(TS_OP_ABS, u, NULL)), "Byte [4] 0 100 200 255");
    CHECK("h.abs()", D(ts_unary(TS_OP_ABS, h, NULL)), "Half [4] 0.0999755859 1.5 2.69921875 60000");
    CHECK("g.abs()", D(ts_unary(TS_OP_ABS, g, NULL)), "BFloat16 [3] 0.100097656 1.5 2.703125");
    CHECK("w.abs()", D(ts_unary(TS_OP_ABS, w, NULL)), "Double [2,2] 0.33333333333333331 2.5 1.0000000000000001e+300 7");
    CHECK("m.abs()", D(ts_unary(TS_OP_ABS, m, NULL)), "ERR RUNTIME \"abs_cpu\" not implemented for 'Bool'");
    CHECK("n.abs()", D(ts_unary(TS_OP_ABS, n, NULL)), "Float [4] nan inf inf 1");
    CHECK("x.abs()", D(ts_unary(TS_OP_ABS, x, NULL)), "Float [6] 3.5 2.5 0.5 0.5 1.5 2.5");
    CHECK("z.abs()", D(ts_unary(TS_OP_ABS, z, NULL)), "Float [] 2.5");
    CHECK("e.abs()", D(ts_unary(TS_OP_ABS, e, NULL)), "Int [2,1] 3 4");
    CHECK("a.sqrt()", D(ts_unary(TS_OP_SQRT, a, NULL)), "Float [2,3] 0.707106769 nan 1.5 1.73205078 nan 2.34520793");
    CHECK("c.sqrt()", D(ts_unary(TS_OP_SQRT, c, NULL)), "Float [2,3] 2.64575124 nan 2.23606801 nan 0 3");
    CHECK("u.sqrt()", D(ts_unary(TS_OP_SQRT, u, NULL)), "Float [4] 0 10 14.1421356 15.9687195");
    CHECK("g.sqrt()", D(ts_unary(TS_OP_SQRT, g, NULL)), "BFloat16 [3] 0.31640625 1.2265625 nan");
    CHECK("w.sqrt()", D(ts_unary(TS_OP_SQRT, w, NULL)), "Double [2,2] 0.57735026918962573 1.5811388300841898 nan 2.6457513110645907");
    CHECK("m.sqrt()", D(ts_unary(TS_OP_SQRT, m, NULL)), "Float [2,3] 1 0 1 0 0 1");
    CHECK("n.sqrt()", D(ts_unary(TS_OP_SQRT, n, NULL)), "Float [4] nan inf nan 1");
    CHECK("x.sqrt()", D(ts_unary(TS_OP_SQRT, x, NULL)), "Float [6] nan nan nan 0.707106769 1.22474492 1.58113885");
    CHECK("z.sqrt()", D(ts_unary(TS_OP_SQRT, z, NULL)), "Float [] 1.58113885");
    CHECK("e.sqrt()", D(ts_unary(TS_OP_SQRT, e, NULL)), "Float [2,1] 1.73205078 nan");
    CHECK_APPROX("a.rsqrt()", D(ts_unary(TS_OP_RSQRT, a, NULL)), "Float [2,3] 1.41421354 nan 0.666666687 0.577350259 nan 0.426401436");
    CHECK_APPROX("c.rsqrt()", D(ts_unary(TS_OP_RSQRT, c, NULL)), "Float [2,3] 0.377964497 nan 0.44721359 nan inf 0.333333343");
    CHECK_APPROX("u.rsqrt()", D(ts_unary(TS_OP_RSQRT, u, NULL)), "Float [4] inf 0.100000001 0.0707106814 0.0626224279");
    CHECK_APPROX("g.rsqrt()", D(ts_unary(TS_OP_RSQRT, g, NULL)), "BFloat16 [3] 3.15625 0.81640625 nan");
    CHECK_APPROX("w.rsqrt()", D(ts_unary(TS_OP_RSQRT, w, NULL)), "Double [2,2] 1.7320508075688774 0.63245553203367588 nan 0.3779644730092272");
    CHECK_APPROX("m.rsqrt()", D(ts_unary(TS_OP_RSQRT, m, NULL)), "Float [2,3] 1 inf 1 inf inf 1");
    CHECK_APPROX("n.rsqrt()", D(ts_unary(TS_OP_RSQRT, n, NULL)), "Float [4] nan 0 nan 1");
    CHECK_APPROX("x.rsqrt()", D(ts_unary(TS_OP_RSQRT, x, NULL)), "Float [6] nan nan nan 1.41421354 0.816496551 0.632455528");
    CHECK_APPROX("z.rsqrt()", D(ts_unary(TS_OP_RSQRT, z, NULL)), "Float [] 0.632455528");
    CHECK_APPROX("e.rsqrt()", D(ts_unary(TS_OP_RSQRT, e, NULL)), "Float [2,1] 0.577350259 nan");
    CHECK_APPROX("a.exp()", D(ts_unary(TS_OP_EXP, a, NULL)), "Float [2,3] 1.64872122 0.223130167 9.48773575 20.085537 0.00865169521 244.691925");
    CHECK_APPROX("c.exp()", D(ts_unary(TS_OP_EXP, c, NULL)), "Float [2,3] 1096.63318 0.000911881973 148.413162 0.006737947 1 8103.08398");
    CHECK_APPROX("u.exp()", D(ts_unary(TS_OP_EXP, u, NULL)), "Float [4] 1 inf inf inf");
    CHECK_APPROX("g.exp()", D(ts_unary(TS_OP_EXP, g, NULL)), "BFloat16 [3] 1.1015625 4.46875 0.0668945312");
    CHECK_APPROX("w.exp()", D(ts_unary(TS_OP_EXP, w, NULL)), "Double [2,2] 1.3956124250860895 12.182493960703473 0 1096.6331584284585");
    CHECK_APPROX("m.exp()", D(ts_unary(TS_OP_EXP, m, NULL)), "Float [2,3] 2.71828175 1 2.71828175 1 1 2.71828175");
    CHECK_APPROX("n.exp()", D(ts_unary(TS_OP_EXP, n, NULL)), "Float [4] nan inf 0 2.71828175");
    CHECK_APPROX("x.exp()", D(ts_unary(TS_OP_EXP, x, NULL)), "Float [6] 0.0301973838 0.0820849985 0.606530666 1.64872122 4.48168898 12.1824942");
    CHECK_APPROX("z.exp()", D(ts_unary(TS_OP_EXP, z, NULL)), "Float [] 12.1824942");
    CHECK_APPROX("e.exp()", D(ts_unary(TS_OP_EXP, e, NULL)), "Float [2,1] 20.085537 0.0183156393");
    CHECK_APPROX("torch.exp2(a)", D(ts_unary(TS_OP_EXP2, a, NULL)), "Float [2,3] 1.41421354 0.353553385 4.75682831 8 0.0371627212 45.2548332");
    CHECK_APPROX("torch.exp2(c)", D(ts_unary(TS_OP_EXP2, c, NULL)), "Float [2,3] 128 0.0078125 32 0.03125 1 512");
    CHECK_APPROX("torch.exp2(u)", D(ts_unary(TS_OP_EXP2, u, NULL)), "Float [4] 1 1.2676506e+30 inf inf");
    CHECK_APPROX("torch.exp2(h)", D(ts_unary(TS_OP_EXP2, h, NULL)), "Half [4] 1.07128906 2.828125 0.153930664 inf");
    CHECK_APPROX("torch.exp2(g)", D(ts_unary(TS_OP_EXP2, g, NULL)), "BFloat16 [3] 1.0703125 2.828125 0.153320312");
    CHECK_APPROX("torch.exp2(w)", D(ts_unary(TS_OP_EXP2, w, NULL)), "Double [2,2] 1.2599210498948732 5.6568542494923806 0 128");
    CHECK_APPROX("torch.exp2(m)", D(ts_unary(TS_OP_EXP2, m, NULL)), "Float [2,3] 2 1 2 1 1 2");
    CHECK_APPROX("torch.exp2(n)", D(ts_unary(TS_OP_EXP2, n, NULL)), "Float [4] nan inf 0 2");
    CHECK_APPROX("torch.exp2(x)", D(ts_unary(TS_OP_EXP2, x, NULL)), "Float [6] 0.0883883461 0.176776692 0.707106769 1.41421354 2.82842708 5.65685415");
    CHECK_APPROX("torch.exp2(z)", D(ts_unary(TS_OP_EXP2, z, NULL)), "Float [] 5.65685415");
    CHECK_APPROX("torch.exp2(e)", D(ts_unary(TS_OP_EXP2, e, NULL)), "Float [2,1] 8 0.0625");
    CHECK_APPROX("a.log()", D(ts_unary(TS_OP_LOG, a, NULL)), "Float [2,3] -0.693147182 nan 0.810930192 1.09861231 nan 1.70474803");
    CHECK_APPROX("c.log()", D(ts_unary(TS_OP_LOG, c, NULL)), "Float [2,3] 1.9459101 nan 1.60943794 nan -inf 2.19722462");
    CHECK_APPROX("u.log()", D(ts_unary(TS_OP_LOG, u, NULL)), "Float [4] -inf 4.60517025 5.29831743 5.54126358");
    CHECK_APPROX("g.log()", D(ts_unary(TS_OP_LOG, g, NULL)), "BFloat16 [3] -2.296875 0.40625 nan");
    CHECK_APPROX("w.log()", D(ts_unary(TS_OP_LOG, w, NULL)), "Double [2,2] -1.0986122886681098 0.91629073187415511 nan 1.9459101490553132");
    CHECK_APPROX("m.log()", D(ts_unary(TS_OP_LOG, m, NULL)), "Float [2,3] 0 -inf 0 -inf -inf 0");
    CHECK_APPROX("n.log()", D(ts_unary(TS_OP_LOG, n, NULL)), "Float [4] nan inf nan 0");
    CHECK_APPROX("x.log()", D(ts_unary(TS_OP_LOG, x, NULL)), "Float [6] nan nan nan -0.693147182 0.405465096 0.91629076");
    CHECK_APPROX("z.log()", D(ts_unary(TS_OP_LOG, z, NULL)), "Float [] 0.91629076");
    CHECK_APPROX("e.log()", D(ts_unary(TS_OP_LOG, e, NULL)), "Float [2,1] 1.09861231 nan");
    CHECK_APPROX("a.log2()", D(ts_unary(TS_OP_LOG2, a, NULL)), "Float [2,3] -1 nan 1.16992497 1.58496249 nan 2.45943165");
    CHECK_APPROX("c.log2()", D(ts_unary(TS_OP_LOG2, c, NULL)), "Float [2,3] 2.80735493 nan 2.32192802 nan -inf 3.16992497");
    CHECK_APPROX("u.log2()", D(ts_unary(TS_OP_LOG2, u, NULL)), "Float [4] -inf 6.64385605 7.64385605 7.99435329");
    CHECK_APPROX("g.log2()", D(ts_unary(TS_OP_LOG2, g, NULL)), "BFloat16 [3] -3.328125 0.5859375 nan");
    CHECK_APPROX("w.log2()", D(ts_unary(TS_OP_LOG2, w, NULL)), "Double [2,2] -1.5849625007211563 1.3219280948873624 nan 2.8073549220576042");
    CHECK_APPROX("m.log2()", D(ts_unary(TS_OP_LOG2, m, NULL)), "Float [2,3] 0 -inf 0 -inf -inf 0");
    CHECK_APPROX("n.log2()", D(ts_unary(TS_OP_LOG2, n, NULL)), "Float [4] nan inf nan 0");
    CHECK_APPROX("x.log2()", D(ts_unary(TS_OP_LOG2, x, NULL)), "Float [6] nan nan nan -1 0.584962487 1.32192814");
    CHECK_APPROX("z.log2()", D(ts_unary(TS_OP_LOG2, z, NULL)), "Float [] 1.32192814");
    CHECK_APPROX("e.log2()", D(ts_unary(TS_OP_LOG2, e, NULL)), "Float [2,1] 1.58496249 nan");
    CHECK_APPROX("a.log10()", D(ts_unary(TS_OP_LOG10, a, NULL)), "Float [2,3] -0.30103001 nan 0.352182508 0.477121264 nan 0.740362704");
    CHECK_APPROX("c.log10()", D(ts_unary(TS_OP_LOG10, c, NULL)), "Float [2,3] 0.845098019 nan 0.69897002 nan -inf 0.954242527");
    CHECK_APPROX("u.log10()", D(ts_unary(TS_OP_LOG10, u, NULL)), "Float [4] -inf 2 2.30102992 2.40654016");
    CHECK_APPROX("g.log10()", D(ts_unary(TS_OP_LOG10, g, NULL)), "BFloat16 [3] -1 0.17578125 nan");
    CHECK_APPROX("w.log10()", D(ts_unary(TS_OP_LOG10, w, NULL)), "Double [2,2] -0.47712125471966244 0.3979400086720376 nan 0.84509804001425681");
    CHECK_APPROX("m.log10()", D(ts_unary(TS_OP_LOG10, m, NULL)), "Float [2,3] 0 -inf 0 -inf -inf 0");
    CHECK_APPROX("n.log10()", D(ts_unary(TS_OP_LOG10, n, NULL)), "Float [4] nan inf nan 0");
    CHECK_APPROX("x.log10()", D(ts_unary(TS_OP_LOG10, x, NULL)), "Float [6] nan nan nan -0.30103001 0.176091254 0.39794001");
    CHECK_APPROX("z.log10()", D(ts_unary(TS_OP_LOG10, z, NULL)), "Float [] 0.39794001");
    CHECK_APPROX("e.log10()", D(ts_unary(TS_OP_LOG10, e, NULL)), "Float [2,1] 0.477121264 nan");
    CHECK_APPROX("a.log1p()", D(ts_unary(TS_OP_LOG1P, a, NULL)), "Float [2,3] 0.405465096 nan 1.17865503 1.38629436 nan 1.87180221");
    CHECK_APPROX("c.log1p()", D(ts_unary(TS_OP_LOG1P, c, NULL)), "Float [2,3] 2.07944155 nan 1.79175949 nan 0 2.30258512");
    CHECK_APPROX("u.log1p()", D(ts_unary(TS_OP_LOG1P, u, NULL)), "Float [4] 0 4.61512041 5.30330467 5.54517746");
    CHECK_APPROX("g.log1p()", D(ts_unary(TS_OP_LOG1P, g, NULL)), "BFloat16 [3] 0.0952148438 0.91796875 nan");
    CHECK_APPROX("w.log1p()", D(ts_unary(TS_OP_LOG1P, w, NULL)), "Double [2,2] 0.2876820724517809 1.2527629684953681 nan 2.0794415416798357");
    CHECK_APPROX("m.log1p()", D(ts_unary(TS_OP_LOG1P, m, NULL)), "Float [2,3] 0.693147182 0 0.693147182 0 0 0.693147182");
    CHECK_APPROX("n.log1p()", D(ts_unary(TS_OP_LOG1P, n, NULL)), "Float [4] nan inf nan 0.693147182");
    CHECK_APPROX("x.log1p()", D(ts_unary(TS_OP_LOG1P, x, NULL)), "Float [6] nan nan -0.693147182 0.405465096 0.91629076 1.25276291");
    CHECK_APPROX("z.log1p()", D(ts_unary(TS_OP_LOG1P, z, NULL)), "Float [] 1.25276291");
    CHECK_APPROX("e.log1p()", D(ts_unary(TS_OP_LOG1P, e, NULL)), "Float [2,1] 1.38629436 nan");
    CHECK_APPROX("a.expm1()", D(ts_unary(TS_OP_EXPM1, a, NULL)), "Float [2,3] 0.648721278 -0.776869833 8.48773575 19.085537 -0.991348326 243.691925");
    CHECK_APPROX("c.expm1()", D(ts_unary(TS_OP_EXPM1, c, NULL)), "Float [2,3] 1095.63318 -0.999088109 147.413162 -0.993262053 0 8102.08398");
    CHECK_APPROX("u.expm1()", D(ts_unary(TS_OP_EXPM1, u, NULL)), "Float [4] 0 inf inf inf");
    CHECK_APPROX("g.expm1()", D(ts_unary(TS_OP_EXPM1, g, NULL)), "BFloat16 [3] 0.10546875 3.484375 -0.93359375");
    CHECK_APPROX("w.expm1()", D(ts_unary(TS_OP_EXPM1, w, NULL)), "Double [2,2] 0.39561242508608951 11.182493960703473 -1 1095.6331584284585");
    CHECK_APPROX("m.expm1()", D(ts_unary(TS_OP_EXPM1, m, NULL)), "Float [2,3] 1.71828187 0 1.71828187 0 0 1.71828187");
    CHECK_APPROX("n.expm1()", D(ts_unary(TS_OP_EXPM1, n, NULL)), "Float [4] nan inf -1 1.71828187");
    CHECK_APPROX("x.expm1()", D(ts_unary(TS_OP_EXPM1, x, NULL)), "Float [6] -0.969802618 -0.917914987 -0.393469334 0.648721278 3.48168898 11.1824942");
    CHECK_APPROX("z.expm1()", D(ts_unary(TS_OP_EXPM1, z, NULL)), "Float [] 11.1824942");
    CHECK_APPROX("e.expm1()", D(ts_unary(TS_OP_EXPM1, e, NULL)), "Float [2,1] 19.085537 -0.981684387");
    CHECK_APPROX("a.sin()", D(ts_unary(TS_OP_SIN, a, NULL)), "Float [2,3] 0.47942555 -0.997494996 0.778073192 0.141120002 0.999292791 -0.705540299");
    CHECK_APPROX("c.sin()", D(ts_unary(TS_OP_SIN, c, NULL)), "Float [2,3] 0.656986594 -0.656986594 -0.958924294 0.958924294 0 0.412118495");
    CHECK_APPROX("u.sin()", D(ts_unary(TS_OP_SIN, u, NULL)), "Float [4] 0 -0.506365657 -0.873297274 -0.506391644");
    CHECK_APPROX("g.sin()", D(ts_unary(TS_OP_SIN, g, NULL)), "BFloat16 [3] 0.100097656 0.99609375 -0.423828125");
    CHECK_APPROX("w.sin()", D(ts_unary(TS_OP_SIN, w, NULL)), "Double [2,2] 0.32719469679615221 0.59847214410395644 0.81788191211590855 0.65698659871878906");
    CHECK_APPROX("m.sin()", D(ts_unary(TS_OP_SIN, m, NULL)), "Float [2,3] 0.841470957 0 0.841470957 0 0 0.841470957");
    CHECK_APPROX("n.sin()", D(ts_unary(TS_OP_SIN, n, NULL)), "Float [4] nan nan nan 0.841470957");
    CHECK_APPROX("x.sin()", D(ts_unary(TS_OP_SIN, x, NULL)), "Float [6] 0.350783229 -0.598472118 -0.47942555 0.47942555 0.997494996 0.598472118");
    CHECK_APPROX("z.sin()", D(ts_unary(TS_OP_SIN, z, NULL)), "Float [] 0.598472118");
    CHECK_APPROX("e.sin()", D(ts_unary(TS_OP_SIN, e, NULL)), "Float [2,1] 0.141120002 0.756802499");
    CHECK_APPROX("a.cos()", D(ts_unary(TS_OP_COS, a, NULL)), "Float [2,3] 0.87758255 0.070737198 -0.628173649 -0.989992499 0.0376021527 0.708669782");
    CHECK_APPROX("c.cos()", D(ts_unary(TS_OP_COS, c, NULL)), "Float [2,3] 0.753902256 0.753902256 0.2836622 0.2836622 1 -0.91113025");
    CHECK_APPROX("u.cos()", D(ts_unary(TS_OP_COS, u, NULL)), "Float [4] 1 0.862318873 0.487187684 -0.862303615");
    CHECK_APPROX("g.cos()", D(ts_unary(TS_OP_COS, g, NULL)), "BFloat16 [3] 0.99609375 0.0708007812 -0.90625");
    CHECK_APPROX("w.cos()", D(ts_unary(TS_OP_COS, w, NULL)), "Double [2,2] 0.9449569463147377 -0.8011436155469337 -0.57538611195754907 0.7539022543433046");
    CHECK_APPROX("m.cos()", D(ts_unary(TS_OP_COS, m, NULL)), "Float [2,3] 0.540302336 1 0.540302336 1 1 0.540302336");
    CHECK_APPROX("n.cos()", D(ts_unary(TS_OP_COS, n, NULL)), "Float [4] nan nan nan 0.540302336");
    CHECK_APPROX("x.cos()", D(ts_unary(TS_OP_COS, x, NULL)), "Float [6] -0.93645668 -0.801143587 0.87758255 0.87758255 0.070737198 -0.801143587");
    CHECK_APPROX("z.cos()", D(ts_unary(TS_OP_COS, z, NULL)), "Float [] -0.801143587");
    CHECK_APPROX("e.cos()", D(ts_unary(TS_OP_COS, e, NULL)), "Float [2,1] -0.989992499 -0.653643608");
    CHECK_APPROX("a.tan()", D(ts_unary(TS_OP_TAN, a, NULL)), "Float [2,3] 0.546302497 -14.1014204 -1.23862755 -0.142546549 26.5754147 -0.995584071");
    CHECK_APPROX("c.tan()", D(ts_unary(TS_OP_TAN, c, NULL)), "Float [2,3] 0.87144798 -0.87144798 -3.3805151 3.3805151 0 -0.452315658");
    CHECK_APPROX("u.tan()", D(ts_unary(TS_OP_TAN, u, NULL)), "Float [4] 0 -0.587213933 -1.79252744 0.587254465");
    CHECK_APPROX("g.tan()", D(ts_unary(TS_OP_TAN, g, NULL)), "BFloat16 [3] 0.100585938 14.125 0.46875");
    CHECK_APPROX("w.tan()", D(ts_unary(TS_OP_TAN, w, NULL)), "Double [2,2] 0.34625354951057546 -0.74702229723866032 -1.4214488238747245 0.87144798272431878");
    CHECK_APPROX("m.tan()", D(ts_unary(TS_OP_TAN, m, NULL)), "Float [2,3] 1.55740774 0 1.55740774 0 0 1.55740774");
    CHECK_APPROX("n.tan()", D(ts_unary(TS_OP_TAN, n, NULL)), "Float [4] nan nan nan 1.55740774");
    CHECK_APPROX("x.tan()", D(ts_unary(TS_OP_TAN, x, NULL)), "Float [6] -0.374585629 0.747022331 -0.546302497 0.546302497 14.1014204 -0.747022331");
    CHECK_APPROX("z.tan()", D(ts_unary(TS_OP_TAN, z, NULL)), "Float [] -0.747022331");
    CHECK_APPROX("e.tan()", D(ts_unary(TS_OP_TAN, e, NULL)), "Float [2,1] -0.142546549 -1.1578213");
    CHECK_APPROX("a.asin()", D(ts_unary(TS_OP_ASIN, a, NULL)), "Float [2,3] 0.52359879 nan nan nan nan nan");
    CHECK_APPROX("c.asin()", D(ts_unary(TS_OP_ASIN, c, NULL)), "Float [2,3] nan nan nan nan 0 nan");
    CHECK_APPROX("u.asin()", D(ts_unary(TS_OP_ASIN, u, NULL)), "Float [4] 0 nan nan nan");
    CHECK_APPROX("g.asin()", D(ts_unary(TS_OP_ASIN, g, NULL)), "BFloat16 [3] 0.100097656 nan nan");
    CHECK_APPROX("w.asin()", D(ts_unary(TS_OP_ASIN, w, NULL)), "Double [2,2] 0.33983690945412193 nan nan nan");
    CHECK_APPROX("m.asin()", D(ts_unary(TS_OP_ASIN, m, NULL)), "Float [2,3] 1.57079637 0 1.57079637 0 0 1.57079637");
    CHECK_APPROX("n.asin()", D(ts_unary(TS_OP_ASIN, n, NULL)), "Float [4] nan nan nan 1.57079637");
    CHECK_APPROX("x.asin()", D(ts_unary(TS_OP_ASIN, x, NULL)), "Float [6] nan nan -0.52359879 0.52359879 nan nan");
    CHECK_APPROX("z.asin()", D(ts_unary(TS_OP_ASIN, z, NULL)), "Float [] nan");
    CHECK_APPROX("e.asin()", D(ts_unary(TS_OP_ASIN, e, NULL)), "Float [2,1] nan nan");
    CHECK_APPROX("a.acos()", D(ts_unary(TS_OP_ACOS, a, NULL)), "Float [2,3] 1.04719758 nan nan nan nan nan");
    CHECK_APPROX("c.acos()", D(ts_unary(TS_OP_ACOS, c, NULL)), "Float [2,3] nan nan nan nan 1.57079637 nan");
    CHECK_APPROX("u.acos()", D(ts_unary(TS_OP_ACOS, u, NULL)), "Float [4] 1.57079637 nan nan nan");
    CHECK_APPROX("g.acos()", D(ts_unary(TS_OP_ACOS, g, NULL)), "BFloat16 [3] 1.46875 nan nan");
    CHECK_APPROX("w.acos()", D(ts_unary(TS_OP_ACOS, w, NULL)), "Double [2,2] 1.2309594173407747 nan nan nan");
    CHECK_APPROX("m.acos()", D(ts_unary(TS_OP_ACOS, m, NULL)), "Float [2,3] 0 1.57079637 0 1.57079637 1.57079637 0");
    CHECK_APPROX("n.acos()", D(ts_unary(TS_OP_ACOS, n, NULL)), "Float [4] nan nan nan 0");
    CHECK_APPROX("x.acos()", D(ts_unary(TS_OP_ACOS, x, NULL)), "Float [6] nan nan 2.09439516 1.04719758 nan nan");
    CHECK_APPROX("z.acos()", D(ts_unary(TS_OP_ACOS, z, NULL)), "Float [] nan");
    CHECK_APPROX("e.acos()", D(ts_unary(TS_OP_ACOS, e, NULL)), "Float [2,1] nan nan");
    CHECK_APPROX("a.atan()", D(ts_unary(TS_OP_ATAN, a, NULL)), "Float [2,3] 0.463647604 -0.982793748 1.15257204 1.24904573 -1.36330009 1.39094281");
    CHECK_APPROX("c.atan()", D(ts_unary(TS_OP_ATAN, c, NULL)), "Float [2,3] 1.42889929 -1.42889929 1.37340081 -1.37340081 0 1.46013916");
    CHECK_APPROX("u.atan()", D(ts_unary(TS_OP_ATAN, u, NULL)), "Float [4] 0 1.56079662 1.56579638 1.56687474");
    CHECK_APPROX("g.atan()", D(ts_unary(TS_OP_ATAN, g, NULL)), "BFloat16 [3] 0.099609375 0.984375 -1.21875");
    CHECK_APPROX("w.atan()", D(ts_unary(TS_OP_ATAN, w, NULL)), "Double [2,2] 0.32175055439664219 1.1902899496825317 -1.5707963267948966 1.4288992721907328");
    CHECK_APPROX("m.atan()", D(ts_unary(TS_OP_ATAN, m, NULL)), "Float [2,3] 0.785398126 0 0.785398126 0 0 0.785398126");
    CHECK_APPROX("n.atan()", D(ts_unary(TS_OP_ATAN, n, NULL)), "Float [4] nan 1.57079637 -1.57079637 0.785398126");
    CHECK_APPROX("x.atan()", D(ts_unary(TS_OP_ATAN, x, NULL)), "Float [6] -1.29249668 -1.19028997 -0.463647604 0.463647604 0.982793748 1.19028997");
    CHECK_APPROX("z.atan()", D(ts_unary(TS_OP_ATAN, z, NULL)), "Float [] 1.19028997");
    CHECK_APPROX("e.atan()", D(ts_unary(TS_OP_ATAN, e, NULL)), "Float [2,1] 1.24904573 -1.3258177");
    CHECK_APPROX("a.sinh()", D(ts_unary(TS_OP_SINH, a, NULL)), "Float [2,3] 0.521095276 -2.12927938 4.69116831 10.0178747 -57.7878151 122.343918");
    CHECK_APPROX("c.sinh()", D(ts_unary(TS_OP_SINH, c, NULL)), "Float [2,3] 548.316162 -548.316162 74.2032089 -74.2032089 0 4051.54199");
    CHECK_APPROX("u.sinh()", D(ts_unary(TS_OP_SINH, u, NULL)), "Float [4] 0 inf inf inf");
    CHECK_APPROX("g.sinh()", D(ts_unary(TS_OP_SINH, g, NULL)), "BFloat16 [3] 0.100097656 2.125 -7.4375");
    CHECK_APPROX("w.sinh()", D(ts_unary(TS_OP_SINH, w, NULL)), "Double [2,2] 0.33954055725615012 6.0502044810397875 -inf 548.31612327324649");
    CHECK_APPROX("m.sinh()", D(ts_unary(TS_OP_SINH, m, NULL)), "Float [2,3] 1.17520118 0 1.17520118 0 0 1.17520118");
    CHECK_APPROX("n.sinh()", D(ts_unary(TS_OP_SINH, n, NULL)), "Float [4] nan inf -inf 1.17520118");
    CHECK_APPROX("x.sinh()", D(ts_unary(TS_OP_SINH, x, NULL)), "Float [6] -16.5426273 -6.05020475 -0.521095276 0.521095276 2.12927938 6.05020475");
    CHECK_APPROX("z.sinh()", D(ts_unary(TS_OP_SINH, z, NULL)), "Float [] 6.05020475");
    CHECK_APPROX("e.sinh()", D(ts_unary(TS_OP_SINH, e, NULL)), "Float [2,1] 10.0178747 -27.2899189");
    CHECK_APPROX("a.cosh()", D(ts_unary(TS_OP_COSH, a, NULL)), "Float [2,3] 1.12762594 2.3524096 4.79656744 10.0676622 57.7964668 122.348007");
    CHECK_APPROX("c.cosh()", D(ts_unary(TS_OP_COSH, c, NULL)), "Float [2,3] 548.317017 548.317017 74.2099533 74.2099533 1 4051.54199");
    CHECK_APPROX("u.cosh()", D(ts_unary(TS_OP_COSH, u, NULL)), "Float [4] 1 inf inf inf");
    CHECK_APPROX("g.cosh()", D(ts_unary(TS_OP_COSH, g, NULL)), "BFloat16 [3] 1.0078125 2.359375 7.5");
    CHECK_APPROX("w.cosh()", D(ts_unary(TS_OP_COSH, w, NULL)), "Double [2,2] 1.0560718678299394 6.1322894796636858 inf 548.31703515521201");
    CHECK_APPROX("m.cosh()", D(ts_unary(TS_OP_COSH, m, NULL)), "Float [2,3] 1.54308057 1 1.54308057 1 1 1.54308057");
    CHECK_APPROX("n.cosh()", D(ts_unary(TS_OP_COSH, n, NULL)), "Float [4] nan inf inf 1.54308057");
    CHECK_APPROX("x.cosh()", D(ts_unary(TS_OP_COSH, x, NULL)), "Float [6] 16.5728245 6.13228941 1.12762594 1.12762594 2.3524096 6.13228941");
    CHECK_APPROX("z.cosh()", D(ts_unary(TS_OP_COSH, z, NULL)), "Float [] 6.13228941");
    CHECK_APPROX("e.cosh()", D(ts_unary(TS_OP_COSH, e, NULL)), "Float [2,1] 10.0676622 27.3082314");
    CHECK_APPROX("a.tanh()", D(ts_unary(TS_OP_TANH, a, NULL)), "Float [2,3] 0.462117165 -0.905148268 0.978026092 0.995054781 -0.999850333 0.999966621");
    CHECK_APPROX("c.tanh()", D(ts_unary(TS_OP_TANH, c, NULL)), "Float [2,3] 0.999998331 -0.999998331 0.999909222 -0.999909222 0 1");
    CHECK_APPROX("u.tanh()", D(ts_unary(TS_OP_TANH, u, NULL)), "Float [4] 0 1 1 1");
    CHECK_APPROX("g.tanh()", D(ts_unary(TS_OP_TANH, g, NULL)), "BFloat16 [3] 0.099609375 0.90625 -0.9921875");
    CHECK_APPROX("w.tanh()", D(ts_unary(TS_OP_TANH, w, NULL)), "Double [2,2] 0.32151273753163434 0.98661429815143031 -1 0.99999833694394469");
    CHECK_APPROX("m.tanh()", D(ts_unary(TS_OP_TANH, m, NULL)), "Float [2,3] 0.761594176 0 0.761594176 0 0 0.761594176");
    CHECK_APPROX("n.tanh()", D(ts_unary(TS_OP_TANH, n, NULL)), "Float [4] nan 1 -1 0.761594176");
    CHECK_APPROX("x.tanh()", D(ts_unary(TS_OP_TANH, x, NULL)), "Float [6] -0.998177886 -0.986614287 -0.462117165 0.462117165 0.905148268 0.986614287");
    CHECK_APPROX("z.tanh()", D(ts_unary(TS_OP_TANH, z, NULL)), "Float [] 0.986614287");
    CHECK_APPROX("e.tanh()", D(ts_unary(TS_OP_TANH, e, NULL)), "Float [2,1] 0.995054781 -0.999329329");
    CHECK_APPROX("a.sigmoid()", D(ts_unary(TS_OP_SIGMOID, a, NULL)), "Float [2,3] 0.622459352 0.182425529 0.904650509 0.952574134 0.00857748557 0.995929897");
    CHECK_APPROX("c.sigmoid()", D(ts_unary(TS_OP_SIGMOID, c, NULL)), "Float [2,3] 0.999089003 0.000911051175 0.993307173 0.00669285096 0.5 0.999876618");
    CHECK_APPROX("u.sigmoid()", D(ts_unary(TS_OP_SIGMOID, u, NULL)), "Float [4] 0.5 1 1 1");
    CHECK_APPROX("g.sigmoid()", D(ts_unary(TS_OP_SIGMOID, g, NULL)), "BFloat16 [3] 0.5234375 0.81640625 0.0629882812");
    CHECK_APPROX("w.sigmoid()", D(ts_unary(TS_OP_SIGMOID, w, NULL)), "Double [2,2] 0.58257020646231472 0.92414181997875655 0 0.9990889488055994");
    CHECK_APPROX("m.sigmoid()", D(ts_unary(TS_OP_SIGMOID, m, NULL)), "Float [2,3] 0.731058598 0.5 0.731058598 0.5 0.5 0.731058598");
    CHECK_APPROX("n.sigmoid()", D(ts_unary(TS_OP_SIGMOID, n, NULL)), "Float [4] nan 1 0 0.731058598");
    CHECK_APPROX("x.sigmoid()", D(ts_unary(TS_OP_SIGMOID, x, NULL)), "Float [6] 0.0293122306 0.0758581758 0.377540678 0.622459352 0.817574441 0.924141824");
    CHECK_APPROX("z.sigmoid()", D(ts_unary(TS_OP_SIGMOID, z, NULL)), "Float [] 0.924141824");
    CHECK_APPROX("e.sigmoid()", D(ts_unary(TS_OP_SIGMOID, e, NULL)), "Float [2,1] 0.952574134 0.0179862101");
    CHECK_APPROX("a.erf()", D(ts_unary(TS_OP_ERF, a, NULL)), "Float [2,3] 0.520499885 -0.966105163 0.998537302 0.999977887 -1 1");
    CHECK_APPROX("c.erf()", D(ts_unary(TS_OP_ERF, c, NULL)), "Float [2,3] 1 -1 1 -1 0 1");
    CHECK_APPROX("u.erf()", D(ts_unary(TS_OP_ERF, u, NULL)), "Float [4] 0 1 1 1");
    CHECK_APPROX("g.erf()", D(ts_unary(TS_OP_ERF, g, NULL)), "BFloat16 [3] 0.112792969 0.96484375 -1");
    CHECK_APPROX("w.erf()", D(ts_unary(TS_OP_ERF, w, NULL)), "Double [2,2] 0.36264811176606293 0.99959304798255499 -1 1");
    CHECK_APPROX("m.erf()", D(ts_unary(TS_OP_ERF, m, NULL)), "Float [2,3] 0.842700779 0 0.842700779 0 0 0.842700779");
    CHECK_APPROX("n.erf()", D(ts_unary(TS_OP_ERF, n, NULL)), "Float [4] nan 1 -1 0.842700779");
    CHECK_APPROX("x.erf()", D(ts_unary(TS_OP_ERF, x, NULL)), "Float [6] -0.999999285 -0.999593019 -0.520499885 0.520499885 0.966105163 0.999593019");
    CHECK_APPROX("z.erf()", D(ts_unary(TS_OP_ERF, z, NULL)), "Float [] 0.999593019");
    CHECK_APPROX("e.erf()", D(ts_unary(TS_OP_ERF, e, NULL)), "Float [2,1] 0.999977887 -1");
    CHECK("a.reciprocal()", D(ts_unary(TS_OP_RECIPROCAL, a, NULL)), "Float [2,3] 2 -0.666666687 0.444444448 0.333333343 -0.210526317 0.181818187");
    CHECK("c.reciprocal()", D(ts_unary(TS_OP_RECIPROCAL, c, NULL)), "Float [2,3] 0.142857149 -0.142857149 0.200000003 -0.200000003 inf 0.111111112");
    CHECK("u.reciprocal()", D(ts_unary(TS_OP_RECIPROCAL, u, NULL)), "Float [4] inf 0.00999999978 0.00499999989 0.00392156886");
    CHECK("h.reciprocal()", D(ts_unary(TS_OP_RECIPROCAL, h, NULL)), "Half [4] 10 0.666503906 -0.370361328 1.66893005e-05");
    CHECK("g.reciprocal()", D(ts_unary(TS_OP_RECIPROCAL, g, NULL)), "BFloat16 [3] 10 0.66796875 -0.369140625");
    CHECK("w.reciprocal()", D(ts_unary(TS_OP_RECIPROCAL, w, NULL)), "Double [2,2] 3 0.40000000000000002 -1e-300 0.14285714285714285");
    CHECK("m.reciprocal()", D(ts_unary(TS_OP_RECIPROCAL, m, NULL)), "Float [2,3] 1 inf 1 inf inf 1");
    CHECK("n.reciprocal()", D(ts_unary(TS_OP_RECIPROCAL, n, NULL)), "Float [4] nan 0 -0 1");
    CHECK("x.reciprocal()", D(ts_unary(TS_OP_RECIPROCAL, x, NULL)), "Float [6] -0.285714298 -0.400000006 -2 2 0.666666687 0.400000006");
    CHECK("z.reciprocal()", D(ts_unary(TS_OP_RECIPROCAL, z, NULL)), "Float [] 0.400000006");
    CHECK("e.reciprocal()", D(ts_unary(TS_OP_RECIPROCAL, e, NULL)), "Float [2,1] 0.333333343 -0.25");
    CHECK("torch.relu(a)", D(ts_unary(TS_OP_RELU, a, NULL)), "Float [2,3] 0.5 0 2.25 3 0 5.5");
    CHECK("torch.relu(c)", D(ts_unary(TS_OP_RELU, c, NULL)), "Long [2,3] 7 0 5 0 0 9");
    CHECK("torch.relu(u)", D(ts_unary(TS_OP_RELU, u, NULL)), "Byte [4] 0 100 200 255");
    CHECK("torch.relu(g)", D(ts_unary(TS_OP_RELU, g, NULL)), "BFloat16 [3] 0.100097656 1.5 0");
    CHECK("torch.relu(w)", D(ts_unary(TS_OP_RELU, w, NULL)), "Double [2,2] 0.33333333333333331 2.5 0 7");
    CHECK("torch.relu(m)", D(ts_unary(TS_OP_RELU, m, NULL)), "ERR RUNTIME Boolean inputs not supported for relu");
    CHECK("torch.relu(n)", D(ts_unary(TS_OP_RELU, n, NULL)), "Float [4] nan inf 0 1");
    CHECK("torch.relu(x)", D(ts_unary(TS_OP_RELU, x, NULL)), "Float [6] 0 0 0 0.5 1.5 2.5");
    CHECK("torch.relu(z)", D(ts_unary(TS_OP_RELU, z, NULL)), "Float [] 2.5");
    CHECK("torch.relu(e)", D(ts_unary(TS_OP_RELU, e, NULL)), "Int [2,1] 3 0");
    CHECK("a.ceil()", D(ts_unary(TS_OP_CEIL, a, NULL)), "Float [2,3] 1 -1 3 3 -4 6");
    CHECK("c.ceil()", D(ts_unary(TS_OP_CEIL, c, NULL)), "Long [2,3] 7 -7 5 -5 0 9");
    CHECK("u.ceil()", D(ts_unary(TS_OP_CEIL, u, NULL)), "Byte [4] 0 100 200 255");
    CHECK("g.ceil()", D(ts_unary(TS_OP_CEIL, g, NULL)), "BFloat16 [3] 1 2 -2");
    CHECK("w.ceil()", D(ts_unary(TS_OP_CEIL, w, NULL)), "Double [2,2] 1 3 -1.0000000000000001e+300 7");
    CHECK("m.ceil()", D(ts_unary(TS_OP_CEIL, m, NULL)), "ERR RUNTIME \"ceil_vml_cpu\" not implemented for 'Bool'");
    CHECK("n.ceil()", D(ts_unary(TS_OP_CEIL, n, NULL)), "Float [4] nan inf -inf 1");
    CHECK("x.ceil()", D(ts_unary(TS_OP_CEIL, x, NULL)), "Float [6] -3 -2 -0 1 2 3");
    CHECK("z.ceil()", D(ts_unary(TS_OP_CEIL, z, NULL)), "Float [] 3");
    CHECK("e.ceil()", D(ts_unary(TS_OP_CEIL, e, NULL)), "Int [2,1] 3 -4");
    CHECK("a.floor()", D(ts_unary(TS_OP_FLOOR, a, NULL)), "Float [2,3] 0 -2 2 3 -5 5");
    CHECK("c.floor()", D(ts_unary(TS_OP_FLOOR, c, NULL)), "Long [2,3] 7 -7 5 -5 0 9");
    CHECK("u.floor()", D(ts_unary(TS_OP_FLOOR, u, NULL)), "Byte [4] 0 100 200 255");
    CHECK("g.floor()", D(ts_unary(TS_OP_FLOOR, g, NULL)), "BFloat16 [3] 0 1 -3");
    CHECK("w.floor()", D(ts_unary(TS_OP_FLOOR, w, NULL)), "Double [2,2] 0 2 -1.0000000000000001e+300 7");
    CHECK("m.floor()", D(ts_unary(TS_OP_FLOOR, m, NULL)), "ERR RUNTIME \"floor_vml_cpu\" not implemented for 'Bool'");
    CHECK("n.floor()", D(ts_unary(TS_OP_FLOOR, n, NULL)), "Float [4] nan inf -inf 1");
    CHECK("x.floor()", D(ts_unary(TS_OP_FLOOR, x, NULL)), "Float [6] -4 -3 -1 0 1 2");
    CHECK("z.floor()", D(ts_unary(TS_OP_FLOOR, z, NULL)), "Float [] 2");
    CHECK("e.floor()", D(ts_unary(TS_OP_FLOOR, e, NULL)), "Int [2,1] 3 -4");
    CHECK("a.round()", D(ts_unary(TS_OP_ROUND, a, NULL)), "Float [2,3] 0 -2 2 3 -5 6");
    CHECK("c.round()", D(ts_unary(TS_OP_ROUND, c, NULL)), "Long [2,3] 7 -7 5 -5 0 9");
    CHECK("u.round()", D(ts_unary(TS_OP_ROUND, u, NULL)), "Byte [4] 0 100 200 255");
    CHECK("g.round()", D(ts_unary(TS_OP_ROUND, g, NULL)), "BFloat16 [3] 0 2 -3");
    CHECK("w.round()", D(ts_unary(TS_OP_ROUND, w, NULL)), "Double [2,2] 0 2 -1.0000000000000001e+300 7");
    CHECK("m.round()", D(ts_unary(TS_OP_ROUND, m, NULL)), "ERR RUNTIME \"round_vml_cpu\" not implemented for 'Bool'");
    CHECK("n.round()", D(ts_unary(TS_OP_ROUND, n, NULL)), "Float [4] nan inf -inf 1");
    CHECK("x.round()", D(ts_unary(TS_OP_ROUND, x, NULL)), "Float [6] -4 -2 -0 0 2 2");
    CHECK("z.round()", D(ts_unary(TS_OP_ROUND, z, NULL)), "Float [] 2");
    CHECK("e.round()", D(ts_unary(TS_OP_ROUND, e, NULL)), "Int [2,1] 3 -4");
    CHECK("a.trunc()", D(ts_unary(TS_OP_TRUNC, a, NULL)), "Float [2,3] 0 -1 2 3 -4 5");
    CHECK("c.trunc()", D(ts_unary(TS_OP_TRUNC, c, NULL)), "Long [2,3] 7 -7 5 -5 0 9");
    CHECK("u.trunc()", D(ts_unary(TS_OP_TRUNC, u, NULL)), "Byte [4] 0 100 200 255");
    CHECK("g.trunc()", D(ts_unary(TS_OP_TRUNC, g, NULL)), "BFloat16 [3] 0 1 -2");
    CHECK("w.trunc()", D(ts_unary(TS_OP_TRUNC, w, NULL)), "Double [2,2] 0 2 -1.0000000000000001e+300 7");
    CHECK("m.trunc()", D(ts_unary(TS_OP_TRUNC, m, NULL)), "ERR RUNTIME \"trunc_vml_cpu\" not implemented for 'Bool'");
    CHECK("n.trunc()", D(ts_unary(TS_OP_TRUNC, n, NULL)), "Float [4] nan inf -inf 1");
    CHECK("x.trunc()", D(ts_unary(TS_OP_TRUNC, x, NULL)), "Float [6] -3 -2 -0 0 1 2");
    CHECK("z.trunc()", D(ts_unary(TS_OP_TRUNC, z, NULL)), "Float [] 2");
    CHECK("e.trunc()", D(ts_unary(TS_OP_TRUNC, e, NULL)), "Int [2,1] 3 -4");
    CHECK("a.frac()", D(ts_unary(TS_OP_FRAC, a, NULL)), "Float [2,3] 0.5 -0.5 0.25 0 -0.75 0.5");
    CHECK("c.frac()", D(ts_unary(TS_OP_FRAC, c, NULL)), "ERR RUNTIME \"frac_cpu\" not implemented for 'Long'");
    CHECK("u.frac()", D(ts_unary(TS_OP_FRAC, u, NULL)), "ERR RUNTIME \"frac_cpu\" not implemented for 'Byte'");
    CHECK("h.frac()", D(ts_unary(TS_OP_FRAC, h, NULL)), "Half [4] 0.0999755859 0.5 -0.69921875 0");
    CHECK("g.frac()", D(ts_unary(TS_OP_FRAC, g, NULL)), "BFloat16 [3] 0.100097656 0.5 -0.703125");
    CHECK("w.frac()", D(ts_unary(TS_OP_FRAC, w, NULL)), "Double [2,2] 0.33333333333333331 0.5 0 0");
    CHECK("m.frac()", D(ts_unary(TS_OP_FRAC, m, NULL)), "ERR RUNTIME \"frac_cpu\" not implemented for 'Bool'");
    CHECK("n.frac()", D(ts_unary(TS_OP_FRAC, n, NULL)), "Float [4] nan nan nan 0");
    CHECK("x.frac()", D(ts_unary(TS_OP_FRAC, x, NULL)), "Float [6] -0.5 -0.5 -0.5 0.5 0.5 0.5");
    CHECK("z.frac()", D(ts_unary(TS_OP_FRAC, z, NULL)), "Float [] 0.5");
    CHECK("e.frac()", D(ts_unary(TS_OP_FRAC, e, NULL)), "ERR RUNTIME \"frac_cpu\" not implemented for 'Int'");
    CHECK("a.sign()", D(ts_unary(TS_OP_SIGN, a, NULL)), "Float [2,3] 1 -1 1 1 -1 1");
    CHECK("c.sign()", D(ts_unary(TS_OP_SIGN, c, NULL)), "Long [2,3] 1 -1 1 -1 0 1");
    CHECK("u.sign()", D(ts_unary(TS_OP_SIGN, u, NULL)), "Byte [4] 0 1 1 1");
    CHECK("h.sign()", D(ts_unary(TS_OP_SIGN, h, NULL)), "Half [4] 1 1 -1 1");
    CHECK("g.sign()", D(ts_unary(TS_OP_SIGN, g, NULL)), "BFloat16 [3] 1 1 -1");
    CHECK("w.sign()", D(ts_unary(TS_OP_SIGN, w, NULL)), "Double [2,2] 1 1 -1 1");
    CHECK("m.sign()", D(ts_unary(TS_OP_SIGN, m, NULL)), "Bool [2,3] 1 0 1 0 0 1");
    CHECK("n.sign()", D(ts_unary(TS_OP_SIGN, n, NULL)), "Float [4] 0 1 -1 1");
    CHECK("x.sign()", D(ts_unary(TS_OP_SIGN, x, NULL)), "Float [6] -1 -1 -1 1 1 1");
    CHECK("z.sign()", D(ts_unary(TS_OP_SIGN, z, NULL)), "Float [] 1");
    CHECK("e.sign()", D(ts_unary(TS_OP_SIGN, e, NULL)), "Int [2,1] 1 -1");
    CHECK("a.square()", D(ts_unary(TS_OP_SQUARE, a, NULL)), "Float [2,3] 0.25 2.25 5.0625 9 22.5625 30.25");
    CHECK("c.square()", D(ts_unary(TS_OP_SQUARE, c, NULL)), "Long [2,3] 49 49 25 25 0 81");
    CHECK("u.square()", D(ts_unary(TS_OP_SQUARE, u, NULL)), "Byte [4] 0 16 64 1");
    CHECK("h.square()", D(ts_unary(TS_OP_SQUARE, h, NULL)), "Half [4] 0.00999450684 2.25 7.28515625 inf");
    CHECK("g.square()", D(ts_unary(TS_OP_SQUARE, g, NULL)), "BFloat16 [3] 0.0100097656 2.25 7.3125");
    CHECK("w.square()", D(ts_unary(TS_OP_SQUARE, w, NULL)), "Double [2,2] 0.1111111111111111 6.25 inf 49");
    CHECK("m.square()", D(ts_unary(TS_OP_SQUARE, m, NULL)), "Long [2,3] 1 0 1 0 0 1");
    CHECK("n.square()", D(ts_unary(TS_OP_SQUARE, n, NULL)), "Float [4] nan inf inf 1");
    CHECK("x.square()", D(ts_unary(TS_OP_SQUARE, x, NULL)), "Float [6] 12.25 6.25 0.25 0.25 2.25 6.25");
    CHECK("z.square()", D(ts_unary(TS_OP_SQUARE, z, NULL)), "Float [] 6.25");
    CHECK("e.square()", D(ts_unary(TS_OP_SQUARE, e, NULL)), "Int [2,1] 9 16");
    CHECK("a.bitwise_not()", D(ts_unary(TS_OP_BITWISE_NOT, a, NULL)), "ERR RUNTIME \"bitwise_not_cpu\" not implemented for 'Float'");
    CHECK("c.bitwise_not()", D(ts_unary(TS_OP_BITWISE_NOT, c, NULL)), "Long [2,3] -8 6 -6 4 -1 -10");
    CHECK("u.bitwise_not()", D(ts_unary(TS_OP_BITWISE_NOT, u, NULL)), "Byte [4] 255 155 55 0");
    CHECK("w.bitwise_not()", D(ts_unary(TS_OP_BITWISE_NOT, w, NULL)), "ERR RUNTIME \"bitwise_not_cpu\" not implemented for 'Double'");
    CHECK("m.bitwise_not()", D(ts_unary(TS_OP_BITWISE_NOT, m, NULL)), "Bool [2,3] 0 1 0 1 1 0");
    CHECK("n.bitwise_not()", D(ts_unary(TS_OP_BITWISE_NOT, n, NULL)), "ERR RUNTIME \"bitwise_not_cpu\" not implemented for 'Float'");
    CHECK("x.bitwise_not()", D(ts_unary(TS_OP_BITWISE_NOT, x, NULL)), "ERR RUNTIME \"bitwise_not_cpu\" not implemented for 'Float'");
    CHECK("z.bitwise_not()", D(ts_unary(TS_OP_BITWISE_NOT, z, NULL)), "ERR RUNTIME \"bitwise_not_cpu\" not implemented for 'Float'");
    CHECK("e.bitwise_not()", D(ts_unary(TS_OP_BITWISE_NOT, e, NULL)), "Int [2,1] -4 3");
    CHECK("a.logical_not()", D(ts_unary(TS_OP_LOGICAL_NOT, a, NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("c.logical_not()", D(ts_unary(TS_OP_LOGICAL_NOT, c, NULL)), "Bool [2,3] 0 0 0 0 1 0");
    CHECK("u.logical_not()", D(ts_unary(TS_OP_LOGICAL_NOT, u, NULL)), "Bool [4] 1 0 0 0");
    CHECK("h.logical_not()", D(ts_unary(TS_OP_LOGICAL_NOT, h, NULL)), "Bool [4] 0 0 0 0");
    CHECK("g.logical_not()", D(ts_unary(TS_OP_LOGICAL_NOT, g, NULL)), "Bool [3] 0 0 0");
    CHECK("w.logical_not()", D(ts_unary(TS_OP_LOGICAL_NOT, w, NULL)), "Bool [2,2] 0 0 0 0");
    CHECK("m.logical_not()", D(ts_unary(TS_OP_LOGICAL_NOT, m, NULL)), "Bool [2,3] 0 1 0 1 1 0");
    CHECK("n.logical_not()", D(ts_unary(TS_OP_LOGICAL_NOT, n, NULL)), "Bool [4] 0 0 0 0");
    CHECK("x.logical_not()", D(ts_unary(TS_OP_LOGICAL_NOT, x, NULL)), "Bool [6] 0 0 0 0 0 0");
    CHECK("z.logical_not()", D(ts_unary(TS_OP_LOGICAL_NOT, z, NULL)), "Bool [] 0");
    CHECK("e.logical_not()", D(ts_unary(TS_OP_LOGICAL_NOT, e, NULL)), "Bool [2,1] 0 0");
    CHECK("a.isnan()", D(ts_unary(TS_OP_ISNAN, a, NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("c.isnan()", D(ts_unary(TS_OP_ISNAN, c, NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("u.isnan()", D(ts_unary(TS_OP_ISNAN, u, NULL)), "Bool [4] 0 0 0 0");
    CHECK("h.isnan()", D(ts_unary(TS_OP_ISNAN, h, NULL)), "Bool [4] 0 0 0 0");
    CHECK("g.isnan()", D(ts_unary(TS_OP_ISNAN, g, NULL)), "Bool [3] 0 0 0");
    CHECK("w.isnan()", D(ts_unary(TS_OP_ISNAN, w, NULL)), "Bool [2,2] 0 0 0 0");
    CHECK("m.isnan()", D(ts_unary(TS_OP_ISNAN, m, NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("n.isnan()", D(ts_unary(TS_OP_ISNAN, n, NULL)), "Bool [4] 1 0 0 0");
    CHECK("x.isnan()", D(ts_unary(TS_OP_ISNAN, x, NULL)), "Bool [6] 0 0 0 0 0 0");
    CHECK("z.isnan()", D(ts_unary(TS_OP_ISNAN, z, NULL)), "Bool [] 0");
    CHECK("e.isnan()", D(ts_unary(TS_OP_ISNAN, e, NULL)), "Bool [2,1] 0 0");
    CHECK("a.isinf()", D(ts_unary(TS_OP_ISINF, a, NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("c.isinf()", D(ts_unary(TS_OP_ISINF, c, NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("u.isinf()", D(ts_unary(TS_OP_ISINF, u, NULL)), "Bool [4] 0 0 0 0");
    CHECK("h.isinf()", D(ts_unary(TS_OP_ISINF, h, NULL)), "Bool [4] 0 0 0 0");
    CHECK("g.isinf()", D(ts_unary(TS_OP_ISINF, g, NULL)), "Bool [3] 0 0 0");
    CHECK("w.isinf()", D(ts_unary(TS_OP_ISINF, w, NULL)), "Bool [2,2] 0 0 0 0");
    CHECK("m.isinf()", D(ts_unary(TS_OP_ISINF, m, NULL)), "Bool [2,3] 0 0 0 0 0 0");
    CHECK("n.isinf()", D(ts_unary(TS_OP_ISINF, n, NULL)), "Bool [4] 0 1 1 0");
    CHECK("x.isinf()", D(ts_unary(TS_OP_ISINF, x, NULL)), "Bool [6] 0 0 0 0 0 0");
    CHECK("z.isinf()", D(ts_unary(TS_OP_ISINF, z, NULL)), "Bool [] 0");
    CHECK("e.isinf()", D(ts_unary(TS_OP_ISINF, e, NULL)), "Bool [2,1] 0 0");
    CHECK("a.isfinite()", D(ts_unary(TS_OP_ISFINITE, a, NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("c.isfinite()", D(ts_unary(TS_OP_ISFINITE, c, NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("u.isfinite()", D(ts_unary(TS_OP_ISFINITE, u, NULL)), "Bool [4] 1 1 1 1");
    CHECK("h.isfinite()", D(ts_unary(TS_OP_ISFINITE, h, NULL)), "Bool [4] 1 1 1 1");
    CHECK("g.isfinite()", D(ts_unary(TS_OP_ISFINITE, g, NULL)), "Bool [3] 1 1 1");
    CHECK("w.isfinite()", D(ts_unary(TS_OP_ISFINITE, w, NULL)), "Bool [2,2] 1 1 1 1");
    CHECK("m.isfinite()", D(ts_unary(TS_OP_ISFINITE, m, NULL)), "Bool [2,3] 1 1 1 1 1 1");
    CHECK("n.isfinite()", D(ts_unary(TS_OP_ISFINITE, n, NULL)), "Bool [4] 0 0 0 1");
    CHECK("x.isfinite()", D(ts_unary(TS_OP_ISFINITE, x, NULL)), "Bool [6] 1 1 1 1 1 1");
    CHECK("z.isfinite()", D(ts_unary(TS_OP_ISFINITE, z, NULL)), "Bool [] 1");
    CHECK("e.isfinite()", D(ts_unary(TS_OP_ISFINITE, e, NULL)), "Bool [2,1] 1 1");
    CHECK("torch.round(x, decimals=1)", D(ts_round_decimals(x, 1, NULL)), "Float [6] -3.5 -2.5 -0.5 0.5 1.5 2.5");
    CHECK("torch.round(w, decimals=2)", D(ts_round_decimals(w, 2, NULL)), "Double [2,2] 0.33000000000000002 2.5 -1.0000000000000001e+300 7");
    CHECK("torch.round(q*37.3, decimals=-1)", D(ts_round_decimals(ts_binary(TS_OP_MUL, ts_arg(q), ts_arg_s(ts_scalar_f(37.3)), NULL), -1, NULL)), "Float [2,3,4] -110 -90 -70 -60 -40 -20 0 20 40 60 70 90 110 130 150 170 190 210 220 240 260 280 300 320");
    CHECK("torch.round(c, decimals=1)", D(ts_round_decimals(c, 1, NULL)), "ERR RUNTIME \"round_cpu\" not implemented for 'Long'");
    LAST = ts_clone(a); CHECK_APPROX("a.clone().exp_()", D(ts_unary(TS_OP_EXP, LAST, LAST)), "Float [2,3] 1.64872122 0.223130167 9.48773575 20.085537 0.00865169521 244.691925");
    LAST = ts_clone(c); CHECK_APPROX("c.clone().exp_()", D(ts_unary(TS_OP_EXP, LAST, LAST)), "ERR RUNTIME result type Float can't be cast to the desired output type Long");
    CHECK("torch.neg(a,out=torch.empty((),dtype=torch.float64))", D(ts_unary(TS_OP_NEG, a, ts_empty(0,NULL,TS_FLOAT64,0))), "ERR RUNTIME Found dtype Double but expected Float");
    CHECK("torch.where(m,a,b)", D(ts_where(m, ts_arg(a), ts_arg(b))), "Float [2,3] 0.5 -2 2.25 1 -2 5.5");
    CHECK("torch.where(m,c,0.5)", D(ts_where(m, ts_arg(c), ts_arg_s(ts_scalar_f(0.5)))), "Float [2,3] 7 0.5 5 0.5 0.5 9");
    CHECK("torch.where(m,torch.tensor(1),torch.tensor(0))", D(ts_where(m, ts_arg_s(ts_scalar_i(1)), ts_arg_s(ts_scalar_i(0)))), "Long [2,3] 1 0 1 0 0 1");
    CHECK("torch.where(c,a,b)", D(ts_where(c, ts_arg(a), ts_arg(b))), "ERR RUNTIME where expected condition to be a boolean tensor, but got a tensor with dtype Long");
    CHECK("torch.where(m[:, :2],a,b)", D(ts_where(ts_narrow(m,1,0,2), ts_arg(a), ts_arg(b))), "ERR RUNTIME The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 1");
    CHECK("a.clamp(-1,3)", D(ts_clamp(a, ts_arg_s(ts_scalar_i(-1)), true, ts_arg_s(ts_scalar_i(3)), true, NULL)), "Float [2,3] 0.5 -1 2.25 3 -1 3");
    CHECK("c.clamp(2.5)", D(ts_clamp(c, ts_arg_s(ts_scalar_f(2.5)), true, ts_arg_s(ts_scalar_i(0)), false, NULL)), "Float [2,3] 7 2.5 5 2.5 2.5 9");
    CHECK("c.clamp(max=d)", D(ts_clamp(c, ts_arg_s(ts_scalar_i(0)), false, ts_arg(d), true, NULL)), "Long [2,3] 2 -7 3 -5 -2 3");
    CHECK("n.clamp(0,2)", D(ts_clamp(n, ts_arg_s(ts_scalar_i(0)), true, ts_arg_s(ts_scalar_i(2)), true, NULL)), "Float [4] nan 2 0 1");
    LAST = ts_clone(c); CHECK("c.clone().clamp_(-1,2)", D(ts_clamp(LAST, ts_arg_s(ts_scalar_i(-1)), true, ts_arg_s(ts_scalar_i(2)), true, LAST)), "Long [2,3] 2 -1 2 -1 0 2");
    CHECK_APPROX("torch.lerp(a, a*3, 0.3)", D(ts_lerp(a, ts_binary(TS_OP_MUL, ts_arg(a), ts_arg_s(ts_scalar_i(3)), NULL), ts_arg_s(ts_scalar_f(0.3)), NULL)), "Float [2,3] 0.800000012 -2.4000001 3.60000014 4.80000019 -7.5999999 8.80000019");
    CHECK_APPROX("torch.lerp(a, b.expand(2,3), torch.full((3,),0.75))", D(ts_lerp(a, ts_expand(b,2,(int64_t[]){2,3}), ts_arg(ts_full(1,(int64_t[]){3},ts_scalar_f(0.75),TS_UNDEF,0)), NULL)), "Float [2,3] 0.875 -1.875 0.5625 1.5 -2.6875 1.375");
    CHECK_APPROX("torch.lerp(c,c,0.5)", D(ts_lerp(c, c, ts_arg_s(ts_scalar_f(0.5)), NULL)), "ERR RUNTIME \"lerp_kernel_scalar\" not implemented for 'Long'");
    CHECK("a.masked_fill(m,-9.5)", D(ts_masked_fill(a, m, ts_arg_s(ts_scalar_f(-9.5)), NULL)), "Float [2,3] -9.5 -1.5 -9.5 3 -4.75 -9.5");
    CHECK("c.masked_fill(m,-9.5)", D(ts_masked_fill(c, m, ts_arg_s(ts_scalar_f(-9.5)), NULL)), "Long [2,3] -9 -7 -9 -5 0 -9");
    CHECK("a.masked_fill(m[:1],z)", D(ts_masked_fill(a, ts_narrow(m,0,0,1), ts_arg(z), NULL)), "Float [2,3] 2.5 -1.5 2.5 2.5 -4.75 2.5");
    LAST = ts_clone(a); CHECK("a.clone().masked_fill_(m,0)", D(ts_masked_fill(LAST, m, ts_arg_s(ts_scalar_i(0)), LAST)), "Float [2,3] 0 -1.5 0 3 -4.75 0");
    CHECK("a.masked_fill(c.bool(),1)", D(ts_masked_fill(a, c, ts_arg_s(ts_scalar_i(1)), NULL)), "Float [2,3] 1 1 1 1 -4.75 1");
    CHECK("torch.cat([a,a])", D(ts_cat(2, (TsTensor*[]){a, a}, 0)), "Float [4,3] 0.5 -1.5 2.25 3 -4.75 5.5 0.5 -1.5 2.25 3 -4.75 5.5");
    CHECK("torch.cat([a,c.int()],1)", D(ts_cat(2, (TsTensor*[]){a, ts_to(c,TS_INT32,0,false)}, 1)), "Float [2,6] 0.5 -1.5 2.25 7 -7 5 3 -4.75 5.5 -5 0 9");
    CHECK("torch.cat([c,c.int()],-1)", D(ts_cat(2, (TsTensor*[]){c, ts_to(c,TS_INT32,0,false)}, -1)), "Long [2,6] 7 -7 5 7 -7 5 -5 0 9 -5 0 9");
    CHECK("torch.cat([b,x,torch.empty(0)])", D(ts_cat(3, (TsTensor*[]){b, x, ts_empty(1,(int64_t[]){0},TS_UNDEF,0)}, 0)), "Float [9] 1 -2 0 -3.5 -2.5 -0.5 0.5 1.5 2.5");
    CHECK("torch.cat([a,torch.empty(0)])", D(ts_cat(2, (TsTensor*[]){a, ts_empty(1,(int64_t[]){0},TS_UNDEF,0)}, 0)), "Float [2,3] 0.5 -1.5 2.25 3 -4.75 5.5");
    CHECK("torch.cat([a,b])", D(ts_cat(2, (TsTensor*[]){a, b}, 0)), "ERR RUNTIME Tensors must have same number of dimensions: got 2 and 1");
    CHECK("torch.cat([a,q])", D(ts_cat(2, (TsTensor*[]){a, q}, 0)), "ERR RUNTIME Tensors must have same number of dimensions: got 2 and 3");
    CHECK("torch.cat([a,a.t()])", D(ts_cat(2, (TsTensor*[]){a, AT(a)}, 0)), "ERR RUNTIME Sizes of tensors must match except in dimension 0. Expected size 3 but got size 2 for tensor number 1 in the list.");
    CHECK("torch.cat([])", D(ts_cat(0, NULL, 0)), "ERR RUNTIME torch.cat(): expected a non-empty list of Tensors");
    CHECK("torch.cat([a,a],2)", D(ts_cat(2, (TsTensor*[]){a, a}, 2)), "ERR INDEX Dimension out of range (expected to be in range of [-2, 1], but got 2)");
    CHECK("torch.cat([z,z])", D(ts_cat(2, (TsTensor*[]){z, z}, 0)), "ERR RUNTIME zero-dimensional tensor (at position 0) cannot be concatenated");
    CHECK("torch.stack([a,a])", D(ts_stack(2, (TsTensor*[]){a, a}, 0)), "Float [2,2,3] 0.5 -1.5 2.25 3 -4.75 5.5 0.5 -1.5 2.25 3 -4.75 5.5");
    CHECK("torch.stack([a,a],2)", D(ts_stack(2, (TsTensor*[]){a, a}, 2)), "Float [2,3,2] 0.5 0.5 -1.5 -1.5 2.25 2.25 3 3 -4.75 -4.75 5.5 5.5");
    CHECK("torch.stack([b,x])", D(ts_stack(2, (TsTensor*[]){b, x}, 0)), "ERR RUNTIME stack expects each tensor to be equal size, but got [3] at entry 0 and [6] at entry 1");
    CHECK("torch.stack([z,z])", D(ts_stack(2, (TsTensor*[]){z, z}, 0)), "Float [2] 2.5 2.5");
    CHECK("x.split(4)", SPLIT(ts_split(x, 4, 0, &parts, &nparts)), "Float [4] -3.5 -2.5 -0.5 0.5 | Float [2] 1.5 2.5");
    CHECK("q.split(2,dim=-1)", SPLIT(ts_split(q, 2, -1, &parts, &nparts)), "Float [2,3,2] -3 -2.5 -1 -0.5 1 1.5 3 3.5 5 5.5 7 7.5 | Float [2,3,2] -2 -1.5 0 0.5 2 2.5 4 4.5 6 6.5 8 8.5");
    CHECK("x.split([1,2,3])", SPLIT(ts_split_sizes(x, 3, (int64_t[]){1,2,3}, 0, &parts, &nparts)), "Float [1] -3.5 | Float [2] -2.5 -0.5 | Float [3] 0.5 1.5 2.5");
    CHECK("x.split([1,2])", SPLIT(ts_split_sizes(x, 2, (int64_t[]){1,2}, 0, &parts, &nparts)), "ERR RUNTIME split_with_sizes expects split_sizes to sum exactly to 6 (input tensor's size at dimension 0), but got split_sizes=[1, 2]");
    CHECK("x.chunk(4)", SPLIT(ts_chunk(x, 4, 0, &parts, &nparts)), "Float [2] -3.5 -2.5 | Float [2] -0.5 0.5 | Float [2] 1.5 2.5");
    CHECK("q.chunk(3,1)", SPLIT(ts_chunk(q, 3, 1, &parts, &nparts)), "Float [2,1,4] -3 -2.5 -2 -1.5 3 3.5 4 4.5 | Float [2,1,4] -1 -0.5 0 0.5 5 5.5 6 6.5 | Float [2,1,4] 1 1.5 2 2.5 7 7.5 8 8.5");
    CHECK("x.chunk(0)", SPLIT(ts_chunk(x, 0, 0, &parts, &nparts)), "ERR RUNTIME chunk expects `chunks` to be greater than 0, got: 0");
    CHECK("q.flip(0,2)", D(ts_flip(q, 2, (int64_t[]){0,2})), "Float [2,3,4] 4.5 4 3.5 3 6.5 6 5.5 5 8.5 8 7.5 7 -1.5 -2 -2.5 -3 0.5 0 -0.5 -1 2.5 2 1.5 1");
    CHECK("a.t().flip(-1)", D(ts_flip(AT(a), 1, (int64_t[]){-1})), "Float [3,2] 3 0.5 -4.75 -1.5 5.5 2.25");
    CHECK("x.roll(2,0)", D(ts_roll(x, 1, (int64_t[]){2}, (int64_t[]){0})), "Float [6] 1.5 2.5 -3.5 -2.5 -0.5 0.5");
    CHECK("a.roll(-4)", D(ts_roll(a, 0, (int64_t[]){-4}, NULL)), "Float [2,3] -4.75 5.5 0.5 -1.5 2.25 3");
    CHECK("q.roll((1,-1),(1,2))", D(ts_roll(q, 2, (int64_t[]){1,-1}, (int64_t[]){1,2})), "Float [2,3,4] 1.5 2 2.5 1 -2.5 -2 -1.5 -3 -0.5 0 0.5 -1 7.5 8 8.5 7 3.5 4 4.5 3 5.5 6 6.5 5");
    CHECK("b.repeat(2,2)", D(ts_repeat(b, 2, (int64_t[]){2,2})), "Float [2,6] 1 -2 0 1 -2 0 1 -2 0 1 -2 0");
    CHECK("e.repeat(2,1,3)", D(ts_repeat(e, 3, (int64_t[]){2,1,3})), "Int [2,2,3] 3 3 3 -4 -4 -4 3 3 3 -4 -4 -4");
    CHECK("a.repeat(2)", D(ts_repeat(a, 1, (int64_t[]){2})), "ERR RUNTIME Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor");
    CHECK("a.t().repeat(1,2)", D(ts_repeat(AT(a), 2, (int64_t[]){1,2})), "Float [3,4] 0.5 3 0.5 3 -1.5 -4.75 -1.5 -4.75 2.25 5.5 2.25 5.5");
    CHECK("q.tril()", D(ts_tril(q, 0)), "Float [2,3,4] -3 0 0 0 -1 -0.5 0 0 1 1.5 2 0 3 0 0 0 5 5.5 0 0 7 7.5 8 0");
    CHECK("a.tril(-1)", D(ts_tril(a, -1)), "Float [2,3] 0 0 0 3 0 0");
    CHECK("q.triu(1)", D(ts_triu(q, 1)), "Float [2,3,4] 0 -2.5 -2 -1.5 0 0 0 0.5 0 0 0 2.5 0 3.5 4 4.5 0 0 6 6.5 0 0 0 8.5");
    CHECK("a.t().triu()", D(ts_triu(AT(a), 0)), "Float [3,2] 0.5 3 0 -4.75 0 0");
    CHECK("b.tril()", D(ts_tril(b, 0)), "ERR INDEX Dimension out of range (expected to be in range of [-1, 0], but got -2)");
    CHECK("torch.diag(b)", D(ts_diag(b, 0)), "Float [3,3] 1 0 0 0 -2 0 0 0 0");
    CHECK("torch.diag(b,-1)", D(ts_diag(b, -1)), "Float [4,4] 0 0 0 0 1 0 0 0 0 -2 0 0 0 0 0 0");
    CHECK("torch.diag(a,1)", D(ts_diag(a, 1)), "Float [2] -1.5 5.5");
    CHECK("torch.diag(q)", D(ts_diag(q, 0)), "ERR RUNTIME matrix or a vector expected");
    CHECK("b.unsqueeze(1).expand(3,4).clone()", D(ts_clone(ts_expand(ts_unsqueeze(b, 1), 2, (int64_t[]){3, 4}))), "Float [3,4] 1 1 1 1 -2 -2 -2 -2 0 0 0 0");
    CHECK("hh.half()", D(ts_to(hh, TS_FLOAT16, 0, false)), "Half [10] 65504 inf 0 5.96046448e-08 1 1.00195312 -5.96046448e-08 0 6.09755516e-05 0.333251953");
    CHECK("hh.bfloat16()", D(ts_to(hh, TS_BFLOAT16, 0, false)), "BFloat16 [10] 65536 65536 2.98023224e-08 4.47034836e-08 1 1 -5.96046448e-08 1.00117177e-08 6.10351562e-05 0.333984375");
    CHECK("hh.float().half()", D(ts_to(ts_to(hh, TS_FLOAT32, 0, false), TS_FLOAT16, 0, false)), "Half [10] 65504 inf 0 5.96046448e-08 1 1.00195312 -5.96046448e-08 0 6.09755516e-05 0.333251953");
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
