package org.qpspin.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.qpspin.stationary.StationaryAnalysis;

/**
 * The honest verdict on a stationary truncation, the same for every command: its cost
 * c = omittedFlux / (A V) against the tolerance that applies (the automatic truncation's, or {@code --tol},
 * default 1e-10, for a fixed {@code --n-max}: a fixed truncation is not exempt from being judged), and the error
 * scale of ⟨N⟩, ⟨m⟩ only where it means something.
 *
 * <p>Why a cost limit for the error scale: δ = (4/3) c Var N ({@link StationaryAnalysis#truncationErrorScale()})
 * is first order in c and uses Var N of the truncated chain; when the truncation removes a sizeable part of the
 * distribution, Var N itself is squashed and δ no longer bounds anything (issue 14's audit: at --n-max 10, cost 0.84,
 * δ = 1.84 against an actual error of 13; at --n-max 0, cost 1 and δ = 0). Measured (docs/validation.md,
 * "Fixed truncations"): the bound held at c = 1.1e-3, 2.2e-2 and 0.12 and failed from c = 0.31 up; it is reported
 * for c ≤ {@value #ERROR_SCALE_COST_LIMIT} and declared unknown beyond.
 */
final class TruncationVerdict {

    /** Largest cost at which the first-order error scale is reported. */
    static final double ERROR_SCALE_COST_LIMIT = 1e-2;

    final double cost;
    final double tolerance;
    final boolean withinTolerance;
    /** δ, or NaN where it cannot be estimated. */
    final double errorScale;

    private TruncationVerdict(double cost, double tolerance, double errorScale) {
        this.cost = cost;
        this.tolerance = tolerance;
        this.withinTolerance = cost <= tolerance;
        this.errorScale = errorScale;
    }

    /** The verdict on {@code a}, with {@code fixedTolerance} (--tol) applying to a fixed truncation. */
    static TruncationVerdict of(StationaryAnalysis a, double fixedTolerance) {
        double cost = a.result().relativeOmittedFlux();
        double tol = a.truncation().isAutomatic() || Double.isFinite(a.truncation().tolerance())
                ? a.truncation().tolerance() : fixedTolerance;
        boolean special = a.note() != null; // A = 0: the single state is exact whatever the truncation
        double scale = special ? 0.0 : cost <= ERROR_SCALE_COST_LIMIT ? a.truncationErrorScale() : Double.NaN;
        return new TruncationVerdict(special ? 0.0 : cost, tol, scale);
    }

    /** The "tolerance X: met / NOT met" words. */
    String toleranceWords() {
        return String.format(Locale.ROOT, "tolerance %s: %s", SummaryFormat.g(tolerance),
                withinTolerance ? "met" : "NOT met");
    }

    /** The error scale line's value: the number, or why there is none. */
    String errorScaleWords() {
        return Double.isNaN(errorScale) ? String.format(Locale.ROOT, "unknown (cost %.3g > %.0e: the truncation "
                + "removes too much of the distribution for any estimate; the results may be far off)", cost,
                ERROR_SCALE_COST_LIMIT) : String.format(Locale.ROOT, "%.3g", errorScale);
    }

    /** One warning line on {@code err} when the cost exceeds the tolerance (nothing otherwise). */
    void warn(PrintWriter err, String what) {
        if (!withinTolerance) {
            err.printf(Locale.ROOT, "qpspin: warning: truncation cost %.3g exceeds the tolerance %s: %s may be off%s; "
                    + "raise --n-max/--m-max or drop them for the automatic truncation%n", cost,
                    SummaryFormat.g(tolerance), what, Double.isNaN(errorScale) ? " by any amount"
                            : String.format(Locale.ROOT, " by about %.3g", errorScale));
            err.flush();
        }
    }

    /** tolerance, withinTolerance, truncationErrorScale (null where unknown) into {@code node}. */
    void putJson(ObjectNode node) {
        node.put("tolerance", tolerance);
        node.put("withinTolerance", withinTolerance);
        if (Double.isNaN(errorScale)) {
            node.putNull("truncationErrorScale");
        } else {
            node.put("truncationErrorScale", errorScale);
        }
    }
}
