#!/usr/bin/env python3
"""Benchmarks tsc against CPython on the same machine in the same run.

Each benchmark is a valid Python program (bench/*.tsc) run by both
interpreters; their outputs must agree.  Each is run N times (after one
warm-up run) and we keep two numbers: the best wall time, and the best CPU
time (user + system, from the kernel's accounting of the child via
wait4).  The build machines are shared and often overloaded, which
stretches wall times by the time spent waiting for a core; CPU time does
not include that wait, so the ratio (CPython's time / tsc's time, higher is
better) is computed from CPU time.  Writes the table into BENCHMARKS.md
between its BEGIN/END markers.
"""
import argparse, datetime, os, platform, re, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# name, arguments after the interpreter, target ratio (CPython / tsc), note
BENCHES = [
    ("startup", ["-c", "pass"], None, "`tsc -c pass`; target < 10 ms"),
    ("fib", ["bench/fib.tsc"], 1 / 1.5, "recursive fib(27)"),
    ("loop", ["bench/loop.tsc"], 1 / 1.5, "10^7-iteration arithmetic loop"),
    ("strings", ["bench/strings.tsc"], 1 / 1.5, "string building"),
    ("listdict", ["bench/listdict.tsc"], 1 / 1.5, "list/dict workload"),
]


def run_once(cmd):
    """(wall seconds, user+sys CPU seconds) of one run of cmd."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = 0  # reaped by wait4: keep Popen from waiting again
    return wall, ru.ru_utime + ru.ru_stime


def time_runs(cmd, runs):
    """Best wall time and best CPU time over runs, after a warm-up run."""
    run_once(cmd)
    best_wall = best_cpu = float("inf")
    for _ in range(runs):
        wall, cpu = run_once(cmd)
        best_wall, best_cpu = min(best_wall, wall), min(best_cpu, cpu)
    return best_wall, best_cpu


def output(cmd):
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, timeout=600)
    return p.returncode, p.stdout.decode("utf-8", "replace")


def fmt_time(s):
    return "%.1f ms" % (s * 1e3) if s < 1 else "%.2f s" % s


def cpu_name():
    try:
        for l in open("/proc/cpuinfo"):
            if l.startswith("model name"):
                return l.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tsc", default="build/tsc")
    # the real binary (not a wrapper such as a pyenv shim), so startup is fair
    ap.add_argument("--python", default=os.path.realpath(sys.executable))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-write", action="store_true", help="print only, leave BENCHMARKS.md")
    ap.add_argument("only", nargs="*")
    a = ap.parse_args()
    tsc = os.path.abspath(os.path.join(ROOT, a.tsc))
    if not os.access(tsc, os.X_OK):
        print("no interpreter at %s: run make first" % tsc)
        return 2
    pyver = subprocess.run([a.python, "--version"], capture_output=True, text=True).stdout.strip()

    rows, bad = [], 0
    for name, args, target, note in BENCHES:
        if a.only and name not in a.only:
            continue
        rc_t, out_t = output([tsc] + args)
        rc_p, out_p = output([a.python] + args)
        same = rc_t == 0 and rc_t == rc_p and out_t == out_p
        runs = a.runs * 4 if name == "startup" else a.runs
        wt, ct = time_runs([tsc] + args, runs) if rc_t == 0 else (None, None)
        wp, cp = time_runs([a.python] + args, runs)
        ratio = cp / ct if ct else None
        if target is None:
            ok = ct is not None and ct < 0.010
        else:
            ok = ratio is not None and ratio >= target
        status = ("ok" if ok else "below target") if same else "OUTPUT DIFFERS"
        bad += status != "ok"
        rows.append((name, note, wt, ct, wp, cp, ratio, status))
        print("%-9s tsc cpu %-9s wall %-9s | python cpu %-9s wall %-9s | ratio %-6s %s" % (
            name, fmt_time(ct) if ct else "failed", fmt_time(wt) if wt else "-",
            fmt_time(cp), fmt_time(wp), "%.2f" % ratio if ratio else "-", status), flush=True)

    table = ["| benchmark | what | tsc CPU | tsc wall | CPython CPU | CPython wall "
             "| ratio (CPU) | status |",
             "|---|---|---:|---:|---:|---:|---:|---|"]
    for name, note, wt, ct, wp, cp, ratio, status in rows:
        table.append("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
            name, note, fmt_time(ct) if ct else "failed", fmt_time(wt) if wt else "-",
            fmt_time(cp), fmt_time(wp), "%.2f" % ratio if ratio else "-", status))
    when = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    try:
        load = "load average %.1f" % os.getloadavg()[0]
    except OSError:
        load = "load unknown"
    info = ("Measured %s on %s (%d cores, %s), %s, best of %d runs after a warm-up "
            "(startup: %d runs). CPU = user + system time of the process; wall = elapsed "
            "time, which on a loaded machine includes waiting for a core. "
            "Ratio = CPython CPU time / tsc CPU time: higher is better; target >= 0.67 "
            "(no slower than 1.5x CPython); startup target: under 10 ms." % (
                when, cpu_name(), os.cpu_count() or 1, load, pyver, a.runs, a.runs * 4))
    block = "\n".join(["<!-- BEGIN bench/run.sh -->", info, "", *table, "<!-- END bench/run.sh -->"])
    print("\n" + block)
    if not a.no_write and not a.only:
        path = os.path.join(ROOT, "BENCHMARKS.md")
        text = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
        if "<!-- BEGIN bench/run.sh -->" in text:
            text = re.sub(r"<!-- BEGIN bench/run.sh -->.*<!-- END bench/run.sh -->",
                          lambda m: block, text, flags=re.S)
        else:
            text = text + "\n" + block + "\n"
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        print("wrote BENCHMARKS.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
