package org.qpspin.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.rates.RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.SolverKind;
import org.qpspin.stationary.StationaryAnalysis;
import org.qpspin.stationary.StationaryFactorization;
import org.qpspin.stationary.StationaryResult;
import org.qpspin.stationary.StationarySolver;
import org.qpspin.stationary.StationarySolvers;
import org.qpspin.truncation.Truncation;

/**
 * The multigrid solver cold and warm on the same final truncation of the paper example's family (docs/validation.md,
 * "The exact chain by multigrid", issue 18 (a)): runs the two-sided-window growth with the multigrid solver (each
 * attempt warm-started from the previous one, as {@code flux-noise} does), then solves the final generator again
 * from the uniform vector (cold) and from the previous attempt's vector (warm), printing each solve's solver name
 * (levels, cycles + GMRES iterations + polish, residual, error estimates) and seconds. Not a JMH benchmark.
 *
 * <pre>java -Xmx8g [-Dmodes=cold] -cp benchmarks/target/benchmarks.jar org.qpspin.bench.MultigridWarmStart 1000 [1e-10]</pre>
 */
public final class MultigridWarmStart {

    private MultigridWarmStart() {
    }

    /** One attempt's generator and the result it was started from. */
    private record Attempt(Generator generator, StationaryResult previous, String solver, double seconds) {
    }

    /**
     * Runs the growth, then the cold and warm solves of the final generator.
     *
     * @param args N0 = Nc of the family, optionally the tolerance (default 1e-10)
     */
    public static void main(String[] args) {
        double n0 = Double.parseDouble(args[0]);
        double tol = args.length > 1 ? Double.parseDouble(args[1]) : 1e-10;
        RateModel rates = Prl2020RateModel.of(ModelParameters.withMeanFieldN0(n0, 0.001, 18.8669, 18.8669 / n0,
                12.6491));
        StationarySolver multigrid = StationarySolvers.multigrid();
        List<Attempt> attempts = new ArrayList<>();
        StationarySolver recording = new StationarySolver() {
            @Override
            public SolverKind kind() {
                return multigrid.kind();
            }

            @Override
            public StationaryResult solve(Generator generator) {
                return factorize(generator, null).stationary();
            }

            @Override
            public StationaryFactorization factorize(Generator generator) {
                return factorize(generator, null);
            }

            @Override
            public StationaryResult solve(Generator generator, StationaryResult previous) {
                return factorize(generator, previous).stationary();
            }

            @Override
            public StationaryFactorization factorize(Generator generator, StationaryResult previous) {
                long t = System.nanoTime();
                StationaryFactorization f = multigrid.factorize(generator, previous);
                double s = (System.nanoTime() - t) * 1e-9;
                attempts.add(new Attempt(generator, previous, f.stationary().solver(), s));
                System.out.printf(Locale.ROOT, "attempt %d: %d states, %.1f s, %s%n", attempts.size(),
                        generator.size(), s, f.stationary().solver());
                return f;
            }

            @Override
            public void requireFits(RateModel r, StateSpace space) {
                multigrid.requireFits(r, space);
            }

            @Override
            public boolean readsRows(RateModel r, StateSpace space) {
                return multigrid.readsRows(r, space);
            }
        };
        StationaryAnalysis a = StationaryAnalysis.factorize(rates, Truncation.automatic(tol).withWindows(), recording);
        Attempt last = attempts.get(attempts.size() - 1);
        Generator g = last.generator();
        System.out.printf(Locale.ROOT, "final: %d states, <N> = %.8g%n", g.size(), a.result().meanN());
        for (String mode : System.getProperty("modes", "cold,warm").split(",")) { // -Dmodes=cold: the cold one only
            System.gc();
            long t = System.nanoTime();
            StationaryFactorization f = multigrid.factorize(g, mode.equals("warm") ? last.previous() : null);
            double s = (System.nanoTime() - t) * 1e-9;
            System.out.printf(Locale.ROOT, "%s: %.1f s, <N> = %.10g, %s%n", mode, s, f.stationary().meanN(),
                    f.stationary().solver());
        }
    }
}
