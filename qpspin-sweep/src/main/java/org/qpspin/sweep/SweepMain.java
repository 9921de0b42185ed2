package org.qpspin.sweep;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.qpspin.cli.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qpspin sweep COMMAND --grid FILE --out DIR [--master URL] [-- ARGS]}: runs any qpspin command with
 * {@code --json} at every point of a grid, on Apache Spark (embedded {@code local[*]} by default, or a cluster),
 * resumable; the main class of qpspin-sweep.jar (the {@code qpspin} script, or spark-submit).
 */
@Command(name = "qpspin sweep", mixinStandardHelpOptions = true, sortOptions = false, version = "qpspin sweep 0.1.0",
        description = {"Runs COMMAND (stationary, noise, flux-noise, ... any command with --json) at every point of a "
                + "grid, on Apache Spark, in-process (no JVM per point). One bad point records its error and the "
                + "rest go on; a rerun with the same --out skips the points already done.",
                "Output: DIR/results.parquet, DIR/results.csv (one row per point: its inputs, error, and the "
                + "command's --json fields, nested names joined with dots), DIR/sweep.json (engine, counts, wall "
                + "time), DIR/points/ (one record per finished point).",
                "Example: qpspin sweep stationary --grid grid.csv --out runs/a -- --tol 1e-12"},
        footer = {"", "Grid: CSV with a header of option names (A,V,gamma,gamma-t,tau-s or preset,V,N0; rate-model, "
                + "n-max, band=true|false, ...), or a JSON/YAML spec: {fixed: {preset: aluminium}, product: {V: "
                + "[0.001, 0.002], N0: {from: 10, to: 1000, points: 5, log: true}}} (see docs/sweep.md).",
                "qpspin sweep regime-map [regime-map's options] --out DIR: the regime map cell by cell (see "
                + "qpspin sweep regime-map --help); qpspin sweep fp-convergence [its options] --out DIR: its paths "
                + "point by point.",
                "Exit codes: 0 every point has a record (failed points too: see the error column, sweep.json); "
                + "1 the engine gave up (what finished is kept: rerun to resume); 2 bad input."})
public final class SweepMain implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "COMMAND", description = "The qpspin command to run at every point.")
    String command;

    @Parameters(index = "1..*", paramLabel = "ARGS",
            description = "Arguments given to every point, after '--' (e.g. -- --tol 1e-12 --solver lu).")
    List<String> common = new ArrayList<>();

    @Option(names = "--grid", required = true, paramLabel = "FILE",
            description = "The points: .csv, or a .json/.yaml/.yml grid spec.")
    Path grid;

    @Mixin
    SweepOptions sweep;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(grid)) {
            throw new UsageException("--grid " + grid + ": no such file");
        }
        SweepPlan plan = SweepPlan.of(command, common, Grid.read(grid));
        SparkSweep.Summary s = sweep.run(plan, grid.toString(), UnaryOperator.identity(), err);
        sweep.summarize(s, spec.commandLine().getOut());
        if (!s.complete()) {
            err.println(SweepOptions.gaveUp(s));
            return 1;
        }
        return 0;
    }

    /** The command line, with qpspin's one-line errors (exit 2) for bad input. */
    public static CommandLine commandLine() {
        return withErrorHandlers(new CommandLine(new SweepMain()), "qpspin sweep");
    }

    /** The exception handlers of every {@code qpspin sweep} command: one-line errors, exit code 2. */
    static CommandLine withErrorHandlers(CommandLine cl, String name) {
        cl.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println(name + ": " + e.getMessage());
            return 2;
        });
        cl.setExecutionExceptionHandler((e, c, parsed) -> {
            if (e instanceof IllegalArgumentException) {
                c.getErr().println(name + ": " + e.getMessage().replaceFirst("^qpspin: ", ""));
                return 2;
            }
            throw e;
        });
        return cl;
    }

    /**
     * The command line of {@code qpspin sweep ARGS}: {@code regime-map} first is {@link RegimeMapSweep} (the
     * regime map's own grid, cell by cell), {@code fp-convergence} {@link FpConvergenceSweep} (its paths, point by
     * point), anything else the generic sweep of a command over a grid file.
     */
    public static int execute(String... args) {
        if (args.length > 0 && args[0].equals("regime-map")) {
            return RegimeMapSweep.commandLine().execute(Arrays.copyOfRange(args, 1, args.length));
        }
        if (args.length > 0 && args[0].equals("fp-convergence")) {
            return FpConvergenceSweep.commandLine().execute(Arrays.copyOfRange(args, 1, args.length));
        }
        return commandLine().execute(args);
    }

    public static void main(String[] args) {
        // the qpspin script passes "sweep" first (qpspin sweep ...); spark-submit passes the arguments alone
        String[] a = args.length > 0 && args[0].equals("sweep") ? Arrays.copyOfRange(args, 1, args.length) : args;
        System.exit(execute(a));
    }
}
