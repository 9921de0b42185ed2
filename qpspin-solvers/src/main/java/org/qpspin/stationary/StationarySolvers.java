package org.qpspin.stationary;

import java.util.List;
import org.qpspin.linalg.dense.DenseKernel;

/** Factories for the stationary solvers (EJML style: static factories returning the interface). */
public final class StationarySolvers {

    private StationarySolvers() {
    }

    /** {@return dense GTH, the subtraction-free oracle for small chains (≤ 6000 states)} */
    public static StationarySolver gth() {
        return new GthSolver();
    }

    /**
     * {@return the solver that chooses among the built-in solvers by the size and shape of the chain (see
     * {@link AutoSolver})} Results report {@code auto→name}.
     */
    public static StationarySolver auto() {
        return new AutoSolver();
    }

    /**
     * {@return block GTH over the levels N: subtraction-free like {@link #gth()}, O(Σ w_N³) for level widths w_N, the
     * fast exact path for chains narrow in m (10⁶ states of width ~30 in seconds)}
     */
    public static StationarySolver levels() {
        return new LevelSolver();
    }

    /**
     * {@return sparse LU of the pinned generator (row k → e_kᵀ, k near the mean-field fixed point) in nested-dissection
     * order; its {@link StationarySolver#factorize} returns a {@link SparseLuFactorization}}
     */
    public static StationarySolver lu() {
        return new LuSolver(true);
    }

    /**
     * {@return the probable-core solver: exact (levels or lu) on the mean-field band where the probability sits, block
     * Gauss–Seidel on the rest of the space, iterated until the whole system is solved to rounding (see
     * {@link CoreSolver})} The fast path for the wide rectangles of automatic truncations of polarized clusters.
     */
    public static StationarySolver core() {
        return new CoreSolver();
    }

    /**
     * {@return aggregation multigrid with GMRES (see {@link MultigridSolver})} Its cost per iteration is linear in
     * the states; it is iterative, so its result reports the residual, the iterations and error estimates of ⟨N⟩
     * and Var N.
     */
    public static StationarySolver multigrid() {
        return new MultigridSolver();
    }

    /**
     * {@return the {@link #lu()} solver with the factorization type exposed (group-inverse, pinned and transposed
     * solves)}
     *
     * @param generator the truncated generator L
     */
    public static SparseLuFactorization luFactorization(org.qpspin.generator.Generator generator) {
        return new LuSolver(true).factorize(generator);
    }

    /**
     * {@return the dense kernel the level and LU eliminations use in this JVM: "vector (N lanes)" (SIMD, when the JVM
     * has the jdk.incubator.vector module) or "scalar"; both give bit-identical results, the first faster}
     */
    public static String denseKernel() {
        return DenseKernel.describe();
    }

    /** {@return names of the concrete solvers accepted by {@link #byName} (besides {@code auto})} */
    public static List<String> names() {
        return List.of(SolverKind.GTH.label(), SolverKind.LEVELS.label(), SolverKind.LU.label(),
                SolverKind.CORE.label(), SolverKind.MULTIGRID.label());
    }

    /**
     * {@return the solver called {@code name} (case-insensitive)}
     *
     * @param name {@code auto} or one of {@link #names()}
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static StationarySolver byName(String name) {
        return of(SolverKind.of(name));
    }

    /**
     * {@return the solver of the given kind}
     *
     * @param kind the solver kind
     */
    public static StationarySolver of(SolverKind kind) {
        return switch (kind) {
            case AUTO -> auto();
            case GTH -> gth();
            case LEVELS -> levels();
            case LU -> lu();
            case CORE -> core();
            case MULTIGRID -> multigrid();
        };
    }
}
