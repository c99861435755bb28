/* mro.h — method resolution order of classes with several bases (mro.c).
 *
 * A Type's MRO is itself followed by t->mro's items when t->mro is set
 * (classes with multiple inheritance somewhere in their ancestry; the
 * tuple leaves t out so a class does not own itself), else its base
 * chain.  MroIter walks either form:
 *     for (MroIter it = mro_iter(t); it.t; mro_step(&it)) ... it.t ...
 */
#ifndef TSC_MRO_H
#define TSC_MRO_H
#include "objects.h"

typedef struct MroIter { Type *t; Tuple *rest; int64_t i; } MroIter;

static inline MroIter mro_iter(Type *t)
{
    MroIter it = {t, t && t->mro ? (Tuple *)t->mro : NULL, 0};
    return it;
}

static inline void mro_step(MroIter *it)
{
    if (!it->rest) it->t = it->t->base;
    else it->t = it->i < it->rest->len ? (Type *)it->rest->items[it->i++].o : NULL;
}

/* The C3 linearization of a new class t with the given bases (a Tuple of
 * types): a Tuple of t's MRO without t, or V_ERR with CPython's TypeError. */
Value mro_compute(Type *t, Value bases);
/* __mro__ of t (a new Tuple, t first). */
Value mro_tuple(Type *t);
/* __bases__ of t (a new Tuple). */
Value mro_bases(Type *t);
/* Looks name up in the classes after `after` in objt's MRO (super()); in
 * all of it when after is NULL.  Borrowed; UNBOUND if absent. */
Value mro_lookup_after(Type *objt, Type *after, Obj *name);

#endif
