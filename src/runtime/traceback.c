/* traceback.c — recording tracebacks and printing them like CPython.
 *
 * As an exception leaves a frame, tb_add prepends (filename, line,
 * function, source line) to the exception's traceback list, so the list
 * ends up outermost first, the order CPython prints.  vm_print_exception
 * prints chained exceptions first (__cause__, else __context__), then the
 * "Traceback (most recent call last):" block and the final "Name: message"
 * line, with the "Did you mean" hint for NameError/AttributeError.  A
 * SyntaxError from the parser prints the file/line block with the caret.
 */
#include <string.h>
#include "objects.h"
#include "vm_internal.h"

Value tb_source_line(Value src, int line)
{
    if (!IS_TYPE(src, &str_type) || line < 1) return str_from_cstr("");
    const char *p = str_cstr(src), *end = p + ((Str *)src.o)->len;
    for (int l = 1; l < line && p < end; p++)
        if (*p == '\n') l++;
    const char *e = p;
    while (e < end && *e != '\n') e++;
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\f')) p++;
    while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) e--;
    return str_new(p, e - p);
}

static bool is_exc(Value v) { return IS_OBJ(v) && v.o->type->is_exception; }

void tb_add(Frame *f)
{
    if (!is_exc(rt_exc)) return;
    ExcObj *e = (ExcObj *)rt_exc.o;
    if (!IS_TYPE(e->traceback, &list_type)) {
        Value l = list_new(0);
        if (IS_ERR(l)) return;
        v_decref(e->traceback);
        e->traceback = l;
    }
    Code *co = f->code;
    int line = vm_frame_line(f);
    Value src = tb_source_line(co->source, line);
    if (IS_ERR(src)) return;
    Value entry = tuple_pack(4, co->filename, v_int(line), co->name, src);
    v_decref(src);
    if (IS_ERR(entry)) return;
    list_insert(e->traceback, 0, entry);
    v_decref(entry);
}

/* ---- SyntaxError ---- */

Value syntax_error_from_parse(const ParseError *pe, const char *filename)
{
    Type *t = pe->kind && !strcmp(pe->kind, "IndentationError") ? &exc_IndentationError : &exc_SyntaxError;
    Value msg = str_from_cstr(pe->msg);
    Value fn = str_from_cstr(filename);
    Value text = str_from_cstr(pe->text);
    Value loc = V_ERR, args = V_ERR;
    if (!IS_ERR(msg) && !IS_ERR(fn) && !IS_ERR(text)) {
        loc = tuple_pack(6, fn, v_int(pe->line), v_int(pe->col), text, v_int(pe->line),
                         v_int(pe->end_col ? pe->end_col : pe->col));
        if (!IS_ERR(loc)) args = tuple_pack(2, msg, loc);
    }
    v_decref(msg);
    v_decref(fn);
    v_decref(text);
    v_decref(loc);
    if (IS_ERR(args)) return V_ERR;
    Value e = exc_new(t, args);
    v_decref(args);
    if (IS_ERR(e)) return e;
    rt_raise_value(e);
    v_decref(e);
    return V_ERR;
}

static Value get_attr_soft(Value o, const char *name)
{
    Value v = v_getattr_cstr(o, name);
    if (IS_ERR(v)) {
        rt_exc_clear();
        return V_NONE;
    }
    return v;
}

static void print_syntax_block(FILE *f, Value exc)
{
    Value fn = get_attr_soft(exc, "filename"), ln = get_attr_soft(exc, "lineno");
    Value off = get_attr_soft(exc, "offset"), endoff = get_attr_soft(exc, "end_offset");
    Value text = get_attr_soft(exc, "text");
    fprintf(f, "  File \"%s\", line %lld\n", IS_TYPE(fn, &str_type) ? str_cstr(fn) : "<string>",
            IS_INT(ln) ? (long long)ln.i : 0LL);
    if (IS_TYPE(text, &str_type)) {
        const char *s = str_cstr(text);
        int lead = 0;
        while (s[lead] == ' ' || s[lead] == '\t' || s[lead] == '\f') lead++;
        int len = (int)strlen(s + lead);
        while (len > 0 && (s[lead + len - 1] == '\n' || s[lead + len - 1] == ' ' || s[lead + len - 1] == '\r'))
            len--;
        fprintf(f, "    %.*s\n", len, s + lead);
        if (IS_INT(off) && off.i > 0) {
            int col = (int)off.i - 1 - lead;
            if (col > len) col = len;
            /* CPython: an offset inside the stripped indentation prints no
             * caret, and an IndentationError marks one column only. */
            bool indent_err = v_isinstance(exc, &exc_IndentationError);
            int width = !indent_err && IS_INT(endoff) && endoff.i > off.i ? (int)(endoff.i - off.i) : 1;
            if (col < 0) width = 0;
            if (width) fprintf(f, "    %*s", col, "");
            for (int i = 0; i < width; i++) fputc('^', f);
            if (width) fputc('\n', f);
        }
    }
    v_decref(fn);
    v_decref(ln);
    v_decref(off);
    v_decref(endoff);
    v_decref(text);
}

/* ---- the final line ---- */

static void print_exc_name(FILE *f, Type *t)
{
    if (t->is_class && t->dict) {
        Value m = dict_get_cstr(v_obj(t->dict), "__module__");
        Value q = dict_get_cstr(v_obj(t->dict), "__qualname__");
        if (IS_TYPE(m, &str_type) && strcmp(str_cstr(m), "builtins") && strcmp(str_cstr(m), "__main__")) {
            fprintf(f, "%s.%s", str_cstr(m), IS_TYPE(q, &str_type) ? str_cstr(q) : t->name);
            return;
        }
    }
    fputs(t->name, f);
}

static void print_hint(FILE *f, Value exc)
{
    Value d = ((Instance *)exc.o)->dict;
    if (!IS_OBJ(d)) return;
    Value hint = dict_get_cstr(d, "__tsc_hint__");
    if (IS_TYPE(hint, &str_type)) {
        fprintf(f, ". Did you mean: '%s'?", str_cstr(hint));
        return;
    }
    if (!v_isinstance(exc, &exc_AttributeError)) return;
    Value name = dict_get_cstr(d, "name"), obj = dict_get_cstr(d, "obj");
    if (!IS_TYPE(name, &str_type) || IS_UNBOUND(obj) || IS_ERR(obj)) return;
    Value keep;
    const char *s = suggest_attr(obj, str_cstr(name), &keep);
    if (s) fprintf(f, ". Did you mean: '%s'?", s);
    v_decref(keep);
}

static void print_last_line(FILE *f, Value exc)
{
    Type *t = v_type(exc);
    print_exc_name(f, t);
    Value s = v_isinstance(exc, &exc_SyntaxError) ? get_attr_soft(exc, "msg") : v_str(exc);
    if (IS_NONE(s)) s = str_from_cstr("");
    if (IS_ERR(s)) {
        rt_exc_clear();
        fputs(": <exception str() failed>", f);
    } else {
        if (((Str *)s.o)->len) fprintf(f, ": %s", str_cstr(s));
        v_decref(s);
    }
    print_hint(f, exc);
    fputc('\n', f);
}

static bool same_entry(Tuple *a, Tuple *b)
{
    return a->items[1].i == b->items[1].i && str_eq(a->items[0], b->items[0]) &&
           str_eq(a->items[2], b->items[2]);
}

/* Runs of more than three identical entries (deep recursion) collapse into
 * "[Previous line repeated N more times]", as CPython prints them. */
static void print_tb(FILE *f, Value tb)
{
    if (!IS_TYPE(tb, &list_type) || ((List *)tb.o)->len == 0) return;
    fputs("Traceback (most recent call last):\n", f);
    List *l = (List *)tb.o;
    int64_t repeat = 0;
    for (int64_t i = 0; i < l->len; i++) {
        Tuple *e = (Tuple *)l->items[i].o;
        repeat = (i > 0 && same_entry(e, (Tuple *)l->items[i - 1].o)) ? repeat + 1 : 0;
        if (repeat >= 3) {
            bool last = i + 1 == l->len || !same_entry(e, (Tuple *)l->items[i + 1].o);
            if (last)
                fprintf(f, "  [Previous line repeated %lld more time%s]\n", (long long)(repeat - 2),
                        repeat - 2 == 1 ? "" : "s");
            continue;
        }
        fprintf(f, "  File \"%s\", line %lld, in %s\n", str_cstr(e->items[0]), (long long)e->items[1].i,
                str_cstr(e->items[2]));
        /* Like CPython, source from -c, stdin or the prompt ("<...>") is not
         * quoted: only real files are re-read for tracebacks. */
        bool pseudo_file = str_cstr(e->items[0])[0] == '<';
        if (!pseudo_file && ((Str *)e->items[3].o)->len) fprintf(f, "    %s\n", str_cstr(e->items[3]));
    }
}

static void print_one(FILE *f, Value exc, int depth)
{
    if (!is_exc(exc)) {
        Value r = v_repr(exc);
        fprintf(f, "%s\n", IS_ERR(r) ? "?" : str_cstr(r));
        if (IS_ERR(r)) rt_exc_clear();
        v_decref(r);
        return;
    }
    ExcObj *e = (ExcObj *)exc.o;
    if (depth < 32) {
        Value sup = IS_OBJ(e->inst.dict) ? dict_get_cstr(e->inst.dict, "__suppress_context__") : V_UNBOUND;
        if (is_exc(e->cause)) {
            print_one(f, e->cause, depth + 1);
            fputs("\nThe above exception was the direct cause of the following exception:\n\n", f);
        } else if (is_exc(e->context) && !(IS_BOOL(sup) && sup.b)) {
            print_one(f, e->context, depth + 1);
            fputs("\nDuring handling of the above exception, another exception occurred:\n\n", f);
        }
    }
    print_tb(f, e->traceback);
    if (v_isinstance(exc, &exc_SyntaxError)) print_syntax_block(f, exc);
    print_last_line(f, exc);
}

void vm_print_exception(FILE *f)
{
    Value exc = rt_exc_take();
    if (IS_NONE(exc)) return;
    fflush(stdout);
    print_one(f, exc, 0);
    fflush(f);
    v_decref(exc);
}
