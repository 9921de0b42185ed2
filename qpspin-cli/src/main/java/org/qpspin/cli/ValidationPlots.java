package org.qpspin.cli;

import java.awt.Color;
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
import org.qpspin.montecarlo.ExactDistribution;
import org.qpspin.montecarlo.ValidationReport;

/** Histogram of the samples' N against the exact P(N), linear and log scale, as PNG or SVG (XChart). */
final class ValidationPlots {

    private ValidationPlots() {
    }

    /**
     * Writes the linear plot to {@code file} and the log plot next to it ({@code name-log.ext}); the format
     * follows the extension (.png or .svg). Returns the files written.
     */
    static List<Path> write(Path file, ValidationReport report, ExactDistribution exact, String title)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        String name = file.toString();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean svg = lower.endsWith(".svg");
        if (!svg && !lower.endsWith(".png")) {
            throw new UsageException("--plot must end in .png or .svg, got " + file);
        }
        String stem = name.substring(0, name.length() - 4);
        List<Path> written = new ArrayList<>();
        for (boolean log : new boolean[] {false, true}) {
            XYChart chart = chart(report, exact, title, log);
            String base = log ? stem + "-log" : stem;
            written.add(save(chart, base, svg));
        }
        if (report.welch() != null) {
            XYChart chart = spectrumChart(report, title);
            String base = stem + "-spectrum";
            written.add(save(chart, base, svg));
        }
        return written;
    }

    /** Saves {@code chart} to {@code base}.svg or {@code base}.png (150 dpi) and returns the file written. */
    private static Path save(XYChart chart, String base, boolean svg) throws IOException {
        if (svg) {
            return AtomicOutput.writePath(Path.of(base + ".svg"), "--plot", tmp -> VectorGraphicsEncoder
                    .saveVectorGraphic(chart, tmp.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
        }
        return AtomicOutput.writePath(Path.of(base + ".png"), "--plot", tmp -> BitmapEncoder
                .saveBitmapWithDPI(chart, tmp.toString(), BitmapEncoder.BitmapFormat.PNG, 150));
    }

    /** The files {@link #write} would write for {@code file} (the spectrum one only for time series). */
    static List<Path> targets(Path file, boolean spectrum) {
        String name = file.toString();
        String stem = name.substring(0, Math.max(0, name.length() - 4));
        String ext = name.substring(Math.max(0, name.length() - 4));
        List<Path> t = new ArrayList<>(List.of(Path.of(name), Path.of(stem + "-log" + ext)));
        if (spectrum) {
            t.add(Path.of(stem + "-spectrum" + ext));
        }
        return t;
    }

    /** Welch's Ŝ_N(ω) (all bins) against the exact aliased S_N at the tested bins, with its (1 − α) band. */
    private static XYChart spectrumChart(ValidationReport report, String title) {
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title + ": spectrum of N")
                .xAxisTitle("omega (rad/s)").yAxisTitle("S_N(omega), two-sided (particles^2 s)").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSW);
        double[] omega = report.welch().omega();
        double[] estimate = report.welch().estimate();
        List<Double> wx = new ArrayList<>();
        List<Double> wy = new ArrayList<>();
        for (int k = 1; k < omega.length; k++) {
            if (estimate[k] > 0.0) {
                wx.add(omega[k]);
                wy.add(estimate[k]);
            }
        }
        double[] exact = report.welchExact();
        double z = new org.apache.commons.math3.distribution.NormalDistribution()
                .inverseCumulativeProbability(1.0 - report.alpha() / 2.0);
        double half = z * Math.sqrt(2.0 / report.welch().degreesOfFreedom());
        List<Double> ex = new ArrayList<>();
        List<Double> ey = new ArrayList<>();
        List<Double> lo = new ArrayList<>();
        List<Double> hi = new ArrayList<>();
        for (int i = 0; i < exact.length; i++) {
            ex.add(omega[2 + 2 * i]);
            ey.add(exact[i]);
            lo.add(exact[i] * Math.max(1e-3, 1.0 - half));
            hi.add(exact[i] * (1.0 + half));
        }
        XYSeries w = chart.addSeries(String.format(Locale.ROOT, "Welch (M = %d, %d segments)",
                report.welch().segmentLength(), report.welch().segments()), wx, wy);
        w.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        w.setMarker(SeriesMarkers.CIRCLE);
        w.setMarkerColor(new Color(30, 80, 200));
        XYSeries e = chart.addSeries("exact S_N (aliased), tested bins", ex, ey);
        e.setMarker(SeriesMarkers.NONE);
        e.setLineColor(new Color(200, 30, 30));
        XYSeries l = chart.addSeries(String.format(Locale.ROOT, "%.0f%% band", 100 * (1 - report.alpha())), ex, lo);
        l.setMarker(SeriesMarkers.NONE);
        l.setLineColor(new Color(240, 150, 150));
        XYSeries h = chart.addSeries(" ", ex, hi);
        h.setMarker(SeriesMarkers.NONE);
        h.setLineColor(new Color(240, 150, 150));
        h.setShowInLegend(false);
        return chart;
    }

    private static XYChart chart(ValidationReport report, ExactDistribution exact, String title, boolean log) {
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title + (log ? " (log scale)" : ""))
                .xAxisTitle("N").yAxisTitle("P(N)").build();
        chart.getStyler().setYAxisLogarithmic(log);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        double[] freq = report.sampleFrequencyN();
        int top = Math.max(freq.length, 1);
        // exact P(N) up to where it is negligible against the samples' resolution
        double floor = log ? 0.1 / report.samples() : 0.0;
        List<Double> ex = new ArrayList<>();
        List<Double> ey = new ArrayList<>();
        for (int n = 0; n <= exact.maxN(); n++) {
            double p = exact.probabilityN(n);
            if (n > top && p < 1e-3 / report.samples()) {
                break;
            }
            if (!log || p > floor) {
                ex.add((double) n);
                ey.add(p);
            }
        }
        List<Double> sx = new ArrayList<>();
        List<Double> sy = new ArrayList<>();
        for (int n = 0; n < freq.length; n++) {
            if (!log || freq[n] > 0.0) {
                sx.add((double) n);
                sy.add(freq[n]);
            }
        }
        XYSeries exactSeries = chart.addSeries("exact P(N)", ex, ey);
        exactSeries.setMarker(SeriesMarkers.NONE);
        exactSeries.setLineColor(new Color(200, 30, 30));
        exactSeries.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        XYSeries sampleSeries = chart.addSeries(String.format(Locale.ROOT, "samples (n = %d, n_eff = %.3g)",
                report.samples(), report.effectiveSamples()), sx, sy);
        sampleSeries.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        sampleSeries.setMarker(SeriesMarkers.CIRCLE);
        sampleSeries.setMarkerColor(new Color(30, 80, 200));
        return chart;
    }
}
