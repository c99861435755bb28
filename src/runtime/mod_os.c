/* mod_os.c — os and os.path basics, with posixpath's string rules
 * (join, split, splitext, normpath, ...) reimplemented on UTF-8 bytes:
 * '/' and '.' are ASCII, so byte offsets are safe. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bi_private.h"
#include "objects.h"

extern char **environ;
extern Type exc_FileExistsError;

/* A str argument (path) with Python's message. */
static bool path_arg(const char *f, Value v, const char **out)
{
    if (v_isinstance(v, &str_type)) { *out = str_cstr(v); return true; }
    rt_raise(&exc_TypeError, "%s: path should be string, bytes or os.PathLike, not %s", f, v_typename(v));
    return false;
}

static bool one_path(const char *f, Value *args, int nargs, KwArgs *kw, const char **p)
{
    return args_nokw(f, kw) && args_count(f, nargs, 1, 1) && path_arg(f, args[0], p);
}

/* Raises the OSError for errno with the path, as "[Errno 2] ...: 'p'". */
static Value os_error(const char *path)
{
    int err = errno;
    Value name = str_from_cstr(path), msg = str_from_cstr(strerror(err));
    Value args = IS_ERR(name) || IS_ERR(msg) ? V_ERR : tuple_pack(3, v_int(err), msg, name);
    v_decref(name);
    v_decref(msg);
    if (IS_ERR(args)) return args;
    Value e = exc_new(err == EEXIST ? &exc_FileExistsError : &exc_OSError, args);
    v_decref(args);
    if (!IS_ERR(e)) { rt_raise_value(e); v_decref(e); }
    return V_ERR;
}

/* --------------------------------------------------------------- os.path */

static Value p_join(Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw("join", kw) || !args_count("join", nargs, 1, 1 << 20)) return V_ERR;
    StrBuf b;
    if (!sb_init(&b, 64)) return V_ERR;
    for (int i = 0; i < nargs; i++) {
        const char *p;
        if (!path_arg("join() argument", args[i], &p)) { sb_free(&b); return V_ERR; }
        if (p[0] == '/') b.len = 0;                       /* an absolute part restarts */
        else if (b.len > 0 && b.s->data[b.len - 1] != '/' && !sb_addc(&b, '/')) return V_ERR;
        if (!sb_adds(&b, p)) return V_ERR;
    }
    return sb_finish(&b);
}

/* Index just past the last '/', or 0. */
static size_t tail_start(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? (size_t)(s - p) + 1 : 0;
}

/* dirname's head: strip trailing slashes unless it is all slashes. */
static size_t head_len(const char *p)
{
    size_t i = tail_start(p), n = i;
    while (n > 0 && p[n - 1] == '/') n--;
    return n == 0 ? i : n;
}

static Value p_basename(Value *args, int nargs, KwArgs *kw)
{
    const char *p;
    if (!one_path("basename", args, nargs, kw, &p)) return V_ERR;
    return str_from_cstr(p + tail_start(p));
}

static Value p_dirname(Value *args, int nargs, KwArgs *kw)
{
    const char *p;
    if (!one_path("dirname", args, nargs, kw, &p)) return V_ERR;
    return str_new(p, (int64_t)head_len(p));
}

static Value p_split(Value *args, int nargs, KwArgs *kw)
{
    const char *p;
    if (!one_path("split", args, nargs, kw, &p)) return V_ERR;
    Value h = str_new(p, (int64_t)head_len(p)), t = str_from_cstr(p + tail_start(p));
    Value r = IS_ERR(h) || IS_ERR(t) ? V_ERR : tuple_pack(2, h, t);
    v_decref(h);
    v_decref(t);
    return r;
}

static Value p_splitext(Value *args, int nargs, KwArgs *kw)
{
    const char *p;
    if (!one_path("splitext", args, nargs, kw, &p)) return V_ERR;
    size_t n = strlen(p), start = tail_start(p), cut = n;
    const char *dot = strrchr(p + start, '.');
    if (dot) {
        /* leading dots of the name (".bashrc") are not an extension */
        for (size_t i = start; i < (size_t)(dot - p); i++)
            if (p[i] != '.') { cut = (size_t)(dot - p); break; }
    }
    Value a = str_new(p, (int64_t)cut), e = str_from_cstr(p + cut);
    Value r = IS_ERR(a) || IS_ERR(e) ? V_ERR : tuple_pack(2, a, e);
    v_decref(a);
    v_decref(e);
    return r;
}

/* posixpath.normpath: collapse //, /./ and dir/.. */
static Value normpath(const char *p)
{
    if (!*p) return str_from_cstr(".");
    int lead = p[0] == '/' ? (p[1] == '/' && p[2] != '/' ? 2 : 1) : 0;
    size_t n = strlen(p);
    char *buf = rt_alloc(n + 3);
    const char **parts = rt_alloc((n / 2 + 2) * sizeof(char *));
    size_t *lens = rt_alloc((n / 2 + 2) * sizeof(size_t));
    if (!buf || !parts || !lens) { free(buf); free(parts); free(lens); return V_ERR; }
    int np = 0;
    for (const char *s = p; *s;) {
        while (*s == '/') s++;
        const char *e = s;
        while (*e && *e != '/') e++;
        size_t len = (size_t)(e - s);
        if (len == 0 || (len == 1 && s[0] == '.')) { s = e; continue; }
        bool up = len == 2 && s[0] == '.' && s[1] == '.';
        if (up && np > 0 && !(lens[np - 1] == 2 && memcmp(parts[np - 1], "..", 2) == 0)) np--;
        else if (!(up && lead)) parts[np] = s, lens[np++] = len;
        s = e;
    }
    size_t k = 0;
    for (int i = 0; i < lead; i++) buf[k++] = '/';
    for (int i = 0; i < np; i++) {
        if (i) buf[k++] = '/';
        memcpy(buf + k, parts[i], lens[i]);
        k += lens[i];
    }
    if (k == 0) buf[k++] = '.';
    Value r = str_new(buf, (int64_t)k);
    free(buf), free(parts), free(lens);
    return r;
}

static Value p_normpath(Value *args, int nargs, KwArgs *kw)
{
    const char *p;
    if (!one_path("normpath", args, nargs, kw, &p)) return V_ERR;
    return normpath(p);
}

static Value p_abspath(Value *args, int nargs, KwArgs *kw)
{
    const char *p;
    if (!one_path("abspath", args, nargs, kw, &p)) return V_ERR;
    if (p[0] == '/') return normpath(p);
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd)) return os_error(".");
    Value joined = str_fmt("%s/%s", cwd, p);
    if (IS_ERR(joined)) return joined;
    Value r = normpath(str_cstr(joined));
    v_decref(joined);
    return r;
}

static Value p_expanduser(Value *args, int nargs, KwArgs *kw)
{
    const char *p, *home = getenv("HOME");
    if (!one_path("expanduser", args, nargs, kw, &p)) return V_ERR;
    if (p[0] != '~' || (p[1] && p[1] != '/') || !home) return v_incref(args[0]);
    return str_fmt("%s%s", home, p + 1);
}

/* exists/isfile/isdir: a stat test; errors count as False. */
static Value stat_test(const char *f, Value *args, int nargs, KwArgs *kw, int kind)
{
    const char *p;
    if (!args_nokw(f, kw) || !args_count(f, nargs, 1, 1)) return V_ERR;
    if (!v_isinstance(args[0], &str_type)) return v_bool(false);
    p = str_cstr(args[0]);
    struct stat st;
    if (stat(p, &st) < 0) return v_bool(false);
    return v_bool(kind == 0 || (kind == 1 ? S_ISREG(st.st_mode) : S_ISDIR(st.st_mode)));
}

static Value p_exists(Value *a, int n, KwArgs *kw) { return stat_test("exists", a, n, kw, 0); }
static Value p_isfile(Value *a, int n, KwArgs *kw) { return stat_test("isfile", a, n, kw, 1); }
static Value p_isdir(Value *a, int n, KwArgs *kw) { return stat_test("isdir", a, n, kw, 2); }

static Value p_getsize(Value *args, int nargs, KwArgs *kw)
{
    const char *p;
    struct stat st;
    if (!one_path("getsize", args, nargs, kw, &p)) return V_ERR;
    if (stat(p, &st) < 0) return os_error(p);
    return v_int((int64_t)st.st_size);
}

static Value p_isabs(Value *args, int nargs, KwArgs *kw)
{
    const char *p;
    if (!one_path("isabs", args, nargs, kw, &p)) return V_ERR;
    return v_bool(p[0] == '/');
}

static const MethodDef path_functions[] = {
    {"join", p_join, "join(a, *p)\n\nJoin two or more pathname components, inserting '/' as needed.\n"
     "If any component is an absolute path, all previous path components\nwill be discarded.", 0},
    {"basename", p_basename, "basename(p)\n\nReturns the final component of a pathname.", 0},
    {"dirname", p_dirname, "dirname(p)\n\nReturns the directory component of a pathname.", 0},
    {"split", p_split, "split(p)\n\nSplit a pathname.  Returns tuple \"(head, tail)\" where \"tail\" is\neverything after the final slash.  Either part may be empty.", 0},
    {"splitext", p_splitext, "splitext(p)\n\nSplit the extension from a pathname.\n\n"
     "Extension is everything from the last dot to the end, ignoring\nleading dots.  Returns \"(root, ext)\"; ext may be empty.", 0},
    {"normpath", p_normpath, "normpath(path)\n\nNormalize path, eliminating double slashes, etc.", 0},
    {"abspath", p_abspath, "abspath(path)\n\nReturn an absolute path.", 0},
    {"expanduser", p_expanduser, "expanduser(path)\n\nExpand ~ and ~user constructions.  If user or $HOME is unknown,\ndo nothing.", 0},
    {"exists", p_exists, "exists(path)\n\nTest whether a path exists.  Returns False for broken symbolic links", 0},
    {"isfile", p_isfile, "isfile(path)\n\nTest whether a path is a regular file", 0},
    {"isdir", p_isdir, "isdir(s)\n\nReturn true if the pathname refers to an existing directory.", 0},
    {"isabs", p_isabs, "isabs(s)\n\nTest whether a path is absolute", 0},
    {"getsize", p_getsize, "getsize(filename)\n\nReturn the size of a file, reported by os.stat().", 0},
    {NULL, NULL, NULL, 0},
};

bool mod_os_path_init(Value m)
{
    module_add_functions(m, path_functions);
    Value sep = str_from_cstr("/");
    bool ok = mod_set(m, "sep", sep);
    v_decref(sep);
    return ok;
}

/* -------------------------------------------------------------------- os */

static Value o_getcwd(Value *args, int nargs, KwArgs *kw)
{
    (void)args;
    char cwd[PATH_MAX];
    if (!args_nokw("getcwd", kw) || !args_count("getcwd", nargs, 0, 0)) return V_ERR;
    if (!getcwd(cwd, sizeof cwd)) return os_error(".");
    return str_from_cstr(cwd);
}

/* os.listdir: names in directory order, like Python (not sorted). */
static Value o_listdir(Value *args, int nargs, KwArgs *kw)
{
    const char *p = ".";
    if (!args_nokw("listdir", kw) || !args_count("listdir", nargs, 0, 1)) return V_ERR;
    if (nargs == 1 && !path_arg("listdir", args[0], &p)) return V_ERR;
    DIR *d = opendir(p);
    if (!d) return os_error(p);
    Value l = list_new(0);
    struct dirent *e;
    while (!IS_ERR(l) && (e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        Value s = str_from_cstr(e->d_name);
        if (IS_ERR(s) || list_append(l, s) < 0) { v_decref(l); l = V_ERR; }
        v_decref(s);
    }
    closedir(d);
    return l;
}

static Value o_getenv(Value *args, int nargs, KwArgs *kw)
{
    const char *name;
    if (!args_count("getenv", nargs, 1, 2) || !args_nokw("getenv", kw)) return V_ERR;
    if (!v_isinstance(args[0], &str_type))
        return rt_raise(&exc_TypeError, "str expected, not %s", v_typename(args[0]));
    name = str_cstr(args[0]);
    const char *v = getenv(name);
    if (v) return str_from_cstr(v);
    return nargs == 2 ? v_incref(args[1]) : V_NONE;
}

static Value o_makedirs(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"name", "mode", "exist_ok"};
    Value a[3];
    const char *p;
    if (!args_parse("makedirs", args, nargs, kw, names, 3, 1, a) || !path_arg("makedirs", a[0], &p)) return V_ERR;
    int exist_ok = IS_UNBOUND(a[2]) ? 0 : v_truth(a[2]);
    if (exist_ok < 0) return V_ERR;
    char buf[PATH_MAX];
    snprintf(buf, sizeof buf, "%s", p);
    for (char *s = buf + 1; *s; s++) {
        if (*s != '/') continue;
        *s = 0;
        if (mkdir(buf, 0777) < 0 && errno != EEXIST) return os_error(buf);
        *s = '/';
    }
    if (mkdir(buf, 0777) < 0 && !(errno == EEXIST && exist_ok)) return os_error(p);
    return V_NONE;
}

static Value o_remove(Value *args, int nargs, KwArgs *kw)
{
    const char *p;
    if (!one_path("remove", args, nargs, kw, &p)) return V_ERR;
    if (unlink(p) < 0) return os_error(p);
    return V_NONE;
}

static Value o_mkdir(Value *args, int nargs, KwArgs *kw)
{
    const char *p;
    if (!args_nokw("mkdir", kw) || !args_count("mkdir", nargs, 1, 2) || !path_arg("mkdir", args[0], &p)) return V_ERR;
    if (mkdir(p, 0777) < 0) return os_error(p);
    return V_NONE;
}

static const MethodDef os_functions[] = {
    {"getcwd", o_getcwd, "getcwd()\n\nReturn a unicode string representing the current working directory.", 0},
    {"listdir", o_listdir, "listdir(path='.')\n\nReturn a list containing the names of the files in the directory.\n\n"
     "The list is in arbitrary order.  It does not include the special\nentries '.' and '..' even if they are present in the directory.", 0},
    {"getenv", o_getenv, "getenv(key, default=None)\n\nGet an environment variable, return None if it doesn't exist.\n"
     "The optional second argument can specify an alternate default.", 0},
    {"makedirs", o_makedirs, "makedirs(name, mode=0o777, exist_ok=False)\n\nSuper-mkdir; create a leaf directory and all intermediate ones.", 0},
    {"mkdir", o_mkdir, "mkdir(path, mode=0o777)\n\nCreate a directory.", 0},
    {"remove", o_remove, "remove(path)\n\nRemove a file (same as unlink()).", 0},
    {NULL, NULL, NULL, 0},
};

/* os.environ: a plain dict snapshot of the environment. */
static bool add_environ(Value m)
{
    Value d = dict_new();
    if (IS_ERR(d)) return false;
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq) continue;
        Value k = str_new(*e, eq - *e), v = str_from_cstr(eq + 1);
        bool ok = !IS_ERR(k) && !IS_ERR(v) && dict_set(d, k, v) >= 0;
        v_decref(k);
        v_decref(v);
        if (!ok) { v_decref(d); return false; }
    }
    bool ok = mod_set(m, "environ", d);
    v_decref(d);
    return ok;
}

bool mod_os_init(Value m)
{
    module_add_functions(m, os_functions);
    Value sep = str_from_cstr("/"), name = str_from_cstr("posix");
    bool ok = mod_set(m, "sep", sep) && mod_set(m, "name", name) && add_environ(m);
    v_decref(sep);
    v_decref(name);
    if (!ok) return false;
    Value path = rt_import("os.path");
    if (IS_ERR(path)) return false;
    v_decref(path);   /* rt_import stored it as os.path */
    return true;
}
