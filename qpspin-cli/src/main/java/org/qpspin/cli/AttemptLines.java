package org.qpspin.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.qpspin.stationary.StationaryAnalysis;
import org.qpspin.truncation.TruncationAttempt;

/**
 * One stderr line per truncation attempt of a long analysis, before and after its solve (flux-noise: minutes per
 * attempt at 10⁶–10⁷ states), so that a log shows where a run is and what each attempt cost even when stderr is
 * not a terminal (the progress bars are drawn only on one) or the run is interrupted. Silent with {@code -q}.
 *
 * <p>Format: {@code qpspin: attempt K: S states (nMax=N), SOLVER...} and
 * {@code qpspin: attempt K (screening|full): cost C (omitted flux / AV) in T s[, GMRES … ]}.
 */
final class AttemptLines implements StationaryAnalysis.Progress {

    private final PrintWriter err;
    private int solving;

    /**
     * @param err where the lines go (flushed after each)
     */
    AttemptLines(PrintWriter err) {
        this.err = err;
    }

    /** {@return a listener printing to {@code err}, or null when {@code quiet}} */
    static AttemptLines orNull(PrintWriter err, boolean quiet) {
        return quiet ? null : new AttemptLines(err);
    }

    @Override
    public void solving(int nMax, int mMax, int states, String solver) {
        solving++;
        err.printf(Locale.ROOT, "qpspin: attempt %d: %d states (nMax=%d), %s...%n", solving, states, nMax, solver);
        err.flush();
    }

    @Override
    public void solved(TruncationAttempt attempt) {
        boolean screening = attempt.solver().contains("screening");
        err.printf(Locale.ROOT, "qpspin: attempt %d (%s): cost %.3g (omitted flux / AV) in %.1f s; %s%n", solving,
                screening ? "screening" : "full", attempt.relativeOmittedFlux(), attempt.seconds(), attempt.solver());
        err.flush();
    }
}
