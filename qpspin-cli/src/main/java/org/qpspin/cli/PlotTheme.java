package org.qpspin.cli;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.Processor;
import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Annotation;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.qpspin.model.ModelParameters;

/**
 * The one look of every qpspin plot (XChart): white background, DejaVu Sans at sizes readable on a slide, the
 * Okabe–Ito colour-blind-safe palette, legends outside the plot area (below it) so they never cover data, tick
 * labels on log axes as 10ⁿ, a caption strip with the parameters under the panels, heat maps as filled cells with
 * a viridis colour bar, and files written atomically (a temporary file in the target directory, then a rename).
 *
 * <p>Use: {@code Panel p = PlotTheme.panel("title", "time t (s)", false, "N", false); p.line("exact", x, y);}
 * then {@code PlotTheme.figure(caption, p).save(file)}; {@link #requirePlotFile} before any computation.
 *
 * <p>Log axes: XChart's own log axes print ticks as {@code 1E-5}, and its tick-label callback switches log
 * axes back to linear; so a {@link Panel} with a log axis plots log₁₀ of the data on a linear axis and labels
 * the ticks 10ⁿ (2.5×10ⁿ between decades when the range is under two decades). Data ≤ 0 on a log axis are
 * dropped. The series helpers take data values; the transform is theirs.
 */
public final class PlotTheme {

    /** Logical width of one panel in pixels (900); PNGs are rendered at twice this, SVGs at this size. */
    public static final int WIDTH = 900;
    /** Logical height of one panel in pixels (600); PNGs are rendered at twice this, SVGs at this size. */
    public static final int HEIGHT = 600;
    static final int PNG_SCALE = 2;
    private static final int COLOUR_BAR_WIDTH = 110;
    private static final String FONT = "DejaVu Sans";

    /** Okabe–Ito: blue, vermillion, bluish green, orange, reddish purple, sky blue, yellow, black. */
    public static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xE69F00), new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xB8A000), Color.BLACK};

    /** Solid line, 2.2 px wide: the default stroke of {@link Panel#line(String, double[], double[])}. */
    public static final BasicStroke SOLID = new BasicStroke(2.2f);
    /** Dashed line, 2.2 px wide, 9 px dashes with 6 px gaps: a second curve in the same colour. */
    public static final BasicStroke DASHED = new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {9f, 6f}, 0f);
    /** Dotted line, 2.4 px round dots every 6 px: a third curve in the same colour. */
    public static final BasicStroke DOTTED = new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
            new float[] {1f, 5f}, 0f);
    /** Dash-dot line, 2.2 px wide (10 px dash, 2 px dot, 4 px gaps): a fourth curve in the same colour. */
    public static final BasicStroke DASH_DOT = new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {10f, 4f, 2f, 4f}, 0f);

    private PlotTheme() {
    }

    // ------------------------------------------------------------------ files

    /**
     * Checks, before any work, that {@code file} ends in .png or .svg, is not a directory, and that its directory
     * exists and is writable or can be created under a writable one. Nothing is created: the check only reads the
     * file system, so a command calls it before its computation and fails in a second rather than after it.
     *
     * @param file the plot file to be written later; relative paths resolve against the working directory
     * @param option the command-line option that named the file (e.g. {@code --plot}), quoted in the message
     * @throws UsageException (exit 2, one line naming {@code option}) when the extension is neither .png nor .svg,
     *     when {@code file} is a directory, or when its nearest existing ancestor is not a writable directory
     */
    public static void requirePlotFile(Path file, String option) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".png") && !name.endsWith(".svg")) {
            throw new UsageException(option + " needs a file ending in .png or .svg, got " + file);
        }
        if (Files.isDirectory(file)) {
            throw new UsageException(option + " " + file + " is a directory");
        }
        Path dir = file.toAbsolutePath().getParent();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new UsageException(option + " " + file + ": cannot write in " + (dir == null ? "its directory" : dir));
        }
    }

    /**
     * Checks a {@code --plot} file before any work: {@link #requirePlotFile(Path, String)} with option
     * {@code --plot}.
     *
     * @param file the plot file to be written later (.png or .svg)
     * @throws UsageException (exit 2, one line) when the file is not a writable .png or .svg path
     */
    public static void requirePlotFile(Path file) {
        requirePlotFile(file, "--plot");
    }

    /**
     * {@return {@code file} with {@code suffix} before its extension: {@code p.png} → {@code p-log.png}} The
     * sibling lies in the same directory, so it passes {@link #requirePlotFile(Path, String)} whenever
     * {@code file} does.
     *
     * @param file a file whose name has an extension (a dot), e.g. an already checked plot file
     * @param suffix text inserted before the last dot of the name, e.g. {@code "-log"}
     * @throws StringIndexOutOfBoundsException when the file name has no dot
     */
    public static Path sibling(Path file, String suffix) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling(name.substring(0, dot) + suffix + name.substring(dot));
    }

    // ------------------------------------------------------------------ labels

    /** 10ⁿ for an integer n, else a×10ⁿ with two significant digits (a tick at log₁₀ value {@code e}). */
    static String powerOfTen(double e) {
        long n = Math.round(e);
        if (Math.abs(e - n) < 1e-6) {
            return n == 0 ? "1" : n == 1 ? "10" : "10" + superscript(n);
        }
        double v = Math.pow(10, e);
        int exp = (int) Math.floor(e);
        double mantissa = v / Math.pow(10, exp);
        String m = String.format(Locale.ROOT, "%.2g", mantissa).replaceAll("\\.?0+$", "");
        if (m.equals("10")) {
            return "10" + superscript(exp + 1);
        }
        return exp == 0 ? m : m + "×10" + superscript(exp);
    }

    /** A linear tick: plain decimals with a leading zero (0.04, not .04), a×10ⁿ beyond 10⁵ or below 10⁻³. */
    static String linear(double v) {
        if (v == 0.0 || Math.abs(v) < 1e-12) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) {
            int exp = (int) Math.floor(Math.log10(a));
            String m = String.format(Locale.ROOT, "%.3g", v / Math.pow(10, exp)).replaceAll("\\.?0+$", "");
            return (m.equals("1") ? "" : m.equals("-1") ? "−" : m.replace('-', '−') + "×") + "10" + superscript(exp);
        }
        String s = new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", v)).stripTrailingZeros().toPlainString();
        return s.replace('-', '−');
    }

    /** n in Unicode superscript digits. */
    static String superscript(long n) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder b = new StringBuilder();
        for (char c : Long.toString(n).toCharArray()) {
            b.append(c == '-' ? '⁻' : digits.charAt(c - '0'));
        }
        return b.toString();
    }

    /**
     * {@return a number for a caption: 4 significant digits without trailing zeros, a×10ⁿ (3 significant digits)
     * when |v| lies outside [10⁻³, 10⁵)} Edge cases: 0 prints {@code 0}, ±∞ print {@code ∞} and {@code −∞}, NaN
     * prints {@code undefined}.
     *
     * @param v any double, in whatever units the caption states beside it
     */
    public static String number(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (Double.isNaN(v)) {
            return "undefined";
        }
        double a = Math.abs(v);
        if (a != 0.0 && (a >= 1e5 || a < 1e-3)) {
            int exp = (int) Math.floor(Math.log10(a));
            String m = String.format(Locale.ROOT, "%.3g", v / Math.pow(10, exp)).replaceAll("\\.?0+$", "");
            if (m.equals("10")) {
                m = "1";
                exp++;
            }
            return (m.equals("1") ? "" : m + "×") + "10" + superscript(exp);
        }
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
    }

    /**
     * {@return the model's parameters with units, for a caption: injection rate A (s⁻¹ µm⁻³), volume V (µm³),
     * singlet and triplet recombination rates Γ, Γt (s⁻¹ µm³) and spin-flip time τs (s, or "∞ (no spin flips)")}
     *
     * @param p the model's parameters (docs/model.md)
     */
    public static String parameters(ModelParameters p) {
        return "A = " + number(p.injectionRate()) + " s⁻¹ µm⁻³, V = " + number(p.volume()) + " µm³, Γ = "
                + number(p.singletRate()) + " s⁻¹ µm³, Γt = " + number(p.tripletRate()) + " s⁻¹ µm³, τs = "
                + (p.hasSpinFlips() ? number(p.spinFlipTime()) + " s" : "∞ (no spin flips)");
    }

    // ------------------------------------------------------------------ panels

    /**
     * {@return a new themed panel of the default size {@link #WIDTH} × {@link #HEIGHT}}
     *
     * @param title the panel's title, shown above the plot area (null for none)
     * @param xTitle the x axis title with its units, e.g. "frequency f (Hz)"
     * @param xLog whether the x axis is logarithmic (data ≤ 0 are then dropped, ticks read 10ⁿ)
     * @param yTitle the y axis title with its units
     * @param yLog whether the y axis is logarithmic (data ≤ 0 are then dropped, ticks read 10ⁿ)
     */
    public static Panel panel(String title, String xTitle, boolean xLog, String yTitle, boolean yLog) {
        return new Panel(title, xTitle, xLog, yTitle, yLog, WIDTH, HEIGHT);
    }

    /**
     * {@return a new themed panel of a given logical size}, as {@link #panel(String, String, boolean, String,
     * boolean)} otherwise.
     *
     * @param title the panel's title, shown above the plot area (null for none)
     * @param xTitle the x axis title with its units
     * @param xLog whether the x axis is logarithmic (data ≤ 0 are then dropped)
     * @param yTitle the y axis title with its units
     * @param yLog whether the y axis is logarithmic (data ≤ 0 are then dropped)
     * @param width logical width in pixels (PNG: twice this), positive
     * @param height logical height in pixels (PNG: twice this), positive
     */
    public static Panel panel(String title, String xTitle, boolean xLog, String yTitle, boolean yLog, int width,
                              int height) {
        return new Panel(title, xTitle, xLog, yTitle, yLog, width, height);
    }

    /** One chart of a figure: an {@link XYChart} with the theme, log axes by transform, optional heat map. */
    public static final class Panel {
        private final XYChart chart;
        private final boolean xLog;
        private final boolean yLog;
        private int colourIndex;
        private HeatLayer heat;
        private final List<Overlay> overlays = new ArrayList<>();

        Panel(String title, String xTitle, boolean xLog, String yTitle, boolean yLog, int width, int height) {
            this.xLog = xLog;
            this.yLog = yLog;
            chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                    .yAxisTitle(yTitle).build();
            XYStyler s = chart.getStyler();
            s.setChartBackgroundColor(Color.WHITE);
            s.setPlotBackgroundColor(Color.WHITE);
            s.setPlotBorderColor(new Color(0x555555));
            s.setPlotGridLinesColor(new Color(0xe3e3e3));
            s.setPlotGridLinesVisible(true);
            s.setChartTitleBoxVisible(false);
            s.setChartTitleFont(new Font(FONT, Font.BOLD, 17));
            s.setAxisTitleFont(new Font(FONT, Font.PLAIN, 16));
            s.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 14));
            s.setLegendFont(new Font(FONT, Font.PLAIN, 13));
            s.setLegendPosition(Styler.LegendPosition.OutsideS);
            s.setLegendLayout(Styler.LegendLayout.Vertical);
            s.setLegendBorderColor(Color.WHITE);
            s.setLegendPadding(6);
            s.setChartPadding(12);
            s.setAxisTitlePadding(8);
            s.setSeriesColors(PALETTE);
            s.setMarkerSize(7);
            s.setAntiAlias(true);
            s.setxAxisTickLabelsFormattingFunction(xLog ? PlotTheme::powerOfTen : PlotTheme::linear);
            s.setyAxisTickLabelsFormattingFunction(yLog ? PlotTheme::powerOfTen : PlotTheme::linear);
            s.setXAxisTickMarkSpacingHint(100);
            s.setYAxisTickMarkSpacingHint(75);
        }

        /** {@return the XChart chart, for settings the theme does not cover} */
        public XYChart chart() {
            return chart;
        }

        /**
         * {@return a solid line in the next palette colour}, added to the legend. NaN in x or y breaks the line;
         * points that are not finite after the log transform (data ≤ 0 on a log axis) are dropped.
         *
         * @param name the legend entry; unique within the panel (XChart rejects a repeated name)
         * @param x abscissae in data units (not log-transformed)
         * @param y ordinates in data units, as many as {@code x}
         */
        public XYSeries line(String name, double[] x, double[] y) {
            return line(name, x, y, nextColour(), SOLID);
        }

        /**
         * {@return a line with a given colour and stroke}, added to the legend; NaN breaks the line, points not
         * finite on a log axis are dropped.
         *
         * @param name the legend entry; unique within the panel
         * @param x abscissae in data units
         * @param y ordinates in data units, as many as {@code x}
         * @param colour the line colour, e.g. one of {@link #PALETTE}
         * @param stroke the line style: {@link #SOLID}, {@link #DASHED}, {@link #DOTTED} or {@link #DASH_DOT}
         */
        public XYSeries line(String name, double[] x, double[] y, Color colour, BasicStroke stroke) {
            XYSeries s = add(name, x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(colour);
            s.setLineStyle(stroke);
            return s;
        }

        /**
         * {@return circle markers without a line in the next palette colour}; points not finite after the log
         * transform are dropped.
         *
         * @param name the legend entry; unique within the panel
         * @param x abscissae in data units
         * @param y ordinates in data units, as many as {@code x}
         */
        public XYSeries points(String name, double[] x, double[] y) {
            return points(name, x, y, nextColour(), SeriesMarkers.CIRCLE);
        }

        /**
         * {@return markers without a line, in a given colour and shape}; points not finite after the log transform
         * are dropped.
         *
         * @param name the legend entry; unique within the panel
         * @param x abscissae in data units
         * @param y ordinates in data units, as many as {@code x}
         * @param colour the marker colour
         * @param marker the marker shape, e.g. {@code SeriesMarkers.CIRCLE}
         */
        public XYSeries points(String name, double[] x, double[] y, Color colour, Marker marker) {
            XYSeries s = add(name, x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(marker);
            s.setMarkerColor(colour);
            return s;
        }

        /**
         * {@return markers with vertical error bars y ± err, drawn as segments (so they stay right on a log y axis,
         * where a lower end ≤ 0 is clipped to the axis' lower limit)} On a log y axis the lower end is clipped to
         * half the smallest positive y, and a bar whose upper end is ≤ 0 is not drawn. The bars are one extra
         * series outside the legend.
         *
         * @param name the legend entry of the markers; unique within the panel
         * @param x abscissae in data units
         * @param y central values in data units, as many as {@code x}
         * @param err half-widths of the bars (≥ 0, same units as y), as many as {@code x}
         * @param colour the colour of markers and bars
         */
        public XYSeries pointsWithErrors(String name, double[] x, double[] y, double[] err, Color colour) {
            List<Double> bx = new ArrayList<>();
            List<Double> by = new ArrayList<>();
            double floor = Double.POSITIVE_INFINITY;
            for (double v : y) {
                if (v > 0.0) {
                    floor = Math.min(floor, v);
                }
            }
            for (int i = 0; i < x.length; i++) {
                double lo = y[i] - err[i];
                double hi = y[i] + err[i];
                if (yLog) {
                    if (!(hi > 0.0)) {
                        continue;
                    }
                    lo = lo > 0.0 ? lo : 0.5 * floor;
                }
                bx.add(tx(x[i]));
                by.add(ty(lo));
                bx.add(tx(x[i]));
                by.add(ty(hi));
                bx.add(Double.NaN);
                by.add(Double.NaN);
            }
            if (!bx.isEmpty()) {
                XYSeries bars = chart.addSeries(name + " (error bars)", bx, by);
                bars.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                bars.setMarker(SeriesMarkers.NONE);
                bars.setLineColor(colour);
                bars.setLineStyle(new BasicStroke(1.4f));
                bars.setShowInLegend(false);
            }
            return points(name, x, y, colour, SeriesMarkers.CIRCLE);
        }

        /**
         * Sets the x axis range (the axis then ignores the data's extent).
         *
         * @param lo lower end in data units (&gt; 0 on a log axis)
         * @param hi upper end in data units, above {@code lo}
         * @return this panel, for chaining
         */
        public Panel xRange(double lo, double hi) {
            chart.getStyler().setXAxisMin(tx(lo));
            chart.getStyler().setXAxisMax(tx(hi));
            return this;
        }

        /**
         * Sets the y axis range (the axis then ignores the data's extent).
         *
         * @param lo lower end in data units (&gt; 0 on a log axis)
         * @param hi upper end in data units, above {@code lo}
         * @return this panel, for chaining
         */
        public Panel yRange(double lo, double hi) {
            chart.getStyler().setYAxisMin(ty(lo));
            chart.getStyler().setYAxisMax(ty(hi));
            return this;
        }

        /**
         * {@return a heat map: cell i covers [x0[i], x1[i]] × [y0[i], y1[i]] (data units) in the colour of value[i] on
         * {@code scale} (NaN: {@code missing}, or not drawn when {@code missing} is null)} Series added with
         * {@link #overlay} are drawn over the cells. The figure adds the colour bar right of the panel when
         * {@code scale} is continuous. Cell edges go through the axes' log transforms, so cells that are uniform
         * in log₁₀ fill a log axis without gaps.
         *
         * @param x0 left cell edges in data units
         * @param x1 right cell edges in data units, as many as {@code x0}
         * @param y0 lower cell edges in data units, as many as {@code x0}
         * @param y1 upper cell edges in data units, as many as {@code x0}
         * @param value the cell values on {@code scale} (copied), as many as {@code x0}; NaN marks a missing cell
         * @param scale maps a value to a colour (continuous scales get a colour bar)
         * @param missing colour of NaN cells, or null to leave them unpainted
         */
        public Panel heatMap(double[] x0, double[] x1, double[] y0, double[] y1, double[] value, ColourScale scale,
                             Color missing) {
            double[] tx0 = new double[x0.length];
            double[] tx1 = new double[x0.length];
            double[] ty0 = new double[x0.length];
            double[] ty1 = new double[x0.length];
            for (int i = 0; i < x0.length; i++) {
                tx0[i] = tx(x0[i]);
                tx1[i] = tx(x1[i]);
                ty0[i] = ty(y0[i]);
                ty1[i] = ty(y1[i]);
            }
            chart.getStyler().setPlotContentSize(1.0); // the cells fill the plot area to its border
            heat = new HeatLayer(tx0, tx1, ty0, ty1, value.clone(), scale, missing, overlays);
            chart.addAnnotation(heat);
            return this;
        }

        /**
         * {@return a line drawn over the heat map (and in the legend), distinguishable by colour and stroke}
         * Non-finite points after the log transform are skipped in the overlay.
         *
         * @param name the legend entry; unique within the panel
         * @param x abscissae in data units
         * @param y ordinates in data units, as many as {@code x}
         * @param colour the line colour; pick one that stands out against viridis (e.g. white or black)
         * @param stroke the line style
         */
        public XYSeries overlay(String name, double[] x, double[] y, Color colour, BasicStroke stroke) {
            XYSeries s = line(name, x, y, colour, stroke);
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                double px = tx(x[i]);
                double py = ty(y[i]);
                if (Double.isFinite(px) && Double.isFinite(py)) {
                    pts.add(new double[] {px, py});
                }
            }
            overlays.add(new Overlay(pts, colour, stroke));
            return s;
        }

        /**
         * Adds a legend-only entry (a square marker of {@code colour}, no data), e.g. for the categories of a
         * {@link ColourScale#categorical categorical} heat map.
         *
         * @param name the legend text; unique within the panel
         * @param colour the square's colour, the same as the category's
         */
        public void legendEntry(String name, Color colour) {
            XYSeries s = chart.addSeries(name, new double[] {Double.NaN}, new double[] {Double.NaN});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.SQUARE);
            s.setMarkerColor(colour);
        }

        private XYSeries add(String name, double[] x, double[] y) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                double a = tx(x[i]);
                double b = ty(y[i]);
                if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
                    xs.add(Double.NaN); // a break in the line
                    ys.add(Double.NaN);
                } else if (Double.isFinite(a) && Double.isFinite(b)) {
                    xs.add(a);
                    ys.add(b);
                }
            }
            if (xs.isEmpty()) {
                xs.add(Double.NaN);
                ys.add(Double.NaN);
            }
            return chart.addSeries(name, xs, ys);
        }

        private Color nextColour() {
            return PALETTE[colourIndex++ % PALETTE.length];
        }

        private double tx(double v) {
            return xLog ? (v > 0.0 ? Math.log10(v) : Double.NaN) : v;
        }

        private double ty(double v) {
            return yLog ? (v > 0.0 ? Math.log10(v) : Double.NaN) : v;
        }

        /**
         * XChart puts the x ticks of a tick-label callback on the data's own x values when they are equally spaced
         * (0, 42, 84, … for 4000 samples); one hidden, unequally spaced, undrawn series makes it choose nice steps.
         */
        private void breakEqualSpacing() {
            if (chart.getSeriesMap().containsKey(TICK_BREAKER)) {
                return;
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            double ylo = Double.POSITIVE_INFINITY;
            double yhi = Double.NEGATIVE_INFINITY;
            for (XYSeries s : chart.getSeriesMap().values()) {
                for (double v : s.getXData()) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
                for (double v : s.getYData()) {
                    if (Double.isFinite(v)) {
                        ylo = Math.min(ylo, v);
                        yhi = Math.max(yhi, v);
                    }
                }
            }
            XYStyler st = chart.getStyler();
            if (xLog) {
                st.setXAxisTickMarkSpacingHint(logTickHint(span(st.getXAxisMin(), st.getXAxisMax(), lo, hi),
                        0.8 * chart.getWidth()));
            }
            if (yLog) {
                st.setYAxisTickMarkSpacingHint(logTickHint(span(st.getYAxisMin(), st.getYAxisMax(), ylo, yhi),
                        0.65 * chart.getHeight()));
            }
            if (hi > lo) {
                XYSeries s = chart.addSeries(TICK_BREAKER, new double[] {lo, lo + 0.381966 * (hi - lo), hi},
                        new double[] {Double.NaN, Double.NaN, Double.NaN});
                s.setShowInLegend(false);
                s.setMarker(SeriesMarkers.NONE);
            }
        }

        private static double span(Double min, Double max, double lo, double hi) {
            return (max != null ? max : hi) - (min != null ? min : lo);
        }

        /**
         * The tick spacing hint (pixels) that makes a log axis of {@code decades} over {@code pixels} tick every
         * decade (every 2, 5, … decades when long), or every half decade when it spans under three.
         */
        private static int logTickHint(double decades, double pixels) {
            if (!(decades > 0.0) || !Double.isFinite(decades)) {
                return 90;
            }
            double step = decades < 3 ? 0.5 : Math.max(1.0, Math.ceil(decades / 10));
            return (int) Math.max(40, Math.min(400, 0.9 * pixels * step / decades));
        }

        int width() {
            return chart.getWidth() + (heat != null && heat.scale.continuous() ? COLOUR_BAR_WIDTH : 0);
        }

        int height() {
            return chart.getHeight();
        }

        void paint(Graphics2D g) {
            breakEqualSpacing();
            chart.paint(g, chart.getWidth(), chart.getHeight());
            if (heat != null && heat.scale.continuous()) {
                heat.paintColourBar(g, chart.getWidth(), chart.getHeight());
            }
        }
    }

    private static final String TICK_BREAKER = "\u200b";

    private record Overlay(List<double[]> points, Color colour, BasicStroke stroke) {
    }

    /** A colour scale: viridis over [min, max], linear or logarithmic, or discrete categories (no colour bar). */
    public static final class ColourScale {
        private static final int[] VIRIDIS = {0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779,
                0x6ece58, 0xb5de2b, 0xfde725};
        private final double min;
        private final double max;
        private final boolean log;
        private final String label;
        private final Color[] categories;

        private ColourScale(double min, double max, boolean log, String label, Color[] categories) {
            this.min = min;
            this.max = max;
            this.log = log;
            this.label = label;
            this.categories = categories;
        }

        /**
         * {@return viridis over [min, max], linear: t = (v − min)/(max − min), clamped to [0, 1]} When max ≤ min
         * the range becomes [min, min + 1] so that a constant map still paints.
         *
         * @param min the value painted dark purple, in the units of {@code label}
         * @param max the value painted yellow
         * @param label the colour bar's title, with units (null for none)
         */
        public static ColourScale linear(double min, double max, String label) {
            return new ColourScale(min, max > min ? max : min + 1.0, false, label, null);
        }

        /**
         * {@return viridis over [min, max] on a log scale: t = (log₁₀ v − log₁₀ min)/(log₁₀ max − log₁₀ min),
         * clamped to [0, 1]} When max ≤ min the range becomes [min, 10 min]; values ≤ 0 paint as min.
         *
         * @param min the value painted dark purple, &gt; 0
         * @param max the value painted yellow, &gt; min
         * @param label the colour bar's title, with units (null for none)
         */
        public static ColourScale logarithmic(double min, double max, String label) {
            return new ColourScale(min, max > min ? max : min * 10.0, true, label, null);
        }

        /**
         * {@return a discrete scale: value k (rounded to an integer, clamped to [0, n − 1]) in colour
         * categories[k]} It draws no colour bar; name the categories with {@link Panel#legendEntry}.
         *
         * @param categories the n colours, in the order of the values 0 … n − 1 (copied); at least one
         */
        public static ColourScale categorical(Color... categories) {
            return new ColourScale(0, categories.length - 1, false, null, categories.clone());
        }

        boolean continuous() {
            return categories == null;
        }

        /**
         * {@return the colour of {@code v} (clamped to the range), or null for NaN} Continuous scales interpolate
         * linearly between ten viridis stops.
         *
         * @param v a value in the scale's units (a category index for a categorical scale)
         */
        public Color colour(double v) {
            if (Double.isNaN(v)) {
                return null;
            }
            if (categories != null) {
                return categories[(int) Math.max(0, Math.min(categories.length - 1, Math.round(v)))];
            }
            double t = log ? (Math.log10(Math.max(v, Double.MIN_NORMAL)) - Math.log10(min))
                    / (Math.log10(max) - Math.log10(min)) : (v - min) / (max - min);
            return viridis(Math.max(0.0, Math.min(1.0, t)));
        }

        static Color viridis(double t) {
            double s = t * (VIRIDIS.length - 1);
            int i = Math.min(VIRIDIS.length - 2, (int) Math.floor(s));
            double f = s - i;
            Color a = new Color(VIRIDIS[i]);
            Color b = new Color(VIRIDIS[i + 1]);
            return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
        }
    }

    /** Paints the cells, then the overlay lines over them; remembers the plot's screen box for the colour bar. */
    private static final class HeatLayer extends Annotation {
        private final double[] x0;
        private final double[] x1;
        private final double[] y0;
        private final double[] y1;
        private final double[] value;
        private final ColourScale scale;
        private final Color missing;
        private final List<Overlay> overlays;
        private double top = Double.NaN;
        private double bottom = Double.NaN;
        private double left;
        private double right;
        private double xMin;
        private double xMax;
        private double yMin;
        private double yMax;

        private double sx(double v) {
            return left + (v - xMin) / (xMax - xMin) * (right - left);
        }

        private double sy(double v) {
            return bottom - (v - yMin) / (yMax - yMin) * (bottom - top);
        }

        HeatLayer(double[] x0, double[] x1, double[] y0, double[] y1, double[] value, ColourScale scale, Color missing,
                  List<Overlay> overlays) {
            super(false);
            this.x0 = x0;
            this.x1 = x1;
            this.y0 = y0;
            this.y1 = y1;
            this.value = value;
            this.scale = scale;
            this.missing = missing;
            this.overlays = overlays;
        }

        @Override
        public Rectangle2D getBounds() {
            return bounds;
        }

        @Override
        public void paint(Graphics2D g) {
            XYStyler st = (XYStyler) chart.getStyler();
            double xMin = st.getXAxisMin() != null ? st.getXAxisMin() : min(x0);
            double xMax = st.getXAxisMax() != null ? st.getXAxisMax() : max(x1);
            double yMin = st.getYAxisMin() != null ? st.getYAxisMin() : min(y0);
            double yMax = st.getYAxisMax() != null ? st.getYAxisMax() : max(y1);
            // XChart's screen values are whole pixels: map linearly between the two ends for sub-pixel lines
            double left = getXAxisScreenValue(xMin);
            double right = getXAxisScreenValue(xMax);
            top = getYAxisScreenValue(yMax);
            bottom = getYAxisScreenValue(yMin);
            this.xMin = xMin;
            this.xMax = xMax;
            this.yMin = yMin;
            this.yMax = yMax;
            this.left = left;
            this.right = right;
            Shape oldClip = g.getClip();
            g.clip(new Rectangle2D.Double(left, top, right - left, bottom - top));
            Object aa = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            for (int i = 0; i < value.length; i++) {
                Color c = scale.colour(value[i]);
                if (c == null) {
                    c = missing;
                }
                if (c == null) {
                    continue;
                }
                double a = sx(x0[i]);
                double b = sx(x1[i]);
                double t = sy(y1[i]);
                double u = sy(y0[i]);
                g.setColor(c);
                g.fill(new Rectangle2D.Double(Math.floor(Math.min(a, b)), Math.floor(Math.min(t, u)),
                        Math.ceil(Math.abs(b - a)) + 1, Math.ceil(Math.abs(u - t)) + 1));
            }
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
            for (Overlay o : overlays) {
                Path2D.Double path = new Path2D.Double();
                boolean first = true;
                for (double[] p : o.points()) {
                    double px = sx(p[0]);
                    double py = sy(p[1]);
                    if (first) {
                        path.moveTo(px, py);
                        first = false;
                    } else {
                        path.lineTo(px, py);
                    }
                }
                g.setColor(Color.WHITE);
                g.setStroke(new BasicStroke(o.stroke().getLineWidth() + 2.5f, BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_ROUND, 10f, o.stroke().getDashArray(), 0f));
                g.draw(path);
                g.setColor(o.colour());
                g.setStroke(o.stroke());
                g.draw(path);
            }
            g.setClip(oldClip);
            g.setColor(st.getPlotBorderColor());
            g.setStroke(new BasicStroke(1f));
            g.draw(new Rectangle2D.Double(left, top, right - left, bottom - top));
        }

        /** The colour bar in the strip [x, x + COLOUR_BAR_WIDTH) beside the chart, as tall as the plot area. */
        void paintColourBar(Graphics2D g, int x, int height) {
            double t = Double.isNaN(top) ? 0.1 * height : top;
            double b = Double.isNaN(bottom) ? 0.8 * height : bottom;
            g.setColor(Color.WHITE);
            g.fill(new Rectangle2D.Double(x, 0, COLOUR_BAR_WIDTH, height));
            int barX = x + 6;
            int barW = 20;
            int steps = 200;
            for (int k = 0; k < steps; k++) {
                double f0 = (double) k / steps;
                double f1 = (double) (k + 1) / steps;
                g.setColor(ColourScale.viridis(0.5 * (f0 + f1)));
                double ya = b - f1 * (b - t);
                double yb = b - f0 * (b - t);
                g.fill(new Rectangle2D.Double(barX, Math.floor(ya), barW, Math.ceil(yb - ya) + 1));
            }
            g.setColor(new Color(0x555555));
            g.setStroke(new BasicStroke(1f));
            g.draw(new Rectangle2D.Double(barX, t, barW, b - t));
            Font tickFont = new Font(FONT, Font.PLAIN, 13);
            g.setFont(tickFont);
            FontMetrics fm = g.getFontMetrics();
            double lo = scale.log ? Math.log10(scale.min) : scale.min;
            double hi = scale.log ? Math.log10(scale.max) : scale.max;
            for (double v : ticks(lo, hi, scale.log)) {
                double f = (v - lo) / (hi - lo);
                double y = b - f * (b - t);
                g.draw(new Line2D.Double(barX + barW, y, barX + barW + 4, y));
                String s = scale.log ? powerOfTen(v) : linear(v);
                g.drawString(s, barX + barW + 6, (float) (y + fm.getAscent() / 2.0 - 1));
            }
            if (scale.label != null) {
                Graphics2D g2 = (Graphics2D) g.create();
                g2.setFont(new Font(FONT, Font.PLAIN, 15));
                FontMetrics lm = g2.getFontMetrics();
                g2.translate(x + COLOUR_BAR_WIDTH - 8, (t + b) / 2 + lm.stringWidth(scale.label) / 2.0);
                g2.rotate(-Math.PI / 2);
                g2.setColor(Color.BLACK);
                g2.drawString(scale.label, 0, 0);
                g2.dispose();
            }
        }

        private static List<Double> ticks(double lo, double hi, boolean log) {
            double span = hi - lo;
            double raw = span / 5;
            double mag = Math.pow(10, Math.floor(Math.log10(raw)));
            double step = mag;
            for (double m : new double[] {1, 2, 2.5, 5, 10}) {
                if (m * mag >= raw) {
                    step = m * mag;
                    break;
                }
            }
            if (log) {
                step = Math.max(1.0, Math.round(step));
            }
            List<Double> out = new ArrayList<>();
            for (double v = Math.ceil(lo / step - 1e-9) * step; v <= hi + 1e-9 * span; v += step) {
                out.add(Math.abs(v) < 1e-12 * span ? 0.0 : v);
            }
            return out;
        }

        private static double min(double[] a) {
            double m = Double.POSITIVE_INFINITY;
            for (double v : a) {
                m = Math.min(m, v);
            }
            return m;
        }

        private static double max(double[] a) {
            double m = Double.NEGATIVE_INFINITY;
            for (double v : a) {
                m = Math.max(m, v);
            }
            return m;
        }
    }

    // ------------------------------------------------------------------ figures

    /**
     * {@return panels side by side in one row with an optional caption (wrapped) under them}
     *
     * @param caption the caption (e.g. {@link #parameters}); "\n" starts a new paragraph; null or blank for none
     * @param panels the panels, left to right; at least one
     */
    public static Figure figure(String caption, Panel... panels) {
        return new Figure(caption, List.of(panels), 1, panels.length);
    }

    /**
     * {@return panels in a rows × cols grid (row by row) with a caption}
     *
     * @param caption the caption; "\n" starts a new paragraph; null or blank for none
     * @param panels the panels in row-major order, at most rows × cols (copied)
     * @param rows number of grid rows, ≥ 1
     * @param cols number of grid columns, ≥ 1; each cell is as large as the largest panel
     */
    public static Figure grid(String caption, List<Panel> panels, int rows, int cols) {
        return new Figure(caption, panels, rows, cols);
    }

    /** Panels in a grid with a caption, written as one PNG (2× resolution) or SVG. */
    public static final class Figure {
        private final String caption;
        private final List<Panel> panels;
        private final int rows;
        private final int cols;

        Figure(String caption, List<Panel> panels, int rows, int cols) {
            this.caption = caption;
            this.panels = List.copyOf(panels);
            this.rows = rows;
            this.cols = cols;
        }

        private int cellWidth() {
            int w = 0;
            for (Panel p : panels) {
                w = Math.max(w, p.width());
            }
            return w;
        }

        private int cellHeight() {
            int h = 0;
            for (Panel p : panels) {
                h = Math.max(h, p.height());
            }
            return h;
        }

        private List<String> captionLines(Graphics2D g, int width) {
            List<String> lines = new ArrayList<>();
            if (caption == null || caption.isBlank()) {
                return lines;
            }
            FontMetrics fm = g.getFontMetrics(captionFont());
            for (String para : caption.split("\n")) { // wrapped with a margin: metrics differ slightly at 2x
                StringBuilder line = new StringBuilder();
                for (String word : para.split(" ")) {
                    if (line.length() > 0 && fm.stringWidth(line + " " + word) > width - 60) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    if (line.length() > 0) {
                        line.append(' ');
                    }
                    line.append(word);
                }
                lines.add(line.toString());
            }
            return lines;
        }

        private static Font captionFont() {
            return new Font(FONT, Font.PLAIN, 14);
        }

        private int captionHeight(Graphics2D g, int width) {
            List<String> lines = captionLines(g, width);
            FontMetrics fm = g.getFontMetrics(captionFont());
            return lines.isEmpty() ? 0 : 12 + (lines.size() + 1) * (fm.getHeight() + 2);
        }

        /** Logical width and height of the whole figure. */
        int[] size() {
            BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = probe.createGraphics();
            int w = cols * cellWidth();
            int h = rows * cellHeight() + captionHeight(g, w);
            g.dispose();
            return new int[] {w, h};
        }

        void paint(Graphics2D g, int w, int h) {
            g.setColor(Color.WHITE);
            g.fill(new Rectangle2D.Double(0, 0, w, h));
            int cw = cellWidth();
            int ch = cellHeight();
            for (int i = 0; i < panels.size(); i++) {
                int x = (i % cols) * cw;
                int y = (i / cols) * ch;
                Graphics2D gp = (Graphics2D) g.create();
                gp.translate(x, y);
                panels.get(i).paint(gp);
                gp.dispose();
            }
            List<String> lines = captionLines(g, w);
            g.setFont(captionFont());
            g.setColor(new Color(0x222222));
            FontMetrics fm = g.getFontMetrics();
            int y = rows * ch + 6 + fm.getAscent();
            for (String line : lines) {
                g.drawString(line, 20, y);
                y += fm.getHeight() + 2;
            }
        }

        /**
         * Writes the figure to {@code file} atomically (a temporary file in the same directory, then a rename):
         * PNG at twice the logical resolution or SVG, chosen by the extension.
         *
         * @param file the target, ending in .png or .svg
         * @return {@code file}
         * @throws UsageException (exit 2, one line naming {@code --plot}) when the file is not a writable .png or
         *     .svg path or the write fails
         */
        public Path save(Path file) {
            requirePlotFile(file);
            System.setProperty("java.awt.headless", "true");
            int[] size = size();
            boolean svg = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg");
            if (svg) {
                VectorGraphics2D g = new VectorGraphics2D();
                paint(g, size[0], size[1]);
                Processor p = Processors.get("svg");
                Document doc = p.getDocument(g.getCommands(), new PageSize(0.0, 0.0, size[0], size[1]));
                AtomicOutput.write(file, "--plot", doc::writeTo);
            } else {
                BufferedImage img = new BufferedImage(size[0] * PNG_SCALE, size[1] * PNG_SCALE,
                        BufferedImage.TYPE_INT_RGB);
                Graphics2D g = img.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
                g.scale(PNG_SCALE, PNG_SCALE);
                paint(g, size[0], size[1]);
                g.dispose();
                AtomicOutput.write(file, "--plot", out -> ImageIO.write(img, "png", out));
            }
            return file;
        }
    }
}
