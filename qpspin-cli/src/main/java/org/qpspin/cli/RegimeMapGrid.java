package org.qpspin.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.qpspin.crosscheck.RegimeMap;
import org.qpspin.meanfield.MeanFieldStationaryPoint;
import org.qpspin.model.ModelParameters;
import org.qpspin.stationary.StationarySolvers;

/**
 * The grid of {@code qpspin regime-map}, resolved and checked ({@link RegimeMapOptions#grid}): Γ, Γt, τs, the
 * V/Vc and A/Ac values, the exact-solve limits, the solver and the rate model. {@link #compute} runs the whole map
 * in this process; {@link #commonArguments} and {@link #singleValueRange} make the command line of the one-cell map at a grid
 * point, which gives that cell exactly (every number in round-trip form), for a sweep engine that runs the cells
 * apart ({@code qpspin sweep regime-map}).
 *
 * @param gamma Γ (s⁻¹µm³)
 * @param gammaT Γt (s⁻¹µm³)
 * @param tauS τs (s, finite)
 * @param volumeRatios V/Vc values, ascending
 * @param injectionRatios A/Ac values, ascending
 * @param exactMaxN largest full mean-field N* solved exactly (0: none)
 * @param maxStates cap on the exact truncation's states
 * @param solver the stationary solver's name
 * @param rateModel the exact cells' rate model
 */
public record RegimeMapGrid(double gamma, double gammaT, double tauS, double[] volumeRatios, double[] injectionRatios,
                            double exactMaxN, int maxStates, String solver, String rateModel) {

    /**
     * A grid; copies the arrays. The values are checked by {@link RegimeMapOptions#grid} (and again by
     * {@link RegimeMap#compute}), not here.
     *
     * @param gamma Γ, the singlet recombination rate (s⁻¹µm³, &gt; 0)
     * @param gammaT Γt, the triplet recombination rate (s⁻¹µm³, &gt; 0)
     * @param tauS τs, the spin-flip time (s, finite and &gt; 0: the axes need Vc = Γτs and Ac = Γ/(Γt τs)² finite)
     * @param volumeRatios V/Vc values, ascending, each &gt; 0
     * @param injectionRatios A/Ac values, ascending, each &gt; 0
     * @param exactMaxN largest full mean-field N* solved exactly (0: none)
     * @param maxStates cap on the exact truncation's states (&gt; 0)
     * @param solver the stationary solver's name ({@link StationarySolvers#byName})
     * @param rateModel the exact cells' rate model: {@code prl2020} or {@code exact-spin}
     */
    public RegimeMapGrid {
        volumeRatios = volumeRatios.clone();
        injectionRatios = injectionRatios.clone();
    }

    /** {@return a copy of the V/Vc values, ascending} */
    @Override
    public double[] volumeRatios() {
        return volumeRatios.clone();
    }

    /** {@return a copy of the A/Ac values, ascending} */
    @Override
    public double[] injectionRatios() {
        return injectionRatios.clone();
    }

    /**
     * {@return the whole map computed in this process ({@link RegimeMap#compute}): every cell's mean-field regime,
     * and the exact results where the full mean-field N* is at most {@link #exactMaxN}}
     *
     * @param progress receives one line per exact solve (may be null)
     * @throws IllegalArgumentException when the solver or rate model name is unknown, the rates are not positive
     *     with τs finite, or a ratio is not &gt; 0
     */
    public RegimeMap compute(Consumer<String> progress) {
        return RegimeMap.compute(gamma, gammaT, tauS, volumeRatios, injectionRatios, exactMaxN, maxStates,
                StationarySolvers.byName(solver), progress, rateModel);
    }

    /**
     * {@return the number of cells {@link #compute} solves exactly: those whose full mean-field N* is at most
     * {@link #exactMaxN}, at least 1} The count drives a progress bar, so it is never 0: bad rates (which
     * {@link #compute} reports) and a grid with no exact cell both give 1.
     */
    public long exactSolves() {
        double vc = gamma * tauS;
        double ac = gamma / (gammaT * tauS * gammaT * tauS);
        long n = 0;
        try {
            for (double ai : injectionRatios) {
                for (double vi : volumeRatios) {
                    ModelParameters p = ModelParameters.of(ai * ac, vi * vc, gamma, gammaT, tauS);
                    if (MeanFieldStationaryPoint.of(p).meanN() <= exactMaxN) {
                        n++;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            return 1; // bad rates: RegimeMap.compute says what is wrong
        }
        return Math.max(n, 1);
    }

    /**
     * The arguments of {@code qpspin regime-map} common to every one-cell map of this grid (after the command
     * name): Γ, Γt, τs, the limits, the solver and the rate model, numbers in round-trip form
     * ({@link Double#toString}), so that a one-cell map computes its cell from the same doubles as {@link #compute}.
     *
     * @return a new mutable list of options and values, {@code --gamma} … {@code --rate-model}; the caller appends
     *     the one-cell axis ranges ({@link #singleValueRange})
     */
    public List<String> commonArguments() {
        return new ArrayList<>(List.of("--gamma", Double.toString(gamma), "--gamma-t",
                Double.toString(gammaT), "--tau-s", Double.toString(tauS), "--exact-max-n",
                Double.toString(exactMaxN), "--max-states", Integer.toString(maxStates), "--solver", solver,
                "--rate-model", rateModel));
    }

    /**
     * The range option value of the one-cell axis at {@code ratio}: {@code "r:r"} in round-trip form (the map's
     * grid of LO:HI with LO = HI is that single value, bit for bit).
     *
     * @param ratio the grid point's V/Vc or A/Ac (&gt; 0)
     * @return {@code "r:r"} with r = {@link Double#toString}(ratio)
     */
    public static String singleValueRange(double ratio) {
        return Double.toString(ratio) + ":" + Double.toString(ratio);
    }
}
