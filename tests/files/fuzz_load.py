import random, subprocess, sys, os
from concurrent.futures import ThreadPoolExecutor
seed_file = sys.argv[1]; n = int(sys.argv[2]); tsc = sys.argv[3]
data = open(seed_file, 'rb').read()
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
    fn = f'/tmp/bindb/fz/{i}.pt'
    open(fn, 'wb').write(d)
    src = f"import torch\ntry:\n    x = torch.load('{fn}')\n    print(type(x).__name__)\nexcept Exception as e:\n    print(type(e).__name__, e)\n"
    open(fn + '.tsc', 'w').write(src)
    p = subprocess.run([tsc, fn + '.tsc'], capture_output=True, text=True, errors='replace', timeout=60)
    bad = p.returncode != 0 or 'Sanitizer' in p.stderr or 'runtime error' in p.stderr
    if bad:
        return f'{i}: rc={p.returncode} {p.stderr[-600:]}'
    os.remove(fn); os.remove(fn + '.tsc')
    return None
os.makedirs('/tmp/bindb/fz', exist_ok=True)
with ThreadPoolExecutor(16) as ex:
    res = [x for x in ex.map(one, range(n)) if x]
print(len(res), 'failures')
for x in res[:5]: print(x)
