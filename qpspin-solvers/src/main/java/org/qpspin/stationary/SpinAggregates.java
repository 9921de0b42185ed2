package org.qpspin.stationary;

import java.util.ArrayList;
import java.util.List;
import org.qpspin.linalg.amg.GridAggregation;
import org.qpspin.space.StateSpace;

/**
 * The multigrid solver's aggregates, chosen from the (N, m) geometry along the chain's slow directions.
 *
 * <p>Each state (N, m) sits on the grid (u, t) = (N − 2m, m): u = 2S is twice the total spin, t counts the states
 * along a line of constant spin. Singlet annihilation (N, m) → (N − 2, m − 1) keeps S and is the fastest process
 * of a polarized cluster, so states of equal S equilibrate among themselves long before the spin does; the first
 * aggregates are runs of {@value #FIRST_FACTOR} states along t (pairs of N at equal S); the coarser ones halve t
 * until it is aggregated completely, then u ({@link #hierarchy}, {@link #DEFAULT}), down to at most
 * {@value #COARSEST} aggregates. The fine level relaxes along the levels N (line Gauss–Seidel in m: spin flips
 * couple m ± 1 within a level); the coarse levels along lines of equal coarse t, across S (once t is aggregated
 * completely, a coarse level is one closed line: {@link org.qpspin.linalg.amg.LineGaussSeidel} pins its heaviest
 * state).
 *
 * <p>Measured on the SR peer rectangle at 10⁵ states (1 + 1 sweeps, V-cycle, nonlinear cycles alone, factor per
 * cycle after 30 cycles): t and u alternating 0.92 with lines along S, 0.76 with lines across S; t first, then u,
 * 0.75 (along S) and 0.61 (across S). The last is the default: GMRES iterations of the stationary solve at 10⁵
 * 52 → 16 (SR), 53 → 18 (TA), 48 → 21 (weak) against the alternating shape (docs/benchmarks.md, "Multigrid
 * scaling"). It gave NaN on the SR test chain of MultigridSolverTest (p down to 10⁻¹⁷⁰) until closed lines were
 * pinned at their heaviest state and the nonlinear cycle rescaled its sweeps (AggregationMultigrid).
 */
final class SpinAggregates {

    /** Aggregates on the coarsest level (solved densely). */
    static final int COARSEST = 300;
    /** States along t in a first-level aggregate. */
    static final int FIRST_FACTOR = 2;

    /**
     * Which coarse directions, and the direction of the coarse lines: firstFactor states along t in a first-level
     * aggregate, coarseFactor along t (then u) on the further levels.
     */
    record Shape(int firstFactor, int coarseFactor, boolean alternate, GridAggregation.Lines lines) {
    }

    static final Shape DEFAULT = new Shape(FIRST_FACTOR, 2, false, GridAggregation.Lines.ALONG_U);

    private SpinAggregates() {
    }

    /** The levels N as lines: level N's states are contiguous, m ascending. */
    static int[] levelLines(StateSpace space) {
        int[] starts = new int[space.maxN() + 2];
        int k = 0;
        for (int n = 0; n <= space.maxN(); n++) {
            if (space.levelWidth(n) > 0) {
                starts[k++] = space.levelOffset(n);
            }
        }
        starts[k++] = space.size();
        return java.util.Arrays.copyOf(starts, k);
    }

    /** The aggregations from the fine level down to at most {@value #COARSEST} aggregates. */
    static List<GridAggregation> hierarchy(StateSpace space, Shape shape) {
        int n = space.size();
        int[] u = new int[n];
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            int level = space.levelOf(i);
            int m = space.mOf(i);
            u[i] = level - 2 * m;
            t[i] = m;
        }
        List<GridAggregation> out = new ArrayList<>();
        int size = n;
        boolean alongT = true;
        int round = 0;
        while (size > COARSEST) {
            int tExtent = extent(t);
            int uExtent = extent(u);
            int ft = 1;
            int fu = 1;
            if (round == 0) {
                ft = Math.min(shape.firstFactor(), Math.max(1, tExtent));
            } else if (shape.alternate()) {
                if ((alongT && tExtent > 1) || uExtent <= 1) {
                    ft = 2;
                } else {
                    fu = 2;
                }
                alongT = !alongT;
            } else if (tExtent > 1) {
                ft = Math.min(shape.coarseFactor(), tExtent);
            } else {
                fu = Math.min(shape.coarseFactor(), uExtent);
            }
            if (ft == 1 && fu == 1) {
                ft = 2;
                fu = 2;
            }
            GridAggregation a = GridAggregation.of(u, t, fu, ft, shape.lines());
            if (a.count() == size) { // nothing merged (should not happen): stop, the coarsest is solved densely
                break;
            }
            out.add(a);
            u = a.u();
            t = a.t();
            size = a.count();
            round++;
        }
        return out;
    }

    private static int extent(int[] x) {
        int max = 0;
        for (int v : x) {
            max = Math.max(max, v);
        }
        return max + 1;
    }
}
