package org.qpspin.stationary;

import java.util.List;
import org.qpspin.generator.Generator;
import org.qpspin.linalg.amg.AggregationMultigrid;
import org.qpspin.linalg.amg.GeneratorRows;
import org.qpspin.linalg.amg.GridAggregation;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;

/** Scratch experiment (not a test): convergence per cycle on the peer families. */
final class MultigridExperiment {
    public static void main(String[] args) {
        String regime = args[0];
        int states = Integer.parseInt(args[1]);
        int pre = Integer.parseInt(args[2]);
        int post = Integer.parseInt(args[3]);
        int visits = Integer.parseInt(args[4]);
        int first = Integer.parseInt(args[5]);
        boolean alternate = Boolean.parseBoolean(args[6]);
        GridAggregation.Lines lines = GridAggregation.Lines.valueOf(args[7]);
        int cycles = Integer.parseInt(args[8]);
        Generator g = peer(regime, states);
        long t0 = System.nanoTime();
        GeneratorRows rows = GeneratorRows.ofColumns(g.matrix());
        List<GridAggregation> h = SpinAggregates.hierarchy(g.space(), new SpinAggregates.Shape(first, alternate, lines));
        AggregationMultigrid mg = new AggregationMultigrid(rows, SpinAggregates.levelLines(g.space()), h,
                new AggregationMultigrid.Cycle(pre, post, visits));
        System.out.printf("%s n=%d Nmax=%d mMax=%d levels=%d setup=%.2fs%n", regime, g.size(), g.space().maxN(),
                g.space().maxM(), mg.depth(), (System.nanoTime() - t0) * 1e-9);
        double[] x = new double[g.size()];
        java.util.Arrays.fill(x, 1.0 / g.size());
        double prev = Double.NaN;
        long t1 = System.nanoTime();
        for (int c = 1; c <= cycles; c++) {
            mg.cycle(x);
            double[] rf = rows.residualAndFlux(x);
            double rel = rf[0] / (2 * rf[1]);
            System.out.printf("cycle %d rel %.3e factor %.3f  t=%.2fs%n", c, rel, rel / prev, (System.nanoTime() - t1) * 1e-9);
            prev = rel;
            if (rel < 1e-15) {
                break;
            }
        }
        if (args.length > 9 && !args[9].equals("ref")) {
            int restart = Integer.parseInt(args[9]);
            mg.freeze(x);
            double scale = 0;
            for (int i = 0; i < x.length; i++) scale += Math.pow(rows.exitRates()[i] * x[i], 2);
            scale = Math.sqrt(scale);
            long t2 = System.nanoTime();
            var res = new org.qpspin.linalg.krylov.Gmres(rows::multiply, mg::precondition, restart, 300).solve(null, x, 1e-14, scale);
            double[] rf = rows.residualAndFlux(x);
            System.out.printf("gmres: %s  rel1=%.3e  %.2fs  min x=%.3e%n", res, rf[0] / (2 * rf[1]), (System.nanoTime() - t2) * 1e-9,
                java.util.Arrays.stream(x).min().getAsDouble());
        }
        if (args.length > 10 || (args.length > 9 && args[9].equals("ref"))) {
            double[] ref = new LevelSolver().solve(g).probabilitiesView();
            for (int i = 0; i < x.length; i++) x[i] = Math.max(0.0, x[i]);
            for (int c = 0; c < 12; c++) {
                double s = 0;
                for (double v : x) s += v;
                double max = 0, worst = 0;
                for (double v : ref) max = Math.max(max, v);
                for (int i = 0; i < x.length; i++) {
                    if (ref[i] > 1e-15 * max) worst = Math.max(worst, Math.abs(x[i] / s - ref[i]) / ref[i]);
                }
                double[] rf = rows.residualAndFlux(x);
                System.out.printf("polish %d: worst rel entry error %.3e rel residual %.3e%n", c, worst, rf[0] / (2 * rf[1]));
                if (args.length > 11) { for (int q = 0; q < 4; q++) mg.cycle(x); } else mg.cycle(x);
            }
            double s = 0;
            for (double v : x) s += v;
            double max = 0, worst = 0;
            for (double v : ref) max = Math.max(max, v);
            for (int i = 0; i < x.length; i++) {
                if (ref[i] > 1e-15 * max) worst = Math.max(worst, Math.abs(x[i] / s - ref[i]) / ref[i]);
            }
            System.out.printf("worst rel entry error (p>1e-15 pmax) vs levels: %.3e%n", worst);
        }
    }

    static Generator peer(String regime, int states) {
        double cN = regime.equals("TA") ? 3.5 : 5.5;
        double cM = regime.equals("weak") ? 3.0 : 0.53;
        double lo = 1.0, hi = 1e7;
        for (int k = 0; k < 100; k++) {
            double mid = Math.sqrt(lo * hi);
            if (StateSpace.rectangle((int) Math.ceil(cN * mid), (int) Math.ceil(cM * mid)).size() < states) lo = mid; else hi = mid;
        }
        double n0 = Math.round(hi * 10.0) / 10.0;
        ModelParameters p = switch (regime) {
            case "SR" -> ModelParameters.withMeanFieldN0(n0, 1.0, 50.0, 0.0, 1.0);
            case "TA" -> ModelParameters.withMeanFieldN0(n0, 1.0, 1.0, 1.0 / (25.0 * n0), Double.POSITIVE_INFINITY);
            default -> ModelParameters.withMeanFieldN0(n0, 1.0, 10.0, 0.0, 1.0 / 3.0);
        };
        return Generator.assemble(Prl2020RateModel.of(p), StateSpace.rectangle((int) Math.ceil(cN * n0), (int) Math.ceil(cM * n0)));
    }
}
