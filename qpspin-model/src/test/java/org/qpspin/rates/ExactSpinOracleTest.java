package org.qpspin.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qpspin.model.ModelParameters;

/**
 * {@link ExactSpinRateModel}'s closed forms against the brute-force spin computation of {@link SpinOracle}
 * (2^N-dimensional, N ≤ 10 sources, 11 spins for injection targets), every transition into every sector,
 * to 1e-12 relative; plus docs/model.md's reference values.
 */
class ExactSpinOracleTest {

    static final int MAX_N = 10;
    static final double TOLERANCE = 1e-12;

    /** Parameters with five different, non-unit values so that a wrong coefficient cannot hide. */
    static final ModelParameters P = ModelParameters.of(1.3, 0.7, 2.1, 0.37, 0.45);

    /** The closed-form channel a brute-force (process, target) belongs to, or null where the rate must vanish. */
    static Channel channelOf(SpinOracle.Process process, int m, int toM) {
        int dm = toM - m;
        return switch (process) {
            case INJECTION -> dm == 0 ? Channel.INJECTION : dm == 1 ? Channel.INJECTION_FLIPPED : null;
            case SINGLET -> dm == -1 ? Channel.SINGLET : null;
            case SPIN_INDEPENDENT -> dm == 0 ? Channel.TRIPLET_MAJORITY
                    : dm == -1 ? Channel.TRIPLET_MIXED : dm == -2 ? Channel.TRIPLET_MINORITY : null;
            case FLIP -> dm == 1 ? Channel.FLIP_UP : dm == -1 ? Channel.FLIP_DOWN : null;
        };
    }

    /** A scale for "zero": the process's total rate out of (N, m), so a vanishing rate is checked absolutely. */
    static double processScale(ModelParameters p, SpinOracle.Process process, int n) {
        return switch (process) {
            case INJECTION -> p.totalInjectionRate();
            case SINGLET -> p.singletRate() / p.volume() * n * n;
            case SPIN_INDEPENDENT -> p.tripletRate() / p.volume() * n * n;
            case FLIP -> p.spinFlipRate() * n;
        };
    }

    @Test
    void everyRateMatchesTheBruteForceSpinComputation() {
        ExactSpinRateModel model = ExactSpinRateModel.of(P);
        List<String> failures = new ArrayList<>();
        int compared = 0;
        double worst = 0.0;
        for (int n = 0; n <= MAX_N; n++) {
            for (int m = 0; 2 * m <= n; m++) {
                Map<Channel, Double> reported = new EnumMap<>(Channel.class);
                int fn = n;
                int fm = m;
                model.forEachTransition(n, m, (c, toN, toM, rate) -> {
                    assertEquals(fn + c.deltaN(), toN);
                    assertEquals(fm + c.deltaM(), toM);
                    assertEquals(null, reported.put(c, rate), "channel reported twice");
                });
                for (SpinOracle.Rate r : SpinOracle.ratesFrom(P, n, m)) {
                    Channel c = channelOf(r.process(), m, r.toM());
                    double closed = c == null ? 0.0 : model.rate(c, n, m);
                    String where = "(" + n + ", " + m + ") → (" + r.toN() + ", " + r.toM() + ") " + r.process();
                    if (closed > 0.0) {
                        compared++;
                        double rel = Math.abs(r.rate() - closed) / closed;
                        worst = Math.max(worst, rel);
                        if (rel > TOLERANCE) {
                            failures.add(where + ": brute force " + r.rate() + ", closed form " + closed);
                        }
                        if (reported.get(c) == null) {
                            failures.add(where + ": positive rate not reported by forEachTransition");
                        }
                    } else if (Math.abs(r.rate()) > TOLERANCE * processScale(P, r.process(), n)) {
                        failures.add(where + ": brute force " + r.rate() + " where the closed form is 0");
                    }
                }
                for (Map.Entry<Channel, Double> e : reported.entrySet()) {
                    assertEquals(model.rate(e.getKey(), n, m), e.getValue(), 0.0);
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " mismatches, first: " + failures.subList(0,
                Math.min(5, failures.size())));
        assertTrue(compared > 150, "compared " + compared);
        assertTrue(worst <= TOLERANCE, "worst relative difference " + worst);
    }

    /** The totals the physics fixes: AV, (Γt/V) N(N−1)/2, and (Γ/V) m(N−m+1) for the singlet channel. */
    @Test
    void totalsOfEachProcess() {
        ExactSpinRateModel model = ExactSpinRateModel.of(P);
        double av = P.totalInjectionRate();
        double gt = P.tripletRate() / P.volume();
        for (int n = 0; n <= 400; n++) {
            for (int m = 0; 2 * m <= n; m++) {
                double inj = model.rate(Channel.INJECTION, n, m) + model.rate(Channel.INJECTION_FLIPPED, n, m);
                assertEquals(av, inj, 4e-16 * av);
                double free = model.rate(Channel.TRIPLET_MAJORITY, n, m) + model.rate(Channel.TRIPLET_MIXED, n, m)
                        + model.rate(Channel.TRIPLET_MINORITY, n, m);
                double pairs = 0.5 * n * (n - 1.0);
                assertEquals(gt * pairs, free, 1e-14 * gt * pairs + 0.0);
                double sum = 0.0;
                for (Channel c : Channel.values()) {
                    sum += model.rate(c, n, m);
                }
                assertEquals(sum, model.totalRate(n, m), 1e-15 * sum);
            }
        }
    }

    /** Same (channel, target) set as the PRL 2020 model everywhere: the generator's sparsity pattern is shared. */
    @Test
    void sameTransitionsAsThePrl2020Model() {
        ExactSpinRateModel exact = ExactSpinRateModel.of(P);
        Prl2020RateModel prl = Prl2020RateModel.of(P);
        for (int n = 0; n <= 300; n++) {
            for (int m = 0; 2 * m <= n; m++) {
                Map<Channel, Integer> a = new HashMap<>();
                Map<Channel, Integer> b = new HashMap<>();
                exact.forEachTransition(n, m, (c, toN, toM, r) -> a.put(c, toN * 100000 + toM));
                prl.forEachTransition(n, m, (c, toN, toM, r) -> b.put(c, toN * 100000 + toM));
                assertEquals(b, a, "(" + n + ", " + m + ")");
            }
        }
    }

    /** docs/model.md's reference values (A = V = Γ = Γt = τs = 1), closed form and brute force. */
    @Test
    void referenceValues() {
        ModelParameters one = ModelParameters.of(1, 1, 1, 1, 1);
        ExactSpinRateModel model = ExactSpinRateModel.of(one);
        Object[][] table = {
            {1, 0, Channel.INJECTION, 0.75}, {1, 0, Channel.INJECTION_FLIPPED, 0.25},
            {2, 1, Channel.SINGLET, 2.0}, {2, 1, Channel.TRIPLET_MIXED, 1.0}, {2, 1, Channel.FLIP_DOWN, 3.0},
            {2, 0, Channel.FLIP_UP, 1.0}, {2, 0, Channel.INJECTION, 2.0 / 3.0},
            {3, 1, Channel.SINGLET, 3.0}, {3, 1, Channel.TRIPLET_MIXED, 3.0}, {3, 1, Channel.FLIP_DOWN, 2.0},
            {4, 1, Channel.SINGLET, 4.0}, {4, 1, Channel.TRIPLET_MAJORITY, 2.0}, {4, 1, Channel.TRIPLET_MIXED, 4.0},
        };
        for (Object[] row : table) {
            int n = (Integer) row[0];
            int m = (Integer) row[1];
            Channel c = (Channel) row[2];
            double expected = (Double) row[3];
            assertEquals(expected, model.rate(c, n, m), 1e-15 * expected, n + ", " + m + " " + c);
            double brute = 0.0;
            for (SpinOracle.Rate r : SpinOracle.ratesFrom(one, n, m)) {
                if (channelOf(r.process(), m, r.toM()) == c) {
                    brute += r.rate();
                }
            }
            assertEquals(expected, brute, 1e-12 * expected, "brute force " + n + ", " + m + " " + c);
        }
        // the two annihilation channels from (4, 1) into (2, 0) add up to 8
        assertEquals(8.0, model.rate(Channel.SINGLET, 4, 1) + model.rate(Channel.TRIPLET_MIXED, 4, 1), 1e-15);
    }
}
