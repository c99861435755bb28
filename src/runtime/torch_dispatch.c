/* torch_dispatch.c — turns the rows of torch_ops.def into callables.
 *
 * For every row the X-macro below generates three tiny C entry points
 * (function, method, in-place method) that differ only in the mode they
 * pass to dispatch(): a builtin's CFunc receives no pointer to its row, so
 * the row index is baked into each entry point.  At start-up the rows'
 * signatures are parsed once and MethodDef tables are built for torch.X,
 * Tensor.X, Tensor.X_ and torch.linalg.X, their doc strings made from the
 * signature (first line) and the row's doc line (help() reads both).
 *
 * dispatch() binds the arguments (torch_sig.c), calls the impl, returns
 * the target Value itself for in-place and out= calls, and offers the
 * result to the autograd recorder (the hook point of torch_obj.h).  An
 * in-place call on tensors with autograd state is bracketed by
 * tag_inplace_begin/end (leaf checks before the write, the old value kept
 * for the recorder), so no method is wrapped or replaced at start-up.
 * F_FACTORY rows (zeros, rand, *_like, new_* ...) go the same way but are
 * never recorded: their impl writes out= and requires_grad= itself
 * (torch_factory_finish).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects.h"
#include "torch_autograd.h"

/* ---- the table ---- */

/* The derivative column becomes a pointer to a static TorchDeriv (a
 * file-scope compound literal); its functions are declared by
 * torch_autograd.h from the same rows. */
#define D(name, save, fn) &(const TorchDeriv){name, NULL, save, fn}
#define DN(namefn, save, fn) &(const TorchDeriv){NULL, namefn, save, fn}
#define NONDIFF NULL
const TorchOpDef torch_op_table[] = {
#define OP(name, sig, doc, flags, impl, deriv) {#name, sig, doc, flags, impl, deriv},
#include "torch_ops.def"
#undef OP
};
#undef NONDIFF
#undef DN
#undef D
const int torch_op_count = (int)(sizeof torch_op_table / sizeof *torch_op_table);

enum {
#define OP(name, sig, doc, flags, impl, deriv) OPI_##name,
#include "torch_ops.def"
#undef OP
    OPI__COUNT
};

static TorchSigSet sigs[OPI__COUNT];
static bool sigs_ready;

TorchAutogradRecord torch_autograd_record;
bool torch_grad_enabled = true;
void (*torch_repr_extras)(Value t, struct TsFormatExtras *ex);

const TorchOpDef *torch_op_find(const char *name)
{
    for (int i = 0; i < torch_op_count; i++)
        if (!strcmp(torch_op_table[i].name, name)) return &torch_op_table[i];
    return NULL;
}

static bool value_has_ag(Value v)
{
    return torch_is_tensor(v) && ((TensorObj *)v.o)->ag;
}

/* Tensor lists (cat, stack) are checked element by element. */
bool torch_call_has_ag(const TorchCall *c)
{
    for (int i = 0; i < c->n; i++) {
        const TorchArg *a = &c->a[i];
        if (a->is_tensor && value_has_ag(a->v)) return true;
        if (a->tl && IS_OBJ(a->v) && (v_isinstance(a->v, &tuple_type) || IS_TYPE(a->v, &list_type))) {
            Value *items = IS_TYPE(a->v, &list_type) ? ((List *)a->v.o)->items : ((Tuple *)a->v.o)->items;
            int64_t n = IS_TYPE(a->v, &list_type) ? ((List *)a->v.o)->len : ((Tuple *)a->v.o)->len;
            for (int64_t k = 0; k < n; k++)
                if (value_has_ag(items[k])) return true;
        }
    }
    return false;
}

/* ---- the call path ---- */

enum { MODE_FUNC, MODE_METHOD, MODE_INPLACE };

/* Linalg rows are named linalg_X; their Python name drops the prefix. */
static const char *py_name(const TorchOpDef *op)
{
    return (op->flags & F_LINALG) && !strncmp(op->name, "linalg_", 7) ? op->name + 7 : op->name;
}

/* Rows that are themselves in-place methods: copy_, zero_, fill_ ...
 * (by name, looked up once per row at start-up). */
static bool writes[OPI__COUNT];

static bool name_writes(const char *name)
{
    size_t l = strlen(name);
    return l > 1 && name[l - 1] == '_';
}

static bool row_writes(const TorchOpDef *op) { return writes[op - torch_op_table]; }

/* A write into a tensor that autograd may record is bracketed by the
 * autograd layer: leaf checks first, the old value kept until the
 * recorder took it (tag_inplace_end).  -1: raised. */
static int inplace_begin(TorchCall *c)
{
    if (torch_grad_enabled && (c->inplace || row_writes(c->op)) && torch_call_has_ag(c))
        return tag_inplace_begin(c);
    return 0;
}

static Value finish(TorchCall *c, Value r, int mode, Value *args)
{
    if (IS_ERR(r)) return r;
    if (mode == MODE_INPLACE || c->out) {
        /* the library's in-place kernels bump the version counter */
        Value target = mode == MODE_INPLACE ? args[0] : c->out_v;
        v_decref(r);
        r = v_incref(target);
    }
    /* a factory's result is a fresh leaf, whatever *_like's input was */
    if (torch_autograd_record && torch_grad_enabled && !(c->op->flags & F_FACTORY) &&
        torch_call_has_ag(c))
        r = torch_autograd_record(c->op, c, r);
    return r;
}

static Value dispatch(int idx, Value *args, int nargs, KwArgs *kw, int mode)
{
    const TorchOpDef *op = &torch_op_table[idx];
    char fname[48];
    const char *pn = py_name(op);
    size_t l = strlen(pn);
    if (l > sizeof fname - 2) l = sizeof fname - 2;
    memcpy(fname, pn, l);
    if (mode == MODE_INPLACE) fname[l++] = '_';
    fname[l] = 0;
    TorchCall c;
    c.op = op;
    c.inplace = mode == MODE_INPLACE;
    c.self = mode == MODE_FUNC ? V_UNBOUND : args[0];
    if (!torch_sig_bind(&sigs[idx], fname, c.self, args, nargs, kw, &c, mode != MODE_FUNC))
        return V_ERR;
    Value r;
    int pending = 0;
    if (c.inplace && c.out) r = rt_raise(&exc_TypeError, "%s() got an unexpected keyword argument 'out'", fname);
    else r = (pending = inplace_begin(&c)) < 0 ? V_ERR : op->impl(&c);
    r = finish(&c, r, mode, args);
    if (pending > 0) tag_inplace_end();
    torch_call_free(&c);
    return r;
}

/* Three entry points per row. */
#define OP(name, sig, doc, flags, impl, deriv)                                                  \
    static Value fn_##name(Value *a, int n, KwArgs *kw) { return dispatch(OPI_##name, a, n, kw, MODE_FUNC); } \
    static Value me_##name(Value *a, int n, KwArgs *kw) { return dispatch(OPI_##name, a, n, kw, MODE_METHOD); } \
    static Value ip_##name(Value *a, int n, KwArgs *kw) { return dispatch(OPI_##name, a, n, kw, MODE_INPLACE); }
#include "torch_ops.def"
#undef OP

static const CFunc fn_tab[] = {
#define OP(name, sig, doc, flags, impl, deriv) fn_##name,
#include "torch_ops.def"
#undef OP
};
static const CFunc me_tab[] = {
#define OP(name, sig, doc, flags, impl, deriv) me_##name,
#include "torch_ops.def"
#undef OP
};
static const CFunc ip_tab[] = {
#define OP(name, sig, doc, flags, impl, deriv) ip_##name,
#include "torch_ops.def"
#undef OP
};

/* torch.X_(t, ...): bound like the method t.X_(...) (t.zero_() for the
 * rows that are themselves in place). */
static Value func_inplace_call(int idx, Value *args, int nargs, KwArgs *kw)
{
    int mode = row_writes(&torch_op_table[idx]) ? MODE_METHOD : MODE_INPLACE;
    return dispatch(idx, args, nargs, kw, mode);
}

#define OP(name, sig, doc, flags, impl, deriv) \
    static Value fi_##name(Value *a, int n, KwArgs *kw) { return func_inplace_call(OPI_##name, a, n, kw); }
#include "torch_ops.def"
#undef OP

static const CFunc fi_tab[] = {
#define OP(name, sig, doc, flags, impl, deriv) fi_##name,
#include "torch_ops.def"
#undef OP
};

Value torch_dispatch_direct(TorchCall *c)
{
    int pending = inplace_begin(c);
    Value r = pending < 0 ? V_ERR : c->op->impl(c);
    if (!IS_ERR(r) && c->inplace) {
        v_decref(r);
        r = v_incref(c->self);
    }
    if (!IS_ERR(r) && torch_autograd_record && torch_grad_enabled && torch_call_has_ag(c))
        r = torch_autograd_record(c->op, c, r);
    if (pending > 0) tag_inplace_end();
    return r;
}

const TorchSig *torch_call_sig(const TorchCall *c)
{
    return &sigs[c->op - torch_op_table].s[c->overload];
}

Value torch_call_op(const char *name, Value *args, int nargs, KwArgs *kw)
{
    const TorchOpDef *op = torch_op_find(name);
    if (!op) return rt_raise(&exc_AttributeError, "module 'torch' has no attribute '%s'", name);
    return dispatch((int)(op - torch_op_table), args, nargs, kw, MODE_FUNC);
}

/* ---- doc strings: "add(input, other, *, alpha=1, out=None)\n\ndoc" ---- */

/* Appends str to buf (cut to fit): the docs of every row are made at
 * start-up, where snprintf per parameter showed. */
static void put(char *buf, size_t n, size_t *len, const char *str)
{
    size_t l = strlen(str);
    if (*len + l >= n) l = n - 1 - *len;
    memcpy(buf + *len, str, l);
    *len += l;
    buf[*len] = 0;
}

static void render_sig(const TorchSig *s, const char *name, const char *suffix, bool method,
                       char *buf, size_t n)
{
    size_t len = 0;
    buf[0] = 0;
    put(buf, n, &len, name);
    put(buf, n, &len, suffix);
    put(buf, n, &len, "(");
    bool kw = false;
    int first = method ? 1 : 0;
    for (int i = first; i < s->n; i++) {
        const TorchParam *p = &s->p[i];
        if (*suffix && !strcmp(p->name, "out")) continue;   /* X_ writes into self */
        if (p->kwonly && !kw) {
            put(buf, n, &len, i > first ? ", *" : "*");
            kw = true;
        }
        if (i > first || kw) put(buf, n, &len, ", ");
        if (p->varargs) put(buf, n, &len, "*");
        put(buf, n, &len, p->name);
        if (p->has_default) {
            put(buf, n, &len, "=");
            put(buf, n, &len, p->dflt);
        }
    }
    put(buf, n, &len, ")");
}

static char *make_doc(int idx, const char *suffix, bool method)
{
    const TorchOpDef *op = &torch_op_table[idx];
    char sigbuf[1024];
    size_t len = 0;
    sigbuf[0] = 0;
    for (int o = 0; o < sigs[idx].n && len < sizeof sigbuf; o++) {
        char one[300];
        render_sig(&sigs[idx].s[o], py_name(op), suffix, method, one, sizeof one);
        len += (size_t)snprintf(sigbuf + len, sizeof sigbuf - len, "%s%s", o ? "\n" : "", one);
    }
    size_t need = strlen(sigbuf) + strlen(op->doc) + 4;
    char *d = rt_alloc(need);
    if (d) snprintf(d, need, "%s\n\n%s", sigbuf, op->doc);
    return d;
}

/* ---- building the MethodDef tables ---- */

static MethodDef *func_defs, *linalg_defs, *method_defs;

static bool add_def(MethodDef *defs, int *n, const char *name, CFunc fn, char *doc, int flags)
{
    if (!doc) return false;
    defs[*n] = (MethodDef){name, fn, doc, flags};
    (*n)++;
    return true;
}

/* The in-place rows PyTorch also exposes as torch.X_(t, ...): only these
 * (there is no torch.add_), bound like the method t.X_(...). */
static const char *const func_inplace[] = {
    "abs", "acos", "addmv", "arccos", "arcsin", "arctan", "asin", "atan", "ceil", "clamp",
    "clamp_max", "clamp_min", "clip", "cos", "cosh", "detach", "erf", "exp2", "exp", "expm1",
    "fix", "floor", "frac", "log10", "log1p", "log2", "log", "nan_to_num", "neg", "negative",
    "reciprocal", "relu", "round", "rsqrt", "sigmoid", "sin", "sinh", "sqrt", "square", "tan",
    "tanh", "trunc", "zero_", "fill_", NULL,
};

static bool is_func_inplace(const char *name)
{
    for (int i = 0; func_inplace[i]; i++)
        if (!strcmp(func_inplace[i], name)) return true;
    return false;
}

static bool build_defs(void)
{
    size_t cap = (size_t)torch_op_count + 1;
    func_defs = rt_calloc(2 * cap, sizeof *func_defs);
    linalg_defs = rt_calloc(cap, sizeof *linalg_defs);
    method_defs = rt_calloc(2 * cap, sizeof *method_defs);
    if (!func_defs || !linalg_defs || !method_defs) return false;
    int nf = 0, nl = 0, nm = 0;
    for (int i = 0; i < torch_op_count; i++) {
        const TorchOpDef *op = &torch_op_table[i];
        const char *name = py_name(op);
        if ((op->flags & F_LINALG) && !add_def(linalg_defs, &nl, name, fn_tab[i], make_doc(i, "", false), 0))
            return false;
        if ((op->flags & F_FUNC) && !(op->flags & F_LINALG) &&
            !add_def(func_defs, &nf, name, fn_tab[i], make_doc(i, "", false), 0))
            return false;
        /* rows that are themselves in place (zero_, fill_): torch.X_ too */
        if (!(op->flags & F_FUNC) && (op->flags & F_METHOD) && is_func_inplace(name) &&
            !add_def(func_defs, &nf, name, fi_tab[i], make_doc(i, "", false), 0))
            return false;
        if ((op->flags & F_METHOD) &&
            !add_def(method_defs, &nm, name, me_tab[i], make_doc(i, "", true),
                     (op->flags & F_PROP) ? METH_PROPERTY : 0))
            return false;
        if (op->flags & F_INPLACE) {
            size_t l = strlen(name);
            char *iname = rt_alloc(l + 2);
            if (!iname) return false;
            memcpy(iname, name, l);
            memcpy(iname + l, "_", 2);
            if (!add_def(method_defs, &nm, iname, ip_tab[i], make_doc(i, "_", true), 0))
                return false;
            if ((op->flags & F_FUNC) && !(op->flags & F_LINALG) && is_func_inplace(name) &&
                !add_def(func_defs, &nf, iname, fi_tab[i], make_doc(i, "_", false), 0))
                return false;
        }
    }
    return true;
}

bool torch_dispatch_init(Value torch, Value linalg)
{
    if (!sigs_ready) {
        for (int i = 0; i < torch_op_count; i++) {
            if (!torch_sig_parse(torch_op_table[i].sig, &sigs[i])) return false;
            writes[i] = name_writes(torch_op_table[i].name);
        }
        if (!build_defs()) return false;
        type_add_methods(&tensor_type, method_defs);
        sigs_ready = true;
    }
    module_add_functions(torch, func_defs);
    if (!IS_UNBOUND(linalg)) module_add_functions(linalg, linalg_defs);
    return true;
}
