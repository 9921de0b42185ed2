package org.qpspin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.qpspin.crosscheck.ConvergenceStudy;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code qpspin fp-convergence} writes (--json or the table on stdout, --plot), from the paths' point values
 * alone: paths computed in this process ({@link ConvergenceStudy}) and paths assembled from {@code qpspin fp-check}
 * outputs of their points ({@link #write(List, List, PrintWriter, PrintWriter)}) give the same output. A picocli
 * mixin shared by {@code qpspin fp-convergence} and {@code qpspin sweep fp-convergence}.
 */
public final class FpConvergenceOutput {

    @Mixin
    JsonOption json;

    @Option(names = "--plot", paramLabel = "FILE", description = "Write the gaps against the path variable (.png/.svg).")
    Path plot;

    /** Checks the plot file's extension (before anything else). */
    public void checkPlotName() {
        if (plot != null) {
            PlotTheme.requirePlotFile(plot);
        }
    }

    /** Checks that the plot file can be written (before any work). */
    public void checkPlotFile() {
        if (plot != null) {
            AtomicOutput.check(plot, "--plot");
        }
    }

    /**
     * Writes the study of {@code paths} whose points' comparisons are the {@code qpspin fp-check --json} outputs
     * {@code fpChecks} (one list per path, in the path's order; the options of {@link FpConvergencePath#fpCheckInputs}).
     * The output is the one {@code qpspin fp-convergence} prints for the same paths computed in one process: the
     * plot (if {@code --plot}) first, then the JSON object (if {@code --json}) or the table on {@code out}.
     *
     * @param paths the paths, as {@link FpConvergenceOptions#paths} gives them
     * @param fpChecks for each path, the {@code qpspin fp-check --json} output of each of its points, in order
     * @param out receives the JSON object or the table
     * @param err receives the list of files written
     * @throws UsageException (exit 2, one line) when the plot cannot be written
     */
    public void write(List<FpConvergencePath> paths, List<List<JsonNode>> fpChecks, PrintWriter out, PrintWriter err) {
        List<FpConvergenceCommand.PathView> views = new ArrayList<>();
        for (int k = 0; k < paths.size(); k++) {
            views.add(FpConvergenceCommand.PathView.of(paths.get(k), fpChecks.get(k)));
        }
        write(views, out, err);
    }

    void write(List<FpConvergenceCommand.PathView> views, PrintWriter out, PrintWriter err) {
        if (plot != null) {
            FpConvergenceCommand.plot(views, plot);
            AtomicOutput.report(err, List.of(plot));
        }
        out.println(json.isSet() ? FpConvergenceCommand.toJson(views) : FpConvergenceCommand.table(views));
        out.flush();
    }
}
