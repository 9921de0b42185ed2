package org.qpspin.bench;

import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import org.qpspin.generator.Generator;
import org.qpspin.linalg.amg.AggregationMultigrid;
import org.qpspin.linalg.amg.GeneratorRows;
import org.qpspin.linalg.krylov.Gmres;
import org.qpspin.stationary.StationaryFactorization;
import org.qpspin.stationary.StationaryResult;
import org.qpspin.stationary.StationarySolvers;

/**
 * Seconds per multigrid cycle and per GMRES iteration with 1, 2, … threads (docs/benchmarks.md, issue 18, "Two
 * cores"): for each family and size, one multigrid factorization (on the common pool), then for each thread count t
 * in a fork-join pool of t workers (every parallel loop of the solver runs in the pool of the thread that calls it):
 * {@code reps} nonlinear cycles from the stationary vector, and one group-inverse GMRES (restart 8, S_N(0)'s
 * right-hand side, tolerance 0) of exactly {@code iterations} steps preconditioned by the frozen cycle. Prints
 * seconds per cycle and per GMRES iteration, the freeze's seconds, and a checksum of each result's bits, which must
 * be equal across thread counts (the solver's results do not depend on the threads). Not a JMH benchmark.
 *
 * <pre>java -Xmx8g -cp benchmarks/target/benchmarks.jar org.qpspin.bench.MultigridThreads SR,TA 1e6,3e6 1,2 [reps iterations]</pre>
 */
public final class MultigridThreads {

    private MultigridThreads() {
    }

    /**
     * Runs the study.
     *
     * @param args families, sizes, thread counts (comma-separated); optionally cycles and GMRES iterations (5, 16)
     * @throws Exception if a run fails
     */
    public static void main(String[] args) throws Exception {
        String[] regimes = args[0].split(",");
        String[] sizes = args[1].split(",");
        String[] threads = args[2].split(",");
        int reps = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int iterations = args.length > 4 ? Integer.parseInt(args[4]) : 16;
        System.out.println("| family | states | threads | s/cycle | s/GMRES iteration | freeze s | cycle checksum"
                + " | GMRES checksum | load (1 min) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (String regime : regimes) {
            for (String size : sizes) {
                Generator g = BenchmarkChains.peerRectangle(regime, (int) Double.parseDouble(size));
                StationaryFactorization f = StationarySolvers.multigrid().factorize(g);
                StationaryResult r = f.stationary();
                AggregationMultigrid mg = (AggregationMultigrid) field(f, "multigrid");
                GeneratorRows rows = (GeneratorRows) field(f, "rows");
                int n = g.size();
                double[] p = r.probabilities();
                double[] b = new double[n];
                for (int i = 0; i < n; i++) {
                    b[i] = -(g.space().levelOf(i) - r.meanN()) * p[i];
                }
                for (String t : threads) {
                    ForkJoinPool pool = new ForkJoinPool(Integer.parseInt(t));
                    try {
                        String line = pool.submit(() -> measure(mg, rows, p, b, reps, iterations)).get();
                        System.out.println(String.format(Locale.ROOT, "| %s | %d | %s | %s | %.2f |", regime, n, t,
                                line, load()));
                    } finally {
                        pool.shutdown();
                    }
                }
            }
        }
    }

    /** Times the cycles and the GMRES steps on the calling pool; "s/cycle | s/iteration | freeze s | sums". */
    private static String measure(AggregationMultigrid mg, GeneratorRows rows, double[] p, double[] b, int reps,
                                  int iterations) {
        int n = p.length;
        double[] x = p.clone();
        mg.cycle(x); // warm-up (JIT) on this pool's threads
        x = p.clone();
        long t0 = System.nanoTime();
        for (int k = 0; k < reps; k++) {
            mg.cycle(x);
        }
        double cycle = (System.nanoTime() - t0) * 1e-9 / reps;
        long t1 = System.nanoTime();
        mg.freeze(p);
        double freeze = (System.nanoTime() - t1) * 1e-9;
        double[] e = new double[n];
        Gmres gmres = new Gmres(rows::multiply, mg::precondition, 8, iterations);
        long t2 = System.nanoTime();
        Gmres.Result result = gmres.solve(b, e, 0.0, 1.0);
        double step = (System.nanoTime() - t2) * 1e-9 / result.iterations();
        return String.format(Locale.ROOT, "%.4f | %.4f | %.3f | %016x | %016x", cycle, step, freeze, checksum(x),
                checksum(e));
    }

    /** A hash of the vector's bits (equal vectors, equal hashes). */
    private static long checksum(double[] x) {
        long h = 1125899906842597L;
        for (double v : x) {
            h = 31 * h + Double.doubleToRawLongBits(v);
        }
        return h;
    }

    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static Object field(Object o, String name) throws ReflectiveOperationException {
        var f = o.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(o);
    }
}
