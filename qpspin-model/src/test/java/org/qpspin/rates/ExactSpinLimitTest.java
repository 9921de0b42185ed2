package org.qpspin.rates;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qpspin.model.ModelParameters;

/**
 * As m/N → 0 each exact-spin rate tends to the PRL 2020 rate at the order docs/theory.md predicts: the relative
 * deviation exact/PRL − 1 equals the predicted leading term L(N, m) up to a relative correction O(m/N):
 * <pre>
 *   injection → (N+1, m)       L = +m/N²        injection → (N+1, m+1)    L = −m/N²
 *   singlet   → (N−2, m−1)     L = +1/N         flip → (N, m+1)           L = −1/N
 *   flip → (N, m−1)            L = +2/N         free pair → (N−2, m)      L = −1/N
 *   free pair → (N−2, m−1)     L = +1/N         free pair → (N−2, m−2)    L = −1/m
 * </pre>
 * The last one does not vanish with m/N: the paper's Γt m²/(2V) counts a minority spin paired with itself; the
 * exact rate reaches the PRL one only when m ≫ 1 too (checked along m = √N).
 */
class ExactSpinLimitTest {

    private static final ModelParameters P = ModelParameters.of(1.3, 0.7, 2.1, 0.37, 0.45);
    private static final ExactSpinRateModel EXACT = ExactSpinRateModel.of(P);
    private static final Prl2020RateModel PRL = Prl2020RateModel.of(P);

    /** The predicted leading relative deviation of {@code c} at (N, m). */
    static double leading(Channel c, double n, double m) {
        return switch (c) {
            case INJECTION -> m / (n * n);
            case INJECTION_FLIPPED -> -m / (n * n);
            case SINGLET, TRIPLET_MIXED -> 1.0 / n;
            case FLIP_UP, TRIPLET_MAJORITY -> -1.0 / n;
            case FLIP_DOWN -> 2.0 / n;
            case TRIPLET_MINORITY -> -1.0 / m;
        };
    }

    private static Map<Channel, Double> rates(RateModel model, int n, int m) {
        Map<Channel, Double> out = new EnumMap<>(Channel.class);
        model.forEachTransition(n, m, (c, toN, toM, r) -> out.put(c, r));
        return out;
    }

    private static void checkAt(int n, int m) {
        Map<Channel, Double> e = rates(EXACT, n, m);
        Map<Channel, Double> p = rates(PRL, n, m);
        assertTrue(e.keySet().equals(p.keySet()), "channels differ at (" + n + ", " + m + ")");
        for (Channel c : e.keySet()) {
            double deviation = e.get(c) / p.get(c) - 1.0;
            double lead = leading(c, n, m);
            // the next order is O(m/N) relative to the leading term; 1e-15 covers the rounding of e/p − 1
            double allowed = 8.0 * Math.abs(lead) * (m + 1.0) / n + 1e-15;
            assertTrue(Math.abs(deviation - lead) <= allowed, "(" + n + ", " + m + ") " + c + ": exact/PRL − 1 = "
                    + deviation + ", predicted " + lead + " ± " + allowed);
        }
    }

    @Test
    void eachRateTendsToThePrl2020RateAtThePredictedOrder() {
        for (int n = 100; n <= 100_000; n *= 10) {
            for (int m : new int[] {1, 2, 3, 7, 20}) {
                checkAt(n, m);
                checkAt(n + 1, m); // odd N too
            }
        }
    }

    @Test
    void alongMEqualsRootNEveryRateConverges() {
        double previous = Double.POSITIVE_INFINITY;
        for (int n = 100; n <= 1_000_000; n *= 10) {
            int m = (int) Math.round(Math.sqrt(n));
            checkAt(n, m);
            double worst = 0.0;
            Map<Channel, Double> e = rates(EXACT, n, m);
            Map<Channel, Double> p = rates(PRL, n, m);
            for (Channel c : e.keySet()) {
                worst = Math.max(worst, Math.abs(e.get(c) / p.get(c) - 1.0));
            }
            assertTrue(worst <= 1.1 / m && worst < previous, "N = " + n + ": worst relative deviation " + worst);
            previous = worst;
        }
    }
}
