package org.qpspin.bench;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qpspin.generator.Generator;
import org.qpspin.linalg.ProgressListener;
import org.qpspin.linalg.amg.AggregationMultigrid;
import org.qpspin.stationary.StationaryFactorization;
import org.qpspin.stationary.StationaryResult;
import org.qpspin.stationary.StationarySolvers;

/**
 * The multigrid solver's scaling study (docs/benchmarks.md, "Multigrid scaling"): for each family (SR, TA, weak
 * of {@link BenchmarkChains#peerRectangle}) and size, one stationary solve and one S_N(0) group-inverse solve,
 * printing states, cycles/iterations, seconds, seconds per iteration, heap per state and the residual. Not a
 * JMH benchmark: one cold run per case, the sizes are too large to repeat.
 *
 * <pre>java -Xmx8g [-Dcycle=1,1,1,2] [-Drestart=8] [-Dshape=2,2] -cp … org.qpspin.bench.MultigridScaling SR,TA,weak 1e5,1e6,1e7 [threads]</pre>
 *
 * <p>Without properties the solver is {@link StationarySolvers#multigrid()} at its defaults. {@code -Dcycle=ν₁,ν₂,γ,s}
 * gives the cycle (s: Krylov acceleration every s coarse levels, 0 for none; the K-cycle of
 * {@code AggregationMultigrid}), {@code -Drestart} GMRES's restart and {@code -Dshape=first,coarse} the aggregates'
 * factors along t; these build the package-private factorization reflectively (the same class the solver uses).
 *
 * <p>With a thread count, every case runs in a fork-join pool of that many workers (the solver's parallel loops run
 * in the pool of the thread that calls them: 1 gives a one-core run), else on the common pool.
 */
public final class MultigridScaling {

    private MultigridScaling() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 2) {
            java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(Integer.parseInt(args[2]));
            try {
                pool.submit(() -> {
                    main(new String[] {args[0], args[1]});
                    return null;
                }).get();
            } finally {
                pool.shutdown();
            }
            return;
        }
        String[] regimes = args[0].split(",");
        String[] sizes = args[1].split(",");
        System.out.println("cycle " + System.getProperty("cycle", "default") + ", restart "
                + System.getProperty("restart", "default") + ", shape " + System.getProperty("shape", "default"));
        System.out.println("| family | states | levels | cycles+GMRES+polish | stationary s | s/iteration | S_N(0) GMRES it."
                + " | S_N(0) s | heap bytes/state | hierarchy bytes/state | rel. residual | est. err <N> | est. err Var N | <N> | S_N(0) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (String regime : regimes) {
            for (String size : sizes) {
                run(regime, (int) Double.parseDouble(size));
            }
        }
    }

    private static void run(String regime, int states) {
        Generator g = BenchmarkChains.peerRectangle(regime, states);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        StationaryFactorization f = System.getProperty("cycle") == null && System.getProperty("restart") == null
                && System.getProperty("shape") == null ? StationarySolvers.multigrid().factorize(g) : configured(g, t0);
        double stationarySeconds = (System.nanoTime() - t0) * 1e-9;
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        StationaryResult r = f.stationary();
        int n = g.size();
        double[] p = r.probabilitiesView();
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = -(g.space().levelOf(i) - r.meanN()) * p[i];
        }
        double[] x = new double[n];
        long t1 = System.nanoTime();
        f.solveGroupInverse(b, x);
        double noiseSeconds = (System.nanoTime() - t1) * 1e-9;
        double sn = 0.0;
        for (int i = 0; i < n; i++) {
            sn += 2.0 * g.space().levelOf(i) * x[i];
        }
        // the solver name: multigrid[L levels; a+b+c cycles/iterations; residual R; est. error <N> E, Var N F]
        Matcher m = Pattern.compile("\\[(\\d+) levels; (\\d+)\\+(\\d+)\\+(\\d+) cycles/iterations(.*?); residual (\\S+);"
                + " est. error <N> (\\S+), Var N (\\S+)]").matcher(r.solver());
        if (!m.find()) {
            throw new IllegalStateException("unexpected solver name " + r.solver());
        }
        int work = Integer.parseInt(m.group(2)) + Integer.parseInt(m.group(3)) + Integer.parseInt(m.group(4));
        double groupIterations = groupIterations(f);
        double hierarchy = call(f, "hierarchyBytes") / n;
        System.out.println(String.format(Locale.ROOT,
                "| %s | %d | %s | %s+%s+%s%s | %.2f | %.3f | %s | %.2f | %d | %.0f | %s | %s | %s | %.6g | %.6g |", regime, n,
                m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), stationarySeconds,
                stationarySeconds / work, groupIterations < 0 ? "?" : String.valueOf((int) groupIterations),
                noiseSeconds, (after - before) / n, hierarchy, m.group(6), m.group(7), m.group(8), r.meanN(), sn));
    }

    /**
     * The multigrid factorization with the cycle, restart and aggregate factors of the system properties (defaults:
     * the solver's), built reflectively.
     */
    private static StationaryFactorization configured(Generator g, long start) {
        try {
            String pkg = "org.qpspin.stationary.";
            Class<?> factorization = Class.forName(pkg + "MultigridFactorization");
            Class<?> aggregates = Class.forName(pkg + "SpinAggregates");
            Class<?> shapeClass = Class.forName(pkg + "SpinAggregates$Shape");
            Class<?> stoppingClass = Class.forName(pkg + "MultigridFactorization$Stopping");
            Class<?> solver = Class.forName(pkg + "MultigridSolver");
            var shapeField = aggregates.getDeclaredField("DEFAULT");
            shapeField.setAccessible(true);
            Object shape = shapeField.get(null);
            if (System.getProperty("shape") != null) {
                String[] f = System.getProperty("shape").split(",");
                var c = shapeClass.getDeclaredConstructors()[0];
                c.setAccessible(true);
                var lines = shapeClass.getDeclaredMethod("lines");
                lines.setAccessible(true);
                shape = c.newInstance(Integer.parseInt(f[0]), Integer.parseInt(f[1]), false, lines.invoke(shape));
            }
            var cycleField = solver.getDeclaredField("CYCLE");
            cycleField.setAccessible(true);
            AggregationMultigrid.Cycle cycle = (AggregationMultigrid.Cycle) cycleField.get(null);
            if (System.getProperty("cycle") != null) {
                String[] c = System.getProperty("cycle").split(",");
                cycle = new AggregationMultigrid.Cycle(Integer.parseInt(c[0]), Integer.parseInt(c[1]),
                        Integer.parseInt(c[2]), c.length > 3 ? Integer.parseInt(c[3]) : 0);
            }
            var restartField = factorization.getDeclaredField("RESTART");
            restartField.setAccessible(true);
            int restart = Integer.getInteger("restart", restartField.getInt(null));
            var fullField = factorization.getDeclaredField("FULL");
            fullField.setAccessible(true);
            var constructor = factorization.getDeclaredConstructor(Generator.class, shapeClass,
                    AggregationMultigrid.Cycle.class, int.class, stoppingClass, long.class, double[].class,
                    ProgressListener.class);
            constructor.setAccessible(true);
            return (StationaryFactorization) constructor.newInstance(g, shape, cycle, restart, fullField.get(null),
                    start, null, ProgressListener.NONE);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** GMRES iterations of the last group-inverse solve, read reflectively (package-private diagnostics). */
    private static double groupIterations(StationaryFactorization f) {
        return call(f, "lastIterations");
    }

    /** A package-private numeric diagnostic of the multigrid factorization, read reflectively (−1 if absent). */
    private static double call(StationaryFactorization f, String name) {
        try {
            var method = f.getClass().getDeclaredMethod(name);
            method.setAccessible(true);
            return ((Number) method.invoke(f)).doubleValue();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }
}
