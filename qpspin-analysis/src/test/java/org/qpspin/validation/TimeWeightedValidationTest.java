package org.qpspin.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.noise.NoiseAnalysis;
import org.qpspin.noise.Observable;
import org.qpspin.rates.Channel;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.rates.RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.StationaryFactorization;
import org.qpspin.stationary.StationaryResult;
import org.qpspin.stationary.StationarySolvers;

/**
 * Data without a sampling grid (issue 13 items 4 and 6): histograms get the distribution tests only, and
 * event-sampled series (the time of every jump) the time-weighted distribution tests with the exact long-run
 * covariance plus the time-series tests on the sample-and-hold grid.
 */
class TimeWeightedValidationTest {

    private static final ModelParameters PARAMETERS = ModelParameters.of(50.0, 1.0, 10.0, 0.5, 0.2);
    private static final RateModel RIGHT = Prl2020RateModel.of(PARAMETERS);
    private static final SampleValidator VALIDATOR = SampleValidator.withDefaults().withSignificance(0.01)
            .withBridgeReplicates(2000);
    private static final List<String> DISTRIBUTION_TESTS = List.of("G-test P(N)", "G-test P(N,m)", "KS P(N)",
            "mean N", "Var N", "mean m");
    private static ExactDistribution exact;
    private static double correlationTime;

    @BeforeAll
    static void solve() {
        Generator g = Generator.assemble(RIGHT, StateSpace.triangle(60));
        StationaryFactorization f = StationarySolvers.gth().factorize(g);
        StationaryResult r = f.stationary();
        NoiseAnalysis noise = NoiseAnalysis.of(g, f);
        correlationTime = noise.zeroFrequency(Observable.particleNumber()).correlationTime();
        exact = ExactDistribution.of(r.space(), r.probabilitiesView()).withCorrelationTime(correlationTime)
                .withSpectrum(omega -> noise.spectrum(Observable.particleNumber(), omega).values())
                .withLongRunCovariance(noise::crossZeroFrequencies);
    }

    /**
     * The jump times of {@code replicas} trajectories of {@code rates} (direct Gillespie method on the rate model,
     * as GillespieSimulator does), each recorded for {@code duration} s after a 5 s burn-in, as CSV rows
     * replica,t,N,m: the state entered at each jump, the first row the state at the end of the burn-in.
     */
    static String jumpTimes(RateModel rates, double duration, int replicas, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("replica,t,N,m\n");
        for (int replica = 0; replica < replicas; replica++) {
            int n = 5;
            int m = 0;
            double t = -5.0;
            boolean recording = false;
            while (true) {
                double total = rates.totalRate(n, m);
                double next = t + -Math.log(1.0 - rng.nextDouble()) / total;
                if (!recording && next >= 0.0) {
                    b.append(replica).append(",0.0,").append(n).append(',').append(m).append('\n');
                    recording = true;
                }
                if (next >= duration) {
                    break;
                }
                t = next;
                double u = rng.nextDouble() * total;
                int[] target = new int[2];
                double[] acc = {0.0};
                int fromN = n;
                int fromM = m;
                rates.forEachTransition(fromN, fromM, (c, toN, toM, rate) -> {
                    if (acc[0] <= u && u < acc[0] + rate) {
                        target[0] = toN;
                        target[1] = toM;
                    }
                    acc[0] += rate;
                });
                if (acc[0] <= u) { // rounding at the top end: the last transition
                    rates.forEachTransition(fromN, fromM, (c, toN, toM, rate) -> {
                        target[0] = toN;
                        target[1] = toM;
                    });
                }
                n = target[0];
                m = target[1];
                if (recording) {
                    b.append(replica).append(',').append(t).append(',').append(n).append(',').append(m).append('\n');
                }
            }
        }
        return b.toString();
    }

    private static ValidationReport validateJumps(RateModel rates, long seed) throws IOException {
        SampleInput input = SampleCsv.load(new StringReader(jumpTimes(rates, 150.0, 2, seed)), "jumps", true);
        ValidationReport report = VALIDATOR.validate(input, exact);
        StringBuilder line = new StringBuilder("jump times " + rates.name() + " seed " + seed + ":");
        for (TestVerdict t : report.tests()) {
            line.append(String.format(Locale.ROOT, " %s p=%.2g;", t.name(), t.pValue()));
        }
        System.out.println(line);
        return report;
    }

    @Test
    void eventSampledSeriesOfTheRightChainPass() throws IOException {
        for (long seed : new long[] {1, 2}) {
            ValidationReport report = validateJumps(RIGHT, seed);
            assertTrue(report.passed(), report::toString);
            assertEquals(8, report.tests().size(), report::toString); // six time-weighted + two on the grid
            assertNotNull(report.test("correlation time N"), report::toString);
            assertTrue(report.input().contains("exactly the process sampled every dt"), report.input());
            // n_eff = T / (2 tau_N), T = the recorded time up to each series' last jump (just under 2 x 150 s)
            double total = report.occupation().occupation().total();
            assertTrue(total > 299.0 && total <= 300.0, "T = " + total);
            assertEquals(total / (2 * correlationTime), report.effectiveSamples(), 1e-6 * report.effectiveSamples());
            assertTrue(report.test("mean N").method().contains("exact long-run covariance"), report::toString);
        }
    }

    @Test
    void aWrongSingletRateIsCaughtByTheTimeWeightedTests() throws IOException {
        ValidationReport report = validateJumps(new Scaled(RIGHT, Channel.SINGLET, 1.25), 3);
        assertFalse(report.passed(), report::toString);
        assertFalse(report.test("mean N").passed(), report::toString);
    }

    /** The exact covariance of the time averages against the spread of 40 short independent runs. */
    @Test
    void exactStandardErrorMatchesTheSpreadOfIndependentRuns() throws IOException {
        int runs = 40;
        double[] means = new double[runs];
        double se = Double.NaN;
        for (int k = 0; k < runs; k++) {
            SampleInput input = SampleCsv.load(new StringReader(jumpTimes(RIGHT, 20.0, 1, 100 + k)), "j", true);
            OccupationEstimates e = OccupationEstimates.of(input.occupation(), exact, new ArrayList<>());
            means[k] = e.moment(0);
            se = e.momentStandardError(0);
        }
        double mean = 0.0;
        for (double v : means) {
            mean += v / runs;
        }
        double var = 0.0;
        for (double v : means) {
            var += (v - mean) * (v - mean) / (runs - 1);
        }
        double ratio = Math.sqrt(var) / se; // chi distribution with 39 dof: 0.78 ... 1.22 at 99 %
        System.out.println("time-weighted mean N: spread of 40 runs / exact se = " + ratio);
        assertTrue(ratio > 0.75 && ratio < 1.25, "spread / exact se = " + ratio);
    }

    /** Independent draws from P(N, m), as a histogram of counts. */
    static String countHistogram(double[] p, StateSpace space, int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        long[] hits = new long[p.length];
        for (int k = 0; k < count; k++) {
            double u = rng.nextDouble();
            int i = 0;
            double c = p[0];
            while (u >= c && i < p.length - 1) {
                c += p[++i];
            }
            hits[i]++;
        }
        StringBuilder b = new StringBuilder("\"N\",\"m\",\"count\"\n");
        for (int i = 0; i < p.length; i++) {
            if (hits[i] > 0) {
                b.append(space.levelOf(i)).append(',').append(space.mOf(i)).append(',').append(hits[i]).append('\n');
            }
        }
        return b.toString();
    }

    @Test
    void aHistogramGetsOnlyTheDistributionTests() throws IOException {
        StateSpace space = exact.space();
        double[] p = exact.probabilitiesView().clone();
        SampleInput input = SampleCsv.load(new StringReader(countHistogram(p, space, 20_000, 7)), "h", false);
        ValidationReport good = VALIDATOR.validate(input, exact);
        assertTrue(good.passed(), good::toString);
        assertEquals(DISTRIBUTION_TESTS, good.tests().stream().map(TestVerdict::name).toList());
        assertNull(good.autocorrelationN());
        assertEquals(20_000, good.samples());
        assertTrue(good.warnings().stream().anyMatch(w -> w.startsWith("not applicable to a histogram")),
                good.warnings()::toString);
        // independent counts: the plain G-test (design effect 1, no Rao-Scott inflation)
        assertEquals(1.0, good.test("G-test P(N)").designEffect(), 1e-9);
        // a law shifted by moving 3 % of the mass from N <= 6 to N = 9
        double[] shifted = p.clone();
        double moved = 0.0;
        for (int i = 0; i < p.length; i++) {
            if (space.levelOf(i) <= 6) {
                moved += 0.03 * shifted[i];
                shifted[i] *= 0.97;
            }
        }
        shifted[space.indexOrMinusOne(9, 0)] += moved;
        ValidationReport bad = VALIDATOR.validate(SampleCsv.load(new StringReader(
                countHistogram(shifted, space, 20_000, 7)), "h", false), exact);
        assertFalse(bad.passed(), bad::toString);
    }

    /** A rate model with one channel scaled. */
    private record Scaled(RateModel base, Channel channel, double factor) implements RateModel {
        @Override
        public String name() {
            return channel.name().toLowerCase(Locale.ROOT) + "-x" + factor;
        }

        @Override
        public ModelParameters parameters() {
            return base.parameters();
        }

        @Override
        public void forEachTransition(int n, int m, org.qpspin.rates.TransitionSink sink) {
            base.forEachTransition(n, m, (c, toN, toM, rate) -> sink.accept(c, toN, toM,
                    c == channel ? rate * factor : rate));
        }

        @Override
        public double totalRate(int n, int m) {
            double[] total = new double[1];
            forEachTransition(n, m, (c, toN, toM, rate) -> total[0] += rate);
            return total[0];
        }
    }
}
