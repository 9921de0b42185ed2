package org.qpspin.noise;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.qpspin.linalg.krylov.Arnoldi;
import org.qpspin.stationary.StationaryFactorization;

/**
 * Arnoldi on the group inverse A = L^# started from δ = (f − ⟨f⟩)∘p: one Krylov basis for every frequency.
 *
 * <p>On {x : Σx = 0}, which holds δ and every Krylov vector, L is invertible with inverse A, and
 * (−iω − L)⁻¹ = −A (I + iωA)⁻¹. Shifted systems (I + iωA) z = δ share the Krylov space K_j(A, δ) for all ω
 * (shift invariance), so j applications of A (each one solve with the stationary factorization) serve the whole
 * grid. With A V_j = V_j H_j + h v_{j+1} e_jᵀ ({@link Arnoldi}, orthogonalization done twice), the Galerkin
 * approximation is
 * <pre>  S_j(ω) = −2 β Re[gᵀ H_j y],   (I + iω H_j) y = e₁,   g = V_jᵀ (f − ⟨f⟩),  β = ‖δ‖₂,</pre>
 * an O(j²) upper-Hessenberg solve per frequency. Diagonalizing H_j = Y M Y⁻¹ turns it into the mode expansion
 * S_j(ω) = Σ_k 2 Re[c_k / (−iω − λ_k)] with Ritz values λ_k = 1/μ_k (the slowest relaxation rates of L that f
 * couples to converge first) and weights c_k = β (gᵀ Y)_k (Y⁻¹ e₁)_k; Σ_k c_k = fᵀδ = Var f exactly.
 * S_j(0) = −2β gᵀ H_j e₁ = 2 fᵀ L^#(−δ) is exact for j ≥ 2 (a moment match at ω = 0); convergence is slowest
 * at high ω, where many fast modes share the weight. This is rational (shift-and-invert) Krylov model
 * reduction; see e.g. Ruhe, "Rational Krylov" (1998), and for shifted systems Frommer & Glässner (1998).
 */
final class ShiftInvertKrylov {

    private final double[] p;
    private final double[] deviation;
    private final Arnoldi arnoldi;
    /** The Hessenberg matrix of {@link #arnoldi} (its own array, read here). */
    private final double[][] h;
    /** g_k = v_kᵀ (f − ⟨f⟩) for the basis vectors so far. */
    private final double[] g;
    private final double beta;
    // workspaces for the Hessenberg solves
    private final double[] br;
    private final double[] bi;
    private final double[] yr;
    private final double[] yi;

    ShiftInvertKrylov(NoiseAnalysis analysis, NoiseAnalysis.Centred c, int maxDimension) {
        this.p = analysis.stationary().probabilitiesView();
        this.deviation = c.deviation;
        int n = p.length;
        int max = Math.max(1, Math.min(maxDimension, n - 1));
        StationaryFactorization factorization = analysis.factorization();
        arnoldi = new Arnoldi((x, y) -> factorization.solveGroupInverse(projected(x), y), c.weighted, max);
        h = arnoldi.hessenbergView();
        g = new double[max + 1];
        beta = arnoldi.beta();
        g[0] = NoiseAnalysis.dot(deviation, arnoldi.basisVector(0));
        br = new double[max * max];
        bi = new double[max * max];
        yr = new double[max];
        yi = new double[max];
    }

    /** Current dimension j. */
    int dimension() {
        return arnoldi.dimension();
    }

    /** Whether the Krylov space became invariant (the expansion is then exact up to rounding). */
    boolean isInvariant() {
        return arnoldi.isInvariant();
    }

    /** Whether another step is possible. */
    boolean canExtend() {
        return arnoldi.canExtend();
    }

    /** One Arnoldi step ({@link Arnoldi#extend}): one group-inverse solve and a twice-done orthogonalization. */
    void extend() {
        arnoldi.extend();
        if (!arnoldi.isInvariant()) {
            int dim = arnoldi.dimension();
            g[dim] = NoiseAnalysis.dot(deviation, arnoldi.basisVector(dim));
        }
    }

    /** v − (Σv) p: the component in {Σx = 0} along the splitting range(L) ⊕ span(p) (removes rounding drift). */
    private double[] projected(double[] v) {
        double s = 0.0;
        for (double x : v) {
            s += x;
        }
        double[] b = v.clone();
        for (int i = 0; i < b.length; i++) {
            b[i] -= s * p[i];
        }
        return b;
    }

    /** S_j(ω), two-sided, at the current dimension. */
    double spectrum(double omega) {
        int j = arnoldi.dimension();
        if (j == 0 || beta == 0.0) {
            return 0.0;
        }
        // B = I + iω H (upper Hessenberg), row-major j×j
        for (int r = 0; r < j; r++) {
            for (int c = 0; c < j; c++) {
                br[r * j + c] = r == c ? 1.0 : 0.0;
                bi[r * j + c] = c >= r - 1 ? omega * h[r][c] : 0.0;
            }
        }
        double[] e1r = new double[j];
        e1r[0] = 1.0;
        solveHessenbergGeneral(j, br, bi, e1r, new double[j], yr, yi);
        // Re[gᵀ H y]
        double re = 0.0;
        for (int r = 0; r < j; r++) {
            double hyr = 0.0;
            for (int c = Math.max(0, r - 1); c < j; c++) {
                hyr += h[r][c] * yr[c];
            }
            re += g[r] * hyr;
        }
        return -2.0 * beta * re;
    }

    private static double abs2(double a, double b) {
        return a * a + b * b;
    }

    /**
     * The mode expansion of the current S_j: Ritz values λ_k = 1/μ_k of L and weights c_k, sorted by decay rate.
     * Eigenvalues of H_j by EJML; right eigenvectors by two steps of inverse iteration on the shifted Hessenberg
     * matrix; the weights need Y⁻¹e₁, one dense complex solve.
     */
    List<RelaxationMode> modes() {
        int j = arnoldi.dimension();
        List<RelaxationMode> out = new ArrayList<>();
        if (j == 0 || beta == 0.0) {
            return out;
        }
        DMatrixRMaj hm = new DMatrixRMaj(j, j);
        double hNorm = 0.0;
        for (int r = 0; r < j; r++) {
            for (int c = 0; c < j; c++) {
                hm.unsafe_set(r, c, h[r][c]);
                hNorm = Math.max(hNorm, Math.abs(h[r][c]));
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(j, false);
        if (!eig.decompose(hm)) {
            throw new IllegalStateException("eigen-decomposition of the Krylov Hessenberg matrix failed");
        }
        double[] mr = new double[j];
        double[] mi = new double[j];
        for (int k = 0; k < j; k++) {
            Complex_F64 mu = eig.getEigenvalue(k);
            mr[k] = mu.real;
            mi[k] = mu.imaginary;
        }
        // right eigenvectors Y (column k), complex
        double[][] yRe = new double[j][];
        double[][] yIm = new double[j][];
        double[] wr = new double[j * j];
        double[] wi = new double[j * j];
        for (int k = 0; k < j; k++) {
            double eps = 1e-12 * Math.max(Math.hypot(mr[k], mi[k]), hNorm * 1e-6) + Double.MIN_NORMAL;
            double[] vr = new double[j];
            double[] vi = new double[j];
            java.util.Arrays.fill(vr, 1.0);
            for (int it = 0; it < 2; it++) {
                for (int r = 0; r < j; r++) {
                    for (int c = 0; c < j; c++) {
                        wr[r * j + c] = c >= r - 1 ? h[r][c] - (r == c ? mr[k] + eps : 0.0) : 0.0;
                        wi[r * j + c] = r == c ? -mi[k] : 0.0;
                    }
                }
                double[] outR = new double[j];
                double[] outI = new double[j];
                solveHessenbergGeneral(j, wr, wi, vr, vi, outR, outI);
                double nrm = 0.0;
                for (int r = 0; r < j; r++) {
                    nrm += outR[r] * outR[r] + outI[r] * outI[r];
                }
                nrm = Math.sqrt(nrm);
                for (int r = 0; r < j; r++) {
                    vr[r] = outR[r] / nrm;
                    vi[r] = outI[r] / nrm;
                }
            }
            yRe[k] = vr;
            yIm[k] = vi;
        }
        // w = Y⁻¹ e₁ by dense complex Gaussian elimination with partial pivoting
        double[][] ar = new double[j][j + 1];
        double[][] ai = new double[j][j + 1];
        for (int r = 0; r < j; r++) {
            for (int k = 0; k < j; k++) {
                ar[r][k] = yRe[k][r];
                ai[r][k] = yIm[k][r];
            }
            ar[r][j] = r == 0 ? 1.0 : 0.0;
        }
        double[] xr = new double[j];
        double[] xi = new double[j];
        denseComplexSolve(j, ar, ai, xr, xi);
        for (int k = 0; k < j; k++) {
            double muAbs2 = mr[k] * mr[k] + mi[k] * mi[k];
            if (muAbs2 == 0.0) {
                continue; // an infinitely fast mode contributes nothing at finite ω
            }
            double lr = mr[k] / muAbs2;   // λ = 1/μ = conj(μ)/|μ|²
            double li = -mi[k] / muAbs2;
            double gr = 0.0;
            double gi = 0.0;
            for (int r = 0; r < j; r++) {
                gr += g[r] * yRe[k][r];
                gi += g[r] * yIm[k][r];
            }
            double cr = beta * (gr * xr[k] - gi * xi[k]);
            double ci = beta * (gr * xi[k] + gi * xr[k]);
            out.add(new RelaxationMode(-lr, li, cr, ci));
        }
        out.sort((x, y) -> Double.compare(x.rate(), y.rate()));
        return out;
    }

    /**
     * Solves B y = rhs for complex upper-Hessenberg B (row-major, real part br, imaginary bi; overwritten) by
     * Gaussian elimination with partial pivoting between adjacent rows: O(j²). An exactly zero pivot is replaced
     * by the smallest normal number (inverse iteration wants that blow-up; elsewhere it cannot occur because
     * I + iωH is nonsingular for the projected stable H).
     */
    private static void solveHessenbergGeneral(int j, double[] br, double[] bi, double[] rhsR, double[] rhsI,
                                               double[] yr, double[] yi) {
        double[] rr = rhsR.clone();
        double[] ri = rhsI.clone();
        for (int k = 0; k < j - 1; k++) {
            int a = k * j + k;
            int b = (k + 1) * j + k;
            if (abs2(br[b], bi[b]) > abs2(br[a], bi[a])) {
                for (int c = k; c < j; c++) {
                    double t = br[k * j + c];
                    br[k * j + c] = br[(k + 1) * j + c];
                    br[(k + 1) * j + c] = t;
                    t = bi[k * j + c];
                    bi[k * j + c] = bi[(k + 1) * j + c];
                    bi[(k + 1) * j + c] = t;
                }
                double t = rr[k];
                rr[k] = rr[k + 1];
                rr[k + 1] = t;
                t = ri[k];
                ri[k] = ri[k + 1];
                ri[k + 1] = t;
            }
            double pr = br[a];
            double pi = bi[a];
            double den = abs2(pr, pi);
            if (den == 0.0) {
                br[a] = Double.MIN_NORMAL; // exactly singular: perturb (inverse iteration wants the blow-up)
                pr = br[a];
                den = pr * pr;
            }
            double lr = (br[b] * pr + bi[b] * pi) / den;
            double li = (bi[b] * pr - br[b] * pi) / den;
            for (int c = k; c < j; c++) {
                double ur = br[k * j + c];
                double ui = bi[k * j + c];
                br[(k + 1) * j + c] -= lr * ur - li * ui;
                bi[(k + 1) * j + c] -= lr * ui + li * ur;
            }
            rr[k + 1] -= lr * rr[k] - li * ri[k];
            ri[k + 1] -= lr * ri[k] + li * rr[k];
        }
        for (int r = j - 1; r >= 0; r--) {
            double sr = rr[r];
            double si = ri[r];
            for (int c = r + 1; c < j; c++) {
                double ar = br[r * j + c];
                double ai = bi[r * j + c];
                sr -= ar * yr[c] - ai * yi[c];
                si -= ar * yi[c] + ai * yr[c];
            }
            double dr = br[r * j + r];
            double di = bi[r * j + r];
            double den = abs2(dr, di);
            if (den == 0.0) {
                dr = Double.MIN_NORMAL;
                den = dr * dr;
            }
            yr[r] = (sr * dr + si * di) / den;
            yi[r] = (si * dr - sr * di) / den;
        }
    }

    /** Dense complex Gaussian elimination with partial pivoting on the augmented matrix [A | b]. */
    private static void denseComplexSolve(int j, double[][] ar, double[][] ai, double[] xr, double[] xi) {
        for (int k = 0; k < j; k++) {
            int piv = k;
            double best = abs2(ar[k][k], ai[k][k]);
            for (int r = k + 1; r < j; r++) {
                double v = abs2(ar[r][k], ai[r][k]);
                if (v > best) {
                    best = v;
                    piv = r;
                }
            }
            double[] t = ar[k];
            ar[k] = ar[piv];
            ar[piv] = t;
            t = ai[k];
            ai[k] = ai[piv];
            ai[piv] = t;
            double pr = ar[k][k];
            double pi = ai[k][k];
            double den = abs2(pr, pi);
            if (den == 0.0) {
                throw new IllegalStateException("Ritz vectors are linearly dependent: defective Krylov projection");
            }
            for (int r = k + 1; r < j; r++) {
                double lr = (ar[r][k] * pr + ai[r][k] * pi) / den;
                double li = (ai[r][k] * pr - ar[r][k] * pi) / den;
                if (lr == 0.0 && li == 0.0) {
                    continue;
                }
                for (int c = k; c <= j; c++) {
                    double ur = ar[k][c];
                    double ui = ai[k][c];
                    ar[r][c] -= lr * ur - li * ui;
                    ai[r][c] -= lr * ui + li * ur;
                }
            }
        }
        for (int r = j - 1; r >= 0; r--) {
            double sr = ar[r][j];
            double si = ai[r][j];
            for (int c = r + 1; c < j; c++) {
                sr -= ar[r][c] * xr[c] - ai[r][c] * xi[c];
                si -= ar[r][c] * xi[c] + ai[r][c] * xr[c];
            }
            double dr = ar[r][r];
            double di = ai[r][r];
            double den = abs2(dr, di);
            xr[r] = (sr * dr + si * di) / den;
            xi[r] = (si * dr - sr * di) / den;
        }
    }

    /** β = ‖δ‖₂. */
    double beta() {
        return beta;
    }
}
