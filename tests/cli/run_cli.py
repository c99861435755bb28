#!/usr/bin/env python3
"""Command-line tests for tsc: every form of SPEC.md's "Command line" table,
exit statuses, where output goes, and CPython-format tracebacks.

usage: TSC=build/tsc tests/cli/run_cli.py [--oracle] [NAME...]

Each check runs tsc in a scratch directory and compares stdout, stderr and
the exit status with exact expectations.  --oracle runs the checks that
plain CPython also answers (marked py=True) with python3 instead of tsc: a
way to prove the expectations written here are CPython's own.
Prints PASS/FAIL per check and ends with "N passed, N failed".
"""
import os, shutil, stat, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TSC = os.path.abspath(os.path.join(ROOT, os.environ.get("TSC", "build/tsc")))
ORACLE = "--oracle" in sys.argv
ONLY = [a for a in sys.argv[1:] if not a.startswith("--")]
CHECKS = []


def check(py=False):
    """Registers a check; py=True: CPython behaves identically (oracle mode)."""
    def reg(fn):
        CHECKS.append((fn.__name__, fn, py))
        return fn
    return reg


class Ctx:
    """A scratch directory and a way to run the interpreter inside it."""

    def __init__(self, d):
        self.dir = d
        self.errors = []

    def file(self, name, text, executable=False):
        path = os.path.join(self.dir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        if executable:
            os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR)
        return path

    def run(self, args, stdin="", exe=None, env=None, timeout=30):
        cmd = [exe or (sys.executable if ORACLE else TSC)] + args
        e = dict(os.environ, **(env or {}))
        try:
            p = subprocess.run(cmd, input=stdin.encode(), capture_output=True,
                               cwd=self.dir, env=e, timeout=timeout)
        except subprocess.TimeoutExpired:
            self.errors.append("timed out: %s" % " ".join(args))
            return -1, "", ""
        return (p.returncode, p.stdout.decode("utf-8", "replace"),
                p.stderr.decode("utf-8", "replace"))

    def expect(self, what, got, want):
        if got != want:
            self.errors.append("%s:\n    expected: %r\n    got:      %r" % (what, want, got))

    def expect_in(self, what, needle, hay):
        if needle not in hay:
            self.errors.append("%s: %r not found in %r" % (what, needle, hay[-600:]))

    def expect_run(self, args, stdin="", rc=0, out=None, err=None, **kw):
        """Runs and compares the exit status, and stdout/stderr when given."""
        code, so, se = self.run(args, stdin, **kw)
        label = "tsc " + " ".join(args)
        self.expect(label + " exit status", code, rc)
        if out is not None:
            self.expect(label + " stdout", so, out)
        if err is not None:
            self.expect(label + " stderr", se, err)
        return code, so, se


# ---- running programs ----

@check(py=True)
def script_with_argv(c):
    f = c.file("args.tsc", "import sys\nprint(sys.argv)\nprint(len(sys.argv))\n")
    c.expect_run([f, "a", "b c", "--flag"], out="[%r, 'a', 'b c', '--flag']\n4\n" % f, err="")
    c.expect_run(["args.tsc"], out="['args.tsc']\n1\n", err="")


@check(py=True)
def dash_c(c):
    c.expect_run(["-c", "print(6 * 7)"], out="42\n", err="")
    c.expect_run(["-c", "x = 1\nfor i in range(3):\n    x *= 2\nprint(x)"], out="8\n", err="")
    c.expect_run(["-c", "1 + 1"], out="", err="")   # no echo outside the prompt


@check(py=True)
def dash_stdin(c):
    prog = "def sq(v):\n    return v * v\nprint(sq(9))\n"
    c.expect_run(["-"], stdin=prog, out="81\n", err="")


@check(py=True)
def piped_stdin_no_prompts(c):
    # a pipe on stdin runs the program: no ">>> " and no echo of expressions
    c.expect_run([], stdin="x = 5\nx\nprint(x + 1)\n", out="6\n", err="")


@check(py=False)
def interactive_after_script(c):
    f = c.file("setup.tsc", "x = 21\ndef double(v):\n    return v * 2\nprint('script ran')\n")
    code, so, se = c.expect_run(["-i", f], stdin="print(double(x))\nx\n")
    c.expect_in("-i runs the script first", "script ran\n", so)
    c.expect_in("-i keeps the script's functions", "42\n", so)
    c.expect_in("-i echoes expressions", "21\n", so)
    if "script ran" in so and "42" in so and so.index("script ran") > so.index("42"):
        c.errors.append("-i: the prompt input ran before the script")


@check(py=False)
def interactive_error_continues(c):
    f = c.file("seti.tsc", "y = 3\n")
    code, so, se = c.expect_run(["-i", f], stdin="1/0\nprint(y)\n")
    c.expect_in("-i: the error is printed", "ZeroDivisionError: division by zero", se)
    c.expect_in("-i: the session goes on", "3\n", so)


@check(py=False)
def echo_mode(c):
    f = c.file("nb.tsc", "1 + 1\nx = 5\nx\nNone\n'str'\nprint('p')\n[x, x * 2]\n"
                         "def f():\n    x + 100\n    return 7\nf()\n")
    # an expression statement inside a function is never echoed
    c.expect_run(["--echo", f], out="2\n5\n'str'\np\n[5, 10]\n7\n", err="")


@check(py=False)
def version_and_help(c):
    code, so, se = c.expect_run(["--version"], rc=0)
    c.expect("--version prints one line", len(so.strip().splitlines()), 1)
    if not any(ch.isdigit() for ch in so):
        c.errors.append("--version has no version number: %r" % so)
    code, so, se = c.expect_run(["--help"], rc=0)
    for opt in ("-c", "-i", "--echo", "--version"):
        c.expect_in("--help mentions " + opt, opt, so)
    c.expect_in("--help shows usage", "usage", so.lower())


@check(py=False)
def usage_errors(c):
    for args in (["--no-such-option"], ["-c"], ["--echo"], ["missing_file.tsc"]):
        code, so, se = c.run(args)
        c.expect("tsc %s exit status" % " ".join(args), code, 2)
        c.expect("tsc %s writes nothing to stdout" % " ".join(args), so, "")
        if not se.strip():
            c.errors.append("tsc %s: no message on stderr" % " ".join(args))
    code, so, se = c.run(["missing_file.tsc"])
    c.expect_in("missing file is named", "missing_file.tsc", se)


# ---- errors and tracebacks ----

NESTED = 'def inner(x):\n    raise ValueError("bad " + x)\n\ndef outer():\n    inner("value")\n\nprint("start")\nouter()\nprint("not reached")\n'


@check(py=True)
def traceback_nested(c):
    f = c.file("nested.tsc", NESTED)
    c.expect_run([f], rc=1, out="start\n", err=(
        "Traceback (most recent call last):\n"
        '  File "%s", line 8, in <module>\n'
        "    outer()\n"
        '  File "%s", line 5, in outer\n'
        '    inner("value")\n'
        '  File "%s", line 2, in inner\n'
        '    raise ValueError("bad " + x)\n'
        "ValueError: bad value\n") % (f, f, f))


@check(py=True)
def traceback_dash_c_and_stdin(c):
    c.expect_run(["-c", "1/0"], rc=1, out="", err=(
        "Traceback (most recent call last):\n"
        '  File "<string>", line 1, in <module>\n'
        "ZeroDivisionError: division by zero\n"))
    c.expect_run(["-"], stdin="print(1)\n{}['k']\n", rc=1, out="1\n", err=(
        "Traceback (most recent call last):\n"
        '  File "<stdin>", line 2, in <module>\n'
        "KeyError: 'k'\n"))


@check(py=True)
def traceback_method_and_class(c):
    f = c.file("cls.tsc", "class Model:\n    def forward(self, x):\n        raise RuntimeError('shape mismatch')\n\nm = Model()\nm.forward(1)\n")
    c.expect_run([f], rc=1, out="", err=(
        "Traceback (most recent call last):\n"
        '  File "%s", line 6, in <module>\n'
        "    m.forward(1)\n"
        '  File "%s", line 3, in forward\n'
        "    raise RuntimeError('shape mismatch')\n"
        "RuntimeError: shape mismatch\n") % (f, f))


@check(py=True)
def name_error_suggestion(c):
    f = c.file("ne.tsc", "value = 1\nprint(valeu)\n")
    # (CPython 3.11 may add a ^^^^^ line under the name: not compared)
    code, so, se = c.run([f])
    c.expect("NameError last line", se.splitlines()[-1] if se else "",
             "NameError: name 'valeu' is not defined. Did you mean: 'value'?")
    c.expect_in("NameError frame", '  File "%s", line 2, in <module>\n    print(valeu)\n' % f, se)


@check(py=True)
def syntax_error_caret(c):
    f = c.file("bad.tsc", "x = 1\ny = x +\n")
    c.expect_run([f], rc=1, out="", err=(
        '  File "%s", line 2\n'
        "    y = x +\n"
        "           ^\n"
        "SyntaxError: invalid syntax\n") % f)
    g = c.file("unclosed.tsc", "x = 1\ny = (x +\n")
    c.expect_run([g], rc=1, out="", err=(
        '  File "%s", line 2\n'
        "    y = (x +\n"
        "        ^\n"
        "SyntaxError: '(' was never closed\n") % g)


@check(py=True)
def syntax_error_runs_nothing(c):
    # the whole file is parsed before anything runs
    f = c.file("late.tsc", "print('must not print')\nx = = 1\n")
    code, so, se = c.expect_run([f], rc=1, out="")
    c.expect_in("SyntaxError reported", "SyntaxError: invalid syntax", se)
    c.expect_in("SyntaxError line", 'File "%s", line 2' % f, se)


@check(py=True)
def indentation_errors(c):
    f = c.file("ind.tsc", "if True:\nprint(1)\n")
    c.expect_run([f], rc=1, out="", err=(
        '  File "%s", line 2\n'
        "    print(1)\n"
        "    ^\n"
        "IndentationError: expected an indented block after 'if' statement on line 1\n") % f)
    g = c.file("ind2.tsc", "x = 1\n  y = 2\n")
    c.expect_run([g], rc=1, out="", err=(
        '  File "%s", line 2\n'
        "    y = 2\n"
        "IndentationError: unexpected indent\n") % g)


@check(py=True)
def stdout_stderr_split(c):
    f = c.file("split.tsc", "print('to stdout')\nimport sys\nraise KeyError('x')\n")
    code, so, se = c.expect_run([f], rc=1, out="to stdout\n")
    c.expect("stderr ends with the exception", se.splitlines()[-1] if se else "", "KeyError: 'x'")
    if "Traceback" in so:
        c.errors.append("traceback went to stdout")


@check(py=True)
def exit_status_zero(c):
    f = c.file("ok.tsc", "try:\n    1/0\nexcept ZeroDivisionError:\n    print('handled')\n")
    c.expect_run([f], rc=0, out="handled\n", err="")


@check(py=True)
def utf8_source_and_output(c):
    f = c.file("zh.tsc", "# 中文注释\ns = '张量'\nprint(s, len(s))\n")
    c.expect_run([f], out="张量 2\n", err="")


@check(py=False)
def shebang_executable(c):
    f = c.file("run_me.tsc", "#!/usr/bin/env tsc\nimport sys\nprint('hello from', sys.argv[1:])\n",
               executable=True)
    bindir = os.path.join(c.dir, "bin")
    os.makedirs(bindir, exist_ok=True)
    os.symlink(TSC, os.path.join(bindir, "tsc"))
    env = {"PATH": bindir + os.pathsep + os.environ.get("PATH", "")}
    code, so, se = c.run(["x"], exe=f, env=env)
    c.expect("shebang script exit status", code, 0)
    c.expect("shebang script stdout", so, "hello from ['x']\n")
    c.expect_run([f, "y"], out="hello from ['y']\n", err="")


@check(py=True)
def no_terminal_escapes_in_pipes(c):
    code, so, se = c.expect_run(["-c", "print('plain')"], out="plain\n")
    if "\x1b" in so + se:
        c.errors.append("terminal escape codes written to a pipe")


def main():
    if not ORACLE and not os.access(TSC, os.X_OK):
        print("FAIL cli: no interpreter at %s" % TSC)
        print("0 passed, 1 failed")
        return 1
    npass = nfail = 0
    for name, fn, py in CHECKS:
        if ONLY and name not in ONLY:
            continue
        if ORACLE and not py:
            continue
        d = tempfile.mkdtemp(prefix="tsc-cli-")
        c = Ctx(d)
        try:
            fn(c)
        except Exception as e:  # a broken check is a failed check
            c.errors.append("check raised %s: %s" % (type(e).__name__, e))
        finally:
            shutil.rmtree(d, ignore_errors=True)
        if c.errors:
            nfail += 1
            print("FAIL %s" % name)
            for e in c.errors:
                print("  " + e.replace("\n", "\n  "))
        else:
            npass += 1
            print("PASS %s" % name)
    print("%d passed, %d failed" % (npass, nfail))
    return 1 if nfail else 0


if __name__ == "__main__":
    sys.exit(main())
