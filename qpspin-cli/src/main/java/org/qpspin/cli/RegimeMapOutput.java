package org.qpspin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code qpspin regime-map} writes (--json, --csv, --plot, else the table on stdout), from the map's JSON
 * object alone: a map computed in this process ({@link RegimeMapGrid#compute}) and one assembled from a sweep's
 * one-cell maps ({@link #assemble}) give the same files. A picocli mixin shared by {@code qpspin regime-map} and
 * {@code qpspin sweep regime-map}.
 */
public final class RegimeMapOutput {

    @Mixin
    JsonOption json;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the grid to FILE as CSV (metadata in FILE.meta.json).")
    Path csv;

    @Option(names = "--plot", paramLabel = "FILE", description = "Write the map (.png or .svg).")
    Path plot;

    /** Checks the output files before any work (a one-line {@link UsageException}). */
    public void check() {
        if (plot != null) {
            PlotTheme.requirePlotFile(plot);
            AtomicOutput.check(plot, "--plot");
        }
        if (csv != null) {
            AtomicOutput.check(csv, "--csv");
        }
    }

    /**
     * The map of {@code grid} made of its cells, each the one cell of a one-cell map's {@code --json} output (at
     * the grid point's V/Vc and A/Ac, {@link RegimeMapGrid#commonArguments}), given in the grid's order (A/Ac outer,
     * V/Vc inner): the JSON object {@code qpspin regime-map --json} prints for the whole grid.
     *
     * @param grid the map's grid (its rates and rate model make the header)
     * @param cells the one cell of each one-cell map, A/Ac outer and V/Vc inner, as many as the grid's cells
     * @return the whole map's JSON object: the header of {@code grid} and the {@code cells} array
     */
    public static ObjectNode assemble(RegimeMapGrid grid, List<JsonNode> cells) {
        ObjectNode root = RegimeMapCommand.header(grid.gamma(), grid.gammaT(), grid.tauS(), grid.rateModel());
        ArrayNode a = root.putArray("cells");
        cells.forEach(a::add);
        return root;
    }

    /**
     * Writes the map whose JSON is {@code root}: --csv and --plot (a failure to write is reported after the table),
     * then the JSON object or the table on {@code out}, and the files written on {@code err}.
     *
     * @param root the map's JSON object, as {@link #assemble} or {@code qpspin regime-map} makes it
     * @param out receives the JSON object (with {@code --json}) or the table
     * @param err receives the list of files written
     * @throws UsageException (exit 2, one line) when --csv or --plot cannot be written, after the table is printed
     */
    public void write(ObjectNode root, PrintWriter out, PrintWriter err) {
        UsageException writeFailure = null;
        List<Path> written = new ArrayList<>();
        try {
            if (csv != null) {
                written.addAll(RegimeMapCommand.writeCsv(root, csv));
            }
            if (plot != null) {
                RegimeMapCommand.plot(root, plot);
                written.add(plot);
            }
        } catch (UsageException e) { // the table is still printed; the failure is reported after it
            writeFailure = e;
        }
        out.println(json.isSet() ? JsonOutput.write(root) : RegimeMapCommand.table(root));
        out.flush();
        if (writeFailure != null) {
            throw writeFailure;
        }
        AtomicOutput.report(err, written);
    }
}
