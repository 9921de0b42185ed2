package org.qpspin.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.qpspin.model.ModelParameters;
import org.qpspin.model.Scales;
import org.qpspin.noise.NoiseSpectrum;

/**
 * The S_N(f) plot of {@code qpspin noise --plot}: log–log, two-sided S per Hz against f = ω/2π, with
 * <ul>
 *   <li>the single Lorentzian with the exact S(0) and the exact variance, S(0)/(1 + (ωτ)²), τ = S(0)/(2 Var);</li>
 *   <li>the paper's zero-frequency levels 0.5 Var τs (SR) and 0.6 Var t_f (TA), each unless the regime is the
 *       other one;</li>
 *   <li>the exact high-frequency asymptote 2D/ω².</li>
 * </ul>
 * PNG or SVG by the file's extension.
 */
final class NoisePlot {

    private NoisePlot() {
    }

    /** @return whether the file is SVG (else PNG) @throws UsageException for another extension */
    static boolean checkFileName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean svg = name.endsWith(".svg");
        if (!svg && !name.endsWith(".png")) {
            throw new UsageException("--plot needs a .png or .svg file name, got " + file);
        }
        return svg;
    }

    static void write(NoiseSpectrum s, ModelParameters p, Path file) {
        boolean svg = checkFileName(file);
        double[] omega = s.omega();
        double[] values = s.values();
        List<Double> f = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < omega.length; i++) {
            if (omega[i] > 0.0 && values[i] > 0.0) {
                f.add(omega[i] / (2 * Math.PI));
                y.add(values[i]);
            }
        }
        if (f.size() < 2) {
            throw new UsageException("--plot needs at least two positive frequencies with S > 0");
        }
        String obs = s.observable();
        XYChart chart = new XYChartBuilder().width(900).height(620)
                .title("S_" + obs + "(f), two-sided (MODEL.md convention)")
                .xAxisTitle("f (Hz)").yAxisTitle("S_" + obs + " (1/Hz)").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSW);
        chart.getStyler().setXAxisDecimalPattern("0.##E0");
        chart.getStyler().setYAxisDecimalPattern("0.##E0");
        XYSeries exact = chart.addSeries("exact chain", f, y);
        exact.setMarker(SeriesMarkers.CIRCLE);
        exact.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);

        double s0 = s.zeroFrequency();
        double tau = s0 / (2 * s.variance());
        double fMin = f.get(0);
        double fMax = f.get(f.size() - 1);
        double yMin = Double.POSITIVE_INFINITY;
        for (double v : y) {
            yMin = Math.min(yMin, v);
        }
        List<Double> lorentz = new ArrayList<>();
        for (double fi : f) {
            double w = 2 * Math.PI * fi;
            lorentz.add(s0 / (1 + w * tau * w * tau));
        }
        chart.addSeries(String.format(Locale.ROOT, "Lorentzian: S(0)/(1+(w tau)^2), tau = %.3g s", tau), f, lorentz)
                .setMarker(SeriesMarkers.NONE);

        List<Double> hf = new ArrayList<>();
        List<Double> hfF = new ArrayList<>();
        for (double fi : f) {
            double w = 2 * Math.PI * fi;
            double v = 2 * s.highFrequencyCoefficient() / (w * w);
            if (v <= 10 * s0 && v >= 0.1 * yMin) {
                hfF.add(fi);
                hf.add(v);
            }
        }
        if (hfF.size() >= 2) {
            chart.addSeries("high-f asymptote 2D/w^2", hfF, hf).setMarker(SeriesMarkers.NONE);
        }
        double var = s.variance();
        org.qpspin.model.Regime regime = org.qpspin.model.Regime.classify(p);
        boolean particleNumber = obs.equals("N"); // the paper's S(0) limits are about N only
        if (particleNumber && p.hasSpinFlips() && regime != org.qpspin.model.Regime.TRIPLET_ANNIHILATION) {
            double sr = 0.5 * var * p.spinFlipTime();
            if (sr < 1e3 * s0 && sr > 1e-3 * yMin) {
                chart.addSeries("SR: 0.5 Var N tau_s", List.of(fMin, fMax), List.of(sr, sr))
                        .setMarker(SeriesMarkers.NONE);
            }
        }
        double tf = Scales.of(p).tripletNoiseTime();
        if (particleNumber && Double.isFinite(tf) && regime != org.qpspin.model.Regime.SPIN_RELAXATION) {
            double ta = 0.6 * var * tf;
            if (ta < 1e3 * s0 && ta > 1e-3 * yMin) {
                chart.addSeries("TA: 0.6 Var N t_f", List.of(fMin, fMax), List.of(ta, ta))
                        .setMarker(SeriesMarkers.NONE);
            }
        }
        AtomicOutput.writePath(file, "--plot", tmp -> {
            if (svg) {
                VectorGraphicsEncoder.saveVectorGraphic(chart, tmp.toString(),
                        VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            } else {
                BitmapEncoder.saveBitmap(chart, tmp.toString(), BitmapEncoder.BitmapFormat.PNG);
            }
        });
    }
}
