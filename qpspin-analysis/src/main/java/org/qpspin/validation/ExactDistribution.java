package org.qpspin.validation;

import org.qpspin.dynamics.SampledCorrelation;
import org.qpspin.space.StateSpace;

/**
 * The null hypothesis of a validation: the exact stationary distribution P(N, m) on a truncated state space
 * (from any exact solver), and optionally the exact integrated correlation time of N,
 * τ_N = ∫₀^∞ ⟨⟨N(t)N(0)⟩⟩ dt / Var N = S_N(0) / (2 Var N) (docs/model.md noise convention), the exact
 * spectrum S_N(ω), and the exact autocovariance C_k of N sampled every Δt ({@link SampledCorrelation}: the
 * reference of the time-domain tests at the samples' own interval, exact at every Δt).
 *
 * <p>Immutable. States outside the truncated set have probability 0 here; the truncation's cost (the solver's
 * boundary mass) should be far below the resolution of any sample set tested against it.
 */
public final class ExactDistribution {

    private final StateSpace space;
    private final double[] probabilities;
    private final double[] marginalN;
    private final double meanN;
    private final double varianceN;
    private final double meanM;
    private final double correlationTime;
    private final SpectrumFunction spectrum;
    private final SampledCorrelation sampledN;
    private final LongRunCovariance longRun;

    private ExactDistribution(StateSpace space, double[] probabilities, double correlationTime,
                              SpectrumFunction spectrum, SampledCorrelation sampledN, LongRunCovariance longRun) {
        this.sampledN = sampledN;
        this.longRun = longRun;
        this.space = space;
        this.probabilities = probabilities;
        this.correlationTime = correlationTime;
        this.spectrum = spectrum;
        marginalN = new double[space.maxN() + 1];
        double sum = 0.0;
        double sn = 0.0;
        double sm = 0.0;
        for (int i = 0; i < probabilities.length; i++) {
            double p = probabilities[i];
            if (!(p >= 0.0) || !Double.isFinite(p)) {
                throw new IllegalArgumentException("probability of state " + i + " is " + p);
            }
            int n = space.levelOf(i);
            marginalN[n] += p;
            sum += p;
            sn += n * p;
            sm += space.mOf(i) * p;
        }
        if (Math.abs(sum - 1.0) > 1e-9) {
            throw new IllegalArgumentException("probabilities sum to " + sum + ", not 1");
        }
        meanN = sn;
        meanM = sm;
        double v = 0.0;
        for (int n = 0; n < marginalN.length; n++) {
            double d = n - meanN;
            v += d * d * marginalN[n];
        }
        varianceN = v;
    }

    /**
     * {@return the exact distribution P(N, m) by state index of {@code space}}, with ⟨N⟩, Var N and ⟨m⟩ computed
     * from it; no correlation time, spectrum or covariance yet (add them with the {@code with…} methods).
     *
     * @param space the truncated state space the probabilities live on
     * @param probabilities P of each state by {@code space}'s index (e.g. a stationary solver's probabilities),
     *     each finite and ≥ 0, summing to 1; copied
     * @throws IllegalArgumentException if the length differs from the space, an entry is negative or not
     *                                  finite, or the sum differs from 1 by more than 10⁻⁹
     */
    public static ExactDistribution of(StateSpace space, double[] probabilities) {
        if (probabilities.length != space.size()) {
            throw new IllegalArgumentException(probabilities.length + " probabilities for " + space.size()
                    + " states");
        }
        return new ExactDistribution(space, probabilities.clone(), Double.NaN, null, null, null);
    }

    /**
     * {@return a copy carrying the exact integrated correlation time τ_N = S_N(0) / (2 Var N)}, the reference of
     * the correlation-time test of timed samples.
     *
     * @param seconds τ_N in s, finite and &gt; 0
     * @throws IllegalArgumentException if {@code seconds} is not finite and &gt; 0
     */
    public ExactDistribution withCorrelationTime(double seconds) {
        if (!(seconds > 0.0) || !Double.isFinite(seconds)) {
            throw new IllegalArgumentException("correlation time must be finite and > 0 s, got " + seconds);
        }
        return new ExactDistribution(space, probabilities, seconds, spectrum, sampledN, longRun);
    }

    /**
     * {@return a copy carrying the exact two-sided spectrum S_N(ω) (for the Welch test of timed samples)}
     *
     * @param exactSpectrum S_N(ω) in the docs/model.md noise convention (s, for N dimensionless; ω in rad/s)
     * @throws NullPointerException if {@code exactSpectrum} is null
     */
    public ExactDistribution withSpectrum(SpectrumFunction exactSpectrum) {
        return new ExactDistribution(space, probabilities, correlationTime,
                java.util.Objects.requireNonNull(exactSpectrum, "spectrum"), sampledN, longRun);
    }

    /**
     * A copy carrying the exact autocovariance C_k of N sampled every Δt (from
     * {@link org.qpspin.dynamics.SampledAutocovariance}). The time-domain tests use it for samples whose grid
     * spacing equals its Δt to relative {@value #INTERVAL_MATCH} (else they fall back to the continuous τ_N and
     * S_N(ω)).
     *
     * @param sampled the exact C_k of N at the samples' Δt (s)
     * @return a copy carrying {@code sampled}; it replaces any sampled correlation given before
     * @throws IllegalArgumentException if the correlation has C_0 ≤ 0 or did not converge
     * @throws NullPointerException if {@code sampled} is null
     */
    public ExactDistribution withSampledCorrelation(SampledCorrelation sampled) {
        java.util.Objects.requireNonNull(sampled, "sampled");
        if (!(sampled.variance() > 0.0) || !sampled.converged()) {
            throw new IllegalArgumentException("sampled correlation of " + sampled.observable() + " at dt = "
                    + sampled.dt() + (sampled.converged() ? " has C_0 = " + sampled.variance() : " did not converge"));
        }
        return new ExactDistribution(space, probabilities, correlationTime, spectrum, sampled, longRun);
    }

    /**
     * A copy carrying the exact long-run covariance of observables (from
     * {@link org.qpspin.noise.NoiseAnalysis#crossZeroFrequencies}): what the tests of a time-weighted
     * {@link Occupation} take their variances from.
     *
     * @param covariance the exact long-run covariance V_ij = S_{f_i f_j}(0) (s × the observables' units squared)
     * @return a copy carrying {@code covariance}; it replaces any covariance given before
     * @throws NullPointerException if {@code covariance} is null
     */
    public ExactDistribution withLongRunCovariance(LongRunCovariance covariance) {
        return new ExactDistribution(space, probabilities, correlationTime, spectrum, sampledN,
                java.util.Objects.requireNonNull(covariance, "covariance"));
    }

    /** {@return the exact long-run covariance, or null when not given ({@link #withLongRunCovariance})} */
    public LongRunCovariance longRunCovariance() {
        return longRun;
    }

    /** Relative tolerance within which a grid spacing counts as the Δt of {@link #sampledCorrelation}. */
    public static final double INTERVAL_MATCH = 1e-6;

    /**
     * The exact C_k of N sampled every {@code dt}, when one was given for this Δt (to relative
     * {@value #INTERVAL_MATCH}); else null.
     *
     * @param dt the samples' grid spacing Δt in s
     * @return the exact sampled correlation when |Δt_exact − dt| ≤ {@value #INTERVAL_MATCH} dt, else null (also
     *     when none was given)
     */
    public SampledCorrelation sampledCorrelation(double dt) {
        return sampledN != null && Math.abs(sampledN.dt() - dt) <= INTERVAL_MATCH * dt ? sampledN : null;
    }

    /** {@return the exact S_N(ω), or null when not given ({@link #withSpectrum})} */
    public SpectrumFunction spectrum() {
        return spectrum;
    }

    /** {@return the truncated state space the probabilities live on} */
    public StateSpace space() {
        return space;
    }

    /**
     * {@return P(N, m), 0 outside the truncated set (also for invalid pairs such as m &gt; N/2 or negative values)}
     *
     * @param n the number of quasiparticles N
     * @param m the number of flipped spins m
     */
    public double probability(int n, int m) {
        int i = space.indexOrMinusOne(n, m);
        return i < 0 ? 0.0 : probabilities[i];
    }

    /**
     * {@return the marginal P(N) = Σ_m P(N, m); 0 for N &lt; 0 or N &gt; Nmax}
     *
     * @param n the number of quasiparticles N
     */
    public double probabilityN(int n) {
        return n >= 0 && n < marginalN.length ? marginalN[n] : 0.0;
    }

    /** P(state index) (read only). */
    double[] probabilitiesView() {
        return probabilities;
    }

    /** {@return Nmax of the truncation} */
    public int maxN() {
        return marginalN.length - 1;
    }

    /** {@return ⟨N⟩ = Σ N P(N, m), the exact mean number of quasiparticles} */
    public double meanN() {
        return meanN;
    }

    /** {@return Var N = Σ (N − ⟨N⟩)² P(N), the exact variance of the number of quasiparticles} */
    public double varianceN() {
        return varianceN;
    }

    /** {@return ⟨m⟩ = Σ m P(N, m), the exact mean number of flipped spins} */
    public double meanM() {
        return meanM;
    }

    /** {@return τ_N = S_N(0)/(2 Var N) in s, or NaN when not given ({@link #withCorrelationTime})} */
    public double correlationTime() {
        return correlationTime;
    }

    /** {@return whether {@link #correlationTime()} is known (not NaN)} */
    public boolean hasCorrelationTime() {
        return !Double.isNaN(correlationTime);
    }
}
