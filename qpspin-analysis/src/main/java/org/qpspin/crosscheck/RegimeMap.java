package org.qpspin.crosscheck;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.qpspin.meanfield.MeanFieldFixedPoint;
import org.qpspin.meanfield.MeanFieldStationaryPoint;
import org.qpspin.model.ModelParameters;
import org.qpspin.model.Regime;
import org.qpspin.model.Scales;
import org.qpspin.rates.RateModel;
import org.qpspin.rates.RateModels;
import org.qpspin.stationary.StationaryAnalysis;
import org.qpspin.stationary.StationaryResult;
import org.qpspin.stationary.StationarySolver;
import org.qpspin.truncation.Truncation;

/**
 * The regime map of Fig. 1: on a grid of V/Vc and A/Ac (for fixed Γ, Γt, τs) the mean-field regime
 * ({@link Regime#classify}), the full mean-field point of Eqs. 1–2, and, where the exact solver can reach, the
 * exact polarization ⟨m⟩/⟨N⟩ and enhancement ⟨N⟩/N_unpol.
 *
 * <p>The lines of Fig. 1 in these coordinates (v = V/Vc, a = A/Ac): the volume bound v = 1; the injection bound
 * A = Ac (Vc/V)², i.e. a = v⁻²; the SR/TA crossover A = V/(Γt²τs³), i.e. a = v (since Ac Vc = Γ²/(Γt²τs)).
 * A cell is solved exactly when its full mean-field N* is at most {@code exactMaxN}; the automatic truncation is
 * capped at {@code maxStates} and a cell the solver cannot finish within that is reported as not reached
 * (with the reason), never guessed.
 *
 * <p>The exact cells solve the chosen rate model ({@link #rateModel()}); the regime, the mean-field points and the
 * lines are those of the PRL 2020 rates (Eqs. 1–4 are its limits) whatever the exact cells solve.
 */
public final class RegimeMap {

    /** One grid cell. */
    public static final class Cell {
        private final double volumeRatio;
        private final double injectionRatio;
        private final ModelParameters parameters;
        private final Regime regime;
        private final MeanFieldFixedPoint meanField;
        private final MeanFieldStationaryPoint fullMeanField;
        private final StationaryResult exact;
        private final double exactSeconds;
        private final String note;

        Cell(double v, double a, ModelParameters p, MeanFieldStationaryPoint full, StationaryResult exact,
             double seconds, String note) {
            this.volumeRatio = v;
            this.injectionRatio = a;
            this.parameters = p;
            this.regime = Regime.classify(p);
            this.meanField = MeanFieldFixedPoint.of(p);
            this.fullMeanField = full;
            this.exact = exact;
            this.exactSeconds = seconds;
            this.note = note;
        }

        /** {@return V/Vc} */
        public double volumeRatio() {
            return volumeRatio;
        }

        /** {@return A/Ac} */
        public double injectionRatio() {
            return injectionRatio;
        }

        /** {@return the parameters} */
        public ModelParameters parameters() {
            return parameters;
        }

        /** {@return mean-field regime} */
        public Regime regime() {
            return regime;
        }

        /** {@return Eqs. 3–4} */
        public MeanFieldFixedPoint meanField() {
            return meanField;
        }

        /** {@return Eqs. 1–2} */
        public MeanFieldStationaryPoint fullMeanField() {
            return fullMeanField;
        }

        /** {@return whether the exact solution was computed} */
        public boolean hasExact() {
            return exact != null;
        }

        /** {@return the exact result, or null} */
        public StationaryResult exact() {
            return exact;
        }

        /** {@return exact ⟨m⟩/⟨N⟩ (NaN when not reached)} */
        public double exactFlippedFraction() {
            return exact == null ? Double.NaN : exact.meanM() / exact.meanN();
        }

        /** {@return exact ⟨N⟩/N_unpol (NaN when not reached)} */
        public double exactEnhancement() {
            return exact == null ? Double.NaN
                    : exact.meanN() / Scales.of(parameters).unpolarizedClusterSize();
        }

        /** {@return mean-field (Eqs. 1–2) N* divided by N_unpol} */
        public double meanFieldEnhancement() {
            return fullMeanField.meanN() / Scales.of(parameters).unpolarizedClusterSize();
        }

        /** {@return wall time of the exact solve in s (0 when not reached)} */
        public double exactSeconds() {
            return exactSeconds;
        }

        /** {@return why the exact solution is missing, or null} */
        public String note() {
            return note;
        }
    }

    private final double singletRate;
    private final double tripletRate;
    private final double spinFlipTime;
    private final double[] volumeRatios;
    private final double[] injectionRatios;
    private final List<Cell> cells;
    private final String rateModel;

    private RegimeMap(double g, double gt, double tau, double[] v, double[] a, List<Cell> cells, String rateModel) {
        this.rateModel = rateModel;
        this.singletRate = g;
        this.tripletRate = gt;
        this.spinFlipTime = tau;
        this.volumeRatios = v;
        this.injectionRatios = a;
        this.cells = cells;
    }

    /**
     * Computes the map.
     *
     * @param singletRate  Γ (s⁻¹µm³, &gt; 0)
     * @param tripletRate  Γt (&gt; 0)
     * @param spinFlipTime τs (finite, &gt; 0): the map's axes need Vc and Ac finite
     * @param volumeRatios V/Vc values
     * @param injectionRatios A/Ac values
     * @param exactMaxN    largest full mean-field N* solved exactly (0: none)
     * @param maxStates    cap on the exact truncation's states
     * @param solver       the stationary solver
     * @param progress     receives one line per exact solve (may be null)
     * @return the map: every cell's mean-field regime, and the exact results where solved
     */
    public static RegimeMap compute(double singletRate, double tripletRate, double spinFlipTime,
                                    double[] volumeRatios, double[] injectionRatios, double exactMaxN, int maxStates,
                                    StationarySolver solver, Consumer<String> progress) {
        return compute(singletRate, tripletRate, spinFlipTime, volumeRatios, injectionRatios, exactMaxN, maxStates,
                solver, progress, "prl2020");
    }

    /**
     * As {@link #compute(double, double, double, double[], double[], double, int, StationarySolver, Consumer)}, the
     * exact cells solving the chain of the rate model named {@code rateModel} ({@link RateModels#byName}); the
     * mean-field columns stay the PRL 2020 limits.
     *
     * @param singletRate Γ (s⁻¹µm³, &gt; 0)
     * @param tripletRate Γt (&gt; 0)
     * @param spinFlipTime τs (finite, &gt; 0)
     * @param volumeRatios V/Vc values
     * @param injectionRatios A/Ac values
     * @param exactMaxN largest full mean-field N* solved exactly (0: none)
     * @param maxStates cap on the exact truncation's states
     * @param solver the stationary solver
     * @param progress receives one line per exact solve (may be null)
     * @param rateModel {@code prl2020} or {@code exact-spin}
     * @return the map: every cell's mean-field regime, and the exact results where solved
     */
    public static RegimeMap compute(double singletRate, double tripletRate, double spinFlipTime,
                                    double[] volumeRatios, double[] injectionRatios, double exactMaxN, int maxStates,
                                    StationarySolver solver, Consumer<String> progress,
                                    String rateModel) {
        RateModels.byName(rateModel, ModelParameters.of(1, 1, 1, 1, 1)); // an unknown name fails before any work
        if (!(singletRate > 0.0) || !(tripletRate > 0.0) || !(spinFlipTime > 0.0)
                || !Double.isFinite(spinFlipTime)) {
            throw new IllegalArgumentException("the regime map needs Gamma > 0, Gamma_t > 0 and a finite tau_s > 0");
        }
        double vc = singletRate * spinFlipTime;
        double ac = singletRate / (tripletRate * spinFlipTime * tripletRate * spinFlipTime);
        List<Cell> out = new ArrayList<>();
        for (double a : injectionRatios) {
            for (double v : volumeRatios) {
                if (!(a > 0.0) || !(v > 0.0)) {
                    throw new IllegalArgumentException("grid ratios must be > 0, got V/Vc=" + v + ", A/Ac=" + a);
                }
                ModelParameters p = ModelParameters.of(a * ac, v * vc, singletRate, tripletRate, spinFlipTime);
                MeanFieldStationaryPoint full = MeanFieldStationaryPoint.of(p);
                StationaryResult exact = null;
                double seconds = 0.0;
                String note = null;
                if (full.meanN() > exactMaxN) {
                    note = String.format("N*=%.3g > exact limit %.3g", full.meanN(), exactMaxN);
                } else {
                    long t0 = System.nanoTime();
                    try {
                        RateModel rates = RateModels.byName(rateModel, p);
                        StationaryAnalysis an = StationaryAnalysis.solve(rates,
                                Truncation.automatic().withMaxStates(maxStates), solver);
                        exact = an.result();
                    } catch (IllegalArgumentException e) { // TruncationException included {
                        note = "not reached: " + e.getMessage();
                    }
                    seconds = (System.nanoTime() - t0) * 1e-9;
                    if (progress != null) {
                        progress.accept(String.format("V/Vc=%.3g A/Ac=%.3g N*=%.3g: %s (%.2f s)", v, a,
                                full.meanN(), exact == null ? note : exact.states() + " states", seconds));
                    }
                }
                out.add(new Cell(v, a, p, full, exact, seconds, note));
            }
        }
        return new RegimeMap(singletRate, tripletRate, spinFlipTime, volumeRatios.clone(), injectionRatios.clone(),
                Collections.unmodifiableList(out), rateModel);
    }

    /** {@return the name of the rate model the exact cells solve} */
    public String rateModel() {
        return rateModel;
    }

    /**
     * {@return injection bound of the polarized region, A/Ac = (V/Vc)⁻²}
     *
     * @param volumeRatio V/Vc (&gt; 0)
     */
    public static double injectionBound(double volumeRatio) {
        return 1.0 / (volumeRatio * volumeRatio);
    }

    /**
     * {@return the SR/TA line A = V/(Γt²τs³), in these coordinates A/Ac = V/Vc}
     *
     * @param volumeRatio V/Vc (&gt; 0)
     */
    public static double crossoverLine(double volumeRatio) {
        return volumeRatio;
    }

    /** {@return Cells, A/Ac outer (ascending as given), V/Vc inner} */
    public List<Cell> cells() {
        return cells;
    }

    /** {@return Γ} */
    public double singletRate() {
        return singletRate;
    }

    /** {@return Γt} */
    public double tripletRate() {
        return tripletRate;
    }

    /** {@return τs} */
    public double spinFlipTime() {
        return spinFlipTime;
    }

    /** {@return V/Vc grid} */
    public double[] volumeRatios() {
        return volumeRatios.clone();
    }

    /** {@return A/Ac grid} */
    public double[] injectionRatios() {
        return injectionRatios.clone();
    }
}
