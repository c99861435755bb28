/* meta.c — per-tensor autograd metadata, AgVar helpers and grad mode. */
#include <stdlib.h>

#include "autograd/autograd.h"

static _Thread_local bool grad_off; /* stored inverted: on by default */

bool ag_grad_enabled(void) { return !grad_off; }
void ag_set_grad_enabled(bool on) { grad_off = !on; }

void ag_var_retain(AgVar v)
{
    if (v.t) ts_retain(v.t);
    ag_meta_retain(v.m);
}

void ag_var_release(AgVar v)
{
    ts_release(v.t);
    ag_meta_release(v.m);
}

AgMeta *ag_meta_new(void)
{
    AgMeta *m = calloc(1, sizeof *m);
    if (!m) {
        ts_error_oom(sizeof *m);
        return NULL;
    }
    m->rc = 1;
    return m;
}

static void free_hooks(AgHook *h)
{
    while (h) {
        AgHook *next = h->next;
        if (h->release) h->release(h->ctx);
        free(h);
        h = next;
    }
}

/* A dying output meta clears its node's weak back pointer; a dying leaf
 * needs nothing: its AccumulateGrad owns it, so none is alive. */
void ag_meta_release(AgMeta *m)
{
    if (!m || --m->rc > 0) return;
    if (m->grad_fn && m->grad_fn->out_meta && m->output_nr < m->grad_fn->n_out &&
        m->grad_fn->out_meta[m->output_nr] == m)
        m->grad_fn->out_meta[m->output_nr] = NULL;
    ag_var_release(m->grad);
    free_hooks(m->hooks);
    ag_meta_release(m->base);
    free(m->base_geom);
    ag_node_release(m->grad_fn);
    free(m);
}

void ag_meta_set_grad(AgMeta *m, AgVar g)
{
    AgVar old = m->grad;
    m->grad = g;
    ag_var_release(old);
}

int64_t ag_hook_add(AgMeta *m, AgHookFn fn, void *ctx, void (*release)(void *))
{
    static int64_t next_id;
    AgHook *h = calloc(1, sizeof *h);
    if (!h) return ts_error_oom(sizeof *h);
    *h = (AgHook){NULL, ++next_id, fn, ctx, release};
    AgHook **p = &m->hooks; /* appended: hooks run in registration order */
    while (*p) p = &(*p)->next;
    *p = h;
    return h->id;
}

void ag_hook_remove(AgMeta *m, int64_t id)
{
    for (AgHook **p = &m->hooks; *p; p = &(*p)->next) {
        if ((*p)->id == id) {
            AgHook *h = *p;
            *p = h->next;
            h->next = NULL;
            free_hooks(h);
            return;
        }
    }
}
