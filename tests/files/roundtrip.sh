#!/usr/bin/env bash
# roundtrip.sh — torch.save / torch.load against real PyTorch.
#
#   tests/files/roundtrip.sh [TSC]      (default build/tsc)
#
# 1. tsc saves objects; real PyTorch loads them with weights_only=True and
#    prints them; the text must equal what tsc prints for the same objects.
# 2. real PyTorch saves; tsc loads and prints; same comparison.
# 3. byte identity: tsc's file equals torch.save's file for the same tensors.
# 4. truncated and corrupted files: tsc raises RuntimeError (exit 1), never
#    crashes (exit status >= 128).
# Skips cleanly (prints "0 passed, 0 failed, N skipped") when /usr/bin/python3
# has no torch.  Last line: "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
TSC=${1:-build/tsc}
PY=/usr/bin/python3
TMP=$(mktemp -d "${TMPDIR:-/tmp}/tsc-files.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/tsc" "$TMP/py"
pass=0; fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }

if ! "$PY" -c 'import torch' >/dev/null 2>&1; then
    echo "no torch in $PY: skipping"
    echo "0 passed, 0 failed, 4 skipped"
    exit 0
fi

# The objects, written once as a program both interpreters run.
cat >"$TMP/objs.py" <<'PYEOF'
import torch
from collections import OrderedDict
base = torch.arange(8.)
od = OrderedDict()
od['weight'] = torch.ones(2, 2)
od['bias'] = torch.zeros(2)
objs = {
    'ordered': od,
    'float': torch.tensor([1.5, 2.5, -3.0]),
    'long2d': torch.arange(6).view(2, 3),
    'double': torch.tensor([[1.5, -2.0]], dtype=torch.float64),
    'bool': torch.tensor([True, False]),
    'int32': torch.tensor([1, -2, 3], dtype=torch.int32),
    'uint8': torch.tensor([0, 255], dtype=torch.uint8),
    'int8': torch.tensor([-128, 127], dtype=torch.int8),
    'int16': torch.tensor([300], dtype=torch.int16),
    'half': torch.tensor([0.5, 1.0], dtype=torch.float16),
    'zero_dim': torch.tensor(3.25),
    'empty': torch.zeros(0, 3),
    'views': [base, base[2:5], base.view(2, 4).t()],
    'nested': {'a': [torch.ones(2), (torch.zeros(1), 3)], 'b': None, 'c': 'text', 'd': True, 'e': -7},
    'big': torch.arange(300 * 2).view(300, 2),
}
def show(o):
    for k in sorted(o):
        v = o[k]
        print(k, v)
        if isinstance(v, torch.Tensor):
            print(' ', v.dtype, tuple(v.shape), v.stride(), v.storage_offset())
PYEOF

# 1. tsc writes, PyTorch reads
{ cat "$TMP/objs.py"; cat <<PYEOF
for k in objs:
    torch.save(objs[k], '$TMP/tsc/' + k + '.pt')
torch.save(objs, '$TMP/tsc/all.pt')
show(objs)
PYEOF
} >"$TMP/w.tsc"
"$TSC" "$TMP/w.tsc" >"$TMP/w_tsc.txt" 2>"$TMP/w_tsc.err" || bad "tsc save script: $(tail -1 "$TMP/w_tsc.err")"
{ cat "$TMP/objs.py"; cat <<PYEOF
r = {k: torch.load('$TMP/tsc/' + k + '.pt', weights_only=True) for k in objs}
show(r)
a = torch.load('$TMP/tsc/all.pt', weights_only=True)
show(a)
PYEOF
} >"$TMP/r.py"
"$PY" "$TMP/r.py" >"$TMP/r_py.txt" 2>"$TMP/r_py.err" || bad "torch.load of tsc files: $(tail -1 "$TMP/r_py.err")"
if cat "$TMP/w_tsc.txt" "$TMP/w_tsc.txt" | cmp -s - "$TMP/r_py.txt"; then ok; else bad "PyTorch reads tsc files differently"; diff <(cat "$TMP/w_tsc.txt" "$TMP/w_tsc.txt") "$TMP/r_py.txt" | head -10; fi

# 2. PyTorch writes, tsc reads
{ cat "$TMP/objs.py"; cat <<PYEOF
torch.save(objs, '$TMP/p_all.pt')
show(objs)
PYEOF
} >"$TMP/pw.py"
"$PY" "$TMP/pw.py" >"$TMP/pw_py.txt" 2>/dev/null
{ cat "$TMP/objs.py"; echo "show(torch.load('$TMP/p_all.pt'))"; } >"$TMP/pr.tsc"
"$TSC" "$TMP/pr.tsc" >"$TMP/pr_tsc.txt" 2>"$TMP/pr_tsc.err"
if cmp -s "$TMP/pw_py.txt" "$TMP/pr_tsc.txt"; then ok; else bad "tsc reads PyTorch files differently: $(tail -1 "$TMP/pr_tsc.err")"; diff "$TMP/pw_py.txt" "$TMP/pr_tsc.txt" | head -10; fi

# 3. byte identity with torch.save (single tensors, dict, views)
{ cat "$TMP/objs.py"; cat <<PYEOF
for k in objs:
    torch.save(objs[k], '$TMP/py/' + k + '.pt')
PYEOF
} >"$TMP/pb.py"
"$PY" "$TMP/pb.py" 2>/dev/null
same=1
for f in "$TMP"/py/*.pt; do
    k=$(basename "$f")
    cmp -s "$f" "$TMP/tsc/$k" || { same=0; echo "bytes differ: $k"; }
done
[ $same = 1 ] && ok || bad "tsc files differ from torch.save's"

# 4. truncated / corrupted files never crash
crash=0
n=$(wc -c <"$TMP/tsc/all.pt")
for cut in 0 3 10 64 200 $((n / 2)) $((n - 30)) $((n - 1)); do
    head -c "$cut" "$TMP/tsc/all.pt" >"$TMP/cut.pt"
    echo "import torch
torch.load('$TMP/cut.pt')" >"$TMP/cut.tsc"
    "$TSC" "$TMP/cut.tsc" >/dev/null 2>&1; rc=$?
    [ $rc -ge 2 ] && { crash=1; echo "truncated at $cut: exit $rc"; }
done
for seed in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do
    "$PY" - "$TMP/tsc/all.pt" "$TMP/bad.pt" "$seed" <<'PYEOF'
import random, sys
d = bytearray(open(sys.argv[1], 'rb').read())
r = random.Random(int(sys.argv[3]))
for _ in range(r.randint(1, 8)):
    d[r.randrange(len(d))] = r.randrange(256)
open(sys.argv[2], 'wb').write(d)
PYEOF
    echo "import torch
try:
    torch.load('$TMP/bad.pt')
except Exception as e:
    pass" >"$TMP/bad.tsc"
    "$TSC" "$TMP/bad.tsc" >/dev/null 2>&1; rc=$?
    [ $rc -ne 0 ] && { crash=1; echo "corrupted (seed $seed): exit $rc"; }
done
[ $crash = 0 ] && ok || bad "corrupt files crashed tsc"

echo "$pass passed, $fail failed"
[ $fail = 0 ]
