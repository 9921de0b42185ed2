package org.qpspin.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.qpspin.noise.NoiseAnalysis;
import org.qpspin.noise.Observable;
import org.qpspin.rates.RateModel;
import org.qpspin.stationary.StationaryAnalysis;
import org.qpspin.stationary.StationarySolvers;

/**
 * The stationary analysis with a factorization whose group inverse the noise can trust. With {@code --solver
 * auto}, when the chosen factorization's group-inverse solve fails the noise residual check (as the level
 * solver's did while it pinned the empty state), the same final truncation is factorized again with the sparse LU,
 * pinned at the most probable state; the switch is reported on stderr.
 */
final class NoiseSetup {

    final StationaryAnalysis stationary;
    final NoiseAnalysis analysis;

    private NoiseSetup(StationaryAnalysis stationary, NoiseAnalysis analysis) {
        this.stationary = stationary;
        this.analysis = analysis;
    }

    static NoiseSetup of(RateModel rates, TruncationOptions options, PrintWriter err, boolean quiet) {
        StationaryAnalysis sa = StationaryAnalysis.factorize(rates, options.truncation(),
                options.solver());
        NoiseAnalysis a = NoiseAnalysis.of(sa.generator(), sa.factorization());
        try {
            a.zeroFrequency(Observable.particleNumber());
            return new NoiseSetup(sa, a);
        } catch (IllegalStateException e) {
            boolean auto = options.solverName.equalsIgnoreCase("auto");
            if (!auto || !StationarySolvers.names().contains("lu") || sa.result().solver().endsWith("lu")) {
                throw e;
            }
            if (!quiet) {
                err.printf(Locale.ROOT, "qpspin: %s; refactorizing nMax=%d, mMax=%d with lu%n", e.getMessage(),
                        sa.result().maxN(), sa.result().maxM());
                err.flush();
            }
            StationaryAnalysis lu = sa.refactorize(StationarySolvers.lu()); // same truncation (rectangle or band)
            return new NoiseSetup(lu, NoiseAnalysis.of(lu.generator(), lu.factorization()));
        }
    }
}
