/* mod_warnings.c — _warnings: the one thing the warnings module
 * (lib/warnings.tsc) cannot do in TensorScript: find the frame a warning
 * is attributed to.  _location(stacklevel) walks stacklevel frames up from
 * the caller of warn() and returns (filename, lineno, source line
 * stripped, module __name__); past the outermost frame it returns
 * ("sys", 1, "", "sys") as CPython does. */
#include <string.h>

#include "bi_private.h"
#include "objects.h"
#include "vm_internal.h"

static Value w_location(Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw("_location", kw) || !args_one("_location", nargs)) return V_ERR;
    if (!IS_INT(args[0])) return rt_raise(&exc_TypeError, "_location() expects an int");
    /* vm_frame is warn()'s own frame (a native call pushes none). */
    Frame *f = vm_frame;
    for (int64_t n = args[0].i; f && n > 0; n--) f = f->back;
    if (!f || !f->code) {
        Value s = str_from_cstr("sys"), e = str_from_cstr("");
        Value r = tuple_pack(4, s, v_int(1), e, s);
        v_decref(s);
        v_decref(e);
        return r;
    }
    int line = vm_frame_line(f);
    Value file = IS_TYPE(f->code->filename, &str_type) ? v_incref(f->code->filename)
                                                       : str_from_cstr("<unknown>");
    Value text = tb_source_line(f->code->source, line);
    Value name = V_UNBOUND;
    if (IS_OBJ(f->globals)) {
        Value key = str_from_cstr("__name__");
        name = dict_get(f->globals, key);
        v_decref(key);
    }
    Value mod = IS_TYPE(name, &str_type) ? v_incref(name) : str_from_cstr("<string>");
    Value r = tuple_pack(4, file, v_int(line), text, mod);
    v_decref(file);
    v_decref(text);
    v_decref(mod);
    return r;
}

static const MethodDef warnings_functions[] = {
    {"_location", w_location, "_location(stacklevel) -> (filename, lineno, line, module)", 0},
    {NULL, NULL, NULL, 0},
};

bool mod_warnings_native_init(Value m)
{
    module_add_functions(m, warnings_functions);
    return true;
}
