/* help.c — help(obj): pydoc's plain-text layout, built from the same
 * MethodDef rows that define the builtins, the modules and the tensor
 * methods (doc = "signature\n\ndescription"), and from the docstrings and
 * parameter lists of user functions.
 *
 *   Help on built-in function len in module builtins:
 *
 *   len(obj, /)
 *       Return the number of items in a container.
 *
 * Types and modules list their functions with the first line of each
 * description.  Anything else shows the help of its type, as pydoc does. */
#include <stdlib.h>
#include <string.h>

#include "bi_private.h"
#include "objects.h"
#include "vm_internal.h"   /* FuncObj/Code: a user function's parameters */

/* ------------------------------------------------------------ text */

/* Writes text with every line prefixed by indent (blank lines get the
 * indent too, as pydoc prints them). */
static void put_indented(FILE *f, const char *indent, const char *text)
{
    while (*text) {
        const char *nl = strchr(text, '\n');
        size_t n = nl ? (size_t)(nl - text) : strlen(text);
        fprintf(f, "%s%.*s\n", indent, (int)n, text);
        text += n + (nl ? 1 : 0);
    }
}

/* The description part of a MethodDef doc (after the blank line), or "". */
static const char *doc_body(const char *doc)
{
    const char *p = doc ? strstr(doc, "\n\n") : NULL;
    return p ? p + 2 : "";
}

/* The signature part (the lines before the first blank line). */
static int doc_sig_len(const char *doc)
{
    const char *p = strstr(doc, "\n\n");
    return p ? (int)(p - doc) : (int)strlen(doc);
}

/* inspect.cleandoc: drop the common indentation of lines 2.., and leading
 * and trailing blank lines.  Returns a malloc'd string (NULL: no memory). */
static char *clean_doc(const char *doc)
{
    size_t n = strlen(doc), margin = (size_t)-1;
    for (const char *p = strchr(doc, '\n'); p; p = strchr(p + 1, '\n')) {
        size_t ind = strspn(p + 1, " ");
        char c = p[1 + ind];
        if (c && c != '\n' && ind < margin) margin = ind;
    }
    char *out = rt_alloc(n + 2), *o = out;   /* + a final newline + NUL */
    if (!out) return NULL;
    const char *p = doc + strspn(doc, " ");
    for (bool first = true; *p; first = false) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        size_t skip = first ? 0 : (len < margin ? len : margin);
        if (!first && strspn(p, " ") < skip) skip = strspn(p, " ");
        memcpy(o, p + skip, len - skip);
        o += len - skip;
        *o++ = '\n';
        p += len + (nl ? 1 : 0);
    }
    *o = 0;
    while (o > out && (o[-1] == '\n' || o[-1] == ' ')) *--o = 0;   /* trailing blanks */
    char *start = out;
    while (*start == '\n') start++;
    memmove(out, start, strlen(start) + 1);
    return out;
}

/* ------------------------------------------------------- signatures */

/* A user function's parameter list: "(a, b=2, *args, c, d='x', **kw)". */
static Value func_signature(FuncObj *fn, bool skip_self)
{
    Code *c = fn->code;
    StrBuf b;
    if (!sb_init(&b, 64) || !sb_addc(&b, '(')) return V_ERR;
    int ndef = IS_TYPE(fn->defaults, &tuple_type) ? (int)((Tuple *)fn->defaults.o)->len : 0;
    bool first = true;
    for (int i = skip_self ? 1 : 0; i < c->argcount; i++, first = false) {
        if (!first) sb_adds(&b, ", ");
        sb_addv(&b, v_obj(c->slotnames[i]));
        int d = i - (c->argcount - ndef);
        if (d >= 0) { sb_addc(&b, '='); sb_addrepr(&b, ((Tuple *)fn->defaults.o)->items[d]); }
    }
    int star = c->argcount + c->kwonlycount;
    if (c->has_varargs || c->kwonlycount) {
        if (!first) sb_adds(&b, ", ");
        sb_addc(&b, '*');
        if (c->has_varargs) sb_addv(&b, v_obj(c->slotnames[star]));
        first = false;
    }
    for (int i = c->argcount; i < c->argcount + c->kwonlycount; i++) {
        sb_adds(&b, ", ");
        sb_addv(&b, v_obj(c->slotnames[i]));
        Value d = IS_OBJ(fn->kwdefaults) ? dict_get(fn->kwdefaults, v_obj(c->slotnames[i])) : V_UNBOUND;
        if (!IS_UNBOUND(d) && !IS_ERR(d)) { sb_addc(&b, '='); sb_addrepr(&b, d); }
    }
    if (c->has_varkw) {
        if (!first) sb_adds(&b, ", ");
        sb_adds(&b, "**");
        sb_addv(&b, v_obj(c->slotnames[star + (c->has_varargs ? 1 : 0)]));
    }
    if (!sb_addc(&b, ')')) return V_ERR;
    return sb_finish(&b);
}

/* The module a builtin object lives in: the first loaded module whose dict
 * holds it, else `dflt`. */
static const char *home_module(Value obj, const char *dflt)
{
    if (bi_is_type(obj) && ((Type *)obj.o)->is_class) return "__main__";
    Value b = builtins_dict(), k, v;
    for (int64_t i = 0; IS_OBJ(b) && dict_next(b, &i, &k, &v);)
        if (v_is(v, obj)) return "builtins";
    Value mods = mod_sys_modules();
    for (int64_t i = 0; IS_OBJ(mods) && dict_next(mods, &i, &k, &v);) {
        if (!IS_TYPE(v, &module_type)) continue;
        Value d = ((Module *)v.o)->dict, k2, v2;
        for (int64_t j = 0; dict_next(d, &j, &k2, &v2);)
            if (v_is(v2, obj)) return str_cstr(k);
    }
    return dflt;
}

/* ------------------------------------------------------- one object */

static void help_cfunc(FILE *f, CFuncObj *cf)
{
    const MethodDef *d = cf->def;
    const char *doc = d->doc ? d->doc : d->name;
    if (!IS_UNBOUND(cf->self) && !IS_TYPE(cf->self, &module_type)) {
        Type *t = bi_is_type(cf->self) ? (Type *)cf->self.o : v_type(cf->self);
        fprintf(f, "Help on built-in function %s:\n\n%.*s method of %s.%s instance\n", d->name,
                doc_sig_len(doc), doc, home_module(v_obj(t), "builtins"), t->name);
    } else {
        fprintf(f, "Help on built-in function %s in module %s:\n\n%.*s\n", d->name,
                home_module(v_obj(cf), "builtins"), doc_sig_len(doc), doc);
    }
    put_indented(f, "    ", doc_body(doc));
    fputc('\n', f);
}

static bool help_func(FILE *f, FuncObj *fn, Value self)
{
    Value sig = func_signature(fn, !IS_UNBOUND(self));
    if (IS_ERR(sig)) return false;
    const char *name = str_cstr(fn->name);
    Value modname = dict_get_cstr(fn->globals, "__name__");
    const char *mod = IS_OBJ(modname) ? str_cstr(modname) : "__main__";
    if (IS_UNBOUND(self)) {
        fprintf(f, "Help on function %s in module %s:\n\n%s%s\n", name, mod, name, str_cstr(sig));
    } else {
        fprintf(f, "Help on method %s in module %s:\n\n%s%s method of %s.%s instance\n", name, mod, name,
                str_cstr(sig), mod, v_type(self)->name);
    }
    v_decref(sig);
    if (IS_OBJ(fn->doc)) {
        char *doc = clean_doc(str_cstr(fn->doc));
        if (!doc) return false;
        put_indented(f, "    ", doc);
        free(doc);
    }
    fputc('\n', f);
    return true;
}

/* One entry of a type's or module's listing: signature + first doc line. */
static void list_entry(FILE *f, const char *prefix, Value name, Value v)
{
    if (IS_TYPE(v, &cfunc_type)) {
        const char *doc = ((CFuncObj *)v.o)->def->doc;
        if (!doc) { fprintf(f, "%s%s(...)\n", prefix, str_cstr(name)); return; }
        fprintf(f, "%s%.*s\n", prefix, doc_sig_len(doc), doc);
        const char *body = doc_body(doc), *nl = strchr(body, '\n');
        if (*body) fprintf(f, "%s    %.*s\n", prefix, nl ? (int)(nl - body) : (int)strlen(body), body);
    } else if (IS_TYPE(v, &func_type)) {
        FuncObj *fn = (FuncObj *)v.o;
        Value sig = func_signature(fn, false);
        if (IS_ERR(sig)) { rt_exc_clear(); return; }
        fprintf(f, "%s%s%s\n", prefix, str_cstr(name), str_cstr(sig));
        v_decref(sig);
        if (IS_OBJ(fn->doc)) {
            const char *d = str_cstr(fn->doc), *nl = strchr(d, '\n');
            fprintf(f, "%s    %.*s\n", prefix, nl ? (int)(nl - d) : (int)strlen(d), d);
        }
    } else {
        return;
    }
    fprintf(f, "%s\n", prefix[0] == ' ' && prefix[1] == '|' ? " |  " : "");
}

/* The names of a dict, sorted, as a new list (public names only). */
static Value sorted_public(Value dict)
{
    Value l = list_new(0), k, v;
    for (int64_t i = 0; !IS_ERR(l) && dict_next(dict, &i, &k, &v);) {
        if (!v_isinstance(k, &str_type)) continue;
        const char *s = str_cstr(k);
        if (s[0] == '_' && !(s[1] == '_' && strcmp(s, "__init__") == 0)) continue;
        if (list_append(l, k) < 0) { v_decref(l); return V_ERR; }
    }
    if (!IS_ERR(l) && list_sort(l, V_UNBOUND, false) < 0) { v_decref(l); return V_ERR; }
    return l;
}

static bool help_type(FILE *f, Type *t)
{
    fprintf(f, "Help on class %s in module %s:\n\nclass %s", t->name, home_module(v_obj(t), "builtins"), t->name);
    if (t->base) fprintf(f, "(%s)", t->base->name);
    fputc('\n', f);
    Value doc = t->dict ? dict_get_cstr(v_obj(t->dict), "__doc__") : V_UNBOUND;
    if (IS_OBJ(doc) && v_isinstance(doc, &str_type)) {
        char *d = clean_doc(str_cstr(doc));
        if (!d) return false;
        put_indented(f, " |  ", d);
        free(d);
        fprintf(f, " |  \n");
    } else if (t->doc) {
        put_indented(f, " |  ", t->doc);
        fprintf(f, " |  \n");
    }
    if (t->dict) {
        Value names = sorted_public(v_obj(t->dict));
        if (IS_ERR(names)) return false;
        fprintf(f, " |  Methods defined here:\n |  \n");
        List *l = (List *)names.o;
        for (int64_t i = 0; i < l->len; i++)
            list_entry(f, " |  ", l->items[i], dict_get(v_obj(t->dict), l->items[i]));
        v_decref(names);
    }
    fputc('\n', f);
    return true;
}

/* Attribute `name` of module m (new reference): from its dict, or, for a
 * name only its __dir__ lists (torch.einsum before first use), through
 * its __getattr__; V_UNBOUND when neither answers. */
static Value module_attr(Value m, Value name)
{
    Value v = dict_get(((Module *)m.o)->dict, name);
    if (!IS_UNBOUND(v) && !IS_ERR(v)) return v_incref(v);
    v = v_getattr_cstr(m, str_cstr(name));
    if (IS_ERR(v)) { rt_exc_clear(); return V_UNBOUND; }
    return v;
}

/* The public names of module m, sorted: its dict's, or its __dir__'s. */
static Value module_names(Value m)
{
    Value d = ((Module *)m.o)->dict;
    if (IS_UNBOUND(dict_get_cstr(d, "__dir__"))) return sorted_public(d);
    Value all = bi_dir_list(m);
    if (IS_ERR(all)) return all;
    Value l = list_new(0);
    List *a = (List *)all.o;
    for (int64_t i = 0; !IS_ERR(l) && i < a->len; i++) {
        if (str_cstr(a->items[i])[0] == '_') continue;
        if (list_append(l, a->items[i]) < 0) { v_decref(l); l = V_ERR; }
    }
    v_decref(all);
    return l;
}

static bool help_module(FILE *f, Value m)
{
    const char *name = str_cstr(v_obj(((Module *)m.o)->name));
    fprintf(f, "Help on module %s:\n\nNAME\n    %s\n\n", name, name);
    Value names = module_names(m);
    if (IS_ERR(names)) return false;
    List *l = (List *)names.o;
    bool any_fn = false, any_data = false;
    for (int64_t i = 0; i < l->len; i++) {
        Value v = module_attr(m, l->items[i]);
        bool fn = IS_TYPE(v, &cfunc_type) || IS_TYPE(v, &func_type);
        if (fn && !any_fn) { fprintf(f, "FUNCTIONS\n"); any_fn = true; }
        if (fn) list_entry(f, "    ", l->items[i], v);
        v_decref(v);
    }
    for (int64_t i = 0; i < l->len; i++) {
        Value v = module_attr(m, l->items[i]);
        if (IS_UNBOUND(v) || IS_TYPE(v, &cfunc_type) || IS_TYPE(v, &func_type) ||
            IS_TYPE(v, &module_type) || bi_is_type(v)) {
            v_decref(v);
            continue;
        }
        Value r = v_repr(v);
        v_decref(v);
        if (IS_ERR(r)) { rt_exc_clear(); continue; }
        if (!any_data) { fprintf(f, "DATA\n"); any_data = true; }
        fprintf(f, "    %s = %s\n", str_cstr(l->items[i]), str_cstr(r));
        v_decref(r);
    }
    if (any_data) fputc('\n', f);
    v_decref(names);
    return true;
}

/* help('name'): a builtin, a module, or a dotted module attribute. */
static bool help_topic(FILE *f, const char *topic)
{
    Value b = builtins_dict();
    Value v = IS_OBJ(b) ? dict_get_cstr(b, topic) : V_UNBOUND;
    if (!IS_UNBOUND(v) && !IS_ERR(v)) return help_write(f, v);
    Value m = rt_import(topic);
    if (!IS_ERR(m)) { bool ok = help_write(f, m); v_decref(m); return ok; }
    rt_exc_clear();
    const char *dot = strrchr(topic, '.');
    if (dot && (size_t)(dot - topic) < 256) {
        char mod[256];
        memcpy(mod, topic, (size_t)(dot - topic));
        mod[dot - topic] = 0;
        m = rt_import(mod);
        Value a = IS_ERR(m) ? V_ERR : v_getattr_cstr(m, dot + 1);
        v_decref(m);
        if (!IS_ERR(a)) { bool ok = help_write(f, a); v_decref(a); return ok; }
        rt_exc_clear();
    }
    fprintf(f, "No Python documentation found for '%s'.\nUse help() to get the interactive help utility.\n"
               "Use help(str) for help on the str class.\n\n", topic);
    return true;
}

bool help_write(FILE *f, Value obj)
{
    if (IS_TYPE(obj, &str_type)) return help_topic(f, str_cstr(obj));
    if (IS_TYPE(obj, &cfunc_type)) { help_cfunc(f, (CFuncObj *)obj.o); return true; }
    if (IS_TYPE(obj, &func_type)) return help_func(f, (FuncObj *)obj.o, V_UNBOUND);
    if (IS_TYPE(obj, &method_type)) {
        MethodObj *m = (MethodObj *)obj.o;
        if (IS_TYPE(m->func, &func_type)) return help_func(f, (FuncObj *)m->func.o, m->self);
        return help_write(f, m->func);
    }
    if (IS_TYPE(obj, &module_type)) return help_module(f, obj);
    if (bi_is_type(obj)) return help_type(f, (Type *)obj.o);
    return help_type(f, v_type(obj));
}

Value bi_help(Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw("help", kw) || !args_count("help", nargs, 0, 1)) return V_ERR;
    if (nargs == 0) {
        printf("Type help(object) for help about object: help(len), help(torch.zeros),\n"
               "help(x.sum) for a tensor x, help('math') for a module.\n");
        return V_NONE;
    }
    fflush(stdout);
    return help_write(stdout, args[0]) ? V_NONE : V_ERR;
}
