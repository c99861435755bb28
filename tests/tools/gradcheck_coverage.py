#!/usr/bin/env python3
"""gradcheck_coverage.py — fails when a differentiable op row has no gradcheck.

Reads src/runtime/torch_ops.def: every OP row whose derivative column is
D(...) or DN(...) (not NONDIFF) is differentiable; the last argument of that
column is its backward function.  Reads the gradcheck cases
(tests/cases/autograd_gradcheck/*.tsc): a row is covered when its name is
the first element of an ('name', fn) entry, or is listed on a comment line
"# covers: name1 name2 ..." (for rows reached only indirectly, such as the
internal *_backward rows through second order).  A row that is not covered
itself passes when another covered row shares its backward function (an
alias such as multiply/mul).

usage: gradcheck_coverage.py [--def FILE] [--cases DIR]... [-v]
Prints one line per uncovered row, then "N passed, N failed" (one test per
differentiable row); exit status 1 when any row is uncovered.
"""
import argparse
import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ROW = re.compile(r'^OP\((\w+),')
# the derivative column closes the row: D("Name", save, fn) / DN(namefn, save, fn)
DERIV = re.compile(r'\bDN?\(([^()]*)\)\)\s*$')
# ('name', lambda ...) / ('name', fn) / ('name', make(...)): not a call like x.to('cpu', d)
ENTRY = re.compile(r"""\(\s*['"](\w+)['"]\s*,\s*(?:lambda\b|[A-Za-z_]\w*\s*[(),\]])""")
COVERS = re.compile(r'^\s*#\s*covers:(.*)$', re.M)


def diff_rows(path):
    """[(name, backward function)] of the differentiable rows of the op table."""
    rows = []
    with open(path) as f:
        for line in f:
            m = ROW.match(line)
            if not m:
                continue
            d = DERIV.search(line)
            if d:
                rows.append((m.group(1), d.group(1).split(',')[-1].strip()))
            elif 'NONDIFF' not in line:
                sys.exit('%s: row %s: derivative column not understood' % (path, m.group(1)))
    return rows


def covered_names(dirs):
    names = set()
    for d in dirs:
        for p in sorted(glob.glob(os.path.join(d, '*.tsc'))):
            with open(p) as f:
                text = f.read()
            names.update(ENTRY.findall(text))
            for c in COVERS.findall(text):
                names.update(c.split())
    return names


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--def', dest='deffile', default=os.path.join(ROOT, 'src/runtime/torch_ops.def'))
    ap.add_argument('--cases', action='append')
    ap.add_argument('-v', action='store_true', help='also list how each row is covered')
    a = ap.parse_args()
    dirs = a.cases or [os.path.join(ROOT, 'tests/cases/autograd_gradcheck')]
    rows = diff_rows(a.deffile)
    names = covered_names(dirs)
    by_fn = {}
    for n, fn in rows:
        if n in names:
            by_fn.setdefault(fn, n)
    passed = failed = 0
    for n, fn in rows:
        if n in names:
            how = 'gradchecked'
        elif fn in by_fn:
            how = 'alias of %s (%s)' % (by_fn[fn], fn)
        else:
            failed += 1
            print('FAIL %s: differentiable (%s) but no gradcheck case names it' % (n, fn))
            continue
        passed += 1
        if a.v:
            print('ok   %s: %s' % (n, how))
    if failed:
        print('  add an (\'%s\', fn) entry to a gradcheck case in %s, or "# covers: NAME"'
              % ('NAME', ' '.join(os.path.relpath(d, ROOT) for d in dirs)))
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
