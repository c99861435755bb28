/* slice.c — slice objects and the index arithmetic every sequence shares.
 *
 * slice_unpack turns the three fields into integers (None → open end),
 * slice_adjust clamps them to a length the way CPython does for lists,
 * strs, tuples, ranges and tensors alike.
 */
#include <stdlib.h>
#include <string.h>
#include "objects.h"

#define IMMORTAL ((int64_t)1 << 60)

Value slice_new(Value start, Value stop, Value step)
{
    SliceObj *s = obj_alloc(&slice_type, sizeof *s);
    if (!s) return V_ERR;
    s->start = v_incref(start);
    s->stop = v_incref(stop);
    s->step = v_incref(step);
    return v_obj(s);
}

static bool slice_int(Value v, int64_t *out)
{
    if (IS_INT(v)) { *out = v.i; return true; }
    if (IS_BOOL(v)) { *out = v.b; return true; }
    if (!IS_FLOAT(v) && !IS_TYPE(v, &str_type) && num_index(v, out)) return true;
    if (IS_OBJ(v)) rt_exc_clear();
    rt_raise(&exc_TypeError, "slice indices must be integers or None or have an __index__ method");
    return false;
}

bool slice_unpack(Value slice, int64_t *start, int64_t *stop, int64_t *step)
{
    SliceObj *s = (SliceObj *)slice.o;
    *step = 1;
    if (!IS_NONE(s->step)) {
        if (!slice_int(s->step, step)) return false;
        if (*step == 0) {
            rt_raise(&exc_ValueError, "slice step cannot be zero");
            return false;
        }
        if (*step < -INT64_MAX) *step = -INT64_MAX;   /* so that -step cannot overflow */
    }
    if (IS_NONE(s->start)) *start = *step < 0 ? INT64_MAX : 0;
    else if (!slice_int(s->start, start)) return false;
    if (IS_NONE(s->stop)) *stop = *step < 0 ? INT64_MIN : INT64_MAX;
    else if (!slice_int(s->stop, stop)) return false;
    return true;
}

static void clamp(int64_t *x, int64_t len, int64_t step)
{
    if (*x < 0) {
        *x += len;
        if (*x < 0) *x = step < 0 ? -1 : 0;
    } else if (*x >= len) {
        *x = step < 0 ? len - 1 : len;
    }
}

int64_t slice_adjust(int64_t len, int64_t *start, int64_t *stop, int64_t step)
{
    clamp(start, len, step);
    clamp(stop, len, step);
    if (step < 0) return *stop < *start ? (*start - *stop - 1) / (-step) + 1 : 0;
    return *start < *stop ? (*stop - *start - 1) / step + 1 : 0;
}

bool slice_indices(Value slice, int64_t len, int64_t *start, int64_t *stop, int64_t *step,
                   int64_t *count)
{
    if (!slice_unpack(slice, start, stop, step)) return false;
    *count = slice_adjust(len, start, stop, *step);
    return true;
}

/* ---- the slice type ---- */

static Value slice_new_slot(Type *t, Value *args, int nargs, KwArgs *kw)
{
    (void)t;
    if (kw && kw->n) return rt_raise(&exc_TypeError, "slice() takes no keyword arguments");
    if (nargs < 1) return rt_raise(&exc_TypeError, "slice expected at least 1 argument, got 0");
    if (nargs > 3) return rt_raise(&exc_TypeError, "slice expected at most 3 arguments, got %d", nargs);
    if (nargs == 1) return slice_new(V_NONE, args[0], V_NONE);
    return slice_new(args[0], args[1], nargs > 2 ? args[2] : V_NONE);
}

static void slice_dealloc(Obj *o)
{
    SliceObj *s = (SliceObj *)o;
    v_decref(s->start);
    v_decref(s->stop);
    v_decref(s->step);
    free(o);
}

static Value slice_repr(Value self)
{
    SliceObj *s = (SliceObj *)self.o;
    Value t = tuple_pack(3, s->start, s->stop, s->step);
    if (IS_ERR(t)) return t;
    Value r = v_repr(t);
    v_decref(t);
    if (IS_ERR(r)) return r;
    Value out = str_fmt("slice%s", str_cstr(r));
    v_decref(r);
    return out;
}

static Value slice_compare(CmpOp op, Value a, Value b)
{
    if (!IS_TYPE(a, &slice_type) || !IS_TYPE(b, &slice_type)) return rt_notimpl();
    SliceObj *x = (SliceObj *)a.o, *y = (SliceObj *)b.o;
    Value ta = tuple_pack(3, x->start, x->stop, x->step);
    Value tb = IS_ERR(ta) ? V_ERR : tuple_pack(3, y->start, y->stop, y->step);
    Value r = IS_ERR(tb) ? V_ERR : v_compare(op, ta, tb);
    v_decref(ta);
    v_decref(tb);
    return r;
}

static bool slice_hash(Value self, int64_t *out)
{
    (void)self;
    (void)out;
    rt_raise(&exc_TypeError, "unhashable type: 'slice'");
    return false;
}

static Value slice_getattr(Value self, Obj *name)
{
    SliceObj *s = (SliceObj *)self.o;
    const char *n = ((Str *)name)->data;
    if (!strcmp(n, "start")) return v_incref(s->start);
    if (!strcmp(n, "stop")) return v_incref(s->stop);
    if (!strcmp(n, "step")) return v_incref(s->step);
    return V_UNBOUND;
}

static Value m_indices(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    if (!args_one("slice.indices", nargs - 1)) return V_ERR;
    int64_t len, start, stop, step, n;
    if (!num_index(args[1], &len)) return V_ERR;
    if (len < 0) return rt_raise(&exc_ValueError, "length should not be negative");
    if (!slice_indices(args[0], len, &start, &stop, &step, &n)) return V_ERR;
    return tuple_pack(3, v_int(start), v_int(stop), v_int(step));
}

static const MethodDef slice_methods[] = {
    {"indices", m_indices,
     "indices(len)\n\nAssuming a sequence of length len, calculate the start and stop\n"
     "indices, and the stride length of the extended slice described by S.", 0},
    {NULL, NULL, NULL, 0},
};

void slice_init_type(void) { type_add_methods(&slice_type, slice_methods); }

Type slice_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "slice", .base = &object_type,
    .doc = "slice(stop)\nslice(start, stop[, step])\n\nCreate a slice object.",
    .basicsize = sizeof(SliceObj), .new = slice_new_slot, .dealloc = slice_dealloc,
    .repr = slice_repr, .compare = slice_compare, .hash = slice_hash, .getattr = slice_getattr,
};
