/* node.c — grad_fn nodes: edges, outputs, saved tensors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "autograd/autograd.h"

static uint64_t next_seq;

uint64_t ag_node_last_seq(void) { return next_seq; }

int ag_node_rename(AgNode *n, const char *name)
{
    char *copy = strdup(name);
    if (!copy) return -1;
    free(n->name);
    n->name = copy;
    return 0;
}

AgNode *ag_node_new(const char *name, int n_next, int n_out)
{
    AgNode *n = calloc(1, sizeof *n);
    if (!n) goto oom;
    n->rc = 1;
    n->seq = ++next_seq;
    n->name = strdup(name);
    n->n_next = n_next;
    n->n_out = n_out;
    n->next = calloc((size_t)(n_next ? n_next : 1), sizeof *n->next);
    n->outs = calloc((size_t)(n_out ? n_out : 1), sizeof *n->outs);
    n->out_meta = calloc((size_t)(n_out ? n_out : 1), sizeof *n->out_meta);
    if (!n->name || !n->next || !n->outs || !n->out_meta) {
        ag_node_release(n);
        goto oom;
    }
    return n;
oom:
    ts_error_oom(sizeof *n);
    return NULL;
}

void ag_node_release_saved(AgNode *n)
{
    for (int i = 0; i < n->n_saved; i++) {
        ts_release(n->saved[i].t);
        ag_meta_release(n->saved[i].m);
        n->saved[i].t = NULL;
        n->saved[i].m = NULL;
    }
    if (n->ctx_release) n->ctx_release(n->ctx);
    n->released = true;
}

/* Frees a chain of nodes iteratively: a 10^5-op chain must not recurse
 * 10^5 frames deep when its last result is dropped. */
void ag_node_release(AgNode *n)
{
    AgNode *pending = NULL; /* linked through ->buf (unused when dead) */
    while (n || pending) {
        if (!n) {
            n = pending;
            pending = (AgNode *)(void *)n->buf;
        }
        if (--n->rc > 0) {
            n = NULL;
            continue;
        }
        for (int i = 0; i < n->n_next; i++) {
            AgNode *c = n->next[i].fn;
            if (c && c->rc == 1) { /* will die: defer instead of recursing */
                c->buf = (AgVar *)(void *)pending;
                pending = c;
            } else if (c) {
                c->rc--;
            }
        }
        if (n->variable) {
            if (n->variable->acc == n) n->variable->acc = NULL;
            ag_meta_release(n->variable);
        }
        ag_node_release_saved(n);
        if (n->ctx_free) n->ctx_free(n->ctx);
        free(n->saved);
        free(n->next);
        free(n->outs);
        free(n->out_meta);
        free(n->name);
        free(n);
        n = NULL;
    }
}

/* A leaf's AccumulateGrad is created on first use and cached weakly. */
static AgNode *accumulator(AgMeta *m)
{
    if (m->acc) {
        ag_node_retain(m->acc);
        return m->acc;
    }
    AgNode *n = ag_node_new("AccumulateGrad", 0, 1);
    if (!n) return NULL;
    ag_meta_retain(m);
    n->variable = m;
    m->acc = n;
    return n;
}

int ag_gradient_edge(AgVar v, AgEdge *out)
{
    *out = (AgEdge){NULL, 0};
    if (!v.m) return 0;
    if (v.m->grad_fn) {
        ag_node_retain(v.m->grad_fn);
        *out = (AgEdge){v.m->grad_fn, v.m->output_nr};
        return 0;
    }
    if (!v.m->requires_grad) return 0;
    out->fn = accumulator(v.m);
    return out->fn ? 0 : -1;
}

int ag_node_set_edge(AgNode *n, int i, AgVar v)
{
    AgEdge e;
    if (ag_gradient_edge(v, &e) < 0) return -1;
    ag_node_release(n->next[i].fn);
    n->next[i] = e;
    return 0;
}

void ag_node_set_output(AgNode *n, int i, AgMeta *m, const TsTensor *t)
{
    AgOutInfo *o = &n->outs[i];
    o->ndim = t->ndim;
    memcpy(o->sizes, t->sizes, sizeof o->sizes);
    o->dtype = t->dtype;
    o->device = t->device;
    if (!m) return;
    ag_node_retain(n);
    /* in place, m leaves its old node: that node must forget it */
    AgNode *old = m->grad_fn;
    if (old && m->output_nr < old->n_out && old->out_meta[m->output_nr] == m)
        old->out_meta[m->output_nr] = NULL;
    ag_node_release(old);
    m->grad_fn = n;
    m->output_nr = i;
    n->out_meta[i] = m;
}

int ag_node_save(AgNode *n, TsTensor *t, AgMeta *m, bool is_output, int nr)
{
    AgSaved *s = realloc(n->saved, (size_t)(n->n_saved + 1) * sizeof *s);
    if (!s) return ts_error_oom(sizeof *s);
    n->saved = s;
    s = &n->saved[n->n_saved];
    *s = (AgSaved){.t = t, .version = t->storage->version, .is_output = is_output,
                   .output_nr = nr};
    ts_retain(t);
    if (!is_output && m) {
        ag_meta_retain(m);
        s->m = m;
        if (m->grad_fn) {
            s->src_name = m->grad_fn->name;
            s->src_nr = m->output_nr;
        }
    }
    n->had_saved = true;
    return n->n_saved++;
}

static int version_error(AgNode *n, const AgSaved *s)
{
    char shape[160];
    size_t len = 0;
    shape[0] = 0;
    for (int d = 0; d < s->t->ndim && len < sizeof shape; d++)
        len += (size_t)snprintf(shape + len, sizeof shape - len, "%s%lld", d ? ", " : "",
                                (long long)s->t->sizes[d]);
    char which[200] = "";
    if (s->is_output)
        snprintf(which, sizeof which, ", which is output %d of %s,", s->output_nr, n->name);
    else if (s->src_name)
        snprintf(which, sizeof which, ", which is output %d of %s,", s->src_nr, s->src_name);
    return ts_error(TS_ERR_RUNTIME,
                    "one of the variables needed for gradient computation has been modified "
                    "by an inplace operation: [%s [%s]]%s is at version %lld; expected version "
                    "%lld instead. " AG_HINT,
                    ts_dtype_legacy(s->t->dtype), shape, which,
                    (long long)s->t->storage->version, (long long)s->version);
}

#define AG_FREED                                                                             \
    "Trying to backward through the graph a second time (or directly access saved tensors " \
    "after they have already been freed). Saved intermediate values of the graph are freed " \
    "when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to " \
    "backward through the graph a second time or if you need to access saved tensors after " \
    "calling backward."

int ag_node_check(const AgNode *n)
{
    return n->released && n->had_saved ? ts_error(TS_ERR_RUNTIME, AG_FREED) : 0;
}

int ag_node_unpack(AgNode *n, int i, AgVar *out)
{
    *out = ag_var_none();
    if (ag_node_check(n) < 0) return -1;
    AgSaved *s = &n->saved[i];
    if (s->t->storage->version != s->version) return version_error(n, s);
    if (!s->is_output) {
        *out = (AgVar){s->t, s->m};
        ag_var_retain(*out);
        return 0;
    }
    /* An output gets a fresh meta naming n as its grad_fn, so derivatives
     * of derivatives (create_graph) flow back through n. */
    AgMeta *m = ag_meta_new();
    if (!m) return -1;
    m->requires_grad = true;
    m->grad_fn = n;
    m->output_nr = s->output_nr;
    ag_node_retain(n);
    ts_retain(s->t);
    *out = (AgVar){s->t, m};
    return 0;
}
