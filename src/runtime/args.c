/* args.c — argument checking for builtin functions and methods, with the
 * TypeError texts CPython's own builtins give. */
#include <string.h>
#include "objects.h"

static const char *plural(int n) { return n == 1 ? "" : "s"; }

bool args_parse(const char *fname, Value *args, int nargs, KwArgs *kw,
                const char *const *names, int nparams, int nreq, Value *out)
{
    if (nargs > nparams) {
        if (nparams == 0)
            rt_raise(&exc_TypeError, "%s() takes no arguments (%d given)", fname, nargs);
        else
            rt_raise(&exc_TypeError, "%s() takes at most %d argument%s (%d given)", fname,
                     nparams, plural(nparams), nargs);
        return false;
    }
    for (int i = 0; i < nparams; i++) out[i] = i < nargs ? args[i] : V_UNBOUND;
    for (int k = 0; kw && k < kw->n; k++) {
        const char *kn = ((Str *)kw->names[k])->data;
        int i = 0;
        while (i < nparams && strcmp(names[i], kn)) i++;
        if (i == nparams) {
            rt_raise(&exc_TypeError, "'%s' is an invalid keyword argument for %s()", kn, fname);
            return false;
        }
        if (i < nargs) {
            rt_raise(&exc_TypeError, "argument for %s() given by name ('%s') and position (%d)",
                     fname, kn, i + 1);
            return false;
        }
        out[i] = kw->vals[k];
    }
    for (int i = 0; i < nreq; i++) {
        if (IS_UNBOUND(out[i])) {
            rt_raise(&exc_TypeError, "%s() missing required argument '%s' (pos %d)", fname,
                     names[i], i + 1);
            return false;
        }
    }
    return true;
}

bool args_count(const char *name, int nargs, int min, int max)
{
    if (nargs >= min && nargs <= max) return true;
    if (min == max)
        rt_raise(&exc_TypeError, "%s expected %d argument%s, got %d", name, min, plural(min), nargs);
    else if (nargs < min)
        rt_raise(&exc_TypeError, "%s expected at least %d argument%s, got %d", name, min,
                 plural(min), nargs);
    else if (max == 0)
        rt_raise(&exc_TypeError, "%s() takes no arguments (%d given)", name, nargs);
    else
        rt_raise(&exc_TypeError, "%s expected at most %d argument%s, got %d", name, max,
                 plural(max), nargs);
    return false;
}

bool args_nokw(const char *name, KwArgs *kw)
{
    if (!kw || kw->n == 0) return true;
    rt_raise(&exc_TypeError, "%s() takes no keyword arguments", name);
    return false;
}

bool args_one(const char *qualname, int nargs)
{
    if (nargs == 1) return true;
    rt_raise(&exc_TypeError, "%s() takes exactly one argument (%d given)", qualname, nargs);
    return false;
}
