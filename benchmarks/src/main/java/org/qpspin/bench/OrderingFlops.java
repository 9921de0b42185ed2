package org.qpspin.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.ejml.data.DMatrixSparseCSC;
import org.qpspin.generator.Generator;
import org.qpspin.linalg.lu.SupernodalAnalysis;
import org.qpspin.model.ModelParameters;
import org.qpspin.ordering.Orderings;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.PinnedState;

/**
 * Load-independent counts of the LU's orderings on the tight band matrices of the peer comparison: for each order,
 * the symbolic factorization's flops ({@link SupernodalAnalysis#flops()}), factor entries and largest front. Orders:
 * the LU's own lattice dissection, and an external permutation (one 0-based state index per line, METIS's
 * {@code ndmetis} iperm file: line i is the position of state i) if {@code -Dorder.dir=DIR} holds
 * {@code FAMILY.graph.iperm}; with {@code -Dwhere=true} also the flops by front size and by level. With
 * {@code -Dgraph.dir=DIR} the pattern of A + Aᵀ is written there in METIS's
 * graph format ({@code FAMILY.graph}) for {@code ndmetis}.
 *
 * <pre>
 *   java --add-modules jdk.incubator.vector -Xmx8g -cp benchmarks/target/benchmarks.jar \
 *       [-Dgraph.dir=DIR] [-Dorder.dir=DIR] [-Dwhere=true] [-Dshape=true] org.qpspin.bench.OrderingFlops [SR|TA|weak ...]
 * </pre>
 */
public final class OrderingFlops {

    private OrderingFlops() {
    }

    /**
     * Runs the counts.
     *
     * @param args family names (default all three)
     * @throws IOException if a graph or order file cannot be written or read
     */
    public static void main(String[] args) throws IOException {
        for (PeerBandFamily family : PeerBandFamily.named(args)) {
            ModelParameters p = family.parameters();
            StateSpace space = family.band();
            Generator g = Generator.assemble(Prl2020RateModel.of(p), space);
            DMatrixSparseCSC a = g.matrix();
            int pin = PinnedState.meanFieldPoint(space, p);
            System.out.printf(Locale.ROOT, "%s: %d states, %d entries, levels %d, widest %d%n", family.name(),
                    g.size(), g.nonZeros(), space.maxN() + 1, space.maxLevelWidth());
            if (Boolean.getBoolean("shape")) {
                for (int k = 0; k <= space.maxN(); k += Math.max(1, space.maxN() / 40)) {
                    System.out.printf(Locale.ROOT, "  N %d m [%d, %d]%n", k, space.lowM(k), space.highM(k));
                }
            }
            String graphDir = System.getProperty("graph.dir");
            if (graphDir != null) {
                writeGraph(a, Path.of(graphDir, family.name() + ".graph"));
            }
            long t0 = System.nanoTime();
            int[] lattice = Orderings.latticeDissection(space, a);
            double seconds = (System.nanoTime() - t0) * 1e-9;
            report("lattice", a, Orderings.withLast(lattice, pin), seconds);
            if (Boolean.getBoolean("where")) {
                where(space, Orderings.withLast(lattice, pin), a);
            }
            String orderDir = System.getProperty("order.dir");
            if (orderDir != null) {
                Path f = Path.of(orderDir, family.name() + ".graph.iperm");
                if (Files.exists(f)) {
                    int[] iperm = Files.readAllLines(f).stream().mapToInt(s -> Integer.parseInt(s.trim())).toArray();
                    report("metis-nd", a, Orderings.withLast(Orderings.inverse(iperm), pin), 0.0);
                    if (Boolean.getBoolean("where")) {
                        where(space, Orderings.withLast(Orderings.inverse(iperm), pin), a);
                    }
                }
            }
        }
    }

    private static void report(String name, DMatrixSparseCSC a, int[] order, double orderSeconds) {
        long t0 = System.nanoTime();
        SupernodalAnalysis s = SupernodalAnalysis.of(a, order);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        System.out.printf(Locale.ROOT, "  %-16s flops %.3e  entries %.3e  largest front %5d  supernodes %7d  "
                + "(order %.2f s, analysis %.2f s)%n", name, s.flops(), (double) s.factorEntries(), s.largestFront(),
                s.supernodes(), orderSeconds, seconds);
    }

    /** Prints where the flops are: by front size (powers of 2) and by the level N of each supernode's first column. */
    private static void where(StateSpace space, int[] order, DMatrixSparseCSC a) {
        SupernodalAnalysis s = SupernodalAnalysis.of(a, order);
        double[] byFront = new double[16];
        int[] countByFront = new int[16];
        int buckets = 20;
        double[] byLevel = new double[buckets];
        for (int k = 0; k < s.supernodes(); k++) {
            int ns = s.supernodeStart(k + 1) - s.supernodeStart(k);
            int f = s.frontRows(k).length;
            int nb = f - ns;
            double fl = (double) ns * ns * nb + 2.0 * nb * nb * ns;
            for (int q = 0; q < ns; q++) {
                fl += 2.0 * (f - q) * (ns - q);
            }
            int b = 31 - Integer.numberOfLeadingZeros(Math.max(1, f));
            byFront[b] += fl;
            countByFront[b]++;
            int level = space.levelOf(order[s.supernodeStart(k)]);
            byLevel[(int) ((long) level * buckets / (space.maxN() + 1))] += fl;
        }
        for (int b = 0; b < 16; b++) {
            if (countByFront[b] > 0) {
                System.out.printf(Locale.ROOT, "    fronts [%d, %d): %7d supernodes, flops %.3e%n", 1 << b, 2 << b,
                        countByFront[b], byFront[b]);
            }
        }
        for (int b = 0; b < buckets; b++) {
            System.out.printf(Locale.ROOT, "    N from %5d: flops %.3e%n", (long) b * (space.maxN() + 1) / buckets,
                    byLevel[b]);
        }
    }

    /** Writes the pattern of A + Aᵀ without the diagonal as a METIS graph (1-based neighbour lists). */
    private static void writeGraph(DMatrixSparseCSC a, Path file) throws IOException {
        int n = a.numCols;
        java.util.List<java.util.TreeSet<Integer>> adj = new java.util.ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            adj.add(new java.util.TreeSet<>());
        }
        for (int j = 0; j < n; j++) {
            for (int e = a.col_idx[j]; e < a.col_idx[j + 1]; e++) {
                int i = a.nz_rows[e];
                if (i != j) {
                    adj.get(i).add(j);
                    adj.get(j).add(i);
                }
            }
        }
        long edges = 0;
        for (java.util.TreeSet<Integer> s : adj) {
            edges += s.size();
        }
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write(n + " " + edges / 2 + "\n");
            StringBuilder line = new StringBuilder();
            for (java.util.TreeSet<Integer> s : adj) {
                line.setLength(0);
                for (int i : s) {
                    if (line.length() > 0) {
                        line.append(' ');
                    }
                    line.append(i + 1);
                }
                w.write(line.append('\n').toString());
            }
        }
    }
}
