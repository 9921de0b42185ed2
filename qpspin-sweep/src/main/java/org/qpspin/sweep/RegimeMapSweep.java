package org.qpspin.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qpspin.cli.RegimeMapGrid;
import org.qpspin.cli.RegimeMapOptions;
import org.qpspin.cli.RegimeMapOutput;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code qpspin sweep regime-map [regime-map's options] --out DIR}: the map of {@code qpspin regime-map}, cell by
 * cell on Spark. The grid is {@code regime-map}'s own ({@link RegimeMapOptions}: the same options, the same
 * checks); each cell is one point of the sweep engine, the one-cell map {@code qpspin regime-map --v-range v:v
 * --a-range a:a --json} with the grid's rates and limits in round-trip form ({@link RegimeMapGrid#commonArguments}),
 * which computes that cell from the same doubles as the whole map in one process. When every cell has a record,
 * the cells are put together in grid order and written exactly as {@code qpspin regime-map} writes its map
 * ({@link RegimeMapOutput}: the table or {@code --json} on stdout, {@code --csv}, {@code --plot}); the sweep's own
 * files ({@code DIR/results.parquet}, one row per cell, {@code results.csv}, {@code sweep.json},
 * {@code points/}) are written as for any sweep, and a rerun skips the cells already done.
 */
@Command(name = "qpspin sweep regime-map", mixinStandardHelpOptions = true, sortOptions = false,
        version = "qpspin sweep 0.1.0",
        description = {"The regime map of qpspin regime-map (same options, same grid, same output: the table or "
                + "--json on stdout, --csv, --plot), each cell a point of a Spark sweep: resumable (a rerun with the "
                + "same --out skips the cells done), one failed cell recorded while the rest go on.",
                "Also written: DIR/results.parquet and DIR/results.csv (one row per cell: the JSON fields of the "
                + "cell), DIR/sweep.json, DIR/points/.",
                "Example: qpspin sweep regime-map --per-decade 20 --plot map.png --out runs/map --master local[2]"},
        footer = {"", "Exit codes: 0 the map is complete and written; 1 a cell failed or the engine gave up (what "
                + "finished is kept: rerun, with --retry-failed for failed cells); 2 bad input."})
public final class RegimeMapSweep implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RegimeMapOptions grid;

    @Mixin
    RegimeMapOutput output;

    @Mixin
    SweepOptions sweep;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        output.check();
        sweep.check();
        RegimeMapGrid g = grid.grid(line -> {
            if (!sweep.quiet) {
                err.println("qpspin: " + line);
                err.flush();
            }
        });
        SweepPlan plan = plan(g);
        SparkSweep.Summary s = sweep.run(plan, "regime-map grid", RegimeMapSweep::cell, err);
        sweep.summarize(s, err); // stdout is the map's, as for qpspin regime-map
        if (!s.complete()) {
            err.println(SweepOptions.gaveUp(s));
            return 1;
        }
        if (s.failed() > 0) {
            err.println("qpspin sweep: " + s.failed() + " of " + s.points() + " cells failed (the error column of "
                    + sweep.store().path("results.csv") + "): the map is not written; rerun with --retry-failed");
            return 1;
        }
        Map<String, JsonNode> records = sweep.store().load();
        List<JsonNode> cells = new ArrayList<>();
        for (GridPoint p : plan.points()) {
            cells.add(cell(records.get(p.id()).get("result")));
        }
        output.write(RegimeMapOutput.assemble(g, cells), spec.commandLine().getOut(), err);
        return 0;
    }

    /**
     * The sweep of {@code grid}'s cells: the one-cell maps of {@code qpspin regime-map}, in the map's order (A/Ac
     * outer, V/Vc inner), inputs {@code v-range} and {@code a-range} ({@code "r:r"}).
     */
    static SweepPlan plan(RegimeMapGrid grid) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (double a : grid.injectionRatios()) {
            for (double v : grid.volumeRatios()) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("v-range", RegimeMapGrid.singleValueRange(v));
                row.put("a-range", RegimeMapGrid.singleValueRange(a));
                rows.add(row);
            }
        }
        return SweepPlan.of("regime-map", grid.commonArguments(), Grid.of(rows));
    }

    /** The one cell of a one-cell map's JSON output. */
    static JsonNode cell(JsonNode oneCellMap) {
        JsonNode cells = oneCellMap.path("cells");
        if (cells.size() != 1) {
            throw new IllegalStateException("a one-cell map with " + cells.size() + " cells: " + oneCellMap);
        }
        return cells.get(0);
    }

    /** The command line, with qpspin's one-line errors (exit 2) for bad input. */
    public static CommandLine commandLine() {
        return SweepMain.withErrorHandlers(new CommandLine(new RegimeMapSweep()), "qpspin sweep regime-map");
    }
}
