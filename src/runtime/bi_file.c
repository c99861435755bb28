/* bi_file.c — open() and the text file object.
 *
 * A file object wraps a C FILE.  The same type serves sys.stdin/stdout/
 * stderr (not owned: never closed by us), so print(file=sys.stderr) and
 * f.write() share one path.  Text is UTF-8 bytes both ways, as our str is.
 * Writing to stderr flushes stdout first, so a fully buffered stdout (a
 * pipe) still interleaves correctly with error output. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "bi_private.h"
#include "objects.h"

#define IMMORTAL ((int64_t)1 << 60)

/* exc.c defines these beside the declared ones. */
extern Type exc_PermissionError, exc_IsADirectoryError, exc_FileExistsError;

typedef struct FileObj {
    Obj hdr;
    FILE *f;
    Value name;        /* str: the path, or '<stdout>' */
    char mode[8];
    bool readable, writable, owned, closed;
    bool binary;       /* mode 'b': only torch.save / torch.load use it */
} FileObj;

/* io.UnsupportedOperation: an OSError subclass made at init from OSError's
 * slots; its name carries the module, as CPython's traceback shows it. */
static Type unsupported_type;

static void file_dealloc(Obj *o)
{
    FileObj *f = (FileObj *)o;
    if (!f->closed && f->owned) fclose(f->f);
    v_decref(f->name);
    free(o);
}

static Value file_repr(Value self)
{
    FileObj *f = (FileObj *)self.o;
    Value name = v_repr(f->name);
    if (IS_ERR(name)) return name;
    if (f->binary) {
        const char *k = strchr(f->mode, '+') ? "Random" : f->readable ? "Reader" : "Writer";
        Value b = str_fmt("<_io.Buffered%s name=%s>", k, str_cstr(name));
        v_decref(name);
        return b;
    }
    Value r = str_fmt("<_io.TextIOWrapper name=%s mode='%s' encoding='%s'>", str_cstr(name),
                      f->mode, f->owned ? "UTF-8" : "utf-8");
    v_decref(name);
    return r;
}

/* ------------------------------------------------------------ checks */

static FileObj *file_of(Value v)
{
    return IS_TYPE(v, &bi_file_type) ? (FileObj *)v.o : NULL;
}

static bool check_open(FileObj *f)
{
    if (!f->closed) return true;
    rt_raise(&exc_ValueError, "I/O operation on closed file.");
    return false;
}

static bool check_read(FileObj *f)
{
    if (!check_open(f)) return false;
    if (f->readable && f->binary) {
        rt_raise(&exc_NotImplementedError, "reading bytes is not supported (binary files are for torch.save / torch.load)");
        return false;
    }
    if (f->readable) return true;
    rt_raise(&unsupported_type, "not readable");
    return false;
}

static bool check_write(FileObj *f)
{
    if (!check_open(f)) return false;
    if (f->writable && f->binary) { /* every write here is of a str */
        rt_raise(&exc_TypeError, "a bytes-like object is required, not 'str'");
        return false;
    }
    if (f->writable) return true;
    rt_raise(&unsupported_type, "not writable");
    return false;
}

FILE *bi_file_binary(Value v, bool write)
{
    FileObj *f = file_of(v);
    if (!f || !f->binary || !check_open(f)) {
        if (f && !f->closed)
            rt_raise(&exc_TypeError, write ? "write() argument must be str, not bytes"
                                           : "a bytes-like object is required, not 'str'");
        return NULL;
    }
    if (write ? f->writable : f->readable) return f->f;
    rt_raise(&unsupported_type, write ? "write" : "read");
    return NULL;
}

/* ------------------------------------------------------------ writing */

/* Writes raw bytes; stderr output first flushes stdout to keep order. */
static bool stream_write(FILE *out, const char *s, size_t n)
{
    if (out == stderr) fflush(stdout);
    if (n && fwrite(s, 1, n, out) != n) {
        rt_raise(&exc_OSError, "[Errno %d] %s", errno, strerror(errno));
        return false;
    }
    if (out == stderr) fflush(stderr);
    return true;
}

bool bi_file_write(Value file, const char *s, size_t n)
{
    if (IS_NONE(file) || IS_UNBOUND(file)) return stream_write(stdout, s, n);
    FileObj *f = file_of(file);
    if (f) return check_write(f) && stream_write(f->f, s, n);
    /* any object with a write(str) method */
    Value w = v_getattr_cstr(file, "write");
    if (IS_ERR(w)) return false;
    Value str = str_new(s, (int64_t)n);
    Value r = IS_ERR(str) ? str : bi_call1(w, str);
    v_decref(str);
    v_decref(w);
    if (IS_ERR(r)) return false;
    v_decref(r);
    return true;
}

FILE *bi_file_stream(Value v)
{
    if (IS_NONE(v) || IS_UNBOUND(v)) return stdout;
    FileObj *f = file_of(v);
    return f && !f->closed ? f->f : NULL;
}

static Value file_write(Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw("write", kw) || !args_one("TextIOWrapper.write", nargs - 1)) return V_ERR;
    FileObj *f = (FileObj *)args[0].o;
    if (!v_isinstance(args[1], &str_type))
        return rt_raise(&exc_TypeError, "write() argument must be str, not %s", v_typename(args[1]));
    Str *s = (Str *)args[1].o;
    if (!check_write(f) || !stream_write(f->f, s->data, (size_t)s->len)) return V_ERR;
    return v_int(s->nchars);
}

static Value file_writelines(Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw("writelines", kw) || !args_one("TextIOWrapper.writelines", nargs - 1)) return V_ERR;
    Value it = v_iter(args[1]), x;
    if (IS_ERR(it)) return it;
    while (!IS_UNBOUND(x = v_next(it))) {
        Value pair[2] = {args[0], x};
        Value r = IS_ERR(x) ? x : file_write(pair, 2, NULL);
        v_decref(x);
        if (IS_ERR(r)) { v_decref(it); return r; }
    }
    v_decref(it);
    return V_NONE;
}

/* ------------------------------------------------------------ reading */

/* Reads up to nchars code points (all when < 0) into a new str. */
static Value read_chars(FileObj *f, int64_t nchars)
{
    StrBuf b;
    if (!sb_init(&b, 256)) return V_ERR;
    int64_t got = 0;
    int c;
    while ((c = getc(f->f)) != EOF) {
        bool lead = (c & 0xc0) != 0x80;
        if (lead && nchars >= 0 && got == nchars) { ungetc(c, f->f); break; }
        got += lead;
        if (!sb_addc(&b, (char)c)) return V_ERR;
    }
    return sb_finish(&b);
}

/* One line including its '\n' ("" at end of file). */
static Value read_line(FileObj *f)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, f->f);
    Value r = str_new(n > 0 ? line : "", n > 0 ? n : 0);
    free(line);
    return r;
}

static Value file_read(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"self", "size"};
    Value a[2];
    int64_t size = -1;
    if (!args_parse("read", args, nargs, kw, names, 2, 1, a)) return V_ERR;
    if (!IS_UNBOUND(a[1]) && !IS_NONE(a[1]) && !num_index(a[1], &size)) return V_ERR;
    FileObj *f = (FileObj *)a[0].o;
    return check_read(f) ? read_chars(f, size) : V_ERR;
}

static Value file_readline(Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw("readline", kw) || !args_count("readline", nargs - 1, 0, 1)) return V_ERR;
    FileObj *f = (FileObj *)args[0].o;
    return check_read(f) ? read_line(f) : V_ERR;
}

static Value file_readlines(Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw("readlines", kw) || !args_count("readlines", nargs - 1, 0, 1)) return V_ERR;
    FileObj *f = (FileObj *)args[0].o;
    if (!check_read(f)) return V_ERR;
    Value l = list_new(0);
    while (!IS_ERR(l)) {
        Value line = read_line(f);
        if (IS_ERR(line)) { v_decref(l); return line; }
        bool end = ((Str *)line.o)->len == 0;
        if (!end && list_append(l, line) < 0) { v_decref(line); v_decref(l); return V_ERR; }
        v_decref(line);
        if (end) break;
    }
    return l;
}

static Value file_next(Value self)
{
    FileObj *f = (FileObj *)self.o;
    if (!check_read(f)) return V_ERR;
    Value line = read_line(f);
    if (!IS_ERR(line) && ((Str *)line.o)->len == 0) { v_decref(line); return V_UNBOUND; }
    return line;
}

static Value file_iter(Value self)
{
    FileObj *f = (FileObj *)self.o;
    return check_open(f) ? v_incref(self) : V_ERR;
}

/* ------------------------------------------------- close, with, seek */

static Value file_close(Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw("close", kw) || !args_count("close", nargs - 1, 0, 0)) return V_ERR;
    FileObj *f = (FileObj *)args[0].o;
    if (!f->closed) {
        if (f->owned) fclose(f->f);
        else fflush(f->f);
        f->closed = f->owned;   /* closing sys.stdout only flushes it */
    }
    return V_NONE;
}

static Value file_flush(Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw("flush", kw) || !args_count("flush", nargs - 1, 0, 0)) return V_ERR;
    FileObj *f = (FileObj *)args[0].o;
    if (!check_open(f)) return V_ERR;
    fflush(f->f);
    return V_NONE;
}

static Value file_enter(Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw("__enter__", kw) || !args_count("__enter__", nargs - 1, 0, 0)) return V_ERR;
    return check_open((FileObj *)args[0].o) ? v_incref(args[0]) : V_ERR;
}

static Value file_exit(Value *args, int nargs, KwArgs *kw)
{
    Value r = file_close(args, 1, kw);
    (void)nargs;
    if (IS_ERR(r)) return r;
    return v_bool(false);   /* never swallows the exception */
}

static Value file_tell(Value *args, int nargs, KwArgs *kw)
{
    if (!args_nokw("tell", kw) || !args_count("tell", nargs - 1, 0, 0)) return V_ERR;
    FileObj *f = (FileObj *)args[0].o;
    return check_open(f) ? v_int(ftell(f->f)) : V_ERR;
}

static Value file_seek(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"self", "cookie", "whence"};
    Value a[3];
    int64_t off, whence = 0;
    if (!args_parse("seek", args, nargs, kw, names, 3, 2, a) || !num_index(a[1], &off)) return V_ERR;
    if (!IS_UNBOUND(a[2]) && !num_index(a[2], &whence)) return V_ERR;
    FileObj *f = (FileObj *)a[0].o;
    if (!check_open(f)) return V_ERR;
    if (fseek(f->f, off, whence == 2 ? SEEK_END : whence == 1 ? SEEK_CUR : SEEK_SET) < 0)
        return rt_raise(&exc_OSError, "[Errno %d] %s", errno, strerror(errno));
    return v_int(ftell(f->f));
}

static Value file_closed(Value *args, int nargs, KwArgs *kw)
{
    (void)nargs, (void)kw;
    return v_bool(((FileObj *)args[0].o)->closed);
}

static Value file_name(Value *args, int nargs, KwArgs *kw)
{
    (void)nargs, (void)kw;
    return v_incref(((FileObj *)args[0].o)->name);
}

static Value file_mode(Value *args, int nargs, KwArgs *kw)
{
    (void)nargs, (void)kw;
    return str_from_cstr(((FileObj *)args[0].o)->mode);
}

static const MethodDef file_methods[] = {
    {"read", file_read, "read(self, size=-1, /)\n\nRead at most size characters from the file; all of it when size is\nnegative or omitted.  Returns '' at end of file.", 0},
    {"readline", file_readline, "readline(self, size=-1, /)\n\nRead until newline or EOF; the newline is kept.  Returns '' at EOF.", 0},
    {"readlines", file_readlines, "readlines(self, hint=-1, /)\n\nReturn a list of the remaining lines, each with its newline.", 0},
    {"write", file_write, "write(self, text, /)\n\nWrite a string to the file; returns the number of characters written.", 0},
    {"writelines", file_writelines, "writelines(self, lines, /)\n\nWrite each string of an iterable; no newlines are added.", 0},
    {"close", file_close, "close(self, /)\n\nFlush and close the file.  Closing twice has no effect.", 0},
    {"flush", file_flush, "flush(self, /)\n\nFlush the write buffers of the stream.", 0},
    {"tell", file_tell, "tell(self, /)\n\nReturn the current stream position.", 0},
    {"seek", file_seek, "seek(self, cookie, whence=0, /)\n\nChange the stream position (whence: 0 start, 1 current, 2 end).", 0},
    {"__enter__", file_enter, "__enter__(self, /)\n\nReturn the file itself (for the `with` statement).", 0},
    {"__exit__", file_exit, "__exit__(self, *exc_info)\n\nClose the file when the `with` block ends.", 0},
    {"closed", file_closed, "closed\n\nTrue once the file has been closed.", METH_PROPERTY},
    {"name", file_name, "name\n\nThe file name given to open().", METH_PROPERTY},
    {"mode", file_mode, "mode\n\nThe mode given to open().", METH_PROPERTY},
    {NULL, NULL, NULL, 0},
};

Type bi_file_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "TextIOWrapper", .base = &object_type,
    .doc = "Character and line based layer over a file.",
    .basicsize = sizeof(FileObj), .dealloc = file_dealloc, .repr = file_repr,
    .iter = file_iter, .next = file_next,
};

/* ------------------------------------------------------------- open() */

Value bi_file_wrap(FILE *fp, const char *name, const char *mode, bool owned)
{
    if (!bi_file_type.dict) {
        type_add_methods(&bi_file_type, file_methods);
        unsupported_type = exc_OSError;
        unsupported_type.name = "io.UnsupportedOperation";
        unsupported_type.base = &exc_OSError;
        unsupported_type.dict = NULL;
    }
    FileObj *f = obj_alloc(&bi_file_type, sizeof *f);
    if (!f) return V_ERR;
    f->name = str_from_cstr(name);
    if (IS_ERR(f->name)) { free(f); return V_ERR; }
    f->f = fp;
    snprintf(f->mode, sizeof f->mode, "%s", mode);
    f->readable = strchr(mode, 'r') || strchr(mode, '+');
    f->writable = strpbrk(mode, "wax+") != NULL;
    f->owned = owned;
    f->closed = false;
    f->binary = strchr(mode, 'b') != NULL;
    return v_obj(f);
}

/* Python's mode string check: one of r/w/a/x, optional '+' and 't' or 'b'. */
static bool mode_ok(const char *m, const char **cmode)
{
    int base = 0, plus = 0, t = 0;
    for (const char *p = m; *p; p++) {
        if (strchr("rwax", *p)) base++;
        else if (*p == '+') plus++;
        else if (*p == 't') t++;
        else if (*p != 'b') {
            rt_raise(&exc_ValueError, "invalid mode: '%s'", m);
            return false;
        }
    }
    if (base != 1 || plus > 1 || t > 1) {
        rt_raise(&exc_ValueError, base == 0 ? "Must have exactly one of create/read/write/append mode and at most one plus"
                                            : "must have exactly one of create/read/write/append mode");
        return false;
    }
    if (t && strchr(m, 'b')) {
        rt_raise(&exc_ValueError, "can't have text and binary mode at once");
        return false;
    }
    char c = *strpbrk(m, "rwax");
    *cmode = c == 'r' ? (plus ? "r+" : "r") : c == 'w' ? (plus ? "w+" : "w")
           : c == 'a' ? (plus ? "a+" : "a") : (plus ? "w+x" : "wx");
    return true;
}

/* OSError subclass by errno, with CPython's "[Errno 2] ...: 'name'" text. */
static Value raise_oserror(int err, Value name)
{
    Type *t = err == EACCES || err == EPERM ? &exc_PermissionError
            : err == EISDIR ? &exc_IsADirectoryError
            : err == EEXIST ? &exc_FileExistsError : &exc_OSError;
    Value msg = str_from_cstr(strerror(err));
    if (IS_ERR(msg)) return msg;
    Value args = tuple_pack(3, v_int(err), msg, name);
    v_decref(msg);
    if (IS_ERR(args)) return args;
    Value e = exc_new(t, args);
    v_decref(args);
    if (IS_ERR(e)) return e;
    rt_raise_value(e);
    v_decref(e);
    return V_ERR;
}

Value bi_open(Value *args, int nargs, KwArgs *kw)
{
    static const char *const names[] = {"file", "mode", "buffering", "encoding", "errors", "newline"};
    Value a[6];
    if (!args_parse("open", args, nargs, kw, names, 6, 1, a)) return V_ERR;
    if (!v_isinstance(a[0], &str_type))
        return rt_raise(&exc_TypeError, "expected str, bytes or os.PathLike object, not %s", v_typename(a[0]));
    const char *mode = "r", *cmode;
    if (!IS_UNBOUND(a[1])) {
        if (!v_isinstance(a[1], &str_type))
            return rt_raise(&exc_TypeError, "open() argument 'mode' must be str, not %s", v_typename(a[1]));
        mode = str_cstr(a[1]);
    }
    if (!mode_ok(mode, &cmode)) return V_ERR;
    FILE *fp = fopen(str_cstr(a[0]), cmode);
    if (!fp) return raise_oserror(errno, a[0]);
    Value f = bi_file_wrap(fp, str_cstr(a[0]), mode, true);
    if (IS_ERR(f)) fclose(fp);
    return f;
}
