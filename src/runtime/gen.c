/* gen.c — generator objects.
 *
 * Calling a generator function binds the arguments into a frame whose
 * slots and stack live in memory the generator owns, and returns the
 * generator without running anything.  next() resumes the frame with
 * vm_exec until it yields (the value is returned) or returns (the
 * generator is exhausted: V_UNBOUND, the iterator protocol's "done").
 *
 * As in CPython, a generator suspended inside an except block keeps the
 * exception it handles: resuming makes it vm_handled again (sys.exc_info,
 * bare raise) and yielding hands the caller's back.
 */
#include <stdlib.h>
#include <string.h>
#include "objects.h"
#include "vm_internal.h"

Value gen_new(FuncObj *f, Value *args, int nargs, KwArgs *kw)
{
    Code *co = f->code;
    int nslots = code_nslots(co);
    Value *mem = rt_alloc(sizeof(Value) * (size_t)(nslots + co->stacksize + 1));
    if (!mem) return V_ERR;
    for (int i = 0; i < nslots; i++) mem[i] = V_UNBOUND;
    bool ok = func_bind(f, mem, args, nargs, kw);
    for (int i = 0; ok && i < co->ncells; i++) {
        Value c = cell_new(V_UNBOUND);
        if (IS_ERR(c)) ok = false;
        else mem[co->nlocals + i] = c;
    }
    for (int i = 0; ok && i < co->nfree; i++)
        mem[co->nlocals + co->ncells + i] = v_incref(((Tuple *)f->closure.o)->items[i]);
    GenObj *g = ok ? obj_alloc(&gen_type, sizeof(GenObj)) : NULL;
    if (!g) {
        for (int i = 0; i < nslots; i++) v_decref(mem[i]);
        free(mem);
        return V_ERR;
    }
    memset(&g->frame, 0, sizeof g->frame);
    g->frame.code = co;
    g->frame.func = f;
    g->frame.globals = f->globals;
    g->frame.ns = V_NONE;
    g->frame.pc = co->code;
    g->frame.slots = mem;
    g->frame.sp = mem + nslots;
    g->frame.heap = true;
    g->mem = mem;
    g->func = f;
    obj_incref(&f->hdr);
    g->handled = V_NONE;
    g->running = g->finished = false;
    return v_obj(g);
}

static Value gen_resume(GenObj *g, Value sent)
{
    if (g->finished) return V_UNBOUND;
    if (g->running) return rt_raise(&exc_ValueError, "generator already executing");
    bool started = g->frame.pc != g->frame.code->code;
    if (!started && !IS_NONE(sent))
        return rt_raise(&exc_TypeError, "can't send non-None value to a just-started generator");
    if (!vm_enter_call()) return V_ERR;
    if (started) *g->frame.sp++ = v_incref(sent);
    g->running = true;
    Value outer = vm_handled;   /* the caller's, restored below */
    vm_handled = IS_NONE(g->handled) ? v_incref(outer) : g->handled;
    g->handled = V_NONE;
    bool yielded;
    Value r = vm_exec(&g->frame, &yielded);
    Value inner = vm_handled;
    vm_handled = outer;
    if (yielded && !v_is(inner, outer)) g->handled = inner;
    else v_decref(inner);
    g->running = false;
    vm_leave_call();
    if (yielded) return r;
    g->finished = true;
    vm_frame_clear(&g->frame);
    if (IS_ERR(r)) {
        if (rt_exc_matches(&exc_StopIteration)) {
            rt_exc_clear();
            rt_raise(&exc_RuntimeError, "generator raised StopIteration");
        }
        return r;
    }
    v_decref(r);
    return V_UNBOUND;
}

static Value gen_next(Value self) { return gen_resume((GenObj *)self.o, V_NONE); }
static Value gen_iter(Value self) { return v_incref(self); }

static void gen_dealloc(Obj *o)
{
    GenObj *g = (GenObj *)o;
    if (!g->finished) vm_frame_clear(&g->frame);
    v_decref(g->handled);
    free(g->mem);
    obj_decref(&g->func->hdr);
    free(o);
}

static Value gen_repr(Value self)
{
    GenObj *g = (GenObj *)self.o;
    return str_fmt("<generator object %s at %p>", str_cstr(g->func->qualname), (void *)g);
}

static Value gen_send(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    if (nargs != 2) return rt_raise(&exc_TypeError, "send() takes exactly one argument (%d given)", nargs - 1);
    Value r = gen_resume((GenObj *)args[0].o, args[1]);
    if (IS_UNBOUND(r)) return rt_raise_stopiteration(V_NONE);
    return r;
}

static Value gen_next_m(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    (void)nargs;
    Value r = gen_resume((GenObj *)args[0].o, V_NONE);
    if (IS_UNBOUND(r)) return rt_raise_stopiteration(V_NONE);
    return r;
}

static Value gen_close(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    (void)nargs;
    GenObj *g = (GenObj *)args[0].o;
    if (!g->finished && !g->running) {
        g->finished = true;
        vm_frame_clear(&g->frame);
    }
    return V_NONE;
}

static const MethodDef gen_methods[] = {
    {"send", gen_send, "send(value)\n\nSend a value into the generator; return the next yielded value.", 0},
    {"__next__", gen_next_m, "__next__()\n\nImplement next(self).", 0},
    {"close", gen_close, "close()\n\nStop the generator.", 0},
    {NULL, NULL, NULL, 0},
};

Type gen_type = {
    .hdr = {1, &type_type}, .name = "generator", .base = &object_type, .basicsize = sizeof(GenObj),
    .dealloc = gen_dealloc, .repr = gen_repr, .iter = gen_iter, .next = gen_next,
};

void gen_init_type(void) { type_add_methods(&gen_type, gen_methods); }
