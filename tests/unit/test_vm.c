/* test_vm.c — the compiler and VM through vm_run_source.
 *
 * Each case runs a small program in a fresh namespace and compares the
 * repr of its variable `r` (or the raised exception's "Type: message")
 * with the expected text.
 */
#include <stdio.h>
#include <string.h>
#include "runtime/vm.h"
#include "runtime/objects.h"

static int passed, failed;

/* Runs src; returns repr(r) or "Type: msg" of the exception, in buf. */
static void run(const char *src, char *buf, size_t n)
{
    Value g = dict_new();
    Value name = str_from_cstr("__main__");
    dict_set_cstr(g, "__name__", name);
    v_decref(name);
    Value res = vm_run_source(src, strlen(src), "test.tsc", PARSE_FILE, g, false);
    if (IS_ERR(res)) {
        Value e = rt_exc_take();
        Value s = v_str(e);
        snprintf(buf, n, "%s: %s", v_type(e)->name, IS_ERR(s) ? "?" : str_cstr(s));
        if (IS_ERR(s)) rt_exc_clear();
        v_decref(s);
        v_decref(e);
    } else {
        Value r = dict_get_cstr(g, "r");
        Value s = IS_UNBOUND(r) ? str_from_cstr("<no r>") : v_repr(r);
        snprintf(buf, n, "%s", IS_ERR(s) ? "<repr failed>" : str_cstr(s));
        if (IS_ERR(s)) rt_exc_clear();
        v_decref(s);
    }
    v_decref(g);
}

static void check(const char *src, const char *want)
{
    char got[1024];
    run(src, got, sizeof got);
    if (!strcmp(got, want)) {
        passed++;
    } else {
        failed++;
        printf("FAIL: %s\n  want: %s\n  got:  %s\n", src, want, got);
    }
}

static void test_basics(void)
{
    check("r = 1 + 2 * 3", "7");
    check("r = (1 + 2.5, 7 // 2, -7 // 2, 2 ** 10)", "(3.5, 3, -4, 1024)");
    check("x = 5\nr = 1 < x < 10, 1 < x > 10", "(True, False)");
    check("r = None or 'd', 0 or [] or 'l', 3 and 4", "('d', 'l', 4)");
    check("r = 'big' if 2 > 1 else 'small'", "'big'");
    check("r = 9223372036854775807 + 1", "OverflowError: integer overflow: result does not fit in 64 bits");
    check("a, b = 1, 2\na, b = b, a\nr = a, b", "(2, 1)");
    check("first, *rest = [1, 2, 3]\nr = first, rest", "(1, [2, 3])");
    check("*i, l = 'abc'\nr = i, l", "(['a', 'b'], 'c')");
    check("a, b = [1, 2, 3]", "ValueError: too many values to unpack (expected 2)");
    check("a, b, c = [1, 2]", "ValueError: not enough values to unpack (expected 3, got 2)");
    check("a, b = 5", "TypeError: cannot unpack non-iterable int object");
    check("r = [x * x for x in range(5) if x % 2]", "[1, 9]");
    check("r = {k: len(k) for k in ['a', 'bb']}", "{'a': 1, 'bb': 2}");
    check("r = sum(x for x in range(101))", "5050");
    check("r = f'{3.14159:.2f}|{42:>4}|{\"s\"!r}'", "\"3.14|  42|'s'\"");
    check("r = 0\nfor i in range(10):\n    if i == 5:\n        break\n    if i % 2:\n        continue\n    r += i\n", "6");
    check("i = 0\nwhile i < 3:\n    i += 1\nelse:\n    r = 'else'\n", "'else'");
}

static void test_functions(void)
{
    check("def f(a, b=2, *c, d=4, **e):\n    return a, b, c, d, e\nr = f(1, 2, 3, x=5)",
          "(1, 2, (3,), 4, {'x': 5})");
    check("def f(a, b): pass\nf(1)", "TypeError: f() missing 1 required positional argument: 'b'");
    check("def f(a, b): pass\nf(1, 2, 3)", "TypeError: f() takes 2 positional arguments but 3 were given");
    check("def f(a, b): pass\nf(1, c=2)", "TypeError: f() got an unexpected keyword argument 'c'");
    check("def f(a, b): pass\nf(1, a=2)", "TypeError: f() got multiple values for argument 'a'");
    check("def f(a, b, c): pass\nf()",
          "TypeError: f() missing 3 required positional arguments: 'a', 'b', and 'c'");
    check("def f(a, b=1): pass\nf(1, 2, 3)",
          "TypeError: f() takes from 1 to 2 positional arguments but 3 were given");
    check("def mk():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n"
          "    return inc\nc = mk()\nc()\nr = c()", "2");
    check("t = 0\ndef add(v):\n    global t\n    t += v\nadd(3)\nadd(4)\nr = t", "7");
    check("r = [f(10) for f in [lambda x, k=k: x * k for k in range(3)]]", "[0, 10, 20]");
    check("def f():\n    print(y)\n    y = 1\nf()",
          "UnboundLocalError: cannot access local variable 'y' where it is not associated with a value");
    check("r = undefined_name", "NameError: name 'undefined_name' is not defined");
    check("def f(n):\n    return f(n + 1)\nf(0)", "RecursionError: maximum recursion depth exceeded");
    check("def d(fn):\n    def w(*a):\n        return fn(*a) + 1\n    return w\n@d\ndef g(x):\n    return x\nr = g(1)", "2");
    check("def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nr = fib(20)", "6765");
}

static void test_generators(void)
{
    check("def cd(n):\n    while n > 0:\n        yield n\n        n -= 1\nr = list(cd(3))", "[3, 2, 1]");
    check("def g():\n    yield 1\n    return\n    yield 2\nr = list(g())", "[1]");
    check("g = (c * 2 for c in 'ab')\nr = next(g), next(g)", "('aa', 'bb')");
    check("def sq():\n    k = 0\n    while True:\n        yield k * k\n        k += 1\ns = sq()\nr = [next(s) for _ in range(4)]",
          "[0, 1, 4, 9]");
}

static void test_exceptions(void)
{
    check("try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    r = str(e)", "'division by zero'");
    check("r = []\ntry:\n    try:\n        raise ValueError('a')\n    finally:\n        r.append('f')\nexcept ValueError:\n    r.append('c')",
          "['f', 'c']");
    check("def f():\n    try:\n        return 1\n    finally:\n        return 2\nr = f()", "2");
    check("r = []\nfor i in range(3):\n    try:\n        if i == 1:\n            continue\n        r.append(i)\n    finally:\n        r.append('f')",
          "[0, 'f', 'f', 2, 'f']");
    check("try:\n    try:\n        raise ValueError('a')\n    except ValueError:\n        raise KeyError('b')\nexcept KeyError as e:\n    r = repr(e.__context__)",
          "\"ValueError('a')\"");
    check("class E(Exception):\n    pass\ntry:\n    raise E('x')\nexcept Exception as e:\n    r = type(e).__name__, str(e)",
          "('E', 'x')");
    check("assert 1 == 2, 'msg'", "AssertionError: msg");
    check("try:\n    raise\nexcept RuntimeError as e:\n    r = str(e)", "'No active exception to reraise'");
    check("class C:\n    def __enter__(self):\n        return 1\n    def __exit__(self, *a):\n        return True\nwith C() as v:\n    raise ValueError\nr = v",
          "1");
}

static void test_classes(void)
{
    check("class A:\n    n = 0\n    def __init__(self, x):\n        self.x = x\n        A.n += 1\n"
          "class B(A):\n    def __init__(self, x):\n        super().__init__(x * 2)\nb = B(2)\nr = b.x, A.n, isinstance(b, A)",
          "(4, 1, True)");
    check("class P:\n    def __init__(self, x):\n        self.x = x\n    def __add__(self, o):\n        return P(self.x + o.x)\n"
          "    def __repr__(self):\n        return 'P(%d)' % self.x\nr = P(1) + P(2)", "P(3)");
    check("class T:\n    @property\n    def v(self):\n        return 5\n    @staticmethod\n    def s():\n        return 1\n"
          "    @classmethod\n    def c(cls):\n        return cls.__name__\nr = T().v, T.s(), T.c()", "(5, 1, 'T')");
    check("class A:\n    pass\nA().foo", "AttributeError: 'A' object has no attribute 'foo'");
    check("[].foo", "AttributeError: 'list' object has no attribute 'foo'");
    check("class A:\n    pass\nA(1)", "TypeError: A() takes no arguments");
    check("r = 1 + 'a'", "TypeError: unsupported operand type(s) for +: 'int' and 'str'");
    check("r = 1 < 'a'", "TypeError: '<' not supported between instances of 'int' and 'str'");
    check("r = 5()", "TypeError: 'int' object is not callable");
    check("class K:\n    def __eq__(self, o):\n        return True\nhash(K())", "TypeError: unhashable type: 'K'");
}

static void test_imports(void)
{
    check("import math\nr = math.sqrt(16)", "4.0");
    check("from math import floor as fl\nr = fl(2.5)", "2");
    check("from math import nothing_here",
          "ImportError: cannot import name 'nothing_here' from 'math' (unknown location)");
}

int main(int argc, char **argv)
{
    vm_init(argc, argv);
    test_basics();
    test_functions();
    test_generators();
    test_exceptions();
    test_classes();
    test_imports();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
