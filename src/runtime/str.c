/* str.c — the str type: immutable UTF-8 text with its code-point count.
 *
 * Indexing and slicing count code points; a string whose byte length equals
 * its code-point count is pure ASCII and takes the O(1) paths.  Hashes are
 * cached in the object, single ASCII characters and the empty string are
 * shared, and str_intern keeps one immortal copy of identifiers and
 * attribute names so dict lookups on them compare pointers first.
 */
#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "objects.h"
#include "format.h"

#define IMMORTAL ((int64_t)1 << 60)
#define STR_SIZE(n) (sizeof(Str) + (size_t)(n) + 1)

static inline Str *S(Value v) { return (Str *)v.o; }
static inline bool is_ascii(const Str *s) { return s->len == s->nchars; }

/* ---- UTF-8 ---- */

int utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) { o[0] = (unsigned char)cp; return 1; }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Decodes one code point; malformed bytes decode as themselves (the lexer
 * and file reader have validated input already). */
uint32_t utf8_decode(const char *p, int *len)
{
    const unsigned char *u = (const unsigned char *)p;
    if (u[0] < 0x80) { *len = 1; return u[0]; }
    if ((u[0] & 0xE0) == 0xC0 && (u[1] & 0xC0) == 0x80) {
        *len = 2;
        return ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
    }
    if ((u[0] & 0xF0) == 0xE0 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
        *len = 3;
        return ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
    }
    if ((u[0] & 0xF8) == 0xF0 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80 &&
        (u[3] & 0xC0) == 0x80) {
        *len = 4;
        return ((uint32_t)(u[0] & 0x07) << 18) | ((uint32_t)(u[1] & 0x3F) << 12) |
               ((uint32_t)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
    }
    *len = 1;
    return u[0];
}

static int64_t count_chars(const char *p, int64_t n)
{
    int64_t c = 0;
    for (int64_t i = 0; i < n; i++)
        c += ((unsigned char)p[i] & 0xC0) != 0x80;
    return c;
}

/* Byte offset of code point `index` (0 <= index <= nchars). */
int64_t str_char_offset(const Str *s, int64_t index)
{
    if (is_ascii(s)) return index;
    if (index >= s->nchars) return s->len;
    int64_t i = 0;
    for (; index > 0; index--) {
        i++;
        while (i < s->len && ((unsigned char)s->data[i] & 0xC0) == 0x80) i++;
    }
    return i;
}

/* Code-point index of byte offset off. */
static int64_t char_index(const Str *s, int64_t off)
{
    return is_ascii(s) ? off : count_chars(s->data, off);
}

/* ---- allocation and the shared small strings ---- */

static Str *str_alloc(int64_t len)
{
    Str *s = obj_alloc(&str_type, STR_SIZE(len));
    if (!s) return NULL;
    s->len = len;
    s->hash = -1;
    s->interned = false;
    s->data[len] = 0;
    return s;
}

static Str *empty_str;
static Str *ascii_chars[128];

static Str *make_immortal(const char *p, int64_t n)
{
    Str *s = str_alloc(n);
    if (!s) return NULL;
    memcpy(s->data, p, (size_t)n);
    s->nchars = count_chars(p, n);
    s->hdr.rc = IMMORTAL;
    return s;
}

Value str_empty(void)
{
    if (!empty_str) empty_str = make_immortal("", 0);
    return empty_str ? v_obj(empty_str) : V_ERR;
}

Value str_new(const char *p, int64_t n)
{
    if (n == 0) return v_incref(str_empty());
    if (n == 1 && (unsigned char)p[0] < 128) {
        Str **slot = &ascii_chars[(unsigned char)p[0]];
        if (!*slot) *slot = make_immortal(p, 1);
        return *slot ? v_obj(*slot) : V_ERR;
    }
    Str *s = str_alloc(n);
    if (!s) return V_ERR;
    memcpy(s->data, p, (size_t)n);
    s->nchars = count_chars(p, n);
    return v_obj(s);
}

Value str_from_cstr(const char *s) { return str_new(s, (int64_t)strlen(s)); }

Value str_fmt(const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0) return rt_raise(&exc_ValueError, "bad format");
    if ((size_t)n < sizeof buf) return str_new(buf, n);
    Str *s = str_alloc(n);
    if (!s) return V_ERR;
    va_start(ap, fmt);
    vsnprintf(s->data, (size_t)n + 1, fmt, ap);
    va_end(ap);
    s->nchars = count_chars(s->data, n);
    return v_obj(s);
}

Value str_from_codepoint(uint32_t cp)
{
    char buf[4];
    int n = utf8_encode(cp, buf);
    return str_new(buf, n);
}

/* ---- hashing and interning ---- */

/* FNV-1a folded into 63 bits; never -1 (the "not computed" mark). */
int64_t str_hash_bytes(const char *p, int64_t n)
{
    uint64_t h = 14695981039346656037ULL;
    for (int64_t i = 0; i < n; i++) {
        h ^= (unsigned char)p[i];
        h *= 1099511628211ULL;
    }
    h ^= h >> 29;
    int64_t r = (int64_t)(h & 0x7FFFFFFFFFFFFFFFULL);
    return r == -1 ? -2 : r;
}

static inline int64_t str_hash_of(Str *s)
{
    if (s->hash == -1) s->hash = str_hash_bytes(s->data, s->len);
    return s->hash;
}

static bool str_hash_slot(Value v, int64_t *out)
{
    *out = str_hash_of(S(v));
    return true;
}

static struct { Str **slots; int64_t cap, used; } interned;

static bool intern_grow(void)
{
    int64_t ncap = interned.cap ? interned.cap * 2 : 1024;
    Str **ns = calloc((size_t)ncap, sizeof *ns);
    if (!ns) return false;
    for (int64_t i = 0; i < interned.cap; i++) {
        Str *s = interned.slots[i];
        if (!s) continue;
        int64_t j = s->hash & (ncap - 1);
        while (ns[j]) j = (j + 1) & (ncap - 1);
        ns[j] = s;
    }
    free(interned.slots);
    interned.slots = ns;
    interned.cap = ncap;
    return true;
}

/* Returns the one immortal Str with these bytes (borrowed), or NULL after
 * raising MemoryError. */
static Str *intern_bytes(const char *p, int64_t n)
{
    if (interned.used * 2 >= interned.cap && !intern_grow()) {
        rt_nomem();
        return NULL;
    }
    int64_t h = str_hash_bytes(p, n);
    int64_t j = h & (interned.cap - 1);
    for (Str *s; (s = interned.slots[j]); j = (j + 1) & (interned.cap - 1))
        if (s->hash == h && s->len == n && !memcmp(s->data, p, (size_t)n)) return s;
    Str *s = make_immortal(p, n);
    if (!s) return NULL;
    s->hash = h;
    s->interned = true;
    interned.slots[j] = s;
    interned.used++;
    return s;
}

Obj *str_intern(const char *s)
{
    return (Obj *)intern_bytes(s, (int64_t)strlen(s));
}

/* ---- equality and comparison ---- */

bool str_eq(Value a, Value b)
{
    Str *x = S(a), *y = S(b);
    if (x == y) return true;
    if (x->len != y->len) return false;
    if (x->interned && y->interned) return false;
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) return false;
    return memcmp(x->data, y->data, (size_t)x->len) == 0;
}

/* UTF-8 byte order is code-point order, so memcmp compares like Python. */
static int str_cmp(Str *x, Str *y)
{
    int64_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->data, y->data, (size_t)n);
    if (c) return c;
    return (x->len > y->len) - (x->len < y->len);
}

static Value str_compare(CmpOp op, Value a, Value b)
{
    if (!IS_TYPE(a, &str_type) || !IS_TYPE(b, &str_type)) return rt_notimpl();
    if (op == CMP_EQ) return v_bool(str_eq(a, b));
    if (op == CMP_NE) return v_bool(!str_eq(a, b));
    int c = str_cmp(S(a), S(b));
    switch (op) {
    case CMP_LT: return v_bool(c < 0);
    case CMP_LE: return v_bool(c <= 0);
    case CMP_GT: return v_bool(c > 0);
    default: return v_bool(c >= 0);
    }
}

/* ---- StrBuf: building a Str in place ---- */

bool sb_init(StrBuf *b, int64_t cap)
{
    if (cap < 16) cap = 16;
    b->s = str_alloc(cap);
    b->len = 0;
    b->cap = cap;
    return b->s != NULL;
}

bool sb_grow(StrBuf *b, int64_t extra)
{
    if (b->len + extra <= b->cap) return true;
    int64_t ncap = b->cap * 2;
    if (ncap < b->len + extra) ncap = b->len + extra;
    Str *ns = rt_realloc(b->s, STR_SIZE(ncap));
    if (!ns) return false;
    b->s = ns;
    b->cap = ncap;
    return true;
}

bool sb_add(StrBuf *b, const char *p, int64_t n)
{
    if (!sb_grow(b, n)) return false;
    memcpy(b->s->data + b->len, p, (size_t)n);
    b->len += n;
    return true;
}

bool sb_adds(StrBuf *b, const char *cstr) { return sb_add(b, cstr, (int64_t)strlen(cstr)); }

bool sb_addc(StrBuf *b, char c)
{
    if (b->len >= b->cap && !sb_grow(b, 1)) return false;
    b->s->data[b->len++] = c;
    return true;
}

bool sb_addv(StrBuf *b, Value v) { return sb_add(b, S(v)->data, S(v)->len); }

bool sb_addrepr(StrBuf *b, Value v)
{
    Value r = v_repr(v);
    if (IS_ERR(r)) return false;
    bool ok = sb_addv(b, r);
    v_decref(r);
    return ok;
}

/* Shrinks the buffer to fit and turns it into the result Str; the shared
 * small strings are returned for short results. */
Value sb_finish(StrBuf *b)
{
    Str *s = b->s;
    b->s = NULL;
    if (!s) return V_ERR;
    if (b->len <= 1) {
        Value r = str_new(s->data, b->len);
        free(s);
        return r;
    }
    if (b->cap - b->len > 64) {
        Str *t = realloc(s, STR_SIZE(b->len));
        if (t) s = t;
    }
    s->len = b->len;
    s->data[s->len] = 0;
    s->nchars = count_chars(s->data, s->len);
    return v_obj(s);
}

void sb_free(StrBuf *b)
{
    free(b->s);
    b->s = NULL;
}

/* ---- repr ---- */

/* Code points Python's str.isprintable() rejects outside ASCII: the
 * C1 controls, format characters, separators other than ' ', private use
 * and surrogates. */
static bool cp_printable(uint32_t c)
{
    if (c < 0x20 || c == 0x7F) return false;
    if (c < 0x7F) return true;
    if (c <= 0xA0 || c == 0xAD) return false;
    if (c == 0x1680 || (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F)) return false;
    if ((c >= 0x205F && c <= 0x206F) || c == 0x3000 || c == 0xFEFF) return false;
    if ((c >= 0xD800 && c <= 0xF8FF) || (c >= 0xFFF9 && c <= 0xFFFB)) return false;
    if (c >= 0x600 && c <= 0x605) return false;
    if (c >= 0xF0000) return false;
    return true;
}

static bool repr_escape(StrBuf *b, uint32_t c, char quote)
{
    char tmp[16];
    switch (c) {
    case '\\': return sb_add(b, "\\\\", 2);
    case '\n': return sb_add(b, "\\n", 2);
    case '\r': return sb_add(b, "\\r", 2);
    case '\t': return sb_add(b, "\\t", 2);
    }
    if (c == (uint32_t)quote) {
        char e[2] = {'\\', quote};
        return sb_add(b, e, 2);
    }
    if (c < 0x100) snprintf(tmp, sizeof tmp, "\\x%02x", c);
    else if (c < 0x10000) snprintf(tmp, sizeof tmp, "\\u%04x", c);
    else snprintf(tmp, sizeof tmp, "\\U%08x", c);
    return sb_adds(b, tmp);
}

/* Single quotes unless the text holds ' and no ", as CPython chooses. */
Value str_repr_of(const char *p, int64_t n)
{
    bool sq = memchr(p, '\'', (size_t)n) != NULL, dq = memchr(p, '"', (size_t)n) != NULL;
    char quote = (sq && !dq) ? '"' : '\'';
    StrBuf b;
    if (!sb_init(&b, n + 2)) return V_ERR;
    bool ok = sb_addc(&b, quote);
    for (int64_t i = 0; ok && i < n;) {
        unsigned char c = (unsigned char)p[i];
        if (c >= 0x20 && c < 0x7F && c != '\\' && c != (unsigned char)quote) {
            int64_t j = i + 1;
            while (j < n && (unsigned char)p[j] >= 0x20 && (unsigned char)p[j] < 0x7F &&
                   p[j] != '\\' && p[j] != quote)
                j++;
            ok = sb_add(&b, p + i, j - i);
            i = j;
            continue;
        }
        int len;
        uint32_t cp = utf8_decode(p + i, &len);
        if (cp >= 0x80 && cp_printable(cp)) ok = sb_add(&b, p + i, len);
        else if (cp < 0x80 && c != '\\' && cp != (uint32_t)quote && cp_printable(cp))
            ok = sb_addc(&b, (char)cp);
        else ok = repr_escape(&b, cp, quote);
        i += len;
    }
    if (!ok || !sb_addc(&b, quote)) {
        sb_free(&b);
        return V_ERR;
    }
    return sb_finish(&b);
}

static Value str_repr(Value v) { return str_repr_of(S(v)->data, S(v)->len); }
static Value str_str(Value v) { return v_incref(v); }

/* ---- operators ---- */

Value str_concat(Value a, Value b)
{
    Str *x = S(a), *y = S(b);
    if (y->len == 0) return v_incref(a);
    if (x->len == 0) return v_incref(b);
    Str *s = str_alloc(x->len + y->len);
    if (!s) return V_ERR;
    memcpy(s->data, x->data, (size_t)x->len);
    memcpy(s->data + x->len, y->data, (size_t)y->len);
    s->nchars = x->nchars + y->nchars;
    return v_obj(s);
}

static Value str_repeat(Value s, int64_t n)
{
    Str *x = S(s);
    if (n <= 0 || x->len == 0) return v_incref(str_empty());
    if (n == 1) return v_incref(s);
    if (x->len > INT64_MAX / 2 / n) return rt_nomem();
    Str *r = str_alloc(x->len * n);
    if (!r) return V_ERR;
    if (x->len == 1) {
        memset(r->data, x->data[0], (size_t)n);
    } else {
        /* doubling copies: log2(n) memcpy calls */
        memcpy(r->data, x->data, (size_t)x->len);
        int64_t done = x->len, total = x->len * n;
        while (done < total) {
            int64_t k = done < total - done ? done : total - done;
            memcpy(r->data + done, r->data, (size_t)k);
            done += k;
        }
    }
    r->nchars = x->nchars * n;
    return v_obj(r);
}

static Value str_binop(BinOp op, Value a, Value b)
{
    bool as = IS_TYPE(a, &str_type), bs = IS_TYPE(b, &str_type);
    switch (op) {
    case OP_ADD:
        if (as && bs) return str_concat(a, b);
        if (as) return rt_raise(&exc_TypeError, "can only concatenate str (not \"%s\") to str",
                                v_typename(b));
        return rt_notimpl();
    case OP_MUL: {
        Value n = as ? b : a, s = as ? a : b;
        if (IS_INT(n) || IS_BOOL(n)) return str_repeat(s, IS_INT(n) ? n.i : n.b);
        if (IS_TYPE(n, &str_type) || IS_FLOAT(n) || !as)
            return rt_raise(&exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                            v_typename(n));
        return rt_notimpl();
    }
    case OP_MOD:
        if (as) return fmt_percent(a, b);
        return rt_notimpl();
    default:
        return rt_notimpl();
    }
}

/* s += t: when s is the only reference and its block has room (glibc's
 * malloc_usable_size), append in place; otherwise build a new string with
 * spare room so that a loop of += runs in amortised linear time. */
static Value str_inplace(BinOp op, Value a, Value b)
{
    if (op != OP_ADD || !IS_TYPE(a, &str_type) || !IS_TYPE(b, &str_type))
        return str_binop(op, a, b);
    Str *x = S(a), *y = S(b);
    if (y->len == 0) return v_incref(a);
    int64_t need = x->len + y->len;
    if (x->hdr.rc == 1 && !x->interned && x->len > 1 &&
        malloc_usable_size(x) >= STR_SIZE(need)) {
        memcpy(x->data + x->len, y->data, (size_t)y->len + 1);
        x->len = need;
        x->nchars += y->nchars;
        x->hash = -1;
        return v_incref(a);
    }
    if (x->len == 0 || need < 64) return str_concat(a, b);
    Str *s = str_alloc(need + need / 2);
    if (!s) return V_ERR;
    memcpy(s->data, x->data, (size_t)x->len);
    memcpy(s->data + x->len, y->data, (size_t)y->len + 1);
    s->len = need;
    s->nchars = x->nchars + y->nchars;
    return v_obj(s);
}

/* a + b where the caller gives up its reference to a (the VM's `s += t`
 * on a variable it has just cleared).  When that was the only reference
 * the bytes are appended in place, growing the block geometrically, so a
 * loop of += is linear like CPython's. */
Value str_append_steal(Value a, Value b)
{
    Str *x = S(a), *y = S(b);
    if (x->hdr.rc != 1 || x->interned || x->len < 2) {
        Value r = str_concat(a, b);
        v_decref(a);
        return r;
    }
    if (y->len == 0) return a;
    int64_t need = x->len + y->len;
    if (malloc_usable_size(x) < STR_SIZE(need)) {
        Str *nx = realloc(x, STR_SIZE(need + need / 2 + 16));
        if (!nx) {
            v_decref(a);
            return rt_nomem();
        }
        x = nx;
    }
    memcpy(x->data + x->len, y->data, (size_t)y->len + 1);
    x->len = need;
    x->nchars += y->nchars;
    x->hash = -1;
    return v_obj(x);
}

static int64_t str_len(Value v) { return S(v)->nchars; }
static int str_truth(Value v) { return S(v)->len != 0; }

static int str_contains(Value self, Value item)
{
    if (!IS_TYPE(item, &str_type)) {
        rt_raise(&exc_TypeError, "'in <string>' requires string as left operand, not %s",
                 v_typename(item));
        return -1;
    }
    Str *h = S(self), *n = S(item);
    if (n->len == 0) return 1;
    return memmem(h->data, (size_t)h->len, n->data, (size_t)n->len) != NULL;
}

/* ---- indexing and slicing ---- */

static Value str_char_at(Str *s, int64_t i)
{
    if (is_ascii(s)) return str_new(s->data + i, 1);
    int64_t off = str_char_offset(s, i);
    int len;
    utf8_decode(s->data + off, &len);
    return str_new(s->data + off, len);
}

static Value str_slice(Value self, Value key)
{
    Str *s = S(self);
    int64_t start, stop, step, n;
    if (!slice_indices(key, s->nchars, &start, &stop, &step, &n)) return V_ERR;
    if (step == 1) {
        if (n == s->nchars) return v_incref(self);
        int64_t a = str_char_offset(s, start), b = str_char_offset(s, stop);
        return str_new(s->data + a, b - a);
    }
    StrBuf b;
    if (!sb_init(&b, n)) return V_ERR;
    for (int64_t k = 0, i = start; k < n; k++, i += step) {
        int64_t off = is_ascii(s) ? i : str_char_offset(s, i);
        int len = 1;
        if (!is_ascii(s)) utf8_decode(s->data + off, &len);
        if (!sb_add(&b, s->data + off, len)) {
            sb_free(&b);
            return V_ERR;
        }
    }
    return sb_finish(&b);
}

static Value str_getitem(Value self, Value key)
{
    if (IS_INT(key) || IS_BOOL(key)) {
        int64_t i = IS_INT(key) ? key.i : key.b;
        if (!seq_index(&i, S(self)->nchars))
            return rt_raise(&exc_IndexError, "string index out of range");
        return str_char_at(S(self), i);
    }
    if (IS_TYPE(key, &slice_type)) return str_slice(self, key);
    int64_t i;
    if (IS_OBJ(key) && !IS_TYPE(key, &str_type) && !IS_TYPE(key, &tuple_type) &&
        !IS_TYPE(key, &list_type) && num_index(key, &i)) {
        if (!seq_index(&i, S(self)->nchars))
            return rt_raise(&exc_IndexError, "string index out of range");
        return str_char_at(S(self), i);
    }
    rt_exc_clear();
    return rt_raise(&exc_TypeError, "string indices must be integers, not '%s'",
                    v_typename(key));
}

/* ---- iteration ---- */

typedef struct StrIter { Obj hdr; Value s; int64_t off; } StrIter;

static Value str_iter(Value self)
{
    StrIter *it = obj_alloc(&str_iter_type, sizeof *it);
    if (!it) return V_ERR;
    it->s = v_incref(self);
    it->off = 0;
    return v_obj(it);
}

static Value str_iter_next(Value self)
{
    StrIter *it = (StrIter *)self.o;
    Str *s = S(it->s);
    if (it->off >= s->len) return V_UNBOUND;
    int len = 1;
    if ((unsigned char)s->data[it->off] >= 0x80) utf8_decode(s->data + it->off, &len);
    Value r = str_new(s->data + it->off, len);
    it->off += len;
    return r;
}

static void str_iter_dealloc(Obj *o)
{
    v_decref(((StrIter *)o)->s);
    free(o);
}

static Value iter_self(Value self) { return v_incref(self); }

/* ---- construction: str(x) ---- */

/* str(obj, encoding[, errors]): there is no bytes type, so every such call
 * fails; the messages are CPython's. */
static Value str_decode_error(Value *args, int nargs)
{
    for (int i = 1; i < nargs; i++)
        if (!IS_TYPE(args[i], &str_type))
            return rt_raise(&exc_TypeError, "str() argument '%s' must be str, not %s",
                            i == 1 ? "encoding" : "errors", v_type(args[i])->name);
    if (IS_TYPE(args[0], &str_type))
        return rt_raise(&exc_TypeError, "decoding str is not supported");
    return rt_raise(&exc_TypeError, "decoding to str: need a bytes-like object, %s found",
                    v_type(args[0])->name);
}

static Value str_new_slot(Type *t, Value *args, int nargs, KwArgs *kw)
{
    (void)t;
    for (int i = 0; kw && i < kw->n; i++) {
        const char *k = ((Str *)kw->names[i])->data;
        if (strcmp(k, "object") && strcmp(k, "encoding") && strcmp(k, "errors"))
            return rt_raise(&exc_TypeError, "'%s' is an invalid keyword argument for str()", k);
    }
    if (kw && kw->n) return rt_raise(&exc_TypeError, "str() takes no keyword arguments");
    if (nargs == 0) return v_incref(str_empty());
    if (nargs > 3) return rt_raise(&exc_TypeError, "str() takes at most 3 arguments (%d given)", nargs);
    if (nargs > 1) return str_decode_error(args, nargs);
    return v_str(args[0]);
}

static void str_dealloc(Obj *o) { free(o); }

Type str_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "str", .base = &object_type,
    .doc = "str(object='') -> str\n\nCreate a new string object from the given object.",
    .basicsize = sizeof(Str), .new = str_new_slot, .dealloc = str_dealloc,
    .repr = str_repr, .str = str_str, .hash = str_hash_slot, .compare = str_compare,
    .truth = str_truth, .len = str_len, .binop = str_binop, .inplace = str_inplace,
    .iter = str_iter, .getitem = str_getitem, .contains = str_contains,
};

Type str_iter_type = {
    .hdr = {IMMORTAL, &type_type}, .name = "str_iterator", .base = &object_type,
    .basicsize = sizeof(StrIter), .dealloc = str_iter_dealloc, .iter = iter_self,
    .next = str_iter_next,
};

/* ==== methods ==== */

#define SELF_STR(name)                                                         \
    if (nargs < 1) return rt_raise(&exc_TypeError, "unbound method str." name "() needs an argument"); \
    if (!IS_TYPE(args[0], &str_type))                                          \
        return rt_raise(&exc_TypeError, "descriptor '" name "' for 'str' objects doesn't apply to a '%s' object", v_typename(args[0])); \
    Str *s = S(args[0]);                                                       \
    (void)s;

static bool need_str(Value v, const char *what)
{
    if (IS_TYPE(v, &str_type)) return true;
    rt_raise(&exc_TypeError, "%s, not %s", what, v_typename(v));
    return false;
}

/* ---- character classes (ASCII exact; common Unicode ranges) ---- */

static bool cp_space(uint32_t c)
{
    if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

static bool cp_alpha(uint32_t c)
{
    if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    if (c == 0xAA || c == 0xB5 || c == 0xBA) return true;
    if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;
    return (c >= 0x370 && c <= 0x3FF && c != 0x37E && c != 0x387) || (c >= 0x400 && c <= 0x52F) ||
           (c >= 0x3040 && c <= 0x30FF && c != 0x30FB) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

static bool cp_digit(uint32_t c)
{
    return (c >= '0' && c <= '9') || c == 0xB2 || c == 0xB3 || c == 0xB9 ||
           (c >= 0x660 && c <= 0x669) || (c >= 0xFF10 && c <= 0xFF19);
}

static bool cp_numeric(uint32_t c)
{
    return cp_digit(c) || (c >= 0xBC && c <= 0xBE) || (c >= 0x2150 && c <= 0x218B) ||
           c == 0x3007 || (c >= 0x2460 && c <= 0x249B) ||
           c == 0x4E00 || c == 0x4E8C || c == 0x4E09 || c == 0x56DB || c == 0x4E94 ||
           c == 0x516D || c == 0x4E03 || c == 0x516B || c == 0x4E5D || c == 0x5341;
}

static bool cp_upper(uint32_t c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
           (c >= 0x391 && c <= 0x3A9) || (c >= 0x410 && c <= 0x42F);
}

static bool cp_lower(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) ||
           (c >= 0x3B1 && c <= 0x3C9) || (c >= 0x430 && c <= 0x44F);
}

static uint32_t cp_toupper(uint32_t c)
{
    if (c >= 'a' && c <= 'z') return c - 32;
    if ((c >= 0xE0 && c <= 0xFE && c != 0xF7) || (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) ||
        (c >= 0x430 && c <= 0x44F))
        return c - 32;
    return c;
}

static uint32_t cp_tolower(uint32_t c)
{
    if (c >= 'A' && c <= 'Z') return c + 32;
    if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3A9) ||
        (c >= 0x410 && c <= 0x42F))
        return c + 32;
    return c;
}

/* Maps every code point through f (case conversions keep byte lengths in
 * the ranges we convert, but we re-encode to be safe). */
typedef uint32_t (*CaseFn)(uint32_t c, bool *word_start);

/* str_map of an all-ASCII string: the case functions keep ASCII ASCII,
 * so the result is byte for byte, with no UTF-8 decoding. */
static Value str_map_ascii(Str *s, CaseFn f)
{
    Str *r = str_alloc(s->len);
    if (!r) return V_ERR;
    bool ws = true;
    for (int64_t i = 0; i < s->len; i++) r->data[i] = (char)f((unsigned char)s->data[i], &ws);
    r->nchars = s->len;
    return v_obj(r);
}

static Value str_map(Str *s, CaseFn f)
{
    if (is_ascii(s) && s->len > 1) return str_map_ascii(s, f);
    StrBuf b;
    if (!sb_init(&b, s->len)) return V_ERR;
    bool ws = true;
    for (int64_t i = 0; i < s->len;) {
        int len;
        uint32_t c = utf8_decode(s->data + i, &len);
        char enc[4];
        int n = utf8_encode(f(c, &ws), enc);
        if (!sb_add(&b, enc, n)) {
            sb_free(&b);
            return V_ERR;
        }
        i += len;
    }
    return sb_finish(&b);
}

static uint32_t f_lower(uint32_t c, bool *ws) { (void)ws; return cp_tolower(c); }
static uint32_t f_upper(uint32_t c, bool *ws) { (void)ws; return cp_toupper(c); }
static uint32_t f_swap(uint32_t c, bool *ws)
{
    (void)ws;
    return cp_upper(c) ? cp_tolower(c) : cp_lower(c) ? cp_toupper(c) : c;
}
/* title: a cased character after an uncased one starts a word */
static uint32_t f_title(uint32_t c, bool *ws)
{
    bool cased = cp_upper(c) || cp_lower(c) || cp_alpha(c);
    uint32_t r = cased ? (*ws ? cp_toupper(c) : cp_tolower(c)) : c;
    *ws = !cased;
    return r;
}
static uint32_t f_cap(uint32_t c, bool *ws)
{
    uint32_t r = *ws ? cp_toupper(c) : cp_tolower(c);
    *ws = false;
    return r;
}

#define CASE_METHOD(fname, pyname, fn)                                         \
    static Value fname(Value *args, int nargs, KwArgs *kw)                     \
    {                                                                          \
        (void)kw;                                                              \
        SELF_STR(pyname);                                                      \
        if (!args_count(pyname, nargs - 1, 0, 0)) return V_ERR;               \
        return str_map(s, fn);                                                 \
    }
CASE_METHOD(m_lower, "lower", f_lower)
CASE_METHOD(m_upper, "upper", f_upper)
CASE_METHOD(m_swapcase, "swapcase", f_swap)
CASE_METHOD(m_title, "title", f_title)
CASE_METHOD(m_capitalize, "capitalize", f_cap)

/* is*(): true when non-empty and every code point passes. */
static Value str_all(Str *s, bool (*pred)(uint32_t))
{
    if (s->len == 0) return v_bool(false);
    for (int64_t i = 0; i < s->len;) {
        int len;
        uint32_t c = utf8_decode(s->data + i, &len);
        if (!pred(c)) return v_bool(false);
        i += len;
    }
    return v_bool(true);
}

static bool cp_alnum(uint32_t c) { return cp_alpha(c) || cp_numeric(c); }

#define IS_METHOD(fname, pyname, pred)                                         \
    static Value fname(Value *args, int nargs, KwArgs *kw)                     \
    {                                                                          \
        (void)kw;                                                              \
        SELF_STR(pyname);                                                      \
        if (!args_count(pyname, nargs - 1, 0, 0)) return V_ERR;               \
        return str_all(s, pred);                                               \
    }
IS_METHOD(m_isdigit, "isdigit", cp_digit)
IS_METHOD(m_isdecimal, "isdecimal", cp_digit)
IS_METHOD(m_isnumeric, "isnumeric", cp_numeric)
IS_METHOD(m_isalpha, "isalpha", cp_alpha)
IS_METHOD(m_isalnum, "isalnum", cp_alnum)
IS_METHOD(m_isspace, "isspace", cp_space)

/* isupper/islower: at least one cased char, and none of the other case. */
static Value cased_test(Str *s, bool upper)
{
    bool any = false;
    for (int64_t i = 0; i < s->len;) {
        int len;
        uint32_t c = utf8_decode(s->data + i, &len);
        if (upper ? cp_lower(c) : cp_upper(c)) return v_bool(false);
        any = any || (upper ? cp_upper(c) : cp_lower(c));
        i += len;
    }
    return v_bool(any);
}

static Value m_isupper(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    SELF_STR("isupper");
    return cased_test(s, true);
}

static Value m_islower(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    SELF_STR("islower");
    return cased_test(s, false);
}

static Value m_isidentifier(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    SELF_STR("isidentifier");
    if (s->len == 0) return v_bool(false);
    for (int64_t i = 0; i < s->len;) {
        int len;
        uint32_t c = utf8_decode(s->data + i, &len);
        bool ok = c == '_' || cp_alpha(c) || (i > 0 && cp_digit(c));
        if (!ok) return v_bool(false);
        i += len;
    }
    return v_bool(true);
}

static Value m_isascii(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    SELF_STR("isascii");
    return v_bool(is_ascii(s));
}

static Value m_isprintable(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    SELF_STR("isprintable");
    for (int64_t i = 0; i < s->len;) {
        int len;
        uint32_t c = utf8_decode(s->data + i, &len);
        if (!cp_printable(c)) return v_bool(false);
        i += len;
    }
    return v_bool(true);
}

/* ---- strip ---- */

static bool in_chars(uint32_t c, Str *chars)
{
    if (!chars) return cp_space(c);
    if (c < 0x80) return memchr(chars->data, (int)c, (size_t)chars->len) != NULL;
    char enc[4];
    int n = utf8_encode(c, enc);
    return memmem(chars->data, (size_t)chars->len, enc, (size_t)n) != NULL;
}

static Value do_strip(Value *args, int nargs, const char *name, bool left, bool right)
{
    Str *s = S(args[0]), *chars = NULL;
    if (!args_count(name, nargs - 1, 0, 1)) return V_ERR;
    if (nargs > 1 && !IS_NONE(args[1])) {
        if (!IS_TYPE(args[1], &str_type))
            return rt_raise(&exc_TypeError, "%s arg must be None or str", name);
        chars = S(args[1]);
    }
    int64_t a = 0, b = s->len;
    while (left && a < b) {
        int len;
        uint32_t c = utf8_decode(s->data + a, &len);
        if (!in_chars(c, chars)) break;
        a += len;
    }
    while (right && b > a) {
        int64_t p = b - 1;
        while (p > a && ((unsigned char)s->data[p] & 0xC0) == 0x80) p--;
        int len;
        uint32_t c = utf8_decode(s->data + p, &len);
        if (!in_chars(c, chars)) break;
        b = p;
    }
    if (a == 0 && b == s->len) return v_incref(args[0]);
    return str_new(s->data + a, b - a);
}

static Value m_strip(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    SELF_STR("strip");
    return do_strip(args, nargs, "strip", true, true);
}

static Value m_lstrip(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    SELF_STR("lstrip");
    return do_strip(args, nargs, "lstrip", true, false);
}

static Value m_rstrip(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    SELF_STR("rstrip");
    return do_strip(args, nargs, "rstrip", false, true);
}

/* ---- split family ---- */

static bool push_piece(Value list, const char *p, int64_t n)
{
    Value x = str_new(p, n);
    if (IS_ERR(x)) return false;
    int rc = list_append(list, x);
    v_decref(x);
    return rc == 0;
}

static bool split_args(const char *name, Value *args, int nargs, KwArgs *kw, Str **sep, int64_t *maxsplit)
{
    static const char *const names[] = {"sep", "maxsplit"};
    Value a[2];
    if (!args_parse(name, args + 1, nargs - 1, kw, names, 2, 0, a)) return false;
    *sep = NULL;
    *maxsplit = -1;
    if (!IS_UNBOUND(a[0]) && !IS_NONE(a[0])) {
        if (!IS_TYPE(a[0], &str_type)) {
            rt_raise(&exc_TypeError, "must be str or None, not %s", v_typename(a[0]));
            return false;
        }
        *sep = S(a[0]);
        if ((*sep)->len == 0) {
            rt_raise(&exc_ValueError, "empty separator");
            return false;
        }
    }
    if (!IS_UNBOUND(a[1]) && !num_index(a[1], maxsplit)) return false;
    return true;
}

/* Whitespace split from the left: runs of whitespace separate, no empty
 * pieces; after maxsplit pieces the rest (left-stripped) is the last one. */
/* Whether the character at byte i is whitespace; *len: its byte length.
 * ASCII bytes skip the UTF-8 decoder (split() of long texts is hot). */
static inline bool space_at(const Str *s, int64_t i, int *len)
{
    unsigned char c = (unsigned char)s->data[i];
    if (c < 0x80) {
        *len = 1;
        return cp_space(c);
    }
    return cp_space(utf8_decode(s->data + i, len));
}

static bool split_ws(Value out, Str *s, int64_t maxsplit)
{
    int64_t i = 0, n = s->len, count = 0;
    for (;;) {
        int len = 1;
        while (i < n && space_at(s, i, &len)) i += len;
        if (i >= n) return true;
        /* the remainder keeps its trailing whitespace, as in CPython */
        if (maxsplit >= 0 && count >= maxsplit) return push_piece(out, s->data + i, n - i);
        int64_t j = i;
        while (j < n && !space_at(s, j, &len)) j += len;
        if (!push_piece(out, s->data + i, j - i)) return false;
        count++;
        i = j;
    }
}

static Value m_split(Value *args, int nargs, KwArgs *kw)
{
    SELF_STR("split");
    Str *sep;
    int64_t maxsplit;
    if (!split_args("split", args, nargs, kw, &sep, &maxsplit)) return V_ERR;
    Value out = list_new(0);
    if (IS_ERR(out)) return out;
    bool ok;
    if (!sep) {
        ok = split_ws(out, s, maxsplit);
    } else {
        const char *p = s->data, *end = p + s->len;
        int64_t count = 0;
        ok = true;
        while (ok) {
            const char *q = (maxsplit < 0 || count < maxsplit)
                                ? memmem(p, (size_t)(end - p), sep->data, (size_t)sep->len) : NULL;
            if (!q) {
                ok = push_piece(out, p, end - p);
                break;
            }
            ok = push_piece(out, p, q - p);
            p = q + sep->len;
            count++;
        }
    }
    if (!ok) {
        v_decref(out);
        return V_ERR;
    }
    return out;
}

static void list_reverse_inplace(Value l)
{
    List *x = (List *)l.o;
    for (int64_t i = 0, j = x->len - 1; i < j; i++, j--) {
        Value t = x->items[i];
        x->items[i] = x->items[j];
        x->items[j] = t;
    }
}

static Value m_rsplit(Value *args, int nargs, KwArgs *kw)
{
    SELF_STR("rsplit");
    Str *sep;
    int64_t maxsplit;
    if (!split_args("rsplit", args, nargs, kw, &sep, &maxsplit)) return V_ERR;
    if (maxsplit < 0) return m_split(args, nargs, kw);
    Value out = list_new(0);
    if (IS_ERR(out)) return out;
    bool ok = true;
    int64_t e = s->len, count = 0;
    if (!sep) {
        for (;;) {
            while (e > 0 && cp_space((unsigned char)s->data[e - 1])) e--;
            if (e == 0) break;
            if (count >= maxsplit) {
                int64_t b = 0;
                while (b < e && cp_space((unsigned char)s->data[b])) b++;
                ok = push_piece(out, s->data + b, e - b);
                break;
            }
            int64_t b = e;
            while (b > 0 && !cp_space((unsigned char)s->data[b - 1])) b--;
            if (!(ok = push_piece(out, s->data + b, e - b))) break;
            count++;
            e = b;
        }
    } else {
        while (ok) {
            const char *q = NULL;
            if (count < maxsplit)
                for (int64_t p = e - sep->len; p >= 0; p--)
                    if (!memcmp(s->data + p, sep->data, (size_t)sep->len)) { q = s->data + p; break; }
            if (!q) {
                ok = push_piece(out, s->data, e);
                break;
            }
            ok = push_piece(out, q + sep->len, s->data + e - (q + sep->len));
            e = q - s->data;
            count++;
        }
    }
    if (!ok) {
        v_decref(out);
        return V_ERR;
    }
    list_reverse_inplace(out);
    return out;
}

/* Line boundaries: \n \r \r\n \v \f \x1c-\x1e \x85 \u2028 \u2029. */
static int line_break_len(const char *p, const char *end)
{
    unsigned char c = (unsigned char)*p;
    if (c == '\r') return (p + 1 < end && p[1] == '\n') ? 2 : 1;
    if (c == '\n' || c == '\v' || c == '\f' || (c >= 0x1C && c <= 0x1E)) return 1;
    if (c == 0xC2 && p + 1 < end && (unsigned char)p[1] == 0x85) return 2;
    if (c == 0xE2 && p + 2 < end && (unsigned char)p[1] == 0x80 &&
        ((unsigned char)p[2] == 0xA8 || (unsigned char)p[2] == 0xA9))
        return 3;
    return 0;
}

static Value m_splitlines(Value *args, int nargs, KwArgs *kw)
{
    SELF_STR("splitlines");
    static const char *const names[] = {"keepends"};
    Value a[1];
    if (!args_parse("splitlines", args + 1, nargs - 1, kw, names, 1, 0, a)) return V_ERR;
    int keep = IS_UNBOUND(a[0]) ? 0 : v_truth(a[0]);
    if (keep < 0) return V_ERR;
    Value out = list_new(0);
    if (IS_ERR(out)) return out;
    const char *p = s->data, *end = p + s->len, *start = p;
    bool ok = true;
    while (ok && p < end) {
        int bl = line_break_len(p, end);
        if (!bl) {
            p++;
            continue;
        }
        ok = push_piece(out, start, (p - start) + (keep ? bl : 0));
        p += bl;
        start = p;
    }
    if (ok && start < end) ok = push_piece(out, start, end - start);
    if (!ok) {
        v_decref(out);
        return V_ERR;
    }
    return out;
}

static Value partition(Value *args, int nargs, bool right)
{
    Str *s = S(args[0]);
    if (!args_one(right ? "str.rpartition" : "str.partition", nargs - 1)) return V_ERR;
    if (!need_str(args[1], "must be str")) return V_ERR;
    Str *sep = S(args[1]);
    if (sep->len == 0) return rt_raise(&exc_ValueError, "empty separator");
    const char *q = NULL;
    if (!right) {
        q = memmem(s->data, (size_t)s->len, sep->data, (size_t)sep->len);
    } else {
        for (int64_t p = s->len - sep->len; p >= 0 && !q; p--)
            if (!memcmp(s->data + p, sep->data, (size_t)sep->len)) q = s->data + p;
    }
    Value e = str_empty();
    if (!q) return right ? tuple_pack(3, e, e, args[0]) : tuple_pack(3, args[0], e, e);
    Value a = str_new(s->data, q - s->data);
    Value c = IS_ERR(a) ? V_ERR : str_new(q + sep->len, s->data + s->len - q - sep->len);
    Value r = IS_ERR(c) ? V_ERR : tuple_pack(3, a, args[1], c);
    v_decref(a);
    v_decref(c);
    return r;
}

static Value m_partition(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    SELF_STR("partition");
    return partition(args, nargs, false);
}

static Value m_rpartition(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    SELF_STR("rpartition");
    return partition(args, nargs, true);
}

/* ---- join ---- */

Value str_join(Value sepv, Value iterable)
{
    Value *items, tmp;
    int64_t n;
    if (!seq_items(iterable, &items, &n, &tmp)) {
        if (rt_exc_matches(&exc_TypeError)) {
            rt_exc_clear();
            rt_raise(&exc_TypeError, "can only join an iterable");
        }
        return V_ERR;
    }
    Str *sep = S(sepv);
    int64_t total = 0;
    for (int64_t i = 0; i < n; i++) {
        if (!IS_TYPE(items[i], &str_type)) {
            rt_raise(&exc_TypeError, "sequence item %lld: expected str instance, %s found",
                     (long long)i, v_typename(items[i]));
            v_decref(tmp);
            return V_ERR;
        }
        total += S(items[i])->len;
    }
    Value r;
    if (n == 1) {
        r = v_incref(items[0]);
    } else {
        total += n > 0 ? sep->len * (n - 1) : 0;
        Str *o = total ? str_alloc(total) : NULL;
        if (!total) {
            r = v_incref(str_empty());
        } else if (!o) {
            r = V_ERR;
        } else {
            char *w = o->data;
            int64_t nch = 0;
            for (int64_t i = 0; i < n; i++) {
                if (i && sep->len) {
                    memcpy(w, sep->data, (size_t)sep->len);
                    w += sep->len;
                    nch += sep->nchars;
                }
                memcpy(w, S(items[i])->data, (size_t)S(items[i])->len);
                w += S(items[i])->len;
                nch += S(items[i])->nchars;
            }
            o->nchars = nch;
            r = v_obj(o);
        }
    }
    v_decref(tmp);
    return r;
}

static Value m_join(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    SELF_STR("join");
    if (!args_one("str.join", nargs - 1)) return V_ERR;
    return str_join(args[0], args[1]);
}

/* ---- searching ---- */

/* Parses (sub[, start[, end]]) into a byte range of s. */
static bool search_args(const char *name, Value *args, int nargs, Str **sub, int64_t *a, int64_t *b)
{
    Str *s = S(args[0]);
    if (!args_count(name, nargs - 1, 1, 3)) return false;
    if (!IS_TYPE(args[1], &str_type)) {
        rt_raise(&exc_TypeError, "must be str, not %s", v_typename(args[1]));
        return false;
    }
    *sub = S(args[1]);
    int64_t start = 0, end = s->nchars;
    if (nargs > 2 && !IS_NONE(args[2]) && !num_index(args[2], &start)) return false;
    if (nargs > 3 && !IS_NONE(args[3]) && !num_index(args[3], &end)) return false;
    slice_adjust(s->nchars, &start, &end, 1);
    if (end < start) end = start - 1;   /* empty; still lets "" match at start? no */
    *a = str_char_offset(s, start);
    *b = end < start ? -1 : str_char_offset(s, end);
    return true;
}

static int64_t find_fwd(Str *s, Str *sub, int64_t a, int64_t b)
{
    if (b < a || sub->len > b - a) return -1;
    const char *q = memmem(s->data + a, (size_t)(b - a), sub->data, (size_t)sub->len);
    return q ? q - s->data : -1;
}

static int64_t find_rev(Str *s, Str *sub, int64_t a, int64_t b)
{
    if (b < a || sub->len > b - a) return -1;
    for (int64_t p = b - sub->len; p >= a; p--)
        if (!memcmp(s->data + p, sub->data, (size_t)sub->len)) return p;
    return -1;
}

static Value find_common(Value *args, int nargs, const char *name, bool rev, bool raise)
{
    Str *s = S(args[0]), *sub;
    int64_t a, b;
    if (!search_args(name, args, nargs, &sub, &a, &b)) return V_ERR;
    int64_t p = rev ? find_rev(s, sub, a, b) : find_fwd(s, sub, a, b);
    if (p < 0) return raise ? rt_raise(&exc_ValueError, "substring not found") : v_int(-1);
    return v_int(char_index(s, p));
}

static Value m_find(Value *args, int nargs, KwArgs *kw) { (void)kw; SELF_STR("find"); return find_common(args, nargs, "find", false, false); }
static Value m_rfind(Value *args, int nargs, KwArgs *kw) { (void)kw; SELF_STR("rfind"); return find_common(args, nargs, "rfind", true, false); }
static Value m_index(Value *args, int nargs, KwArgs *kw) { (void)kw; SELF_STR("index"); return find_common(args, nargs, "index", false, true); }
static Value m_rindex(Value *args, int nargs, KwArgs *kw) { (void)kw; SELF_STR("rindex"); return find_common(args, nargs, "rindex", true, true); }

static Value m_count(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    SELF_STR("count");
    Str *sub;
    int64_t a, b;
    if (!search_args("count", args, nargs, &sub, &a, &b)) return V_ERR;
    if (b < a) return v_int(0);
    if (sub->len == 0) return v_int(char_index(s, b) - char_index(s, a) + 1);
    int64_t c = 0;
    for (int64_t p; (p = find_fwd(s, sub, a, b)) >= 0; a = p + sub->len) c++;
    return v_int(c);
}

static Value m_replace(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    SELF_STR("replace");
    if (!args_count("replace", nargs - 1, 2, 3)) return V_ERR;
    if (!need_str(args[1], "replace() argument 1 must be str") ||
        !need_str(args[2], "replace() argument 2 must be str"))
        return V_ERR;
    int64_t count = -1;
    if (nargs > 3 && !num_index(args[3], &count)) return V_ERR;
    Str *old = S(args[1]), *new = S(args[2]);
    StrBuf b;
    if (!sb_init(&b, s->len)) return V_ERR;
    const char *p = s->data, *end = p + s->len;
    int64_t done = 0;
    bool ok = true;
    if (old->len == 0) {
        /* insert `new` before every character and at the end */
        while (ok && (count < 0 || done < count)) {
            ok = sb_add(&b, new->data, new->len);
            done++;
            if (p >= end) break;
            int len = 1;
            if ((unsigned char)*p >= 0x80) utf8_decode(p, &len);
            ok = ok && sb_add(&b, p, len);
            p += len;
        }
        ok = ok && sb_add(&b, p, end - p);
    } else {
        while (ok && (count < 0 || done < count)) {
            const char *q = memmem(p, (size_t)(end - p), old->data, (size_t)old->len);
            if (!q) break;
            ok = sb_add(&b, p, q - p) && sb_add(&b, new->data, new->len);
            p = q + old->len;
            done++;
        }
        ok = ok && sb_add(&b, p, end - p);
    }
    if (!ok) {
        sb_free(&b);
        return V_ERR;
    }
    if (done == 0) {
        sb_free(&b);
        return v_incref(args[0]);
    }
    return sb_finish(&b);
}

/* startswith/endswith: prefix may be a tuple of strs. */
static Value affix(Value *args, int nargs, const char *name, bool end)
{
    Str *s = S(args[0]);
    if (!args_count(name, nargs - 1, 1, 3)) return V_ERR;
    int64_t start = 0, stop = s->nchars;
    if (nargs > 2 && !IS_NONE(args[2]) && !num_index(args[2], &start)) return V_ERR;
    if (nargs > 3 && !IS_NONE(args[3]) && !num_index(args[3], &stop)) return V_ERR;
    slice_adjust(s->nchars, &start, &stop, 1);
    if (start > s->nchars) return v_bool(false);
    int64_t a = str_char_offset(s, start), b = stop < start ? a : str_char_offset(s, stop);
    Value *cands = &args[1];
    int64_t n = 1;
    if (IS_TYPE(args[1], &tuple_type)) {
        cands = ((Tuple *)args[1].o)->items;
        n = ((Tuple *)args[1].o)->len;
    }
    for (int64_t i = 0; i < n; i++) {
        if (!IS_TYPE(cands[i], &str_type)) {
            if (n == 1 && !IS_TYPE(args[1], &tuple_type))
                return rt_raise(&exc_TypeError, "%s first arg must be str or a tuple of str, not %s",
                                name, v_typename(cands[i]));
            return rt_raise(&exc_TypeError, "tuple for %s must only contain str, not %s", name,
                            v_typename(cands[i]));
        }
        Str *x = S(cands[i]);
        if (x->len > b - a) continue;
        const char *at = end ? s->data + b - x->len : s->data + a;
        if (!memcmp(at, x->data, (size_t)x->len)) return v_bool(true);
    }
    return v_bool(false);
}

static Value m_startswith(Value *args, int nargs, KwArgs *kw) { (void)kw; SELF_STR("startswith"); return affix(args, nargs, "startswith", false); }
static Value m_endswith(Value *args, int nargs, KwArgs *kw) { (void)kw; SELF_STR("endswith"); return affix(args, nargs, "endswith", true); }

/* ---- padding ---- */

static bool fill_arg(Value *args, int nargs, int idx, const char **fill, int *flen)
{
    static const char space = ' ';
    *fill = &space;
    *flen = 1;
    if (nargs <= idx) return true;
    if (!IS_TYPE(args[idx], &str_type) || S(args[idx])->nchars != 1) {
        if (!IS_TYPE(args[idx], &str_type))
            rt_raise(&exc_TypeError, "The fill character must be a unicode character, not %s",
                     v_typename(args[idx]));
        else
            rt_raise(&exc_TypeError, "The fill character must be exactly one character long");
        return false;
    }
    *fill = S(args[idx])->data;
    *flen = (int)S(args[idx])->len;
    return true;
}

static Value pad(Value self, int64_t left, int64_t right, const char *fill, int flen)
{
    Str *s = S(self);
    if (left <= 0 && right <= 0) return v_incref(self);
    if (left < 0) left = 0;
    if (right < 0) right = 0;
    StrBuf b;
    if (!sb_init(&b, s->len + (left + right) * flen)) return V_ERR;
    bool ok = true;
    for (int64_t i = 0; ok && i < left; i++) ok = sb_add(&b, fill, flen);
    ok = ok && sb_add(&b, s->data, s->len);
    for (int64_t i = 0; ok && i < right; i++) ok = sb_add(&b, fill, flen);
    if (!ok) {
        sb_free(&b);
        return V_ERR;
    }
    return sb_finish(&b);
}

static Value justify(Value *args, int nargs, const char *name, char how)
{
    if (!args_count(name, nargs - 1, 1, 2)) return V_ERR;
    int64_t width;
    const char *fill;
    int flen;
    if (!num_index(args[1], &width) || !fill_arg(args, nargs, 2, &fill, &flen)) return V_ERR;
    int64_t marg = width - S(args[0])->nchars;
    if (marg <= 0) return v_incref(args[0]);
    if (how == '<') return pad(args[0], 0, marg, fill, flen);
    if (how == '>') return pad(args[0], marg, 0, fill, flen);
    int64_t left = marg / 2 + (marg & width & 1);
    return pad(args[0], left, marg - left, fill, flen);
}

static Value m_center(Value *args, int nargs, KwArgs *kw) { (void)kw; SELF_STR("center"); return justify(args, nargs, "center", '^'); }
static Value m_ljust(Value *args, int nargs, KwArgs *kw) { (void)kw; SELF_STR("ljust"); return justify(args, nargs, "ljust", '<'); }
static Value m_rjust(Value *args, int nargs, KwArgs *kw) { (void)kw; SELF_STR("rjust"); return justify(args, nargs, "rjust", '>'); }

static Value m_zfill(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    SELF_STR("zfill");
    if (!args_one("str.zfill", nargs - 1)) return V_ERR;
    int64_t width;
    if (!num_index(args[1], &width)) return V_ERR;
    int64_t fill = width - s->nchars;
    if (fill <= 0) return v_incref(args[0]);
    StrBuf b;
    if (!sb_init(&b, s->len + fill)) return V_ERR;
    int64_t k = (s->len && (s->data[0] == '+' || s->data[0] == '-')) ? 1 : 0;
    bool ok = sb_add(&b, s->data, k);
    for (int64_t i = 0; ok && i < fill; i++) ok = sb_addc(&b, '0');
    ok = ok && sb_add(&b, s->data + k, s->len - k);
    if (!ok) {
        sb_free(&b);
        return V_ERR;
    }
    return sb_finish(&b);
}

static Value m_format(Value *args, int nargs, KwArgs *kw)
{
    SELF_STR("format");
    return fmt_str_format(args[0], args + 1, nargs - 1, kw);
}

static Value m_dunder_format(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    SELF_STR("__format__");
    if (!args_one("str.__format__", nargs - 1) || !need_str(args[1], "format() argument must be str"))
        return V_ERR;
    return fmt_format_value(args[0], str_cstr(args[1]));
}

static Value m_encode(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    (void)args;
    (void)nargs;
    return rt_raise(&exc_NotImplementedError, "bytes are not supported in TensorScript");
}

static Value m_removeprefix(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    SELF_STR("removeprefix");
    if (!args_one("str.removeprefix", nargs - 1) || !need_str(args[1], "removeprefix() argument must be str"))
        return V_ERR;
    Str *p = S(args[1]);
    if (p->len <= s->len && !memcmp(s->data, p->data, (size_t)p->len))
        return str_new(s->data + p->len, s->len - p->len);
    return v_incref(args[0]);
}

static Value m_removesuffix(Value *args, int nargs, KwArgs *kw)
{
    (void)kw;
    SELF_STR("removesuffix");
    if (!args_one("str.removesuffix", nargs - 1) || !need_str(args[1], "removesuffix() argument must be str"))
        return V_ERR;
    Str *p = S(args[1]);
    if (p->len && p->len <= s->len && !memcmp(s->data + s->len - p->len, p->data, (size_t)p->len))
        return str_new(s->data, s->len - p->len);
    return v_incref(args[0]);
}

static const MethodDef str_methods[] = {
    {"lower", m_lower, "lower()\n\nReturn a copy of the string converted to lowercase.", 0},
    {"upper", m_upper, "upper()\n\nReturn a copy of the string converted to uppercase.", 0},
    {"title", m_title, "title()\n\nReturn a version of the string where each word is titlecased.", 0},
    {"capitalize", m_capitalize, "capitalize()\n\nReturn a capitalized version of the string.", 0},
    {"swapcase", m_swapcase, "swapcase()\n\nConvert uppercase characters to lowercase and lowercase characters to uppercase.", 0},
    {"strip", m_strip, "strip(chars=None, /)\n\nReturn a copy of the string with leading and trailing whitespace removed.\nIf chars is given and not None, remove characters in chars instead.", 0},
    {"lstrip", m_lstrip, "lstrip(chars=None, /)\n\nReturn a copy of the string with leading whitespace removed.", 0},
    {"rstrip", m_rstrip, "rstrip(chars=None, /)\n\nReturn a copy of the string with trailing whitespace removed.", 0},
    {"split", m_split, "split(sep=None, maxsplit=-1)\n\nReturn a list of the substrings in the string, using sep as the separator string.", 0},
    {"rsplit", m_rsplit, "rsplit(sep=None, maxsplit=-1)\n\nReturn a list of the substrings in the string, splitting from the right.", 0},
    {"splitlines", m_splitlines, "splitlines(keepends=False)\n\nReturn a list of the lines in the string, breaking at line boundaries.", 0},
    {"partition", m_partition, "partition(sep, /)\n\nPartition the string into three parts using the given separator.", 0},
    {"rpartition", m_rpartition, "rpartition(sep, /)\n\nPartition the string into three parts, searching from the end.", 0},
    {"join", m_join, "join(iterable, /)\n\nConcatenate any number of strings, with the string as separator.", 0},
    {"replace", m_replace, "replace(old, new, count=-1, /)\n\nReturn a copy with all occurrences of substring old replaced by new.", 0},
    {"count", m_count, "count(sub[, start[, end]])\n\nReturn the number of non-overlapping occurrences of substring sub.", 0},
    {"find", m_find, "find(sub[, start[, end]])\n\nReturn the lowest index where substring sub is found, or -1.", 0},
    {"rfind", m_rfind, "rfind(sub[, start[, end]])\n\nReturn the highest index where substring sub is found, or -1.", 0},
    {"index", m_index, "index(sub[, start[, end]])\n\nLike find() but raise ValueError when the substring is not found.", 0},
    {"rindex", m_rindex, "rindex(sub[, start[, end]])\n\nLike rfind() but raise ValueError when the substring is not found.", 0},
    {"startswith", m_startswith, "startswith(prefix[, start[, end]])\n\nReturn True if the string starts with the prefix (a str or a tuple of str).", 0},
    {"endswith", m_endswith, "endswith(suffix[, start[, end]])\n\nReturn True if the string ends with the suffix (a str or a tuple of str).", 0},
    {"isdigit", m_isdigit, "isdigit()\n\nReturn True if the string is a digit string.", 0},
    {"isdecimal", m_isdecimal, "isdecimal()\n\nReturn True if the string is a decimal string.", 0},
    {"isnumeric", m_isnumeric, "isnumeric()\n\nReturn True if the string is a numeric string.", 0},
    {"isalpha", m_isalpha, "isalpha()\n\nReturn True if the string is an alphabetic string.", 0},
    {"isalnum", m_isalnum, "isalnum()\n\nReturn True if the string is an alpha-numeric string.", 0},
    {"isspace", m_isspace, "isspace()\n\nReturn True if the string is a whitespace string.", 0},
    {"isupper", m_isupper, "isupper()\n\nReturn True if the string is an uppercase string.", 0},
    {"islower", m_islower, "islower()\n\nReturn True if the string is a lowercase string.", 0},
    {"isidentifier", m_isidentifier, "isidentifier()\n\nReturn True if the string is a valid Python identifier.", 0},
    {"isascii", m_isascii, "isascii()\n\nReturn True if all characters in the string are ASCII.", 0},
    {"isprintable", m_isprintable, "isprintable()\n\nReturn True if the string is printable.", 0},
    {"center", m_center, "center(width, fillchar=' ', /)\n\nReturn a centered string of length width.", 0},
    {"ljust", m_ljust, "ljust(width, fillchar=' ', /)\n\nReturn a left-justified string of length width.", 0},
    {"rjust", m_rjust, "rjust(width, fillchar=' ', /)\n\nReturn a right-justified string of length width.", 0},
    {"zfill", m_zfill, "zfill(width, /)\n\nPad a numeric string with zeros on the left, to fill a field of the given width.", 0},
    {"format", m_format, "format(*args, **kwargs)\n\nReturn a formatted version of the string, using substitutions from args and kwargs.", 0},
    {"__format__", m_dunder_format, "__format__(format_spec, /)\n\nReturn a formatted version of the string as described by format_spec.", 0},
    {"encode", m_encode, "encode(encoding='utf-8', errors='strict')\n\nNot supported: TensorScript has no bytes type.", 0},
    {"removeprefix", m_removeprefix, "removeprefix(prefix, /)\n\nReturn a str with the given prefix string removed if present.", 0},
    {"removesuffix", m_removesuffix, "removesuffix(suffix, /)\n\nReturn a str with the given suffix string removed if present.", 0},
    {NULL, NULL, NULL, 0},
};

void str_init_type(void) { type_add_methods(&str_type, str_methods); }
