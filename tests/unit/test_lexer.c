/* test_lexer.c — token streams for layout, operators, literals and errors.
 *
 * Each row is a source and its expected stream: KIND(text)@line:col for
 * tokens with text, KIND@line:col for the others, and for an error token
 * "[Kind: message @line:col]" (0-based byte column, " incomplete" when
 * more input could fix it).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/lexer.h"

static void append(char **out, size_t *n, const char *s)
{
    size_t k = strlen(s);
    char *o = realloc(*out, *n + k + 1);
    if (!o) { fprintf(stderr, "out of memory\n"); exit(2); }
    memcpy(o + *n, s, k + 1);
    *out = o;
    *n += k;
}

static char *stream(const char *src)
{
    size_t len = strlen(src), n = 0;
    char *buf = malloc(len + 1), *out = NULL, piece[512];
    memcpy(buf, src, len + 1);
    Lexer lx;
    lex_init(&lx, buf, len);
    append(&out, &n, "");
    for (int i = 0; i < 10000; i++) {
        Token t = lex_next(&lx);
        if (t.kind == T_NAME || t.kind == T_NUMBER || t.kind == T_STRING || t.kind == T_MAGIC ||
            t.kind == T_UNKNOWN)
            snprintf(piece, sizeof piece, "%s(%.*s)@%d:%d ", lex_kind_name(t.kind), (int)t.len,
                     t.start, t.line, t.col);
        else
            snprintf(piece, sizeof piece, "%s@%d:%d ", lex_kind_name(t.kind), t.line, t.col);
        append(&out, &n, piece);
        if (t.kind == T_EOF) break;
        if (t.kind == T_ERROR) {
            snprintf(piece, sizeof piece, "[%s: %s @%d:%d%s]", lx.err_kind, lx.err_msg,
                     lx.err_line, lx.err_col, lx.incomplete ? " incomplete" : "");
            append(&out, &n, piece);
            break;
        }
    }
    free(buf);
    return out;
}

static const struct { const char *src, *want; } rows[] = {
    { "x = 1\n",
      "NAME(x)@1:0 =@1:2 NUMBER(1)@1:4 NEWLINE@1:5 EOF@1:5 " },
    { "if a:\n    b\n    if c:\n        d\ne\n",
      "if@1:0 NAME(a)@1:3 :@1:4 NEWLINE@1:5 INDENT@2:0 NAME(b)@2:4 NEWLINE@2:5 if@3:4 NAME(c)@3:7 :@3:8 NEWLINE@3:9 INDENT@4:0 NAME(d)@4:8 NEWLINE@4:9 DEDENT@5:0 DEDENT@5:0 NAME(e)@5:0 NEWLINE@5:1 EOF@5:1 " },
    { "if a:\n\tb\n        c\n",
      "if@1:0 NAME(a)@1:3 :@1:4 NEWLINE@1:5 INDENT@2:0 NAME(b)@2:1 NEWLINE@2:2 NAME(c)@3:8 NEWLINE@3:9 DEDENT@3:9 EOF@3:9 " },
    { "def f():\n    pass\n\n# comment\n   \nx\n",
      "def@1:0 NAME(f)@1:4 (@1:5 )@1:6 :@1:7 NEWLINE@1:8 INDENT@2:0 pass@2:4 NEWLINE@2:8 DEDENT@6:0 NAME(x)@6:0 NEWLINE@6:1 EOF@6:1 " },
    { "x = (1,\n  2)\ny\n",
      "NAME(x)@1:0 =@1:2 (@1:4 NUMBER(1)@1:5 ,@1:6 NUMBER(2)@2:2 )@2:3 NEWLINE@2:4 NAME(y)@3:0 NEWLINE@3:1 EOF@3:1 " },
    { "x = 1 + \\\n  2\n",
      "NAME(x)@1:0 =@1:2 NUMBER(1)@1:4 +@1:6 NUMBER(2)@2:2 NEWLINE@2:3 EOF@2:3 " },
    { "a @ b @= c ** d //= e -> f := g ... h != i == j <= k >= l << m >> n <<= o >>= p\n",
      "NAME(a)@1:0 @@1:2 NAME(b)@1:4 @=@1:6 NAME(c)@1:9 **@1:11 NAME(d)@1:14 //=@1:16 NAME(e)@1:20 ->@1:22 NAME(f)@1:25 :=@1:27 NAME(g)@1:30 ...@1:32 NAME(h)@1:36 !=@1:38 NAME(i)@1:41 ==@1:43 NAME(j)@1:46 <=@1:48 NAME(k)@1:51 >=@1:53 NAME(l)@1:56 <<@1:58 NAME(m)@1:61 >>@1:63 NAME(n)@1:66 <<=@1:68 NAME(o)@1:72 >>=@1:74 NAME(p)@1:78 NEWLINE@1:79 EOF@1:79 " },
    { "a += b -= c *= d /= e %= f &= g |= h ^= i **= j ~ k . l ; m , n : o ? p\n",
      "NAME(a)@1:0 +=@1:2 NAME(b)@1:5 -=@1:7 NAME(c)@1:10 *=@1:12 NAME(d)@1:15 /=@1:17 NAME(e)@1:20 %=@1:22 NAME(f)@1:25 &=@1:27 NAME(g)@1:30 |=@1:32 NAME(h)@1:35 ^=@1:37 NAME(i)@1:40 **=@1:42 NAME(j)@1:46 ~@1:48 NAME(k)@1:50 .@1:52 NAME(l)@1:54 ;@1:56 NAME(m)@1:58 ,@1:60 NAME(n)@1:62 :@1:64 NAME(o)@1:66 ?@1:68 NAME(p)@1:70 NEWLINE@1:71 EOF@1:71 " },
    { "0x1F 0o17 0b1 1_000 1e-3 5. .5 1_000.5 1E+5 0 00 0_0\n",
      "NUMBER(0x1F)@1:0 NUMBER(0o17)@1:5 NUMBER(0b1)@1:10 NUMBER(1_000)@1:14 NUMBER(1e-3)@1:20 NUMBER(5.)@1:25 NUMBER(.5)@1:28 NUMBER(1_000.5)@1:31 NUMBER(1E+5)@1:39 NUMBER(0)@1:44 NUMBER(00)@1:46 NUMBER(0_0)@1:49 NEWLINE@1:52 EOF@1:52 " },
    { "'a' \"b\" r'c' b'd' f'{e}' rb'x' Fr'y' u'z' '''t\nq''' \"\"\"u\"\"\"\n",
      "STRING('a')@1:0 STRING(\"b\")@1:4 STRING(r'c')@1:8 STRING(b'd')@1:13 STRING(f'{e}')@1:18 STRING(rb'x')@1:25 STRING(Fr'y')@1:31 STRING(u'z')@1:37 STRING('''t\nq''')@1:42 STRING(\"\"\"u\"\"\")@2:5 NEWLINE@2:12 EOF@2:12 " },
    { "%timeit x = 1\n%matplotlib inline\n",
      "MAGIC(%timeit x = 1)@1:0 NEWLINE@1:13 MAGIC(%matplotlib inline)@2:0 NEWLINE@2:18 EOF@2:18 " },
    { "if x:\n    %time f()\n",
      "if@1:0 NAME(x)@1:3 :@1:4 NEWLINE@1:5 INDENT@2:0 MAGIC(%time f())@2:4 NEWLINE@2:13 DEDENT@2:13 EOF@2:13 " },
    { "x = a % b\n",
      "NAME(x)@1:0 =@1:2 NAME(a)@1:4 %@1:6 NAME(b)@1:8 NEWLINE@1:9 EOF@1:9 " },
    { "(\n%b)\n",
      "(@1:0 %@2:0 NAME(b)@2:1 )@2:2 NEWLINE@2:3 EOF@2:3 " },
    { "x = 1\r\ny = 2\r\n",
      "NAME(x)@1:0 =@1:2 NUMBER(1)@1:4 NEWLINE@1:5 NAME(y)@2:0 =@2:2 NUMBER(2)@2:4 NEWLINE@2:5 EOF@2:6 " },
    { "x = 1",
      "NAME(x)@1:0 =@1:2 NUMBER(1)@1:4 NEWLINE@1:5 EOF@1:5 " },
    { "if x:\n    y",
      "if@1:0 NAME(x)@1:3 :@1:4 NEWLINE@1:5 INDENT@2:0 NAME(y)@2:4 NEWLINE@2:5 DEDENT@2:5 EOF@2:5 " },
    { "#!/usr/bin/env tsc\nx\n",
      "NAME(x)@2:0 NEWLINE@2:1 EOF@2:1 " },
    { "\345\220\215\345\255\227 = '\344\270\255\346\226\207'  # \346\263\250\351\207\212\n",
      "NAME(\345\220\215\345\255\227)@1:0 =@1:7 STRING('\344\270\255\346\226\207')@1:9 NEWLINE@1:27 EOF@1:27 " },
    { "x = $ `\n",
      "NAME(x)@1:0 =@1:2 UNKNOWN($)@1:4 UNKNOWN(`)@1:6 NEWLINE@1:7 EOF@1:7 " },
    { "def f():\n  if x:\n    a\n b\n",
      "def@1:0 NAME(f)@1:4 (@1:5 )@1:6 :@1:7 NEWLINE@1:8 INDENT@2:0 if@2:2 NAME(x)@2:5 :@2:6 NEWLINE@2:7 INDENT@3:0 NAME(a)@3:4 NEWLINE@3:5 ERROR@4:2 [IndentationError: unindent does not match any outer indentation level @4:2]" },
    { "s = 'abc\n",
      "NAME(s)@1:0 =@1:2 ERROR@1:4 [SyntaxError: unterminated string literal (detected at line 1) @1:4]" },
    { "s = '''abc\n",
      "NAME(s)@1:0 =@1:2 ERROR@1:4 [SyntaxError: unterminated triple-quoted string literal (detected at line 1) @1:4 incomplete]" },
    { "x = (\n",
      "NAME(x)@1:0 =@1:2 (@1:4 ERROR@1:4 [SyntaxError: '(' was never closed @1:4 incomplete]" },
    { "x = 1a\n",
      "NAME(x)@1:0 =@1:2 ERROR@1:4 [SyntaxError: invalid decimal literal @1:4]" },
    { "x = \\",
      "NAME(x)@1:0 =@1:2 ERROR@1:5 [SyntaxError: unexpected EOF while parsing @1:5 incomplete]" },
    { "1if x else 2\n",
      "NUMBER(1)@1:0 if@1:1 NAME(x)@1:4 else@1:6 NUMBER(2)@1:11 NEWLINE@1:12 EOF@1:12 " },
    { "x = )\n",
      "NAME(x)@1:0 =@1:2 ERROR@1:4 [SyntaxError: unmatched ')' @1:4]" },
    { "x = (]\n",
      "NAME(x)@1:0 =@1:2 (@1:4 ERROR@1:5 [SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' @1:5]" },
};

/* After the first error every call keeps returning T_ERROR. */
static int test_sticky_error(void)
{
    char src[] = "x = )\ny = 1\n";
    Lexer lx;
    lex_init(&lx, src, strlen(src));
    Token t;
    do t = lex_next(&lx); while (t.kind != T_ERROR && t.kind != T_EOF);
    for (int i = 0; i < 3; i++)
        if (lex_next(&lx).kind != T_ERROR) return 0;
    return 1;
}

/* A fragment (f-string field) has no layout tokens and keeps the columns
 * of the enclosing line. */
static int test_fragment(void)
{
    char src[] = "a +\n b";
    Lexer lx;
    lex_init_fragment(&lx, src, strlen(src), 3, 10);
    Token a = lex_next(&lx), plus = lex_next(&lx), b = lex_next(&lx), end = lex_next(&lx);
    return a.kind == T_NAME && a.line == 3 && a.col == 10 && plus.kind == T_PLUS &&
           b.kind == T_NAME && b.line == 4 && b.col == 1 && end.kind == T_EOF;
}

int main(void)
{
    int passed = 0, failed = 0;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char *got = stream(rows[i].src);
        if (strcmp(got, rows[i].want) == 0) {
            passed++;
        } else {
            failed++;
            printf("FAIL %s\n  want: %s\n  got:  %s\n", rows[i].src, rows[i].want, got);
        }
        free(got);
    }
    if (test_sticky_error()) passed++;
    else { failed++; printf("FAIL sticky error\n"); }
    if (test_fragment()) passed++;
    else { failed++; printf("FAIL fragment\n"); }
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
