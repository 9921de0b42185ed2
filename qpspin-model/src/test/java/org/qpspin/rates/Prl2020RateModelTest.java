package org.qpspin.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qpspin.model.ModelParameters;
import org.qpspin.space.StateSpace;

/**
 * The PRL 2020 rates at chosen states, computed by hand from docs/model.md with A = 3, V = 2 (AV = 6), Γ = 5,
 * Γt = 0.7, τs = 0.25 (flip rate 4).
 */
class Prl2020RateModelTest {

    private static final Prl2020RateModel RATES = Prl2020RateModel.of(ModelParameters.of(3, 2, 5, 0.7, 0.25));

    private record Target(int n, int m, double rate) {
    }

    private static Map<Channel, Target> transitions(RateModel r, int n, int m) {
        Map<Channel, Target> out = new EnumMap<>(Channel.class);
        r.forEachTransition(n, m, (channel, toN, toM, rate) -> {
            assertEquals(null, out.put(channel, new Target(toN, toM, rate)), "channel reported twice");
            assertEquals(n + channel.deltaN(), toN);
            assertEquals(m + channel.deltaM(), toM);
            assertTrue(StateSpace.isValid(toN, toM), channel + " to an invalid state");
            assertTrue(rate > 0);
        });
        return out;
    }

    private static void assertRate(Map<Channel, Target> t, Channel c, double expected) {
        assertTrue(t.containsKey(c), "missing " + c);
        assertEquals(expected, t.get(c).rate(), 1e-14 * expected, c.toString());
    }

    @Test
    void interiorState() {
        // (N, m) = (7, 2), s = N − m = 5
        Map<Channel, Target> t = transitions(RATES, 7, 2);
        assertEquals(8, t.size());
        assertRate(t, Channel.INJECTION, 3.5);           // 6 (1 + 1/6) / 2
        assertRate(t, Channel.INJECTION_FLIPPED, 2.5);   // 6 (1 − 1/6) / 2
        assertRate(t, Channel.SINGLET, 25.0);            // 5 * 5 * 2 / 2
        assertRate(t, Channel.FLIP_UP, 20.0);            // 5 * 4
        assertRate(t, Channel.FLIP_DOWN, 8.0);           // 2 * 4
        assertRate(t, Channel.TRIPLET_MAJORITY, 4.375);  // 0.7 * 25 / 4
        assertRate(t, Channel.TRIPLET_MIXED, 3.5);       // 0.7 * 10 / 2
        assertRate(t, Channel.TRIPLET_MINORITY, 0.7);    // 0.7 * 4 / 4
        assertEquals(67.575, RATES.totalRate(7, 2), 1e-13);
    }

    @Test
    void boundaryRuleAtEvenNWithMHalfN() {
        // (6, 3): (7, 4) is invalid, so the whole injection AV = 6 goes to (7, 3); flip up and the triplet
        // channel to (4, 3) have invalid targets and are omitted
        Map<Channel, Target> t = transitions(RATES, 6, 3);
        assertRate(t, Channel.INJECTION, 6.0);
        assertTrue(!t.containsKey(Channel.INJECTION_FLIPPED));
        assertTrue(!t.containsKey(Channel.FLIP_UP));
        assertTrue(!t.containsKey(Channel.TRIPLET_MAJORITY));
        assertRate(t, Channel.SINGLET, 22.5);            // 5 * 3 * 3 / 2
        assertRate(t, Channel.FLIP_DOWN, 12.0);          // 3 * 4
        assertRate(t, Channel.TRIPLET_MIXED, 3.15);      // 0.7 * 9 / 2
        assertRate(t, Channel.TRIPLET_MINORITY, 1.575);  // 0.7 * 9 / 4
        assertEquals(45.225, RATES.totalRate(6, 3), 1e-13);
        assertEquals(6.0, RATES.injectionRate(6, 3));
        assertEquals(0.0, RATES.flippedInjectionRate(6, 3));
    }

    @Test
    void oddNAtTheTopOfTheLevelKeepsTheSplitInjection() {
        // (7, 3), s = 4: (8, 4) is valid, so no boundary rule; (7, 4) and (5, 3) are invalid
        Map<Channel, Target> t = transitions(RATES, 7, 3);
        assertRate(t, Channel.INJECTION, 3.6);           // 6 (1 + 1/5) / 2
        assertRate(t, Channel.INJECTION_FLIPPED, 2.4);   // 6 (1 − 1/5) / 2
        assertTrue(!t.containsKey(Channel.FLIP_UP));
        assertTrue(!t.containsKey(Channel.TRIPLET_MAJORITY));
    }

    @Test
    void smallestStates() {
        Map<Channel, Target> empty = transitions(RATES, 0, 0);
        assertEquals(1, empty.size());
        assertRate(empty, Channel.INJECTION, 6.0);       // boundary rule at N = 0
        Map<Channel, Target> one = transitions(RATES, 1, 0);
        assertEquals(2, one.size());                     // nothing annihilates a lone particle
        assertRate(one, Channel.INJECTION, 4.5);         // 6 (1 + 1/2) / 2
        assertRate(one, Channel.INJECTION_FLIPPED, 1.5);
    }

    @Test
    void injectionTotalIsAvEverywhereAndTotalRateIsTheSum() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int k = 0; k < 2000; k++) {
            int n = rnd.nextInt(0, 300);
            int m = rnd.nextInt(0, n / 2 + 1);
            double[] inj = new double[1];
            double[] sum = new double[1];
            RATES.forEachTransition(n, m, (channel, toN, toM, rate) -> {
                sum[0] += rate;
                if (channel == Channel.INJECTION || channel == Channel.INJECTION_FLIPPED) {
                    inj[0] += rate;
                }
            });
            assertEquals(6.0, inj[0], 1e-14);
            assertEquals(sum[0], RATES.totalRate(n, m), 1e-13 * sum[0]);
        }
    }

    @Test
    void noSpinFlipsWithInfiniteSpinFlipTime() {
        RateModel r = Prl2020RateModel.of(ModelParameters.of(3, 2, 5, 0.7, Double.POSITIVE_INFINITY));
        Map<Channel, Target> t = transitions(r, 9, 2);
        assertTrue(!t.containsKey(Channel.FLIP_UP) && !t.containsKey(Channel.FLIP_DOWN));
    }
}
