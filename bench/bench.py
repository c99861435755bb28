#!/usr/bin/env python3
"""Benchmarks tsc against CPython on the same machine in the same run.

Each benchmark is a valid Python program (bench/*.tsc) run by both
interpreters; their outputs must agree.  Times are the best (minimum) wall
time of N runs: with hyperfine when it is installed, otherwise a timing
loop here.  The ratio is CPython's time / tsc's time: higher is better.
Writes the table into BENCHMARKS.md between its BEGIN/END markers.
"""
import argparse, datetime, json, os, platform, re, shutil, subprocess, sys, tempfile, time

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


def time_hyperfine(cmd, runs):
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run(["hyperfine", "-N", "--warmup", "1", "--runs", str(runs),
                        "--export-json", out.name, "--", " ".join(cmd)],
                       cwd=ROOT, check=True, capture_output=True)
        r = json.load(open(out.name))["results"][0]
        return min(r["times"])


def time_loop(cmd, runs):
    subprocess.run(cmd, cwd=ROOT, capture_output=True)  # warm the caches
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, capture_output=True)
        best = min(best, time.perf_counter() - t0)
    return best


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
    timer = time_hyperfine if shutil.which("hyperfine") else time_loop
    pyver = subprocess.run([a.python, "--version"], capture_output=True, text=True).stdout.strip()

    rows, bad = [], 0
    for name, args, target, note in BENCHES:
        if a.only and name not in a.only:
            continue
        rc_t, out_t = output([tsc] + args)
        rc_p, out_p = output([a.python] + args)
        same = rc_t == 0 and rc_t == rc_p and out_t == out_p
        runs = a.runs * 4 if name == "startup" else a.runs
        tt = timer([tsc] + args, runs) if rc_t == 0 else None
        tp = timer([a.python] + args, runs)
        ratio = tp / tt if tt else None
        if target is None:
            ok = tt is not None and tt < 0.010
        else:
            ok = ratio is not None and ratio >= target
        status = ("ok" if ok else "below target") if same else "OUTPUT DIFFERS"
        bad += status != "ok"
        rows.append((name, note, tt, tp, ratio, status))
        print("%-9s tsc %-10s python %-10s ratio %-6s %s" % (
            name, fmt_time(tt) if tt else "failed", fmt_time(tp),
            "%.2f" % ratio if ratio else "-", status), flush=True)

    table = ["| benchmark | what | tsc | CPython | ratio (CPython/tsc) | status |",
             "|---|---|---:|---:|---:|---|"]
    for name, note, tt, tp, ratio, status in rows:
        table.append("| %s | %s | %s | %s | %s | %s |" % (
            name, note, fmt_time(tt) if tt else "failed", fmt_time(tp),
            "%.2f" % ratio if ratio else "-", status))
    when = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    info = ("Measured %s on %s (%d cores), %s, best of %d runs (%s). "
            "Ratio = CPython time / tsc time: higher is better; target >= 0.67 "
            "(no slower than 1.5x CPython)." % (
                when, cpu_name(), os.cpu_count() or 1, pyver, a.runs,
                "hyperfine" if timer is time_hyperfine else "timing loop"))
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
