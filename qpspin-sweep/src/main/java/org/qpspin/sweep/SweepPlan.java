package org.qpspin.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.qpspin.cli.Main;
import org.qpspin.cli.ModelOptions;
import org.qpspin.cli.UsageException;
import org.qpspin.meanfield.MeanFieldFixedPoint;
import org.qpspin.model.ModelParameters;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The points of a sweep of one qpspin command, checked before any work: the command exists and has
 * {@code --json}; every grid column names one of its options ({@code V} is {@code --V}, {@code rate-model} is
 * {@code --rate-model}, a one-letter column may be a short option); every point's command line parses. Values
 * that parse but are invalid (a negative volume) are the point's own error, recorded when it runs.
 *
 * <p>Any command with {@code --json} can be swept: the columns are not interpreted, only passed as
 * {@code --column value} (a flag column such as {@code band} takes true or false: {@code --band} or nothing).
 */
public final class SweepPlan {

    private final String command;
    private final List<String> common;
    private final List<String> columns;
    private final List<GridPoint> points;
    private final int duplicates;

    private SweepPlan(String command, List<String> common, List<String> columns, List<GridPoint> points,
            int duplicates) {
        this.command = command;
        this.common = List.copyOf(common);
        this.columns = List.copyOf(columns);
        this.points = List.copyOf(points);
        this.duplicates = duplicates;
    }

    /**
     * The plan of sweeping {@code command} over {@code grid}, with {@code common} arguments given to every point.
     * Points with the same inputs are run once ({@link #duplicates()} counts the others).
     *
     * @throws UsageException for an unknown command, one without --json, an unknown column or a point whose
     *         command line does not parse (naming the point and the problem)
     */
    public static SweepPlan of(String command, List<String> common, Grid grid) {
        CommandLine tree = Main.commandLine();
        CommandLine sub = tree.getSubcommands().get(command);
        if (sub == null) {
            throw new UsageException("unknown command '" + command + "'; known: "
                    + String.join(", ", tree.getSubcommands().keySet()));
        }
        CommandSpec spec = sub.getCommandSpec();
        if (spec.findOption("--json") == null) {
            throw new UsageException("qpspin " + command + " has no --json option: it cannot be swept");
        }
        Map<String, OptionSpec> options = new LinkedHashMap<>();
        for (String column : grid.columns()) {
            OptionSpec o = option(spec, column);
            if (o == null) {
                throw new UsageException("grid column '" + column + "' is not an option of qpspin " + command
                        + " (see qpspin " + command + " --help)");
            }
            if (o.longestName().equals("--json")) {
                throw new UsageException("grid column 'json': every point runs with --json already");
            }
            options.put(column, o);
        }
        boolean quiet = spec.findOption("--quiet") != null;
        List<GridPoint> points = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        int duplicates = 0;
        List<Map<String, String>> rows = grid.points();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> inputs = rows.get(i);
            List<String> pointArgs = new ArrayList<>(common);
            for (Map.Entry<String, String> e : inputs.entrySet()) {
                OptionSpec o = options.get(e.getKey());
                String name = spec.findOption("--" + e.getKey()) == o ? "--" + e.getKey() : "-" + e.getKey();
                if (o.arity().max() == 0) {
                    String v = e.getValue().strip().toLowerCase(java.util.Locale.ROOT);
                    if (!v.equals("true") && !v.equals("false")) {
                        throw new UsageException("point " + (i + 1) + ": flag column '" + e.getKey()
                                + "' takes true or false, got '" + e.getValue() + "'");
                    }
                    if (v.equals("true")) {
                        pointArgs.add(name);
                    }
                } else {
                    pointArgs.add(name);
                    pointArgs.add(e.getValue());
                }
            }
            pointArgs.add("--json");
            if (quiet && !pointArgs.contains("-q") && !pointArgs.contains("--quiet")) {
                pointArgs.add("--quiet");
            }
            double estimate = parseAndEstimate(tree, command, pointArgs, i);
            String id = id(command, common, inputs);
            if (seen.containsKey(id)) {
                duplicates++;
                continue;
            }
            seen.put(id, i);
            List<String> args = new ArrayList<>();
            args.add(command);
            args.addAll(pointArgs);
            points.add(new GridPoint(id, points.size(), inputs, args, estimate));
        }
        return new SweepPlan(command, common, grid.columns(), points, duplicates);
    }

    /** The option a column names: --column, or -column for a one-letter short option; null if none. */
    private static OptionSpec option(CommandSpec spec, String column) {
        OptionSpec o = spec.findOption("--" + column);
        if (o == null && column.length() == 1) {
            o = spec.findOption("-" + column);
        }
        return o;
    }

    /**
     * Parses the point's command line (a syntax error is the user's: UsageException) and estimates its number of
     * states from the model options (0 when the command has none or they are invalid: that point fails fast).
     */
    private static double parseAndEstimate(CommandLine tree, String command, List<String> args, int index) {
        CommandLine.ParseResult parsed;
        List<String> all = new ArrayList<>();
        all.add(command);
        all.addAll(args);
        try {
            parsed = tree.parseArgs(all.toArray(String[]::new)).subcommand();
        } catch (CommandLine.ParameterException e) {
            throw new UsageException("point " + (index + 1) + ": " + e.getMessage());
        }
        for (CommandSpec mixin : parsed.commandSpec().mixins().values()) {
            if (mixin.userObject() instanceof ModelOptions model && !model.isEmpty()) {
                try {
                    return estimatedStates(model.parameters());
                } catch (RuntimeException e) {
                    return 0.0;
                }
            }
        }
        return 0.0;
    }

    /**
     * A rough number of states of the truncated chain, for ordering only: the mean-field N0 and m0 (Eqs. 3-4)
     * widened by ten standard deviations of a Poisson-like spread, nMax = N0 + 10 sqrt(N0 + 1) + 10 and
     * mMax = m0 + 10 sqrt(m0 + 1) + 3, counted as the states (N, m) with m <= min(N/2, mMax):
     * (2 mMax + 2)^2 / 4 + (nMax - 2 mMax)(mMax + 1) when nMax > 2 mMax, else (nMax + 2)^2 / 4.
     */
    static double estimatedStates(ModelParameters p) {
        MeanFieldFixedPoint mf = MeanFieldFixedPoint.of(p);
        return estimatedStates(mf.meanN(), mf.meanM());
    }

    /** {@link #estimatedStates(ModelParameters)} from the mean-field N0 and m0. */
    static double estimatedStates(double n0, double m0) {
        double nMax = n0 + 10.0 * Math.sqrt(n0 + 1.0) + 10.0;
        double mMax = Math.abs(m0) + 10.0 * Math.sqrt(Math.abs(m0) + 1.0) + 3.0;
        if (nMax <= 2.0 * mMax) {
            return (nMax + 2.0) * (nMax + 2.0) / 4.0;
        }
        return (2.0 * mMax + 2.0) * (2.0 * mMax + 2.0) / 4.0 + (nMax - 2.0 * mMax) * (mMax + 1.0);
    }

    /** 16 hex digits of SHA-256 over the command, the common arguments and the sorted inputs. */
    static String id(String command, List<String> common, Map<String, String> inputs) {
        StringBuilder s = new StringBuilder(command);
        for (String a : common) {
            s.append('\u0000').append(a);
        }
        s.append('\u0001');
        for (Map.Entry<String, String> e : new TreeMap<>(inputs).entrySet()) {
            s.append('\u0000').append(e.getKey()).append('=').append(e.getValue());
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The command swept. */
    public String command() {
        return command;
    }

    /** The arguments given to every point (after the command name, before the point's options). */
    public List<String> common() {
        return common;
    }

    /** The grid's columns (option names) in file order. */
    public List<String> columns() {
        return columns;
    }

    /** The distinct points in grid order. */
    public List<GridPoint> points() {
        return points;
    }

    /** How many grid rows repeated an earlier point's inputs (run once). */
    public int duplicates() {
        return duplicates;
    }
}
