#!/usr/bin/env python3
"""Load-independent costs of the peers on the tight band matrices of issue 17: factor entries and flops.

For each family (SR, TA, weak; the N0 and nMax of scipy_peer.py's 2026-12-07 `--sizes 1e6 --band 1e-10` run, or
found again with its secant search under --search), qpspin export-generator writes the generator (the code path of
scipy_peer.py: `export`), then on the same pinned-row matrix A (qpspin_csc.pinned):

  splu    : SciPy's SuperLU (permc_spec='COLAMD', as scipy_peer.py): nnz(L) + nnz(U), and the flops of the
            elimination it did, counted from its factors: sum_k 2 |L(k+1:n, k)| |U(k, k+1:n)| + |L(k+1:n, k)|
            (right-looking count of multiply-adds and divisions; SuperLU's supernodal padding not counted);
  umfpack : GNU Octave's [L, U, P, Q, R] = lu(A) (UMFPACK): nnz(L) + nnz(U) and the same flop count from L, U;
  mumps   : MUMPS through petsc4py (PETSc's defaults, as mumps_peer.py), and with each ordering ICNTL(7) in
            --mumps-orderings: INFOG(7) (ordering used), RINFOG(1) (estimated flops of the elimination), RINFOG(3)
            (flops actually done), INFOG(3) (estimated real entries in the factors), INFOG(9) (actual real entries),
            wall and CPU seconds of set-up (analysis + factorization).

Run it through /work/bin/qbuild --run (each peer is a separate process of at most a few GB):
  python3 benchmarks/peer/peer_costs.py --jar qpspin-cli/target/qpspin.jar --json peer-costs.json
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from qpspin_csc import pinned, read_csc  # noqa: E402

# N0 and nMax of the band run in results-2026-12-07-band-1e6.json (974 787, 1 014 507 and 1 075 896 states)
FAMILIES = {"SR": (1797.1, 9885), "TA": (2323.1, 8131), "weak": (553.1, 3043)}

MUMPS_SCRIPT = r'''
import sys, time, json
import numpy as np
sys.path.insert(0, sys.argv[1])
from qpspin_csc import pinned, read_csc
from petsc4py import PETSc
csc, k, orderings = sys.argv[2], int(sys.argv[3]), [int(x) for x in sys.argv[4].split(",")]
a = pinned(read_csc(csc), k).tocsr()
mat = PETSc.Mat().createAIJ(size=a.shape, csr=(a.indptr.astype(PETSc.IntType), a.indices.astype(PETSc.IntType),
                                               a.data), comm=PETSc.COMM_SELF)
mat.assemble()
out = []
for ordering in orderings:
    opts = PETSc.Options()
    if ordering >= 0:
        opts["mat_mumps_icntl_7"] = ordering
    else:
        opts.delValue("mat_mumps_icntl_7")
    c0 = time.process_time(); t0 = time.perf_counter()
    ksp = PETSc.KSP().create(comm=PETSc.COMM_SELF)
    ksp.setOperators(mat)
    ksp.setType("preonly")
    pc = ksp.getPC()
    pc.setType("lu")
    pc.setFactorSolverType("mumps")
    pc.setFromOptions()
    ksp.setUp()
    wall = time.perf_counter() - t0; cpu = time.process_time() - c0
    f = pc.getFactorMatrix()
    out.append(dict(icntl7=ordering, ordering=f.getMumpsInfog(7), est_flops=f.getMumpsRinfog(1),
                    flops=f.getMumpsRinfog(3), est_entries=f.getMumpsInfog(3), entries=f.getMumpsInfog(9),
                    setup_wall=wall, setup_cpu=cpu))
    ksp.destroy()
print(json.dumps(out))
'''

OCTAVE_SCRIPT = r'''
addpath('{here}');
f = fopen('{csc}', 'r', 'ieee-le'); fread(f, 8, 'char=>char'); dims = fread(f, 3, 'int64');
n = dims(1); nz = dims(3); colptr = fread(f, n + 1, 'int32'); rowidx = fread(f, nz, 'int32');
off = 32 + 4 * (n + 1) + 4 * nz; if mod(off, 8) ~= 0, fread(f, mod(off, 8), 'uint8'); end
vals = fread(f, nz, 'float64'); fclose(f);
cols = repelem((1:n)', diff(colptr)); rows = rowidx + 1; kk = {k} + 1; keep = rows ~= kk;
A = sparse([rows(keep); kk], [cols(keep); kk], [vals(keep); 1.0], n, n);
clear cols rows vals keep rowidx colptr;
t0 = tic; c0 = cputime;
[L, U, P, Q, R] = lu(A);
wall = toc(t0); cpu = cputime - c0;
lc = full(sum(spones(L), 1))' - 1; ur = full(sum(spones(U), 2)) - 1;
flops = sum(2 * lc .* ur + lc);
printf('%d %d %.17g %.17g %.17g\n', nnz(L), nnz(U), flops, wall, cpu);
'''


def lu_flops(l_csc, u_csr):
    """sum_k 2 |L(k+1:n,k)| |U(k,k+1:n)| + |L(k+1:n,k)| from the factors (diagonals stored in both)."""
    lc = np.diff(l_csc.indptr) - 1
    ur = np.diff(u_csr.indptr) - 1
    return float(np.sum(2.0 * lc.astype(float) * ur + lc))


def export(jar, family, prefix, java_opts):
    n0, n_max = FAMILIES[family]
    import scipy_peer
    model = scipy_peer.REGIMES[family]["model"](n0)
    cmd = ["java", "--add-modules", "jdk.incubator.vector", *java_opts.split(), "-jar", jar, "export-generator",
           *model, "--n-max", str(n_max), "--out", prefix, "--band", "--band-tol", "1e-10", "--format", "csc"]
    subprocess.run(cmd, check=True, capture_output=True, text=True)
    with open(prefix + ".json") as f:
        return json.load(f)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jar", required=True, help="qpspin-cli/target/qpspin.jar")
    ap.add_argument("--families", default="SR,TA,weak")
    ap.add_argument("--peers", default="splu,umfpack,mumps")
    ap.add_argument("--mumps-orderings", default="-1,0,2,3,4,5",
                    help="ICNTL(7) values, -1 = PETSc's default (default: default, AMD, AMF, SCOTCH, PORD, METIS)")
    ap.add_argument("--java-opts", default="-Xmx6g")
    ap.add_argument("--json", default=None)
    ap.add_argument("--workdir", default=None)
    args = ap.parse_args()
    workdir = args.workdir or tempfile.mkdtemp(prefix="qpspin-costs-")
    rows = []
    for family in args.families.split(","):
        prefix = os.path.join(workdir, family)
        side = export(args.jar, family, prefix, args.java_opts)
        k = int(side["meanFieldState"])
        row = dict(family=family, states=side["states"], nnz=side["nonZeros"], load=os.getloadavg()[0])
        peers = args.peers.split(",")
        if "splu" in peers:
            import scipy.sparse.linalg as spla
            a = pinned(read_csc(prefix + ".csc"), k)
            c0 = time.process_time()
            t0 = time.perf_counter()
            lu = spla.splu(a, permc_spec="COLAMD")
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            row["splu"] = dict(L=int(lu.L.nnz), U=int(lu.U.nnz), entries=int(lu.L.nnz + lu.U.nnz),
                               flops=lu_flops(lu.L.tocsc(), lu.U.tocsr()), factor_wall=wall, factor_cpu=cpu)
            del lu, a
            print(family, "splu", row["splu"], flush=True)
        if "umfpack" in peers:
            script = OCTAVE_SCRIPT.format(here=HERE, csc=prefix + ".csc", k=k)
            proc = subprocess.run(["octave-cli", "--no-gui", "--norc", "--eval", script], capture_output=True,
                                  text=True, check=True)
            nl, nu, flops, wall, cpu = proc.stdout.split()[-5:]
            row["umfpack"] = dict(L=int(nl), U=int(nu), entries=int(nl) + int(nu), flops=float(flops),
                                  factor_wall=float(wall), factor_cpu=float(cpu))
            print(family, "umfpack", row["umfpack"], flush=True)
        if "mumps" in peers:
            env = dict(os.environ)
            dirs = sorted(glob.glob("/usr/lib/petscdir/petsc*/*-real"))
            if dirs and "PETSC_DIR" not in env:
                env["PETSC_DIR"] = dirs[-1]
            proc = subprocess.run(["/usr/bin/python3", "-c", MUMPS_SCRIPT, HERE, prefix + ".csc", str(k),
                                   args.mumps_orderings], capture_output=True, text=True, env=env)
            if proc.returncode != 0:
                raise RuntimeError(proc.stderr[-2000:])
            row["mumps"] = json.loads(proc.stdout.strip().splitlines()[-1])
            for r in row["mumps"]:
                print(family, "mumps", r, flush=True)
        os.remove(prefix + ".csc")
        rows.append(row)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(dict(load_end=os.getloadavg(), rows=rows), f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
