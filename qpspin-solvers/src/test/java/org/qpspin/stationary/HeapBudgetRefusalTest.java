package org.qpspin.stationary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.qpspin.generator.Generator;
import org.qpspin.linalg.HeapBudget;
import org.qpspin.linalg.lu.MultifrontalGth;
import org.qpspin.linalg.lu.SupernodalAnalysis;
import org.qpspin.model.ModelParameters;
import org.qpspin.ordering.Orderings;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;

/**
 * The up-front memory checks of lu, levels and auto, against a fixed {@link HeapBudget} instead of the real heap:
 * each refuses in one line naming the MiB it needs and the MiB available when its arrays would not fit, and goes
 * ahead when they would; lu's estimate is the size of the arrays it then allocates.
 */
class HeapBudgetRefusalTest {

    private static final long MIB = 1L << 20;
    /** Triplet annihilation, N0 = 300, m0 ≈ 7.5: the peak mid-chain in the rectangles below (Nmax = 600). */
    private static final Prl2020RateModel RATES =
            Prl2020RateModel.of(ModelParameters.withMeanFieldN0(300, 1, 1, 1e-4, 100));
    private static final Pattern NEEDS = Pattern.compile("needs (\\d+) MiB .* the (\\d+) MiB of heap available");

    @AfterEach
    void realHeap() {
        HeapBudget.fixedForTest(0).close();
    }

    @Test
    void fixedBudgetIsRestoredOnClose() {
        long real = HeapBudget.availableBytes();
        try (HeapBudget.Fixed fixed = HeapBudget.fixedForTest(12345)) {
            assertEquals(12345, HeapBudget.availableBytes());
        }
        assertTrue(HeapBudget.availableBytes() > 12345 && real > 12345);
        assertEquals(1, HeapBudget.mebibytesUp(1));
        assertEquals(1, HeapBudget.mebibytesUp(MIB));
        assertEquals(2, HeapBudget.mebibytesUp(MIB + 1));
    }

    @Test
    void garbageIsCollectedBeforeItCountsAgainstABudget() {
        long garbage = 256 * MIB;
        double[] block = new double[(int) (garbage / 8)];
        block[block.length - 1] = 1.0;
        long withBlock = HeapBudget.availableBytes();
        block = null;
        long uncollected = HeapBudget.availableBytes();
        // only meaningful while the dropped block still counts as in use (no collection in between)
        assumeTrue(uncollected < withBlock + MIB, "the block was collected before the check");
        long collected = HeapBudget.availableBytes(uncollected + garbage);
        assertTrue(collected >= uncollected + garbage - 16 * MIB, uncollected + " -> " + collected);
        try (HeapBudget.Fixed fixed = HeapBudget.fixedForTest(MIB)) {
            assertEquals(MIB, HeapBudget.availableBytes(Long.MAX_VALUE), "a fixed budget is not measured");
        }
    }

    @Test
    void luRefusesInOneLineWhenTheFactorsDoNotFitAndGoesAheadWhenTheyDo() {
        Generator g = Generator.assemble(RATES, StateSpace.rectangle(600, 60));
        // the refusal is for the serial plan: two subtrees at once is only tried with room to spare
        double savedWork = SupernodalAnalysis.concurrentWork;
        long needed;
        long neededConcurrent;
        try {
            SupernodalAnalysis.concurrentWork = Double.POSITIVE_INFINITY;
            needed = MultifrontalGth.factorize(g.matrix(), luOrder(g)).estimatedBytes();
            SupernodalAnalysis.concurrentWork = 0.0;
            MultifrontalGth concurrent = MultifrontalGth.factorize(g.matrix(), luOrder(g));
            assertTrue(concurrent.concurrent());
            neededConcurrent = concurrent.estimatedBytes();
            try (HeapBudget.Fixed fixed = HeapBudget.fixedForTest(neededConcurrent)) {
                // it would fit, but without the quarter to spare: the subtrees go one after the other
                MultifrontalGth tight = MultifrontalGth.factorize(g.matrix(), luOrder(g));
                assertTrue(!tight.concurrent() && tight.estimatedBytes() == needed);
            }
        } finally {
            SupernodalAnalysis.concurrentWork = savedWork;
        }
        assertTrue(needed > 4 * MIB, "a chain whose factors are several MiB: " + needed);
        StationaryResult free = StationarySolvers.lu().solve(g);

        long budget = needed - 1;
        try (HeapBudget.Fixed fixed = HeapBudget.fixedForTest(budget)) {
            long[] mib = refusal(() -> MultifrontalGth.factorize(g.matrix(), luOrder(g)), "lu solver needs ");
            assertEquals(HeapBudget.mebibytesUp(needed), mib[0]);
            assertEquals(budget >> 20, mib[1]);
            // the solver as a user calls it refuses the same way
            refusal(() -> StationarySolvers.lu().solve(g), "lu solver needs ");
        }
        try (HeapBudget.Fixed fixed = HeapBudget.fixedForTest(needed)) {
            StationaryResult r = StationarySolvers.lu().solve(g);
            assertEquals(free.meanN(), r.meanN());
            assertTrue(r.relativeResidual() < 1e-12);
        }
    }

    @Test
    void luEstimateIsTheSizeOfTheArraysItAllocates() {
        for (StateSpace space : new StateSpace[] {StateSpace.triangle(150), StateSpace.rectangle(600, 12),
                                                  StateSpace.rectangle(400, 80)}) {
            Generator g = Generator.assemble(RATES, space);
            MultifrontalGth f = MultifrontalGth.factorize(g.matrix(), luOrder(g));
            assertEquals(f.allocatedBytes(), f.estimatedBytes(), space.toString());
            // two subtrees at the same time: a second front, and both stacks of updates at once, still exact
            double savedWork = SupernodalAnalysis.concurrentWork;
            MultifrontalGth concurrent;
            try {
                SupernodalAnalysis.concurrentWork = 0.0;
                concurrent = MultifrontalGth.factorize(g.matrix(), luOrder(g));
            } finally {
                SupernodalAnalysis.concurrentWork = savedWork;
            }
            assertEquals(concurrent.allocatedBytes(), concurrent.estimatedBytes(), space.toString());
            if (space.maxM() == space.maxN() / 2) { // the triangle splits at its top separator
                assertTrue(concurrent.concurrent(), space.toString());
            }
            long front = (long) f.largestFront() * f.largestFront();
            // factors and front alone would be too low: the pending update matrices are part of the peak
            assertTrue(f.estimatedBytes() > 8 * (f.storedEntries() + front), space.toString());
        }
        // nested dissection on a strip of fixed width: the factors grow about linearly with its length
        long shorter = estimate(StateSpace.rectangle(300, 12));
        long longer = estimate(StateSpace.rectangle(600, 12));
        double ratio = (double) longer / shorter;
        assertTrue(ratio > 1.8 && ratio < 2.6, "ratio " + ratio);
    }

    @Test
    void levelsRefuseInOneLineAtEitherCheckAndGoAheadWhenBothFit() {
        Generator g = Generator.assemble(RATES, StateSpace.rectangle(600, 30));
        StationaryResult free = StationarySolvers.levels().solve(g);
        StationaryResult freeFactorized = StationarySolvers.levels().factorize(g).stationary();
        for (boolean keepRows : new boolean[] {false, true}) {
            Executable run = keepRows ? () -> StationarySolvers.levels().factorize(g)
                    : () -> StationarySolvers.levels().solve(g);
            long above;
            try (HeapBudget.Fixed fixed = HeapBudget.fixedForTest(0)) {
                // first check: the censored columns (and rows) of the levels above the peak
                long[] mib = refusal(run, "levels solver needs ");
                assertEquals(0, mib[1]);
                above = mib[0];
                assertTrue(above >= 2, "several MiB above the peak: " + above);
            }
            try (HeapBudget.Fixed fixed = HeapBudget.fixedForTest((above - 1) * MIB)) {
                assertEquals(above - 1, refusal(run, "levels solver needs ")[1]);
            }
            long below;
            try (HeapBudget.Fixed fixed = HeapBudget.fixedForTest(above * MIB)) {
                // second check: the levels below the peak and the peak level
                long[] mib = refusal(run, "levels factorization needs ");
                assertEquals(above, mib[1]);
                below = mib[0];
            }
            try (HeapBudget.Fixed fixed = HeapBudget.fixedForTest((below - 1) * MIB)) {
                refusal(run, "levels factorization needs ");
            }
            try (HeapBudget.Fixed fixed = HeapBudget.fixedForTest(below * MIB)) {
                if (keepRows) {
                    StationaryFactorization f = StationarySolvers.levels().factorize(g);
                    assertEquals(freeFactorized.meanN(), f.stationary().meanN());
                } else {
                    assertEquals(free.meanN(), StationarySolvers.levels().solve(g).meanN());
                }
            }
        }
    }

    @Test
    void autoPicksLuWhenTheLevelFactorsDoNotFitHalfTheBudget() {
        StateSpace space = StateSpace.rectangle(600, 30);
        Generator chain = Generator.assemble(RATES, space);
        assertEquals("levels", AutoSolver.exactFor(chain).name()); // with room: the levels (narrow strip)
        double squares = 0.0;
        for (int level = 0; level <= space.maxN(); level++) {
            squares += (double) space.levelWidth(level) * space.levelWidth(level);
        }
        long levelBytes = (long) (8 * 4 * squares); // 4 Σ w² doubles kept by the level factorization
        try (HeapBudget.Fixed fixed = HeapBudget.fixedForTest(2 * levelBytes + 64)) {
            assertTrue(AutoSolver.levelsFit(space));
            assertEquals("levels", AutoSolver.exactFor(chain).name());
        }
        try (HeapBudget.Fixed fixed = HeapBudget.fixedForTest(2 * levelBytes)) {
            assertFalse(AutoSolver.levelsFit(space));
            assertEquals("lu", AutoSolver.exactFor(chain).name());
        }
        // end to end: a budget lu fits in (its factors of this strip are larger than the levels' but less than
        // twice as large) while the levels do not fit twice over
        Generator g = Generator.assemble(RATES, space);
        long luBytes = estimate(space);
        assertTrue(luBytes <= 2 * levelBytes, luBytes + " vs " + levelBytes);
        StationaryResult levels = StationarySolvers.levels().solve(g);
        try (HeapBudget.Fixed fixed = HeapBudget.fixedForTest(2 * levelBytes)) {
            StationaryResult r = StationarySolvers.auto().solve(g);
            assertEquals("auto→lu", r.solver());
            assertEquals(levels.meanN(), r.meanN(), 1e-10 * levels.meanN());
        }
    }

    private static long estimate(StateSpace space) {
        Generator g = Generator.assemble(RATES, space);
        return MultifrontalGth.factorize(g.matrix(), luOrder(g)).estimatedBytes();
    }

    /** The lu solver's order: nested dissection, pinned at the mean-field state. */
    private static int[] luOrder(Generator g) {
        return Orderings.withLast(Orderings.latticeDissection(g.space(), g.matrix()), PinnedState.meanFieldPoint(g.space(), g.rateModel().parameters()));
    }

    /** Runs {@code run}, which must refuse with a one-line message starting {@code prefix}; MiB needed, available. */
    private static long[] refusal(Executable run, String prefix) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, run);
        String message = e.getMessage();
        assertTrue(message.startsWith(prefix), message);
        assertFalse(message.contains("\n"), message);
        Matcher m = NEEDS.matcher(message);
        assertTrue(m.find(), message);
        long needed = Long.parseLong(m.group(1));
        long available = Long.parseLong(m.group(2));
        assertTrue(needed > available, message);
        return new long[] {needed, available};
    }
}
