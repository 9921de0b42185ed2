package org.qpspin.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qpspin.space.StateSpace;

/** The validator on synthetic samples with a known law (no simulator, no exact solver). */
class SampleValidatorTest {

    private static final StateSpace SPACE = StateSpace.triangle(30);

    /** P(N, m) ∝ Poisson(N; 6) × Binomial-like weight in m. */
    private static double[] law(double mean) {
        double[] p = new double[SPACE.size()];
        double sum = 0.0;
        for (int i = 0; i < p.length; i++) {
            int n = SPACE.levelOf(i);
            int m = SPACE.mOf(i);
            double poisson = Math.exp(-mean + n * Math.log(mean) - org.apache.commons.math3.special.Gamma.logGamma(n + 1));
            p[i] = poisson * Math.pow(0.4, m) / levelWeight(n);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static double levelWeight(int n) {
        double w = 0.0;
        for (int m = 0; m <= n / 2; m++) {
            w += Math.pow(0.4, m);
        }
        return w;
    }

    /** iid draws from p, as one series; or an AR-like correlated series that repeats each draw {@code repeat} times. */
    private static Samples draw(double[] p, int count, int repeat, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] cumulative = new double[p.length];
        double c = 0.0;
        for (int i = 0; i < p.length; i++) {
            c += p[i];
            cumulative[i] = c;
        }
        int[] n = new int[count];
        int[] m = new int[count];
        for (int k = 0; k < count; k += repeat) {
            double u = rng.nextDouble() * c;
            int i = 0;
            while (i < p.length - 1 && u >= cumulative[i]) {
                i++;
            }
            for (int r = k; r < Math.min(count, k + repeat); r++) {
                n[r] = SPACE.levelOf(i);
                m[r] = SPACE.mOf(i);
            }
        }
        return Samples.of(List.of(n), List.of(m), Double.NaN);
    }

    /** A test that could not be carried out (NaN p-value) is no evidence of agreement: it fails, and so does the report. */
    @Test
    void anUndefinedPValueFailsTheTestAndTheVerdict() {
        ExactDistribution exact = ExactDistribution.of(SPACE, law(6.0));
        SampleValidator v = SampleValidator.withDefaults().withSignificance(0.01).withBridgeReplicates(200);
        ValidationReport good = v.validate(draw(law(6.0), 20_000, 1, 2), exact);
        assertTrue(good.passed(), good::toString);
        TestVerdict undefined = TestVerdict.of("undefined", "a statistic of a constant series", Double.NaN,
                Double.NaN, Double.NaN, 0.01);
        assertFalse(undefined.passed());
        List<TestVerdict> tests = new ArrayList<>(good.tests());
        tests.add(undefined);
        ValidationReport withUndefined = new ValidationReport(tests, good.alpha(), good.batched(),
                good.sampleFrequencyN(), good.warnings(), good.spectrum(), good.occupation(), good.input());
        assertFalse(withUndefined.passed(), withUndefined::toString);
        assertTrue(Double.isNaN(withUndefined.minPValue()));
    }

    @Test
    void independentSamplesOfTheLawPassAndAShiftedLawFails() {
        ExactDistribution exact = ExactDistribution.of(SPACE, law(6.0));
        SampleValidator v = SampleValidator.withDefaults().withSignificance(0.01).withBridgeReplicates(2000);
        ValidationReport good = v.validate(draw(law(6.0), 50_000, 1, 1), exact);
        assertTrue(good.passed(), good::toString);
        assertEquals(0.5, good.autocorrelationN().tau(), 0.05);
        ValidationReport bad = v.validate(draw(law(6.15), 50_000, 1, 1), exact);
        assertFalse(bad.passed(), bad::toString);
        assertFalse(bad.test("mean N").passed(), bad::toString);
    }

    /** Each draw repeated 10 times: τ_int ≈ 5, and the corrected tests must still pass (no false alarm). */
    @Test
    void correlatedSamplesAreCorrectedNotRejected() {
        ExactDistribution exact = ExactDistribution.of(SPACE, law(6.0));
        ValidationReport r = SampleValidator.withDefaults().withSignificance(0.01).withBridgeReplicates(2000)
                .validate(draw(law(6.0), 200_000, 10, 3), exact);
        assertEquals(5.0, r.autocorrelationN().tau(), 0.5);
        assertTrue(r.passed(), r::toString);
        assertEquals(20_000, r.effectiveSamples(), 2_500);
    }

    @Test
    void mergeCellsReachesTheMinimumExpectedCount() {
        double[] p = {0.001, 0.002, 0.3, 0.3, 0.394, 0.002, 0.001};
        int[] cell = CellPartition.merge(p, 1000);
        assertEquals(0, cell[0]);
        assertEquals(0, cell[2]); // 0.001 + 0.002 + 0.3 closes the first cell
        assertEquals(cell[4], cell[6]); // the small tail joins the last cell
        double[] mass = new double[cell[6] + 1];
        for (int i = 0; i < p.length; i++) {
            mass[cell[i]] += p[i];
        }
        for (double w : mass) {
            assertTrue(w * 1000 >= SampleValidator.MIN_EXPECTED);
        }
    }

    /** Each test alone on the batched samples gives the very verdict the validator reports under its name. */
    @Test
    void eachTestAloneGivesTheValidatorsVerdict() {
        ExactDistribution exact = ExactDistribution.of(SPACE, law(6.0));
        Samples samples = draw(law(6.0), 20_000, 3, 5);
        SampleValidator validator = SampleValidator.withDefaults().withSignificance(0.05).withBridgeReplicates(500);
        ValidationReport report = validator.validate(samples, exact);
        BatchedSamples batched = BatchedSamples.of(samples, new ArrayList<>());
        List<String> ran = new ArrayList<>();
        for (SampleTest test : validator.tests()) {
            assertEquals(0.05, test.significance());
            java.util.Optional<TestVerdict> alone = test.test(batched, exact, new ArrayList<>());
            alone.ifPresent(v -> ran.add(v.name()));
            assertEquals(alone.orElse(null), report.test(test.name()), test.name());
        }
        // untimed samples with m: no correlation-time or spectrum test
        assertEquals(List.of("G-test P(N)", "G-test P(N,m)", "KS P(N)", "mean N", "Var N", "mean m"), ran);
        assertEquals(ran.size(), report.tests().size());
    }

    @Test
    void testsWithoutTheirDataDoNotRunAndConfigurationIsChecked() {
        ExactDistribution exact = ExactDistribution.of(SPACE, law(6.0));
        int[] n = draw(law(6.0), 5_000, 1, 7).n(0);
        BatchedSamples noM = BatchedSamples.of(Samples.of(List.of(n), null, 0.1), new ArrayList<>());
        List<String> warnings = new ArrayList<>();
        assertTrue(StateDistributionGTest.withDefaults().test(noM, exact, warnings).isEmpty());
        assertTrue(BatchMeansTest.withDefaults(BatchMeansTest.Moment.MEAN_M).test(noM, exact, warnings).isEmpty());
        assertTrue(WelchSpectrumTest.withDefaults().test(noM, exact, warnings).isEmpty());
        assertTrue(warnings.isEmpty(), warnings::toString);
        assertTrue(CorrelationTimeTest.withDefaults().test(noM, exact, warnings).isEmpty());
        assertEquals(List.of("correlation time not tested: no exact tau_N = S_N(0)/(2 Var N) was given"), warnings);
        assertThrows(IllegalArgumentException.class, () -> SizeDistributionGTest.withDefaults().withSignificance(1.0));
        assertThrows(IllegalArgumentException.class, () -> SampleValidator.withDefaults().withSignificance(0.0));
        assertThrows(IllegalArgumentException.class,
                () -> SizeKolmogorovSmirnovTest.withDefaults().withBridgeReplicates(99));
    }

    /** χ²(2) has P(X &gt; x) = exp(−x/2): the p-value keeps its relative accuracy far in the tail. */
    @Test
    void chiSquaredSurvivalKeepsTheUpperTail() {
        for (double x : new double[] {0.5, 3.0, 40.0, 200.0, 1400.0}) {
            assertEquals(Math.exp(-x / 2), ChiSquared.survival(x, 2), 1e-13 * Math.exp(-x / 2), "x = " + x);
        }
        assertEquals(1.0, ChiSquared.survival(0.0, 3));
        assertEquals(0.0, ChiSquared.survival(Double.POSITIVE_INFINITY, 3));
    }

    @Test
    void csvIrregularTimesAreRefusedUnlessTheyAreJumpTimes() throws IOException {
        String irregular = "t,N,m\n0,2,0\n0.5,3,1\n3,4,1\n4,4,2\n";
        SampleCsv.SampleFormatException e = assertThrows(SampleCsv.SampleFormatException.class,
                () -> SampleCsv.read(new StringReader(irregular), "x"));
        assertTrue(e.getMessage().contains("not on a regular time grid (steps from 0.500000 to 2.50000 s"), e.getMessage());
        // a grid with every third row dropped (audit row 172) is refused, not taken for a trajectory
        StringBuilder dropped = new StringBuilder("t,N\n");
        for (int k = 0; k < 30; k++) {
            if (k % 3 != 2) {
                dropped.append(0.015 * k).append(",").append(1 + k % 4).append("\n");
            }
        }
        assertThrows(SampleCsv.SampleFormatException.class, () -> SampleCsv.read(new StringReader(dropped.toString()), "d"));
        // times rounded to 1 us on a 0.0615 s grid stay a regular grid of the mean step
        StringBuilder rounded = new StringBuilder("t,N\n");
        for (int k = 0; k < 50; k++) {
            rounded.append(Math.round(0.0615 * k * 1e6) / 1e6).append(",").append(1 + k % 3).append("\n");
        }
        Samples r = SampleCsv.read(new StringReader(rounded.toString()), "r");
        assertEquals(50, r.n(0).length);
        assertEquals(0.0615, r.interval(), 1e-9);
        Samples s = SampleCsv.read(new StringReader(irregular), "x", true);
        // mean spacing 4/3 s: grid 0, 1.333, 2.667, 4.0 -> states held at those times
        assertEquals(4.0 / 3.0, s.interval(), 1e-12);
        assertEquals(List.of(2, 3, 3, 4), List.of(s.n(0)[0], s.n(0)[1], s.n(0)[2], s.n(0)[3]));
        Samples regular = SampleCsv.read(new StringReader("# c\nreplica,t,N\na,0,1\na,0.1,2\nb,0,3\nb,0.1,4\n"), "y");
        assertEquals(2, regular.seriesCount());
        assertEquals(0.1, regular.interval(), 1e-12);
        assertFalse(regular.hasM());
        assertThrows(IllegalArgumentException.class,
                () -> SampleCsv.read(new StringReader("N,m\n5,3\n"), "z"));
    }
}
