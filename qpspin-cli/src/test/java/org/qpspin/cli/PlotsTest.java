package org.qpspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every {@code --plot}: written (atomically: no temporary file left), named on stdout, a PNG of slide size with
 * real content (many colours, not a blank canvas); bad plot paths refused before any work.
 */
class PlotsTest {

    private static final String SMALL = "--preset aluminium --V 0.001 --N0 20";

    /** A PNG of at least slide size (2× rendering) with many distinct colours, and no temporary file beside it. */
    static void assertPlot(Path png, int minWidth, int minHeight) throws Exception {
        assertTrue(Files.size(png) > 30_000, png + ": " + Files.size(png) + " bytes");
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img.getWidth() >= minWidth && img.getHeight() >= minHeight,
                png + ": " + img.getWidth() + "x" + img.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 50, png + ": only " + colours.size() + " colours");
        try (Stream<Path> files = Files.list(png.getParent())) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "temporary file left");
        }
    }

    /**
     * The one rule for written files: each is announced once, as "qpspin: wrote FILE" on stderr (stdout holds the
     * results only; --json names the file in its own fields).
     */
    static void assertAnnouncedOnce(CliRun r, Path file) {
        String line = "qpspin: wrote " + file;
        assertEquals(1, r.err.split(java.util.regex.Pattern.quote(line), -1).length - 1, r.err);
        assertFalse(r.out.contains(file.toString()), r.out);
    }

    private static CliRun run(String line) {
        return new CliRun(line.trim().split("\\s+"));
    }

    @Test
    void stationaryPlot(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("p.png");
        CliRun r = run("stationary " + SMALL + " -q --plot " + png);
        assertEquals(0, r.exit, r.err);
        assertAnnouncedOnce(r, png);
        assertPlot(png, 3 * 1400, 1100); // three panels: P(N) linear, log, P(N, m) heat map
    }

    @Test
    void noisePlotForEachObservable(@TempDir Path dir) throws Exception {
        for (String obs : List.of("N", "m")) {
            Path png = dir.resolve("s-" + obs + ".png");
            CliRun r = run("noise " + SMALL + " -q --points 60 --eigenvalues 0 --observable " + obs + " --plot " + png);
            assertEquals(0, r.exit, r.err);
            assertAnnouncedOnce(r, png);
            assertPlot(png, 1800, 1100);
        }
    }

    @Test
    void simulatePlot(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("sim.png");
        CliRun r = run("simulate --A 50 --V 1 --gamma 10 --gamma-t 0.5 --tau-s 0.2 --time 50 --dt 0.01 -q --plot "
                + png);
        assertEquals(0, r.exit, r.err);
        assertAnnouncedOnce(r, png);
        assertPlot(png, 3000, 1100);
    }

    @Test
    void fluxNoisePlotWithAndWithoutTheExactChain(@TempDir Path dir) throws Exception {
        Path exact = dir.resolve("flux.png");
        CliRun r = run("flux-noise --N0 20 -q --plot " + exact);
        assertEquals(0, r.exit, r.err);
        assertAnnouncedOnce(r, exact);
        assertPlot(exact, 1800, 1100);
        Path fp = dir.resolve("flux-fp.png"); // the paper's example: Fokker-Planck and unpolarized curves only
        CliRun f = run("flux-noise --max-states 1000 -q --plot " + fp);
        assertEquals(0, f.exit, f.err);
        assertPlot(fp, 1800, 1100);
    }

    @Test
    void fpConvergencePlot(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("conv.png");
        CliRun r = run("fp-convergence --N0 5,10,20 --zetas 0.1,0.03,0.01 -q --plot " + png);
        assertEquals(0, r.exit, r.err);
        assertAnnouncedOnce(r, png);
        assertPlot(png, 2 * 1400, 2 * 1100);
    }

    @Test
    void regimeMapPlot(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("map.png");
        CliRun r = run("regime-map --v-range 0.01:1 --a-range 0.01:100 --exact-max-n 30 -q --plot " + png);
        assertEquals(0, r.exit, r.err);
        assertAnnouncedOnce(r, png);
        assertPlot(png, 3 * 1300, 1200);
    }

    @Test
    void fpCheckPlot(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("pn.png");
        CliRun r = run("fp-check --N0 10 --V 0.001 --gamma 1 --gamma-t 0 --tau-s 1 --plot " + png);
        assertEquals(0, r.exit, r.err);
        assertAnnouncedOnce(r, png);
        assertPlot(png, 2 * 1400, 1100);
    }

    @Test
    void svgByTheExtension(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("p.svg");
        assertEquals(0, run("stationary " + SMALL + " -q --plot " + svg).exit);
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg") && text.length() > 50_000, "SVG of " + text.length() + " chars");
    }

    /** The plot path is checked first: the bad extension is reported even though the model is missing too. */
    @ParameterizedTest
    @ValueSource(strings = {"stationary", "noise", "simulate --time 1", "flux-noise", "regime-map", "fp-convergence",
        "fp-check", "validate --samples none.csv"})
    void badPlotPathIsRefusedBeforeAnyWork(String command, @TempDir Path dir) throws Exception {
        CliRun ext = run(command + " --plot " + dir.resolve("p.gif"));
        assertEquals(2, ext.exit, ext.err);
        assertEquals(1, ext.err.lines().count(), ext.err);
        assertTrue(ext.err.startsWith("qpspin: --plot needs a file ending in .png or .svg"), ext.err);
        Path isDir = Files.createDirectory(dir.resolve("d.png"));
        CliRun directory = run(command + " --plot " + isDir);
        assertEquals(2, directory.exit, directory.err);
        assertTrue(directory.err.contains("is a directory"), directory.err);
    }

    @Test
    void tickLabels() {
        assertEquals("10⁻⁵", PlotTheme.powerOfTen(-5));
        assertEquals("1", PlotTheme.powerOfTen(0));
        assertEquals("10", PlotTheme.powerOfTen(1));
        assertEquals("10³", PlotTheme.powerOfTen(3));
        assertEquals("3.2×10⁻⁵", PlotTheme.powerOfTen(-4.5));
        assertEquals("0.04", PlotTheme.linear(0.04));
        assertEquals("0.3", PlotTheme.linear(0.30000000000000004));
        assertEquals("−2.5", PlotTheme.linear(-2.5));
        assertEquals("2×10⁵", PlotTheme.linear(2e5));
        assertEquals("1.05×10⁻¹¹", PlotTheme.number(1.05e-11));
        assertEquals("102.3", PlotTheme.number(102.32496));
    }
}
