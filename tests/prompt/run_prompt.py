#!/usr/bin/env python3
"""Prompt tests: drive `tsc` on a real pseudo-terminal the way a learner
types at it (SPEC.md, "The prompt") and check what the screen shows.

usage: TSC=build/tsc tests/prompt/run_prompt.py [--verbose] [NAME...]

Each check starts a fresh tsc on its own pty (HOME in a scratch directory,
so history never touches the real one), types keys, and waits for text.
Terminal escapes and carriage returns are stripped before matching.
Prints PASS/FAIL per check and ends with "N passed, N failed".
"""
import os, pty, re, select, shutil, signal, struct, sys, tempfile, time
import fcntl, termios

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TSC = os.path.abspath(os.path.join(ROOT, os.environ.get("TSC", "build/tsc")))
VERBOSE = "--verbose" in sys.argv
ONLY = [a for a in sys.argv[1:] if not a.startswith("--")]
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]|\x1b\][^\x07]*\x07|[\x07\x08]")
TIMEOUT = float(os.environ.get("PROMPT_TIMEOUT", "10"))
CHECKS = []


def check(fn):
    CHECKS.append(fn)
    return fn


class Fail(Exception):
    pass


class Session:
    """One tsc on a pseudo-terminal: send keys, wait for text."""

    def __init__(self, home, args=()):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # child: the terminal is already our stdin/stdout/stderr
            env = {"HOME": home, "TERM": "xterm", "INPUTRC": "/dev/null",
                   "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
            for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
                if k in os.environ:
                    env[k] = os.environ[k]
            try:
                os.execve(TSC, [TSC] + list(args), env)
            finally:
                os._exit(127)
        # a wide window, so readline never wraps or scrolls a line
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 250, 0, 0))
        self.raw = b""
        self.pos = 0          # matching starts here in the cleaned text
        self.status = None

    def text(self):
        t = self.raw.decode("utf-8", "replace")
        return ANSI.sub("", t).replace("\r\n", "\n").replace("\r", "")

    def _read(self, timeout):
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return False
        try:
            data = os.read(self.fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            data = b""
        if not data:
            raise EOFError
        self.raw += data
        return True

    def expect(self, pattern, timeout=TIMEOUT, regex=False):
        """Waits until pattern appears after the last match; returns the text
        between the last match and the end of this one."""
        deadline = time.time() + timeout
        while True:
            t = self.text()
            m = (re.compile(pattern).search(t, self.pos) if regex else None)
            i = m.start() if m else (t.find(pattern, self.pos) if not regex else -1)
            if i >= 0:
                end = m.end() if m else i + len(pattern)
                seen, self.pos = t[self.pos:end], end
                return seen
            left = deadline - time.time()
            try:
                if left <= 0 or not self._read(left):
                    raise Fail("timed out waiting for %r; screen after last match:\n%s"
                               % (pattern, t[self.pos:][-800:]))
            except EOFError:
                raise Fail("tsc exited while waiting for %r; screen:\n%s"
                           % (pattern, t[self.pos:][-800:]))

    def send(self, keys):
        os.write(self.fd, keys.encode())

    def line(self, text, prompt=">>> "):
        """Types a line, presses Enter, and returns what appeared up to the
        next prompt (the echoed line included)."""
        self.send(text + "\r")
        return self.expect(prompt)

    def wait_exit(self, timeout=TIMEOUT):
        deadline = time.time() + timeout
        while time.time() < deadline:
            pid, st = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = st
                return os.waitstatus_to_exitcode(st)
            try:
                self._read(0.05)
            except EOFError:
                pass
        raise Fail("tsc did not exit")

    def close(self):
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except OSError:
                pass
        os.close(self.fd)


def open_paren(s):
    """Completing a callable may also insert "(" (CPython's rlcompleter
    does): returns what still has to be typed to open the call."""
    time.sleep(0.3)
    try:
        s._read(0.2)
    except EOFError:
        pass
    return "" if s.text()[s.pos:].startswith("(") else "("


def output_of(seen, typed):
    """What a command printed: the screen text after its echoed line, before
    the next prompt."""
    i = seen.find(typed)
    after = seen[i + len(typed):] if i >= 0 else seen
    if after.startswith("\n"):
        after = after[1:]
    return after[:-4] if after.endswith(">>> ") else after


def want(what, got, expected):
    if got != expected:
        raise Fail("%s:\n    expected: %r\n    got:      %r" % (what, expected, got))


# ---- the checks ----

@check
def prompts_and_blocks(s):
    s.expect(">>> ")
    s.line("for i in range(2):", prompt="... ")
    s.line("    print(i * 10)", prompt="... ")
    seen = s.line("")
    want("for block output", output_of(seen, ""), "0\n10\n")
    s.line("def twice(v):", prompt="... ")
    s.line("    if v:", prompt="... ")
    s.line("        return v * 2", prompt="... ")
    s.line("    return 'zero'", prompt="... ")
    s.line("")
    want("def then call", output_of(s.line("twice(21)"), "twice(21)"), "42\n")
    want("second branch", output_of(s.line("twice(0)"), "twice(0)"), "'zero'\n")


@check
def echo_and_underscore(s):
    s.expect(">>> ")
    want("echo", output_of(s.line("3 + 4"), "3 + 4"), "7\n")
    want("_ keeps the last value", output_of(s.line("_ * 2"), "_ * 2"), "14\n")
    want("None is not echoed", output_of(s.line("None"), "None"), "")
    want("_ unchanged by None", output_of(s.line("_"), "_"), "14\n")
    want("assignment is not echoed", output_of(s.line("q = [1, 'a']"), "q = [1, 'a']"), "")
    want("repr is echoed", output_of(s.line("q"), "q"), "[1, 'a']\n")
    want("print output", output_of(s.line("print('hi')"), "print('hi')"), "hi\n")


@check
def error_keeps_variables(s):
    s.expect(">>> ")
    s.line("v = 10")
    seen = output_of(s.line("v / 0"), "v / 0")
    if "Traceback (most recent call last):" not in seen or \
            "ZeroDivisionError: division by zero" not in seen:
        raise Fail("no traceback for the error: %r" % seen)
    want("variable survives an error", output_of(s.line("v"), "v"), "10\n")
    seen = output_of(s.line("undefined_name"), "undefined_name")
    if "NameError: name 'undefined_name' is not defined" not in seen:
        raise Fail("NameError not shown: %r" % seen)
    s.send("def broken(:\r")
    seen = s.expect(">>> ")
    if "SyntaxError" not in seen:
        raise Fail("SyntaxError not shown: %r" % seen)
    want("still alive after a SyntaxError", output_of(s.line("v + 1"), "v + 1"), "11\n")


@check
def complete_name(s):
    s.expect(">>> ")
    s.line("my_long_variable = 5")
    s.send("my_long_v\t")
    s.expect("my_long_variable")
    want("completed name runs", output_of(s.line(""), ""), "5\n")


@check
def complete_module_attribute(s):
    s.expect(">>> ")
    s.line("import math")
    s.send("math.sq\t")
    s.expect("math.sqrt")
    call = open_paren(s) + "16)"
    want("completed math.sqrt", output_of(s.line(call), call), "4.0\n")


@check
def complete_lazy_torch_function(s):
    # torch.einsum is written in TensorScript (torch._compose) and only
    # resolved on first use; completion still offers it, as a callable
    s.expect(">>> ")
    s.line("import torch")
    s.send("torch.eins\t")
    s.expect("torch.einsum(")
    rest = "'ii', torch.eye(2))"
    want("completed torch.einsum", output_of(s.line(rest), rest), "tensor(2.)\n")


@check
def complete_method(s):
    s.expect(">>> ")
    s.line("x = [1]")
    s.send("x.app\t")
    s.expect("x.append")
    s.line(open_paren(s) + "2)")
    want("completed x.append", output_of(s.line("x"), "x"), "[1, 2]\n")


@check
def history_persists(s):
    s.expect(">>> ")
    s.line("hist_marker = 123")
    s.send("\x04")
    code = s.wait_exit()
    want("Ctrl-D exit status", code, 0)
    hist = os.path.join(s.home, ".tsc_history")
    if not os.path.exists(hist):
        raise Fail("~/.tsc_history was not written")
    with open(hist, encoding="utf-8", errors="replace") as f:
        if "hist_marker = 123" not in f.read():
            raise Fail("~/.tsc_history lacks the line typed")
    s2 = Session(s.home)
    try:
        s2.expect(">>> ")
        s2.send("\x1b[A")                 # up arrow: the previous session's line
        s2.expect("hist_marker = 123")
        s2.line("")
        s2.line("hist_marker = hist_marker + 1")
        want("recalled line ran", output_of(s2.line("hist_marker"), "hist_marker"), "124\n")
    finally:
        s2.close()


@check
def ctrl_c_interrupts_loop(s):
    s.expect(">>> ")
    s.line("k = 7")
    s.line("while True: pass", prompt="... ")
    s.send("\r")
    time.sleep(0.5)
    s.send("\x03")
    seen = s.expect(">>> ", timeout=10)
    if "KeyboardInterrupt" not in seen:
        raise Fail("no KeyboardInterrupt shown: %r" % seen)
    want("variables intact after Ctrl-C", output_of(s.line("k"), "k"), "7\n")


@check
def ctrl_c_at_prompt(s):
    s.expect(">>> ")
    s.send("abandoned_text")
    s.expect("abandoned_text")
    s.send("\x03")
    s.expect(">>> ")
    seen = s.line("1 + 1")
    if "abandoned_text" in seen or "Error" in seen:
        raise Fail("Ctrl-C did not clear the line: %r" % seen)
    want("prompt works after Ctrl-C", output_of(seen, "1 + 1"), "2\n")


@check
def ctrl_d_exits(s):
    s.expect(">>> ")
    s.send("\x04")
    want("exit status after Ctrl-D", s.wait_exit(), 0)


@check
def help_forms(s):
    s.expect(">>> ")
    for cmd in ("help(len)", "?len", "len?"):
        seen = output_of(s.line(cmd), cmd)
        if "len(" not in seen or "Error" in seen or len(seen.strip().splitlines()) < 2:
            raise Fail("%s should show the signature and a description: %r" % (cmd, seen))


@check
def magics(s):
    s.expect(">>> ")
    s.send("%timeit 1+1\r")
    seen = s.expect(">>> ", timeout=60)
    unit = r"(?:ns|µs|us|ms|s)"
    shape = (r"[\d.]+ %s ± [\d.]+ %s per loop \(mean ± std\. dev\. of \d+ runs?, "
             r"[\d,]+ loops? each\)" % (unit, unit))
    if not re.search(shape, seen):
        raise Fail("%%timeit output has not IPython's shape: %r" % seen)
    seen = output_of(s.line("%time sum(range(1000))"), "%time sum(range(1000))")
    if "Wall time:" not in seen or "499500" not in seen:
        raise Fail("%%time output: %r" % seen)
    # the value is echoed after the timing lines, as IPython's Out[] is
    if not re.search(r"Wall time: [^\n]+\n499500\n", seen):
        raise Fail("%%time should echo the value after the timings: %r" % seen)
    # a magic's assignments land in the prompt's globals
    output_of(s.line("%time timed = 41"), "%time timed = 41")
    s.send("%timeit timeit_set = 2\r")
    s.expect(">>> ", timeout=60)
    want("%time/%timeit assign globals",
         output_of(s.line("timed + timeit_set"), "timed + timeit_set"), "43\n")
    want("%matplotlib is accepted silently",
         output_of(s.line("%matplotlib inline"), "%matplotlib inline"), "")


@check
def interactive_after_script(s):
    # tsc -i FILE on a terminal: the script's names are at the prompt
    s.close()
    path = os.path.join(s.home, "setup_i.tsc")
    with open(path, "w") as f:
        f.write("ready = 'from script'\nprint('script done')\n")
    s2 = Session(s.home, ["-i", path])
    try:
        s2.expect("script done")
        s2.expect(">>> ")
        want("script variable at the prompt", output_of(s2.line("ready"), "ready"), "'from script'\n")
    finally:
        s2.close()


def main():
    if not os.access(TSC, os.X_OK):
        print("FAIL prompt: no interpreter at %s" % TSC)
        print("0 passed, 1 failed")
        return 1
    npass = nfail = 0
    for fn in CHECKS:
        if ONLY and fn.__name__ not in ONLY:
            continue
        home = tempfile.mkdtemp(prefix="tsc-prompt-")
        s = Session(home)
        s.home = home
        try:
            fn(s)
            npass += 1
            print("PASS %s" % fn.__name__)
        except Fail as e:
            nfail += 1
            print("FAIL %s\n  %s" % (fn.__name__, str(e).replace("\n", "\n  ")))
        finally:
            if VERBOSE:
                print(s.text())
            try:
                s.close()
            except OSError:
                pass
            shutil.rmtree(home, ignore_errors=True)
    print("%d passed, %d failed" % (npass, nfail))
    return 1 if nfail else 0


if __name__ == "__main__":
    sys.exit(main())
