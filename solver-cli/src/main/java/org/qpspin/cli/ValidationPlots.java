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
            if (svg) {
                VectorGraphicsEncoder.saveVectorGraphic(chart, base, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
                written.add(Path.of(base + ".svg"));
            } else {
                BitmapEncoder.saveBitmapWithDPI(chart, base, BitmapEncoder.BitmapFormat.PNG, 150);
                written.add(Path.of(base + ".png"));
            }
        }
        return written;
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
