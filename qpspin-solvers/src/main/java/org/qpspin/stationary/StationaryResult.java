package org.qpspin.stationary;

import java.util.Arrays;
import org.qpspin.generator.Generator;
import org.qpspin.space.StateSpace;

/**
 * A stationary distribution P(N, m) with its moments and diagnostics.
 *
 * <p>Diagnostics (docs/model.md, "Truncation"):
 * <ul>
 *   <li>{@link #residual()} = ‖L p‖₁ in s⁻¹, and {@link #relativeResidual()} = ‖L p‖₁ / (2 Σ_j p_j |L_jj|),
 *       the residual relative to the total probability flux (≈ machine epsilon for an exact solve);</li>
 *   <li>{@link #outerLevelMass()}: probability on N = Nmax; {@link #outerColumnMass()}: probability on the m
 *       edges that cut valid states; {@link #boundaryMass()}: on either (each state counted once);</li>
 *   <li>{@link #omittedFlux()} = Σ p × (rate of the transitions the truncation dropped), in s⁻¹, and
 *       {@link #relativeOmittedFlux()} = omittedFlux / (A V), the measure the truncation tolerance applies to.</li>
 * </ul>
 * Moments use two passes (mean, then centred sums), so Var N does not cancel.
 */
public final class StationaryResult {

    private final StateSpace space;
    private final double[] probabilities;
    private final double[] marginalN;
    private final double[] marginalM;
    private final double meanN;
    private final double meanN2;
    private final double varianceN;
    private final double meanM;
    private final double varianceM;
    private final double residual;
    private final double relativeResidual;
    private final double outerLevelMass;
    private final double outerColumnMass;
    private final double boundaryMass;
    private final double omittedFlux;
    private final double relativeOmittedFlux;
    private final String solver;
    private final boolean screening;
    private final double seconds;

    private StationaryResult(Generator generator, double[] p, String solver, double seconds) {
        this.space = generator.space();
        this.probabilities = p;
        this.solver = solver;
        this.screening = false;
        this.seconds = seconds;
        int size = p.length;
        marginalN = new double[space.maxN() + 1];
        marginalM = new double[space.maxM() + 1];
        double sumN = 0.0;
        double sumM = 0.0;
        double level = 0.0;
        double column = 0.0;
        double boundary = 0.0;
        for (int i = 0; i < size; i++) {
            int n = space.levelOf(i);
            int m = space.mOf(i);
            double pi = p[i];
            marginalN[n] += pi;
            marginalM[m] += pi;
            sumN += pi * n;
            sumM += pi * m;
            boolean outerLevel = n == space.maxN();
            boolean outerColumn = (m == space.highM(n) && m < n / 2) || (m == space.lowM(n) && m > 0);
            if (outerLevel) {
                level += pi;
            }
            if (outerColumn) {
                column += pi;
            }
            if (outerLevel || outerColumn) {
                boundary += pi;
            }
        }
        meanN = sumN;
        meanM = sumM;
        double varN = 0.0;
        for (int n = 0; n < marginalN.length; n++) {
            double d = n - meanN;
            varN += marginalN[n] * d * d;
        }
        double varM = 0.0;
        for (int m = 0; m < marginalM.length; m++) {
            double d = m - meanM;
            varM += marginalM[m] * d * d;
        }
        varianceN = varN;
        varianceM = varM;
        meanN2 = varN + meanN * meanN;
        outerLevelMass = level;
        outerColumnMass = column;
        boundaryMass = boundary;

        double[] lp = new double[size];
        generator.multiply(p, lp);
        double res = 0.0;
        double flux = 0.0;
        for (int i = 0; i < size; i++) {
            res += Math.abs(lp[i]);
            flux += p[i] * generator.exitRate(i);
        }
        residual = res;
        relativeResidual = flux == 0.0 ? res : res / (2.0 * flux);
        omittedFlux = generator.omittedFlux(p);
        double av = generator.rateModel().parameters().totalInjectionRate();
        relativeOmittedFlux = av == 0.0 ? omittedFlux : omittedFlux / av;
    }

    /**
     * A copy reporting another solver name (e.g. {@code auto→levels}); the numbers are shared, not recomputed.
     *
     * @param solverName the name to report
     * @return the copy
     */
    public StationaryResult withSolver(String solverName) {
        return new StationaryResult(this, solverName, screening);
    }

    /**
     * {@return a copy flagged as a screening solve ({@link #isScreening()}); the numbers are shared}
     */
    StationaryResult asScreening() {
        return new StationaryResult(this, solver, true);
    }

    /**
     * {@return whether this result came from a screening solve: an iterative solve stopped early (e.g. the multigrid
     * solver's GMRES at 1e-8 instead of 1e-14, no error estimate), accurate enough to decide an intermediate
     * truncation attempt's verdict within a margin (docs/validation.md, "Screening the intermediate attempts") but
     * never returned as an analysis's final answer}
     */
    public boolean isScreening() {
        return screening;
    }

    private StationaryResult(StationaryResult o, String solverName, boolean screening) {
        this.screening = screening;
        space = o.space;
        probabilities = o.probabilities;
        marginalN = o.marginalN;
        marginalM = o.marginalM;
        meanN = o.meanN;
        meanN2 = o.meanN2;
        varianceN = o.varianceN;
        meanM = o.meanM;
        varianceM = o.varianceM;
        residual = o.residual;
        relativeResidual = o.relativeResidual;
        outerLevelMass = o.outerLevelMass;
        outerColumnMass = o.outerColumnMass;
        boundaryMass = o.boundaryMass;
        omittedFlux = o.omittedFlux;
        relativeOmittedFlux = o.relativeOmittedFlux;
        solver = solverName;
        seconds = o.seconds;
    }

    /**
     * {@return the result for the (possibly unnormalized, non-negative) solution {@code p} of L p = 0}
     * {@code p} is normalized in place and kept.
     *
     * @param generator the generator L that {@code p} solves
     * @param p the solution, non-negative, normalized in place
     * @param solver the solver's name to report
     * @param seconds the solve's wall time in seconds
     * @throws IllegalArgumentException if p has a negative, NaN or infinite entry, or sums to zero
     */
    public static StationaryResult of(Generator generator, double[] p, String solver, double seconds) {
        if (p.length != generator.size()) {
            throw new IllegalArgumentException("p has " + p.length + " entries for " + generator.size() + " states");
        }
        double sum = 0.0;
        for (double v : p) {
            if (!(v >= 0.0) || v == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("stationary vector has an invalid entry " + v + " (solver "
                        + solver + ")");
            }
            sum += v;
        }
        if (!(sum > 0.0) || sum == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("stationary vector sums to " + sum + " (solver " + solver + ")");
        }
        double inv = 1.0 / sum;
        for (int i = 0; i < p.length; i++) {
            p[i] *= inv;
        }
        return new StationaryResult(generator, p, solver, seconds);
    }

    /** {@return the truncated state space} */
    public StateSpace space() {
        return space;
    }

    /** {@return number of states} */
    public int states() {
        return probabilities.length;
    }

    /**
     * {@return P(N, m); 0 outside the truncated set}
     *
     * @param n N
     * @param m m
     */
    public double probability(int n, int m) {
        int i = space.indexOrMinusOne(n, m);
        return i < 0 ? 0.0 : probabilities[i];
    }

    /** {@return P by state index (copy)} */
    public double[] probabilities() {
        return probabilities.clone();
    }

    /** {@return P by state index, without a copy: read only} */
    public double[] probabilitiesView() {
        return probabilities;
    }

    /** {@return P(N) for N = 0 … Nmax (copy)} */
    public double[] marginalN() {
        return marginalN.clone();
    }

    /** {@return P(m) for m = 0 … mMax (copy)} */
    public double[] marginalM() {
        return marginalM.clone();
    }

    /** {@return ⟨N⟩} */
    public double meanN() {
        return meanN;
    }

    /** {@return ⟨N²⟩ = Var N + ⟨N⟩²} */
    public double meanN2() {
        return meanN2;
    }

    /** {@return var N = ⟨(N − ⟨N⟩)²⟩} */
    public double varianceN() {
        return varianceN;
    }

    /** {@return ⟨m⟩} */
    public double meanM() {
        return meanM;
    }

    /** {@return var m} */
    public double varianceM() {
        return varianceM;
    }

    /** {@return ‖L p‖₁ in s⁻¹} */
    public double residual() {
        return residual;
    }

    /** {@return ‖L p‖₁ / (2 Σ p_j |L_jj|)} */
    public double relativeResidual() {
        return relativeResidual;
    }

    /** {@return probability on the outermost level N = Nmax} */
    public double outerLevelMass() {
        return outerLevelMass;
    }

    /** {@return probability on the m edges that cut valid states} */
    public double outerColumnMass() {
        return outerColumnMass;
    }

    /** {@return probability on the truncation boundary (outer level or outer column)} */
    public double boundaryMass() {
        return boundaryMass;
    }

    /** {@return stationary flux carried by the transitions the truncation dropped, in s⁻¹} */
    public double omittedFlux() {
        return omittedFlux;
    }

    /** {@return omittedFlux / (A V)} */
    public double relativeOmittedFlux() {
        return relativeOmittedFlux;
    }

    /** {@return name of the solver that produced p} */
    public String solver() {
        return solver;
    }

    /** {@return wall time of the solve in seconds (assembly excluded)} */
    public double seconds() {
        return seconds;
    }

    /** {@return nmax of the truncation} */
    public int maxN() {
        return space.maxN();
    }

    /** {@return the largest m in the truncated set} */
    public int maxM() {
        return space.maxM();
    }

    @Override
    public String toString() {
        return "StationaryResult{states=" + states() + ", <N>=" + meanN + ", VarN=" + varianceN + ", <m>=" + meanM
                + ", residual=" + residual + ", omittedFlux/AV=" + relativeOmittedFlux + ", solver=" + solver
                + ", seconds=" + seconds + ", p[0..3]=" + Arrays.toString(Arrays.copyOf(probabilities,
                Math.min(4, probabilities.length))) + "}";
    }
}
