#!/usr/bin/env python3
"""fuzz_load.py — mutation fuzzer for torch.load (tests/files).

usage: fuzz_load.py SEED.pt N TSC
Writes N mutated copies of SEED.pt (truncations, random bytes, bytes
inserted, the pickle area hit hard), runs `torch.load` on each under TSC
(ideally the ASan+UBSan build, build-san/tsc) inside try/except, and
reports every run that exits non-zero or prints a sanitizer report: a
corrupt file must raise a Python exception, never crash.  Exit status 1
when any run failed."""
import os
import random
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
seed_file = sys.argv[1]; n = int(sys.argv[2]); tsc = sys.argv[3]
data = open(seed_file, 'rb').read()
WORK = tempfile.mkdtemp(prefix='tsc-fuzz-load.')
def one(i):
    r = random.Random(i)
    d = bytearray(data)
    mode = r.randrange(4)
    if mode == 0:
        d = d[:r.randrange(len(d))]
    elif mode == 1:
        for _ in range(r.randint(1, 10)):
            d[r.randrange(len(d))] = r.randrange(256)
    elif mode == 2:  # hit the pickle (first 400 bytes) hard
        for _ in range(r.randint(1, 4)):
            d[r.randrange(64, min(400, len(d)))] = r.randrange(256)
    else:
        p = r.randrange(len(d)); d[p:p] = bytes(r.randrange(256) for _ in range(r.randint(1, 20)))
    fn = os.path.join(WORK, f'{i}.pt')
    open(fn, 'wb').write(d)
    src = f"import torch\ntry:\n    x = torch.load('{fn}')\n    print(type(x).__name__)\nexcept Exception as e:\n    print(type(e).__name__, e)\n"
    open(fn + '.tsc', 'w').write(src)
    p = subprocess.run([tsc, fn + '.tsc'], capture_output=True, text=True, errors='replace', timeout=60)
    bad = p.returncode != 0 or 'Sanitizer' in p.stderr or 'runtime error' in p.stderr
    if bad:
        return f'{i}: rc={p.returncode} {p.stderr[-600:]}'
    os.remove(fn); os.remove(fn + '.tsc')
    return None

with ThreadPoolExecutor(16) as ex:
    res = [x for x in ex.map(one, range(n)) if x]
print(len(res), 'failures')
for x in res[:5]:
    print(x)
sys.exit(1 if res else 0)
