package org.qpspin.cli;

import java.awt.Color;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.qpspin.model.ModelParameters;
import org.qpspin.montecarlo.MonteCarloResult;
import org.qpspin.montecarlo.OccupationHistogram;
import org.qpspin.montecarlo.ReplicaResult;
import org.qpspin.montecarlo.TimeSeries;
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.StationaryAnalysis;
import org.qpspin.stationary.StationaryResult;

/** The {@code --plot} figures of {@code stationary}, {@code simulate} and {@code flux-noise} ({@link PlotTheme}). */
final class ResultPlots {

    /** Most columns and rows of the P(N, m) heat map; larger chains are summed over blocks of states. */
    static final int MAX_COLUMNS = 400;
    static final int MAX_ROWS = 200;
    /** The heat map's colour scale spans this many decades below the largest cell. */
    static final double DECADES = 12;

    private ResultPlots() {
    }

    /**
     * {@code stationary --plot}: P(N) on linear and log axes (with the mean-field N0 and the exact ⟨N⟩ marked) and
     * the P(N, m) heat map on a log colour scale over {@value #DECADES} decades below the peak.
     */
    static Path stationary(StationaryAnalysis a, Path file) {
        StationaryResult r = a.result();
        double[] pn = r.marginalN();
        double peak = 0.0;
        for (double v : pn) {
            peak = Math.max(peak, v);
        }
        double[] n = new double[pn.length];
        for (int i = 0; i < n.length; i++) {
            n[i] = i;
        }
        // the N range: where P(N) is above 1e-14 of its peak (the whole chain when it is small)
        int last = pn.length - 1;
        while (last > 1 && pn[last] < 1e-14 * peak) {
            last--;
        }
        double n0 = a.meanField().meanN();
        PlotTheme.Panel lin = PlotTheme.panel("P(N), linear scale", "cluster size N (quasiparticles)", false,
                "probability P(N)", false, 700, 600);
        PlotTheme.Panel log = PlotTheme.panel("P(N), log scale", "cluster size N (quasiparticles)", false,
                "probability P(N)", true, 700, 600);
        for (PlotTheme.Panel p : List.of(lin, log)) {
            boolean isLog = p == log;
            double lo = isLog ? Math.max(1e-14 * peak, minPositive(pn, last)) / 3 : 0.0;
            double hi = isLog ? 3 * peak : 1.08 * peak;
            p.line("exact P(N)", Arrays.copyOf(n, last + 1), Arrays.copyOf(pn, last + 1), PlotTheme.PALETTE[0],
                    PlotTheme.SOLID);
            p.line("mean-field N0 = " + PlotTheme.number(n0), new double[] {n0, n0}, new double[] {lo, hi},
                    PlotTheme.PALETTE[1], PlotTheme.DASHED);
            p.line("exact <N> = " + PlotTheme.number(r.meanN()), new double[] {r.meanN(), r.meanN()},
                    new double[] {lo, hi}, PlotTheme.PALETTE[2], PlotTheme.DOTTED);
            p.xRange(0, Math.max(last, 1));
            p.yRange(lo, hi);
        }
        PlotTheme.Panel heat = heatMap(r, last);
        String caption = PlotTheme.parameters(a.parameters()) + String.format(Locale.ROOT,
                ". Exact stationary distribution of the PRL 2020 chain: %d states (nMax = %d, mMax = %d), truncation "
                        + "cost %s (omitted flux / AV), solver %s; mean-field regime %s.", r.states(), r.maxN(),
                r.maxM(), PlotTheme.number(r.relativeOmittedFlux()), r.solver(), a.meanField().regime().label());
        return PlotTheme.figure(caption, lin, log, heat).save(file);
    }

    private static PlotTheme.Panel heatMap(StationaryResult r, int lastN) {
        StateSpace space = r.space();
        double[] p = r.probabilitiesView();
        int mTop = 0;
        for (int i = 0; i < p.length; i++) {
            if (space.levelOf(i) <= lastN && p[i] > 0.0) {
                mTop = Math.max(mTop, space.mOf(i));
            }
        }
        int bn = (lastN + MAX_COLUMNS) / MAX_COLUMNS;
        int bm = (mTop + MAX_ROWS) / MAX_ROWS;
        int cols = lastN / bn + 1;
        int rows = mTop / bm + 1;
        double[][] sum = new double[cols][rows];
        boolean[][] present = new boolean[cols][rows];
        for (int i = 0; i < p.length; i++) {
            int level = space.levelOf(i);
            int m = space.mOf(i);
            if (level > lastN || m > mTop) {
                continue;
            }
            sum[level / bn][m / bm] += p[i];
            present[level / bn][m / bm] = true;
        }
        int cells = 0;
        double peak = 0.0;
        for (int c = 0; c < cols; c++) {
            for (int k = 0; k < rows; k++) {
                if (present[c][k]) {
                    cells++;
                    peak = Math.max(peak, sum[c][k]);
                }
            }
        }
        double floor = peak * Math.pow(10, -DECADES);
        double[] x0 = new double[cells];
        double[] x1 = new double[cells];
        double[] y0 = new double[cells];
        double[] y1 = new double[cells];
        double[] v = new double[cells];
        int j = 0;
        for (int c = 0; c < cols; c++) {
            for (int k = 0; k < rows; k++) {
                if (present[c][k]) {
                    x0[j] = c * bn - 0.5;
                    x1[j] = (c + 1) * bn - 0.5;
                    y0[j] = k * bm - 0.5;
                    y1[j] = (k + 1) * bm - 0.5;
                    v[j++] = sum[c][k] >= floor ? sum[c][k] : Double.NaN;
                }
            }
        }
        String what = bn == 1 && bm == 1 ? "P(N, m)" : String.format(Locale.ROOT, "P summed over %d×%d blocks", bn, bm);
        PlotTheme.Panel heat = PlotTheme.panel("P(N, m), log colour scale", "cluster size N (quasiparticles)", false,
                "flipped spins m", false, 700, 600);
        heat.xRange(-0.5, cols * bn - 0.5);
        heat.yRange(-0.5, rows * bm - 0.5);
        heat.heatMap(x0, x1, y0, y1, v, PlotTheme.ColourScale.logarithmic(floor, peak, what),
                new Color(0xeeeeee));
        heat.legendEntry(String.format(Locale.ROOT, "below 10⁻%d of the peak", (int) DECADES), new Color(0xeeeeee));
        return heat;
    }

    private static double minPositive(double[] a, int last) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= last; i++) {
            if (a[i] > 0.0) {
                m = Math.min(m, a[i]);
            }
        }
        return m;
    }

    /** Batches per replica for the histogram's error bars. */
    static final int BATCHES = 10;
    /** Samples of the drawn trajectory (the first ones of replica 1; the histogram has them all). */
    static final int TRAJECTORY_SAMPLES = 2000;

    /**
     * {@code simulate --plot}: replica 1's N(t) and m(t), and the time-weighted occupation P(N) of all replicas
     * with ±1 standard error from batch means ({@value #BATCHES} consecutive batches of each replica's samples).
     */
    static Path simulate(MonteCarloResult result, Path file) {
        ModelParameters par = result.rateModel().parameters();
        ReplicaResult first = result.replicas().get(0);
        TimeSeries ts = first.series();
        int k = Math.min(ts.size(), TRAJECTORY_SAMPLES);
        // a jump process: drawn as steps, (t_i, x_{i-1}) then (t_i, x_i)
        double[] t = new double[2 * k];
        double[] nn = new double[2 * k];
        double[] mm = new double[2 * k];
        for (int i = 0; i < k; i++) {
            double ti = i * ts.interval();
            t[2 * i] = ti;
            t[2 * i + 1] = ti;
            nn[2 * i] = ts.n(Math.max(0, i - 1));
            nn[2 * i + 1] = ts.n(i);
            mm[2 * i] = ts.m(Math.max(0, i - 1));
            mm[2 * i + 1] = ts.m(i);
        }
        PlotTheme.Panel traj = PlotTheme.panel("Trajectory (replica 1, first " + k + " samples)",
                "time t after the burn-in (s)", false, "N (quasiparticles), m (flipped spins)", false, 800, 600);
        traj.line("N(t)", t, nn, PlotTheme.PALETTE[0], new java.awt.BasicStroke(1.4f));
        traj.line("m(t)", t, mm, PlotTheme.PALETTE[1], new java.awt.BasicStroke(1.4f));
        if (k > 1) {
            traj.xRange(0, t[2 * k - 1]);
        }
        OccupationHistogram h = result.occupation();
        double[] fraction = h.marginalN();
        double[] err = batchErrors(result, fraction.length);
        int count = 0;
        for (double f : fraction) {
            if (f > 0.0) {
                count++;
            }
        }
        double[] x = new double[count];
        double[] y = new double[count];
        double[] e = new double[count];
        int j = 0;
        for (int i = 0; i < fraction.length; i++) {
            if (fraction[i] > 0.0) {
                x[j] = i;
                y[j] = fraction[i];
                e[j++] = err[i];
            }
        }
        PlotTheme.Panel hist = PlotTheme.panel("Occupation P(N), all replicas", "cluster size N (quasiparticles)",
                false, "fraction of time at N", false, 800, 600);
        hist.pointsWithErrors("time-weighted occupation ± 1 standard error", x, y, e, PlotTheme.PALETTE[0]);
        hist.chart().getStyler().setMarkerSize(5);
        String caption = PlotTheme.parameters(par) + String.format(Locale.ROOT,
                ". Gillespie direct method: %d replicas × %s s recorded (burn-in %s s, samples every %s s), %d events, "
                        + "seed %d%s. Trajectory: the first %s s of replica 1. Error bars: standard error from the "
                        + "spread of %d batch means (%d per replica).", result.replicas().size(),
                PlotTheme.number(result.settings().duration()), PlotTheme.number(result.settings().burnIn()),
                PlotTheme.number(ts.interval()), result.events(), result.settings().seed(),
                result.stopped() ? ", STOPPED EARLY" : "", PlotTheme.number(k * ts.interval()), BATCHES * result.replicas().size(), BATCHES);
        return PlotTheme.figure(caption, traj, hist).save(file);
    }

    /** Standard error of each level's sampled fraction from batch means over every replica's samples. */
    static double[] batchErrors(MonteCarloResult result, int levels) {
        int batches = 0;
        double[] sum = new double[levels];
        double[] sum2 = new double[levels];
        for (ReplicaResult rep : result.replicas()) {
            TimeSeries ts = rep.series();
            int len = ts.size() / BATCHES;
            if (len == 0) {
                continue;
            }
            for (int b = 0; b < BATCHES; b++) {
                double[] f = new double[levels];
                for (int i = b * len; i < (b + 1) * len; i++) {
                    int n = ts.n(i);
                    if (n < levels) {
                        f[n] += 1.0 / len;
                    }
                }
                for (int n = 0; n < levels; n++) {
                    sum[n] += f[n];
                    sum2[n] += f[n] * f[n];
                }
                batches++;
            }
        }
        double[] err = new double[levels];
        if (batches < 2) {
            Arrays.fill(err, 0.0);
            return err;
        }
        for (int n = 0; n < levels; n++) {
            double mean = sum[n] / batches;
            double var = Math.max(0.0, (sum2[n] - batches * mean * mean) / (batches - 1));
            err[n] = Math.sqrt(var / batches);
        }
        return err;
    }

    /**
     * {@code flux-noise --plot}: S_Φ(f) two-sided in Φ0²/Hz: the exact chain's φ1² S_2S(f)/3 where it was solved,
     * the Fokker–Planck Lorentzian φ1² S_N(0)/3 /(1 + (ωτ_N)²), and the unpolarized cluster's Lorentzian.
     *
     * @param exactF frequencies (Hz) of the exact spectrum, or null
     * @param exactS φ1² S_2S(f)/3 at {@code exactF}, or null
     */
    static Path fluxNoise(ModelParameters p, double phi1, double[] exactF, double[] exactS, double fpZero,
                          double fpTau, double unpolarizedZero, double unpolarizedTau, String note, Path file) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0.0;
        for (double tau : new double[] {fpTau, unpolarizedTau}) {
            if (tau > 0.0 && Double.isFinite(tau)) {
                lo = Math.min(lo, 1e-3 / (2 * Math.PI * tau));
                hi = Math.max(hi, 1e3 / (2 * Math.PI * tau));
            }
        }
        if (exactF != null) {
            lo = Math.min(lo, exactF[0]);
            hi = Math.max(hi, exactF[exactF.length - 1]);
        }
        if (!(hi > lo)) {
            lo = 1e-3;
            hi = 1e3;
        }
        PlotTheme.Panel panel = PlotTheme.panel("Flux noise of the cluster in a SQUID arm", "frequency f (Hz)", true,
                "S_Φ(f)  (Φ0²/Hz, two-sided)", true);
        if (exactF != null) {
            panel.points("exact chain: φ1² S_2S(f)/3", exactF, exactS, PlotTheme.PALETTE[0], SeriesMarkers.CIRCLE);
            panel.chart().getStyler().setMarkerSize(4);
        }
        int k = 80;
        double[] f = new double[k + 1];
        for (int i = 0; i <= k; i++) {
            f[i] = lo * Math.pow(hi / lo, (double) i / k);
        }
        if (fpZero > 0.0 && Double.isFinite(fpTau)) {
            panel.line("1D Fokker–Planck: φ1² S_N(0)/3 /(1+(ωτ_N)²), τ_N = " + PlotTheme.number(fpTau) + " s", f,
                    lorentzian(f, fpZero, fpTau), PlotTheme.PALETTE[1], PlotTheme.DASHED);
        }
        if (unpolarizedZero > 0.0 && Double.isFinite(unpolarizedTau)) {
            panel.line("unpolarized cluster, spin memory " + PlotTheme.number(unpolarizedTau) + " s", f,
                    lorentzian(f, unpolarizedZero, unpolarizedTau), PlotTheme.PALETTE[2], PlotTheme.DOTTED);
        }
        panel.xRange(lo, hi);
        String caption = PlotTheme.parameters(p) + ". φ1 = " + PlotTheme.number(phi1) + " Φ0 per Bohr magneton. "
                + "Two-sided spectra (docs/model.md); a spectrum analyser's one-sided density is 2 S."
                + (note == null ? "" : " " + note);
        return PlotTheme.figure(caption, panel).save(file);
    }

    private static double[] lorentzian(double[] f, double s0, double tau) {
        double[] v = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            double w = 2 * Math.PI * f[i] * tau;
            v[i] = s0 / (1 + w * w);
        }
        return v;
    }
}
