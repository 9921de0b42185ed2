package org.qpspin.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.qpspin.cli.FpConvergenceOptions;
import org.qpspin.cli.FpConvergenceOutput;
import org.qpspin.cli.FpConvergencePath;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code qpspin sweep fp-convergence [fp-convergence's options] --out DIR}: the study of {@code qpspin
 * fp-convergence}, point by point on Spark. The paths are {@code fp-convergence}'s own
 * ({@link FpConvergenceOptions}); each point is one {@code qpspin fp-check} of the path's chain
 * ({@link FpConvergencePath#fpCheckInputs}: A, V, Γ, Γt, τs in round-trip form, the same automatic truncation and
 * solver), a point shared by two paths running once. When every point has a record, the fits and the output are
 * made as {@code qpspin fp-convergence} makes them ({@link FpConvergenceOutput}); the sweep's own files are written
 * as for any sweep (one row per point: fp-check's JSON fields), and a rerun skips the points already done.
 */
@Command(name = "qpspin sweep fp-convergence", mixinStandardHelpOptions = true, sortOptions = false,
        version = "qpspin sweep 0.1.0",
        description = {"The study of qpspin fp-convergence (same options, same output: the table or --json on "
                + "stdout, --plot), each point a qpspin fp-check run by a Spark sweep: resumable (a rerun with the "
                + "same --out skips the points done), one failed point recorded while the rest go on.",
                "Also written: DIR/results.parquet and DIR/results.csv (one row per point: fp-check's JSON fields), "
                + "DIR/sweep.json, DIR/points/.",
                "Example: qpspin sweep fp-convergence --N0 10,20,40,80,160,320 --plot conv.png --out runs/conv"},
        footer = {"", "Exit codes: 0 the study is complete and written; 1 a point failed or the engine gave up (what "
                + "finished is kept: rerun, with --retry-failed for failed points); 2 bad input."})
public final class FpConvergenceSweep implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    FpConvergenceOptions options;

    @Mixin
    FpConvergenceOutput output;

    @Mixin
    SweepOptions sweep;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        output.checkPlotName();
        List<FpConvergencePath> paths = options.paths();
        output.checkPlotFile();
        sweep.check();
        List<Map<String, String>> rows = new ArrayList<>();
        for (FpConvergencePath path : paths) {
            for (int i = 0; i < path.size(); i++) {
                rows.add(path.fpCheckInputs(i));
            }
        }
        SweepPlan plan = SweepPlan.of("fp-check", List.of(), Grid.of(rows));
        SparkSweep.Summary s = sweep.run(plan, "fp-convergence paths", UnaryOperator.identity(), err);
        sweep.summarize(s, err); // stdout is the study's, as for qpspin fp-convergence
        if (!s.complete()) {
            err.println(SweepOptions.gaveUp(s));
            return 1;
        }
        if (s.failed() > 0) {
            err.println("qpspin sweep: " + s.failed() + " of " + s.points() + " points failed (the error column of "
                    + sweep.store().path("results.csv") + "): the study is not written; rerun with --retry-failed");
            return 1;
        }
        Map<String, JsonNode> records = sweep.store().load();
        List<List<JsonNode>> fpChecks = new ArrayList<>();
        for (FpConvergencePath path : paths) {
            List<JsonNode> outputs = new ArrayList<>();
            for (int i = 0; i < path.size(); i++) {
                outputs.add(records.get(SweepPlan.id("fp-check", List.of(), path.fpCheckInputs(i))).get("result"));
            }
            fpChecks.add(outputs);
        }
        output.write(paths, fpChecks, spec.commandLine().getOut(), err);
        return 0;
    }

    /** The command line, with qpspin's one-line errors (exit 2) for bad input. */
    public static CommandLine commandLine() {
        return SweepMain.withErrorHandlers(new CommandLine(new FpConvergenceSweep()), "qpspin sweep fp-convergence");
    }
}
