/* test_parser.c — the parser against expected trees and CPython's errors.
 *
 * Each row is a source, a mode and the expected result: the one-line
 * ast_dump of the module, or "Kind|message|line|col|end_col|text" with
 * " [incomplete]" when the prompt should ask for more.  The error rows were
 * checked against CPython 3.11's compile() (message, line, column).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parser.h"

typedef struct { char *s; size_t n, cap; } Out;

static void emit(void *ctx, const char *s)
{
    Out *o = ctx;
    size_t k = strlen(s);
    if (o->n + k + 1 > o->cap) {
        o->cap = (o->n + k + 1) * 2;
        o->s = realloc(o->s, o->cap);
        if (!o->s) { fprintf(stderr, "out of memory\n"); exit(2); }
    }
    memcpy(o->s + o->n, s, k + 1);
    o->n += k;
}

/* The result of parsing src as one string, like the rows expect. */
static char *run(const char *src, size_t len, ParseMode mode)
{
    Out o = {0};
    emit(&o, "");
    ParseResult r = parse_source(src, len, "<test>", mode);
    if (r.module) {
        ast_dump(r.module, -1, emit, &o);
        if (r.err.incomplete) emit(&o, " [incomplete]");
    } else {
        char buf[1200];
        snprintf(buf, sizeof buf, "%s|%s|%d|%d|%d|%s%s", r.err.kind, r.err.msg, r.err.line,
                 r.err.col, r.err.end_col, r.err.text, r.err.incomplete ? " [incomplete]" : "");
        emit(&o, buf);
    }
    parse_free(&r);
    return o.s;
}

static int passed, failed;

static void check(const char *what, const char *got, const char *want)
{
    if (strcmp(got, want) == 0) { passed++; return; }
    failed++;
    printf("FAIL %s\n  want: %s\n  got:  %s\n", what, want, got);
}

static const struct { ParseMode mode; const char *src; const char *want; } rows[] = {
    { PARSE_FILE, "x = 1 + 2 * 3 - 4 / 5 // 6 % 7 @ m",
      "= x (- (+ 1 (* 2 3)) (@ (% (// (/ 4 5) 6) 7) m))" },
    { PARSE_FILE, "x = -2 ** 2",
      "= x (neg (** 2 2))" },
    { PARSE_FILE, "x = 2 ** -1",
      "= x (** 2 (neg 1))" },
    { PARSE_FILE, "x = 2 ** 3 ** 2",
      "= x (** 2 (** 3 2))" },
    { PARSE_FILE, "x = a | b ^ c & d << 1 >> 2",
      "= x (| a (^ b (& c (>> (<< d 1) 2))))" },
    { PARSE_FILE, "x = not a == b and c or d",
      "= x (or (and (not (cmp a == b)) c) d)" },
    { PARSE_FILE, "x = a if b else c if d else e",
      "= x (ifexp b a (ifexp d c e))" },
    { PARSE_FILE, "x = lambda: a if b else c",
      "= x (lambda () (ifexp b a c))" },
    { PARSE_FILE, "x = a < b <= c != d in e not in f is g is not h",
      "= x (cmp a < b <= c != d in e not in f is g is not h)" },
    { PARSE_FILE, "x = ~a + +b - -c",
      "= x (- (+ (~ a) (pos b)) (neg c))" },
    { PARSE_FILE, "x = (a or b) and (c or d)",
      "= x (and (or a b) (or c d))" },
    { PARSE_FILE, "x = a + b + c",
      "= x (+ (+ a b) c)" },
    { PARSE_FILE, "x = a - (b - c)",
      "= x (- a (- b c))" },
    { PARSE_FILE, "x = 0x1f + 0o17 + 0b101 + 1_000 + 0",
      "= x (+ (+ (+ (+ 31 15) 5) 1000) 0)" },
    { PARSE_FILE, "x = 1e-3 + 5. + .5 + 1_000.5 + 1E5",
      "= x (+ (+ (+ (+ 0.001 5.0) 0.5) 1000.5) 1e+05)" },
    { PARSE_FILE, "x = 'a' \"b\" '''c''' \"\"\"d\"\"\"",
      "= x 'abcd'" },
    { PARSE_FILE, "x = '\\x41\\u4e2d\\101\\n\\t\\\\\\'' r'\\n' '\344\270\255\346\226\207'",
      "= x 'A\344\270\255A\\n\\t\\\\\\'\\\\n\344\270\255\346\226\207'" },
    { PARSE_FILE, "x = f'{a!r:>{w}.{p}f} {{lit}} {b=} {c!s} {d:%Y}'",
      "= x (f {a !r :(f '>' {w} '.' {p} 'f')} ' {lit} ' 'b=' {b !r} ' ' {c !s} ' ' {d :(f '%Y')})" },
    { PARSE_FILE, "x = 'pre' f'{x}' 'post'",
      "= x (f 'pre' {x} 'post')" },
    { PARSE_FILE, "x = f'''{\na\n}'''",
      "= x (f {a})" },
    { PARSE_FILE, "x = f'{x=!s:>4}'",
      "= x (f 'x=' {x !s :(f '>4')})" },
    { PARSE_FILE, "x = None, True, False, ...",
      "= x (tuple None True False ...)" },
    { PARSE_FILE, "x = ''",
      "= x ''" },
    { PARSE_FILE, "x = f''",
      "= x (f)" },
    { PARSE_FILE, "x = 'a\\\nb'",
      "= x 'ab'" },
    { PARSE_FILE, "x = [1, *a, 2]; y = (1,); z = (); w = [];  v = {}",
      "= x (list 1 *a 2); = y (tuple 1); = z (tuple); = w (list); = v (dict)" },
    { PARSE_FILE, "x = {1, 2}; y = {**a, 'k': 1, **b}",
      "= x (set 1 2); = y (dict **a 'k':1 **b)" },
    { PARSE_FILE, "x = [i * j for i in range(3) if i if i > 0 for j in y]",
      "= x (listcomp (* i j) (for i (call range 3) (if i) (if (cmp i > 0))) (for j y))" },
    { PARSE_FILE, "x = {k: v for k, v in d.items()}",
      "= x (dictcomp k v (for (tuple k v) (call (. d items))))" },
    { PARSE_FILE, "x = {i for i in s}",
      "= x (setcomp i (for i s))" },
    { PARSE_FILE, "x = sum(i for i in y)",
      "= x (call sum (genexp i (for i y)))" },
    { PARSE_FILE, "x = (i for i in y)",
      "= x (genexp i (for i y))" },
    { PARSE_FILE, "x = [(a, b) for a, b in z]",
      "= x (listcomp (tuple a b) (for (tuple a b) z))" },
    { PARSE_FILE, "f(a, *b, c=1, **d)",
      "expr (call f a *b c=1 **d)" },
    { PARSE_FILE, "f(*a, k=1, *b)",
      "expr (call f *a *b k=1)" },
    { PARSE_FILE, "f(a)(b)[c].d",
      "expr (. ([] (call (call f a) b) c) d)" },
    { PARSE_FILE, "x.y.z(1)[2]",
      "expr ([] (call (. (. x y) z) 1) 2)" },
    { PARSE_FILE, "a[1:2, ::-1, ..., None]",
      "expr ([] a (tuple (slice 1 2 _) (slice _ _ (neg 1)) ... None))" },
    { PARSE_FILE, "a[:]; a[1:]; a[:2]; a[::2]; a[1:2:3]",
      "expr ([] a (slice _ _ _)); expr ([] a (slice 1 _ _)); expr ([] a (slice _ 2 _)); expr ([] a (slice _ _ 2)); expr ([] a (slice 1 2 3))" },
    { PARSE_FILE, "a[i, j]; a[i,]; a[(i, j)]",
      "expr ([] a (tuple i j)); expr ([] a (tuple i)); expr ([] a (tuple i j))" },
    { PARSE_FILE, "torch.randn(3, 4, requires_grad=True).sum(dim=0)",
      "expr (call (. (call (. torch randn) 3 4 requires_grad=True) sum) dim=0)" },
    { PARSE_FILE, "a = b = c",
      "= a b c" },
    { PARSE_FILE, "a, b = b, a",
      "= (tuple a b) (tuple b a)" },
    { PARSE_FILE, "x, = t",
      "= (tuple x) t" },
    { PARSE_FILE, "[a, *b] = c",
      "= (list a *b) c" },
    { PARSE_FILE, "a.b, c[0] = 1, 2",
      "= (tuple (. a b) ([] c 0)) (tuple 1 2)" },
    { PARSE_FILE, "x += 1; y -= 2; z *= 3; w /= 4; u //= 5; v %= 6; s **= 7; t @= m; q <<= 1; r >>= 1; o &= 1; p |= 1; n ^= 1",
      "+= x 1; -= y 2; *= z 3; /= w 4; //= u 5; %= v 6; **= s 7; @= t m; <<= q 1; >>= r 1; &= o 1; |= p 1; ^= n 1" },
    { PARSE_FILE, "x: int = 5; y: float",
      "ann x int 5; ann y float _" },
    { PARSE_FILE, "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass",
      "if a {pass} else {if b {pass} else {pass}}" },
    { PARSE_FILE, "while x:\n    break\nelse:\n    continue_ = 1",
      "while x {break} else {= continue_ 1}" },
    { PARSE_FILE, "for i in range(10):\n    continue\nelse:\n    pass",
      "for i in (call range 10) {continue} else {pass}" },
    { PARSE_FILE, "for x, *y in z: pass",
      "for (tuple x *y) in z {pass}" },
    { PARSE_FILE, "for i, (a, b) in enumerate(z): pass",
      "for (tuple i (tuple a b)) in (call enumerate z) {pass}" },
    { PARSE_FILE, "try:\n    f()\nexcept (A, B) as e:\n    raise X from e\nexcept E:\n    raise\nexcept:\n    pass\nelse:\n    x = 1\nfinally:\n    y = 2",
      "try {expr (call f)} except (tuple A B) as e {raise X from e} except E {raise _} except {pass} else {= x 1} finally {= y 2}" },
    { PARSE_FILE, "try:\n    pass\nfinally:\n    pass",
      "try {pass} finally {pass}" },
    { PARSE_FILE, "with torch.no_grad():\n    y = x * 2",
      "with (call (. torch no_grad)) {= y (* x 2)}" },
    { PARSE_FILE, "with open(f) as fh, lock, a as (b, c): pass",
      "with (call open f) as fh, lock, a as (tuple b c) {pass}" },
    { PARSE_FILE, "def f(a, b=1, *args, c, d=2, **kw):\n    return a",
      "def f(a b=1 *args c d=2 **kw) {return a}" },
    { PARSE_FILE, "def f(*, k): pass",
      "def f(* k) {pass}" },
    { PARSE_FILE, "def f(a, /, b): pass",
      "def f(a b) {pass}" },
    { PARSE_FILE, "def f(x: int = 1, *a: str, **k: dict) -> int: pass",
      "def f(x=1 *a **k) {pass}" },
    { PARSE_FILE, "def g():\n    yield 1\n    x = yield\n    y = yield a, b",
      "def g() gen {expr (yield 1); = x (yield); = y (yield (tuple a b))}" },
    { PARSE_FILE, "def g():\n    def h():\n        yield\n    return h",
      "def g() {def h() gen {expr (yield)}; return h}" },
    { PARSE_FILE, "def g():\n    return lambda: (yield)",
      "def g() {return (lambda () (yield) gen)}" },
    { PARSE_FILE, "x = lambda a, b=2, *c, d, **e: a",
      "= x (lambda (a b=2 *c d **e) a)" },
    { PARSE_FILE, "@staticmethod\n@dec(1)\ndef f(): pass",
      "@staticmethod; @(call dec 1); def f() {pass}" },
    { PARSE_FILE, "@dataclass\nclass A(B, C):\n    x = 1\n    def __init__(self):\n        super().__init__()",
      "@dataclass; class A(B C) {= x 1; def __init__(self) {expr (call (. (call super) __init__))}}" },
    { PARSE_FILE, "class A: pass",
      "class A() {pass}" },
    { PARSE_FILE, "class A(): pass",
      "class A() {pass}" },
    { PARSE_FILE, "import a.b.c as d, e",
      "import a.b.c as d e" },
    { PARSE_FILE, "from . import x",
      "from . import x" },
    { PARSE_FILE, "from ..a.b import (c as d, e,)",
      "from ..a.b import c as d e" },
    { PARSE_FILE, "from m import *",
      "from m import *" },
    { PARSE_FILE, "from ... import z",
      "from ... import z" },
    { PARSE_FILE, "def f():\n    global g, h\n    nonlocal_ = 1",
      "def f() {global g h; = nonlocal_ 1}" },
    { PARSE_FILE, "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2",
      "def f() {= x 1; def g() {nonlocal x; = x 2}}" },
    { PARSE_FILE, "del a, b[0], c.d",
      "del a ([] b 0) (. c d)" },
    { PARSE_FILE, "del (a, b)",
      "del (tuple a b)" },
    { PARSE_FILE, "assert x > 0, 'msg'",
      "assert (cmp x > 0) 'msg'" },
    { PARSE_FILE, "assert x",
      "assert x _" },
    { PARSE_FILE, "raise",
      "raise _" },
    { PARSE_FILE, "return_ = 1; pass; x = 2;",
      "= return_ 1; pass; = x 2" },
    { PARSE_FILE, "if x: a = 1; b = 2",
      "if x {= a 1; = b 2}" },
    { PARSE_FILE, "#!/usr/bin/env tsc\n# \346\263\250\351\207\212\nx = 1  # \350\241\214\345\260\276\346\263\250\351\207\212\n\n\n  # indented comment\ny = 2\n",
      "= x 1; = y 2" },
    { PARSE_FILE, "x = (1 +\n     2)\ny = [\n  1,\n  2,\n]\nz = 1 + \\\n    2",
      "= x (+ 1 2); = y (list 1 2); = z (+ 1 2)" },
    { PARSE_FILE, "if a:\n\tif b:\n\t\tx = 1\n\ty = 2\nz = 3",
      "if a {if b {= x 1}; = y 2}; = z 3" },
    { PARSE_FILE, "if a:\n    x = 1\n\n    y = 2\n# c\n    \nz = 3",
      "if a {= x 1; = y 2}; = z 3" },
    { PARSE_FILE, "\345\217\230\351\207\217 = 1\nprint(\345\217\230\351\207\217)",
      "= \345\217\230\351\207\217 1; expr (call print \345\217\230\351\207\217)" },
    { PARSE_FILE, "x = 1\r\ny = 2\r\n",
      "= x 1; = y 2" },
    { PARSE_FILE, "x = 1if y else 2",
      "= x (ifexp y 1 2)" },
    { PARSE_FILE, "%matplotlib inline\nx = 1",
      "magic matplotlib 'inline'; = x 1" },
    { PARSE_FILE, "%timeit x @ w",
      "magic timeit 'x @ w' {expr (@ x w)}" },
    { PARSE_FILE, "%time y = f(x)",
      "magic time 'y = f(x)' {= y (call f x)}" },
    { PARSE_FILE, "%timeit -n 10 -r 3 a = 1; b = 2",
      "magic timeit '-n 10 -r 3 a = 1; b = 2' {= a 1; = b 2}" },
    { PARSE_FILE, "if x:\n    %time f()",
      "if x {magic time 'f()' {expr (call f)}}" },
    { PARSE_SINGLE, "?torch.randn",
      "expr (call help (. torch randn))" },
    { PARSE_SINGLE, "x.sum?",
      "expr (call help (. x sum))" },
    { PARSE_SINGLE, "torch.mm??",
      "expr (call help (. torch mm))" },
    { PARSE_SINGLE, "x = 1",
      "= x 1" },
    { PARSE_SINGLE, "if x:\n    pass\n\n",
      "if x {pass}" },
    { PARSE_SINGLE, "for i in range(3):\n    print(i)\n\n",
      "for i in (call range 3) {expr (call print i)}" },
    { PARSE_SINGLE, "1 + 1\n",
      "expr (+ 1 1)" },
    { PARSE_EVAL, "a + 1",
      "expr (+ a 1)" },
    { PARSE_EVAL, "x, y",
      "expr (tuple x y)" },
    { PARSE_FILE, "x = (1,\n2",
      "SyntaxError|'(' was never closed|1|5|0|x = (1, [incomplete]" },
    { PARSE_FILE, "x = )",
      "SyntaxError|unmatched ')'|1|5|0|x = )" },
    { PARSE_FILE, "x = (1]",
      "SyntaxError|closing parenthesis ']' does not match opening parenthesis '('|1|7|0|x = (1]" },
    { PARSE_FILE, "x = (1,\n2]",
      "SyntaxError|closing parenthesis ']' does not match opening parenthesis '(' on line 1|2|2|0|2]" },
    { PARSE_FILE, "x = [1, 2}",
      "SyntaxError|closing parenthesis '}' does not match opening parenthesis '['|1|10|0|x = [1, 2}" },
    { PARSE_FILE, "s = 'abc",
      "SyntaxError|unterminated string literal (detected at line 1)|1|5|0|s = 'abc" },
    { PARSE_FILE, "s = '''abc\n\nd",
      "SyntaxError|unterminated triple-quoted string literal (detected at line 3)|1|5|0|s = '''abc [incomplete]" },
    { PARSE_FILE, "s = 'abc\\",
      "SyntaxError|unterminated string literal (detected at line 1)|1|5|0|s = 'abc\\ [incomplete]" },
    { PARSE_FILE, "x = 1a",
      "SyntaxError|invalid decimal literal|1|5|0|x = 1a" },
    { PARSE_FILE, "x = 1_",
      "SyntaxError|invalid decimal literal|1|6|0|x = 1_" },
    { PARSE_FILE, "x = 1__0",
      "SyntaxError|invalid decimal literal|1|6|0|x = 1__0" },
    { PARSE_FILE, "0777",
      "SyntaxError|leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers|1|1|2|0777" },
    { PARSE_FILE, "1e",
      "SyntaxError|invalid decimal literal|1|1|0|1e" },
    { PARSE_FILE, "0x",
      "SyntaxError|invalid hexadecimal literal|1|2|0|0x" },
    { PARSE_FILE, "0b102",
      "SyntaxError|invalid digit '2' in binary literal|1|5|0|0b102" },
    { PARSE_FILE, "0o8",
      "SyntaxError|invalid digit '8' in octal literal|1|3|0|0o8" },
    { PARSE_FILE, "x = 0xFFg",
      "SyntaxError|invalid hexadecimal literal|1|8|0|x = 0xFFg" },
    { PARSE_FILE, "x = 1e5e",
      "SyntaxError|invalid decimal literal|1|7|0|x = 1e5e" },
    { PARSE_FILE, "1 = x",
      "SyntaxError|cannot assign to literal here. Maybe you meant '==' instead of '='?|1|1|2|1 = x" },
    { PARSE_FILE, "f() = 3",
      "SyntaxError|cannot assign to function call here. Maybe you meant '==' instead of '='?|1|1|4|f() = 3" },
    { PARSE_FILE, "1 = x = y",
      "SyntaxError|cannot assign to literal|1|1|2|1 = x = y" },
    { PARSE_FILE, "x = 1 = y",
      "SyntaxError|cannot assign to literal|1|5|6|x = 1 = y" },
    { PARSE_FILE, "(a, b) = 1 = c",
      "SyntaxError|cannot assign to literal|1|10|11|(a, b) = 1 = c" },
    { PARSE_FILE, "a + b = 1",
      "SyntaxError|cannot assign to expression here. Maybe you meant '==' instead of '='?|1|1|6|a + b = 1" },
    { PARSE_FILE, "[1] = x",
      "SyntaxError|cannot assign to literal|1|2|3|[1] = x" },
    { PARSE_FILE, "f() = a, b",
      "SyntaxError|cannot assign to function call here. Maybe you meant '==' instead of '='?|1|1|4|f() = a, b" },
    { PARSE_FILE, "a < b = 3",
      "SyntaxError|cannot assign to comparison|1|1|6|a < b = 3" },
    { PARSE_FILE, "(1) = 2",
      "SyntaxError|cannot assign to literal here. Maybe you meant '==' instead of '='?|1|2|3|(1) = 2" },
    { PARSE_FILE, "[a, f()] = x",
      "SyntaxError|cannot assign to function call|1|5|8|[a, f()] = x" },
    { PARSE_FILE, "a.b, 1 = x",
      "SyntaxError|cannot assign to literal here. Maybe you meant '==' instead of '='?|1|6|7|a.b, 1 = x" },
    { PARSE_FILE, "not a = 1",
      "SyntaxError|cannot assign to expression|1|1|6|not a = 1" },
    { PARSE_FILE, "None = 1",
      "SyntaxError|cannot assign to None|1|1|5|None = 1" },
    { PARSE_FILE, "\"a\" = 1",
      "SyntaxError|cannot assign to literal here. Maybe you meant '==' instead of '='?|1|1|4|\"a\" = 1" },
    { PARSE_FILE, "x = yield = 3",
      "SyntaxError|assignment to yield expression not possible|1|5|10|x = yield = 3" },
    { PARSE_FILE, "*a = 1",
      "SyntaxError|starred assignment target must be in a list or tuple|1|1|3|*a = 1" },
    { PARSE_FILE, "a, *b, *c = x",
      "SyntaxError|multiple starred expressions in assignment|1|1|10|a, *b, *c = x" },
    { PARSE_FILE, "a, b += 1",
      "SyntaxError|'tuple' is an illegal expression for augmented assignment|1|1|5|a, b += 1" },
    { PARSE_FILE, "f() += 1",
      "SyntaxError|'function call' is an illegal expression for augmented assignment|1|1|4|f() += 1" },
    { PARSE_FILE, "del f()",
      "SyntaxError|cannot delete function call|1|5|8|del f()" },
    { PARSE_FILE, "del x + 1",
      "SyntaxError|cannot delete expression|1|5|10|del x + 1" },
    { PARSE_FILE, "for 1 in x: pass",
      "SyntaxError|cannot assign to literal|1|5|6|for 1 in x: pass" },
    { PARSE_FILE, "with a as 1: pass",
      "SyntaxError|cannot assign to literal|1|11|12|with a as 1: pass" },
    { PARSE_FILE, "a = *b",
      "SyntaxError|can't use starred expression here|1|5|7|a = *b" },
    { PARSE_FILE, "return 1",
      "SyntaxError|'return' outside function|1|1|9|return 1" },
    { PARSE_FILE, "break",
      "SyntaxError|'break' outside loop|1|1|6|break" },
    { PARSE_FILE, "continue",
      "SyntaxError|'continue' not properly in loop|1|1|9|continue" },
    { PARSE_FILE, "yield 1",
      "SyntaxError|'yield' outside function|1|1|8|yield 1" },
    { PARSE_FILE, "nonlocal x",
      "SyntaxError|nonlocal declaration not allowed at module level|1|1|11|nonlocal x" },
    { PARSE_FILE, "def f():\n    class A:\n        return 1",
      "SyntaxError|'return' outside function|3|9|17|        return 1" },
    { PARSE_FILE, "for x in y:\n    def f():\n        break",
      "SyntaxError|'break' outside loop|3|9|14|        break" },
    { PARSE_FILE, "if x:\npass",
      "IndentationError|expected an indented block after 'if' statement on line 1|2|1|5|pass" },
    { PARSE_FILE, "  x=1",
      "IndentationError|unexpected indent|1|2|0|  x=1" },
    { PARSE_FILE, "if x:\n    a\n  b",
      "IndentationError|unindent does not match any outer indentation level|3|4|0|  b" },
    { PARSE_FILE, "if x:\n        a\n    b",
      "IndentationError|unindent does not match any outer indentation level|3|6|0|    b" },
    { PARSE_FILE, "x = 1\n  y = 2",
      "IndentationError|unexpected indent|2|2|0|  y = 2" },
    { PARSE_FILE, "for x in y:\n  pass\n else:\n  pass",
      "IndentationError|unindent does not match any outer indentation level|3|7|0| else:" },
    { PARSE_FILE, "if x\n  pass",
      "SyntaxError|expected ':'|1|5|0|if x" },
    { PARSE_FILE, "while x\n  pass",
      "SyntaxError|expected ':'|1|8|0|while x" },
    { PARSE_FILE, "def f():\nx",
      "IndentationError|expected an indented block after function definition on line 1|2|1|2|x" },
    { PARSE_FILE, "while x:\nx",
      "IndentationError|expected an indented block after 'while' statement on line 1|2|1|2|x" },
    { PARSE_FILE, "for x in y:\nz",
      "IndentationError|expected an indented block after 'for' statement on line 1|2|1|2|z" },
    { PARSE_FILE, "try:\nx",
      "IndentationError|expected an indented block after 'try' statement on line 1|2|1|2|x" },
    { PARSE_FILE, "try:\n x\nexcept E:\nx",
      "IndentationError|expected an indented block after 'except' statement on line 3|4|1|2|x" },
    { PARSE_FILE, "try:\n x\nfinally:\nx",
      "IndentationError|expected an indented block after 'finally' statement on line 3|4|1|2|x" },
    { PARSE_FILE, "if a:\n x\nelif b:\ny",
      "IndentationError|expected an indented block after 'elif' statement on line 3|4|1|2|y" },
    { PARSE_FILE, "if a:\n x\nelse:\ny",
      "IndentationError|expected an indented block after 'else' statement on line 3|4|1|2|y" },
    { PARSE_FILE, "with a:\nx",
      "IndentationError|expected an indented block after 'with' statement on line 1|2|1|2|x" },
    { PARSE_FILE, "class A:\n\n",
      "IndentationError|expected an indented block after class definition on line 1|2|1|0| [incomplete]" },
    { PARSE_FILE, "if x:",
      "IndentationError|expected an indented block after 'if' statement on line 1|1|6|0|if x: [incomplete]" },
    { PARSE_FILE, "try:\n  pass\nx = 1",
      "SyntaxError|expected 'except' or 'finally' block|3|1|2|x = 1" },
    { PARSE_FILE, "x = 3 +",
      "SyntaxError|invalid syntax|1|8|0|x = 3 +" },
    { PARSE_FILE, "x = $",
      "SyntaxError|invalid syntax|1|5|6|x = $" },
    { PARSE_FILE, "print(a b)",
      "SyntaxError|invalid syntax. Perhaps you forgot a comma?|1|7|10|print(a b)" },
    { PARSE_FILE, "print(a b",
      "SyntaxError|'(' was never closed|1|6|0|print(a b [incomplete]" },
    { PARSE_FILE, "f(x, y z)",
      "SyntaxError|invalid syntax. Perhaps you forgot a comma?|1|6|9|f(x, y z)" },
    { PARSE_FILE, "def f(:\n pass",
      "SyntaxError|invalid syntax|1|7|8|def f(:" },
    { PARSE_FILE, "x = 1; ; y",
      "SyntaxError|invalid syntax|1|8|9|x = 1; ; y" },
    { PARSE_FILE, "x = 1 2",
      "SyntaxError|invalid syntax|1|7|8|x = 1 2" },
    { PARSE_FILE, "if x y:\n pass",
      "SyntaxError|invalid syntax|1|6|7|if x y:" },
    { PARSE_FILE, "x = 1 + \\",
      "SyntaxError|unexpected EOF while parsing|1|10|0|x = 1 + \\ [incomplete]" },
    { PARSE_FILE, "x = 1 + \\ 2",
      "SyntaxError|unexpected character after line continuation character|1|10|0|x = 1 + \\ 2" },
    { PARSE_FILE, "x?",
      "SyntaxError|invalid syntax|1|2|3|x?" },
    { PARSE_FILE, "x = 1 if y",
      "SyntaxError|expected 'else' after 'if' expression|1|5|11|x = 1 if y" },
    { PARSE_FILE, "f(x for x in y, 1)",
      "SyntaxError|Generator expression must be parenthesized|1|3|15|f(x for x in y, 1)" },
    { PARSE_FILE, "f(a, b for b in c)",
      "SyntaxError|Generator expression must be parenthesized|1|6|18|f(a, b for b in c)" },
    { PARSE_FILE, "f(x=1 for x in y)",
      "SyntaxError|invalid syntax. Maybe you meant '==' or ':=' instead of '='?|1|3|6|f(x=1 for x in y)" },
    { PARSE_FILE, "f(a=1, b)",
      "SyntaxError|positional argument follows keyword argument|1|9|10|f(a=1, b)" },
    { PARSE_FILE, "f(**a, *b)",
      "SyntaxError|iterable argument unpacking follows keyword argument unpacking|1|8|10|f(**a, *b)" },
    { PARSE_FILE, "f(**a, b)",
      "SyntaxError|positional argument follows keyword argument unpacking|1|9|10|f(**a, b)" },
    { PARSE_FILE, "f(a.b=1)",
      "SyntaxError|expression cannot contain assignment, perhaps you meant \"==\"?|1|3|7|f(a.b=1)" },
    { PARSE_FILE, "def f(a=1, b): pass",
      "SyntaxError|non-default argument follows default argument|1|12|13|def f(a=1, b): pass" },
    { PARSE_FILE, "def f(*): pass",
      "SyntaxError|named arguments must follow bare *|1|7|8|def f(*): pass" },
    { PARSE_FILE, "def f(**k, a): pass",
      "SyntaxError|arguments cannot follow var-keyword argument|1|12|13|def f(**k, a): pass" },
    { PARSE_FILE, "def f(a, a): pass",
      "SyntaxError|duplicate argument 'a' in function definition|1|10|11|def f(a, a): pass" },
    { PARSE_FILE, "print \"x\"",
      "SyntaxError|Missing parentheses in call to 'print'. Did you mean print(...)?|1|1|10|print \"x\"" },
    { PARSE_FILE, "f\"{}\"",
      "SyntaxError|f-string: empty expression not allowed|1|6|0|f\"{}\"" },
    { PARSE_FILE, "f\"{x\"",
      "SyntaxError|f-string: expecting '}'|1|6|0|f\"{x\"" },
    { PARSE_FILE, "f\"}\"",
      "SyntaxError|f-string: single '}' is not allowed|1|5|0|f\"}\"" },
    { PARSE_FILE, "print(f\"{x!z}\")",
      "SyntaxError|f-string: invalid conversion character: expected 's', 'r', or 'a'|1|15|0|print(f\"{x!z}\")" },
    { PARSE_FILE, "\"\\x1\"",
      "SyntaxError|(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape|1|6|0|\"\\x1\"" },
    { PARSE_FILE, "x = {1: 2, 3}",
      "SyntaxError|':' expected after dictionary key|1|12|13|x = {1: 2, 3}" },
    { PARSE_FILE, "from x import a,",
      "SyntaxError|trailing comma not allowed without surrounding parentheses|1|17|0|from x import a," },
    { PARSE_FILE, "except E: pass",
      "SyntaxError|invalid syntax|1|1|7|except E: pass" },
    { PARSE_FILE, "x = [(]",
      "SyntaxError|closing parenthesis ']' does not match opening parenthesis '('|1|7|0|x = [(]" },
    { PARSE_FILE, "x = ((()",
      "SyntaxError|'(' was never closed|1|6|0|x = ((() [incomplete]" },
    { PARSE_FILE, "except",
      "SyntaxError|invalid syntax|1|1|7|except" },
    { PARSE_FILE, "a = b = ",
      "SyntaxError|invalid syntax|1|9|0|a = b = " },
    { PARSE_FILE, "x = 1\n((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((()))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))",
      "SyntaxError|too many nested parentheses|2|201|0|((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((()))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))" },
    { PARSE_FILE, "x = --------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------1",
      "SyntaxError|too many nested parentheses|1|1005|0|x = ---------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------" },
    { PARSE_FILE, "x = 99999999999999999999",
      "OverflowError|int literal 99999999999999999999 is too large (TensorScript ints are 64-bit)|1|5|25|x = 99999999999999999999" },
    { PARSE_FILE, "x = b'abc'",
      "SyntaxError|bytes literals are not supported in TensorScript|1|5|11|x = b'abc'" },
    { PARSE_FILE, "x = 1j",
      "SyntaxError|imaginary literals are not supported in TensorScript|1|5|0|x = 1j" },
    { PARSE_FILE, "x = (y := 1)",
      "SyntaxError|the assignment expression ':=' is not supported in TensorScript|1|8|10|x = (y := 1)" },
    { PARSE_FILE, "async def f(): pass",
      "SyntaxError|async is not supported in TensorScript|1|1|6|async def f(): pass" },
    { PARSE_FILE, "x = \357\274\2101\357\274\211",
      "SyntaxError|invalid character '\357\274\210' (U+FF08)|1|5|0|x = \357\274\2101\357\274\211" },
    { PARSE_FILE, "x = 1\357\274\2142",
      "SyntaxError|invalid character '\357\274\214' (U+FF0C)|1|6|0|x = 1\357\274\2142" },
    { PARSE_FILE, "x = \"\"\"abc",
      "SyntaxError|unterminated triple-quoted string literal (detected at line 1)|1|5|0|x = \"\"\"abc [incomplete]" },
    { PARSE_FILE, "x = 1\ny = \344\270\255\346\226\207 + 1)",
      "SyntaxError|unmatched ')'|2|11|0|y = \344\270\255\346\226\207 + 1)" },
    { PARSE_FILE, "class A(metaclass=M): pass",
      "SyntaxError|class keyword arguments (metaclass=...) are not supported in TensorScript|1|9|18|class A(metaclass=M): pass" },
    { PARSE_FILE, "@d\nx = 1",
      "SyntaxError|invalid syntax|2|1|2|x = 1" },
    { PARSE_FILE, "if True:\n if x:\n  if x:\n   if x:\n    if x:\n     if x:\n      if x:\n       if x:\n        if x:\n         if x:\n          if x:\n           if x:\n            if x:\n             if x:\n              if x:\n               if x:\n                if x:\n                 if x:\n                  if x:\n                   if x:\n                    if x:\n                     if x:\n                      if x:\n                       if x:\n                        if x:\n                         if x:\n                          if x:\n                           if x:\n                            if x:\n                             if x:\n                              if x:\n                               if x:\n                                if x:\n                                 if x:\n                                  if x:\n                                   if x:\n                                    if x:\n                                     if x:\n                                      if x:\n                                       if x:\n                                        if x:\n                                         if x:\n                                          if x:\n                                           if x:\n                                            if x:\n                                             if x:\n                                              if x:\n                                               if x:\n                                                if x:\n                                                 if x:\n                                                  if x:\n                                                   if x:\n                                                    if x:\n                                                     if x:\n                                                      if x:\n                                                       if x:\n                                                        if x:\n                                                         if x:\n                                                          if x:\n                                                           if x:\n                                                            if x:\n                                                             if x:\n                                                              if x:\n                                                               if x:\n                                                                if x:\n                                                                 if x:\n                                                                  if x:\n                                                                   if x:\n                                                                    if x:\n                                                                     if x:\n                                                                      if x:\n                                                                       if x:\n                                                                        if x:\n                                                                         if x:\n                                                                          if x:\n                                                                           if x:\n                                                                            if x:\n                                                                             if x:\n                                                                              if x:\n                                                                               if x:\n                                                                                if x:\n                                                                                 if x:\n                                                                                  if x:\n                                                                                   if x:\n                                                                                    if x:\n                                                                                     if x:\n                                                                                      if x:\n                                                                                       if x:\n                                                                                        if x:\n                                                                                         if x:\n                                                                                          if x:\n                                                                                           if x:\n                                                                                            if x:\n                                                                                             if x:\n                                                                                              if x:\n                                                                                               if x:\n                                                                                                if x:\n                                                                                                 if x:\n                                                                                                  if x:\n                                                                                                   if x:\n                                                                                                    if x:\n                                                                                                     if x:\n                                                                                                      if x:\n                                                                                                       if x:\n                                                                                                        if x:\n                                                                                                         if x:\n                                                                                                          if x:\n                                                                                                           if x:\n                                                                                                            if x:\n                                                                                                             if x:\n                                                                                                              if x:\n                                                                                                               if x:\n                                                                                                                if x:\n                                                                                                                 if x:\n                                                                                                                  if x:\n                                                                                                                   if x:\n                                                                                                                    if x:\n                                                                                                                     if x:\n                                                                                                                      if x:\n                                                                                                                       if x:\n                                                                                                                        pass",
      "IndentationError|too many levels of indentation|102|102|0|                                                                                                     if x:" },
    { PARSE_SINGLE, "if x:\n  pass\nelse:\n",
      "IndentationError|expected an indented block after 'else' statement on line 3|3|6|0|else: [incomplete]" },
    { PARSE_SINGLE, "for i in x:\n  if i:\n    pass\n  \n",
      "for i in x {if i {pass}}" },
    { PARSE_SINGLE, "x = [\n\n",
      "SyntaxError|'[' was never closed|1|5|0|x = [ [incomplete]" },
    { PARSE_SINGLE, "%timeit x = 1\n",
      "magic timeit 'x = 1' {= x 1}" },
    { PARSE_SINGLE, "with a:\n    pass\n   \n",
      "with a {pass}" },
    { PARSE_SINGLE, "if x:\n    pass\n",
      "if x {pass} [incomplete]" },
    { PARSE_SINGLE, "if x:",
      "IndentationError|expected an indented block after 'if' statement on line 1|1|6|0|if x: [incomplete]" },
    { PARSE_SINGLE, "@d",
      "SyntaxError|invalid syntax|1|3|0|@d [incomplete]" },
    { PARSE_SINGLE, "x = (1,",
      "SyntaxError|'(' was never closed|1|5|0|x = (1, [incomplete]" },
    { PARSE_SINGLE, "x = '''a",
      "SyntaxError|unterminated triple-quoted string literal (detected at line 1)|1|5|0|x = '''a [incomplete]" },
    { PARSE_SINGLE, "x = 1 + \\",
      "SyntaxError|unexpected EOF while parsing|1|10|0|x = 1 + \\ [incomplete]" },
    { PARSE_SINGLE, "def f():\n    return 1\n",
      "def f() {return 1} [incomplete]" },
    { PARSE_SINGLE, "if x:\n\n",
      "IndentationError|expected an indented block after 'if' statement on line 1|2|1|0|" },
    { PARSE_SINGLE, "x = 1 +",
      "SyntaxError|invalid syntax|1|8|0|x = 1 +" },
    { PARSE_SINGLE, "class A:\n  x = 1\n  def f(self):\n    pass\n",
      "class A() {= x 1; def f(self) {pass}} [incomplete]" },
};

/* Rows: every source parsed from an exact-length copy (no NUL after it),
 * so a read past the end shows up under ASan. */
static void test_rows(void)
{
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        size_t n = strlen(rows[i].src);
        char *copy = malloc(n ? n : 1);
        memcpy(copy, rows[i].src, n);
        char *got = run(copy, n, rows[i].mode);
        check(rows[i].src, got, rows[i].want);
        free(got);
        free(copy);
    }
}

/* Positions the compiler and tracebacks rely on. */
static void test_positions(void)
{
    const char *src = "x = 1\nif x:\n    y = f(a,\n          b)\n";
    ParseResult r = parse_source(src, strlen(src), "<test>", PARSE_FILE);
    const Node *m = r.module;
    char buf[128];
    if (!m) { check("positions parse", r.err.msg, ""); parse_free(&r); return; }
    const Node *ifs = m->module.body.items[1];
    const Node *asg = ifs->if_.body.items[0];
    const Node *call = asg->assign.value;
    snprintf(buf, sizeof buf, "%d:%d %d:%d-%d:%d %d:%d-%d:%d", ifs->line, ifs->col, asg->line,
             asg->col, asg->end_line, asg->end_col, call->line, call->col, call->end_line,
             call->end_col);
    check("positions", buf, "2:0 3:4-4:12 3:8-4:12");
    parse_free(&r);
}

/* A NUL byte inside the source is an error, not an early end. */
static void test_nul(void)
{
    static const char src[] = "x = 1\nx = '\0'\n";
    char *got = run(src, sizeof src - 1, PARSE_FILE);
    check("nul byte", got, "SyntaxError|source code cannot contain null bytes|2|1|0|x = '");
    free(got);
}

/* Deeply nested input must fail cleanly, never overflow the stack. */
static void test_deep(void)
{
    size_t n = 200000;
    char *src = malloc(n + 8);
    memcpy(src, "x = ", 4);
    for (size_t i = 4; i < n; i++) src[i] = i % 2 ? '-' : '~';
    src[n] = '1';
    char *got = run(src, n + 1, PARSE_FILE);
    check("deep unary", strncmp(got, "SyntaxError|too many nested", 27) == 0 ? "ok" : got, "ok");
    free(got);
    for (size_t i = 4; i < n; i++) src[i] = "[(-"[i % 3];
    got = run(src, n, PARSE_FILE);
    check("deep brackets", strncmp(got, "SyntaxError|too many nested", 27) == 0 ? "ok" : got, "ok");
    free(got);
    memcpy(src, "x = ", 4);
    size_t k = 4;
    for (int i = 0; i < 3000; i++) { memcpy(src + k, "not ", 4); k += 4; }
    src[k++] = 'a';
    got = run(src, k, PARSE_FILE);
    check("deep not", strncmp(got, "SyntaxError|too many nested", 27) == 0 ? "ok" : got, "ok");
    free(got);
    free(src);
}

/* Random bytes and truncations of valid programs: any result but a crash. */
static void test_garbage(void)
{
    const char *alphabet = "()[]{}:;,.'\"\\#\n \t=+-*/%@<>!?$fabrx019_\xe4\xb8\xad{}";
    size_t an = strlen(alphabet);
    unsigned seed = 12345;
    char src[300];
    for (int i = 0; i < 20000; i++) {
        size_t n = (size_t)(i % 299);
        for (size_t j = 0; j < n; j++) {
            seed = seed * 1103515245u + 12345u;
            src[j] = alphabet[(seed >> 16) % an];
        }
        char *got = run(src, n, i % 3 == 0 ? PARSE_SINGLE : PARSE_FILE);
        free(got);
    }
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        size_t n = strlen(rows[i].src);
        for (size_t cut = 0; cut < n; cut += 3) free(run(rows[i].src, cut, PARSE_SINGLE));
    }
    passed++;
}

int main(void)
{
    test_rows();
    test_positions();
    test_nul();
    test_deep();
    test_garbage();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
