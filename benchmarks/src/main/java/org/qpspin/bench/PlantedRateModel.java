package org.qpspin.bench;

import java.util.Locale;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Channel;
import org.qpspin.rates.RateModel;

/**
 * A rate model with a planted error, for measuring the power of {@code qpspin validate}
 * ({@link ValidatorCalibration}): the correct PRL 2020 rates of docs/model.md with one thing wrong.
 *
 * <ul>
 *   <li>{@link #singletScaled}: the singlet-annihilation channel Γ (N − m) m / V multiplied by a factor (the other
 *       channels, including the mixed triplet one that reaches the same target, unchanged);</li>
 *   <li>{@link #withoutBoundaryRule}: docs/model.md's boundary rule dropped: out of a state with m = N/2 (N even)
 *       the injection share A V [1 − 1/(N − m + 1)] / 2 of the invalid target (N+1, m+1) is lost instead of
 *       being added to (N+1, m), so such states inject at less than A V (as {@code PlantedBugTest} does);</li>
 *   <li>{@link #timeScaled}: every rate divided by a factor s, i.e. the same trajectories with their time axis
 *       stretched by s (a simulator whose clock runs s times too fast): P(N, m) unchanged, τ_N × s.</li>
 * </ul>
 * Immutable.
 */
public final class PlantedRateModel implements RateModel {

    private final RateModel base;
    private final String name;
    private final double singletFactor;
    private final double rateFactor;
    private final boolean dropBoundaryRule;

    private PlantedRateModel(RateModel base, String name, double singletFactor, double rateFactor,
                             boolean dropBoundaryRule) {
        this.base = base;
        this.name = name;
        this.singletFactor = singletFactor;
        this.rateFactor = rateFactor;
        this.dropBoundaryRule = dropBoundaryRule;
    }

    /** {@code base} with the singlet channel's rate × {@code factor}. */
    public static PlantedRateModel singletScaled(RateModel base, double factor) {
        return new PlantedRateModel(base, String.format(Locale.ROOT, "singlet-x%.4g", factor), factor, 1.0, false);
    }

    /** {@code base} with the boundary rule of injection dropped (the invalid target's share lost). */
    public static PlantedRateModel withoutBoundaryRule(RateModel base) {
        return new PlantedRateModel(base, "no-boundary-rule", 1.0, 1.0, true);
    }

    /** {@code base} with every rate divided by {@code stretch}: its time axis scaled by {@code stretch}. */
    public static PlantedRateModel timeScaled(RateModel base, double stretch) {
        return new PlantedRateModel(base, String.format(Locale.ROOT, "time-x%.4g", stretch), 1.0, 1.0 / stretch,
                false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ModelParameters parameters() {
        return base.parameters();
    }

    @Override
    public void forEachTransition(int n, int m, org.qpspin.rates.TransitionSink sink) {
        double av = base.parameters().totalInjectionRate();
        base.forEachTransition(n, m, (c, toN, toM, rate) -> {
            double r = rate * rateFactor;
            if (c == Channel.SINGLET) {
                r *= singletFactor;
            }
            if (dropBoundaryRule && c == Channel.INJECTION && 2 * m == n) {
                // only the valid target's own share A V [1 + 1/(N − m + 1)] / 2 is left
                r = rateFactor * 0.5 * av * (1.0 + 1.0 / (n - m + 1));
            }
            sink.accept(c, toN, toM, r);
        });
    }

    @Override
    public double totalRate(int n, int m) {
        double[] total = new double[1];
        forEachTransition(n, m, (c, toN, toM, rate) -> total[0] += rate);
        return total[0];
    }
}
