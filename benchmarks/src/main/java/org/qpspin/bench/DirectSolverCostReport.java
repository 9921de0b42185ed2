package org.qpspin.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.DirectSolverCosts;
import org.qpspin.stationary.SparseLuFactorization;
import org.qpspin.stationary.StationaryFactorization;
import org.qpspin.stationary.StationarySolvers;

/**
 * Prints the deterministic costs ({@link DirectSolverCosts}) of the levels and lu solvers on the tight band matrices
 * of the peer comparison (benchmarks/peer/scipy_peer.py {@code --sizes 1e6 --band 1e-10}: the same families, N0 and
 * nMax as its 2026-12-07 run), and with {@code --factorize} also times both factorizations (process CPU time, so
 * meaningful only with the load beside it) and checks the LU's counted flops against the symbolic ones.
 *
 * <pre>
 *   java --add-modules jdk.incubator.vector -Xmx8g -cp benchmarks/target/benchmarks.jar \
 *       org.qpspin.bench.DirectSolverCostReport [--factorize] [SR|TA|weak ...]
 * </pre>
 */
public final class DirectSolverCostReport {

    private DirectSolverCostReport() {
    }

    /**
     * Runs the report.
     *
     * @param args {@code --factorize} to time the factorizations too; family names (default all three)
     */
    public static void main(String[] args) {
        boolean factorize = false;
        java.util.List<String> wanted = new java.util.ArrayList<>();
        for (String a : args) {
            if (a.equals("--factorize")) {
                factorize = true;
            } else {
                wanted.add(a);
            }
        }
        System.out.println("family states nnz maxW sumW2 sumW3 levelsFlops levelsEntries luFlops luEntries "
                + "luMaxFront analysisS");
        java.util.List<Object[]> cases = new java.util.ArrayList<>();
        for (PeerBandFamily f : PeerBandFamily.named(wanted.toArray(String[]::new))) {
            cases.add(new Object[] {f.name(), f.parameters(), f.band()});
        }
        // the shapes auto was first fitted on (docs/benchmarks.md "auto"): rect:NMAX:MMAX, tri:NMAX
        ModelParameters unpolarized = ModelParameters.of(1000, 1, 1, 0.1, 10);
        for (String w : wanted) {
            String[] part = w.split(":");
            if (part[0].equals("rect")) {
                cases.add(new Object[] {w, unpolarized,
                    StateSpace.rectangle(Integer.parseInt(part[1]), Integer.parseInt(part[2]))});
            } else if (part[0].equals("tri")) {
                cases.add(new Object[] {w, unpolarized, StateSpace.triangle(Integer.parseInt(part[1]))});
            }
        }
        for (Object[] c0se : cases) {
            PeerBandFamily f = new PeerBandFamily((String) c0se[0], 0, 0, 0, 0, 0);
            ModelParameters p = (ModelParameters) c0se[1];
            StateSpace space = (StateSpace) c0se[2];
            Generator g = Generator.assemble(Prl2020RateModel.of(p), space);
            double w2 = 0.0;
            double w3 = 0.0;
            for (int k = 0; k <= space.maxN(); k++) {
                double w = space.levelWidth(k);
                w2 += w * w;
                w3 += w * w * w;
            }
            long t0 = System.nanoTime();
            DirectSolverCosts c = DirectSolverCosts.of(g);
            double analysis = (System.nanoTime() - t0) * 1e-9;
            System.out.printf(Locale.ROOT, "%s %d %d %d %.4g %.4g %.4g %.4g %.4g %.4g %d %.2f%n", f.name(),
                    space.size(), g.nonZeros(), space.maxLevelWidth(), w2, w3, c.levelsFlops(),
                    (double) c.levelsEntries(), c.luFlops(), (double) c.luEntries(), c.luLargestFront(), analysis);
            if (Boolean.getBoolean("costs.fronts")) {
                int pin = org.qpspin.stationary.PinnedState.meanFieldPoint(space, p);
                int[] order = org.qpspin.ordering.Orderings.withLast(
                        org.qpspin.ordering.Orderings.latticeDissection(space, g.matrix()), pin);
                org.qpspin.linalg.lu.SupernodalAnalysis a = org.qpspin.linalg.lu.SupernodalAnalysis.of(g.matrix(), order);
                double[] fl = new double[16];
                long[] cnt = new long[16];
                long[] cols = new long[16];
                for (int s = 0; s < a.supernodes(); s++) {
                    double ns = a.supernodeStart(s + 1) - a.supernodeStart(s);
                    double fr = a.frontRows(s).length;
                    double nb = fr - ns;
                    int b = Math.min(15, 32 - Integer.numberOfLeadingZeros((int) fr));
                    fl[b] += 2 * ns * nb * nb + ns * ns * nb + 2.0 / 3 * ns * ns * ns + ns * ns * nb;
                    cnt[b]++;
                    cols[b] += (long) ns;
                }
                for (int b = 0; b < 16; b++) {
                    if (cnt[b] > 0) {
                        System.out.printf(Locale.ROOT, "  front < %d: %d supernodes, %d columns, ~%.3g flops%n",
                                1 << b, cnt[b], cols[b], fl[b]);
                    }
                }
            }
            if (Boolean.getBoolean("costs.orders")) { // the LU factorization alone, axis-aligned vs lattice order, alternated
                int pin = org.qpspin.stationary.PinnedState.meanFieldPoint(space, p);
                int[][] orders = {
                    org.qpspin.ordering.Orderings.withLast(org.qpspin.ordering.Orderings.nestedDissection(space), pin),
                    org.qpspin.ordering.Orderings.withLast(
                            org.qpspin.ordering.Orderings.latticeDissection(space, g.matrix()), pin)};
                for (int r = 0; r < Integer.getInteger("costs.runs", 2); r++) {
                    for (int o = 0; o < 2; o++) {
                        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                        long c0 = cpu();
                        long w0 = System.nanoTime();
                        org.qpspin.linalg.lu.MultifrontalGth lu =
                                org.qpspin.linalg.lu.MultifrontalGth.factorize(g.matrix(), orders[o]);
                        System.out.printf(Locale.ROOT, "  run %d %s order: wall %.2f s cpu %.2f s load %.2f flops %.4g "
                                + "entries %.4g%n", r, o == 0 ? "axis" : "lattice", (System.nanoTime() - w0) * 1e-9,
                                (cpu() - c0) * 1e-9, load, lu.flops(), (double) lu.storedEntries());
                    }
                }
            }
            if (factorize) {
                for (int r = 0; r < Integer.getInteger("costs.runs", 2); r++) {
                    for (String solver : System.getProperty("costs.solvers", "levels,lu").split(",")) {
                        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                        long c0 = cpu();
                        long w0 = System.nanoTime();
                        StationaryFactorization k;
                        try {
                            k = StationarySolvers.byName(solver).factorize(g);
                        } catch (IllegalArgumentException refused) {
                            System.out.println("  run " + r + " " + solver + ": refused: " + refused.getMessage());
                            continue;
                        }
                        double wall = (System.nanoTime() - w0) * 1e-9;
                        double cpu = (cpu() - c0) * 1e-9;
                        String extra = k instanceof SparseLuFactorization lu
                                ? String.format(Locale.ROOT, " flops %.4g entries %.4g", lu.factorFlops(),
                                        (double) lu.factorNonZeros())
                                : "";
                        System.out.printf(Locale.ROOT, "  run %d %s: %s wall %.2f s cpu %.2f s load %.2f%s%n", r,
                                solver, k.stationary().solver(), wall, cpu, load, extra);
                    }
                }
            }
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
