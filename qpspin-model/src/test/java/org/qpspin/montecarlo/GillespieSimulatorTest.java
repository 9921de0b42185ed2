package org.qpspin.montecarlo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Channel;
import org.qpspin.rates.Prl2020RateModel;

class GillespieSimulatorTest {

    private static final ModelParameters SMALL = ModelParameters.of(50.0, 1.0, 10.0, 0.5, 0.2);

    private static String csv(MonteCarloResult r) throws IOException {
        StringWriter w = new StringWriter();
        r.writeTimeSeriesCsv(w);
        return w.toString();
    }

    @Test
    void sameSeedGivesSameBytesWhateverTheThreads() throws IOException {
        GillespieSimulator sim = GillespieSimulator.of(Prl2020RateModel.of(SMALL));
        MonteCarloSettings s = MonteCarloSettings.of(20.0).withBurnIn(1.0).withSampleInterval(0.01).withReplicas(3)
                .withSeed(42);
        MonteCarloResult one = sim.run(s.withThreads(1));
        MonteCarloResult two = sim.run(s.withThreads(2));
        String a = csv(one);
        assertEquals(a, csv(two));
        assertEquals(one.occupation(), two.occupation());
        assertArrayEquals(one.channelCounts(), two.channelCounts());
        assertNotEquals(a, csv(sim.run(s.withSeed(43))));
        assertEquals(3 * 2000 + 1, a.lines().count()); // one header line, 2000 samples per replica
        assertEquals("replica,t,N,m", a.lines().findFirst().orElseThrow());
    }

    @Test
    void bookkeepingIsConsistent() {
        MonteCarloResult r = GillespieSimulator.of(Prl2020RateModel.of(SMALL))
                .run(MonteCarloSettings.of(200.0).withSampleInterval(0.1).withReplicas(2).withSeed(7));
        assertEquals(400.0, r.simulatedTime(), 1e-9);
        assertEquals(400.0, r.occupation().totalTime(), 1e-6);
        long sum = 0;
        for (long c : r.channelCounts()) {
            sum += c;
        }
        assertEquals(r.events(), sum);
        // injections are Poisson with rate A V in every state: realised rate within 5 sigma
        double av = SMALL.totalInjectionRate();
        double sigma = Math.sqrt(av * r.simulatedTime()) / r.simulatedTime();
        assertEquals(av, r.realisedInjectionRate(), 5 * sigma);
        for (ReplicaResult rep : r.replicas()) {
            assertFalse(rep.stopped());
            assertEquals(2000, rep.series().size());
        }
        assertTrue(r.eventsPerCpuSecond() > 0);
    }

    @Test
    void emptyClusterWithoutInjectionIsAbsorbing() {
        ModelParameters p = ModelParameters.of(0.0, 1.0, 10.0, 0.5, 0.2);
        MonteCarloResult r = GillespieSimulator.of(Prl2020RateModel.of(p))
                .run(MonteCarloSettings.of(10.0).withStart(6, 1).withSampleInterval(1.0).withSeed(3));
        assertEquals(10.0, r.occupation().totalTime(), 1e-12);
        int last = r.replicas().get(0).series().n(9);
        assertTrue(last <= 1, "N stays at 0 or 1 once nothing can happen: " + last);
        assertEquals(0, r.count(Channel.INJECTION) + r.count(Channel.INJECTION_FLIPPED));
    }

    @Test
    void stopRequestKeepsResultsSoFar() {
        MonteCarloControl control = new MonteCarloControl();
        control.requestStop();
        MonteCarloResult r = GillespieSimulator.of(Prl2020RateModel.of(SMALL))
                .run(MonteCarloSettings.of(1e6).withSampleInterval(1.0).withReplicas(2).withThreads(1), control);
        assertTrue(r.stopped());
        for (ReplicaResult rep : r.replicas()) {
            assertTrue(rep.simulatedTime() < 1e6);
            assertEquals(rep.simulatedTime(), rep.occupation().totalTime(), 1e-6 * rep.simulatedTime());
            assertTrue(rep.series().size() <= Math.ceil(rep.simulatedTime()) + 1);
        }
    }

    @Test
    void wallClockBudgetStopsTheRun() {
        MonteCarloResult r = GillespieSimulator.of(Prl2020RateModel.of(SMALL))
                .run(MonteCarloSettings.of(1e9).withWallClockBudget(0.2).withThreads(1));
        assertTrue(r.stopped());
        assertTrue(r.events() > 0);
    }

    @Test
    void streamsAreIndependentSplits() {
        java.util.random.RandomGenerator[] s = GillespieSimulator.streams(5L, 2);
        assertNotEquals(s[0].nextLong(), s[1].nextLong());
        assertEquals(GillespieSimulator.streams(5L, 2)[1].nextLong(), GillespieSimulator.streams(5L, 3)[1].nextLong());
    }
}
