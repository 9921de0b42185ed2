package org.qpspin.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.qpspin.linalg.ProgressListener;
import org.qpspin.noise.NoiseAnalysis;
import org.qpspin.noise.Observable;
import org.qpspin.noise.ZeroFrequencyNoise;
import org.qpspin.rates.RateModel;
import org.qpspin.stationary.StationaryAnalysis;
import org.qpspin.stationary.StationarySolver;
import org.qpspin.stationary.StationarySolvers;
import org.qpspin.truncation.Truncation;

/**
 * The stationary analysis with a factorization whose group inverse the noise can trust. With {@code --solver
 * auto}, when the chosen factorization's group-inverse solve fails the noise residual check (as the level
 * solver's did while it pinned the empty state), the same final truncation is factorized again with the sparse LU,
 * pinned at the most probable state; the switch is reported on stderr.
 */
final class NoiseSetup {

    final StationaryAnalysis stationary;
    final NoiseAnalysis analysis;
    /** The truncation's verdict against --tol (a warning has been printed when it is beyond). */
    final TruncationVerdict verdict;
    /**
     * S_N(0) of the check solve, kept so that a command asking for it again does not repeat a group-inverse solve
     * (minutes each at 10⁷ states with the multigrid solver): {@link #zeroFrequency}.
     */
    private final ZeroFrequencyNoise particleNoise;

    private NoiseSetup(StationaryAnalysis stationary, NoiseAnalysis analysis, ZeroFrequencyNoise particleNoise,
                       TruncationOptions options, PrintWriter err) {
        this.stationary = stationary;
        this.analysis = analysis;
        this.particleNoise = particleNoise;
        this.verdict = TruncationVerdict.of(stationary, options.tolerance);
        verdict.warn(err, "<N> (and the noise, which depends more on the tail)");
    }

    static NoiseSetup of(RateModel rates, TruncationOptions options, PrintWriter err, boolean quiet) {
        return of(rates, options, err, quiet, null);
    }

    /**
     * As {@link #of(RateModel, TruncationOptions, PrintWriter, boolean)}, reporting each truncation attempt to
     * {@code attempts} (null for none).
     */
    static NoiseSetup of(RateModel rates, TruncationOptions options, PrintWriter err, boolean quiet,
                         StationaryAnalysis.Progress attempts) {
        ProgressListener progress = ProgressBars.listener(err, quiet);
        StationaryAnalysis sa = StationaryAnalysis.factorize(rates, options.truncation(),
                options.solver().withProgress(progress), attempts);
        NoiseAnalysis a = NoiseAnalysis.of(sa.generator(), sa.factorization());
        try {
            return new NoiseSetup(sa, a, a.zeroFrequency(Observable.particleNumber()), options, err);
        } catch (IllegalStateException e) {
            boolean auto = options.solverName.equalsIgnoreCase("auto");
            if (!auto || !StationarySolvers.names().contains("lu") || sa.result().solver().endsWith("lu")) {
                throw e;
            }
            try { // the lu fallback only where its factors can fit (auto may have chosen multigrid for that reason)
                StationarySolvers.lu().requireFits(sa.rateModel(), sa.generator().space());
            } catch (IllegalArgumentException refused) {
                e.addSuppressed(refused);
                throw e;
            }
            if (!quiet) {
                err.printf(Locale.ROOT, "qpspin: %s; refactorizing nMax=%d, mMax=%d with lu%n", e.getMessage(),
                        sa.result().maxN(), sa.result().maxM());
                err.flush();
            }
            // the same truncation (rectangle or band)
            StationaryAnalysis lu = sa.refactorize(StationarySolvers.lu().withProgress(progress));
            NoiseAnalysis b = NoiseAnalysis.of(lu.generator(), lu.factorization());
            return new NoiseSetup(lu, b, b.zeroFrequency(Observable.particleNumber()), options, err);
        }
    }

    /**
     * S_f(0) of {@link #analysis}: the check solve's own result for the particle number N, a new group-inverse solve
     * for any other observable.
     */
    ZeroFrequencyNoise zeroFrequency(Observable observable) {
        return observable.name().equals(particleNoise.observable()) ? particleNoise
                : analysis.zeroFrequency(observable);
    }

    /**
     * The noise analysis of the chain truncated at ({@code nMax}, {@code mMax}), for growing a truncation (the
     * relaxation rates' convergence loop): the solver that served the first truncation, {@code firstSolver} (its
     * result's name; lu if the first fell back to it), else the options' solver.
     */
    static NoiseAnalysis of(RateModel rates, int nMax, int mMax, TruncationOptions options, String firstSolver) {
        StationarySolver solver = firstSolver.endsWith("lu") && StationarySolvers.names().contains("lu")
                ? StationarySolvers.lu() : options.solver();
        StationaryAnalysis sa = StationaryAnalysis.factorize(rates, Truncation.fixed(nMax, mMax), solver);
        return NoiseAnalysis.of(sa.generator(), sa.factorization());
    }
}
