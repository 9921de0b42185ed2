package org.qpspin.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.rates.RateModel;

/**
 * {@link TransientAnalysis#withProgress}: one phase per truncation tried, each monotone in per mille of the time
 * span and ending at its total (also the attempts stopped early because their lost mass is already too large),
 * and P(N, m; t) bit-identical with and without the listener; {@link FirstPassage#withProgress} passes it on.
 */
class TransientProgressTest {

    private static final RateModel RATES = Prl2020RateModel.of(ModelParameters.of(40, 1, 10, 0.5, 0.4));

    private static double[] times(int count, double last) {
        double[] t = new double[count];
        for (int i = 0; i < count; i++) {
            t[i] = last * (i + 1) / count;
        }
        return t;
    }

    @Test
    void eachTruncationIsOnePhaseToItsTotalAndNoBitChanges() {
        double[] times = times(30, 3.0);
        // a first truncation far too small: the first attempts stop early and the truncation grows
        TransientAnalysis analysis = TransientAnalysis.withDefaults().withInitialTruncation(8, 2);
        TransientResult plain = analysis.compute(RATES, StartDistribution.pointMass(0, 0), times, null);
        ProgressRecorder recorder = new ProgressRecorder();
        TransientResult listened = analysis.withProgress(recorder).withTolerance(TransientAnalysis.DEFAULT_TOLERANCE)
                .compute(RATES, StartDistribution.pointMass(0, 0), times, null);
        assertTrue(plain.attempts() >= 2, "attempts " + plain.attempts());
        assertEquals(plain.attempts(), recorder.phases.size(), recorder.phases.toString());
        for (int k = 0; k < recorder.phases.size(); k++) {
            assertTrue(recorder.phases.get(k).startsWith("transient: truncation " + (k + 1) + " ("),
                    recorder.phases.get(k));
        }
        recorder.assertComplete();
        assertEquals(plain.attempts(), listened.attempts());
        assertArrayEquals(plain.meanN(), listened.meanN(), 0.0);
        assertArrayEquals(plain.varianceN(), listened.varianceN(), 0.0);
        assertArrayEquals(plain.lostMass(), listened.lostMass(), 0.0);
        for (int i = 0; i < times.length; i++) {
            assertArrayEquals(plain.marginalN()[i], listened.marginalN()[i], 0.0);
            assertArrayEquals(plain.marginalM()[i], listened.marginalM()[i], 0.0);
        }
    }

    @Test
    void firstPassagePassesTheListenerToItsDistribution() {
        double[] times = times(20, 2.0);
        FirstPassageResult plain = FirstPassage.withDefaults().compute(RATES, StartDistribution.pointMass(0, 0),
                TargetSet.parse("N>=12"), times, new double[] {0.5}, null);
        ProgressRecorder recorder = new ProgressRecorder();
        FirstPassageResult listened = FirstPassage.withDefaults().withProgress(recorder).compute(RATES,
                StartDistribution.pointMass(0, 0), TargetSet.parse("N>=12"), times, new double[] {0.5}, null);
        recorder.assertComplete();
        assertTrue(recorder.phases.get(0).startsWith("transient: truncation 1 ("), recorder.phases.toString());
        assertEquals(plain.meanTime(), listened.meanTime(), 0.0);
        assertArrayEquals(plain.cdf(), listened.cdf(), 0.0);
    }
}
