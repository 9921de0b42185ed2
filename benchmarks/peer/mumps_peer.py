#!/usr/bin/env python3
"""MUMPS peer (through PETSc's petsc4py): stationary vector and S_N(0) of a qpspin generator file, called by
scipy_peer.py --peers ... mumps.  Same formulation as the SciPy peer (scipy_peer.py's docstring):
  A = L with row k replaced by e_k^T, p = A^{-1} e_k normalized, x' = A^{-1} b' with b = -(N - <N>) p, b'_k = 0,
  x = x' - (sum x') p, S_N(0) = 2 N^T x.
Timed: KSP preonly + PC lu with factor solver MUMPS (PETSc's and MUMPS's default ordering), set-up (analysis +
factorization) + the two solves + O(n) vector work, best of --repeat runs; reading the file and building the PETSc
matrix are not timed.

Debian's python3-petsc4py is built against Debian's NumPy, so this script runs under the system Python
(/usr/bin/python3 with PETSC_DIR set; scipy_peer.py does that), not necessarily the Python that runs scipy_peer.py.

  mumps_peer.py CSC_FILE LEVELS_FILE K REPEAT OUT_FILE
writes p (float64) to OUT_FILE and "meanN sN0 best_wall best_cpu fill" to OUT_FILE.txt.
"""
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qpspin_csc import pinned, read_csc  # noqa: E402


def main():
    csc_file, levels_file, k, repeat, out_file = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    from petsc4py import PETSc
    a = pinned(read_csc(csc_file), k).tocsr()  # PETSc's AIJ matrices are CSR
    levels = np.fromfile(levels_file, "<f8")
    n = a.shape[0]
    mat = PETSc.Mat().createAIJ(size=a.shape, csr=(a.indptr.astype(PETSc.IntType), a.indices.astype(PETSc.IntType),
                                                   a.data), comm=PETSc.COMM_SELF)
    mat.assemble()
    rhs, sol = mat.createVecs()
    best = None
    for _ in range(repeat):
        c0 = time.process_time()
        t0 = time.perf_counter()
        ksp = PETSc.KSP().create(comm=PETSc.COMM_SELF)
        ksp.setOperators(mat)
        ksp.setType("preonly")
        pc = ksp.getPC()
        pc.setType("lu")
        pc.setFactorSolverType("mumps")
        ksp.setUp()
        e = np.zeros(n)
        e[k] = 1.0
        rhs.setArray(e)
        ksp.solve(rhs, sol)
        p = sol.getArray().copy()
        p /= p.sum()
        mean = float(levels @ p)
        b = -(levels - mean) * p
        b[k] = 0.0
        rhs.setArray(b)
        ksp.solve(rhs, sol)
        x = sol.getArray().copy()
        x -= x.sum() * p
        noise = 2.0 * float(levels @ x)
        wall = time.perf_counter() - t0
        cpu = time.process_time() - c0
        fill = int(pc.getFactorMatrix().getInfo().get("nz_used", 0))
        ksp.destroy()
        if best is None or wall < best[0]:
            best = (wall, cpu, p, mean, noise, fill)
        else:
            best = (best[0], min(best[1], cpu), *best[2:])
    best[2].astype("<f8").tofile(out_file)
    with open(out_file + ".txt", "w") as f:
        f.write(f"{best[3]!r} {best[4]!r} {best[0]!r} {best[1]!r} {best[5]}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
