package org.qpspin.cli;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.Processor;
import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes XChart charts to a PNG or SVG file chosen by the file's extension, several charts as a grid of panels.
 * SVG panels are painted onto one VectorGraphics2D canvas (the library XChart itself uses for vector output), so
 * a multi-panel figure stays one file.
 */
final class ChartFiles {

    private ChartFiles() {
    }

    /** Checks that {@code file} ends in .png or .svg (before any work is done). */
    static void requirePlotFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".png") && !name.endsWith(".svg")) {
            throw new UsageException("--plot needs a file ending in .png or .svg, got " + file);
        }
    }

    /** Saves {@code charts} (all of the same size) as a rows × cols grid. */
    static void save(List<? extends Chart<?, ?>> charts, int rows, int cols, Path file) {
        requirePlotFile(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (name.endsWith(".png")) {
                AtomicOutput.writePath(file, "--plot", tmp -> BitmapEncoder.saveBitmap(charts, rows, cols,
                        tmp.toString(), BitmapEncoder.BitmapFormat.PNG));
                return;
            }
            int w = charts.get(0).getWidth();
            int h = charts.get(0).getHeight();
            VectorGraphics2D g = new VectorGraphics2D();
            for (int i = 0; i < charts.size(); i++) {
                int x = (i % cols) * w;
                int y = (i / cols) * h;
                g.translate(x, y);
                charts.get(i).paint(g, w, h);
                g.translate(-x, -y);
            }
            Processor svg = Processors.get("svg");
            Document doc = svg.getDocument(g.getCommands(), new PageSize(0.0, 0.0, (double) cols * w,
                    (double) rows * h));
            AtomicOutput.write(file, "--plot", doc::writeTo);
        } catch (IOException e) {
            throw new UsageException("cannot write --plot " + file + ": " + e.getMessage());
        }
    }
}
