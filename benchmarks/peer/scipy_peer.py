#!/usr/bin/env python3
"""Peer comparison: qpspin's stationary + S_N(0) solve against SciPy's splu (SuperLU) on the same matrix.

For each regime and target size, `./qpspin export-generator --solve` writes the exact generator L qpspin builds
(binary CSC, see org.qpspin.generator.MatrixFiles), qpspin's stationary vector, <N>, S_N(0) and its own solve
times (measured inside the JVM; --repeat K runs the solve K times so the best run is JIT-warm).  This script then
reads the same file and solves it with SuperLU:

  A = L with row k replaced by e_k^T  (k = the state nearest the mean-field point (N0, m0), from the sidecar:
                                        a choice that depends on the parameters only, not on qpspin's answer)
  p = A^{-1} e_k, normalized                       -> stationary vector
  x' = A^{-1} b' with b = -(N - <N>) p, b'_k = 0;  x = x' - (sum x') p;  S_N(0) = 2 N^T x
                                                   -> zero-frequency noise (docs/model.md convention, two-sided)

splu uses permc_spec='COLAMD' and SciPy's other defaults (partial pivoting, threshold 1.0).  Timed: factorization
+ the two triangular solves (+ the O(n) vector work), best of --repeat runs; building the pinned matrix in SciPy
is reported separately (and not counted), as qpspin's time does not count assembly either.

Fairness: both sides are timed in-process around the same work (factorization + stationary vector + S_N(0)),
assembly and file I/O excluded, best of --repeat runs (so qpspin's JIT is warm; the cold first run is shown too).
On a loaded machine wall times mostly measure the other processes, so the table also gives the ratio of CPU
times (qpspin: the whole JVM's CPU time, GC and JIT threads included, which counts against qpspin; SciPy: the
process CPU time), and qpspin's time in units of one matrix-vector product L p timed in the same JVM
(`matvecs`: how many sweeps over the matrix the solve is worth).

Checks (exit code 1 if any fails): qpspin against a reference answer (reference.py: SuperLU's answer refined by
iterative refinement with residuals in 80-bit extended precision on the exact generator, not timed):
||p_ref - p_qpspin||_inf <= 1e-10 ||p||_inf, and <N>, S_N(0) agree to 1e-10 relative.  The raw peers' own
differences from the reference (`ref err`) and from qpspin (`err p`, `err <N>`, `err S`) are reported, not checked:
their pivoted LUs are not componentwise backward stable on these matrices (SuperLU's componentwise backward error is
~1e-12 on the SR band matrix) and miss by up to ~1e-9 (docs/benchmarks.md, "Who is right at 1e-10").
Prints one table row per case with the time ratio splu / qpspin.

Other peers (--peers splu,umfpack,mumps; install them with benchmarks/peer/install-peers.sh): UMFPACK through GNU
Octave's sparse lu (umfpack_peer.m) and MUMPS through PETSc (mumps_peer.py), each reading the same generator file,
with the same formulation, timing rules and 1e-10 agreement checks; the table adds a row per peer and the ratio
against the fastest peer.

  python3 benchmarks/peer/scipy_peer.py --quick            # ~ CI-sized (seconds)
  python3 benchmarks/peer/scipy_peer.py --sizes 1e6 --band 1e-10 --peers splu,umfpack,mumps --repeat 2
  python3 benchmarks/peer/scipy_peer.py --sizes 1e4,1e5,1e6 --regimes SR,TA,weak --repeat 3
"""
import argparse
import glob
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import time

import numpy as np
import scipy
import scipy.sparse as sp
import scipy.sparse.linalg as spla

from qpspin_csc import pinned, read_csc  # shared by the peer scripts: the file reader, the pinned matrix
from reference import reference_answer, relative_errors  # the refined reference of the agreement checks

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))

# Parameter families (units of docs/model.md; only ratios matter).  Each is a function of the mean-field size N0 with
# a fixed shape m0/N0, and a rectangular truncation nMax = cN * N0, mMax = cM * N0: the shape `qpspin stationary`'s
# automatic truncation picks for tolerance 1e-10 at N0 ~ 50-100 (m must reach ~N0/2 because small clusters,
# N < (2 zeta_s)^1/2 N0, are unpolarized); the table reports the omitted flux each case actually has.
#   SR   : Gamma_t = 0, zeta_s = V/(Gamma tau_s) = 0.02            (m0/N0 = 0.02, spin relaxation limits N)
#   TA   : tau_s = inf, Gamma_t = Gamma / (25 N0)                   (m0/N0 = N0/(2 Nc) = 0.02)
#   weak : Gamma_t = 0, zeta_s = 0.3                                (m0/N0 = 0.3, weakly polarized)
REGIMES = {
    "SR": dict(model=lambda n0: ["--V", "1", "--gamma", "50", "--gamma-t", "0", "--tau-s", "1", "--N0", repr(n0)],
               cN=5.5, cM=0.53),
    "TA": dict(model=lambda n0: ["--V", "1", "--gamma", "1", "--gamma-t", repr(1.0 / (25.0 * n0)), "--tau-s", "inf",
                                 "--N0", repr(n0)],
               cN=3.5, cM=0.53),
    "weak": dict(model=lambda n0: ["--V", "1", "--gamma", "10", "--gamma-t", "0", "--tau-s", str(1 / 3.0),
                                   "--N0", repr(n0)],
                 cN=5.5, cM=3.0),
}


def rectangle_states(n_max, m_max):
    n = np.arange(n_max + 1)
    return int(np.sum(np.minimum(n // 2, m_max) + 1))


def truncation_for(regime, target):
    """N0 and (nMax, mMax) of the family whose rectangle holds about `target` states."""
    cn, cm = REGIMES[regime]["cN"], REGIMES[regime]["cM"]
    lo, hi = 1.0, 1e7
    for _ in range(100):
        mid = math.sqrt(lo * hi)
        if rectangle_states(int(math.ceil(cn * mid)), int(math.ceil(cm * mid))) < target:
            lo = mid
        else:
            hi = mid
    n0 = round(hi, 1)
    return n0, int(math.ceil(cn * n0)), int(math.ceil(cm * n0))


def level_of_states(side):
    """N of every state index, by the sidecar's index map (levels in order, m ascending within a level)."""
    n_max = side["truncation"]["nMax"]
    nn = np.arange(n_max + 1)
    if "mHigh" in side:
        widths = np.array(side["mHigh"]) - np.array(side["mLow"]) + 1
    else:
        widths = np.minimum(nn // 2, side["truncation"]["mMax"]) + 1
    return np.repeat(nn, widths).astype(float)


def export(regime, n0, n_max, m_max, band, prefix, args, solve):
    """Runs qpspin export-generator; returns the sidecar."""
    launcher = (["java", "--add-modules", "jdk.incubator.vector", *(args.java_opts or "-Xmx12g").split(), "-jar",
                 args.jar] if args.jar
                else [os.path.join(ROOT, "qpspin")])
    cmd = [*launcher, "export-generator", *REGIMES[regime]["model"](n0), "--n-max", str(n_max), "--out", prefix]
    cmd += ["--band", "--band-tol", repr(band)] if band else ["--m-max", str(m_max)]
    cmd += ["--format", "csc", "--solve", "--solver", args.solver, "--repeat", str(args.repeat)] if solve \
        else ["--format", "none"]
    env = dict(os.environ)
    if args.java_opts:
        env["QPSPIN_JAVA_OPTS"] = args.java_opts
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        raise RuntimeError("qpspin failed: " + " ".join(cmd) + "\n" + proc.stderr)
    with open(prefix + ".json") as f:
        return json.load(f)


def band_family(regime, target, args, workdir):
    """N0 whose band (nMax = cN N0, --band tol) holds about `target` states: secant on log states vs log N0."""
    cn = REGIMES[regime]["cN"]
    n0 = truncation_for(regime, target)[0]
    prefix = os.path.join(workdir, "probe")
    for _ in range(8):
        states = export(regime, n0, int(math.ceil(cn * n0)), None, args.band, prefix, args, False)["states"]
        if abs(states / target - 1.0) < 0.08:
            break
        n0 = round(n0 * (target / states) ** 0.6, 1)
    return n0, int(math.ceil(cn * n0))


def splu_solve(a, k, levels):
    """Stationary vector and S_N(0) from one COLAMD SuperLU factorization of the pinned matrix."""
    c0 = time.process_time()
    t0 = time.perf_counter()
    lu = spla.splu(a, permc_spec="COLAMD")
    t1 = time.perf_counter()
    e = np.zeros(a.shape[0])
    e[k] = 1.0
    p = lu.solve(e)
    p /= p.sum()
    mean = float(levels @ p)
    t2 = time.perf_counter()
    b = -(levels - mean) * p
    b[k] = 0.0
    x = lu.solve(b)
    x -= x.sum() * p
    noise = 2.0 * float(levels @ x)
    t3 = time.perf_counter()
    c3 = time.process_time()
    fill = lu.L.nnz + lu.U.nnz
    return p, mean, noise, dict(lu=lu, factor=t1 - t0, stationary=t2 - t0, noise=t3 - t2, total=t3 - t0, cpu=c3 - c0, fill=fill)


def external_peer(peer, k, levels, csc_path, repeat, workdir):
    """UMFPACK through GNU Octave's sparse LU (umfpack_peer.m) or MUMPS through PETSc (mumps_peer.py, under the
    system Python whose NumPy Debian's petsc4py is built against): each reads the same generator file, builds the
    pinned matrix itself (not timed) and times the same work as splu_solve, best of `repeat` runs."""
    lev_path = os.path.join(workdir, "levels.f64")
    out_path = os.path.join(workdir, peer + ".p.f64")
    levels.astype("<f8").tofile(lev_path)
    env = dict(os.environ)
    if peer == "umfpack":
        script = f"addpath('{HERE}'); umfpack_peer('{csc_path}', '{lev_path}', {k}, {repeat}, '{out_path}');"
        cmd = ["octave-cli", "--no-gui", "--norc", "--eval", script]
    else:
        dirs = sorted(glob.glob("/usr/lib/petscdir/petsc*/*-real"))
        if dirs and "PETSC_DIR" not in env:
            env["PETSC_DIR"] = dirs[-1]
        cmd = ["/usr/bin/python3", os.path.join(HERE, "mumps_peer.py"), csc_path, lev_path, str(k), str(repeat),
               out_path]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        raise RuntimeError(peer + " peer failed: " + " ".join(cmd) + "\n" + proc.stderr[-2000:])
    p = np.fromfile(out_path, "<f8")
    with open(out_path + ".txt") as f:
        mean, noise, wall, cpu, fill = f.read().split()
    for path in (lev_path, out_path, out_path + ".txt"):
        os.remove(path)
    return p, float(mean), float(noise), dict(total=float(wall), cpu=float(cpu), fill=int(float(fill)))


def machine():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = "?"
    try:
        with open("/proc/meminfo") as f:
            mem = f.readline().split(":", 1)[1].strip()
    except OSError:
        pass
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    return (f"nproc={os.cpu_count()}, cpu={cpu}, mem={mem}, {java}, python {platform.python_version()}, "
            f"numpy {np.__version__}, scipy {scipy.__version__}, load average at start {os.getloadavg()}")


def run_case(regime, target, args, workdir):
    if args.band:
        n0, n_max = band_family(regime, target, args, workdir)
        m_max = None
    else:
        n0, n_max, m_max = truncation_for(regime, target)
    prefix = os.path.join(workdir, f"{regime}-{int(target)}")
    load_before = os.getloadavg()[0]
    side = export(regime, n0, n_max, m_max, args.band, prefix, args, True)
    l = read_csc(prefix + ".csc")
    n = l.shape[0]
    levels = level_of_states(side)
    k = int(side["meanFieldState"])
    t0 = time.perf_counter()
    a = pinned(l, k)
    prep = time.perf_counter() - t0
    best = None
    runs = []
    for _ in range(args.repeat):
        p, mean, noise, t = splu_solve(a, k, levels)
        runs.append(t)
        if best is None or t["total"] < best["total"]:
            if best is not None:
                best.pop("lu")  # keep only the best run's factors (for the reference), not every run's
            best = t
        else:
            t.pop("lu")
    q = side["qpspin"]
    p_q = np.fromfile(prefix + ".p.f64", "<f8")
    err_p = float(np.max(np.abs(p - p_q)) / np.max(p_q))
    err_mean = abs(mean - q["meanN"]) / abs(q["meanN"])
    err_noise = abs(noise - q["sN0"]) / abs(q["sN0"])
    p_ref, mean_ref, noise_ref, berr = reference_answer(l, k, levels, best.pop("lu"))
    ref_errs = relative_errors(p_q, q["meanN"], q["sN0"], p_ref, mean_ref, noise_ref)
    qt = [s + w for s, w in zip(q["stationarySeconds"], q["noiseSeconds"])]
    best_cpu = min(args_cpu for args_cpu in q["cpuSeconds"])
    splu_cpu = min(t["cpu"] for t in runs)
    row = dict(regime=regime, states=n, nnz=int(l.nnz), nMax=n_max, mMax=side["truncation"]["mMax"],
               truncation=side["truncation"]["kind"], maxWidth=int(np.max(np.bincount(levels.astype(int)))), N0=n0, solver=q["solver"],
               qpspin_first=qt[0], qpspin_best=min(qt), splu_best=best["total"], splu_factor=best["factor"],
               splu_fill=best["fill"], splu_prep=prep, ratio=best["total"] / min(qt), qpspin_cpu=best_cpu,
               splu_cpu=splu_cpu, cpu_ratio=splu_cpu / best_cpu, err_p=err_p,
               err_mean=err_mean, err_noise=err_noise, omitted=q["relativeOmittedFlux"],
               matvecs=q.get("bestTotalInMatvecs", float("nan")), matvec=q.get("matvecSeconds", float("nan")),
               ref_err=max(ref_errs), ref_err_p=ref_errs[0], ref_err_mean=ref_errs[1], ref_err_noise=ref_errs[2],
               splu_ref_err=max(relative_errors(p, mean, noise, p_ref, mean_ref, noise_ref)),
               ref_backward_error=dict(stationary=berr["stationary"], noise=berr["noise"]),
               meanN=q["meanN"], noise=q["sN0"], qpspin_peak_rss=side.get("residentHighWaterBytes"),
               load=load_before)
    # the other peers, on the same file, in the same run; each must agree with qpspin like splu
    fastest = ("splu", best["total"], splu_cpu)
    for peer in args.peer_list:
        if peer == "splu":
            continue
        runs_peer = [external_peer(peer, k, levels, prefix + ".csc", args.repeat, workdir)]
        p_x = runs_peer[0][0]
        t_best = min(r[3]["total"] for r in runs_peer)
        c_best = min(r[3]["cpu"] for r in runs_peer)
        row[peer + "_best"] = t_best
        row[peer + "_cpu"] = c_best
        row[peer + "_fill"] = runs_peer[0][3]["fill"]
        row[peer + "_ref_err"] = max(relative_errors(p_x, runs_peer[0][1], runs_peer[0][2], p_ref, mean_ref, noise_ref))
        row[peer + "_err"] = max(float(np.max(np.abs(p_x - p_q)) / np.max(p_q)),
                                 abs(runs_peer[0][1] - q["meanN"]) / abs(q["meanN"]),
                                 abs(runs_peer[0][2] - q["sN0"]) / abs(q["sN0"]))
        if t_best < fastest[1]:
            fastest = (peer, t_best, c_best)
    row["fastest_peer"] = fastest[0]
    row["fastest_ratio"] = fastest[1] / min(qt)
    row["fastest_cpu_ratio"] = min(row.get(pp + "_cpu", row["splu_cpu"]) for pp in args.peer_list) / best_cpu
    for suffix in (".csc", ".p.f64"):
        if not args.keep:
            os.remove(prefix + suffix)
    return row


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1e4,1e5,1e6", help="target numbers of states (comma separated)")
    ap.add_argument("--regimes", default="SR,TA,weak", help="comma separated subset of " + ",".join(REGIMES))
    ap.add_argument("--solver", default="auto", help="qpspin solver name (default auto)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per side; the best time counts (default 3)")
    ap.add_argument("--quick", action="store_true", help="small sizes only (CI smoke run: a few seconds)")
    ap.add_argument("--java-opts", default=None, help="QPSPIN_JAVA_OPTS for the qpspin JVM")
    ap.add_argument("--band", type=float, default=None, metavar="TOL",
                    help="truncate with qpspin's mean-field band (--band --band-tol TOL) instead of the rectangle")
    ap.add_argument("--jar", default=None, help="run this qpspin.jar with java directly instead of ./qpspin")
    ap.add_argument("--keep", action="store_true", help="keep the matrix files")
    ap.add_argument("--peers", default="splu",
                    help="comma separated peers: splu (SciPy SuperLU), umfpack (GNU Octave's UMFPACK), "
                         "mumps (PETSc's MUMPS through petsc4py); default splu")
    ap.add_argument("--json", default=None, help="also write the rows to this JSON file")
    ap.add_argument("--workdir", default=None, help="where to write the matrices (default: a temp directory)")
    args = ap.parse_args()
    sizes = [2000.0, 5000.0] if args.quick else [float(s) for s in args.sizes.split(",")]
    regimes = args.regimes.split(",")
    args.peer_list = args.peers.split(",")
    for peer in args.peer_list:
        if peer not in ("splu", "umfpack", "mumps"):
            ap.error(f"unknown peer {peer!r}; choose from splu, umfpack, mumps")
    if "splu" not in args.peer_list:
        ap.error("--peers must include splu (the reference every row is checked against)")
    for r in regimes:
        if r not in REGIMES:
            ap.error(f"unknown regime {r!r}; choose from {', '.join(REGIMES)}")
    print("machine:", machine(), flush=True)
    print("truncation:", f"band --band {args.band}" if args.band else "rectangle nMax = cN N0, mMax = cM N0", flush=True)
    workdir = args.workdir or tempfile.mkdtemp(prefix="qpspin-peer-")
    rows = []
    failed = False
    header = (f"{'regime':6} {'states':>9} {'width':>5} {'nnz':>10} {'solver':>8} {'qpspin s':>9} {'(cold)':>8} {'splu s':>9} "
              f"{'ratio':>7} {'cpu rat':>7} {'matvecs':>7} {'err p':>8} {'err <N>':>8} {'err S':>8} {'omitted':>8} {'load':>5} "
              f"{'ref err':>8} {'splu ref':>8}")
    print(header, flush=True)
    for regime in regimes:
        for target in sizes:
            row = run_case(regime, target, args, workdir)
            rows.append(row)
            ok = row["ref_err"] <= 1e-10
            failed |= not ok
            print(f"{row['regime']:6} {row['states']:9d} {row['maxWidth']:5d} {row['nnz']:10d} {row['solver']:>8} "
                  f"{row['qpspin_best']:9.3f} {row['qpspin_first']:8.3f} {row['splu_best']:9.3f} "
                  f"{row['ratio']:7.1f} {row['cpu_ratio']:7.1f} {row['matvecs']:7.0f} {row['err_p']:8.1e} {row['err_mean']:8.1e} {row['err_noise']:8.1e} "
                  f"{row['omitted']:8.1e} {row['load']:5.2f} {row['ref_err']:8.1e} {row['splu_ref_err']:8.1e}"
                  f"{'' if ok else '  MISMATCH'}", flush=True)
            for pp in args.peer_list:
                if pp != "splu":
                    print(f"{'':6} {'':9} {'':5} {'':10} {pp:>8} {'':9} {'':8} {row[pp + '_best']:9.3f} "
                          f"{row[pp + '_best'] / row['qpspin_best']:7.1f} {row[pp + '_cpu'] / row['qpspin_cpu']:7.1f} "
                          f"{'':7} {row[pp + '_err']:8.1e} (vs reference {row[pp + '_ref_err']:.1e})", flush=True)
            if len(args.peer_list) > 1:
                print(f"{'':6} fastest peer {row['fastest_peer']}: wall ratio {row['fastest_ratio']:.2f}, "
                      f"CPU ratio (best peer CPU / qpspin CPU) {row['fastest_cpu_ratio']:.2f}", flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(dict(machine=machine(), rows=rows), f, indent=1)
    if len(sizes) > 1:
        for regime in regimes:
            rs = [r for r in rows if r["regime"] == regime]
            x = np.log([r["states"] for r in rs])
            for key in ("qpspin_best", "splu_best"):
                slope = np.polyfit(x, np.log([r[key] for r in rs]), 1)[0]
                print(f"exponent {regime} {key}: time ~ states^{slope:.2f}")
    print("load average at end:", os.getloadavg())
    if failed:
        print("MISMATCH: qpspin and the refined reference disagree beyond 1e-10 relative", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
