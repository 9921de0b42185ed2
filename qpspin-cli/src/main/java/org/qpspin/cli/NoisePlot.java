package org.qpspin.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.qpspin.model.ModelParameters;
import org.qpspin.model.Regime;
import org.qpspin.model.Scales;
import org.qpspin.noise.NoiseSpectrum;

/**
 * The S(f) plot of {@code qpspin noise --plot} (observable N, m or S): log–log, two-sided S per Hz against
 * f = ω/2π, with
 * <ul>
 *   <li>the single Lorentzian with the exact S(0) and the exact variance, S(0)/(1 + (ωτ)²), τ = S(0)/(2 Var);</li>
 *   <li>the exact high-frequency asymptote 2D/ω², drawn from where it falls below 3 S(0) to the top of the grid,
 *       so it meets the data where the data reach it;</li>
 *   <li>for N only, the paper's zero-frequency levels 0.5 Var N τs (SR) and 0.6 Var N t_f (TA), each unless the
 *       regime is the other one.</li>
 * </ul>
 * PNG or SVG by the file's extension ({@link PlotTheme}).
 */
final class NoisePlot {

    private NoisePlot() {
    }

    /** Checks the plot file before any work. */
    static void checkFileName(Path file) {
        PlotTheme.requirePlotFile(file);
    }

    static Path write(NoiseSpectrum s, ModelParameters p, String stationaryLine, Path file) {
        double[] omega = s.omega();
        double[] values = s.values();
        int k = 0;
        for (int i = 0; i < omega.length; i++) {
            if (omega[i] > 0.0 && values[i] > 0.0) {
                k++;
            }
        }
        if (k < 2) {
            throw new UsageException("--plot needs at least two positive frequencies with S > 0");
        }
        double[] f = new double[k];
        double[] y = new double[k];
        k = 0;
        for (int i = 0; i < omega.length; i++) {
            if (omega[i] > 0.0 && values[i] > 0.0) {
                f[k] = omega[i] / (2 * Math.PI);
                y[k++] = values[i];
            }
        }
        String obs = s.observable();
        double s0 = s.zeroFrequency();
        double var = s.variance();
        double tau = s0 / (2 * var);
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = s0;
        for (double v : y) {
            yMin = Math.min(yMin, v);
            yMax = Math.max(yMax, v);
        }
        PlotTheme.Panel panel = PlotTheme.panel("Noise spectrum of " + obs + " (exact chain)",
                "frequency f (Hz)", true, "S_" + obs + "(f)  (1/Hz, two-sided)", true);
        double fMax = f[f.length - 1];
        double d = s.highFrequencyCoefficient();
        // where the data end short of 2D/ω², the mode expansion (whose first moment is D, so it has the same
        // asymptote) continues the curve until it meets the asymptote (within 3%), at most 4 decades further
        double fEnd = fMax;
        boolean extended = false;
        if (d > 0.0 && !s.modes().isEmpty() && Math.abs(y[y.length - 1] / asymptote(d, fMax) - 1) > 0.03) {
            for (double fe = fMax; fe <= 1e4 * fMax; fe *= Math.pow(10, 0.05)) {
                double w = 2 * Math.PI * fe;
                if (Math.abs(s.fromModes(w) / asymptote(d, fe) - 1) < 0.03) {
                    fEnd = fe;
                    extended = true;
                    break;
                }
            }
        }
        panel.points("exact S_" + obs + "(f) on the computed grid", f, y, PlotTheme.PALETTE[0],
                org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
        panel.chart().getStyler().setMarkerSize(4);
        if (extended) {
            double[] ef = logGrid(fMax, fEnd, 40);
            double[] ev = new double[ef.length];
            for (int i = 0; i < ef.length; i++) {
                ev[i] = s.fromModes(2 * Math.PI * ef[i]);
            }
            panel.line("beyond the grid: its mode expansion (" + s.modes().size() + " modes)", ef, ev,
                    PlotTheme.PALETTE[5], PlotTheme.SOLID);
            for (double v : ev) {
                yMin = Math.min(yMin, v);
            }
        }
        double[] lf = logGrid(f[0], fEnd, 60);
        double[] lorentz = new double[lf.length];
        for (int i = 0; i < lf.length; i++) {
            double w = 2 * Math.PI * lf[i];
            lorentz[i] = s0 / (1 + w * tau * w * tau);
        }
        panel.line("single Lorentzian S(0)/(1+(ωτ)²), τ = " + PlotTheme.number(tau) + " s", lf, lorentz,
                PlotTheme.PALETTE[1], PlotTheme.DASHED);
        // 2D/ω²: from where it is 3 S(0) (ω = sqrt(2D/(3 S(0)))) to the end of the curve
        double fStart = Math.sqrt(2 * d / (3 * s0)) / (2 * Math.PI);
        double lo = Math.max(fStart, f[0]);
        double hi = fEnd;
        if (d > 0.0 && lo < hi) {
            double[] hf = logGrid(lo, hi, 40);
            double[] hv = new double[hf.length];
            for (int i = 0; i < hf.length; i++) {
                hv[i] = asymptote(d, hf[i]);
            }
            double last = (extended ? s.fromModes(2 * Math.PI * fEnd) : y[y.length - 1]) / hv[hv.length - 1];
            String reach = Math.abs(last - 1) < 0.03 ? "" : String.format(Locale.ROOT,
                    " (not reached: curve at the end %.2f× it)", last);
            panel.line("high-f asymptote 2D/ω², D = " + PlotTheme.number(d) + " s⁻¹" + reach, hf, hv,
                    PlotTheme.PALETTE[2], PlotTheme.DOTTED);
        }
        if (obs.equals("N")) {
            Regime regime = Regime.classify(p);
            if (p.hasSpinFlips() && regime != Regime.TRIPLET_ANNIHILATION) {
                double sr = 0.5 * var * p.spinFlipTime();
                if (sr < 30 * yMax && sr > yMin / 30) {
                    panel.line("paper, SR limit: 0.5 Var N τs", new double[] {f[0], fEnd}, new double[] {sr, sr},
                            PlotTheme.PALETTE[3], PlotTheme.DASH_DOT);
                    yMax = Math.max(yMax, sr);
                    yMin = Math.min(yMin, sr);
                }
            }
            double tf = Scales.of(p).tripletNoiseTime();
            if (Double.isFinite(tf) && regime != Regime.SPIN_RELAXATION) {
                double ta = 0.6 * var * tf;
                if (ta < 30 * yMax && ta > yMin / 30) {
                    panel.line("paper, TA limit: 0.6 Var N t_f", new double[] {f[0], fEnd}, new double[] {ta, ta},
                            PlotTheme.PALETTE[4], PlotTheme.DASH_DOT);
                    yMax = Math.max(yMax, ta);
                    yMin = Math.min(yMin, ta);
                }
            }
        }
        panel.xRange(f[0], fEnd);
        panel.yRange(yMin / 2, yMax * 2);
        String caption = PlotTheme.parameters(p) + ". " + stationaryLine + ". S_" + obs + "(0) = "
                + PlotTheme.number(s0) + " /Hz, Var " + obs + " = " + PlotTheme.number(var)
                + "; two-sided convention (docs/model.md): one-sided = 2 S.";
        return PlotTheme.figure(caption, panel).save(file);
    }

    private static double asymptote(double d, double f) {
        double w = 2 * Math.PI * f;
        return 2 * d / (w * w);
    }

    private static double[] logGrid(double lo, double hi, int n) {
        double[] g = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            g[i] = lo * Math.pow(hi / lo, (double) i / n);
        }
        return g;
    }
}
