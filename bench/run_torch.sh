#!/usr/bin/env bash
# run_torch.sh — the torch benchmarks of issue 4 (bench/nn_*.tsc), each run
# with tsc and with Python + PyTorch side by side in one run on this
# machine.  Every script times its own inner loop (so neither startup nor
# `import torch` counts) and prints a checksum plus "TIME <seconds>"; the
# checksums must agree.  Writes its section of BENCHMARKS.md (between the
# run_torch.sh markers, appended when absent) unless --no-write.
# usage: bench/run_torch.sh [--tsc PATH] [--python PATH] [--runs N] [--no-write]
set -eu
cd "$(dirname "$0")/.."
exec python3 - "$@" <<'PY'
import os, re, subprocess, sys

BENCHES = [
    ("linreg step", "bench/nn_linreg_step.tsc", 3.0,
     "seed 003's linear-regression training step (batch 32, MSELoss, SGD)"),
    ("backward chain", "bench/nn_backward_chain.tsc", 3.0,
     "backward() through a 100-op chain of 16-element tensors"),
    ("MLP step", "bench/nn_mlp_step.tsc", 1.0,
     "784-256-10 MLP training step, batch 64 (cross entropy, SGD)"),
]

def parse_args(argv):
    opts = {"tsc": "build/tsc", "python": "/usr/bin/python3", "runs": 3, "write": True}
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("--tsc", "--python", "--runs"):
            opts[a[2:]] = argv[i + 1] if a != "--runs" else int(argv[i + 1])
            i += 2
        elif a == "--no-write":
            opts["write"] = False
            i += 1
        else:
            sys.exit("usage: bench/run_torch.sh [--tsc PATH] [--python PATH] [--runs N] [--no-write]")
    return opts

def run(cmd):
    """(checksum lines, seconds per step) of one run; the best of the runs is kept."""
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if p.returncode != 0:
        raise RuntimeError(" ".join(cmd) + " failed:\n" + p.stdout + p.stderr)
    lines = p.stdout.splitlines()
    times = [float(l.split()[1]) for l in lines if l.startswith("TIME ")]
    return [l for l in lines if not l.startswith("TIME ")], times[0]

def fmt(s):
    return "%.1f µs" % (s * 1e6) if s < 1e-3 else "%.2f ms" % (s * 1e3)

def main():
    o = parse_args(sys.argv[1:])
    rows = []
    for name, path, target, note in BENCHES:
        best = {}
        out = {}
        for who, cmd in (("tsc", [o["tsc"], path]), ("torch", [o["python"], path])):
            for _ in range(o["runs"]):
                lines, t = run(cmd)
                out[who] = lines
                best[who] = min(best.get(who, t), t)
        same = out["tsc"] == out["torch"]
        ratio = best["torch"] / best["tsc"]
        ok = same and ratio >= target
        rows.append("| %s | %s | %s | %.2fx | %.0fx | %s |" % (
            name, fmt(best["tsc"]), fmt(best["torch"]), ratio, target,
            "ok" if ok else ("OUTPUT DIFFERS" if not same else "below target")))
        print(rows[-1])
    load = "Last run: %d cores, load average %.1f (timings are noisy on a busy machine)." % (
        os.cpu_count() or 1, os.getloadavg()[0])
    table = [load, "", "| benchmark | tsc | PyTorch | ratio | target | |",
             "|---|---|---|---|---|---|"] + rows
    if o["write"]:
        write(table)

def write(table):
    path = "BENCHMARKS.md"
    begin, end = "<!-- BEGIN bench/run_torch.sh -->", "<!-- END bench/run_torch.sh -->"
    text = open(path).read() if os.path.exists(path) else "# Benchmarks\n"
    body = begin + "\n" + "\n".join(table) + "\n" + end
    if begin in text and end in text:
        text = re.sub(re.escape(begin) + ".*?" + re.escape(end), lambda m: body, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n" + SECTION + "\n" + body + "\n"
    open(path, "w").write(text)

SECTION = """## torch benchmarks (issue 4)

`bench/run_torch.sh` runs each `bench/nn_*.tsc` with `tsc` and with
`/usr/bin/python3` + PyTorch in one run on the same machine (best of 3).
Each script times its own inner loop, so neither startup nor `import
torch` counts, and both must print the same checksum. Ratio = PyTorch time
/ tsc time: higher is better.

| benchmark | program |
|---|---|
| linreg step | `bench/nn_linreg_step.tsc`: seed 003's training step (batch 32, MSELoss, SGD) |
| backward chain | `bench/nn_backward_chain.tsc`: backward() through a 100-op chain of small tensors |
| MLP step | `bench/nn_mlp_step.tsc`: 784-256-10 MLP, batch 64, cross entropy, SGD |
"""

main()
PY
