package org.qpspin.truncation;

/**
 * One solve of a truncated chain, as the truncation history records it.
 *
 * @param nMax                Nmax of the attempt
 * @param mMax                largest m kept (min(mMax, ⌊Nmax/2⌋))
 * @param states              number of states
 * @param relativeOmittedFlux omittedFlux / (A V), the truncation cost the tolerance applies to
 * @param outerLevelMass      probability on N = Nmax (equal to the part of the cost due to Nmax: every
 *                            injection out of level Nmax is omitted, at total rate A V)
 * @param outerColumnMass     probability on the m edge that cuts valid states
 * @param solver              name of the solver used
 * @param seconds             wall time of assembly and solve
 */
public record TruncationAttempt(int nMax, int mMax, int states, double relativeOmittedFlux, double outerLevelMass,
                                double outerColumnMass, String solver, double seconds) {

    /**
     * {@return the part of the cost due to mMax: max(0, relativeOmittedFlux − outerLevelMass)} (dimensionless,
     * relative to A V). The clamp at 0 absorbs rounding when the m edge cuts nothing (then the whole cost is the
     * Nmax level's).
     */
    public double columnCost() {
        return Math.max(0.0, relativeOmittedFlux - outerLevelMass);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "nMax=%d mMax=%d states=%d cost=%.3g (level %.3g, column %.3g)"
                + " %s %.3fs", nMax, mMax, states, relativeOmittedFlux, outerLevelMass, columnCost(), solver, seconds);
    }
}
