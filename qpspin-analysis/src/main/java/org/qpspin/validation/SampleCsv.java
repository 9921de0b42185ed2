package org.qpspin.validation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads samples of N (and m) from CSV, as written by any simulator.
 *
 * <p>Accepted layout: lines starting with {@code #} and blank lines are ignored; fields are separated by commas,
 * or by blanks/tabs when a line has no comma. An optional header names the columns (case-insensitive):
 * {@code N} (required), {@code m}, {@code t} or {@code time}, {@code replica} (or {@code series}, {@code run}).
 * Without a header, one column is N and two are N, m. Each row is one sample:
 * <ul>
 *   <li>without {@code t}: samples in sequence (their order is used to estimate the autocorrelation);</li>
 *   <li>with {@code t} on a regular grid (every step within {@value #GRID_TOLERANCE} of the mean step, relative:
 *       times rounded when printed still count as regular): a time series of spacing Δt = the mean step;</li>
 *   <li>with {@code t} irregular: refused ({@link SampleFormatException} naming the smallest and largest step),
 *       unless the caller says that the rows are the jump times of a piecewise-constant trajectory
 *       ({@code jumpTimes}): then each row holds until the next row's time, and the trajectory is resampled on a
 *       regular grid whose spacing is the mean row spacing. A regular grid with rows missing is never taken for
 *       a trajectory silently.</li>
 * </ul>
 * Rows of one {@code replica} value must be contiguous; each replica is an independent series. Errors name the
 * file and line ({@link SampleFormatException}).
 */
public final class SampleCsv {

    /** Largest deviation of a step from the mean step, relative, for a grid to count as regular. */
    public static final double GRID_TOLERANCE = 1e-3;

    private SampleCsv() {
    }

    /** Reads {@code file}; irregular times are refused (see the class comment). */
    public static Samples read(Path file) throws IOException {
        return read(file, false);
    }

    /**
     * Reads {@code file}; with {@code jumpTimes}, irregular times are the jump times of a piecewise-constant
     * trajectory (see the class comment), else they are refused.
     */
    public static Samples read(Path file, boolean jumpTimes) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString(), jumpTimes);
        } catch (NoSuchFileException e) {
            throw new SampleFormatException(file + ": no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new SampleFormatException(file + ": not a UTF-8 text file");
        }
    }

    /**
     * Reads samples from {@code reader}; {@code source} names it in error messages.
     *
     * @throws SampleFormatException naming the line of the first malformed row
     */
    public static Samples read(Reader reader, String source) throws IOException {
        return read(reader, source, false);
    }

    /**
     * Reads samples from {@code reader}; {@code source} names it in error messages; {@code jumpTimes} as in
     * {@link #read(Path, boolean)}.
     *
     * @throws SampleFormatException naming the line of the first malformed row, or an irregular time grid
     *                               without {@code jumpTimes}
     */
    public static Samples read(Reader reader, String source, boolean jumpTimes) throws IOException {
        BufferedReader in = reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
        int colN = -1;
        int colM = -1;
        int colT = -1;
        int colReplica = -1;
        int columns = -1;
        boolean headerDone = false;
        List<int[]> nSeries = new ArrayList<>();
        List<int[]> mSeries = new ArrayList<>();
        List<double[]> tSeries = new ArrayList<>();
        IntBuffer n = new IntBuffer();
        IntBuffer m = new IntBuffer();
        DoubleBuffer t = new DoubleBuffer();
        Set<String> seenReplicas = new HashSet<>();
        String replica = null;
        String line;
        int lineNumber = 0;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.indexOf(',') >= 0 ? trimmed.split(",", -1) : trimmed.split("\\s+");
            for (int i = 0; i < fields.length; i++) {
                fields[i] = fields[i].trim();
            }
            if (!headerDone) {
                headerDone = true;
                if (!isNumber(fields[0])) {
                    columns = fields.length;
                    for (int i = 0; i < fields.length; i++) {
                        String name = fields[i];
                        String key = name.toLowerCase(Locale.ROOT);
                        int previous;
                        switch (key) {
                            case "n":
                                previous = colN;
                                colN = i;
                                break;
                            case "m":
                                previous = colM;
                                colM = i;
                                break;
                            case "t":
                            case "time":
                                previous = colT;
                                colT = i;
                                break;
                            case "replica":
                            case "series":
                            case "run":
                                previous = colReplica;
                                colReplica = i;
                                break;
                            default:
                                throw error(source, lineNumber, "unknown column '" + name
                                        + "' in the header; known columns: N, m, t (or time), replica");
                        }
                        if (previous >= 0) {
                            throw error(source, lineNumber, "column '" + name + "' appears twice in the header");
                        }
                    }
                    if (colN < 0) {
                        throw error(source, lineNumber, "the header has no N column");
                    }
                    continue;
                }
                columns = fields.length;
                if (columns == 1) {
                    colN = 0;
                } else if (columns == 2) {
                    colN = 0;
                    colM = 1;
                } else {
                    throw error(source, lineNumber, columns + " columns and no header: add a header line naming "
                            + "them (N, m, t, replica)");
                }
            }
            if (fields.length != columns) {
                throw error(source, lineNumber, "expected " + columns + " fields, found " + fields.length);
            }
            if (colReplica >= 0) {
                String label = fields[colReplica];
                if (label.isEmpty()) {
                    throw error(source, lineNumber, "empty replica label");
                }
                if (!label.equals(replica)) {
                    if (!seenReplicas.add(label)) {
                        throw error(source, lineNumber, "replica '" + label + "' appears again after other "
                                + "replicas; keep each replica's rows together");
                    }
                    if (replica != null) {
                        nSeries.add(n.toArray());
                        mSeries.add(m.toArray());
                        tSeries.add(t.toArray());
                        n.clear();
                        m.clear();
                        t.clear();
                    }
                    replica = label;
                }
            }
            int nv = parseCount(fields[colN], "N", source, lineNumber);
            n.add(nv);
            if (colM >= 0) {
                int mv = parseCount(fields[colM], "m", source, lineNumber);
                if (2 * mv > nv) {
                    throw error(source, lineNumber, "(N=" + nv + ", m=" + mv + ") is not a valid state: need m <= N/2");
                }
                m.add(mv);
            }
            if (colT >= 0) {
                double tv;
                try {
                    tv = Double.parseDouble(fields[colT]);
                } catch (NumberFormatException e) {
                    throw error(source, lineNumber, "time '" + fields[colT] + "' is not a number");
                }
                if (!Double.isFinite(tv)) {
                    throw error(source, lineNumber, "time " + fields[colT] + " is not finite");
                }
                if (t.size() > 0 && !(tv > t.last())) {
                    throw error(source, lineNumber, "time " + fields[colT] + " does not increase (previous "
                            + t.last() + ")");
                }
                t.add(tv);
            }
        }
        if (n.size() > 0 || nSeries.isEmpty()) {
            nSeries.add(n.toArray());
            mSeries.add(m.toArray());
            tSeries.add(t.toArray());
        }
        if (nSeries.size() == 1 && nSeries.get(0).length == 0) {
            throw new SampleFormatException(source + ": no samples");
        }
        List<int[]> ms = colM >= 0 ? mSeries : null;
        if (colT < 0) {
            return Samples.of(nSeries, ms, Double.NaN);
        }
        return timed(nSeries, ms, tSeries, source, jumpTimes);
    }

    /**
     * Regular grids are kept; irregular times are refused, or with {@code jumpTimes} resampled by sample-and-hold
     * at the mean spacing.
     */
    private static Samples timed(List<int[]> nSeries, List<int[]> mSeries, List<double[]> tSeries, String source,
                                 boolean jumpTimes) {
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
        if (regular) {
            return Samples.of(nSeries, mSeries, interval);
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
            throw new SampleFormatException(String.format(java.util.Locale.ROOT, "%s: the times are not on a regular "
                    + "time grid (steps from %.6g to %.6g s, more than %.0e apart relative); rows missing from a grid "
                    + "cannot be tested as a time series; if the rows are the jump times of a piecewise-constant "
                    + "trajectory, say so (validate --jump-times)", source, lo, hi, GRID_TOLERANCE));
        }
        double grid = spanSum / steps;
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

    private static int parseCount(String field, String name, String source, int line) {
        try {
            return checkCount(Integer.parseInt(field), field, name, source, line);
        } catch (NumberFormatException e) {
            try {
                double v = Double.parseDouble(field);
                if (v == Math.rint(v) && Math.abs(v) < Integer.MAX_VALUE) {
                    return checkCount((int) v, field, name, source, line);
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw error(source, line, name + " = '" + field + "' is not an integer");
        }
    }

    private static int checkCount(int value, String field, String name, String source, int line) {
        if (value < 0) {
            throw error(source, line, name + " = " + field + " is negative");
        }
        return value;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static SampleFormatException error(String source, int line, String message) {
        return new SampleFormatException(source + " line " + line + ": " + message);
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
