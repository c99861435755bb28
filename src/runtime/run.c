/* run.c — starting the runtime and running source text.
 *
 * vm_init brings the layers up in dependency order (data types, the
 * object model, builtins), vm_run_source parses, compiles and runs one
 * piece of source in a namespace, turning a parse error into a SyntaxError
 * that carries the file, line, column and text for the caret display.
 */
#include <stdio.h>
#include <string.h>
#include "builtins.h"
#include "objects.h"
#include "vm_internal.h"

/* Declared by the builtins layer (bi_private.h): records sys.argv. */
void mod_sys_set_argv(int argc, char **argv);
void gen_init_type(void);

static Value main_globals = {.tag = VT_NONE};

/* Names of the object model the builtins layer may not register itself. */
static void add_builtin_names(void)
{
    Value b = builtins_dict();
    struct { const char *name; Value v; } rows[] = {
        {"object", v_obj(&object_type)}, {"type", v_obj(&type_type)},
        {"super", v_obj(&super_type)}, {"property", v_obj(&property_type)},
        {"staticmethod", v_obj(&staticmethod_type)}, {"classmethod", v_obj(&classmethod_type)},
        {"NotImplemented", V_NONE}, {"Ellipsis", V_NONE},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        if (!IS_UNBOUND(dict_get_cstr(b, rows[i].name))) continue;
        Value v = rows[i].v;
        if (!strcmp(rows[i].name, "NotImplemented")) v = rt_notimpl();
        else if (!strcmp(rows[i].name, "Ellipsis")) v = v_ellipsis();
        else v_incref(v);
        dict_set_cstr(b, rows[i].name, v);
        v_decref(v);
    }
}

void vm_init(int argc, char **argv)
{
    vm_init_cstack();
    objects_init();
    object_init_types();
    gen_init_type();
    builtins_init();
    add_builtin_names();
    mod_sys_set_argv(argc, argv);
    rt_exc_clear();
}

void vm_shutdown(void)
{
    fflush(stdout);
    fflush(stderr);
}

Value vm_main_globals(void)
{
    if (IS_NONE(main_globals)) {
        main_globals = dict_new();
        if (IS_ERR(main_globals)) {
            main_globals = V_NONE;
            return V_ERR;
        }
        Value name = str_from_cstr("__main__");
        if (!IS_ERR(name)) {
            dict_set_cstr(main_globals, "__name__", name);
            v_decref(name);
        }
        dict_set_cstr(main_globals, "__doc__", V_NONE);
    }
    return main_globals;
}

Value vm_run_source(const char *src, size_t len, const char *filename, ParseMode mode,
                    Value globals, bool echo)
{
    ParseResult pr = parse_source(src, len, filename, mode);
    if (!pr.module) {
        syntax_error_from_parse(&pr.err, filename);
        parse_free(&pr);
        return V_ERR;
    }
    Value source = str_new(src, (int64_t)len);
    if (IS_ERR(source)) {
        parse_free(&pr);
        return V_ERR;
    }
    if (IS_UNBOUND(dict_get_cstr(globals, "__name__"))) {
        Value n = str_from_cstr("__main__");
        if (!IS_ERR(n)) {
            dict_set_cstr(globals, "__name__", n);
            v_decref(n);
        }
    }
    Code *co = comp_module(pr.arena, pr.module, filename, source, echo);
    parse_free(&pr);
    v_decref(source);
    if (!co) return V_ERR;
    Value r = vm_run_code(co, globals, globals, V_NONE);
    obj_decref(&co->hdr);
    if (IS_ERR(r)) return r;
    v_decref(r);
    return V_NONE;
}
