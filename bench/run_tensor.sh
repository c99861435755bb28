#!/usr/bin/env bash
# run_tensor.sh — the tensor benchmarks of issue 3 (bench/tensor/*.tsc), each
# run with tsc and with Python + PyTorch in one run on this machine.  Every
# program times its own inner loop (startup and `import torch` never count)
# and prints one line "NAME <seconds per iteration>".  The two interpreters
# are interleaved (tsc, torch, tsc, torch, ...) so a burst of load from
# elsewhere hits both, and the best of N runs is kept.  Ratio = PyTorch time
# / tsc time: higher is better for tsc.  Rewrites the "## Tensor operations"
# section of BENCHMARKS.md between its marker comments (appended when
# absent; the rest of the file is left alone) unless --no-write.
# usage: bench/run_tensor.sh [--tsc PATH] [--python PATH] [--runs N]
#                            [--only SUBSTRING] [--no-write]
set -eu
cd "$(dirname "$0")/.."
exec python3 - "$@" <<'PY'
import glob, os, re, subprocess, sys, time

# name -> (target ratio, what it measures); the programs carry the same text.
TARGETS = {
    "op_add": (3.0, "`c = a + b`, 1-element float tensors (per-op overhead)"),
    "op_add_inplace": (3.0, "`a.add_(b)`, 1-element (per-op overhead)"),
    "op_exp": (3.0, "`torch.exp(a)`, 1-element (per-op overhead)"),
    "op_sum": (3.0, "`a.sum()`, 1-element (per-op overhead)"),
    "add_10m": (1.0, "`a + b`, 10M float32"),
    "mul_10m": (1.0, "`a * b`, 10M float32"),
    "exp_10m": (1.0, "`torch.exp(a)`, 10M float32"),
    "sum_10m": (1.0, "`a.sum()`, 10M float32"),
    "sgemm_1024": (0.9, "`a @ b`, 1024x1024 float32"),
    "sgemm_2048": (0.9, "`a @ b`, 2048x2048 float32"),
    "dgemm_1024": (0.9, "`a @ b`, 1024x1024 float64"),
    "dgemm_2048": (0.9, "`a @ b`, 2048x2048 float64"),
    "index_select_1m": (None, "`torch.index_select(a, 0, idx)`, 1M random indices"),
    "gather_1m": (None, "`torch.gather(a, 1, idx)`, 1000x1000"),
    "index_long_1m": (None, "`a[idx]`, 1M-element long index"),
    "index_mask_1m": (None, "`a[mask]`, 1M-element bool mask"),
    "print_1000x1000": (None, "`repr(a)`, 1000x1000 float32 (summarised)"),
}
BEGIN, END = "<!-- tensor:begin -->", "<!-- tensor:end -->"


def parse_args(argv):
    o = {"tsc": "build/tsc", "python": "/usr/bin/python3", "runs": 3,
         "write": True, "only": ""}
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("--tsc", "--python", "--only") and i + 1 < len(argv):
            o[a[2:]] = argv[i + 1]
            i += 2
        elif a == "--runs" and i + 1 < len(argv):
            o["runs"] = int(argv[i + 1])
            i += 2
        elif a == "--no-write":
            o["write"] = False
            i += 1
        else:
            sys.exit("usage: bench/run_tensor.sh [--tsc PATH] [--python PATH] "
                     "[--runs N] [--only SUBSTRING] [--no-write]")
    return o


def run_once(cmd, name):
    """Seconds per iteration printed by one run, or None when it failed."""
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    except subprocess.TimeoutExpired:
        print("  %s: timed out" % " ".join(cmd), file=sys.stderr)
        return None
    for line in p.stdout.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] == name:
            return float(parts[1])
    print("  %s failed (rc %d): %s" % (" ".join(cmd), p.returncode,
          (p.stdout + p.stderr).strip()[-300:]), file=sys.stderr)
    return None


def fmt(s):
    if s is None:
        return "failed"
    if s < 1e-3:
        return "%.2f µs" % (s * 1e6)
    if s < 1:
        return "%.2f ms" % (s * 1e3)
    return "%.3f s" % s


def torch_threads(python):
    p = subprocess.run([python, "-c", "import torch; print(torch.get_num_threads())"],
                       capture_output=True, text=True)
    return p.stdout.strip() or "?"


def measure(o):
    rows = []
    for path in sorted(glob.glob("bench/tensor/*.tsc")):
        name = os.path.basename(path)[:-4]
        if o["only"] not in name:
            continue
        best = {"tsc": None, "torch": None}
        for _ in range(o["runs"]):  # interleaved: tsc, torch, tsc, torch ...
            for who, exe in (("tsc", o["tsc"]), ("torch", o["python"])):
                t = run_once([exe, path], name)
                if t is not None and (best[who] is None or t < best[who]):
                    best[who] = t
        target, what = TARGETS.get(name, (None, "`%s`" % path))
        ratio = (best["torch"] / best["tsc"]) if best["tsc"] and best["torch"] else None
        rows.append((name, what, best["tsc"], best["torch"], ratio, target))
        print("%-18s tsc %-10s torch %-10s ratio %s" % (
            name, fmt(best["tsc"]), fmt(best["torch"]),
            "%.2f" % ratio if ratio else "-"), flush=True)
    return rows


def verdict(ratio, target):
    if target is None or ratio is None:
        return ""
    return "yes" if ratio >= target else "**no**"


def section(o, rows):
    lines = [
        BEGIN,
        "## Tensor operations",
        "",
        "`bench/run_tensor.sh` runs every `bench/tensor/*.tsc` with tsc and with",
        "Python + PyTorch (`%s`, torch.get_num_threads() = %s) on the same machine"
        % (o["python"], torch_threads(o["python"])),
        "in one run, interleaved, best of %d runs (each run is itself the best of 3"
        % o["runs"],
        "timed loops).  Times are per iteration.  Ratio = PyTorch time / tsc time:",
        "higher is better for tsc.  Measured %s on %d cores."
        % (time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), os.cpu_count() or 0),
        "Both sides multiply matrices with the same OpenBLAS (pthreads, every core),",
        "so the gemm ratios only measure noise around 1.0; on a machine shared with",
        "other jobs single runs vary by up to 2x, so compare ratios across runs.",
        "",
        "| benchmark | what | tsc | PyTorch | ratio | target | met |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for name, what, ts, tt, ratio, target in rows:
        lines.append("| %s | %s | %s | %s | %s | %s | %s |" % (
            name, what, fmt(ts), fmt(tt), "%.2f" % ratio if ratio else "-",
            ">= %.1f" % target if target else "-", verdict(ratio, target)))
    lines.append(END)
    return "\n".join(lines) + "\n"


def write(text):
    # Re-read right before writing: other sections belong to other scripts.
    with open("BENCHMARKS.md", encoding="utf-8") as f:
        doc = f.read()
    pat = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END) + "\n?", re.S)
    if pat.search(doc):
        doc = pat.sub(lambda m: text, doc, count=1)
    else:
        doc = doc.rstrip("\n") + "\n\n" + text
    with open("BENCHMARKS.md", "w", encoding="utf-8") as f:
        f.write(doc)


def main():
    o = parse_args(sys.argv[1:])
    rows = measure(o)
    if o["write"] and not o["only"]:
        write(section(o, rows))
        print("wrote the tensor section of BENCHMARKS.md")


main()
PY
