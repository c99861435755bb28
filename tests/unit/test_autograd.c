/* test_autograd.c — engine-level tests of src/autograd (no interpreter).
 *
 * Graphs are built by hand with C derivative callbacks over the tensor
 * library: square (2 x g, saving x), scale by a constant (no saved
 * tensors), exp (saving its output).  Checked: dependency-ordered
 * execution and gradient summing (a diamond), accumulation into .grad
 * across backward calls, retain_graph and the "second time" error, the
 * version-counter error text, hooks (observe and replace), capture mode
 * (autograd.grad) with allow_unused, and that dropping the last meta
 * frees a long chain without recursion, and that an in-place rebind of
 * a tensor to a new node leaves no dangling pointer in the old one.
 * Final line: "N passed, M failed"; exit status 1 on any failure.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "autograd/autograd.h"

static int passed, failed;

#define CHECK(cond, what)                                             \
    do {                                                              \
        if (cond) passed++;                                           \
        else {                                                        \
            failed++;                                                 \
            printf("FAIL %s (line %d)\n", what, __LINE__);            \
        }                                                             \
    } while (0)

static TsTensor *vec(double a, double b)
{
    double d[2] = {a, b};
    int64_t n = 2;
    return ts_from_buffer(d, TS_FLOAT64, 1, &n, TS_FLOAT64, TS_CPU);
}

static double at(TsTensor *t, int64_t i) { return ts_get_f64(t, &i); }

/* ---- derivative callbacks ---- */

static int sq_apply(AgNode *n, AgVar *g, AgVar *out, void *ctx)
{
    (void)ctx;
    AgVar x;
    if (ag_node_unpack(n, 0, &x) < 0) return -1;
    TsTensor *two_x = ts_binary(TS_OP_MUL, ts_arg(x.t), ts_arg_s(ts_scalar_f(2)), NULL);
    out[0].t = ts_binary(TS_OP_MUL, ts_arg(two_x), ts_arg(g[0].t), NULL);
    ts_release(two_x);
    ag_var_release(x);
    return out[0].t ? 0 : -1;
}

static int scale_apply(AgNode *n, AgVar *g, AgVar *out, void *ctx)
{
    (void)n;
    out[0].t = ts_binary(TS_OP_MUL, ts_arg(g[0].t), ts_arg_s(ts_scalar_f(*(double *)ctx)), NULL);
    return 0;
}

static int add_apply(AgNode *n, AgVar *g, AgVar *out, void *ctx)
{
    (void)n;
    (void)ctx;
    out[0] = out[1] = (AgVar){g[0].t, NULL};
    ts_retain(g[0].t);
    ts_retain(g[0].t);
    return 0;
}

static int exp_apply(AgNode *n, AgVar *g, AgVar *out, void *ctx)
{
    (void)ctx;
    AgVar r;
    if (ag_node_unpack(n, 0, &r) < 0) return -1;
    out[0].t = ts_binary(TS_OP_MUL, ts_arg(r.t), ts_arg(g[0].t), NULL);
    ag_var_release(r);
    return 0;
}

/* ---- building results ---- */

static AgMeta *leaf(void)
{
    AgMeta *m = ag_meta_new();
    m->requires_grad = true;
    return m;
}

/* y = op(x): a node with one edge and one output; returns y's var. */
static AgVar unary(const char *name, AgApplyFn fn, void *ctx, AgVar x, TsTensor *yt, int save)
{
    AgNode *n = ag_node_new(name, 1, 1);
    ag_node_set_edge(n, 0, x);
    n->apply = fn;
    n->ctx = ctx;
    AgMeta *m = ag_meta_new();
    ag_node_set_output(n, 0, m, yt);
    if (save == 1) ag_node_save(n, x.t, x.m, false, 0);
    if (save == 2) ag_node_save(n, yt, NULL, true, 0);
    ag_node_release(n);
    return (AgVar){yt, m};
}

static int backward1(AgVar root, TsTensor *g, bool keep)
{
    AgVar gv = {g, NULL};
    AgRun run = {1, &root, &gv, keep, false, 0, NULL, NULL, false};
    return ag_backward(&run);
}

/* ---- tests ---- */

static double two = 2.0, three = 3.0;

/* z = 2*(x^2) + 3*(x^2): dz/dx = 10 x, through a shared node */
static void test_diamond(void)
{
    AgVar x = {vec(1, 2), leaf()};
    AgVar y = unary("SqBackward", sq_apply, NULL, x, ts_binary(TS_OP_MUL, ts_arg(x.t), ts_arg(x.t), NULL), 1);
    AgVar a = unary("ScaleBackward", scale_apply, &two, y, ts_binary(TS_OP_MUL, ts_arg(y.t), ts_arg_s(ts_scalar_f(2)), NULL), 0);
    AgVar b = unary("ScaleBackward", scale_apply, &three, y, ts_binary(TS_OP_MUL, ts_arg(y.t), ts_arg_s(ts_scalar_f(3)), NULL), 0);
    AgNode *add = ag_node_new("AddBackward0", 2, 1); /* z = a + b: identity to both */
    ag_node_set_edge(add, 0, a);
    ag_node_set_edge(add, 1, b);
    add->apply = add_apply;
    AgMeta *zm = ag_meta_new();
    TsTensor *zt = ts_binary(TS_OP_ADD, ts_arg(a.t), ts_arg(b.t), NULL);
    ag_node_set_output(add, 0, zm, zt);
    ag_node_release(add);
    AgVar z = {zt, zm};
    TsTensor *ones = ts_ones_like(zt, TS_UNDEF);
    CHECK(backward1(z, ones, true) == 0, "diamond backward");
    /* both branches meet at y: (2 + 3) * 2x = 10x */
    CHECK(x.m->grad.t && fabs(at(x.m->grad.t, 0) - 10) < 1e-12 && fabs(at(x.m->grad.t, 1) - 20) < 1e-12,
          "diamond: gradients summed where branches meet");
    CHECK(backward1(z, ones, true) == 0 && fabs(at(x.m->grad.t, 1) - 40) < 1e-12,
          "gradient accumulates across backward calls");
    CHECK(backward1(a, ones, false) == 0, "backward without retain_graph");
    CHECK(backward1(a, ones, false) < 0 && strstr(ts_error_msg(), "second time") != NULL,
          "second backward through freed saved tensors fails");
    ts_release(ones);
    ag_var_release(z);
    ag_var_release(a);
    ag_var_release(b);
    ag_var_release(y);
    ag_var_release(x);
}

static void test_version(void)
{
    AgVar x = {vec(0, 1), leaf()};
    AgVar y = unary("ExpBackward0", exp_apply, NULL, x, ts_unary(TS_OP_EXP, x.t, NULL), 2);
    TsTensor *r = ts_binary(TS_OP_ADD, ts_arg(y.t), ts_arg_s(ts_scalar_f(1)), y.t);
    ts_release(r); /* the kernel bumped y's version */
    TsTensor *ones = ts_ones_like(y.t, TS_UNDEF);
    CHECK(backward1(y, ones, false) < 0, "in-place change of a saved output fails");
    CHECK(!strcmp(ts_error_msg(),
                  "one of the variables needed for gradient computation has been modified by an "
                  "inplace operation: [torch.DoubleTensor [2]], which is output 0 of ExpBackward0, "
                  "is at version 1; expected version 0 instead. " AG_HINT),
          "version error text");
    ts_release(ones);
    ag_var_release(y);
    ag_var_release(x);
}

static int seen;
static int observe(void *ctx, AgVar g, AgVar *out)
{
    (void)ctx;
    (void)out;
    seen += (int)at(g.t, 0);
    return 0;
}
static int halve(void *ctx, AgVar g, AgVar *out)
{
    (void)ctx;
    out->t = ts_binary(TS_OP_MUL, ts_arg(g.t), ts_arg_s(ts_scalar_f(0.5)), NULL);
    return 0;
}

static void test_hooks_and_capture(void)
{
    AgVar x = {vec(3, 4), leaf()};
    AgVar y = unary("ScaleBackward", scale_apply, &two, x, ts_binary(TS_OP_MUL, ts_arg(x.t), ts_arg_s(ts_scalar_f(2)), NULL), 0);
    int64_t id = ag_hook_add(y.m, observe, NULL, NULL);
    ag_hook_add(x.m, halve, NULL, NULL);
    TsTensor *ones = ts_ones_like(y.t, TS_UNDEF);
    CHECK(backward1(y, ones, true) == 0 && seen == 1, "hook on a non-leaf sees its gradient");
    CHECK(fabs(at(x.m->grad.t, 0) - 1.0) < 1e-12, "leaf hook replaces the gradient before accumulation");
    ag_hook_remove(y.m, id);
    AgVar cap[2] = {{NULL, NULL}, {NULL, NULL}};
    AgVar other = {vec(0, 0), leaf()};
    AgVar inputs[2] = {x, other};
    AgVar gv = {ones, NULL};
    AgRun run = {1, &y, &gv, true, false, 2, inputs, cap, false};
    CHECK(ag_backward(&run) < 0 && strstr(ts_error_msg(), "allow_unused=True"), "unused input error");
    run.allow_unused = true;
    CHECK(ag_backward(&run) == 0 && cap[0].t && !cap[1].t && seen == 1, "capture with allow_unused");
    CHECK(fabs(at(x.m->grad.t, 0) - 1.0) < 1e-12, "capture leaves .grad alone");
    ag_var_release(cap[0]);
    ts_release(ones);
    ag_var_release(other);
    ag_var_release(y);
    ag_var_release(x);
}

/* A 200000-node chain: dropping its end frees it iteratively. */
static void test_long_chain(void)
{
    AgVar x = {vec(1, 1), leaf()};
    AgVar cur = x;
    ag_var_retain(cur);
    for (int i = 0; i < 200000; i++) {
        ts_retain(cur.t);
        AgVar next = unary("ScaleBackward", scale_apply, &two, cur, cur.t, 0);
        ag_var_release(cur);
        cur = next;
    }
    AgMeta *xm = x.m;
    CHECK(xm->acc != NULL, "leaf has its AccumulateGrad while the chain lives");
    ag_var_release(cur);
    CHECK(xm->acc == NULL, "dropping the chain frees every node");
    ag_var_release(x);
}

/* In place, a tensor's meta moves to a new node; the old node must drop
 * its weak pointer to it (or it would run that tensor's hooks, and point
 * at freed memory once the tensor dies). */
static void test_inplace_rebind(void)
{
    AgVar x = {vec(1, 2), leaf()};
    AgVar y = unary("ScaleBackward", scale_apply, &two, x, ts_binary(TS_OP_MUL, ts_arg(x.t), ts_arg_s(ts_scalar_f(2)), NULL), 0);
    AgNode *old = y.m->grad_fn;
    ag_node_retain(old);
    AgNode *n = ag_node_new("MulBackward0", 1, 1);
    ag_node_set_edge(n, 0, y);
    n->apply = scale_apply;
    n->ctx = &three;
    ag_node_set_output(n, 0, y.m, y.t);
    ag_node_release(n);
    CHECK(old->out_meta[0] == NULL && y.m->grad_fn == n, "old node forgets a rebound output");
    TsTensor *ones = ts_ones_like(y.t, TS_UNDEF);
    CHECK(backward1(y, ones, false) == 0 && fabs(at(x.m->grad.t, 0) - 6) < 1e-12,
          "gradient flows through the new node into the old history");
    ts_release(ones);
    ag_var_release(y);
    ag_node_release(old);
    ag_var_release(x);
}

int main(void)
{
    test_inplace_rebind();
    test_diamond();
    test_version();
    test_hooks_and_capture();
    test_long_chain();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
