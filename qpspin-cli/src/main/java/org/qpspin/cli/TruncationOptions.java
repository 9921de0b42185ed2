package org.qpspin.cli;

import org.qpspin.stationary.StationarySolver;
import org.qpspin.stationary.StationarySolvers;
import org.qpspin.truncation.Truncation;
import picocli.CommandLine.Option;

/**
 * Truncation and solver options for commands that solve the stationary chain first (noise, flux-noise), with
 * the meanings of {@code qpspin stationary}: automatic truncation to {@code --tol} unless {@code --n-max} is
 * given. Use as {@code @Mixin TruncationOptions truncation;}.
 */
public final class TruncationOptions {

    @Option(names = "--n-max", paramLabel = "N", description = "Fixed truncation: largest N (default: automatic).")
    Integer nMax;

    @Option(names = "--m-max", paramLabel = "M",
            description = "Fixed truncation: largest m (needs --n-max; default: no limit beyond m <= N/2).")
    Integer mMax;

    @Option(names = "--tol", paramLabel = "TOL", defaultValue = "1e-10",
            description = "Tolerance on omitted flux / AV (default ${DEFAULT-VALUE}); with --n-max checked only with "
                    + "--fail-on-truncation.")
    double tolerance;

    @Option(names = "--fail-on-truncation",
            description = "With --n-max: exit 2 when the truncation cost exceeds --tol (automatic always does).")
    boolean failOnTruncation;

    @Option(names = "--band",
            description = "Automatic truncation on a per-level m window following the mean-field m*(N) instead of one "
                    + "mMax for every level: same tolerance, fewer states for polarized clusters that are unpolarized "
                    + "at small N (docs/theory.md).")
    boolean band;

    @Option(names = "--windows",
            description = "Automatic truncation on per-level m windows mLow(N) <= m <= mHigh(N) grown from both sides "
                    + "by the omitted flux through each edge: follows the probability where it runs from the "
                    + "unpolarized ridge m = N/2 to the polarized branch (edge of polarization; docs/theory.md).")
    boolean windows;

    @Option(names = "--max-states", paramLabel = "S", defaultValue = "" + Truncation.DEFAULT_MAX_STATES,
            description = "Largest number of states the automatic truncation may use (default ${DEFAULT-VALUE}).")
    int maxStates;

    @Option(names = "--solver", paramLabel = "NAME", defaultValue = "auto",
            description = "Stationary solver whose factorization is reused: auto, gth, lu, levels, core, "
                    + "multigrid (default ${DEFAULT-VALUE}; core: exact on the probable core, iterative on the rest; "
                    + "multigrid: iterative, linear cost per iteration, reports its residual and error estimates).")
    String solverName;

    /**
     * Whether the automatic truncation uses two-sided windows unless {@code --band} is given (flux-noise: its
     * default example sits at the edge of polarization, where the probability runs along the ridge).
     */
    boolean windowsByDefault;

    /** {@return the truncation the options describe} */
    public Truncation truncation() {
        if (mMax != null && nMax == null) {
            throw new UsageException("--m-max needs --n-max (or drop both for the automatic truncation)");
        }
        if (!(tolerance > 0.0 && tolerance < 1.0)) {
            throw new UsageException("--tol must be in (0, 1), got " + tolerance);
        }
        if (maxStates < 1) {
            throw new UsageException("--max-states must be >= 1, got " + maxStates);
        }
        if (nMax == null) {
            Truncation automatic = Truncation.automatic(tolerance).withMaxStates(maxStates);
            if (band && windows) {
                throw new UsageException("--band and --windows are two kinds of automatic truncation: give one");
            }
            return band ? automatic.withBand() : windows || windowsByDefault ? automatic.withWindows() : automatic;
        }
        if (windows) {
            throw new UsageException("--windows is a kind of automatic truncation: drop --n-max/--m-max, or --windows");
        }
        if (band) {
            throw new UsageException("--band is a kind of automatic truncation: drop --n-max/--m-max, or --band");
        }
        if (nMax < 0) {
            throw new UsageException("--n-max must be >= 0, got " + nMax);
        }
        if (mMax != null && mMax < 0) {
            throw new UsageException("--m-max must be >= 0, got " + mMax);
        }
        InputChecks.requireTruncationSize(nMax, mMax == null ? Truncation.NO_M_LIMIT : mMax, maxStates,
                "--max-states");
        Truncation t = Truncation.fixed(nMax, mMax == null ? Truncation.NO_M_LIMIT : mMax);
        return failOnTruncation ? t.failIfAbove(tolerance) : t;
    }

    /** {@return the solver named by {@code --solver}} */
    public StationarySolver solver() {
        return StationarySolvers.byName(solverName);
    }
}
