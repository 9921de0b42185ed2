package org.qpspin.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.qpspin.validation.ExactDistribution;
import org.qpspin.validation.ValidationReport;

/**
 * {@code validate --plot}: the samples' histogram of N against the exact P(N), linear ({@code FILE}) and log
 * ({@code FILE-log}), and, when the samples carry a time step, Welch's spectrum of N against the exact aliased
 * S_N with its band ({@code FILE-spectrum}); PNG or SVG by the extension, in the {@link PlotTheme}.
 */
final class ValidationPlots {

    private ValidationPlots() {
    }

    /** Writes the plots next to {@code file} and returns the files written. */
    static List<Path> write(Path file, ValidationReport report, ExactDistribution exact, String title)
            throws IOException {
        String caption = title + String.format(Locale.ROOT, ": %s, effective sample size %s, "
                        + "significance α = %s; verdict %s.", sampleSize(report),
                PlotTheme.number(report.effectiveSamples()), PlotTheme.number(report.alpha()),
                report.passed() ? "consistent with the exact law" : "REJECTED");
        List<Path> written = new ArrayList<>();
        written.add(PlotTheme.figure(caption, histogram(report, exact, false)).save(file));
        written.add(PlotTheme.figure(caption, histogram(report, exact, true)).save(PlotTheme.sibling(file, "-log")));
        if (report.welch() != null) {
            written.add(PlotTheme.figure(caption, spectrum(report)).save(PlotTheme.sibling(file, "-spectrum")));
        }
        return written;
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
    private static PlotTheme.Panel spectrum(ValidationReport report) {
        PlotTheme.Panel panel = PlotTheme.panel("Spectrum of N: samples vs exact", "angular frequency ω (rad/s)",
                true, "S_N(ω)  (1/Hz, two-sided)", true);
        double[] omega = report.welch().omega();
        double[] estimate = report.welch().estimate();
        int k = omega.length - 1;
        double[] wx = new double[k];
        double[] wy = new double[k];
        System.arraycopy(omega, 1, wx, 0, k);
        System.arraycopy(estimate, 1, wy, 0, k);
        double[] exact = report.welchExact();
        double z = new org.apache.commons.math3.distribution.NormalDistribution()
                .inverseCumulativeProbability(1.0 - report.alpha() / 2.0);
        double half = z * Math.sqrt(2.0 / report.welch().degreesOfFreedom());
        double[] ex = new double[exact.length];
        double[] lo = new double[exact.length];
        double[] hi = new double[exact.length];
        for (int i = 0; i < exact.length; i++) {
            ex[i] = omega[2 + 2 * i];
            lo[i] = exact[i] * Math.max(1e-3, 1.0 - half);
            hi[i] = exact[i] * (1.0 + half);
        }
        panel.points(String.format(Locale.ROOT, "Welch estimate (M = %d, %d segments)",
                report.welch().segmentLength(), report.welch().segments()), wx, wy, PlotTheme.PALETTE[0],
                SeriesMarkers.CIRCLE);
        panel.chart().getStyler().setMarkerSize(5);
        panel.line("exact S_N (aliased), tested bins", ex, exact, PlotTheme.PALETTE[1], PlotTheme.SOLID);
        panel.line(String.format(Locale.ROOT, "%.0f%% band", 100 * (1 - report.alpha())), ex, lo,
                PlotTheme.PALETTE[1], PlotTheme.DOTTED);
        panel.line("upper band", ex, hi, PlotTheme.PALETTE[1], PlotTheme.DOTTED).setShowInLegend(false);
        return panel;
    }

    /** Whether the histogram shows dwell-time fractions (a histogram of dwell times, or jump times). */
    private static boolean timeWeighted(ValidationReport report) {
        return report.occupation() != null && report.occupation().occupation().timeWeighted();
    }

    /** "n samples in k series", or for dwell times "T s of trajectories in r rows". */
    private static String sampleSize(ValidationReport report) {
        return timeWeighted(report)
                ? String.format(Locale.ROOT, "%s s of trajectories in %d rows",
                        PlotTheme.number(report.occupation().occupation().total()), report.samples())
                : String.format(Locale.ROOT, "%d samples in %d series", report.samples(), report.series());
    }

    private static PlotTheme.Panel histogram(ValidationReport report, ExactDistribution exact, boolean log) {
        PlotTheme.Panel panel = PlotTheme.panel("Histogram of N: samples vs exact P(N)" + (log ? ", log scale" : ""),
                "cluster size N (quasiparticles)", false, "probability P(N)", log);
        double[] freq = report.sampleFrequencyN();
        int top = Math.max(freq.length, 1);
        // exact P(N) up to where it is negligible against the samples' resolution
        double resolution = Math.max(report.samples(), report.effectiveSamples());
        double floor = log ? 0.1 / resolution : 0.0;
        List<double[]> e = new ArrayList<>();
        for (int n = 0; n <= exact.maxN(); n++) {
            double p = exact.probabilityN(n);
            if (n > top && p < 1e-3 / resolution) {
                break;
            }
            if (!log || p > floor) {
                e.add(new double[] {n, p});
            }
        }
        double[] ex = new double[e.size()];
        double[] ey = new double[e.size()];
        for (int i = 0; i < ex.length; i++) {
            ex[i] = e.get(i)[0];
            ey[i] = e.get(i)[1];
        }
        double[] sx = new double[freq.length];
        for (int n = 0; n < freq.length; n++) {
            sx[n] = n;
        }
        panel.line("exact P(N)", ex, ey, PlotTheme.PALETTE[1], PlotTheme.SOLID);
        panel.points(String.format(Locale.ROOT, "samples (%s, n_eff = %s)", timeWeighted(report)
                        ? "T = " + PlotTheme.number(report.occupation().occupation().total()) + " s, time-weighted"
                        : "n = " + report.samples(), PlotTheme.number(report.effectiveSamples())), sx, freq,
                PlotTheme.PALETTE[0], SeriesMarkers.CIRCLE);
        panel.chart().getStyler().setMarkerSize(5);
        return panel;
    }
}
