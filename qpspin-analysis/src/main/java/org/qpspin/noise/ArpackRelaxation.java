package org.qpspin.noise;

import dev.ludovic.netlib.arpack.ARPACK;
import java.util.Arrays;
import org.netlib.util.doubleW;
import org.netlib.util.intW;
import org.qpspin.linalg.ProgressListener;
import org.qpspin.linalg.WorkCounter;

/**
 * Slowest relaxation rates of L by ARPACK's implicitly restarted Arnoldi (dnaupd/dneupd, regular mode on the
 * operator OP = L^#, "LM": largest |μ|).
 *
 * <p>The eigenvalues of the group inverse are μ = 1/λ for the nonzero eigenvalues λ of L and 0 for the
 * stationary vector, so the largest |μ| are the slowest modes: this is shift-invert at σ = 0 made regular by the
 * group inverse, and every application of OP is one solve with the stationary factorization. An arbitrary
 * vector b is first projected onto {Σx = 0} along p (b − (Σb) p), so the stationary direction never enters.
 * Stopping rule: ARPACK's, |Ritz residual| ≤ tol·|μ| with tol = 1e-13, at most 1000 restarts.
 *
 * <p>Progress: the restarts to convergence are not known in advance, so the phase counts per mille of a measured
 * proxy ({@link #convergedShare}): the mean over the wanted Ritz values of the share of the decades their error
 * estimates must fall (from |θ| to tol |θ|) that they have fallen, read from ARPACK's workspace after each
 * operator application and never going back; the phase ends at its total when dnaupd returns. Reading the
 * workspace changes nothing in the iteration.
 */
final class ArpackRelaxation {

    private static final double TOLERANCE = 1e-13;
    private static final int MAX_RESTARTS = 1000;
    /** The progress phase's total: per mille. */
    private static final long PER_MILLE = 1000;
    /** ARPACK's floor under |θ| in its convergence test: eps^(2/3). */
    private static final double EPS23 = Math.pow(Math.ulp(1.0) / 2, 2.0 / 3.0);

    /** Kept strongly reachable: silences netlib's notice that no native ARPACK is installed (F2J is used). */
    private static final java.util.logging.Logger NETLIB_LOG =
            java.util.logging.Logger.getLogger("dev.ludovic.netlib.arpack.InstanceBuilder");

    static {
        NETLIB_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private ArpackRelaxation() {
    }

    /**
     * The Arnoldi start: v_i = p_i r_i − (Σ_j p_j r_j) p_i with r_i uniform in [−1, 1] from a fixed seed (so runs
     * are reproducible). Why p-weighted: the right eigenvectors of L are p times the left eigenfunctions, so this
     * start has an O(1) share of every mode in the p-weighted sense that the noise uses, and no weight on states
     * the chain practically never visits. An unweighted random start is dominated by those states, which makes
     * the first solves as hard as a random right-hand side (for the probable-core solver: many GMRES iterations)
     * and contributes nothing to the slow modes.
     */
    static double[] startVector(double[] p) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(0x5EEDL);
        double[] v = new double[p.length];
        double sum = 0.0;
        for (int i = 0; i < p.length; i++) {
            v[i] = p[i] * (2.0 * random.nextDouble() - 1.0);
            sum += v[i];
        }
        for (int i = 0; i < p.length; i++) {
            v[i] -= sum * p[i];
        }
        return v;
    }

    /**
     * The progress measure of the Arnoldi iteration, in [0, 1]: over the {@code nev} Ritz values θ of largest |θ|
     * of the last restart (ARPACK keeps them, with their error estimates, in {@code workl} at ipntr(6), ipntr(7),
     * ipntr(8)), the mean of min(1, ln(bound/|θ|) / ln(tol)), the share of the decades each estimate must fall
     * to meet ARPACK's test (bound ≤ tol max(eps^(2/3), |θ|)) that it has fallen; 0 for a Ritz value not yet
     * computed (|θ| = 0, e.g. before the first restart). Reads ARPACK's workspace only.
     */
    static double convergedShare(double[] workl, int[] ipntr, int ncv, int nev) {
        int re = ipntr[5] - 1;
        int im = ipntr[6] - 1;
        int bounds = ipntr[7] - 1;
        if (re < 0 || im < 0 || bounds < 0) {
            return 0.0;
        }
        double[] size = new double[ncv];
        for (int i = 0; i < ncv; i++) {
            size[i] = Math.hypot(workl[re + i], workl[im + i]);
        }
        Integer[] order = new Integer[ncv];
        for (int i = 0; i < ncv; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(size[b], size[a]));
        double share = 0.0;
        for (int k = 0; k < nev; k++) {
            int i = order[k];
            if (!(size[i] > 0.0)) {
                continue;
            }
            double relative = Math.abs(workl[bounds + i]) / Math.max(EPS23, size[i]);
            share += relative <= TOLERANCE ? 1.0 : relative >= 1.0 ? 0.0 : Math.log(relative) / Math.log(TOLERANCE);
        }
        return share / nev;
    }

    static RelaxationSpectrum compute(NoiseAnalysis analysis, int count) {
        return compute(analysis, count, ProgressListener.NONE);
    }

    /**
     * The {@code count} slowest rates, reporting the Arnoldi iteration to {@code progress} as one phase (see the
     * class comment for what its per mille mean).
     */
    static RelaxationSpectrum compute(NoiseAnalysis analysis, int count, ProgressListener progress) {
        long start = System.nanoTime();
        double[] p = analysis.stationary().probabilitiesView();
        int n = p.length;
        if (count < 1) {
            throw new IllegalArgumentException("number of eigenvalues must be >= 1, got " + count);
        }
        if (n < 3) {
            throw new IllegalArgumentException("ARPACK needs at least 3 states, got " + n);
        }
        int nev = Math.min(count, n - 2);
        int ncv = Math.min(n, Math.max(2 * nev + 1, nev + 20));
        if (ncv - nev < 2) {
            nev = ncv - 2;
        }
        ARPACK arpack = ARPACK.getInstance();
        intW ido = new intW(0);
        intW info = new intW(1); // start from resid below, not ARPACK's uniform random vector
        double[] resid = startVector(p);
        doubleW tol = new doubleW(TOLERANCE);
        double[] v = new double[n * ncv];
        int[] iparam = new int[11];
        int[] ipntr = new int[14];
        double[] workd = new double[3 * n];
        int lworkl = 3 * ncv * ncv + 6 * ncv;
        double[] workl = new double[lworkl];
        iparam[0] = 1;
        iparam[2] = MAX_RESTARTS;
        iparam[6] = 1;
        double[] in = new double[n];
        double[] out = new double[n];
        WorkCounter counter = WorkCounter.start(progress, "relaxation rates: ARPACK", PER_MILLE);
        long reported = 0;
        while (true) {
            arpack.dnaupd(ido, "I", n, "LM", nev, tol, resid, ncv, v, n, iparam, ipntr, workd, workl, lworkl, info);
            if (ido.val == -1 || ido.val == 1) {
                int x = ipntr[0] - 1;
                int y = ipntr[1] - 1;
                double sum = 0.0;
                for (int i = 0; i < n; i++) {
                    sum += workd[x + i];
                }
                for (int i = 0; i < n; i++) {
                    in[i] = workd[x + i] - sum * p[i];
                }
                analysis.factorization().solveGroupInverse(in, out);
                System.arraycopy(out, 0, workd, y, n);
                if (counter != WorkCounter.NONE) {
                    long done = Math.round(PER_MILLE * convergedShare(workl, ipntr, ncv, nev));
                    if (done > reported) {
                        counter.add(done - reported);
                        reported = done;
                    }
                }
            } else {
                break;
            }
        }
        if (info.val < 0) {
            throw new IllegalStateException("ARPACK dnaupd failed with info = " + info.val);
        }
        counter.finish();
        int iterations = iparam[2];
        int applications = iparam[8];
        boolean[] select = new boolean[ncv];
        double[] dr = new double[nev + 1];
        double[] di = new double[nev + 1];
        double[] z = new double[n * (nev + 1)];
        double[] workev = new double[3 * ncv];
        intW nevW = new intW(nev);
        intW info2 = new intW(0);
        arpack.dneupd(true, "A", select, dr, di, z, n, 0.0, 0.0, workev, "I", n, "LM", nevW, TOLERANCE, resid, ncv,
                v, n, iparam, ipntr, workd, workl, lworkl, info2);
        if (info2.val != 0) {
            throw new IllegalStateException("ARPACK dneupd failed with info = " + info2.val);
        }
        int converged = Math.min(iparam[4], nev);
        // residuals ‖L v − λ v‖ / (|λ| ‖v‖); complex pairs occupy columns k (real part) and k+1 (imaginary part)
        double[] rates = new double[converged];
        double[] freqs = new double[converged];
        double[] res = new double[converged];
        double[] lvr = new double[n];
        double[] lvi = new double[n];
        double[] vi = new double[n];
        for (int k = 0; k < converged; k++) {
            double mr = dr[k];
            double mi = di[k];
            double a2 = mr * mr + mi * mi;
            double lr = mr / a2;
            double li = -mi / a2;
            rates[k] = -lr;
            freqs[k] = li;
            double[] vr = Arrays.copyOfRange(z, k * n, (k + 1) * n);
            boolean complex = mi != 0.0 && k + 1 < nev + 1;
            if (complex) {
                int col = mi > 0 ? k + 1 : k; // ARPACK: first of the pair holds Re, second Im (for mi > 0)
                if (mi > 0) {
                    vi = Arrays.copyOfRange(z, col * n, (col + 1) * n);
                } else {
                    vr = Arrays.copyOfRange(z, (k - 1) * n, k * n);
                    double[] im = Arrays.copyOfRange(z, k * n, (k + 1) * n);
                    for (int i = 0; i < n; i++) {
                        im[i] = -im[i];
                    }
                    vi = im;
                }
            } else {
                Arrays.fill(vi, 0.0);
            }
            analysis.generator().multiply(vr, lvr);
            analysis.generator().multiply(vi, lvi);
            double num = 0.0;
            double den = 0.0;
            for (int i = 0; i < n; i++) {
                double rr = lvr[i] - (lr * vr[i] - li * vi[i]);
                double ri = lvi[i] - (lr * vi[i] + li * vr[i]);
                num += rr * rr + ri * ri;
                den += vr[i] * vr[i] + vi[i] * vi[i];
            }
            res[k] = Math.sqrt(num / den) / Math.hypot(lr, li);
        }
        Integer[] order = new Integer[converged];
        for (int k = 0; k < converged; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> {
            int cmp = Double.compare(rates[a], rates[b]);
            return cmp != 0 ? cmp : Double.compare(freqs[a], freqs[b]);
        });
        double[] sr = new double[converged];
        double[] sf = new double[converged];
        double[] sres = new double[converged];
        for (int k = 0; k < converged; k++) {
            sr[k] = rates[order[k]];
            sf[k] = freqs[order[k]];
            sres[k] = res[order[k]];
        }
        return new RelaxationSpectrum(sr, sf, sres, iterations, applications, arpack.getClass().getSimpleName(),
                (System.nanoTime() - start) * 1e-9);
    }
}
