/* torch_sig.c — the op table's signature strings: parsing them once and
 * binding each call's arguments against them.
 *
 * A row's signature is PyTorch's python_arg_parser form, overloads
 * separated by " | ":
 *     max(Tensor input) | max(Tensor input, int dim, bool keepdim=False)
 * Parameters are `TYPE NAME[=DEFAULT]`; TYPE is one of Tensor, Scalar,
 * TensorOrScalar, int, int[] or SymInt[] (int[N] also takes a lone int,
 * as PyTorch's fixed-size lists do; prefix the name with `*` to
 * take varargs: `int[] *size` accepts view(2, 3), view((2, 3)),
 * view([2, 3]) and view(torch.Size([2, 3]))), dim (an int or a tuple of
 * ints), bool, float, ScalarType, Device, Generator, Tensor[], str, Any,
 * Layout, MemoryFormat, Dimname[] (the last four accepted and ignored; a
 * factory refuses names other than None); a trailing
 * `?` admits None.  A bare `*` starts the keyword-only parameters.
 * The word `TensorOptions` (after the `*`) stands for the keywords every
 * factory takes, in PyTorch's order: dtype, layout, device, pin_memory,
 * requires_grad (F_FACTORY rows; torch_create.c reads them).
 *
 * Binding tries the overloads in order and keeps the first that fits;
 * conversion happens while binding, so an impl reads ready C values from
 * TorchCall.a[] (see torch_obj.h).
 *
 * Errors follow PyTorch's argument parser: when only one overload admits
 * the number of arguments given (or there is one), its own problem is
 * reported ("takes 1 positional argument but 2 were given", "missing 1
 * required positional arguments: ...", "got an unexpected keyword
 * argument", "argument 'x' (position 1) must be ..."); a bad element of a
 * size list is always reported; otherwise "received an invalid
 * combination of arguments" lists every overload.
 */
#include <ctype.h>
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects.h"
#include "torch_private.h"

/* ------------------------------------------------------------------ */
/* parsing                                                              */
/* ------------------------------------------------------------------ */

/* A type's name in a signature, its kind and PyTorch's spelling of it in
 * messages ("must be tuple of SymInts, not str"). */
static const struct { const char *name; TorchParamKind kind; const char *text; } kind_names[] = {
    {"Tensor", PK_TENSOR, "Tensor"},           {"Scalar", PK_SCALAR, "Number"},
    {"TensorOrScalar", PK_TS, "Tensor"},       {"int", PK_INT, "int"},
    {"int[]", PK_INTLIST, "tuple of ints"},    {"SymInt[]", PK_INTLIST, "tuple of SymInts"},
    {"dim", PK_DIM, "tuple of ints"},          {"bool", PK_BOOL, "bool"},
    {"float", PK_FLOAT, "float"},              {"ScalarType", PK_DTYPE, "torch.dtype"},
    {"Device", PK_DEVICE, "torch.device"},     {"Generator", PK_GENERATOR, "torch.Generator"},
    {"Tensor[]", PK_TENSORLIST, "tuple of Tensors"}, {"str", PK_STR, "str"},
    {"Any", PK_ANY, "object"},                 {"Layout", PK_ANY, "torch.layout"},
    {"MemoryFormat", PK_ANY, "torch.memory_format"},
    {"Dimname[]", PK_ANY, "tuple of names"},
};

/* What `TensorOptions` in a signature stands for. */
static const char *const tensor_options[] = {
    "ScalarType? dtype=None", "Layout? layout=None", "Device? device=None",
    "bool pin_memory=False", "bool requires_grad=False",
};

static bool bad_sig(const char *text)
{
    rt_raise(&exc_RuntimeError, "torch op table: malformed signature '%s'", text);
    return false;
}

static void parse_default(TorchParam *p);

/* Copies len bytes of src as a string, cut to fit (snprintf's "%.*s"
 * without its cost: every row is parsed at start-up). */
static void copy_str(char *dst, size_t cap, const char *src, size_t len)
{
    if (len >= cap) len = cap - 1;
    memcpy(dst, src, len);
    dst[len] = 0;
}

/* Parses one "TYPE[?] [*]NAME[=DEFAULT]" between start and end. */
static bool parse_param(const char *s, size_t len, TorchParam *p, bool kwonly)
{
    char buf[96];
    if (len >= sizeof buf) return false;
    memcpy(buf, s, len);
    buf[len] = 0;
    char *sp = strchr(buf, ' ');
    if (!sp) return false;
    *sp = 0;
    char *type = buf, *name = sp + 1;
    size_t tl = strlen(type);
    memset(p, 0, sizeof *p);
    p->kwonly = kwonly;
    if (tl && type[tl - 1] == '?') {
        p->optional = true;
        type[--tl] = 0;
    }
    /* "int[2]": PyTorch's fixed-size list, which also takes a lone int. */
    char *lb = strchr(type, '[');
    if (lb && isdigit((unsigned char)lb[1])) {
        char *rb = strchr(lb, ']');
        if (rb) memmove(lb + 1, rb, strlen(rb) + 1);
        p->one_int = true;
    }
    bool found = false;
    for (size_t i = 0; i < sizeof kind_names / sizeof *kind_names; i++)
        if (!strcmp(kind_names[i].name, type)) {
            p->kind = kind_names[i].kind;
            p->text = kind_names[i].text;
            found = true;
        }
    if (!found) return false;
    if (*name == '*') {
        p->varargs = true;
        name++;
    }
    char *eq = strchr(name, '=');
    if (eq) {
        *eq = 0;
        p->has_default = true;
        copy_str(p->dflt, sizeof p->dflt, eq + 1, strlen(eq + 1));
        if (!strcmp(p->dflt, "None")) p->optional = true;
    }
    copy_str(p->name, sizeof p->name, name, strlen(name));
    parse_default(p);
    return true;
}

static bool parse_one(const char *s, size_t len, TorchSig *sig)
{
    memset(sig, 0, sizeof *sig);
    sig->opts_index = -1;
    copy_str(sig->text, sizeof sig->text, s, len);
    const char *lp = memchr(s, '(', len), *rp = NULL;
    for (const char *q = s + len; q > s; q--)
        if (q[-1] == ')') { rp = q - 1; break; }
    if (!lp || !rp || rp < lp) return false;
    copy_str(sig->name, sizeof sig->name, s, (size_t)(lp - s));
    bool kwonly = false;
    const char *p = lp + 1;
    while (p < rp) {
        while (p < rp && *p == ' ') p++;
        const char *e = p;
        int depth = 0;   /* a default like [-2, -1] holds commas */
        while (e < rp && (*e != ',' || depth)) {
            depth += (*e == '[') - (*e == ']');
            e++;
        }
        size_t n = (size_t)(e - p);
        while (n && p[n - 1] == ' ') n--;
        if (n == 1 && *p == '*') kwonly = true;
        else if (n == 13 && !strncmp(p, "TensorOptions", 13)) {
            sig->opts_index = sig->n;
            for (size_t o = 0; o < sizeof tensor_options / sizeof *tensor_options; o++) {
                const char *t = tensor_options[o];
                if (sig->n >= TORCH_MAX_PARAMS || !parse_param(t, strlen(t), &sig->p[sig->n], true))
                    return false;
                sig->n++;
            }
        } else if (n) {
            if (sig->n >= TORCH_MAX_PARAMS || !parse_param(p, n, &sig->p[sig->n], kwonly))
                return false;
            sig->n++;
        }
        p = e + 1;
    }
    sig->out_index = sig->gen_index = sig->names_index = -1;
    for (int i = 0; i < sig->n; i++) {
        const TorchParam *q = &sig->p[i];
        bool req = !q->has_default && !q->optional;
        sig->min_args += req;
        sig->req_kwonly |= req && q->kwonly;
        if (!q->kwonly && sig->max_pos >= 0) sig->max_pos = q->varargs ? -1 : sig->max_pos + 1;
        if (!strcmp(sig->p[i].name, "out")) sig->out_index = i;
        if (sig->p[i].kind == PK_GENERATOR) sig->gen_index = i;
        if (!strcmp(sig->p[i].name, "names")) sig->names_index = i;
    }
    return true;
}

bool torch_sig_parse(const char *text, TorchSigSet *out)
{
    out->n = 0;
    const char *s = text;
    while (*s) {
        while (*s == ' ') s++;
        const char *e = strstr(s, " | ");
        size_t len = e ? (size_t)(e - s) : strlen(s);
        if (out->n >= TORCH_MAX_OVERLOADS || !parse_one(s, len, &out->s[out->n]))
            return bad_sig(text);
        out->n++;
        if (!e) break;
        s = e + 3;
    }
    return out->n > 0 || bad_sig(text);
}

/* ------------------------------------------------------------------ */
/* conversion of one argument                                           */
/* ------------------------------------------------------------------ */

/* Why a value did not fit (for the error message of a lone overload). */
typedef struct BindErr {
    char msg[256];   /* "MISMATCH": wrong number or names of arguments */
    char why[256];   /* then PyTorch's words for it, used when this is the
                        only overload that fits the argument count */
    int shift;   /* 1 for methods: PyTorch does not count self in positions */
    bool decisive;   /* an overload met a bad element of a size list:
                        PyTorch reports it (elem, the last one met)
                        whatever the other overloads */
    char elem[256];
    bool want_why;   /* fill why (only when the error is raised: formatting
                        it for every overload tried showed in profiles) */
} BindErr;

static bool fail(BindErr *e, const char *fname, const TorchParam *p, int pos, Value v,
                 const char *want)
{
    if (pos >= 0)
        snprintf(e->msg, sizeof e->msg, "%s(): argument '%s' (position %d) must be %s, not %s",
                 fname, p->name, pos + 1 - e->shift, want, v_typename(v));
    else
        snprintf(e->msg, sizeof e->msg, "%s(): argument '%s' must be %s, not %s", fname,
                 p->name, want, v_typename(v));
    return false;
}

static bool to_tensor_list(Value v, TorchArg *a, int *bad)
{
    *bad = -1;
    Value *items, tmp = V_UNBOUND;
    int64_t n;
    if (!IS_OBJ(v) || (!v_isinstance(v, &tuple_type) && !IS_TYPE(v, &list_type))) return false;
    if (!seq_items(v, &items, &n, &tmp)) {
        rt_exc_clear();
        return false;
    }
    a->tl = n ? malloc(sizeof(TsTensor *) * (size_t)n) : NULL;
    bool ok = !n || a->tl;
    for (int64_t i = 0; ok && i < n; i++) {
        ok = (a->tl[i] = torch_unwrap(items[i])) != NULL;
        if (!ok) {
            *bad = (int)i;
            a->v = items[i];   /* for the message; still borrowed from v */
        }
    }
    a->n = (int)n;
    v_decref(tmp);
    if (!ok) {
        free(a->tl);
        a->tl = NULL;
    }
    return ok;
}

/* PyTorch's message for a size sequence with a non-int element: "zeros():
 * argument 'size' must be tuple of SymInts, but found element of type str
 * at pos 2"; false when every element is an int (the error was another). */
static bool bad_size_item(const char *fname, const TorchParam *p, Value *items, int64_t n,
                          BindErr *e)
{
    for (int64_t i = 0; i < n; i++) {
        TsTensor *t = torch_unwrap(items[i]);
        if (IS_INT(items[i]) || (t && t->ndim == 0 && !ts_dtype_is_float(t->dtype))) continue;
        snprintf(e->elem, sizeof e->elem,
                 "%s(): argument '%s' must be %s, but found element of type %s at pos %lld",
                 fname, p->name, p->text, v_typename(items[i]), (long long)i + 1);
        memcpy(e->msg, e->elem, sizeof e->msg);
        e->decisive = true;
        return true;
    }
    return false;
}

/* A 0-dim (or one-element) tensor passed where PyTorch takes a Scalar. */
static bool tensor_as_scalar(Value v, TsScalar *s)
{
    TsTensor *t = torch_unwrap(v);
    return t && t->ndim == 0 && ts_item(t, s) == 0;
}

/* Converts v for parameter p into a; false (with e filled) if it does not
 * fit.  Python exceptions raised by conversions are cleared: another
 * overload may fit. */
static bool convert(const char *fname, const TorchParam *p, int pos, Value v, TorchArg *a,
                    BindErr *e)
{
    a->v = v;
    a->given = true;
    if (IS_NONE(v)) {
        a->none = true;
        if (p->optional || p->kind == PK_ANY) return true;
    }
    switch (p->kind) {
    case PK_TENSOR:
        if ((a->t = torch_unwrap(v))) return a->is_tensor = true;
        return fail(e, fname, p, pos, v, "Tensor");
    case PK_SCALAR:
        if (torch_to_scalar(v, &a->s) || tensor_as_scalar(v, &a->s)) return true;
        return fail(e, fname, p, pos, v, "Number");
    case PK_TS:
        if ((a->t = torch_unwrap(v))) return a->is_tensor = true;
        if (torch_to_scalar(v, &a->s)) return true;
        return fail(e, fname, p, pos, v, "Tensor");
    case PK_INT:
        if (IS_INT(v)) { a->i = v.i; return true; }
        if (IS_BOOL(v)) { a->i = v.b; return true; }
        {
            TsScalar s;
            if (tensor_as_scalar(v, &s) && !s.is_float) { a->i = s.i; return true; }
        }
        return fail(e, fname, p, pos, v, "int");
    case PK_INTLIST:
    case PK_DIM:
        /* A lone int is a list only for dims, int[N] and varargs (view(4)). */
        if (IS_INT(v) && (p->kind == PK_DIM || p->one_int || p->varargs)) {
            a->list[0] = v.i;
            a->n = 1;
            return true;
        }
        if (!IS_INT(v) && torch_to_sizes(&v, 1, a->list, &a->n, fname)) return true;
        rt_exc_clear();
        if (IS_OBJ(v) && (v_isinstance(v, &tuple_type) || IS_TYPE(v, &list_type))) {
            Value *items = IS_TYPE(v, &list_type) ? ((List *)v.o)->items : ((Tuple *)v.o)->items;
            int64_t cnt = IS_TYPE(v, &list_type) ? ((List *)v.o)->len : ((Tuple *)v.o)->len;
            if (bad_size_item(fname, p, items, cnt, e)) return false;
        }
        return fail(e, fname, p, pos, v, p->text);
    case PK_BOOL:
        if (IS_BOOL(v)) { a->i = v.b; return true; }
        return fail(e, fname, p, pos, v, "bool");
    case PK_FLOAT:
        if (IS_FLOAT(v) || IS_INT(v) || IS_BOOL(v)) {
            a->f = IS_FLOAT(v) ? v.f : IS_INT(v) ? (double)v.i : v.b;
            return true;
        }
        {
            TsScalar s;
            if (tensor_as_scalar(v, &s)) { a->f = ts_scalar_to_f64(s); return true; }
        }
        return fail(e, fname, p, pos, v, "float");
    case PK_DTYPE: {
        TsDType dt;
        if (torch_to_dtype(v, &dt)) { a->i = dt; return true; }
        rt_exc_clear();
        return fail(e, fname, p, pos, v, "torch.dtype");
    }
    case PK_DEVICE: {
        int id;
        if (IS_TYPE(v, &str_type) || IS_TYPE(v, &device_type) || IS_INT(v)) {
            if (!torch_to_device(v, &id)) {
                snprintf(e->msg, sizeof e->msg, "!");   /* keep the raised error */
                return false;
            }
            a->i = id;
            return true;
        }
        return fail(e, fname, p, pos, v, "torch.device");
    }
    case PK_TENSORLIST: {
        int bad;
        if (to_tensor_list(v, a, &bad)) return true;
        if (bad >= 0) {
            snprintf(e->msg, sizeof e->msg,
                     "expected Tensor as element %d in argument %d, but got %s", bad,
                     pos < 0 ? 0 : pos, v_typename(a->v));
            return false;
        }
        return fail(e, fname, p, pos, v, "tuple of Tensors");
    }
    case PK_STR:
        if (IS_TYPE(v, &str_type)) { a->str = str_cstr(v); return true; }
        return fail(e, fname, p, pos, v, "str");
    case PK_GENERATOR:
    case PK_ANY:
        return true;
    }
    return false;
}

/* Converts a default written in the signature once, at parse time. */
static void parse_default(TorchParam *p)
{
    p->dnone = !p->has_default || !strcmp(p->dflt, "None");
    p->di = p->kind == PK_DTYPE ? TS_UNDEF : 0;
    if (p->dnone) return;
    const char *d = p->dflt;
    switch (p->kind) {
    case PK_BOOL: p->di = !strcmp(d, "True"); break;
    case PK_INT: p->di = strtoll(d, NULL, 10); break;
    case PK_FLOAT: p->df = !strcmp(d, "inf") ? INFINITY : strtod(d, NULL); break;
    case PK_SCALAR:
    case PK_TS:
        p->ds = strpbrk(d, ".e") ? ts_scalar_f(strtod(d, NULL)) : ts_scalar_i(strtoll(d, NULL, 10));
        break;
    case PK_INTLIST:
    case PK_DIM:
        /* "[]" or "[-2, -1]" */
        for (const char *q = d; *q && p->dn < 4; q++)
            if (isdigit((unsigned char)*q) || *q == '-') {
                char *end;
                p->dlist[p->dn++] = strtoll(q, &end, 10);
                q = end - 1;
            }
        break;
    default: break;
    }
}

/* The default of an argument the caller left out. */
static void apply_default(const TorchParam *p, TorchArg *a)
{
    a->v = V_NONE;
    a->given = false;
    a->none = p->dnone;
    a->i = p->di;
    a->f = p->df;
    a->s = p->ds;
    a->n = p->dn;
    for (int k = 0; k < p->dn; k++) a->list[k] = p->dlist[k];
    a->str = NULL;
}

/* ------------------------------------------------------------------ */
/* binding                                                              */
/* ------------------------------------------------------------------ */

/* numpy-style spellings PyTorch accepts for its own parameter names. */
static const char *const aliases[][2] = {
    {"axis", "dim"}, {"keepdims", "keepdim"}, {"x", "input"}, {"x1", "input"}, {"x2", "other"},
};

static int find_param(const TorchSig *s, const char *name)
{
    for (int i = 0; i < s->n; i++)
        if (!strcmp(s->p[i].name, name)) return i;
    for (size_t a = 0; a < sizeof aliases / sizeof *aliases; a++)
        if (!strcmp(aliases[a][0], name)) return find_param(s, aliases[a][1]);
    return -1;
}

/* Varargs ints: x.view(2, 3), torch.zeros(2, 3). */
static bool bind_varargs(const char *fname, const TorchParam *p, Value *pos, int npos, int *k,
                         TorchArg *a, BindErr *e)
{
    int cnt = npos - *k;
    if (cnt == 1 || !(IS_INT(pos[*k]) || torch_is_tensor(pos[*k]))) {
        int at = (*k)++;
        return convert(fname, p, at, pos[at], a, e);
    }
    if (!torch_to_sizes(pos + *k, cnt, a->list, &a->n, fname)) {
        rt_exc_clear();
        if (bad_size_item(fname, p, pos + *k, cnt, e)) return false;
        return fail(e, fname, p, *k, pos[*k], p->text);
    }
    a->v = pos[*k];
    a->given = true;
    *k = npos;
    return true;
}

static bool required(const TorchParam *p) { return !p->has_default && !p->optional; }

/* PyTorch's count of a signature's positional arguments (max_pos_args),
 * self left out for methods (shift 1); -1 when varargs take the rest. */
static int max_pos(const TorchSig *s, int shift)
{
    return s->max_pos < 0 ? -1 : s->max_pos - shift;
}

/* Its count of required arguments (min_args). */
static int min_args(const TorchSig *s, int shift)
{
    return s->min_args - (shift && s->n && required(&s->p[0]));
}

/* Marks a wrong argument count/name; why is PyTorch's message for it. */
static bool mismatch(BindErr *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool mismatch(BindErr *e, const char *fmt, ...)
{
    if (e->want_why) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(e->why, sizeof e->why, fmt, ap);
        va_end(ap);
    }
    memcpy(e->msg, "MISMATCH", 9);
    return false;
}

static bool kw_given(const KwArgs *kw, const char *name)
{
    for (int j = 0; kw && j < kw->n; j++)
        if (!strcmp(((Str *)kw->names[j])->data, name)) return true;
    return false;
}

/* "missing 2 required positional argument: "a", "b"" (PyTorch's
 * wording, its plural included): the required parameters from the first
 * missing one on. */
static bool missing(const TorchSig *s, const char *fname, int from, BindErr *e)
{
    if (!e->want_why) return mismatch(e, "-");
    char names[160];
    size_t len = 0;
    int cnt = 0;
    names[0] = 0;
    for (int i = from; i < s->n && len < sizeof names; i++)
        if (required(&s->p[i]))
            len += (size_t)snprintf(names + len, sizeof names - len, "%s\"%s\"", cnt++ ? ", " : "",
                                    s->p[i].name);
    return mismatch(e, "%s() missing %d required positional argument%s: %s", fname, cnt,
                    cnt == 1 ? "s" : "", names);
}

/* Inlined into torch_sig_bind's loop (the hot path of every op call);
 * raise_no_match's second use would otherwise keep it out of line. */
static inline __attribute__((always_inline)) bool bind_one(const TorchSig *s, const char *fname,
                                                           Value *pos, int npos, KwArgs *kw,
                                                           TorchCall *c, BindErr *e)
{
    bool set[TORCH_MAX_PARAMS] = {0};
    memset(c->a, 0, sizeof c->a[0] * (size_t)s->n);   /* TorchArg is large: clear only what is used */
    c->n = s->n;
    int maxpos = max_pos(s, e->shift), given = npos - e->shift;
    if (maxpos >= 0 && given > maxpos) {
        int min = min_args(s, e->shift);
        if (min != maxpos)
            return mismatch(e, "%s() takes from %d to %d positional arguments but %d were given",
                            fname, min, maxpos, given);
        return mismatch(e, "%s() takes %d positional argument%s but %d %s given", fname, maxpos,
                        maxpos == 1 ? "" : "s", given, given == 1 ? "was" : "were");
    }
    /* Overloads told apart by a required keyword (rand's generator=,
     * zeros' names=) are skipped before any conversion; the message keeps
     * PyTorch's order of checks. */
    for (int i = e->want_why || !s->req_kwonly ? s->n : 0; i < s->n; i++)
        if (s->p[i].kwonly && required(&s->p[i]) && !kw_given(kw, s->p[i].name))
            return mismatch(e, "-");
    int k = 0;
    for (int i = 0; i < s->n && k < npos; i++) {
        const TorchParam *p = &s->p[i];
        if (p->kwonly) break;
        bool ok;
        if (p->varargs) ok = bind_varargs(fname, p, pos, npos, &k, &c->a[i], e);
        else ok = convert(fname, p, k, pos[k], &c->a[i], e), k++;
        if (!ok) return false;
        set[i] = true;
    }
    /* Too many positionals, an unknown keyword or a missing argument all
     * give PyTorch's "invalid combination" message (MISMATCH marks them),
     * or its own words when this overload is the only one that fits. */
    if (k < npos) return mismatch(e, "%s() takes %d positional arguments but %d were given", fname,
                                  k - e->shift, given);
    const char *unknown = NULL;
    for (int j = 0; kw && j < kw->n; j++) {
        const char *name = ((Str *)kw->names[j])->data;
        int i = find_param(s, name);
        if (i < 0) {
            if (!unknown) unknown = name;   /* reported after missing arguments, as PyTorch */
            continue;
        }
        if (set[i]) {
            snprintf(e->msg, sizeof e->msg, "%s() got multiple values for argument '%s'",
                     fname, name);
            return false;
        }
        if (!convert(fname, &s->p[i], -1, kw->vals[j], &c->a[i], e)) return false;
        set[i] = true;
    }
    for (int i = 0; i < s->n; i++) {
        if (set[i]) continue;
        if (required(&s->p[i])) return missing(s, fname, i, e);
        apply_default(&s->p[i], &c->a[i]);
    }
    if (unknown) return mismatch(e, "%s() got an unexpected keyword argument '%s'", fname, unknown);
    int oi = s->out_index;
    c->out = oi >= 0 && c->a[oi].given && !c->a[oi].none ? c->a[oi].t : NULL;
    c->out_v = c->out ? c->a[oi].v : V_UNBOUND;
    return true;
}

/* "(Tensor, str, dim=int)" for the invalid-combination message; PyTorch
 * leaves self out for methods and lists the keywords sorted by name. */
static void describe_args(char *buf, size_t n, Value *pos, int npos, KwArgs *kw)
{
    size_t len = (size_t)snprintf(buf, n, "(");
    for (int i = 0; i < npos && len < n; i++)
        len += (size_t)snprintf(buf + len, n - len, "%s%s", i ? ", " : "", v_typename(pos[i]));
    const char *prev = NULL;   /* keywords in name order: the next after prev */
    for (int j = 0; kw && j < kw->n && len < n; j++) {
        int best = -1;
        for (int m = 0; m < kw->n; m++) {
            const char *name = ((Str *)kw->names[m])->data;
            if ((!prev || strcmp(name, prev) > 0) &&
                (best < 0 || strcmp(name, ((Str *)kw->names[best])->data) < 0))
                best = m;
        }
        prev = ((Str *)kw->names[best])->data;
        len += (size_t)snprintf(buf + len, n - len, "%s%s=%s", (npos || j) ? ", " : "", prev,
                                v_typename(kw->vals[best]));
    }
    if (len < n) snprintf(buf + len, n - len, ")");
}

/* "(Tensor input, Tensor other, *, Number alpha, Tensor out)"; for a
 * method the first parameter (self) is left out. */
static void render_typed(const TorchSig *s, bool method, char *buf, size_t n)
{
    size_t len = (size_t)snprintf(buf, n, "(");
    bool kw = false, first = true;
    for (int i = method ? 1 : 0; i < s->n && len < n; i++) {
        const TorchParam *p = &s->p[i];
        if (p->kwonly && !kw) {
            len += (size_t)snprintf(buf + len, n - len, "%s*", first ? "" : ", ");
            kw = true;
            first = false;
        }
        len += (size_t)snprintf(buf + len, n - len, "%s%s %s", first ? "" : ", ",
                                p->text, p->name);
        first = false;
    }
    if (len < n) snprintf(buf + len, n - len, ")");
}

/* The one overload whose argument count admits the call (PyTorch's
 * "plausible" signatures: required <= given <= all), or -1. */
static int only_plausible(const TorchSigSet *set, int npos, KwArgs *kw, int shift)
{
    int found = -1, given = npos - shift + (kw ? kw->n : 0);
    for (int o = 0; o < set->n; o++) {
        if (given < min_args(&set->s[o], shift) || given > set->s[o].n - shift) continue;
        if (found >= 0) return -1;
        found = o;
    }
    return found;
}

static void raise_no_match(const TorchSigSet *set, const char *fname, Value *pos, int npos,
                           KwArgs *kw, BindErr *last, bool method)
{
    /* One overload (or one that fits the count): PyTorch names the
     * problem instead of listing the overloads. */
    if (last->decisive) {
        rt_raise(&exc_TypeError, "%s", last->elem);
        return;
    }
    int o = set->n == 1 ? 0 : only_plausible(set, npos, kw, last->shift);
    if (o >= 0) {
        /* bound again for its own error (the last one tried may be another) */
        BindErr e = {.shift = last->shift, .want_why = true};
        TorchCall c;
        bool ok = bind_one(&set->s[o], fname, pos, npos, kw, &c, &e);
        torch_call_free(&c);
        if (!ok) {
            if (strcmp(e.msg, "!"))   /* a device error stays raised */
                rt_raise(&exc_TypeError, "%s", strncmp(e.msg, "MISMATCH", 8) ? e.msg : e.why);
            return;
        }
    }
    char got[256], exp[1400], one[300];
    describe_args(got, sizeof got, pos + (method ? 1 : 0), npos - (method ? 1 : 0), kw);
    size_t len = 0;
    exp[0] = 0;
    for (int i = 0; i < set->n && len < sizeof exp; i++) {
        render_typed(&set->s[i], method, one, sizeof one);
        len += (size_t)snprintf(exp + len, sizeof exp - len, "\n * %s", one);
    }
    rt_raise(&exc_TypeError,
             "%s() received an invalid combination of arguments - got %s, but expected one of:%s\n",
             fname, got, exp);
}

bool torch_sig_bind(const TorchSigSet *set, const char *fname, Value self, Value *args,
                    int nargs, KwArgs *kw, TorchCall *c, bool is_method)
{
    /* For methods self is args[0] already (cfunc_call prepends it), so it
     * binds the first parameter like torch.X's `input`. */
    (void)self;
    Value *pos = args;
    int npos = nargs;
    BindErr e;
    e.msg[0] = 0;   /* a string: clearing all 256 bytes per call showed in profiles */
    e.shift = is_method;
    e.decisive = e.want_why = false;
    for (int o = 0; o < set->n; o++) {
        c->overload = o;
        if (bind_one(&set->s[o], fname, pos, npos, kw, c, &e)) return true;
        if (!strcmp(e.msg, "!")) return false;   /* a device error stays raised */
        torch_call_free(c);
    }
    raise_no_match(set, fname, pos, npos, kw, &e, is_method);
    return false;
}

void torch_call_free(TorchCall *c)
{
    for (int i = 0; i < c->n; i++)
        if (c->a[i].tl) {   /* rare (cat, stack): skip the call to free */
            free(c->a[i].tl);
            c->a[i].tl = NULL;
        }
}
