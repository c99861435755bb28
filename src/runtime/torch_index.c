/* torch_index.c — Tensor subscripting: t[key] and t[key] = value.
 *
 * A Python subscript (an int, a slice, None, Ellipsis, True/False, a
 * tensor, a list, an ndarray, or a tuple of these) is translated item by
 * item into the tensor library's TsIndex list; the library's indexing
 * engine (src/tensor/index.c) does the rest: a view for basic indexing, a
 * copy for advanced indexing, broadcasting assignment.  Lists and ndarrays
 * become index tensors, as PyTorch turns them into LongTensors / masks.
 */
#include "objects.h"
#include "tensor/ops.h"
#include "torch_create.h"

/* The index tensors made from lists while a subscript is converted. */
typedef struct IndexTemps {
    TsTensor *t[TS_MAX_DIMS + 1];
    int n;
} IndexTemps;

static void temps_free(IndexTemps *tmp)
{
    for (int i = 0; i < tmp->n; i++) ts_release(tmp->t[i]);
    tmp->n = 0;
}

/* One slice bound: None -> TS_SLICE_NONE, else an integer. */
static bool slice_part(Value v, int64_t *out)
{
    if (IS_NONE(v) || IS_UNBOUND(v)) {
        *out = TS_SLICE_NONE;
        return true;
    }
    if (torch_is_tensor(v)) return torch_int_arg(v, out, "slice", "index");
    if (!num_index(v, out)) {
        rt_exc_clear();
        rt_raise(&exc_TypeError,
                 "slice indices must be integers or None or have an __index__ method");
        return false;
    }
    return true;
}

static bool slice_item(Value key, TsIndex *ix)
{
    SliceObj *s = (SliceObj *)key.o;
    ix->kind = TS_IDX_SLICE;
    if (!slice_part(s->start, &ix->start) || !slice_part(s->stop, &ix->stop) ||
        !slice_part(s->step, &ix->step))
        return false;
    if (ix->step == 0) {
        rt_raise(&exc_ValueError, "slice step cannot be zero");
        return false;
    }
    if (ix->step != TS_SLICE_NONE && ix->step < 0) {
        rt_raise(&exc_ValueError, "step must be greater than zero");
        return false;
    }
    return true;
}

/* A list / ndarray used as an index becomes a tensor (int64 or bool). */
static bool tensor_item(Value key, TsIndex *ix, IndexTemps *tmp)
{
    TsTensor *t = np_unwrap(key);
    if (t) {
        ts_retain(t);
    } else {
        t = torch_tensor_from_data(key, TS_UNDEF, TS_CPU);
        if (!t) return false;
    }
    tmp->t[tmp->n++] = t;
    ix->kind = TS_IDX_TENSOR;
    ix->t = t;
    if (ts_dtype_is_float(t->dtype) && ts_numel(t) > 0) {
        rt_raise(&exc_IndexError, "tensors used as indices must be long, byte or bool tensors");
        return false;
    }
    return true;
}

/* Converts one item of a subscript. */
static bool index_item(Value key, TsIndex *ix, IndexTemps *tmp)
{
    *ix = (TsIndex){0};
    if (IS_BOOL(key)) {
        ix->kind = TS_IDX_BOOL;
        ix->b = key.b;
    } else if (IS_INT(key)) {
        ix->kind = TS_IDX_INT;
        ix->i = key.i;
    } else if (IS_NONE(key)) {
        ix->kind = TS_IDX_NONE;
    } else if (IS_TYPE(key, &ellipsis_type)) {
        ix->kind = TS_IDX_ELLIPSIS;
    } else if (IS_TYPE(key, &slice_type)) {
        return slice_item(key, ix);
    } else if (torch_is_tensor(key)) {
        ix->kind = TS_IDX_TENSOR;
        ix->t = torch_unwrap(key);
    } else if (IS_OBJ(key) && (v_isinstance(key, &list_type) || IS_TYPE(key, &ndarray_type) ||
                               IS_TYPE(key, &str_type))) {
        return tensor_item(key, ix, tmp);
    } else {
        rt_raise(&exc_IndexError,
                 "only integers, slices (`:`), ellipsis (`...`), None and long or byte "
                 "Variables are valid indices (got %s)",
                 v_typename(key));
        return false;
    }
    return true;
}

/* numpy's (and PyTorch's) legacy rule: a short list holding a tensor, a
 * sequence, a slice, None or Ellipsis is a tuple of indices, not an index
 * list: x[[torch.tensor(1), 0]] is x[torch.tensor(1), 0]. */
static bool list_as_tuple(Value key)
{
    if (!IS_OBJ(key) || !v_isinstance(key, &list_type)) return false;
    List *l = (List *)key.o;
    if (l->len >= 32) return false;
    for (int64_t i = 0; i < l->len; i++) {
        Value v = l->items[i];
        if (torch_is_tensor(v) || IS_NONE(v) || IS_TYPE(v, &slice_type) ||
            IS_TYPE(v, &ellipsis_type) || IS_TYPE(v, &ndarray_type) ||
            (IS_OBJ(v) && (v_isinstance(v, &list_type) || v_isinstance(v, &tuple_type))))
            return true;
    }
    return false;
}

/* Converts a whole subscript (a tuple is a list of items). */
static bool index_items(Value key, TsIndex *ix, int *n, IndexTemps *tmp)
{
    tmp->n = 0;
    bool as_tuple = list_as_tuple(key);
    if (!as_tuple && (!IS_OBJ(key) || !v_isinstance(key, &tuple_type) || torch_is_tensor(key))) {
        *n = 1;
        return index_item(key, ix, tmp);
    }
    int64_t len;
    Value *items = as_tuple ? ((List *)key.o)->items : ((Tuple *)key.o)->items;
    len = as_tuple ? ((List *)key.o)->len : ((Tuple *)key.o)->len;
    if (len > TS_MAX_DIMS) {
        rt_raise(&exc_IndexError, "too many indices for tensor of dimension %d", TS_MAX_DIMS);
        return false;
    }
    *n = (int)len;
    for (int64_t i = 0; i < len; i++)
        if (!index_item(items[i], &ix[i], tmp)) return false;
    return true;
}

TsTensor *torch_index_tensor(TsTensor *t, Value key)
{
    TsIndex ix[TS_MAX_DIMS];
    IndexTemps tmp;
    int n;
    if (!index_items(key, ix, &n, &tmp)) {
        temps_free(&tmp);
        return NULL;
    }
    TsTensor *r = ts_index(t, n, ix);
    temps_free(&tmp);
    if (!r) torch_raise_ts();
    return r;
}

Value torch_index_get(Value self, Value key)
{
    TsTensor *r = torch_index_tensor(torch_unwrap(self), key);
    return r ? torch_wrap(r) : V_ERR;
}

/* The assigned value: a tensor, or a number ("can't assign a str to a
 * torch.LongTensor" otherwise, as PyTorch 1.13 words it). */
static bool value_arg(Value val, TsTensor *self, TsArg *out)
{
    TsTensor *t = torch_unwrap(val);
    if (!t) t = np_unwrap(val);
    if (t) {
        *out = ts_arg(t);
        return true;
    }
    TsScalar s;
    if (torch_to_scalar(val, &s)) {
        *out = ts_arg_s(s);
        return true;
    }
    rt_raise(&exc_TypeError, "can't assign a %s to a %s", v_typename(val),
             ts_dtype_legacy(self->dtype));
    return false;
}

int torch_index_put(TsTensor *t, Value key, Value val)
{
    TsIndex ix[TS_MAX_DIMS];
    IndexTemps tmp = {.n = 0};
    int n;
    TsArg v;
    if (!value_arg(val, t, &v) || !index_items(key, ix, &n, &tmp)) {
        temps_free(&tmp);
        return -1;
    }
    int rc = ts_index_put_(t, n, ix, v, false);
    temps_free(&tmp);
    if (rc < 0) {
        torch_raise_ts();
        return -1;
    }
    return 0;
}

int torch_index_set(Value self, Value key, Value val)
{
    if (IS_UNBOUND(val)) {
        rt_raise(&exc_TypeError, "'Tensor' object does not support item deletion");
        return -1;
    }
    return torch_index_put(torch_unwrap(self), key, val);
}

/* ------------------------------------------------------------------ */
/* index_put_ / index_put: assignment through a tuple of index tensors   */
/* ------------------------------------------------------------------ */

/* Binds (indices, values, accumulate) and writes into t. */
static bool index_put_into(const char *fname, TsTensor *t, Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"indices", "values", "accumulate"};
    Value v[3];
    TsTensor *idx[TS_MAX_DIMS];
    if (!args_parse(fname, args, nargs, kw, names, 3, 2, v)) return false;
    TsTensor *val = torch_unwrap(v[1]);
    if (!IS_OBJ(v[0]) || !(v_isinstance(v[0], &tuple_type) || v_isinstance(v[0], &list_type)) ||
        !val) {
        rt_raise(&exc_TypeError, "%s(): argument 'indices' must be tuple of Tensors, not %s",
                 fname, v_typename(v[0]));
        return false;
    }
    int64_t n;
    Value *items;
    Value tmp = V_UNBOUND;
    if (!seq_items(v[0], &items, &n, &tmp)) return false;
    bool ok = n <= TS_MAX_DIMS;
    for (int64_t i = 0; ok && i < n; i++) {
        idx[i] = IS_NONE(items[i]) ? NULL : torch_unwrap(items[i]);
        ok = IS_NONE(items[i]) || idx[i];
    }
    v_decref(tmp);
    if (!ok) {
        rt_raise(&exc_TypeError, "%s(): argument 'indices' must be tuple of Tensors", fname);
        return false;
    }
    int acc = IS_UNBOUND(v[2]) ? 0 : v_truth(v[2]);
    if (acc < 0) return false;
    if (ts_index_put_tensors_(t, (int)n, idx, ts_arg(val), acc) < 0) {
        torch_raise_ts();
        return false;
    }
    return true;
}

static Value m_index_put_(Value *args, int nargs, KwArgs *kw)
{
    if (!index_put_into("index_put_", torch_unwrap(args[0]), args + 1, nargs - 1, kw))
        return V_ERR;
    return v_incref(args[0]);
}

static Value m_index_put(Value *args, int nargs, KwArgs *kw)
{
    TsTensor *c = ts_clone(torch_unwrap(args[0]));
    if (!c) return torch_raise_ts();
    if (!index_put_into("index_put", c, args + 1, nargs - 1, kw)) {
        ts_release(c);
        return V_ERR;
    }
    return torch_wrap(c);
}

const MethodDef torch_index_methods[] = {
    {"index_put_", m_index_put_,
     "index_put_(indices, values, accumulate=False) -> Tensor\n\n"
     "Puts values from the tensor values into the tensor self using the indices specified "
     "in indices (which is a tuple of Tensors).", 0},
    {"index_put", m_index_put,
     "index_put(indices, values, accumulate=False) -> Tensor\n\n"
     "Out-place version of index_put_().", 0},
    {NULL, NULL, NULL, 0},
};
