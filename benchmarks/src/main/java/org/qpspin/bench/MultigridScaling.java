package org.qpspin.bench;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qpspin.generator.Generator;
import org.qpspin.stationary.StationaryFactorization;
import org.qpspin.stationary.StationaryResult;
import org.qpspin.stationary.StationarySolvers;

/**
 * The multigrid solver's scaling study (docs/benchmarks.md, "Multigrid scaling"): for each family (SR, TA, weak
 * of {@link BenchmarkChains#peerRectangle}) and size, one stationary solve and one S_N(0) group-inverse solve,
 * printing states, cycles/iterations, seconds, seconds per iteration, heap per state and the residual. Not a
 * JMH benchmark: one cold run per case, the sizes are too large to repeat.
 *
 * <pre>java -Xmx8g -cp … org.qpspin.bench.MultigridScaling SR,TA,weak 1e5,1e6,1e7</pre>
 */
public final class MultigridScaling {

    private MultigridScaling() {
    }

    public static void main(String[] args) {
        String[] regimes = args[0].split(",");
        String[] sizes = args[1].split(",");
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
        StationaryFactorization f = StationarySolvers.multigrid().factorize(g);
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
