#!/usr/bin/env python3
"""Peer check of qpspin's dynamics (`qpspin transient`, `qpspin first-passage`) against SciPy on the same matrix.

For each case, `./qpspin export-generator --n-max N --m-max M` writes the generator L qpspin builds (binary CSC,
reflecting truncation, see org.qpspin.generator.MatrixFiles); SciPy then computes, independently of qpspin's
kernel (uniformization / Al-Mohy-Higham in Java):

  transient:      p(t) = scipy.sparse.linalg.expm_multiply(L, p0, times)   (Al-Mohy & Higham 2011, SciPy's own)
                  -> <N>(t), Var N(t), <m>(t), compared with `qpspin transient --n-max N --m-max M --times ... --json`
                  (qpspin keeps the mass that leaves the truncation in sinks, SciPy reflects it: the two differ by
                  O(lost mass x nMax), and qpspin reports the lost mass, which must be tiny for the comparison)
  first passage:  target N >= K with the export at nMax = K (every transition out of N < K stays in the file):
                  M = -(L restricted to N < K)^T, h = spsolve(M, 1)   -> E[tau] from (0, 0)
                  A = L with the target columns zeroed (absorbing), expm_multiply -> P(tau <= t) = target mass
                  compared with `qpspin first-passage --target 'N>=K' --json`

Check (exit code 1 if any fails): relative difference <= 1e-8 for every compared number.

  python3 benchmarks/peer/expm_peer.py            # a few seconds to a minute
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import scipy
import scipy.sparse as sp
import scipy.sparse.linalg as spla

from qpspin_csc import read_csc  # the generator file reader shared by the peer scripts

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
QPSPIN = os.path.join(ROOT, "qpspin")
TOL = 1e-8

CASES = [
    # name, model options, nMax, mMax, times (s)
    ("small SR/TA mix", "--A 40 --V 1 --gamma 10 --gamma-t 0.5 --tau-s 0.4", 70, 14, [0.003, 0.03, 0.3, 3.0]),
    ("aluminium N0=30", "--preset aluminium --V 0.001 --N0 30", 105, 16, [2e-5, 2e-4, 1e-3]),
]
PASSAGES = [
    # name, model options, K (target N >= K), times (s)
    ("small, N>=12", "--A 40 --V 1 --gamma 10 --gamma-t 0.5 --tau-s 0.4", 12, [0.01, 0.1, 1.0]),
    ("aluminium N0=30, N>=30", "--preset aluminium --V 0.001 --N0 30", 30, [1e-3, 3e-3, 1e-2]),
]


def run(args):
    env = dict(os.environ)
    env.setdefault("QPSPIN_JAVA_OPTS", "-Xmx2g -Xss16m")
    r = subprocess.run([QPSPIN] + args, capture_output=True, text=True, env=env, cwd=ROOT)
    if r.returncode != 0:
        sys.exit("qpspin " + " ".join(args) + " failed: " + r.stderr.strip())
    return r.stdout


def states(n_max, m_max):
    """(N, m) of every state of the rectangle, in qpspin's index order."""
    ns, ms = [], []
    for n in range(n_max + 1):
        for m in range(min(n // 2, m_max) + 1):
            ns.append(n)
            ms.append(m)
    return np.array(ns, float), np.array(ms, float)


def export(model, n_max, m_max, tmp):
    prefix = os.path.join(tmp, "L%d_%d" % (n_max, m_max))
    run(["export-generator"] + model.split() + ["--n-max", str(n_max), "--m-max", str(m_max), "--out", prefix,
                                                 "--format", "csc"])
    return read_csc(prefix + ".csc")


def rel(a, b):
    return abs(a - b) / max(abs(b), 1e-300)


def main():
    worst = 0.0
    failed = False
    print("SciPy %s, NumPy %s" % (scipy.__version__, np.__version__))
    with tempfile.TemporaryDirectory() as tmp:
        for name, model, n_max, m_max, times in CASES:
            l = export(model, n_max, m_max, tmp)
            n, m = states(n_max, m_max)
            p0 = np.zeros(l.shape[0])
            p0[0] = 1.0
            ps = np.array([spla.expm_multiply(l * t, p0) for t in times])
            q = json.loads(run(["transient"] + model.split() + ["--n-max", str(n_max), "--m-max", str(m_max),
                                                               "--times", ",".join(repr(t) for t in times),
                                                               "--json", "-q"]))
            for i, t in enumerate(times):
                p = ps[i]
                mass = p.sum()
                mean_n = n @ p / mass
                var_n = ((n - mean_n) ** 2) @ p / mass
                mean_m = m @ p / mass
                d = max(rel(q["meanN"][i], mean_n), rel(q["varN"][i], var_n), rel(q["meanM"][i], mean_m))
                worst = max(worst, d)
                ok = d <= TOL
                failed |= not ok
                print("transient  %-22s t=%-8.3g <N> %.12g (SciPy %.12g)  max rel diff %.1e  lost %.1e  %s"
                      % (name, t, q["meanN"][i], mean_n, d, q["lostMass"][i], "ok" if ok else "FAIL"))
        for name, model, k, times in PASSAGES:
            l = export(model, k, k // 2, tmp)
            n, m = states(k, k // 2)
            inside = np.where(n < k)[0]
            lkk = l[inside][:, inside]
            h = spla.spsolve((-lkk.T).tocsc(), np.ones(len(inside)))
            a = l.tolil()
            for j in np.where(n >= k)[0]:
                a[:, j] = 0.0
            a = a.tocsc()
            p0 = np.zeros(l.shape[0])
            p0[0] = 1.0
            cdf = [float(spla.expm_multiply(a * t, p0)[n >= k].sum()) for t in times]
            q = json.loads(run(["first-passage"] + model.split() + ["--target", "N>=%d" % k, "--start", "0,0",
                                                                   "--times", ",".join(repr(t) for t in times),
                                                                   "--json", "-q"]))
            d = rel(q["meanTime"], h[0])
            worst = max(worst, d)
            ok = d <= TOL
            failed |= not ok
            print("passage    %-22s E[tau] %.12g s (SciPy %.12g)  rel diff %.1e  %s"
                  % (name, q["meanTime"], h[0], d, "ok" if ok else "FAIL"))
            for i, t in enumerate(times):
                dc = abs(q["cdf"][i] - cdf[i])
                worst = max(worst, dc)
                ok = dc <= TOL
                failed |= not ok
                print("passage    %-22s t=%-8.3g P(tau<=t) %.12f (SciPy %.12f)  abs diff %.1e  %s"
                      % (name, t, q["cdf"][i], cdf[i], dc, "ok" if ok else "FAIL"))
    print("worst difference %.1e (tolerance %.0e)" % (worst, TOL))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
