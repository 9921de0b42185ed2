package org.qpspin.validation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads samples of N (and m) from CSV, as written by any simulator, through Apache Commons CSV.
 *
 * <p>Accepted layout: fields separated by commas (RFC 4180: double-quoted fields, {@code "N","m"}), or by
 * blanks/tabs when the first line that is not a comment has no comma; lines starting with {@code #} (the old
 * {@code simulate} preamble) and blank lines are ignored; LF, CRLF or CR line ends; an optional UTF-8 byte-order
 * mark. An optional header names the columns (case-insensitive): {@code N} (required), {@code m}, {@code t} or
 * {@code time}, {@code replica} (or {@code series}, {@code run}); for a histogram {@code count}, or {@code time}
 * with {@code fraction} (the dwell times of {@code qpspin simulate --histogram}). A leading index column (pandas'
 * {@code to_csv}: named {@code ""}, {@code "Unnamed: 0"} or {@code "index"}) is skipped; any other column is
 * ignored, and {@link SampleInput#warnings()} names all of them in one line. Without a header, one column is N and
 * two are N, m. The rows are:
 * <ul>
 *   <li>without {@code t}: samples in sequence (their order is used to estimate the autocorrelation);</li>
 *   <li>with {@code t} on a regular grid (every step within {@value #GRID_TOLERANCE} of the mean step, relative:
 *       times rounded when printed still count as regular): a time series of spacing Δt = the mean step;</li>
 *   <li>with {@code t} irregular: refused ({@link SampleFormatException} naming the smallest and largest step),
 *       unless the caller says that the rows are the jump times of a piecewise-constant trajectory
 *       ({@code jumpTimes}, {@link SampleInput.Layout#JUMP_TIMES}): then row k holds from its time to the next
 *       row's; the distribution tests get the time-weighted occupation ({@link Occupation#ofJumps}) and the
 *       time-series tests the trajectory sampled-and-held on the regular grid of spacing Δt = the mean row spacing
 *       (exactly the process sampled every Δt: the value at a grid time is the state held there). A regular grid
 *       with rows missing is never taken for a trajectory silently;</li>
 *   <li>with {@code count} (or {@code time} and {@code fraction}): a histogram
 *       ({@link SampleInput.Layout#HISTOGRAM}), one row per state, no time order.</li>
 * </ul>
 * Rows of one {@code replica} value must be contiguous; each replica is an independent series. Errors are one
 * line naming the file and line ({@link SampleFormatException}).
 */
public final class SampleCsv {

    /** Largest deviation of a step from the mean step, relative, for a grid to count as regular. */
    public static final double GRID_TOLERANCE = 1e-3;

    /** Comma-separated, RFC 4180 quotes, {@code #} comments, blank lines and blanks around fields ignored. */
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setCommentMarker('#')
            .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).setTrim(true).get();

    /** Header names of a leading index column (pandas {@code to_csv}), lower case. */
    private static final Set<String> INDEX_NAMES = Set.of("", "unnamed: 0", "index");

    private SampleCsv() {
    }

    /**
     * {@return the series of samples in {@code file} (see the class comment)}; irregular times are refused, and so
     * is a histogram (use {@link #load}).
     *
     * @param file a UTF-8 CSV file of N (and m, t, replica) rows
     * @throws SampleFormatException one line naming the file (and the line) of what is wrong (e.g. a bad
     *     value, no samples, irregular times, a histogram, a missing file, a directory or text that is not UTF-8)
     * @throws IOException when reading fails
     */
    public static Samples read(Path file) throws IOException {
        return read(file, false);
    }

    /**
     * The series of {@code file} ({@link #load}): for jump times, the sample-and-hold grid; a histogram has none
     * and is refused (use {@link #load}).
     *
     * @param file a UTF-8 CSV file of N (and m, t, replica) rows
     * @param jumpTimes whether times are the jump times of piecewise-constant trajectories (else irregular times
     *     are refused)
     * @return the series of samples (for jump times, sampled and held on the regular grid of the mean row spacing)
     * @throws SampleFormatException one line naming the file (and the line) of what is wrong (e.g. a bad
     *     value, no samples, irregular times (without {@code jumpTimes}), a histogram, a missing file, a
     *     directory or text that is not UTF-8)
     * @throws IOException when reading fails
     */
    public static Samples read(Path file, boolean jumpTimes) throws IOException {
        return seriesOf(load(file, jumpTimes), file.toString());
    }

    /**
     * {@return the series of samples read from {@code reader} (see the class comment)}; irregular times and
     * histograms are refused.
     *
     * @param reader the CSV text; read to its end and closed
     * @param source names the input in error messages (e.g. a file name or "stdin")
     * @throws SampleFormatException one line naming the source (and the line) of what is wrong (e.g. a bad
     *     value, no samples, irregular times, a histogram)
     * @throws IOException when reading fails
     */
    public static Samples read(Reader reader, String source) throws IOException {
        return read(reader, source, false);
    }

    /**
     * {@return the series of samples read from {@code reader}}, as {@link #read(Path, boolean)}.
     *
     * @param reader the CSV text; read to its end and closed
     * @param source names the input in error messages (e.g. a file name or "stdin")
     * @param jumpTimes whether times are the jump times of piecewise-constant trajectories (else irregular times
     *     are refused)
     * @throws SampleFormatException one line naming the source (and the line) of what is wrong (e.g. a bad
     *     value, no samples, irregular times (without {@code jumpTimes}), a histogram)
     * @throws IOException when reading fails
     */
    public static Samples read(Reader reader, String source, boolean jumpTimes) throws IOException {
        return seriesOf(load(reader, source, jumpTimes), source);
    }

    private static Samples seriesOf(SampleInput input, String source) {
        if (input.series() == null) {
            throw new SampleFormatException(source + ": a histogram has no series (read it with SampleCsv.load)");
        }
        return input.series();
    }

    /**
     * Reads {@code file} (see the class comment); with {@code jumpTimes}, times are the jump times of
     * piecewise-constant trajectories, else irregular times are refused.
     *
     * @param file a UTF-8 CSV file of samples, jump times or a histogram
     * @param jumpTimes whether times are the jump times of piecewise-constant trajectories
     * @return the samples: series, jump-time trajectories (with their time-weighted occupation) or a histogram,
     *     with the warnings of the read (ignored columns)
     * @throws SampleFormatException one line naming the file (and the line) of what is wrong, also for a
     *     directory, a missing file or text that is not UTF-8
     * @throws IOException when reading fails otherwise
     */
    public static SampleInput load(Path file, boolean jumpTimes) throws IOException {
        if (Files.isDirectory(file)) {
            throw new SampleFormatException(file + ": Is a directory");
        }
        try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder()))) {
            return load(in, file.toString(), jumpTimes);
        } catch (NoSuchFileException e) {
            throw new SampleFormatException(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new SampleFormatException(file + ": not a UTF-8 text file");
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new SampleFormatException(file + ": not a UTF-8 text file");
            }
            throw e.getCause();
        }
    }

    /**
     * Reads samples from {@code reader} (see the class comment); {@code source} names it in messages.
     *
     * @param reader the CSV text (an optional UTF-8 byte-order mark is skipped); read to its end and closed
     * @param source names the input in error messages (e.g. a file name or "stdin")
     * @param jumpTimes whether times are the jump times of piecewise-constant trajectories
     * @return the samples: series, jump-time trajectories (with their time-weighted occupation) or a histogram,
     *     with the warnings of the read (ignored columns)
     * @throws SampleFormatException one line naming the source (and the line) of what is wrong
     * @throws IOException when reading fails
     */
    public static SampleInput load(Reader reader, String source, boolean jumpTimes) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        in.mark(1);
        int first = in.read();
        if (first != '\uFEFF' && first != -1) {
            in.reset();
        }
        Reader body = blankSeparated(in) ? new BlankToComma(in) : in;
        try (CSVParser parser = CSVParser.builder().setReader(body).setFormat(FORMAT).get()) {
            return new Reading(source, jumpTimes).read(parser);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Whether the first line that is neither blank nor a comment has no comma (then blanks separate fields). */
    private static boolean blankSeparated(BufferedReader in) throws IOException {
        in.mark(1 << 20);
        try {
            String line;
            int read = 0;
            while ((line = in.readLine()) != null && (read += line.length() + 1) < (1 << 20) - 1) {
                String t = line.trim();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    return t.indexOf(',') < 0;
                }
            }
            return false;
        } finally {
            in.reset();
        }
    }

    /** The columns a header names. */
    private static final class Columns {
        int n = -1;
        int m = -1;
        int t = -1;
        int replica = -1;
        int count = -1;
        int index = -1;
        int width;
        boolean histogram;
        final List<String> ignored = new ArrayList<>();

        boolean histogram() {
            return histogram;
        }
    }

    /** One pass over the records. */
    private static final class Reading {
        private final String source;
        private final boolean jumpTimes;
        private final List<String> warnings = new ArrayList<>();
        private Columns columns;
        private final List<int[]> nSeries = new ArrayList<>();
        private final List<int[]> mSeries = new ArrayList<>();
        private final List<double[]> tSeries = new ArrayList<>();
        private final IntBuffer n = new IntBuffer();
        private final IntBuffer m = new IntBuffer();
        private final DoubleBuffer t = new DoubleBuffer();
        private final DoubleBuffer weight = new DoubleBuffer();
        private final Set<String> seenReplicas = new HashSet<>();
        private String replica;
        private long rows;

        Reading(String source, boolean jumpTimes) {
            this.source = source;
            this.jumpTimes = jumpTimes;
        }

        SampleInput read(CSVParser parser) {
            for (CSVRecord record : parser) {
                int line = (int) parser.getCurrentLineNumber();
                String[] fields = record.values();
                if (columns == null) {
                    columns = header(fields, line);
                    if (columns.width > 0) {
                        continue; // a header line
                    }
                    columns.width = fields.length;
                }
                row(fields, line);
            }
            if (columns == null || rows == 0) {
                throw new SampleFormatException(source + ": no samples");
            }
            if (!columns.ignored.isEmpty()) {
                warnings.add("ignored " + (columns.ignored.size() == 1 ? "column " : "columns ")
                        + String.join(", ", columns.ignored) + " of " + source + " (qpspin validate reads N, m, "
                        + "t or time, replica; count or time and fraction for a histogram)");
            }
            return columns.histogram() ? histogram() : series();
        }

        /** The header's columns; width 0 when the first record is data (one column N, two N, m). */
        private Columns header(String[] fields, int line) {
            Columns c = new Columns();
            if (!fields[0].isEmpty() && isNumber(fields[0])) {
                if (fields.length > 2) {
                    throw error(line, fields.length + " columns and no header: add a header line naming them (N, "
                            + "m, t, replica)");
                }
                c.n = 0;
                c.m = fields.length == 2 ? 1 : -1;
                return c;
            }
            Map<String, Integer> seen = new LinkedHashMap<>();
            boolean histogram = false;
            for (String f : fields) {
                String k = f.toLowerCase(Locale.ROOT);
                histogram |= k.equals("count") || k.equals("fraction");
            }
            for (int i = 0; i < fields.length; i++) {
                String name = fields[i];
                String key = name.toLowerCase(Locale.ROOT);
                if (i == 0 && INDEX_NAMES.contains(key)) {
                    c.index = 0;
                    continue;
                }
                String role = switch (key) {
                    case "n" -> "N";
                    case "m" -> "m";
                    case "t" -> "t";
                    case "time" -> histogram ? "time" : "t";
                    case "replica", "series", "run" -> "replica";
                    case "count" -> "count";
                    case "fraction" -> "fraction";
                    default -> null;
                };
                if (role == null) {
                    c.ignored.add("'" + name + "'");
                    continue;
                }
                Integer previous = seen.put(role, i);
                if (previous != null) {
                    throw error(line, "column '" + name + "' appears twice in the header (as '" + fields[previous]
                            + "')");
                }
            }
            c.n = seen.getOrDefault("N", -1);
            c.m = seen.getOrDefault("m", -1);
            c.t = seen.getOrDefault("t", -1);
            c.replica = seen.getOrDefault("replica", -1);
            c.count = seen.getOrDefault("count", -1);
            int dwell = seen.getOrDefault("time", -1);
            if (c.n < 0) {
                throw error(line, "the header has no N column (it names " + String.join(", ", fields) + ")");
            }
            if (histogram) {
                if (c.t >= 0 || c.replica >= 0) {
                    throw error(line, "a histogram (count or fraction column) has no time order: drop the "
                            + (c.t >= 0 ? "'t'" : "'replica'") + " column");
                }
                if (c.count < 0) {
                    if (dwell < 0) {
                        throw error(line, "a histogram of fractions alone cannot be tested: the sample size is "
                                + "unknown; give the counts (count) or the dwell times (time)");
                    }
                    c.t = dwell; // the dwell time of each state, s
                } else if (dwell >= 0) {
                    c.ignored.add("'" + fields[dwell] + "'");
                }
                c.histogram = true;
            }
            c.width = fields.length;
            return c;
        }

        private void row(String[] fields, int line) {
            Columns c = columns;
            if (fields.length != c.width) {
                throw error(line, "expected " + c.width + " fields, found " + fields.length);
            }
            rows++;
            if (c.replica >= 0) {
                String label = fields[c.replica];
                if (label.isEmpty()) {
                    throw error(line, "empty replica label");
                }
                if (!label.equals(replica)) {
                    if (!seenReplicas.add(label)) {
                        throw error(line, "replica '" + label + "' appears again after other replicas; keep each "
                                + "replica's rows together");
                    }
                    if (replica != null) {
                        endSeries();
                    }
                    replica = label;
                }
            }
            int nv = parseCount(fields[c.n], "N", line);
            n.add(nv);
            if (c.m >= 0) {
                int mv = parseCount(fields[c.m], "m", line);
                if (2 * mv > nv) {
                    throw error(line, "(N=" + nv + ", m=" + mv + ") is not a valid state: need m <= N/2");
                }
                m.add(mv);
            }
            if (c.histogram()) {
                weight.add(c.count >= 0 ? parseWeight(fields[c.count], "count", true, line)
                        : parseWeight(fields[c.t], "time", false, line));
                return;
            }
            if (c.t >= 0) {
                String field = fields[c.t];
                double tv;
                try {
                    tv = Double.parseDouble(field);
                } catch (NumberFormatException e) {
                    throw error(line, "time '" + field + "' is not a number");
                }
                if (!Double.isFinite(tv)) {
                    throw error(line, "time " + field + " is not finite");
                }
                if (t.size() > 0 && !(tv > t.last())) {
                    throw error(line, "time " + field + " does not increase (previous " + t.last() + ")");
                }
                t.add(tv);
            }
        }

        private void endSeries() {
            nSeries.add(n.toArray());
            mSeries.add(m.toArray());
            tSeries.add(t.toArray());
            n.clear();
            m.clear();
            t.clear();
        }

        private SampleInput histogram() {
            boolean counts = columns.count >= 0;
            Occupation occupation;
            try {
                occupation = Occupation.of(counts ? Occupation.Kind.COUNT : Occupation.Kind.TIME, n.toArray(),
                        columns.m >= 0 ? m.toArray() : null, weight.toArray(), rows);
            } catch (IllegalArgumentException e) {
                throw new SampleFormatException(source + ": " + e.getMessage());
            }
            String what = counts
                    ? String.format(Locale.ROOT, "histogram of counts: %.0f samples in %d rows, taken as independent "
                            + "draws", occupation.total(), rows)
                    : String.format(Locale.ROOT, "histogram of dwell times: %.6g s of stationary trajectories in %d "
                            + "rows, their variance from the exact chain's long-run covariance",
                            occupation.total(), rows);
            return new SampleInput(SampleInput.Layout.HISTOGRAM, null, occupation, what + "; no time order, so "
                    + "only the distribution tests apply", warnings);
        }

        private SampleInput series() {
            if (n.size() > 0 || nSeries.isEmpty()) {
                endSeries();
            }
            List<int[]> ms = columns.m >= 0 ? mSeries : null;
            if (columns.t < 0) {
                if (jumpTimes) {
                    throw new SampleFormatException(source + ": jump times were announced (--jump-times) but the "
                            + "file has no t column");
                }
                Samples s = Samples.of(nSeries, ms, Double.NaN);
                return new SampleInput(SampleInput.Layout.SERIES, s, null, describe(s, "untimed"), warnings);
            }
            return timed(nSeries, ms, tSeries);
        }

        private String describe(Samples s, String what) {
            return String.format(Locale.ROOT, "%d samples in %d series, %s", s.size(), s.seriesCount(), what);
        }

        /**
         * Regular grids are kept; irregular times are refused, or with {@code jumpTimes} the jump times of
         * piecewise-constant trajectories: their time-weighted occupation, and the sample-and-hold grid at the mean
         * spacing.
         */
        private SampleInput timed(List<int[]> nSeries, List<int[]> mSeries, List<double[]> tSeries) {
            double interval = Double.NaN;
            boolean regular = true;
            double spanSum = 0.0;
            long steps = 0;
            for (double[] t : tSeries) {
                if (t.length < 2) {
                    continue;
                }
                double dt = (t[t.length - 1] - t[0]) / (t.length - 1);
                spanSum += t[t.length - 1] - t[0];
                steps += t.length - 1;
                for (int k = 1; k < t.length && regular; k++) {
                    if (Math.abs(t[k] - t[k - 1] - dt) > GRID_TOLERANCE * dt) {
                        regular = false;
                    }
                }
                if (regular && !Double.isNaN(interval) && Math.abs(dt - interval) > GRID_TOLERANCE * interval) {
                    regular = false;
                }
                if (Double.isNaN(interval)) {
                    interval = dt;
                }
            }
            if (steps == 0) {
                throw new SampleFormatException(source + ": a time series needs at least two rows with times");
            }
            if (regular && !jumpTimes) {
                Samples s = Samples.of(nSeries, mSeries, interval);
                return new SampleInput(SampleInput.Layout.SERIES, s, null,
                        describe(s, String.format(Locale.ROOT, "regular time grid dt = %.6g s", interval)), warnings);
            }
            if (!jumpTimes) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = 0.0;
                for (double[] t : tSeries) {
                    for (int k = 1; k < t.length; k++) {
                        lo = Math.min(lo, t[k] - t[k - 1]);
                        hi = Math.max(hi, t[k] - t[k - 1]);
                    }
                }
                throw new SampleFormatException(String.format(Locale.ROOT, "%s: the times are not on a regular "
                        + "time grid (steps from %.6g to %.6g s, more than %.0e apart relative); rows missing from a "
                        + "grid cannot be tested as a time series; if the rows are the jump times of a "
                        + "piecewise-constant trajectory, say so (validate --jump-times)", source, lo, hi,
                        GRID_TOLERANCE));
            }
            double grid = spanSum / steps;
            Samples held = sampleAndHold(nSeries, mSeries, tSeries, grid);
            Occupation occupation = Occupation.ofJumps(nSeries, mSeries, tSeries);
            String what = String.format(Locale.ROOT, "jump times: %d rows in %d series over %.6g s; distribution "
                    + "tests on the time-weighted occupation (each state weighted by its dwell time, the last row of "
                    + "each series has none), their variance from the exact chain's long-run covariance; time-series "
                    + "tests on the trajectory sampled-and-held every dt = %.6g s (the mean row spacing: as many grid "
                    + "samples as rows), which is exactly the process sampled every dt, not an approximation",
                    rows, nSeries.size(), occupation.total(), grid);
            return new SampleInput(SampleInput.Layout.JUMP_TIMES, held, occupation, what, warnings);
        }

        private int parseCount(String field, String name, int line) {
            try {
                return checkCount(Integer.parseInt(field), field, name, line);
            } catch (NumberFormatException e) {
                try {
                    double v = Double.parseDouble(field);
                    if (v == Math.rint(v) && Math.abs(v) < Integer.MAX_VALUE) {
                        return checkCount((int) v, field, name, line);
                    }
                } catch (NumberFormatException ignored) {
                    // reported below
                }
                throw error(line, name + " = '" + field + "' is not an integer");
            }
        }

        private int checkCount(int value, String field, String name, int line) {
            if (value < 0) {
                throw error(line, name + " = " + field + " is negative");
            }
            return value;
        }

        /** A count (a whole number ≥ 0) or a dwell time (finite, ≥ 0). */
        private double parseWeight(String field, String name, boolean whole, int line) {
            double v;
            try {
                v = Double.parseDouble(field);
            } catch (NumberFormatException e) {
                throw error(line, name + " = '" + field + "' is not a number");
            }
            if (!Double.isFinite(v)) {
                throw error(line, name + " = " + field + " is not finite");
            }
            if (v < 0.0) {
                throw error(line, name + " = " + field + " is negative");
            }
            if (whole && v != Math.rint(v)) {
                throw error(line, name + " = '" + field + "' is not a whole number");
            }
            return v;
        }

        private SampleFormatException error(int line, String message) {
            return new SampleFormatException(source + " line " + line + ": " + message);
        }
    }

    /**
     * The piecewise-constant trajectories (row k of a series holds on [t_k, t_{k+1})) sampled at t_0 + j Δt,
     * j = 0 … ⌊(t_last − t_0)/Δt⌋: the value at a grid time is the state held there, so this is exactly the
     * process sampled every Δt.
     */
    static Samples sampleAndHold(List<int[]> nSeries, List<int[]> mSeries, List<double[]> tSeries, double grid) {
        List<int[]> ns = new ArrayList<>();
        List<int[]> ms = mSeries == null ? null : new ArrayList<>();
        for (int s = 0; s < tSeries.size(); s++) {
            double[] t = tSeries.get(s);
            if (t.length < 2) {
                continue;
            }
            int count = (int) Math.floor((t[t.length - 1] - t[0]) / grid) + 1;
            int[] n = new int[count];
            int[] m = new int[count];
            int row = 0;
            for (int k = 0; k < count; k++) {
                double time = t[0] + k * grid;
                while (row + 1 < t.length && t[row + 1] <= time) {
                    row++;
                }
                n[k] = nSeries.get(s)[row];
                if (mSeries != null) {
                    m[k] = mSeries.get(s)[row];
                }
            }
            ns.add(n);
            if (ms != null) {
                ms.add(m);
            }
        }
        return Samples.of(ns, ms, grid);
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Blank-separated lines as comma-separated ones, line for line (so line numbers stay): leading and trailing
     * blanks dropped, each run of blanks or tabs one comma; comment lines unchanged. (Quoted fields of such files
     * may not contain blanks.)
     */
    private static final class BlankToComma extends Reader {
        private final BufferedReader in;
        private String pending = "";
        private int at;
        private boolean done;

        BlankToComma(BufferedReader in) {
            this.in = in;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (at == pending.length()) {
                if (done) {
                    return -1;
                }
                String line = in.readLine();
                if (line == null) {
                    done = true;
                    return -1;
                }
                String t = line.trim();
                pending = (t.startsWith("#") ? t : t.replaceAll("[ \\t]+", ",")) + "\n";
                at = 0;
            }
            int count = Math.min(length, pending.length() - at);
            pending.getChars(at, at + count, buffer, offset);
            at += count;
            return count;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Malformed sample file: the message names the file and the line. */
    public static final class SampleFormatException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        SampleFormatException(String message) {
            super(message);
        }
    }

    private static final class IntBuffer {
        private int[] data = new int[1024];
        private int size;

        void add(int v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, 2 * size);
            }
            data[size++] = v;
        }

        int size() {
            return size;
        }

        void clear() {
            size = 0;
        }

        int[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }

    private static final class DoubleBuffer {
        private double[] data = new double[1024];
        private int size;

        void add(double v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, 2 * size);
            }
            data[size++] = v;
        }

        int size() {
            return size;
        }

        double last() {
            return data[size - 1];
        }

        void clear() {
            size = 0;
        }

        double[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
