/* engine.c — runs a backward pass over the graph.
 *
 * Three steps, as PyTorch's engine: discover every node reachable from
 * the roots and count, for each, how many edges point at it; mark the
 * nodes that lead to what the caller wants (every leaf, or the given
 * inputs); then execute in dependency order — a node runs once all its
 * producers have delivered, the most recently created ready node first —
 * summing the gradients that arrive at each input slot.
 */
#include <stdlib.h>
#include <string.h>

#include "autograd/autograd.h"

AgOps ag_ops;
static uint64_t task_counter;

typedef struct NodeVec {
    AgNode **v;
    int n, cap;
} NodeVec;

static int vec_push(NodeVec *s, AgNode *n)
{
    if (s->n == s->cap) {
        int cap = s->cap ? 2 * s->cap : 64;
        AgNode **v = realloc(s->v, (size_t)cap * sizeof *v);
        if (!v) return ts_error_oom((size_t)cap * sizeof *v);
        s->v = v;
        s->cap = cap;
    }
    s->v[s->n++] = n;
    return 0;
}

/* ---- the ready queue: a max-heap on creation order ---- */

static int heap_push(NodeVec *h, AgNode *n)
{
    if (vec_push(h, n) < 0) return -1;
    for (int i = h->n - 1; i > 0;) {
        int p = (i - 1) / 2;
        if (h->v[p]->seq >= h->v[i]->seq) break;
        AgNode *t = h->v[p];
        h->v[p] = h->v[i];
        h->v[i] = t;
        i = p;
    }
    return 0;
}

static AgNode *heap_pop(NodeVec *h)
{
    AgNode *top = h->v[0];
    h->v[0] = h->v[--h->n];
    for (int i = 0;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        if (l < h->n && h->v[l]->seq > h->v[m]->seq) m = l;
        if (r < h->n && h->v[r]->seq > h->v[m]->seq) m = r;
        if (m == i) break;
        AgNode *t = h->v[m];
        h->v[m] = h->v[i];
        h->v[i] = t;
        i = m;
    }
    return top;
}

/* ---- gradient arithmetic ---- */

/* *slot += g, taking the reference to g. */
static int add_into(AgVar *slot, AgVar g)
{
    if (!g.t) return 0;
    if (!slot->t) {
        *slot = g;
        return 0;
    }
    AgVar sum = ag_var_none();
    int rc;
    if (ag_ops.add) {
        rc = ag_ops.add(*slot, g, &sum);
    } else {
        sum.t = ts_binary(TS_OP_ADD, ts_arg(slot->t), ts_arg(g.t), NULL);
        rc = sum.t ? 0 : -1;
    }
    ag_var_release(g);
    if (rc < 0) return -1;
    ag_var_release(*slot);
    *slot = sum;
    return 0;
}

/* Stores g into m's .grad, summing with what is there: in place when no
 * graph is being built (as PyTorch's AccumulateGrad), out of place when
 * it is (the sum must be differentiable).  g is borrowed. */
static int accumulate_grad(AgMeta *m, AgVar g, bool create_graph)
{
    if (!g.t) return 0;
    if (!m->grad.t) {
        if (create_graph) {
            ag_var_retain(g);
            ag_meta_set_grad(m, g);
            return 0;
        }
        /* A contiguous gradient tensor nobody else holds becomes .grad as
         * it is (PyTorch steals it too, views of other storage included);
         * one the user still holds, or an expanded one, is copied. */
        if (!g.m && g.t->rc == 1 && ts_is_contiguous(g.t)) {
            ts_retain(g.t);
            ag_meta_set_grad(m, (AgVar){g.t, NULL});
            return 0;
        }
        TsTensor *c = ts_clone(g.t);
        if (!c) return -1;
        ag_meta_set_grad(m, (AgVar){c, NULL});
        return 0;
    }
    if (!create_graph && !ag_requires_grad(m->grad.m)) {
        TsTensor *r = ts_binary(TS_OP_ADD, ts_arg(m->grad.t), ts_arg(g.t), m->grad.t);
        if (!r) return -1;
        ts_release(r);
        ts_bump_version(m->grad.t);
        return 0;
    }
    AgVar cur = m->grad;
    ag_var_retain(cur);
    ag_var_retain(g);
    if (add_into(&cur, g) < 0) {
        ag_var_release(cur);
        return -1;
    }
    ag_meta_set_grad(m, cur);
    return 0;
}

/* Runs m's tensor hooks over *g in order; a hook may replace it. */
static int run_hooks(AgMeta *m, AgVar *g)
{
    for (AgHook *h = m->hooks; h && g->t;) {
        AgHook *next = h->next;
        AgVar r = ag_var_none();
        if (h->fn(h->ctx, *g, &r) < 0) return -1;
        if (r.t) {
            ag_var_release(*g);
            *g = r;
        }
        h = next;
    }
    return 0;
}

/* ---- discovery ---- */

static int init_node(AgNode *n, uint64_t task, NodeVec *all, NodeVec *stack)
{
    n->task = task;
    n->deps = 0;
    n->needed = false;
    n->buf = calloc((size_t)(n->n_out ? n->n_out : 1), sizeof *n->buf);
    if (!n->buf) return ts_error_oom(sizeof *n->buf);
    ag_node_retain(n); /* kept alive for the whole run */
    if (vec_push(all, n) < 0) {
        ag_node_release(n);
        free(n->buf);
        n->buf = NULL;
        return -1;
    }
    return vec_push(stack, n);
}

static int discover(AgNode *root, uint64_t task, NodeVec *all, NodeVec *stack)
{
    if (root->task == task) return 0;
    if (init_node(root, task, all, stack) < 0) return -1;
    while (stack->n) {
        AgNode *n = stack->v[--stack->n];
        for (int i = 0; i < n->n_next; i++) {
            AgNode *c = n->next[i].fn;
            if (!c) continue;
            if (c->task != task && init_node(c, task, all, stack) < 0) return -1;
            c->deps++;
        }
    }
    return 0;
}

/* A node is needed when it is a target or leads to one; iterated to a
 * fixpoint (discovery order makes one or two passes enough). */
static void mark_needed(NodeVec *all)
{
    for (bool changed = true; changed;) {
        changed = false;
        for (int k = all->n - 1; k >= 0; k--) {
            AgNode *n = all->v[k];
            if (n->needed) continue;
            for (int i = 0; i < n->n_next; i++) {
                if (n->next[i].fn && n->next[i].fn->needed) {
                    n->needed = changed = true;
                    break;
                }
            }
        }
    }
}

/* ---- execution ---- */

typedef struct Task {
    const AgRun *run;
    uint64_t id;
    AgEdge *in_edges; /* per input */
    NodeVec all, heap;
} Task;

static bool is_target(const Task *tk, const AgNode *n)
{
    for (int k = 0; k < tk->run->n_inputs; k++)
        if (tk->in_edges[k].fn == n) return true;
    return false;
}

/* Hooks, retain_grad and captures on the gradients arriving at n. */
static int pre_apply(Task *tk, AgNode *n)
{
    const AgRun *r = tk->run;
    for (int i = 0; i < n->n_out; i++) {
        AgMeta *m = n->variable ? n->variable : n->out_meta[i];
        if (!m || !n->buf[i].t) continue;
        if (run_hooks(m, &n->buf[i]) < 0) return -1;
        if (!n->variable && m->retains_grad &&
            accumulate_grad(m, n->buf[i], r->create_graph) < 0)
            return -1;
    }
    for (int k = 0; k < r->n_inputs; k++) {
        AgEdge e = tk->in_edges[k];
        if (e.fn != n) continue;
        AgVar g = n->buf[e.nr];
        if (r->capture) {
            AgVar c = {g.t, r->create_graph ? g.m : NULL};
            ag_var_retain(c);
            ag_var_release(r->capture[k]);
            r->capture[k] = c;
        } else if (!n->variable && accumulate_grad(r->inputs[k].m, g, r->create_graph) < 0) {
            return -1;
        }
    }
    return 0;
}

/* Calls n's derivative and routes its results to the next nodes. */
static int apply_node(Task *tk, AgNode *n)
{
    const AgRun *r = tk->run;
    bool any = false;
    for (int i = 0; i < n->n_out; i++) any |= n->buf[i].t != NULL;
    if (!any) return 0;
    if (n->variable) {
        if (r->capture || (r->inputs && !is_target(tk, n))) return 0;
        return accumulate_grad(n->variable, n->buf[0], r->create_graph);
    }
    if (!n->apply) return 0;
    AgVar *out = calloc((size_t)(n->n_next ? n->n_next : 1), sizeof *out);
    if (!out) return ts_error_oom(sizeof *out);
    int rc = n->apply(n, n->buf, out, n->ctx);
    for (int i = 0; i < n->n_next; i++) {
        AgNode *c = n->next[i].fn;
        if (rc == 0 && c && c->needed && out[i].t) {
            rc = add_into(&c->buf[n->next[i].nr], out[i]);
            out[i] = ag_var_none();
        }
        ag_var_release(out[i]);
    }
    free(out);
    if (rc == 0 && !r->keep_graph) ag_node_release_saved(n);
    return rc;
}

static int execute(Task *tk)
{
    for (int k = 0; k < tk->all.n; k++)
        if (tk->all.v[k]->deps == 0 && heap_push(&tk->heap, tk->all.v[k]) < 0) return -1;
    while (tk->heap.n) {
        AgNode *n = heap_pop(&tk->heap);
        if (n->needed && (pre_apply(tk, n) < 0 || apply_node(tk, n) < 0)) return -1;
        for (int i = 0; i < n->n_out; i++) {
            ag_var_release(n->buf[i]);
            n->buf[i] = ag_var_none();
        }
        for (int i = 0; i < n->n_next; i++) {
            AgNode *c = n->next[i].fn;
            if (c && --c->deps == 0 && heap_push(&tk->heap, c) < 0) return -1;
        }
    }
    return 0;
}

#define AG_UNUSED                                                                     \
    "One of the differentiated Tensors appears to not have been used in the graph. " \
    "Set allow_unused=True if this is the desired behavior."

/* Resolves the inputs' edges and marks what must run. */
static int plan(Task *tk)
{
    const AgRun *r = tk->run;
    for (int k = 0; k < tk->all.n; k++) tk->all.v[k]->needed = r->inputs == NULL;
    if (!r->inputs) return 0;
    for (int k = 0; k < r->n_inputs; k++) {
        if (ag_gradient_edge(r->inputs[k], &tk->in_edges[k]) < 0) return -1;
        AgNode *fn = tk->in_edges[k].fn;
        if (fn && fn->task == tk->id) {
            fn->needed = true;
        } else if (r->capture && !r->allow_unused) {
            return ts_error(TS_ERR_RUNTIME, AG_UNUSED);
        }
    }
    mark_needed(&tk->all);
    return 0;
}

static int seed_roots(Task *tk)
{
    const AgRun *r = tk->run;
    for (int i = 0; i < r->n_roots; i++) {
        AgEdge e;
        if (ag_gradient_edge(r->roots[i], &e) < 0) return -1;
        if (!e.fn) continue;
        int rc = discover(e.fn, tk->id, &tk->all, &tk->heap);
        AgVar g = r->grads[i];
        ag_var_retain(g);
        if (rc == 0) rc = add_into(&e.fn->buf[e.nr], g);
        else ag_var_release(g);
        ag_node_release(e.fn);
        if (rc < 0) return -1;
    }
    tk->heap.n = 0; /* discovery's stack shares the heap's storage */
    return 0;
}

static void finish(Task *tk)
{
    for (int k = 0; k < tk->all.n; k++) {
        AgNode *n = tk->all.v[k];
        for (int i = 0; i < n->n_out && n->buf; i++) ag_var_release(n->buf[i]);
        free(n->buf);
        n->buf = NULL;
        n->task = 0;
    }
    for (int k = 0; k < tk->all.n; k++) ag_node_release(tk->all.v[k]);
    for (int k = 0; k < tk->run->n_inputs; k++) ag_node_release(tk->in_edges[k].fn);
    free(tk->in_edges);
    free(tk->all.v);
    free(tk->heap.v);
}

int ag_backward(const AgRun *run)
{
    Task tk = {.run = run, .id = ++task_counter};
    tk.in_edges = calloc((size_t)(run->n_inputs ? run->n_inputs : 1), sizeof *tk.in_edges);
    if (!tk.in_edges) return ts_error_oom(sizeof *tk.in_edges);
    bool mode = ag_ops.get_grad_mode ? ag_ops.get_grad_mode() : ag_grad_enabled();
    ag_set_grad_enabled(run->create_graph);
    if (ag_ops.grad_mode) ag_ops.grad_mode(run->create_graph);
    int rc = seed_roots(&tk);
    if (rc == 0) rc = plan(&tk);
    if (rc == 0) rc = execute(&tk);
    ag_set_grad_enabled(mode);
    if (ag_ops.grad_mode) ag_ops.grad_mode(mode);
    finish(&tk);
    return rc;
}
