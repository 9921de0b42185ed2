package org.qpspin.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.qpspin.model.ModelParameters;
import org.qpspin.montecarlo.GillespieSimulator;
import org.qpspin.montecarlo.MonteCarloSettings;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.rates.RateModel;

/**
 * The simulator against the exact stationary law over many seeds: each test of the validator must fail for about
 * a fraction α of the seeds (false alarms), not zero and not many. Binomial check: the count of failures among
 * {@link #SEEDS} seeds must have a two-sided binomial p-value ≥ 10⁻³ under Bin(SEEDS, α).
 */
class MonteCarloVersusExactTest {

    static final int SEEDS = 100;
    static final double ALPHA = 0.1;

    @Test
    @Tag("slow")
    void falseAlarmsMatchSignificanceOnSmallChain() {
        RateModel rates = Prl2020RateModel.of(ModelParameters.of(50.0, 1.0, 10.0, 0.5, 0.2));
        ExactDistribution exact = ExactReferences.withCorrelationTime(rates, 60);
        SampleValidator validator = SampleValidator.withDefaults().withSignificance(ALPHA).withBridgeReplicates(2000);
        GillespieSimulator simulator = GillespieSimulator.of(rates);
        MonteCarloSettings settings = MonteCarloSettings.of(100.0).withBurnIn(2.0).withReplicas(2)
                .withSampleInterval(0.005).withThreads(1);
        Map<String, Integer> failures = new LinkedHashMap<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            ValidationReport report = validator.validate(Samples.of(simulator.run(settings.withSeed(seed))), exact);
            for (TestVerdict t : report.tests()) {
                failures.merge(t.name(), t.passed() ? 0 : 1, Integer::sum);
            }
        }
        BinomialDistribution null0 = new BinomialDistribution(SEEDS, ALPHA);
        StringBuilder summary = new StringBuilder();
        boolean ok = true;
        for (Map.Entry<String, Integer> e : failures.entrySet()) {
            int k = e.getValue();
            double p = 2.0 * Math.min(null0.cumulativeProbability(k), 1.0 - null0.cumulativeProbability(k - 1));
            summary.append(e.getKey()).append(": ").append(k).append('/').append(SEEDS).append(" (binomial p ")
                    .append(String.format(java.util.Locale.ROOT, "%.3g", Math.min(1.0, p))).append(")\n");
            ok &= p >= 1e-3;
        }
        System.out.println("false alarms at alpha = " + ALPHA + ":\n" + summary);
        assertTrue(ok, summary::toString);
    }
}
