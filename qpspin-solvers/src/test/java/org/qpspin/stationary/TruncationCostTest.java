package org.qpspin.stationary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qpspin.generator.Generator;
import org.qpspin.model.Aluminium;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.truncation.Truncation;

/**
 * The reported truncation cost c = omittedFlux / (AV) bounds what a larger truncation changes.
 *
 * <p>Derivation (docs/theory.md, "Truncation and its cost"). Let p solve the chain on S and p' on S' ⊃ S, and let
 * g solve the Poisson equation L'ᵀ g = −(f − ⟨f⟩') on S'. Extending p by zero, L'p is −p_j ω_j on S (ω_j the rate
 * from j into S' \ S) and the inflow on S' \ S, so ⟨f⟩ − ⟨f⟩' = −gᵀL'p = Σ_{j∈S, k∈S'\S} p_j rate_jk (g_j − g_k)
 * exactly. Hence |⟨f⟩ − ⟨f⟩'| ≤ omittedFlux · max |g_j − g_k|. In the Ornstein–Uhlenbeck approximation of N,
 * |g_j − g_k| ≈ τ_N |ΔN| with τ_N = 2 Var N / D_N and D_N = 3AV, and |ΔN| ≤ 2 (an injection adds one particle;
 * an omitted spin flip costs at most one singlet pair later), which gives the scale
 * δ = 2 c AV τ_N = (4/3) c Var N of {@link StationaryAnalysis#truncationErrorScale()} and
 * |Δ Var N| ≲ δ (Nmax − ⟨N⟩) (g' ≈ 2(N − ⟨N⟩) τ_N/2 per particle for f = (N − ⟨N⟩)²).
 * The approximation holds once the truncation is deep in the tail, where the automatic truncation works
 * (c ≤ 10⁻⁶ asserted here). Shallower m cuts move ⟨N⟩ by more: aluminium, N0 = 20, mMax = 2 (c = 1.4 × 10⁻⁴)
 * gives |Δ⟨N⟩| = 1.04 δ, mMax = 1 (c = 2 × 10⁻²) 1.5 δ; docs/validation.md lists these.
 */
class TruncationCostTest {

    static Stream<Arguments> regimes() {
        return Stream.of(
                Arguments.of("crossover", ModelParameters.of(50.0, 1.0, 10.0, 0.5, 0.2)),
                Arguments.of("SR", ModelParameters.withMeanFieldN0(20, 1.0, 100.0, 0.0, 1.0)),
                Arguments.of("TA", ModelParameters.withMeanFieldN0(20, 1.0, 100.0, 1.0, Double.POSITIVE_INFINITY)),
                Arguments.of("unpolarized", ModelParameters.withMeanFieldN0(12, 1.0, 1.0, 0.1, 10.0)),
                Arguments.of("no singlet channel", ModelParameters.withMeanFieldN0(10, 1.0, 0.0, 1.0, 2.0)),
                Arguments.of("aluminium", Aluminium.withMeanFieldN0(20, 0.001)));
    }

    private static StationaryResult solve(ModelParameters p, int nMax, int mMax) {
        return StationarySolvers.gth().solve(Generator.assemble(Prl2020RateModel.of(p),
                StateSpace.rectangle(nMax, mMax)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regimes")
    void growingTheTruncationChangesMomentsByLessThanTheCostScale(String label, ModelParameters p) {
        StationaryAnalysis auto = StationaryAnalysis.solve(p, Truncation.automatic(1e-8), StationarySolvers.gth());
        int nMax = auto.result().maxN();
        int mMax = auto.result().maxM();
        int bigN = (int) (1.3 * nMax);
        StationaryResult ref = solve(p, bigN, Math.min(bigN / 2, (int) (1.5 * mMax) + 1));
        assertTrue(ref.relativeOmittedFlux() < 1e-12, () -> label + ": reference cost " + ref.relativeOmittedFlux());

        List<int[]> cuts = new ArrayList<>();
        cuts.add(new int[] {nMax, mMax});
        for (double f : new double[] {0.6, 0.7, 0.8, 0.85, 0.9, 0.95}) {
            cuts.add(new int[] {(int) (f * nMax), mMax});
        }
        for (int m = 1; m < mMax; m++) {
            cuts.add(new int[] {nMax, m});
        }
        int checked = 0;
        for (int[] cut : cuts) {
            StationaryResult r = solve(p, cut[0], cut[1]);
            double c = r.relativeOmittedFlux();
            if (c > 1e-6) {
                continue; // not yet deep in the tail, where the Ornstein–Uhlenbeck scale applies
            }
            checked++;
            double delta = 4.0 / 3.0 * c * r.varianceN();
            String where = label + " nMax=" + cut[0] + " mMax=" + cut[1] + " c=" + c + " delta=" + delta;
            assertTrue(Math.abs(r.meanN() - ref.meanN()) <= delta,
                    () -> where + ": |d<N>| = " + Math.abs(r.meanN() - ref.meanN()));
            assertTrue(Math.abs(r.meanM() - ref.meanM()) <= delta,
                    () -> where + ": |d<m>| = " + Math.abs(r.meanM() - ref.meanM()));
            assertTrue(Math.abs(r.varianceN() - ref.varianceN()) <= delta * (cut[0] - r.meanN()),
                    () -> where + ": |dVarN| = " + Math.abs(r.varianceN() - ref.varianceN()));
        }
        assertTrue(checked >= 4, label + ": only " + checked + " cuts in the tail");
        // the analysis reports the same scale for its own answer
        assertEquals(4.0 / 3.0 * auto.result().relativeOmittedFlux() * auto.result().varianceN(),
                auto.truncationErrorScale(), 1e-15);
    }

    /** g with L'ᵀ g = −(f − ⟨f⟩), pinned by g_0 = 0 (only differences of g matter). */
    private static double[] poissonSolution(Generator g, double[] p, double[] f) {
        int n = g.size();
        double mean = 0.0;
        for (int i = 0; i < n; i++) {
            mean += p[i] * f[i];
        }
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        DMatrixSparseCSC l = g.matrix();
        for (int j = 0; j < n; j++) {
            for (int k = l.col_idx[j]; k < l.col_idx[j + 1]; k++) {
                a.set(j, l.nz_rows[k], l.nz_values[k]);
            }
        }
        DMatrixRMaj b = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            b.set(i, 0, -(f[i] - mean));
        }
        for (int j = 0; j < n; j++) {
            a.set(0, j, j == 0 ? 1.0 : 0.0);
        }
        b.set(0, 0, 0.0);
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        assertTrue(CommonOps_DDRM.solve(a, b, x));
        return x.data;
    }

    @Test
    void changeOfAMeanIsTheOmittedFluxTimesThePoissonPotentialJump() {
        // the exact identity behind the bound: <f>_S − <f>_S' = Σ_{j∈S,k∈S'\S} p_j rate_jk (g_j − g_k)
        ModelParameters p = ModelParameters.of(50.0, 1.0, 10.0, 0.5, 0.2);
        Prl2020RateModel rates = Prl2020RateModel.of(p);
        Generator big = Generator.assemble(rates, StateSpace.rectangle(30, 15));
        StationaryResult ref = StationarySolvers.gth().solve(big);
        int n = big.size();
        double[] fN = new double[n];
        double[] fM = new double[n];
        for (int i = 0; i < n; i++) {
            fN[i] = big.space().levelOf(i);
            fM[i] = big.space().mOf(i);
        }
        double[] gN = poissonSolution(big, ref.probabilitiesView(), fN);
        double[] gM = poissonSolution(big, ref.probabilitiesView(), fM);
        for (int[] cut : new int[][] {{12, 6}, {14, 3}, {20, 2}}) {
            StateSpace s = StateSpace.rectangle(cut[0], cut[1]);
            StationaryResult r = StationarySolvers.gth().solve(Generator.assemble(rates, s));
            double[] pr = r.probabilitiesView();
            double[] predicted = new double[2];
            for (int j = 0; j < pr.length; j++) {
                int jBig = big.space().index(s.levelOf(j), s.mOf(j));
                double pj = pr[j];
                rates.forEachTransition(s.levelOf(j), s.mOf(j), (channel, toN, toM, rate) -> {
                    if (!s.contains(toN, toM) && big.space().contains(toN, toM)) {
                        int k = big.space().index(toN, toM);
                        predicted[0] += pj * rate * (gN[jBig] - gN[k]);
                        predicted[1] += pj * rate * (gM[jBig] - gM[k]);
                    }
                });
            }
            double dN = r.meanN() - ref.meanN();
            double dM = r.meanM() - ref.meanM();
            assertTrue(Math.abs(dN) > 1e-9, "cut too generous to test: " + dN);
            assertEquals(dN, predicted[0], 1e-7 * Math.abs(dN), "d<N> at " + cut[0] + "," + cut[1]);
            assertEquals(dM, predicted[1], 1e-7 * Math.abs(dM), "d<m> at " + cut[0] + "," + cut[1]);
        }
    }
}
