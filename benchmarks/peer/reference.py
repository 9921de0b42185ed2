"""Shared by the peer scripts: a reference answer for the agreement checks, independent of qpspin.

The peers' pivoted LUs of the pinned matrix (splu, UMFPACK, MUMPS) disagree with each other and with qpspin by up to
~1e-9 in S_N(0) on the 10^6-state band matrices, so a raw peer is no judge of 1e-10 agreement.  This module refines
SuperLU's answer by iterative refinement (Wilkinson; N. J. Higham, "Accuracy and Stability of Numerical Algorithms",
2nd ed., SIAM 2002, ch. 12) with every residual formed in 80-bit extended precision (NumPy's longdouble, unit
roundoff 5.4e-20) on the exact generator: the off-diagonal rates as stored, the diagonal formed as minus their column
sums in extended precision (L is a generator: 1^T L = 0), row k pinned to e_k^T.  Each step solves A d = r with the
double-precision LU and adds d in extended precision; it stops when the componentwise backward error
max_i |r_i| / (|A| |x| + |b|)_i (for the pinned row k: |r_k| / (max|x| + |b_k|))
no longer halves.  The stationary vector and S_N(0) are then formed in extended
precision exactly as in the peers (docs/model.md conventions):

  p = A^{-1} e_k / 1^T A^{-1} e_k,   <N> = N^T p,   b = -(N - <N>) p with b_k = 0,
  x = A^{-1} b - (1^T A^{-1} b) p,   S_N(0) = 2 N^T x.
"""
import numpy as np
import scipy.sparse as sp

LD = np.longdouble


class ExtendedGenerator:
    """The pinned generator A (row k = e_k^T) in extended precision, for residuals r = b - A x."""

    def __init__(self, l_csc, k):
        l = sp.csr_matrix(l_csc)
        off = (l - sp.diags(l.diagonal())).astype(LD).tocsr()
        off.eliminate_zeros()
        self.off = off
        self.diag = -np.asarray(off.sum(axis=0)).ravel()          # exact column sums, in extended precision
        self.abs_off = abs(off)
        self.k = k

    def residual(self, x, b):
        """r = b - A x and the componentwise backward error max |r| / (|A||x| + |b|) (row k: |r_k| / (max|x| + |b_k|)),
        both in extended precision."""
        ax = self.off @ x + self.diag * x
        scale = self.abs_off @ np.abs(x) + np.abs(self.diag * x)
        ax[self.k] = x[self.k]
        scale[self.k] = np.max(np.abs(x))      # the pinned row x_k = b_k: its error relative to the largest entry
        r = b - ax
        scale = scale + np.abs(b)
        with np.errstate(invalid="ignore", divide="ignore"):
            berr = np.where(scale > 0, np.abs(r) / scale, 0.0)
        return r, float(np.max(berr))


def refine(gen, lu, b, max_steps=10):
    """x with A x = b refined in extended precision from the double LU `lu` (a SuperLU object); returns x and the
    componentwise backward errors of every iterate (the first is the plain LU solve's)."""
    b = np.asarray(b, dtype=LD)
    x = lu.solve(np.asarray(b, dtype=np.float64)).astype(LD)
    r, berr = gen.residual(x, b)
    history = [berr]
    for _ in range(max_steps):
        x = x + lu.solve(np.asarray(r, dtype=np.float64)).astype(LD)
        r, berr = gen.residual(x, b)
        history.append(berr)
        if berr > 0.5 * history[-2]:
            break
    return x, history


def reference_answer(l_csc, k, levels, lu):
    """(p, <N>, S_N(0), backward-error histories) of the exact generator, refined in extended precision."""
    gen = ExtendedGenerator(l_csc, k)
    n = l_csc.shape[0]
    e = np.zeros(n, dtype=LD)
    e[k] = 1
    y, hist_p = refine(gen, lu, e)
    p = y / y.sum()
    lev = np.asarray(levels, dtype=LD)
    mean = lev @ p
    b = -(lev - mean) * p
    b[k] = 0
    z, hist_s = refine(gen, lu, b)
    x = z - z.sum() * p
    noise = 2 * (lev @ x)
    return np.asarray(p, dtype=np.float64), float(mean), float(noise), dict(stationary=hist_p, noise=hist_s)


def relative_errors(p, mean, noise, p_ref, mean_ref, noise_ref):
    """(max |p - p_ref| / max p_ref, |<N> - ref| / |ref|, |S - ref| / |ref|)."""
    return (float(np.max(np.abs(p - p_ref)) / np.max(p_ref)), abs(mean - mean_ref) / abs(mean_ref),
            abs(noise - noise_ref) / abs(noise_ref))
