package org.qpspin.ordering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.sparse.csc.decomposition.lu.LuUpLooking_DSCC;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qpspin.generator.Generator;
import org.qpspin.linalg.sparse.SymbolicFill;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.SparseLuFactorization;

class NestedDissectionTest {

    private static final ModelParameters PARAMETERS = ModelParameters.of(50.0, 1.0, 1.0, 0.01, 20.0);

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 7, 12, 40, 97, 300})
    void triangleOrderIsAPermutation(int nMax) {
        StateSpace space = StateSpace.triangle(nMax);
        assertTrue(Orderings.isPermutation(Orderings.nestedDissection(space), space.size()));
    }

    @Test
    void rectanglesAndRandomBandsGiveValidPermutations() {
        SplittableRandom random = new SplittableRandom(20261124L);
        for (int trial = 0; trial < 200; trial++) {
            int nMax = random.nextInt(0, 400);
            StateSpace space;
            if (trial % 2 == 0) {
                space = StateSpace.rectangle(nMax, random.nextInt(0, 120));
            } else {
                int[] lo = new int[nMax + 1];
                int[] hi = new int[nMax + 1];
                for (int n = 0; n <= nMax; n++) {
                    int top = n / 2;
                    lo[n] = random.nextInt(0, top + 1);
                    hi[n] = random.nextInt(lo[n], top + 1);
                }
                space = StateSpace.band(lo, hi);
            }
            int[] order = Orderings.nestedDissection(space);
            assertTrue(Orderings.isPermutation(order, space.size()), space::toString);
        }
    }

    @Test
    void withLastMovesOneStateToTheEnd() {
        int[] order = {4, 2, 0, 3, 1};
        assertArrayEquals(new int[]{4, 2, 3, 1, 0}, Orderings.withLast(order, 0));
        assertArrayEquals(order, Orderings.withLast(order, 1));
        assertThrows(IllegalArgumentException.class, () -> Orderings.withLast(order, 7));
        assertTrue(!Orderings.isPermutation(new int[]{0, 0, 1}, 3));
        assertTrue(!Orderings.isPermutation(new int[]{0, 1}, 3));
    }

    /**
     * Symbolic Cholesky fill of the symmetrized generator, measured 2026-11-24: triangle(1000) (251 001 states)
     * 3.42e7 with nested dissection against 1.68e8 in level order (ratio 4.9); the gap grows like width / log.
     */
    @Test
    void nestedDissectionFillIsFarBelowLevelOrderOnAMidSizeGrid() {
        StateSpace space = StateSpace.triangle(1000);
        Generator g = Generator.assemble(Prl2020RateModel.of(PARAMETERS), space);
        long nd = SymbolicFill.choleskyNonZeros(g.matrix(), Orderings.nestedDissection(space));
        long natural = SymbolicFill.choleskyNonZeros(g.matrix(), Orderings.natural(space.size()));
        assertTrue(natural > 4.5 * nd, () -> "fill: natural " + natural + ", nested dissection " + nd);
        // and far below the dense bound n(n+1)/2
        assertTrue(nd < 200L * space.size(), () -> "nested dissection fill " + nd);
    }

    /**
     * The order handed to EJML's left-looking LU (partial pivoting) through its ComputePermutation hook, on the
     * pinned generator of triangle(200) (10 201 states): nnz(L) + nnz(U) measured 1.12e6 against 2.10e6 in level
     * order (EJML's NONE).
     */
    @Test
    void ejmlLuFillDropsWithTheNestedDissectionHook() {
        StateSpace space = StateSpace.triangle(200);
        Generator g = Generator.assemble(Prl2020RateModel.of(ModelParameters.withMeanFieldN0(66.7, 1.0, 1.0, 1e-3,
                100.0)), space);
        int pinned = space.index(67, 1);
        DMatrixSparseCSC a = SparseLuFactorization.pinnedMatrix(g.matrix(), pinned);
        LuUpLooking_DSCC nd = new LuUpLooking_DSCC(Orderings.fixed(Orderings.withLast(
                Orderings.nestedDissection(space), pinned)));
        assertTrue(nd.decompose(a));
        LuUpLooking_DSCC natural = new LuUpLooking_DSCC(null);
        assertTrue(natural.decompose(a));
        long fillNd = (long) nd.getL().nz_length + nd.getU().nz_length;
        long fillNatural = (long) natural.getL().nz_length + natural.getU().nz_length;
        assertTrue(fillNd < 0.6 * fillNatural, () -> "EJML fill: ND " + fillNd + ", natural " + fillNatural);
    }

    @Test
    void symbolicFillOfTridiagonalAndArrowPatterns() {
        // path graph 0-1-2-3: no fill in natural order, 4 diagonal + 3 off-diagonal
        StateSpace line = StateSpace.rectangle(3, 0); // states (0,0) (1,0) (2,0) (3,0)
        Generator g = Generator.assemble(Prl2020RateModel.of(ModelParameters.of(1.0, 1.0, 1.0, 1.0, 1.0)), line);
        // the pattern links N to N+1 and N-2: columns 0..3, edges {0,1},{1,2},{2,3},{0,2},{1,3}
        assertEquals(4 + 5, SymbolicFill.choleskyNonZeros(g.matrix(), Orderings.natural(4)));
        // eliminating 1 first joins its neighbours 0, 2, 3: edge {0,3} is fill
        assertEquals(4 + 6, SymbolicFill.choleskyNonZeros(g.matrix(), new int[]{1, 0, 2, 3}));
    }
}
