/* mod_sys.c — the sys module: argv, exit, the standard streams, the
 * recursion limit and the module cache.
 *
 * main records the script's argv before anything is imported
 * (mod_sys_set_argv); if sys is already loaded the list is replaced in
 * place, so `import sys` anywhere sees the final argv. */
#include <stdint.h>
#include <stdio.h>

#include "bi_private.h"
#include "objects.h"
#include "vm.h"
#include "vm_internal.h"   /* vm_handled, for exc_info */

static int saved_argc;
static char **saved_argv;

static Value make_argv(void)
{
    Value l = list_new(0);
    if (saved_argc == 0 && !IS_ERR(l)) {
        Value empty = str_from_cstr("");
        if (IS_ERR(empty) || list_append(l, empty) < 0) { v_decref(l); l = V_ERR; }
        v_decref(empty);
    }
    for (int i = 0; i < saved_argc && !IS_ERR(l); i++) {
        Value s = str_from_cstr(saved_argv[i]);
        if (IS_ERR(s) || list_append(l, s) < 0) { v_decref(l); l = V_ERR; }
        v_decref(s);
    }
    return l;
}

void mod_sys_set_argv(int argc, char **argv)
{
    saved_argc = argc, saved_argv = argv;
    Value sys = mod_loaded("sys");
    if (IS_UNBOUND(sys)) return;
    Value l = make_argv();
    if (!IS_ERR(l)) mod_set(sys, "argv", l);
    else rt_exc_clear();
    v_decref(l);
}

static Value s_exit(Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw("exit", kw) || !args_count("exit", nargs, 0, 1)) return V_ERR;
    return bi_raise_args(&exc_SystemExit, args, nargs);
}

static Value s_getrecursionlimit(Value *args, int nargs, KwArgs *kw)
{
    (void)args;
    if (!args_nokw("getrecursionlimit", kw) || !args_count("getrecursionlimit", nargs, 0, 0)) return V_ERR;
    return v_int(rt_recursion_limit);
}

static Value s_setrecursionlimit(Value *args, int nargs, KwArgs *kw)
{
    int64_t n;
    if (!args_nokw("setrecursionlimit", kw) || !args_one("sys.setrecursionlimit", nargs)) return V_ERR;
    if (IS_FLOAT(args[0])) return rt_raise(&exc_TypeError, "'float' object cannot be interpreted as an integer");
    if (!num_index(args[0], &n)) return V_ERR;
    if (n < 1) return rt_raise(&exc_ValueError, "recursion limit must be greater or equal than 1");
    rt_recursion_limit = n > INT32_MAX ? INT32_MAX : (int)n;
    return V_NONE;
}

static Value s_getsizeof(Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw("getsizeof", kw) || !args_count("getsizeof", nargs, 1, 2)) return V_ERR;
    Type *t = v_type(args[0]);
    return v_int(IS_OBJ(args[0]) ? (int64_t)t->basicsize + 16 : 28);
}

/* The exception being handled (vm_handled: except blocks, generators). */
static Value s_exc_info(Value *args, int nargs, KwArgs *kw)
{
    (void)args;
    if (!args_nokw("exc_info", kw) || !args_count("exc_info", nargs, 0, 0)) return V_ERR;
    Value e = vm_handled;
    if (!IS_OBJ(e)) return tuple_pack(3, V_NONE, V_NONE, V_NONE);
    Value tb = v_getattr_cstr(e, "__traceback__");
    if (IS_ERR(tb)) {
        rt_exc_clear();
        tb = V_NONE;
    }
    Value r = tuple_pack(3, v_obj(v_type(e)), e, tb);
    v_decref(tb);
    return r;
}

static Value s_exception(Value *args, int nargs, KwArgs *kw)
{
    (void)args;
    if (!args_nokw("exception", kw) || !args_count("exception", nargs, 0, 0)) return V_ERR;
    return v_incref(vm_handled);
}

static const MethodDef sys_functions[] = {
    {"exc_info", s_exc_info, "exc_info()\n\nReturn current exception information: (type, value, traceback).", 0},
    {"exception", s_exception, "exception()\n\nReturn the current exception.", 0},
    {"exit", s_exit, "exit(status=None, /)\n\nExit the interpreter by raising SystemExit(status).\n\n"
     "If the status is omitted or None, it defaults to zero (i.e., success).\n"
     "If the status is an integer, it will be used as the system exit status.\n"
     "If it is another kind of object, it will be printed and the system\nexit status will be one (i.e., failure).", 0},
    {"getrecursionlimit", s_getrecursionlimit, "getrecursionlimit()\n\nReturn the current value of the recursion limit.\n\n"
     "The recursion limit is the maximum depth of the interpreter stack.", 0},
    {"setrecursionlimit", s_setrecursionlimit, "setrecursionlimit(limit, /)\n\nSet the maximum depth of the interpreter stack to n.\n\n"
     "This limit prevents infinite recursion from crashing the interpreter.", 0},
    {"getsizeof", s_getsizeof, "getsizeof(object [, default]) -> int\n\nReturn the size of object in bytes (approximate).", 0},
    {NULL, NULL, NULL, 0},
};

/* Sets name to a new value, consuming the reference. */
static bool set_owned(Value m, const char *name, Value v)
{
    bool ok = mod_set(m, name, v);
    v_decref(v);
    return ok;
}

static bool add_streams(Value m)
{
    return set_owned(m, "stdin", bi_file_wrap(stdin, "<stdin>", "r", false)) &&
           set_owned(m, "stdout", bi_file_wrap(stdout, "<stdout>", "w", false)) &&
           set_owned(m, "stderr", bi_file_wrap(stderr, "<stderr>", "w", false));
}

static bool add_version(Value m)
{
    Value fin = str_from_cstr("final");
    if (IS_ERR(fin)) return false;
    Value vi = tuple_pack(5, v_int(3), v_int(11), v_int(7), fin, v_int(0));
    v_decref(fin);
    return set_owned(m, "version_info", vi) &&
           set_owned(m, "version", str_from_cstr("3.11.7 (TensorScript 0.1.0)")) &&
           set_owned(m, "platform", str_from_cstr("linux")) &&
           set_owned(m, "byteorder", str_from_cstr("little")) &&
           set_owned(m, "executable", str_from_cstr("tsc"));
}

bool mod_sys_init(Value m)
{
    module_add_functions(m, sys_functions);
    Value mods = mod_sys_modules();
    if (IS_ERR(mods) || !mod_set(m, "modules", mods)) return false;
    Value path = list_new(0);
    Value empty = str_from_cstr("");
    bool ok = !IS_ERR(path) && !IS_ERR(empty) && list_append(path, empty) >= 0;
    v_decref(empty);
    if (!ok) { v_decref(path); return false; }
    return set_owned(m, "path", path) && set_owned(m, "argv", make_argv()) &&
           mod_set(m, "maxsize", v_int(INT64_MAX)) && add_streams(m) && add_version(m);
}
