package org.qpspin.validation;

import java.util.List;

/**
 * A sample file as read ({@link SampleCsv#load}): what the tests get, and what was done to the rows on the way.
 * One of three layouts:
 * <ul>
 *   <li>{@link Layout#SERIES}: ordered series of N (and m), untimed or on a regular time grid: every test
 *       applies ({@link #series()} set, {@link #occupation()} null);</li>
 *   <li>{@link Layout#JUMP_TIMES}: event-sampled series, the times of every jump of piecewise-constant
 *       trajectories: the distribution tests use the time-weighted {@link #occupation()}, the time-series tests
 *       the trajectories sampled-and-held on a regular grid ({@link #series()}), which is exactly the process
 *       sampled every Δt;</li>
 *   <li>{@link Layout#HISTOGRAM}: a histogram (N[,m] with counts, or {@code simulate --histogram}'s dwell times):
 *       no time order, so only the distribution tests apply ({@link #series()} null).</li>
 * </ul>
 *
 * @param layout what the file held
 * @param series the ordered series the time-series tests (and, for {@link Layout#SERIES}, all tests) use, or null
 * @param occupation the weighted occupation the distribution tests use, or null for {@link Layout#SERIES}
 * @param description one line saying what was read and what was done to it (no resampling is silent)
 * @param warnings caveats about the file for the user (e.g. the columns ignored), each one line
 */
public record SampleInput(Layout layout, Samples series, Occupation occupation, String description,
                          List<String> warnings) {

    /** What a sample file held. */
    public enum Layout {
        /** Ordered samples, untimed or on a regular time grid. */
        SERIES,
        /** The jump times of piecewise-constant trajectories. */
        JUMP_TIMES,
        /** A histogram: counts or dwell times per state, no time order. */
        HISTOGRAM
    }

    /**
     * Checks that the parts match the layout; copies the warnings.
     *
     * @param layout what the file held
     * @param series the ordered series: set for {@link Layout#SERIES} and {@link Layout#JUMP_TIMES} (the
     *     sample-and-hold grid), null for {@link Layout#HISTOGRAM}
     * @param occupation the weighted occupation: null for {@link Layout#SERIES}, time-weighted for
     *     {@link Layout#JUMP_TIMES}, set for {@link Layout#HISTOGRAM}
     * @param description one line saying what was read and what was done to it (may be empty, not null)
     * @param warnings caveats about the file for the user, each one line (copied)
     * @throws IllegalArgumentException when the series and occupation given do not match the layout
     * @throws NullPointerException if {@code layout}, {@code description} or {@code warnings} is null
     */
    public SampleInput {
        java.util.Objects.requireNonNull(layout, "layout");
        java.util.Objects.requireNonNull(description, "description");
        warnings = List.copyOf(warnings);
        boolean ok = switch (layout) {
            case SERIES -> series != null && occupation == null;
            case JUMP_TIMES -> series != null && occupation != null && occupation.timeWeighted();
            case HISTOGRAM -> series == null && occupation != null;
        };
        if (!ok) {
            throw new IllegalArgumentException("layout " + layout + " does not match the parts given");
        }
    }

    /**
     * {@return ordered series as a {@link Layout#SERIES} input: every test applies}, with no description and no
     * warnings.
     *
     * @param series the samples, untimed or on a regular time grid
     * @throws IllegalArgumentException if {@code series} is null
     */
    public static SampleInput of(Samples series) {
        return new SampleInput(Layout.SERIES, series, null, "", List.of());
    }

    /** {@return the largest N read} */
    public int maxN() {
        return series != null ? series.maxN() : occupation.maxN();
    }
}
