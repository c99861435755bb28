/* mod_numpy_print.c — np.set_printoptions / np.get_printoptions: the
 * options of the tensor library's numpy printer (ts_np_print_options,
 * print_numpy.c): precision, threshold, edgeitems, linewidth, suppress.
 *
 * numpy 1.24's rules: an argument left at None keeps its value;
 * precision must be an integer ("precision must be an integer"), threshold
 * numeric and not NaN.  The options numpy has but the printer does not
 * (nanstr, infstr, formatter, sign, floatmode, legacy) are accepted only
 * with their default values, so nothing prints differently unnoticed.
 */
#include <math.h>
#include <string.h>

#include "objects.h"
#include "tensor/print.h"

/* threshold as given (an int stays an int in get_printoptions) */
static Value threshold_value = {.tag = VT_INT, .i = 1000};

static bool int_option(Value v, int *out, const char *name)
{
    if (IS_NONE(v) || IS_UNBOUND(v)) return true;
    if (!IS_INT(v) && !IS_BOOL(v)) {
        rt_raise(&exc_TypeError, "%s must be an integer", name);
        return false;
    }
    int64_t i = IS_INT(v) ? v.i : v_truth(v);
    if (i < 0 || i > 1000000000) {
        rt_raise(&exc_ValueError, "%s must be a non-negative integer", name);
        return false;
    }
    *out = (int)i;
    return true;
}

/* An unsupported option is fine at its default (None or that value). */
static bool default_only(Value v, const char *name, const char *dflt)
{
    if (IS_NONE(v) || IS_UNBOUND(v)) return true;
    if (dflt && IS_OBJ(v) && v_isinstance(v, &str_type) && strcmp(str_cstr(v), dflt) == 0)
        return true;
    if (!dflt && IS_BOOL(v) && !v_truth(v)) return true; /* legacy=False */
    rt_raise(&exc_NotImplementedError, "set_printoptions: %s is not supported", name);
    return false;
}

static Value f_set_printoptions(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"precision", "threshold", "edgeitems", "linewidth",
                                        "suppress", "nanstr", "infstr", "formatter",
                                        "sign", "floatmode", "legacy"};
    Value a[11];
    if (!args_parse("set_printoptions", args, nargs, kw, names, 11, 0, a)) return V_ERR;
    TsNpPrintOptions o = ts_np_print_options;
    if (!default_only(a[5], "nanstr", "nan") || !default_only(a[6], "infstr", "inf") ||
        !default_only(a[7], "formatter", NULL) || !default_only(a[8], "sign", "-") ||
        !default_only(a[9], "floatmode", "maxprec") || !default_only(a[10], "legacy", NULL))
        return V_ERR;
    Value th = a[1];
    if (!IS_NONE(th) && !IS_UNBOUND(th)) {
        if (!IS_INT(th) && !IS_BOOL(th) && !IS_FLOAT(th))
            return rt_raise(&exc_TypeError, "threshold must be numeric");
        if (IS_FLOAT(th) && isnan(th.f))
            return rt_raise(&exc_ValueError, "threshold must be non-NAN, try sys.maxsize for "
                            "untruncated representation");
        o.threshold = IS_FLOAT(th) ? th.f : IS_INT(th) ? (double)th.i : (double)v_truth(th);
    }
    if (!IS_NONE(a[0]) && !IS_UNBOUND(a[0]) && !IS_INT(a[0]) && !IS_BOOL(a[0]))
        return rt_raise(&exc_TypeError, "precision must be an integer");
    if (!int_option(a[0], &o.precision, "precision") ||
        !int_option(a[2], &o.edgeitems, "edgeitems") ||
        !int_option(a[3], &o.linewidth, "linewidth"))
        return V_ERR;
    if (!IS_NONE(a[4]) && !IS_UNBOUND(a[4])) {
        int b = v_truth(a[4]);
        if (b < 0) return V_ERR;
        o.suppress = b;
    }
    if (!IS_NONE(th) && !IS_UNBOUND(th)) {
        v_decref(threshold_value);
        threshold_value = v_incref(th);
    }
    ts_np_print_options = o;
    return V_NONE;
}

static Value f_get_printoptions(Value *args, int nargs, KwArgs *kw)
{
    if (!args_parse("get_printoptions", args, nargs, kw, NULL, 0, 0, NULL)) return V_ERR;
    const TsNpPrintOptions *o = &ts_np_print_options;
    Value d = dict_new();
    if (IS_ERR(d)) return d;
    Value strs[4] = {str_from_cstr("maxprec"), str_from_cstr("nan"), str_from_cstr("inf"),
                     str_from_cstr("-")};
    struct { const char *k; Value v; } rows[] = {
        {"edgeitems", v_int(o->edgeitems)}, {"threshold", threshold_value},
        {"floatmode", strs[0]}, {"precision", v_int(o->precision)},
        {"suppress", v_bool(o->suppress)}, {"linewidth", v_int(o->linewidth)},
        {"nanstr", strs[1]}, {"infstr", strs[2]}, {"sign", strs[3]},
        {"formatter", V_NONE}, {"legacy", v_bool(false)},
    };
    bool ok = true;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        ok = ok && !IS_ERR(rows[i].v) && dict_set_cstr(d, rows[i].k, rows[i].v) >= 0;
    for (int i = 0; i < 4; i++) v_decref(strs[i]);
    if (!ok) {
        v_decref(d);
        return V_ERR;
    }
    return d;
}

static const MethodDef print_functions[] = {
    {"set_printoptions", f_set_printoptions,
     "set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, "
     "suppress=None, nanstr=None, infstr=None, formatter=None, sign=None, floatmode=None, *, "
     "legacy=None)\n\nSet printing options.", 0},
    {"get_printoptions", f_get_printoptions,
     "get_printoptions()\n\nReturn the current print options.", 0},
    {NULL, NULL, NULL, 0},
};

bool np_print_init(Value np)
{
    module_add_functions(np, print_functions);
    return true;
}
