package org.qpspin.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.qpspin.generator.Generator;
import org.qpspin.linalg.dense.DenseKernel;
import org.qpspin.linalg.lu.MultifrontalGth;
import org.qpspin.linalg.lu.SupernodalAnalysis;
import org.qpspin.model.ModelParameters;
import org.qpspin.noise.NoiseAnalysis;
import org.qpspin.noise.Observable;
import org.qpspin.ordering.Orderings;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.PinnedState;
import org.qpspin.stationary.StationaryFactorization;
import org.qpspin.stationary.StationarySolvers;
import org.qpspin.truncation.ProbableCore;

/**
 * Per-phase wall and CPU times of the peer comparison's unit of work (stationary vector + S_N(0)) with
 * {@code --solver auto} and {@code --solver lu} on the tight 10⁶-state band matrices of issue 17 (the families, N0
 * and nMax of {@link DirectSolverCostReport}): the whole auto and lu runs as {@code export-generator --solve} times
 * them, then the LU's phases one by one — auto's probable-core screen ({@link ProbableCore#of}), the lattice
 * ordering, the symbolic analysis ({@link SupernodalAnalysis#of}), the numeric factorization
 * ({@link MultifrontalGth#factorize(SupernodalAnalysis, org.ejml.data.DMatrixSparseCSC)}), one pinned solve
 * (forward + backward) — and S_N(0) ({@link NoiseAnalysis#zeroFrequency}) on the lu factorization. Runs alternate
 * so that JIT warm-up shows as the difference between rounds; {@code -Dsolvers=lu,auto} swaps the two whole runs
 * (the one after the previous round's garbage pays for collecting it). Wall times measure the load too: quote the printed
 * load average with them.
 *
 * <pre>
 *   java --add-modules jdk.incubator.vector -Xmx8g -cp benchmarks/target/benchmarks.jar \
 *       org.qpspin.bench.LuPhaseBreakdown [-Druns=2] [-Dsolvers=auto,lu] [-Dphases=auto,lu,split] [SR|TA|weak ...]
 * </pre>
 */
public final class LuPhaseBreakdown {

    private LuPhaseBreakdown() {
    }

    /**
     * Runs the breakdown.
     *
     * @param args family names (default all three)
     */
    public static void main(String[] args) {
        int runs = Integer.getInteger("runs", 2);
        String phases = System.getProperty("phases", "auto,lu,split");
        for (PeerBandFamily family : PeerBandFamily.named(args)) {
            ModelParameters p = family.parameters();
            StateSpace space = family.band();
            Generator g = Generator.assemble(Prl2020RateModel.of(p), space);
            System.out.printf(Locale.ROOT, "%s: %d states, %d entries%n", family.name(), g.size(), g.nonZeros());
            for (int r = 0; r < runs; r++) {
                for (String solver : System.getProperty("solvers", "auto,lu").split(",")) {
                    if (!phases.contains(solver)) {
                        continue;
                    }
                    Clock c = new Clock();
                    StationaryFactorization f = StationarySolvers.byName(solver).factorize(g);
                    c.lap(solver + " stationary");
                    double s = NoiseAnalysis.of(g, f).zeroFrequency(Observable.particleNumber()).zeroFrequency();
                    c.lap(solver + " S_N(0)");
                    System.out.printf(Locale.ROOT, "  run %d %s [%s] S_N(0) = %.15g%n%s", r, solver,
                            f.stationary().solver(), s, c);
                }
                if (!phases.contains("split")) {
                    continue;
                }
                DenseKernel.prepareFor(g.size()); // as the solvers do: the SIMD kernel once compiled, not the scalar one
                Clock c = new Clock();
                StateSpace core = ProbableCore.of(g.rateModel(), space);
                c.lap("auto's core screen (" + core.size() + " states)");
                int pin = PinnedState.meanFieldPoint(space, p);
                int[] order = Orderings.latticeDissection(space, g.matrix());
                c.lap("lattice ordering");
                order = Orderings.withLast(order, pin);
                c.lap("pin last");
                SupernodalAnalysis a = SupernodalAnalysis.of(g.matrix(), order);
                c.lap("symbolic analysis");
                MultifrontalGth lu = MultifrontalGth.factorize(a, g.matrix());
                c.lap(String.format(Locale.ROOT, "numeric factorization (%.3g flops)", lu.flops()));
                double[] w = new double[g.size()];
                w[g.size() - 1] = 1.0;
                lu.forward(w);
                lu.backward(w);
                c.lap("one pinned solve");
                System.out.printf(Locale.ROOT, "  run %d split (%d supernodes, largest front %d)%n%s", r,
                        a.supernodes(), lu.largestFront(), c);
            }
        }
    }

    /** Wall and process CPU laps, with the load average at the start. */
    private static final class Clock {
        private final StringBuilder out = new StringBuilder();
        private final double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        private long wall = System.nanoTime();
        private long cpu = cpu();

        void lap(String what) {
            long w = System.nanoTime();
            long c = cpu();
            out.append(String.format(Locale.ROOT, "    %-44s wall %7.3f s  cpu %7.3f s  (load %.2f)%n", what,
                    (w - wall) * 1e-9, (c - cpu) * 1e-9, load));
            wall = System.nanoTime();
            cpu = cpu();
        }

        @Override
        public String toString() {
            return out.toString();
        }

        private static long cpu() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }
    }
}
