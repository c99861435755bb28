/* strbuf.h — the growable string that the tensor printers (print.c,
 * print_numpy.c) build their text in.  Private to src/tensor.
 *
 * The first failed allocation sets `oom` (and the size it asked for in
 * `oom_bytes`); every later append is then a no-op, so a printer checks
 * once at the end instead of after each append.  Start from {0}; the text
 * in p is always NUL-terminated once anything was appended.
 */
#ifndef TS_STRBUF_H
#define TS_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct TsBuf {
    char *p;
    size_t len, cap;
    bool oom;
    size_t oom_bytes;
} TsBuf;

void ts_buf_put(TsBuf *b, const char *s, size_t n);
void ts_buf_puts(TsBuf *b, const char *s);
void ts_buf_spaces(TsBuf *b, int n);

#endif
