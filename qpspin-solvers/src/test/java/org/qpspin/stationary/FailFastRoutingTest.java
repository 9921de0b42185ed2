package org.qpspin.stationary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qpspin.generator.Generator;
import org.qpspin.linalg.HeapBudget;
import org.qpspin.linalg.InsufficientHeapException;
import org.qpspin.linalg.lu.SupernodalAnalysis;
import org.qpspin.model.ModelParameters;
import org.qpspin.ordering.Orderings;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.rates.RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.truncation.Truncation;
import org.qpspin.truncation.TruncationAttempt;
import org.qpspin.truncation.TruncationException;
import org.qpspin.truncation.TruncationPlanner;
import org.qpspin.truncation.TwoSidedWindows;

/**
 * The memory checks made from the state space alone, before a generator is assembled
 * ({@link StationarySolver#requireFits}, {@link MemoryEstimates}), and the automatic solver's route to the
 * multigrid solver when the direct factors cannot fit — all against a fixed {@link HeapBudget}, on the paper's
 * edge-of-polarization family scaled down to N0 = Nc = 100 (two-sided windows, ≈ 2.3 × 10⁴ states).
 */
class FailFastRoutingTest {

    private static final long MIB = 1L << 20;
    /** The paper's family at N0 = Nc = 100: aluminium's Γ and τs, V = 10⁻³ µm³, Γt = Γ/N0. */
    private static final RateModel EDGE =
            Prl2020RateModel.of(ModelParameters.withMeanFieldN0(100, 0.001, 18.8669, 0.188669, 12.6491));
    private static final Truncation WINDOWS = Truncation.automatic(1e-10).withWindows();

    @AfterEach
    void realHeap() {
        HeapBudget.fixedForTest(0).close();
    }

    /** The first attempt of the automatic windows, as StationaryAnalysis builds it. */
    private static StateSpace firstWindows() {
        int nMax = TruncationPlanner.initialNMax(EDGE.parameters(), 1e-10, WINDOWS.maxStates());
        return TwoSidedWindows.start(EDGE, nMax, 1e-10).extendTo(nMax).space();
    }

    /** Records whether an attempt was ever assembled. */
    private static final class Attempts implements StationaryAnalysis.Progress {
        final List<Integer> assembled = new ArrayList<>();

        @Override
        public void solving(int nMax, int mMax, int states, String solver) {
            assembled.add(states);
        }

        @Override
        public void solved(TruncationAttempt attempt) {
        }
    }

    @Test
    void aChainNoSolverCanHoldIsRefusedBeforeAssemblyWithTheStatesItNeeds() {
        StateSpace first = firstWindows();
        for (StationarySolver solver : List.of(StationarySolvers.auto(), StationarySolvers.lu(),
                StationarySolvers.levels(), StationarySolvers.multigrid())) {
            Attempts attempts = new Attempts();
            TruncationException e;
            try (HeapBudget.Fixed tight = HeapBudget.fixedForTest(2 * MIB)) {
                e = assertThrows(TruncationException.class,
                        () -> StationaryAnalysis.solve(EDGE, WINDOWS, solver, attempts));
            }
            String message = e.getMessage();
            assertTrue(attempts.assembled.isEmpty(), solver.name() + " assembled " + attempts.assembled);
            assertEquals(first.size(), e.statesNeeded(), message);
            assertTrue(message.contains("estimated before assembly") && message.contains(first.size() + " states")
                    && message.contains("the 2 MiB of heap available"), message);
            assertTrue(!message.contains("\n"), "one line: " + message);
            if (solver.kind() == SolverKind.AUTO) { // names both routes it tried
                assertTrue(message.startsWith("no solver fits (direct: lu needs ≥ ")
                        && message.contains("multigrid solver needs"), message);
            }
        }
    }

    /**
     * Above {@value AutoSolver#MULTIGRID_AUTO_MAX_STATES} states auto does not route to the multigrid solver even
     * where it would fit: the direct refusal stands, in one line, naming --solver multigrid; asked for by name,
     * the multigrid solver's own check passes on the same budget. The chain: the same family at N0 = Nc = 4000
     * (first two-sided windows, ≈ 7 × 10⁶ states; built, never assembled).
     */
    @Test
    void aboveTheRoutingCapAutoRefusesAndNamesTheMultigridSolver() {
        RateModel edge4000 =
                Prl2020RateModel.of(ModelParameters.withMeanFieldN0(4000, 0.001, 18.8669, 18.8669 / 4000, 12.6491));
        int nMax = TruncationPlanner.initialNMax(edge4000.parameters(), 1e-10, WINDOWS.maxStates());
        StateSpace big = TwoSidedWindows.start(edge4000, nMax, 1e-10).extendTo(nMax).space();
        assertTrue(big.size() > AutoSolver.MULTIGRID_AUTO_MAX_STATES, big.size() + " states");
        long multigrid = MemoryEstimates.multigridBytes(big.size());
        try (HeapBudget.Fixed budget = HeapBudget.fixedForTest(multigrid + 1024 * MIB)) {
            StationarySolvers.multigrid().requireFits(edge4000, big); // it would fit
            InsufficientHeapException e = assertThrows(InsufficientHeapException.class,
                    () -> StationarySolvers.auto().requireFits(edge4000, big));
            String message = e.getMessage();
            assertTrue(message.startsWith("lu solver needs ") && message.contains("--solver multigrid")
                    && !message.contains("\n"), message);
        }
    }

    @Test
    void luLowerEstimateIsBelowTheSymbolicPlanAndCloseToIt() {
        double saved = SupernodalAnalysis.concurrentWork;
        SupernodalAnalysis.concurrentWork = Double.POSITIVE_INFINITY; // the serial plan: the smaller one
        try {
            for (StateSpace space : List.of(firstWindows(), StateSpace.triangle(200), StateSpace.rectangle(3000, 0),
                    StateSpace.rectangle(3000, 3), StateSpace.rectangle(3000, 12), StateSpace.rectangle(400, 60))) {
                Generator g = Generator.assemble(EDGE, space);
                long planned = SupernodalAnalysis.of(g.matrix(), Orderings.nestedDissection(space)).plannedBytes();
                long estimate = MemoryEstimates.luFactorBytes(space);
                assertTrue(estimate <= planned && estimate >= 0.5 * planned,
                        space + ": estimate " + estimate + " against plan " + planned);
            }
        } finally {
            SupernodalAnalysis.concurrentWork = saved;
        }
        StateSpace w = firstWindows();
        double squares = 0.0;
        for (int level = 0; level <= w.maxN(); level++) {
            squares += (double) w.levelWidth(level) * w.levelWidth(level);
        }
        assertEquals(32.0 * squares, MemoryEstimates.levelFactorBytes(w), 1.0);
        assertEquals(MemoryEstimates.GENERATOR_BYTES_PER_STATE * w.size(), MemoryEstimates.generatorBytes(w.size()));
    }

    @Test
    void autoRoutesToMultigridWhenTheDirectFactorsCannotFitAndAgreesWithLu() {
        StateSpace first = firstWindows();
        // room for the multigrid solver on 1.3 times the first attempt (the growths add less), not for lu's factors
        long multigrid = MemoryEstimates.multigridBytes(first.size() * 13L / 10)
                + MemoryEstimates.generatorBytes(first.size() * 13L / 10);
        long lu = MemoryEstimates.luFactorBytes(first) + MemoryEstimates.generatorBytes(first.size());
        assertTrue(multigrid < lu, multigrid + " " + lu);
        StationaryAnalysis routed;
        try (HeapBudget.Fixed between = HeapBudget.fixedForTest(multigrid)) {
            routed = StationaryAnalysis.factorize(EDGE, WINDOWS, StationarySolvers.auto());
        }
        StationaryResult r = routed.result();
        assertTrue(r.solver().startsWith("auto→multigrid[") && r.solver().contains("(direct: lu needs ≥ "),
                r.solver());
        IterativeDiagnostics d = routed.factorization().iterativeDiagnostics();
        assertNotNull(d, r.solver());
        assertTrue(d.converged() && d.relativeResidual() < 1e-13, d.toString());
        assertTrue(routed.attempts().size() >= 2, "the growth attempts warm-start: " + routed.attempts());
        StationaryResult exact = StationarySolvers.lu().solve(routed.generator());
        assertEquals(exact.meanN(), r.meanN(), 1e-10 * exact.meanN());
        assertEquals(exact.varianceN(), r.varianceN(), 1e-9 * exact.varianceN());
        assertEquals(exact.meanM(), r.meanM(), 1e-10 * exact.meanM());
        assertTrue(Math.abs(exact.meanN() - r.meanN()) <= Math.max(10 * d.meanNError(), 1e-12 * r.meanN()));
        assertNull(StationarySolvers.lu().factorize(routed.generator()).iterativeDiagnostics());
    }

    @Test
    void autoFallsBackToMultigridWhenTheLuRefusesAfterAssembly() {
        StateSpace space = firstWindows();
        Generator g = Generator.assemble(EDGE, space);
        long estimate = MemoryEstimates.luFactorBytes(space);
        double saved = SupernodalAnalysis.concurrentWork;
        long planned;
        try {
            SupernodalAnalysis.concurrentWork = Double.POSITIVE_INFINITY;
            // the plan of the order the LU uses (the lattice dissection, pinned state last), serial
            planned = DirectSolverCosts.luAnalysis(g).plannedBytes();
        } finally {
            SupernodalAnalysis.concurrentWork = saved;
        }
        long budget = (estimate + planned) / 2; // the estimate fits, the real plan does not
        assertTrue(estimate < budget && budget < planned && budget > MemoryEstimates.multigridBytes(space.size()));
        StationaryResult r;
        try (HeapBudget.Fixed between = HeapBudget.fixedForTest(budget)) {
            r = StationarySolvers.auto().factorize(g).stationary();
        }
        assertTrue(r.solver().startsWith("auto→multigrid[") && r.solver().contains("(direct: lu solver needs "),
                r.solver());
        StationaryResult exact = StationarySolvers.lu().solve(g);
        assertEquals(exact.meanN(), r.meanN(), 1e-10 * exact.meanN());
    }

    @Test
    void theWarmStartCarriesEveryKeptStateAndFillsTheNewOnesFromTheirNearestOldNeighbour() {
        StateSpace small = StateSpace.rectangle(40, 5);
        StateSpace large = StateSpace.rectangle(50, 8);
        Generator g = Generator.assemble(EDGE, small);
        StationaryResult r = StationarySolvers.gth().solve(g);
        double[] x = MultigridSolver.carried(r, large);
        double sum = 0.0;
        for (double v : x) {
            assertTrue(v >= Double.MIN_NORMAL);
            sum += v;
        }
        assertEquals(1.0, sum, 1e-12);
        // the kept states keep their ratios; (45, 7) copies (40, 5), the nearest old state
        double scale = x[large.index(10, 3)] / r.probability(10, 3);
        assertEquals(r.probability(20, 5) * scale, x[large.index(20, 5)], 1e-12 * x[large.index(20, 5)]);
        assertEquals(r.probability(40, 5) * scale, x[large.index(45, 7)], 1e-12 * x[large.index(45, 7)]);
        assertEquals(r.probability(30, 5) * scale, x[large.index(30, 8)], 1e-12 * x[large.index(30, 8)]);
    }
}
