/* alloc.c — checked allocation, object headers and the Ctrl-C flag.
 *
 * Every allocation in the runtime goes through these wrappers so that an
 * out-of-memory condition becomes a Python MemoryError (pre-allocated, see
 * exc.c) instead of a crash.
 */
#include <stdlib.h>
#include <string.h>
#include "value.h"

volatile int rt_interrupted = 0;

void *rt_alloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) rt_nomem();
    return p;
}

void *rt_calloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) rt_nomem();
    return p;
}

/* On failure the old block stays valid (like realloc) and is not freed. */
void *rt_realloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) rt_nomem();
    return q;
}

void *obj_alloc(Type *t, size_t size)
{
    Obj *o = malloc(size);
    if (!o) {
        rt_nomem();
        return NULL;
    }
    o->rc = 1;
    o->type = t;
    return o;
}

/* The last reference went away: the type releases what the object owns
 * and frees it.  A type without dealloc owns nothing but its block. */
void obj_free(Obj *o)
{
    Type *t = o->type;
    if (t && t->dealloc)
        t->dealloc(o);
    else
        free(o);
}

/* Polled by the VM on backward jumps and calls and by long kernels: the
 * SIGINT handler only sets the flag, the exception is raised here where
 * it is safe to allocate. */
bool rt_check_interrupt(void)
{
    if (!rt_interrupted) return true;
    rt_interrupted = 0;
    rt_raise(&exc_KeyboardInterrupt, NULL);
    return false;
}
