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
    TsTensor *a23 = MK(TS_FLOAT32, 2, ((int64_t[]){2, 3}), ((double[]){1.5, -2.0, 3.0, 4.0, 0.5, -6.0}));
    TsTensor *i23 = MK(TS_INT64, 2, ((int64_t[]){2, 3}), ((double[]){3, 1, 2, 1, 3, 3}));
    TsTensor *b4 = MK(TS_BOOL, 1, ((int64_t[]){4}), ((double[]){1.0, 0.0, 1.0, 1.0}));
    TsTensor *v7 = MK(TS_FLOAT32, 1, ((int64_t[]){7}), ((double[]){2.0, 1.0, 1.0, 2.0, 1.0, 2.0, NAN}));
    TsTensor *r345 = MK(TS_FLOAT32, 3, ((int64_t[]){3, 4, 5}), ((double[]){-0.1357555389404297, 9.113189697265625, 8.131515502929688, -4.545069694519043, -4.672411918640137, -7.231576442718506, -1.9422924518585205, -3.558826446533203, 9.62642765045166, 4.192290306091309, -1.5891122817993164, 1.1828839778900146, -6.121101379394531, 2.7101612091064453, -5.463100433349609, -8.735366821289062, 7.848176002502441, -6.864285469055176, -8.379249572753906, 9.19897174835205, 9.201923370361328, -2.7493393421173096, 2.5440359115600586, -5.695631504058838, 6.042017936706543, 5.970306396484375, -8.615104675292969, 5.526803970336914, -4.019886016845703, 2.089717388153076, -5.3596696853637695, -6.749912261962891, -4.290495872497559, 5.130982398986816, 4.652965068817139, -2.4485206604003906, -1.176750659942627, -9.721858978271484, -8.435081481933594, -2.3950839042663574, -8.15530776977539, -6.049131393432617, 3.033452033996582, 5.208413600921631, 9.851222038269043, 3.212686777114868, 1.1580324172973633, 8.399714469909668, 5.010223388671875, -7.0165228843688965, -1.6816329956054688, -8.64039421081543, 3.253626823425293, -5.519363880157471, -1.1742472648620605, -8.689631462097168, -8.849185943603516, 1.8610060214996338, 2.4641382694244385, 5.197047233581543}));
    TsTensor *m33 = MK(TS_FLOAT64, 2, ((int64_t[]){3, 3}), ((double[]){4.0, 1.0, 2.0, 1.0, 5.0, 3.0, 2.0, 3.0, 6.0}));
    TsTensor *m34 = MK(TS_FLOAT32, 2, ((int64_t[]){3, 4}), ((double[]){-1.547159194946289, -0.7007009983062744, 0.9377260208129883, -0.6153690814971924, 0.4763665199279785, -0.4807417392730713, 0.014341354370117188, -0.06280374526977539, 0.21436476707458496, 0.8086593151092529, 1.882768154144287, 1.5075459480285645}));
    TsTensor *m42 = MK(TS_FLOAT32, 2, ((int64_t[]){4, 2}), ((double[]){1.2128448486328125, -1.4390313625335693, 1.2820146083831787, -0.7621915340423584, -0.22905778884887695, -0.9635286331176758, -0.1870584487915039, 1.612715482711792}));
    TsTensor *b234 = MK(TS_FLOAT32, 3, ((int64_t[]){2, 3, 4}), ((double[]){-1.2671468257904053, 1.0843074321746826, 1.9705917835235596, -1.0558366775512695, -1.639906644821167, -1.9291021823883057, -0.5898582935333252, 0.9637537002563477, 0.7807459831237793, -1.1466424465179443, 0.5818819999694824, 1.6010921001434326, 0.6561284065246582, -1.7000226974487305, 1.5517313480377197, -1.32932710647583, 0.8601319789886475, -0.5933349132537842, 1.6020233631134033, 0.18208813667297363, -0.7006630897521973, 1.2940139770507812, 1.9454059600830078, -1.6809792518615723}));
    TsTensor *i8 = MK(TS_INT64, 1, ((int64_t[]){8}), ((double[]){5, 3, 5, 1, 3, 5, 0, 3}));
    TsTensor *x10 = MK(TS_FLOAT32, 2, ((int64_t[]){2, 5}), ((double[]){0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0}));
    TsTensor *ix = MK(TS_INT64, 1, ((int64_t[]){3}), ((double[]){1, 0, 1}));
    TsTensor *gidx = MK(TS_INT64, 2, ((int64_t[]){2, 2}), ((double[]){0, 4, 3, 3}));
    TsTensor *mask25 = MK(TS_BOOL, 2, ((int64_t[]){2, 5}), ((double[]){1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 0.0}));
    TsTensor *v3 = MK(TS_FLOAT32, 1, ((int64_t[]){3}), ((double[]){1.0, 2.0, 3.0}));
    TsTensor *w3 = MK(TS_FLOAT32, 1, ((int64_t[]){3}), ((double[]){4.0, 5.0, 6.0}));
    TsTensor *i22 = MK(TS_INT64, 2, ((int64_t[]){2, 2}), ((double[]){1, 2, 3, 4}));
    TsTensor *rint = MK(TS_INT64, 1, ((int64_t[]){100}), ((double[]){2, 0, -3, -2, 3, 3, -1, -2, 0, 1, 2, -2, -2, 0, 0, -1, 0, 0, 1, -2, 1, -1, -1, 3, 0, -2, 1, -1, 2, 1, -2, 0, 3, -2, -2, 0, 2, 0, -3, -3, 1, 0, 2, 1, -1, 3, -2, -2, 0, 0, -3, -1, -1, -1, -1, 2, 2, 1, 2, -2, -3, 2, -2, 0, 3, 3, 3, -2, 0, 2, 0, -1, 3, -3, 2, 2, -3, 3, 1, -3, 0, -1, -3, 0, 2, -1, -3, -2, -1, 3, -2, -2, 0, 0, -3, -3, -3, -3, -2, 0}));
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
    CHECK("sum_all", ts_sum(a23, 0, NULL, false, TS_UNDEF), TS_FLOAT32, 0, ((int64_t[]){0}), ((double[]){1.0}), 0);
    CHECK("sum_dim0", ts_sum(a23, 1, D(0), false, TS_UNDEF), TS_FLOAT32, 1, ((int64_t[]){3}), ((double[]){5.5, -1.5, -3.0}), 0);
    CHECK("sum_dim1_keep", ts_sum(a23, 1, D(-1), true, TS_UNDEF), TS_FLOAT32, 2, ((int64_t[]){2, 1}), ((double[]){2.5, -1.5}), 0);
    CHECK("sum_int", ts_sum(i23, 1, D(1), false, TS_UNDEF), TS_INT64, 1, ((int64_t[]){2}), ((double[]){6, 7}), 0);
    CHECK("sum_bool", ts_sum(b4, 0, NULL, false, TS_UNDEF), TS_INT64, 0, ((int64_t[]){0}), ((double[]){3}), 0);
    CHECK("sum_big_cascade", ts_sum(big, 0, NULL, false, TS_UNDEF), TS_FLOAT32, 0, ((int64_t[]){0}), ((double[]){1184.240234375}), 0);
    CHECK("sum_r345_d1", ts_sum(r345, 1, D(1), false, TS_UNDEF), TS_FLOAT32, 2, ((int64_t[]){3, 5}), ((double[]){-17.691810607910156, 16.20195770263672, -8.412697792053223, -0.5877304077148438, 3.2557497024536133, 7.364039421081543, -19.291107177734375, -5.94151496887207, -13.01961612701416, 10.389616012573242, -15.313885688781738, -22.380680084228516, 16.547800064086914, 7.163412094116211, 6.857499122619629}), 0);
    CHECK("sum_r345_d02", ts_sum(r345, 2, D2(0, 2), false, TS_UNDEF), TS_FLOAT32, 1, ((int64_t[]){4}), ((double[]){21.123123168945312, 12.801994323730469, -29.658411026000977, -39.12567901611328}), 0);
    CHECK("sum_perm", ts_sum(r345t, 1, D(0), false, TS_UNDEF), TS_FLOAT32, 2, ((int64_t[]){4, 3}), ((double[]){7.891468048095703, 9.343006134033203, 3.888648509979248, 1.0860223770141602, 0.9518375396728516, 10.764134407043457, -9.280268669128418, -6.6161298751831055, -13.762012481689453, -6.931754112243652, -24.177295684814453, -8.016626358032227}), 0);
    CHECK("mean_all", ts_mean(r345, 0, NULL, false, TS_UNDEF), TS_FLOAT32, 0, ((int64_t[]){0}), ((double[]){-0.5809828639030457}), 0);
    CHECK("mean_d2", ts_mean(r345, 1, D(2), false, TS_UNDEF), TS_FLOAT32, 2, ((int64_t[]){3, 4}), ((double[]){1.5782935619354248, 0.2172044813632965, -1.8560537099838257, -1.3863508701324463, 1.8686012029647827, 0.19036750495433807, -1.323225975036621, -4.835459232330322, 0.7777296900749207, 2.1528267860412598, -2.7524025440216064, -1.6033252477645874}), 0);
    CHECK("prod_d1", ts_prod(a23, D(1), false, TS_UNDEF), TS_FLOAT32, 1, ((int64_t[]){2}), ((double[]){-9.0, -12.0}), 0);
    CHECK("prod_int", ts_prod(i23, NULL, false, TS_UNDEF), TS_INT64, 0, ((int64_t[]){0}), ((double[]){54}), 0);
    CHECK("max_all", ts_max_all(a23), TS_FLOAT32, 0, ((int64_t[]){0}), ((double[]){4.0}), 0);
    CHECK("min_all_int", ts_min_all(i23), TS_INT64, 0, ((int64_t[]){0}), ((double[]){1}), 0);
    CHECK("max_nan", ts_max_all(v7), TS_FLOAT32, 0, ((int64_t[]){0}), ((double[]){NAN}), 0);
    CHECK("amax_d0", ts_amax(a23, 1, D(0), false), TS_FLOAT32, 1, ((int64_t[]){3}), ((double[]){4.0, 0.5, 3.0}), 0);
    CHECK("amin_d1k", ts_amin(r345, 1, D(1), true), TS_FLOAT32, 3, ((int64_t[]){3, 1, 5}), ((double[]){-8.735366821289062, -1.9422924518585205, -6.864285469055176, -8.379249572753906, -5.463100433349609, -5.3596696853637695, -8.615104675292969, -9.721858978271484, -8.435081481933594, -2.3950839042663574, -8.689631462097168, -8.849185943603516, 1.8610060214996338, -5.519363880157471, -7.0165228843688965}), 0);
    CHECK("argmax_all", ts_argmax(i23, NULL, false), TS_INT64, 0, ((int64_t[]){0}), ((double[]){0}), 0);
    CHECK("argmax_d1", ts_argmax(i23, D(1), false), TS_INT64, 1, ((int64_t[]){2}), ((double[]){0, 1}), 0);
    CHECK("argmin_d0", ts_argmin(a23, D(0), true), TS_INT64, 2, ((int64_t[]){1, 3}), ((double[]){0, 0, 1}), 0);
    CHECK("maxdim_v", PICK0(ts_max_dim(i23, 1, false, &V, &I)), TS_INT64, 1, ((int64_t[]){2}), ((double[]){3, 3}), 0);
    CHECK("maxdim_i", PICK1(ts_max_dim(i23, 1, false, &V, &I)), TS_INT64, 1, ((int64_t[]){2}), ((double[]){0, 1}), 0);
    CHECK("mindim_i", PICK1(ts_min_dim(i23, 0, true, &V, &I)), TS_INT64, 2, ((int64_t[]){1, 3}), ((double[]){1, 0, 0}), 0);
    CHECK("var_all", ts_var(r345, 0, NULL, 1, false), TS_FLOAT32, 0, ((int64_t[]){0}), ((double[]){35.93534469604492}), 0);
    CHECK("std_all", ts_std(r345, 0, NULL, 1, false), TS_FLOAT32, 0, ((int64_t[]){0}), ((double[]){5.994609832763672}), 0);
    CHECK("var_d1", ts_var(r345, 1, D(1), 1, false), TS_FLOAT32, 2, ((int64_t[]){3, 5}), ((double[]){17.63199806213379, 28.063318252563477, 48.559906005859375, 63.59873580932617, 50.40776824951172, 47.16133117675781, 11.89608383178711, 47.03839111328125, 34.566558837890625, 13.757792472839355, 32.17973709106445, 21.891277313232422, 8.44968318939209, 25.31221580505371, 54.3033332824707}), 0);
    CHECK("std_d2_biased", ts_std(r345, 1, D(2), 0, true), TS_FLOAT32, 3, ((int64_t[]){3, 4, 1}), ((double[]){5.987056732177734, 5.978979110717773, 3.5030882358551025, 8.127016067504883, 5.480770587921143, 5.670191287994385, 5.136499881744385, 3.517761707305908, 6.833047389984131, 5.164846897125244, 4.050531387329102, 5.958341121673584}), 0);
    CHECK("norm_2", ts_norm(r345, 2, 0, NULL, false, TS_UNDEF), TS_FLOAT32, 0, ((int64_t[]){0}), ((double[]){46.26486587524414}), 0);
    CHECK("norm_1_d1", ts_norm(r345, 1, 1, D(1), false, TS_UNDEF), TS_FLOAT32, 2, ((int64_t[]){3, 5}), ((double[]){17.691810607910156, 20.0865421295166, 24.67572784423828, 25.260908126831055, 23.526775360107422, 22.980419158935547, 19.291107177734375, 22.083194732666016, 23.28158187866211, 15.179784774780273, 21.7392578125, 24.69674301147461, 16.547800064086914, 18.202138900756836, 23.23904037475586}), 0);
    CHECK("norm_inf", ts_norm(a23, INFINITY, 0, NULL, false, TS_UNDEF), TS_FLOAT32, 0, ((int64_t[]){0}), ((double[]){6.0}), 0);
    CHECK("norm_3_d0", ts_norm(a23, 3, 1, D(0), false, TS_UNDEF), TS_FLOAT32, 1, ((int64_t[]){3}), ((double[]){4.0691118240356445, 2.0103628635406494, 6.2402520179748535}), 1e-5);
    CHECK("norm_2_lastdim", ts_norm(r345, 2, 1, D(2), false, TS_UNDEF), TS_FLOAT32, 2, ((int64_t[]){3, 4}), ((double[]){13.844828605651855, 13.378223419189453, 8.864694595336914, 18.435070037841797, 12.94807243347168, 12.686077117919922, 11.860555648803711, 13.370922088623047, 15.377809524536133, 12.512056350708008, 10.950462341308594, 13.797187805175781}), 0);
    CHECK("all_d1", ts_all(i23, 1, D(1), false), TS_BOOL, 1, ((int64_t[]){2}), ((double[]){1.0, 1.0}), 0);
    CHECK("any_all", ts_any(b4, 0, NULL, false), TS_BOOL, 0, ((int64_t[]){0}), ((double[]){1.0}), 0);
    CHECK("count_nz", ts_count_nonzero(a23, 1, D(0)), TS_INT64, 1, ((int64_t[]){3}), ((double[]){2, 2, 2}), 0);
    CHECK("median_all", ts_median_all(v7f), TS_FLOAT32, 0, ((int64_t[]){0}), ((double[]){1.0}), 0);
    CHECK("median_d", PICK1(ts_median_dim(v7f, 0, false, &V, &I)), TS_INT64, 0, ((int64_t[]){0}), ((double[]){4}), 0);
    CHECK("median_nan_i", PICK1(ts_median_dim(v7, 0, false, &V, &I)), TS_INT64, 0, ((int64_t[]){0}), ((double[]){6}), 0);
    CHECK("mode_v", PICK0(ts_mode(i8, 0, false, &V, &I)), TS_INT64, 0, ((int64_t[]){0}), ((double[]){3}), 0);
    CHECK("mode_i", PICK1(ts_mode(i8, 0, false, &V, &I)), TS_INT64, 0, ((int64_t[]){0}), ((double[]){7}), 0);
    CHECK("logsumexp_d1", ts_logsumexp(a23, 1, D(1), false), TS_FLOAT32, 1, ((int64_t[]){2}), ((double[]){3.206907033920288, 4.029794692993164}), 1e-5);
    CHECK("cumsum_d1", ts_cumsum(a23, 1, TS_UNDEF), TS_FLOAT32, 2, ((int64_t[]){2, 3}), ((double[]){1.5, -0.5, 2.5, 4.0, 4.5, -1.5}), 0);
    CHECK("cumsum_int", ts_cumsum(i23, 0, TS_UNDEF), TS_INT64, 2, ((int64_t[]){2, 3}), ((double[]){3, 1, 2, 4, 4, 5}), 0);
    CHECK("cumprod_d0", ts_cumprod(a23, 0, TS_UNDEF), TS_FLOAT32, 2, ((int64_t[]){2, 3}), ((double[]){1.5, -2.0, 3.0, 6.0, -1.0, -18.0}), 0);
    CHECK("cummax_i", PICK1(ts_cummax(i8, 0, &V, &I)), TS_INT64, 1, ((int64_t[]){8}), ((double[]){0, 0, 2, 2, 2, 5, 5, 5}), 0);
    CHECK("sort_v", PICK0(ts_sort(i8, 0, false, false, &V, &I)), TS_INT64, 1, ((int64_t[]){8}), ((double[]){0, 1, 3, 3, 3, 5, 5, 5}), 0);
    CHECK("sort_i", PICK1(ts_sort(i8, 0, false, false, &V, &I)), TS_INT64, 1, ((int64_t[]){8}), ((double[]){6, 3, 1, 4, 7, 0, 2, 5}), 0);
    CHECK("sort_desc_i", PICK1(ts_sort(i8, 0, true, false, &V, &I)), TS_INT64, 1, ((int64_t[]){8}), ((double[]){0, 2, 5, 1, 4, 7, 3, 6}), 0);
    CHECK("sort_stable_i", PICK1(ts_sort(i8, 0, true, true, &V, &I)), TS_INT64, 1, ((int64_t[]){8}), ((double[]){0, 2, 5, 1, 4, 7, 3, 6}), 0);
    CHECK("sort_nan", PICK1(ts_sort(v7, 0, false, false, &V, &I)), TS_INT64, 1, ((int64_t[]){7}), ((double[]){1, 2, 4, 0, 3, 5, 6}), 0);
    CHECK("sort_big_i", PICK1(ts_sort(rint, 0, false, false, &V, &I)), TS_INT64, 1, ((int64_t[]){100}), ((double[]){38, 86, 60, 82, 39, 50, 79, 76, 94, 95, 96, 97, 73, 2, 33, 34, 30, 67, 62, 25, 87, 46, 47, 19, 59, 90, 91, 12, 11, 7, 3, 98, 44, 53, 54, 51, 52, 71, 6, 15, 88, 21, 22, 85, 27, 81, 83, 63, 68, 80, 92, 93, 70, 99, 49, 31, 24, 35, 37, 17, 41, 16, 14, 13, 8, 48, 1, 20, 29, 78, 26, 57, 18, 40, 9, 43, 10, 84, 0, 28, 55, 56, 75, 74, 58, 36, 69, 61, 42, 66, 4, 5, 45, 64, 65, 77, 89, 72, 23, 32}), 0);
    CHECK("argsort_d1", ts_argsort(r345, 1, false, false), TS_INT64, 3, ((int64_t[]){3, 4, 5}), ((double[]){3, 1, 3, 3, 2, 1, 2, 2, 0, 0, 2, 3, 1, 2, 1, 0, 0, 0, 1, 3, 2, 1, 3, 3, 3, 3, 2, 2, 0, 1, 1, 0, 0, 1, 2, 0, 3, 1, 2, 0, 3, 3, 3, 2, 1, 0, 2, 0, 3, 2, 2, 0, 2, 1, 3, 1, 1, 1, 0, 0}), 0);
    CHECK("topk_v", PICK0(ts_topk(i8, 3, 0, true, true, &V, &I)), TS_INT64, 1, ((int64_t[]){3}), ((double[]){5, 5, 5}), 0);
    CHECK("topk_i", PICK1(ts_topk(i8, 3, 0, true, true, &V, &I)), TS_INT64, 1, ((int64_t[]){3}), ((double[]){2, 0, 5}), 0);
    CHECK("topk_small_i", PICK1(ts_topk(rint, 2, 0, false, true, &V, &I)), TS_INT64, 1, ((int64_t[]){2}), ((double[]){76, 50}), 0);
    CHECK("kth_i", PICK1(ts_kthvalue(i8, 4, 0, false, &V, &I)), TS_INT64, 0, ((int64_t[]){0}), ((double[]){7}), 0);
    CHECK("unique_v", PICK0(ts_unique(i8, true, &V, &I, NULL)), TS_INT64, 1, ((int64_t[]){4}), ((double[]){0, 1, 3, 5}), 0);
    CHECK("unique_inv", PICK1(ts_unique(i8, true, &V, &I, NULL)), TS_INT64, 1, ((int64_t[]){8}), ((double[]){3, 2, 3, 1, 2, 3, 0, 2}), 0);
    CHECK("unique_unsorted", PICK0(ts_unique(i8, false, &V, &I, NULL)), TS_INT64, 1, ((int64_t[]){4}), ((double[]){0, 1, 3, 5}), 0);
    CHECK("unique_unsorted_inv", PICK1(ts_unique(i8, false, &V, &I, NULL)), TS_INT64, 1, ((int64_t[]){8}), ((double[]){3, 2, 3, 1, 2, 3, 0, 2}), 0);
    CHECK("unique_counts", PICK1(ts_unique(i8, true, &V, NULL, &I)), TS_INT64, 1, ((int64_t[]){4}), ((double[]){1, 1, 3, 3}), 0);
    CHECK("sum_0d", ts_sum(s0, 0, NULL, false, TS_UNDEF), TS_FLOAT32, 0, ((int64_t[]){0}), ((double[]){2.5}), 0);
    CHECK("sum_0d_dim", ts_sum(s0, 1, D(-1), true, TS_UNDEF), TS_FLOAT32, 0, ((int64_t[]){0}), ((double[]){2.5}), 0);
    CHECK("mean_empty", ts_mean(empty0, 0, NULL, false, TS_UNDEF), TS_FLOAT32, 0, ((int64_t[]){0}), ((double[]){NAN}), 0);
    CHECK("sum_empty_d0", ts_sum(e03, 1, D(0), false, TS_UNDEF), TS_FLOAT32, 1, ((int64_t[]){3}), ((double[]){0.0, 0.0, 0.0}), 0);
    CHECK("max_0d", ts_max_all(s0), TS_FLOAT32, 0, ((int64_t[]){0}), ((double[]){2.5}), 0);
    CHECK("argmax_0d", ts_argmax(s0, NULL, false), TS_INT64, 0, ((int64_t[]){0}), ((double[]){0}), 0);
    CHECK("sort_0d", PICK1(ts_sort(s0, 0, false, false, &V, &I)), TS_INT64, 0, ((int64_t[]){0}), ((double[]){0}), 0);
    CHECK("topk_0", PICK0(ts_topk(v3, 0, 0, true, true, &V, &I)), TS_FLOAT32, 1, ((int64_t[]){0}), ((double[]){0}), 0);
    CHECK("median_0d", ts_median_all(s0), TS_FLOAT32, 0, ((int64_t[]){0}), ((double[]){2.5}), 0);
    CHECK("nonzero_0d", ts_nonzero(s0), TS_INT64, 2, ((int64_t[]){1, 0}), ((double[]){0}), 0);
    CHECK("index_0d_none", IDX(s0, 1, NONE_), TS_FLOAT32, 1, ((int64_t[]){1}), ((double[]){2.5}), 0);
    CHECK("dot_int", ts_matmul(i8, i8), TS_INT64, 0, ((int64_t[]){0}), ((double[]){103}), 0);
    CHECK("cumsum_0d", ts_cumsum(s0, 0, TS_UNDEF), TS_FLOAT32, 0, ((int64_t[]){0}), ((double[]){2.5}), 0);
    CHECK("var_empty_dim", ts_var(e03, 1, D(0), 1, false), TS_FLOAT32, 1, ((int64_t[]){3}), ((double[]){NAN, NAN, NAN}), 0);
    CHECK("amax_empty_ok", ts_amax(e03, 1, D(1), false), TS_FLOAT32, 1, ((int64_t[]){0}), ((double[]){0}), 0);
    CHECK("any_empty", ts_any(empty0, 0, NULL, false), TS_BOOL, 0, ((int64_t[]){0}), ((double[]){0.0}), 0);
    CHECK("all_empty", ts_all(empty0, 0, NULL, false), TS_BOOL, 0, ((int64_t[]){0}), ((double[]){1.0}), 0);
    CHECK("prod_empty", ts_prod(empty0, NULL, false, TS_UNDEF), TS_FLOAT32, 0, ((int64_t[]){0}), ((double[]){1.0}), 0);
    CHECK("index_int", IDX(x10, 1, II(1)), TS_FLOAT32, 1, ((int64_t[]){5}), ((double[]){5.0, 6.0, 7.0, 8.0, 9.0}), 0);
    CHECK("index_int_slice", IDX(x10, 2, II(1), SL(1, 4, 2)), TS_FLOAT32, 1, ((int64_t[]){2}), ((double[]){6.0, 8.0}), 0);
    CHECK("index_none_ell", IDX(x10, 2, NONE_, ELL_), TS_FLOAT32, 3, ((int64_t[]){1, 2, 5}), ((double[]){0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0}), 0);
    CHECK("index_tensor", IDX(x10, 2, SL(N_, N_, N_), TI(ix)), TS_FLOAT32, 2, ((int64_t[]){2, 3}), ((double[]){1.0, 0.0, 1.0, 6.0, 5.0, 6.0}), 0);
    CHECK("index_two_tensors", IDX(x10, 2, TI(ix), TI(ix2)), TS_FLOAT32, 1, ((int64_t[]){3}), ((double[]){9.0, 0.0, 7.0}), 0);
    CHECK("index_mask", IDX(x10, 1, TI(mask25)), TS_FLOAT32, 1, ((int64_t[]){5}), ((double[]){0.0, 2.0, 6.0, 7.0, 8.0}), 0);
    CHECK("index_sep", IDX(r345, 3, TI(ix), SL(N_, N_, N_), TI(ix)), TS_FLOAT32, 2, ((int64_t[]){3, 4}), ((double[]){-2.7493393421173096, -8.615104675292969, -6.749912261962891, -1.176750659942627, -0.1357555389404297, -7.231576442718506, -1.5891122817993164, -8.735366821289062, -2.7493393421173096, -8.615104675292969, -6.749912261962891, -1.176750659942627}), 0);
    CHECK("index_adj", IDX(r345, 3, SL(N_, N_, N_), TI(ix), TI(ix)), TS_FLOAT32, 2, ((int64_t[]){3, 3}), ((double[]){-1.9422924518585205, -0.1357555389404297, -1.9422924518585205, -8.615104675292969, 9.201923370361328, -8.615104675292969, 1.1580324172973633, -8.15530776977539, 1.1580324172973633}), 0);
    CHECK("index_bool", IDX(x10, 1, BOOL_(true)), TS_FLOAT32, 3, ((int64_t[]){1, 2, 5}), ((double[]){0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0}), 0);
    CHECK("index_neg", IDX(x10, 2, II(-1), II(-2)), TS_FLOAT32, 0, ((int64_t[]){0}), ((double[]){8.0}), 0);
    CHECK("index_mix1", IDX(r345, 3, TI(ix), SL(N_, N_, N_), II(0)), TS_FLOAT32, 2, ((int64_t[]){3, 4}), ((double[]){9.201923370361328, 5.970306396484375, -5.3596696853637695, -2.4485206604003906, -0.1357555389404297, -7.231576442718506, -1.5891122817993164, -8.735366821289062, 9.201923370361328, 5.970306396484375, -5.3596696853637695, -2.4485206604003906}), 0);
    CHECK("index_mix2", IDX(r345, 3, II(1), SL(N_, N_, N_), TI(ix)), TS_FLOAT32, 2, ((int64_t[]){4, 3}), ((double[]){-2.7493393421173096, 9.201923370361328, -2.7493393421173096, -8.615104675292969, 5.970306396484375, -8.615104675292969, -6.749912261962891, -5.3596696853637695, -6.749912261962891, -1.176750659942627, -2.4485206604003906, -1.176750659942627}), 0);
    CHECK("index_ell_t", IDX(r345, 2, ELL_, TI(ix)), TS_FLOAT32, 3, ((int64_t[]){3, 4, 3}), ((double[]){9.113189697265625, -0.1357555389404297, 9.113189697265625, -1.9422924518585205, -7.231576442718506, -1.9422924518585205, 1.1828839778900146, -1.5891122817993164, 1.1828839778900146, 7.848176002502441, -8.735366821289062, 7.848176002502441, -2.7493393421173096, 9.201923370361328, -2.7493393421173096, -8.615104675292969, 5.970306396484375, -8.615104675292969, -6.749912261962891, -5.3596696853637695, -6.749912261962891, -1.176750659942627, -2.4485206604003906, -1.176750659942627, -6.049131393432617, -8.15530776977539, -6.049131393432617, 1.1580324172973633, 3.212686777114868, 1.1580324172973633, -8.64039421081543, -1.6816329956054688, -8.64039421081543, -8.849185943603516, -8.689631462097168, -8.849185943603516}), 0);
    CHECK("index_2d_idx", IDX(x10, 1, TI(ix22)), TS_FLOAT32, 3, ((int64_t[]){2, 2, 5}), ((double[]){0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 5.0, 6.0, 7.0, 8.0, 9.0, 0.0, 1.0, 2.0, 3.0, 4.0}), 0);
    CHECK("index_false", IDX(x10, 1, BOOL_(false)), TS_FLOAT32, 3, ((int64_t[]){0, 2, 5}), ((double[]){0}), 0);
    CHECK("index_none_t", IDX(x10, 3, NONE_, TI(ix), NONE_), TS_FLOAT32, 4, ((int64_t[]){1, 3, 1, 5}), ((double[]){5.0, 6.0, 7.0, 8.0, 9.0, 0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0}), 0);
    CHECK("index_step", IDX(x10, 2, SL(N_, N_, N_), SL(N_, N_, 2)), TS_FLOAT32, 2, ((int64_t[]){2, 3}), ((double[]){0.0, 2.0, 4.0, 5.0, 7.0, 9.0}), 0);
    CHECK("index_negslice", IDX(x10, 2, SL(N_, N_, N_), SL(-3, N_, N_)), TS_FLOAT32, 2, ((int64_t[]){2, 3}), ((double[]){2.0, 3.0, 4.0, 7.0, 8.0, 9.0}), 0);
    CHECK("index_0d_tensor", IDX(x10, 1, TI(i0)), TS_FLOAT32, 1, ((int64_t[]){5}), ((double[]){5.0, 6.0, 7.0, 8.0, 9.0}), 0);
    CHECK("index_mask2_sep", IDX(r345, 3, TI(ix), SL(N_, N_, N_), TI(m5)), TS_FLOAT32, 2, ((int64_t[]){3, 4}), ((double[]){-2.7493393421173096, -8.615104675292969, -6.749912261962891, -1.176750659942627, -4.545069694519043, 9.62642765045166, 2.7101612091064453, -8.379249572753906, 6.042017936706543, 2.089717388153076, 4.652965068817139, -2.3950839042663574}), 0);
    CHECK("put_basic", PUT(x10c, ARGS(7), 2, II(0), SL(1, 3, N_)), TS_FLOAT32, 2, ((int64_t[]){2, 5}), ((double[]){0.0, 7.0, 7.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0}), 0);
    CHECK("put_two", PUT(x10c, ARGT(w3), 2, TI(ix), TI(ix2)), TS_FLOAT32, 2, ((int64_t[]){2, 5}), ((double[]){5.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 6.0, 8.0, 4.0}), 0);
    CHECK("put_adv", PUT(x10c, ARGT(w5), 2, TI(ix), SL(N_, N_, N_)), TS_FLOAT32, 2, ((int64_t[]){2, 5}), ((double[]){9.0, 8.0, 7.0, 6.0, 5.0, 9.0, 8.0, 7.0, 6.0, 5.0}), 0);
    CHECK("put_acc", PUTACC(x10c, ARGS(1.5), 1, TI(ix3)), TS_FLOAT32, 2, ((int64_t[]){2, 5}), ((double[]){1.5, 2.5, 3.5, 4.5, 5.5, 8.0, 9.0, 10.0, 11.0, 12.0}), 0);
    CHECK("put_mask", PUT(x10c, ARGS(-1), 1, TI(mask25)), TS_FLOAT32, 2, ((int64_t[]){2, 5}), ((double[]){-1.0, 1.0, -1.0, 3.0, 4.0, 5.0, -1.0, -1.0, -1.0, 9.0}), 0);
    CHECK("index_select", ts_index_select(x10, 1, ix), TS_FLOAT32, 2, ((int64_t[]){2, 3}), ((double[]){1.0, 0.0, 1.0, 6.0, 5.0, 6.0}), 0);
    CHECK("gather", ts_gather(x10, 1, gidx), TS_FLOAT32, 2, ((int64_t[]){2, 2}), ((double[]){0.0, 4.0, 8.0, 8.0}), 0);
    CHECK("scatter", ts_scatter(zz, 1, gidx, ts_arg(x10), NULL, NULL), TS_FLOAT32, 2, ((int64_t[]){2, 5}), ((double[]){0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 6.0, 0.0}), 0);
    CHECK("scatter_add", ts_scatter_add(zz, 1, gidx, x10, NULL), TS_FLOAT32, 2, ((int64_t[]){2, 5}), ((double[]){0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 11.0, 0.0}), 0);
    CHECK("scatter_val", ts_scatter(zz, 1, gidx, ts_arg_s(ts_scalar_f(2.5)), NULL, NULL), TS_FLOAT32, 2, ((int64_t[]){2, 5}), ((double[]){2.5, 0.0, 0.0, 0.0, 2.5, 0.0, 0.0, 0.0, 2.5, 0.0}), 0);
    CHECK("masked_select", ts_masked_select(x10, mask25), TS_FLOAT32, 1, ((int64_t[]){5}), ((double[]){0.0, 2.0, 6.0, 7.0, 8.0}), 0);
    CHECK("take", ts_take(x10, gidx), TS_FLOAT32, 2, ((int64_t[]){2, 2}), ((double[]){0.0, 4.0, 3.0, 3.0}), 0);
    CHECK("nonzero", ts_nonzero(mask25), TS_INT64, 2, ((int64_t[]){5, 2}), ((double[]){0, 0, 0, 2, 1, 1, 1, 2, 1, 3}), 0);
    CHECK("index_add", ts_index_add(zz, 1, ix, m23, ts_scalar_i(2), NULL), TS_FLOAT32, 2, ((int64_t[]){2, 5}), ((double[]){-4.0, 9.0, 0.0, 0.0, 0.0, 1.0, -4.0, 0.0, 0.0, 0.0}), 0);
    CHECK("mm", ts_mm(m34, m42b), TS_FLOAT32, 2, ((int64_t[]){3, 2}), ((double[]){0.8030742406845093, -0.13829046487808228, 1.3358153104782104, 0.2501257359981537, 0.3610025942325592, 1.2507866621017456}), 1e-5);
    CHECK("mm_tt", ts_mm(m34t, m34), TS_FLOAT32, 2, ((int64_t[]){4, 4}), ((double[]){2.666579008102417, 1.0284347534179688, -1.0403804779052734, 1.2453210353851318, 1.0284347534179688, 1.3760243654251099, 0.858557939529419, 1.6804732084274292, -1.0403804779052734, 0.858557939529419, 4.424351692199707, 2.260411262512207, 1.2453210353851318, 1.6804732084274292, 2.260411262512207, 2.655318260192871}), 1e-5);
    CHECK("mm_int", ts_mm(i22, i22), TS_INT64, 2, ((int64_t[]){2, 2}), ((double[]){7, 10, 15, 22}), 0);
    CHECK("mv", ts_mv(m34, w4), TS_FLOAT32, 1, ((int64_t[]){3}), ((double[]){0.7213093042373657, 0.9543890953063965, 3.9250144958496094}), 1e-5);
    CHECK("dot", ts_dot(v3, w3), TS_FLOAT32, 0, ((int64_t[]){0}), ((double[]){32.0}), 1e-5);
    CHECK("matmul_1d2d", ts_matmul(v3, m34), TS_FLOAT32, 1, ((int64_t[]){4}), ((double[]){0.04866814613342285, 0.7637934684753418, 6.614713191986084, 3.78166127204895}), 1e-5);
    CHECK("matmul_3d2d", ts_matmul(b234, m42), TS_FLOAT32, 3, ((int64_t[]){2, 3, 2}), ((double[]){-0.40063074231147766, -2.6044716835021973, -4.507256031036377, 5.952828407287598, -0.955871045589447, 1.7718892097473145, -1.4904463291168213, -3.2874104976654053, -0.11847437918186188, -2.035460948944092, 0.6779801845550537, -4.563405990600586}), 1e-5);
    CHECK("matmul_bcast", ts_matmul(b234, b243n), TS_FLOAT32, 3, ((int64_t[]){2, 3, 3}), ((double[]){7.779406547546387, -2.193673849105835, -2.776472568511963, -2.193673849105835, 7.687483310699463, 2.131470203399658, -2.776472568511963, 2.131470203399658, 4.8264360427856445, 1.786623239517212, 0.007082462310791016, 1.2361373901367188, 1.2314077615737915, -1.0354111194610596, 2.5756161212921143, 7.899392127990723, -4.1148271560668945, -3.590217113494873}), 1e-5);
    CHECK("matmul_1d3d", ts_matmul(w4, b243), TS_FLOAT32, 2, ((int64_t[]){2, 3}), ((double[]){1.0618109703063965, -0.4086441993713379, 3.8916983604431152, 4.794950485229492, 4.7485575675964355, 1.055645227432251}), 1e-5);
    CHECK("bmm", ts_bmm(b234, b243), TS_FLOAT32, 3, ((int64_t[]){2, 3, 3}), ((double[]){7.779406547546387, -2.193673849105835, -2.776472568511963, -2.193673849105835, 7.687483310699463, 2.131470203399658, -2.776472568511963, 2.131470203399658, 4.8264360427856445, 7.495562553405762, 3.8168952465057373, 2.593740463256836, 3.8168952465057373, 3.6915085315704346, 1.44005286693573, 2.593740463256836, 1.44005286693573, 8.775696754455566}), 1e-5);
    CHECK("addmm", ts_addmm(w4, m34t, m34, ts_scalar_f(0.5), ts_scalar_i(2)), TS_FLOAT32, 2, ((int64_t[]){4, 4}), ((double[]){5.833158016204834, 1.5568695068359375, -1.0807609558105469, 2.7406420707702637, 2.5568695068359375, 2.2520487308502197, 2.717115879058838, 3.6109464168548584, -1.5807609558105469, 1.217115879058838, 9.848703384399414, 4.770822525024414, 2.9906420707702637, 2.8609464168548584, 5.520822525024414, 5.560636520385742}), 1e-5);
    CHECK("outer", ts_outer(v3, w3), TS_FLOAT32, 2, ((int64_t[]){3, 3}), ((double[]){4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 12.0, 15.0, 18.0}), 0);
    CHECK("trace", ts_trace(m33), TS_FLOAT64, 0, ((int64_t[]){0}), ((double[]){15.0}), 0);
    CHECK("cross", ts_cross(v3, w3, NULL), TS_FLOAT32, 1, ((int64_t[]){3}), ((double[]){-3.0, 6.0, -3.0}), 0);
    CHECK("inverse", ts_inverse(m33), TS_FLOAT64, 2, ((int64_t[]){3, 3}), ((double[]){0.3, 0.0, -0.09999999999999999, 0.0, 0.2857142857142857, -0.14285714285714285, -0.1, -0.14285714285714285, 0.2714285714285714}), 1e-5);
    CHECK("det", ts_det(m33), TS_FLOAT64, 0, ((int64_t[]){0}), ((double[]){70.0}), 1e-5);
    CHECK("solve", ts_solve(m33, w3d), TS_FLOAT64, 1, ((int64_t[]){3}), ((double[]){0.6, 0.5714285714285713, 0.5142857142857145}), 1e-5);
    CHECK("svd_s", PICK1(ts_svd(m33, false, &U_, &I, &V)), TS_FLOAT64, 1, ((int64_t[]){3}), ((double[]){9.41883267597004, 3.3867701566075494, 2.1943971674224088}), 1e-5);
    CHECK("cholesky", ts_cholesky(m33, false), TS_FLOAT64, 2, ((int64_t[]){3, 3}), ((double[]){2.0, 0.0, 0.0, 0.5, 2.179449471770337, 0.0, 1.0, 1.1470786693528088, 1.9194297398747862}), 1e-5);
    CHECK_ERR("err_mean_int", ts_mean(i23, 0, NULL, false, TS_UNDEF), TS_ERR_RUNTIME, "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Long");
    CHECK_ERR("err_sum_dim", ts_sum(a23, 1, D(2), false, TS_UNDEF), TS_ERR_INDEX, "Dimension out of range (expected to be in range of [-2, 1], but got 2)");
    CHECK_ERR("err_max_empty", ts_max_all(empty0), TS_ERR_RUNTIME, "max(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.");
    CHECK_ERR("err_argmax_empty", ts_argmax(empty0, NULL, false), TS_ERR_INDEX, "argmax(): Expected reduction dim to be specified for input.numel() == 0.");
    CHECK_ERR("err_std_int", ts_std(i23, 0, NULL, 1, false), TS_ERR_RUNTIME, "std and var only support floating point and complex dtypes");
    CHECK_ERR("err_topk", OK1(ts_topk(v3, 5, 0, true, true, &V, &I)), TS_ERR_RUNTIME, "selected index k out of range");
    CHECK_ERR("err_index_oob", IDX(v3, 1, II(5)), TS_ERR_INDEX, "index 5 is out of bounds for dimension 0 with size 3");
    CHECK_ERR("err_too_many", IDX(v3, 2, II(1), II(2)), TS_ERR_INDEX, "too many indices for tensor of dimension 1");
    CHECK_ERR("err_mask_shape", IDX(x10, 1, TI(b2)), TS_ERR_INDEX, "The shape of the mask [3] at index 0 does not match the shape of the indexed tensor [2, 5] at index 0");
    CHECK_ERR("err_tensor_oob", IDX(v3, 1, TI(ix5)), TS_ERR_INDEX, "index 5 is out of bounds for dimension 0 with size 3");
    CHECK_ERR("err_index_0d", IDX(i0, 1, II(0)), TS_ERR_INDEX, "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number");
    CHECK_ERR("err_index_i32", IDX(x10, 2, SL(N_, N_, N_), TI(ix32)), TS_ERR_INDEX, "tensors used as indices must be long, byte or bool tensors");
    CHECK_ERR("err_index_f32", IDX(x10, 1, TI(v3)), TS_ERR_INDEX, "tensors used as indices must be long, byte or bool tensors");
    CHECK_ERR("err_mm", ts_mm(a23, a23), TS_ERR_RUNTIME, "mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)");
    CHECK_ERR("err_mm_dtype", ts_mm(i22, m22f), TS_ERR_RUNTIME, "expected scalar type Long but found Float");
    CHECK_ERR("err_dot_2d", ts_dot(a23, a23), TS_ERR_RUNTIME, "1D tensors expected, but got 2D and 2D tensors");
    CHECK_ERR("err_dot_size", ts_dot(v3, w4), TS_ERR_RUNTIME, "inconsistent tensor size, expected tensor [3] and src [4] to have the same number of elements, but got 3 and 4 elements respectively");
    CHECK_ERR("err_mv", ts_matmul(a23, w4), TS_ERR_RUNTIME, "size mismatch, got 2, 2x3,4");
    CHECK_ERR("err_bmm", ts_bmm(b234, b234), TS_ERR_RUNTIME, "Expected size for first two dimensions of batch2 tensor to be: [2, 4] but got: [2, 3].");
    CHECK_ERR("err_gather_dtype", ts_gather(x10, 1, gidxf), TS_ERR_RUNTIME, "gather(): Expected dtype int64 for index");
    CHECK_ERR("err_inv_singular", ts_inverse(z22), TS_ERR_RUNTIME, "linalg.inv: The diagonal element 1 is zero, the inversion could not be completed because the input matrix is singular.");
    CHECK_ERR("err_put_shape", PUT(x10c, ARGT(v3), 2, TI(ix), SL(N_, N_, N_)), TS_ERR_RUNTIME, "shape mismatch: value tensor of shape [3] cannot be broadcast to indexing result of shape [3, 5]");
    (void)m23;
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
