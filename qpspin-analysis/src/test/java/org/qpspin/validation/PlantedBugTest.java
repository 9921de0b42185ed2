package org.qpspin.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qpspin.model.ModelParameters;
import org.qpspin.montecarlo.GillespieSimulator;
import org.qpspin.montecarlo.MonteCarloResult;
import org.qpspin.montecarlo.MonteCarloSettings;
import org.qpspin.rates.Channel;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.rates.RateModel;
import org.qpspin.rates.TransitionSink;

/**
 * The validator rejects samples from deliberately wrong simulators (tested against the exact law of the right
 * model, α = 0.01 per test, Bonferroni overall), and accepts the right simulator with the same seeds.
 */
@Tag("slow")
class PlantedBugTest {

    private static final ModelParameters PARAMETERS = ModelParameters.of(50.0, 1.0, 10.0, 0.5, 0.2);
    private static final RateModel RIGHT = Prl2020RateModel.of(PARAMETERS);
    private static final MonteCarloSettings SETTINGS = MonteCarloSettings.of(1000.0).withBurnIn(5.0)
            .withReplicas(2).withSampleInterval(0.01).withThreads(2);
    private static final SampleValidator VALIDATOR = SampleValidator.withDefaults().withSignificance(0.01);
    private static ExactDistribution exact;

    @BeforeAll
    static void solve() {
        exact = ExactReferences.withCorrelationTime(RIGHT, 60);
    }

    private static ValidationReport validate(RateModel simulated, long seed) { // prints the p-values (docs)
        MonteCarloResult r = GillespieSimulator.of(simulated).run(SETTINGS.withSeed(seed));
        ValidationReport report = VALIDATOR.validate(Samples.of(r), exact);
        StringBuilder line = new StringBuilder("planted " + simulated.name() + " seed " + seed + ":");
        for (TestVerdict t : report.tests()) {
            line.append(String.format(java.util.Locale.ROOT, " %s p=%.2g;", t.name(), t.pValue()));
        }
        System.out.println(line);
        return report;
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void rightSimulatorPasses(long seed) {
        ValidationReport report = validate(RIGHT, seed);
        assertTrue(report.passed(), report::toString);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void singletRateFivePercentHighIsRejected(long seed) {
        ValidationReport report = validate(new Planted(RIGHT, Channel.SINGLET, 1.05, false), seed);
        assertFalse(report.passed(), report::toString);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void droppedBoundaryRuleIsRejected(long seed) {
        ValidationReport report = validate(new Planted(RIGHT, null, 1.0, true), seed);
        assertFalse(report.passed(), report::toString);
    }

    /**
     * All rates doubled: the same stationary law, half the correlation time. Only the correlation-time and spectrum tests
     * can see it; the distribution tests must not (they would be wrong to).
     */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void wrongTimeScaleIsRejectedByTheDynamicsTestsOnly(long seed) {
        ValidationReport report = validate(new Planted(RIGHT, null, 2.0, false), seed);
        assertFalse(report.passed(), report::toString);
        assertFalse(report.test("correlation time N").passed(), report::toString);
        assertFalse(report.test("spectrum N (Welch)").passed(), report::toString);
        assertTrue(report.test("G-test P(N)").passed(), report::toString);
        assertTrue(report.test("KS P(N)").passed(), report::toString);
    }

    /** The PRL 2020 rates with a planted bug: one channel (or all, when null) scaled, or the boundary rule dropped. */
    private static final class Planted implements RateModel {
        private final RateModel base;
        private final Channel channel;
        private final double factor;
        private final boolean dropBoundaryRule;

        Planted(RateModel base, Channel channel, double factor, boolean dropBoundaryRule) {
            this.base = base;
            this.channel = channel;
            this.factor = factor;
            this.dropBoundaryRule = dropBoundaryRule;
        }

        @Override
        public String name() {
            return dropBoundaryRule ? "no-boundary-rule" : channel == null ? "all-rates-x" + factor
                    : channel.name().toLowerCase(java.util.Locale.ROOT) + "-x" + factor;
        }

        @Override
        public ModelParameters parameters() {
            return base.parameters();
        }

        @Override
        public void forEachTransition(int n, int m, TransitionSink sink) {
            base.forEachTransition(n, m, (c, toN, toM, rate) -> {
                double r = rate;
                if (channel == null || c == channel) {
                    r *= factor;
                }
                if (dropBoundaryRule && c == Channel.INJECTION && 2 * m == n) {
                    // the invalid (N+1, m+1) share is lost instead of going to (N+1, m)
                    r = 0.5 * PARAMETERS.totalInjectionRate() * (1.0 + 1.0 / (n - m + 1));
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
}
