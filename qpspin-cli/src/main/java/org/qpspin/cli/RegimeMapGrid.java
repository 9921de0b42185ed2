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

    /** Copies the arrays. */
    public RegimeMapGrid {
        volumeRatios = volumeRatios.clone();
        injectionRatios = injectionRatios.clone();
    }

    @Override
    public double[] volumeRatios() {
        return volumeRatios.clone();
    }

    @Override
    public double[] injectionRatios() {
        return injectionRatios.clone();
    }

    /** The whole map in this process ({@link RegimeMap#compute}); {@code progress} gets one line per exact solve. */
    public RegimeMap compute(Consumer<String> progress) {
        return RegimeMap.compute(gamma, gammaT, tauS, volumeRatios, injectionRatios, exactMaxN, maxStates,
                StationarySolvers.byName(solver), progress, rateModel);
    }

    /** The number of cells {@link #compute} solves exactly: those whose full mean-field N* is within the limit. */
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
     */
    public static String singleValueRange(double ratio) {
        return Double.toString(ratio) + ":" + Double.toString(ratio);
    }
}
