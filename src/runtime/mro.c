/* mro.c — C3 linearization for classes with several bases, and the
 * MRO-walking helpers behind __mro__, __bases__ and super().
 *
 * Classes with a single line of ancestry keep t->mro NULL and walk their
 * base chain (the fast path of every lookup); see mro.h.
 */
#include <stdlib.h>
#include <string.h>
#include "mro.h"
#include "vm_internal.h"

/* One sequence to merge: types[head..n) still to place. */
typedef struct Seq { Type **types; int64_t n, head; } Seq;

static int64_t chain_len(Type *t)
{
    int64_t n = 0;
    for (MroIter it = mro_iter(t); it.t; mro_step(&it)) n++;
    return n;
}

static bool in_tail(Seq *s, Type *c)
{
    for (int64_t i = s->head + 1; i < s->n; i++)
        if (s->types[i] == c) return true;
    return false;
}

/* CPython's message: the heads still unmerged, each named once. */
static Value mro_error(Seq *seqs, int nseq)
{
    char buf[512] = "";
    size_t len = 0;
    Type *seen[64];
    int nseen = 0;
    for (int i = 0; i < nseq; i++) {
        if (seqs[i].head >= seqs[i].n) continue;
        Type *c = seqs[i].types[seqs[i].head];
        bool dup = false;
        for (int j = 0; j < nseen; j++) dup |= seen[j] == c;
        if (dup || nseen == 64) continue;
        seen[nseen++] = c;
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", nseen > 1 ? ", " : "", c->name);
        if (len >= sizeof buf) len = sizeof buf - 1;
    }
    return rt_raise(&exc_TypeError, "Cannot create a consistent method resolution\norder (MRO) for bases %s", buf);
}

/* Merges the sequences into out (C3); false when no consistent order. */
static bool merge(Seq *seqs, int nseq, Type **out, int64_t *nout)
{
    for (;;) {
        Type *pick = NULL;
        bool left = false;
        for (int i = 0; i < nseq && !pick; i++) {
            if (seqs[i].head >= seqs[i].n) continue;
            left = true;
            Type *c = seqs[i].types[seqs[i].head];
            bool ok = true;
            for (int j = 0; j < nseq && ok; j++) ok = !in_tail(&seqs[j], c);
            if (ok) pick = c;
        }
        if (!left) return true;
        if (!pick) return false;
        out[(*nout)++] = pick;
        for (int i = 0; i < nseq; i++)
            if (seqs[i].head < seqs[i].n && seqs[i].types[seqs[i].head] == pick) seqs[i].head++;
    }
}

Value mro_compute(Type *t, Value bases)
{
    (void)t;
    Tuple *b = (Tuple *)bases.o;
    int nseq = (int)b->len + 1;
    int64_t total = b->len;
    for (int64_t i = 0; i < b->len; i++) total += chain_len((Type *)b->items[i].o);
    Seq *seqs = rt_alloc(sizeof(Seq) * (size_t)nseq);
    Type **pool = rt_alloc(sizeof(Type *) * (size_t)(total * 2 + 1));
    if (!seqs || !pool) {
        free(seqs);
        free(pool);
        return V_ERR;
    }
    Type **p = pool;
    for (int64_t i = 0; i < b->len; i++) {
        Type *base = (Type *)b->items[i].o;
        seqs[i] = (Seq){p, 0, 0};
        for (MroIter it = mro_iter(base); it.t; mro_step(&it)) p[seqs[i].n++] = it.t;
        p += seqs[i].n;
    }
    seqs[b->len] = (Seq){p, b->len, 0};
    for (int64_t i = 0; i < b->len; i++) p[i] = (Type *)b->items[i].o;
    p += b->len;
    int64_t n = 0;
    Value r;
    if (!merge(seqs, nseq, p, &n)) r = mro_error(seqs, nseq);
    else {
        r = tuple_new(n);
        if (!IS_ERR(r))
            for (int64_t i = 0; i < n; i++) {
                obj_incref(&p[i]->hdr);
                ((Tuple *)r.o)->items[i] = v_obj(p[i]);
            }
    }
    free(seqs);
    free(pool);
    return r;
}

Value mro_tuple(Type *t)
{
    Value r = tuple_new(chain_len(t));
    if (IS_ERR(r)) return r;
    int64_t i = 0;
    for (MroIter it = mro_iter(t); it.t; mro_step(&it)) {
        obj_incref(&it.t->hdr);
        ((Tuple *)r.o)->items[i++] = v_obj(it.t);
    }
    return r;
}

Value mro_bases(Type *t)
{
    if (t->bases) return v_incref(v_obj(t->bases));
    if (!t->base) return tuple_new(0);
    return tuple_pack(1, v_obj(t->base));
}

Value mro_lookup_after(Type *objt, Type *after, Obj *name)
{
    MroIter it = mro_iter(objt);
    if (after) {
        while (it.t && it.t != after) mro_step(&it);
        if (!it.t) return type_lookup(after->base, name);
        mro_step(&it);
    }
    for (; it.t; mro_step(&it)) {
        if (!it.t->dict) continue;
        Value v = dict_get(v_obj(it.t->dict), v_obj(name));
        if (!IS_UNBOUND(v)) return v;
    }
    return V_UNBOUND;
}
