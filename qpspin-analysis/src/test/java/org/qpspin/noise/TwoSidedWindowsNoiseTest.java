package org.qpspin.noise;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.StationaryAnalysis;
import org.qpspin.stationary.StationarySolvers;
import org.qpspin.truncation.Truncation;

/**
 * S_N(0) and the spin's S_2S(0) on the automatic two-sided windows ({@link Truncation#withWindows()}) against the
 * whole triangle 30% higher in N, at the edge of polarization (the paper's flux-noise example, N0 = Nc, scaled down
 * to N0 = Nc = 60 and 120: aluminium's Γ and τs, Γt = Γ/N0, V = 10⁻³ µm³).
 *
 * <p>Bound: S(0) = 2 Var τ, so to first order its relative change is that of Var N plus that of τ_N; the first is
 * at most δ (Nmax − ⟨N⟩)/Var N with δ = (4/3) c Var N the windows' own error scale
 * ({@link StationaryAnalysis#truncationErrorScale()}), and τ_N, an average over the same tail, is taken to move
 * by no more; the assertion is |ΔS|/S ≤ 2 δ (Nmax − ⟨N⟩)/Var N.
 */
class TwoSidedWindowsNoiseTest {

    @ParameterizedTest(name = "N0 = Nc = {0}")
    @ValueSource(ints = {60, 120})
    void zeroFrequencyNoiseOnTheWindowsMatchesTheTriangle(int n0) {
        double gamma = 18.8669;
        ModelParameters p = ModelParameters.withMeanFieldN0(n0, 1e-3, gamma, gamma / n0, 12.6491);
        StationaryAnalysis windows = StationaryAnalysis.factorize(Prl2020RateModel.of(p),
                Truncation.automatic().withWindows(), StationarySolvers.lu());
        NoiseAnalysis w = NoiseAnalysis.of(windows);
        int bigN = (int) (1.3 * windows.result().maxN());
        StationaryAnalysis triangle = StationaryAnalysis.factorize(Prl2020RateModel.of(p),
                Truncation.fixed(bigN), StationarySolvers.lu());
        NoiseAnalysis t = NoiseAnalysis.of(triangle);
        assertTrue(triangle.result().states() > windows.result().states());
        double bound = 2.0 * windows.truncationErrorScale() * (windows.result().maxN() - windows.result().meanN())
                / windows.result().varianceN() + 1e-10;
        for (Observable o : new Observable[] {Observable.particleNumber(), FluxNoiseEstimate.moment()}) {
            double sw = w.zeroFrequency(o).zeroFrequency();
            double st = t.zeroFrequency(o).zeroFrequency();
            double rel = Math.abs(sw / st - 1.0);
            assertTrue(rel <= bound, () -> "N0 = " + n0 + ", " + o + ": S(0) " + sw + " on the windows vs " + st
                    + " on the triangle, relative change " + rel + " > bound " + bound);
        }
    }
}
