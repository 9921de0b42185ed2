package org.qpspin.generator;

import java.util.Arrays;
import org.ejml.data.DMatrixSparseCSC;
import org.qpspin.linalg.amg.GeneratorRows;
import org.qpspin.rates.Channel;
import org.qpspin.rates.RateModel;
import org.qpspin.rates.TransitionSink;
import org.qpspin.space.StateSpace;

/**
 * The generator L of the truncated master equation dp/dt = L p, in compressed sparse column form.
 *
 * <p>Column j holds the transitions out of state j: L[i][j] = rate(j → i) ≥ 0 for i ≠ j and
 * L[j][j] = −Σ_{i≠j} L[i][j], so every column sums to zero by construction (reflecting truncation: a transition
 * whose target is valid but outside the truncated set is dropped from L and its rate is kept in
 * {@link #omittedRate(int)} to price the truncation, docs/model.md "Truncation"). Row indices within a column are
 * sorted and unique (singlet and mixed-triplet annihilation share the target (N−2, m−1) and are summed).
 *
 * <p>Assembly is one pass over the states, O(nnz), writing straight into the CSC arrays ({@link #assemble}).
 *
 * <p>Two forms: the CSC that the direct solvers read ({@link #matrix()}), and the rows without the diagonal that an
 * iterative solver reads ({@link #rows()}, {@link GeneratorRows}). {@link #assembleRows} builds the rows alone, for
 * chains so large that the multigrid solver is the only one that fits (≈ 96 instead of 124 + 96 bytes per state:
 * docs/benchmarks.md, "Memory of the flux-noise pipeline"); either form is built from the other on first use and
 * then kept (the memory of both). The entries are the same, bit for bit, in both forms and both assemblies.
 */
public final class Generator {

    /** Upper bound on the entries of one column: 8 channels and the diagonal. */
    private static final int MAX_ENTRIES_PER_COLUMN = Channel.values().length + 1;

    private final StateSpace space;
    private final RateModel rates;
    /** The CSC form; null until first asked for when assembled by rows. */
    private DMatrixSparseCSC matrix;
    /** The row form; null until first asked for when assembled by columns. */
    private GeneratorRows rows;
    private final double[] omittedRate;
    private final double[] exitRate;

    private Generator(StateSpace space, RateModel rates, DMatrixSparseCSC matrix, GeneratorRows rows,
                      double[] omittedRate, double[] exitRate) {
        this.space = space;
        this.rates = rates;
        this.matrix = matrix;
        this.rows = rows;
        this.omittedRate = omittedRate;
        this.exitRate = exitRate;
    }

    /**
     * Assembles L for {@code rates} on {@code space}.
     *
     * @param rates the rate model (PRL 2020 or exact-spin) whose transitions are assembled
     * @param space the truncated state space; transitions leaving it are dropped (and counted by
     *              {@link #omittedRate})
     * @return the generator L: L[i][j] the rate j → i within the space, columns summing to zero
     * @throws IllegalArgumentException if a rate is not finite (e.g. overflow at huge N)
     */
    public static Generator assemble(RateModel rates, StateSpace space) {
        int n = space.size();
        long capacity = (long) MAX_ENTRIES_PER_COLUMN * n;
        if (capacity > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("generator too large for one CSC matrix: " + n + " states");
        }
        DMatrixSparseCSC l = new DMatrixSparseCSC(n, n, (int) capacity);
        double[] omitted = new double[n];
        double[] exit = new double[n];
        ColumnBuilder column = new ColumnBuilder(space, l.nz_rows, l.nz_values);
        int nz = 0;
        for (int j = 0; j < n; j++) {
            l.col_idx[j] = nz;
            column.start(j, nz);
            rates.forEachTransition(space.levelOf(j), space.mOf(j), column);
            nz = column.finish();
            omitted[j] = column.omitted;
            exit[j] = column.exit;
        }
        l.col_idx[n] = nz;
        l.nz_length = nz;
        l.indicesSorted = true;
        return new Generator(space, rates, l, null, omitted, exit);
    }

    /**
     * Assembles L for {@code rates} on {@code space} by rows only ({@link #rows()}), without the CSC form: two passes
     * over the transitions (count the entries of each row, then fill them), each column's targets merged and sorted
     * as {@link #assemble} does, so that the entries, the exit rates and the omitted rates are bit for bit those of
     * {@link #assemble} (zero rates, which {@link #assemble} stores, are left out, as {@link GeneratorRows#ofColumns}
     * does). Memory: 12 bytes per off-diagonal entry and 4 + 8 + 8 per state (≈ 100 bytes per state
     * for these chains) instead of {@link #assemble}'s 9 × 12 + 20 for the CSC plus the rows an iterative solver
     * builds from it.
     *
     * @param rates the rate model (PRL 2020 or exact-spin) whose transitions are assembled
     * @param space the truncated state space; transitions leaving it are dropped (and counted by
     *              {@link #omittedRate})
     * @return the generator, its {@link #matrix()} built only if asked for
     * @throws IllegalArgumentException if a rate is not finite (e.g. overflow at huge N), or the chain has more than
     *                                  {@link Integer#MAX_VALUE} − 8 off-diagonal entries
     */
    public static Generator assembleRows(RateModel rates, StateSpace space) {
        int n = space.size();
        int[] start = new int[n + 1];
        double[] omitted = new double[n];
        double[] exit = new double[n];
        ColumnBuilder column = new ColumnBuilder(space, new int[MAX_ENTRIES_PER_COLUMN],
                new double[MAX_ENTRIES_PER_COLUMN]);
        long entries = 0;
        for (int j = 0; j < n; j++) { // pass 1: row lengths, exit and omitted rates
            column.start(j, 0);
            rates.forEachTransition(space.levelOf(j), space.mOf(j), column);
            int end = column.finish();
            for (int k = 0; k < end; k++) {
                if (column.rows[k] != j && column.values[k] != 0.0) {
                    start[column.rows[k] + 1]++;
                    entries++;
                }
            }
            omitted[j] = column.omitted;
            exit[j] = column.exit;
        }
        if (entries > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("generator too large for one row array: " + entries + " entries");
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        int[] columns = new int[(int) entries];
        double[] values = new double[(int) entries];
        int[] fill = Arrays.copyOf(start, n);
        for (int j = 0; j < n; j++) { // pass 2: columns ascending, so each row's columns come out sorted
            column.start(j, 0);
            rates.forEachTransition(space.levelOf(j), space.mOf(j), column);
            int end = column.finish();
            for (int k = 0; k < end; k++) {
                int i = column.rows[k];
                if (i != j && column.values[k] != 0.0) {
                    columns[fill[i]] = j;
                    values[fill[i]++] = column.values[k];
                }
            }
        }
        fill = null;
        return new Generator(space, rates, null, new GeneratorRows(start, columns, values, exit), omitted, exit);
    }

    /** Writes one column: collects the kept targets, sorts them, merges duplicates, appends the diagonal. */
    private static final class ColumnBuilder implements TransitionSink {
        private final StateSpace space;
        final int[] rows;
        final double[] values;
        private int self;
        private int begin;
        private int end;
        double omitted;
        double exit;

        ColumnBuilder(StateSpace space, int[] rows, double[] values) {
            this.space = space;
            this.rows = rows;
            this.values = values;
        }

        void start(int column, int position) {
            self = column;
            begin = position;
            end = position;
            omitted = 0.0;
            exit = 0.0;
            rows[end] = column; // diagonal placeholder, filled in finish()
            values[end] = 0.0;
            end++;
        }

        @Override
        public void accept(Channel channel, int toN, int toM, double rate) {
            if (!(rate < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("rate of " + channel + " out of state " + self + " is " + rate);
            }
            int target = space.indexOrMinusOne(toN, toM);
            if (target < 0) {
                omitted += rate;
                return;
            }
            // insertion into the sorted run [begin, end), merging an equal row
            int k = end - 1;
            while (k >= begin && rows[k] > target) {
                k--;
            }
            if (k >= begin && rows[k] == target) {
                values[k] += rate;
                return;
            }
            System.arraycopy(rows, k + 1, rows, k + 2, end - k - 1);
            System.arraycopy(values, k + 1, values, k + 2, end - k - 1);
            rows[k + 1] = target;
            values[k + 1] = rate;
            end++;
        }

        int finish() {
            double sum = 0.0;
            int diagonal = -1;
            for (int k = begin; k < end; k++) {
                if (rows[k] == self) {
                    diagonal = k;
                } else {
                    sum += values[k];
                }
            }
            values[diagonal] = -sum;
            exit = sum;
            return end;
        }
    }

    /** {@return the truncated state space} */
    public StateSpace space() {
        return space;
    }

    /** {@return the rate model} */
    public RateModel rateModel() {
        return rates;
    }

    /**
     * {@return L in CSC form (shared, do not modify)} For a generator assembled by rows ({@link #assembleRows}) the
     * CSC is built from the rows on the first call and kept (the memory of both forms from then on).
     */
    public synchronized DMatrixSparseCSC matrix() {
        if (matrix == null) {
            matrix = columnsOf(rows, exitRate);
        }
        return matrix;
    }

    /**
     * {@return L by rows without the diagonal (shared, do not modify): what the multigrid solver's smoother and
     * products read} For a generator assembled by columns ({@link #assemble}) the rows are built from the CSC on the
     * first call ({@link GeneratorRows#ofColumns}) and kept.
     */
    public synchronized GeneratorRows rows() {
        if (rows == null) {
            rows = GeneratorRows.ofColumns(matrix);
        }
        return rows;
    }

    /** The CSC of L from its rows: a transpose with the diagonal −e_j inserted in order. */
    private static DMatrixSparseCSC columnsOf(GeneratorRows r, double[] exit) {
        int n = r.size();
        int[] rowStart = r.rowStart();
        int[] cols = r.columns();
        double[] vals = r.rates();
        int nz = r.offDiagonals() + n;
        DMatrixSparseCSC l = new DMatrixSparseCSC(n, n, nz);
        int[] count = new int[n + 1];
        for (int k = 0; k < r.offDiagonals(); k++) {
            count[cols[k] + 1]++;
        }
        for (int j = 0; j < n; j++) {
            count[j + 1] += count[j] + 1; // + the diagonal
        }
        System.arraycopy(count, 0, l.col_idx, 0, n + 1);
        int[] fill = Arrays.copyOf(count, n);
        for (int i = 0; i < n; i++) { // rows ascending: each column's rows come out sorted
            // column i has received its rows < i; its diagonal comes before the rows > i
            l.nz_rows[fill[i]] = i;
            l.nz_values[fill[i]++] = -exit[i];
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                int j = cols[k];
                l.nz_rows[fill[j]] = i;
                l.nz_values[fill[j]++] = vals[k];
            }
        }
        l.nz_length = nz;
        l.indicesSorted = true;
        return l;
    }

    /** {@return number of states} */
    public int size() {
        return space.size();
    }

    /** {@return number of stored entries of L (diagonal included)} */
    public int nonZeros() {
        DMatrixSparseCSC m = matrix;
        return m != null ? m.nz_length : rows.offDiagonals() + size();
    }

    /**
     * {@return total rate of the transitions out of {@code state} dropped by the truncation, in s⁻¹}
     *
     * @param state a state index of {@link #space()}
     */
    public double omittedRate(int state) {
        return omittedRate[state];
    }

    /**
     * {@return −L[j][j]: total rate out of {@code state} to kept states, in s⁻¹ (a sum of positive terms)}
     *
     * @param state a state index of {@link #space()}
     */
    public double exitRate(int state) {
        return exitRate[state];
    }

    /**
     * out = L p. Allocation-free; {@code out} must have length {@link #size()} and differ from {@code p}.
     *
     * @param p a vector over the states, length {@link #size()}
     * @param out receives L p, length {@link #size()}, not {@code p} itself
     */
    public void multiply(double[] p, double[] out) {
        DMatrixSparseCSC matrix = this.matrix;
        if (matrix == null) { // by rows: the same terms, summed per row
            rows.multiply(p, out);
            return;
        }
        java.util.Arrays.fill(out, 0.0);
        int[] colIdx = matrix.col_idx;
        int[] rows = matrix.nz_rows;
        double[] values = matrix.nz_values;
        for (int j = 0, n = size(); j < n; j++) {
            double pj = p[j];
            if (pj == 0.0) {
                continue;
            }
            for (int k = colIdx[j], e = colIdx[j + 1]; k < e; k++) {
                out[rows[k]] += values[k] * pj;
            }
        }
    }

    /**
     * {@return Σ_j p_j × omittedRate_j: the stationary probability flux the truncation dropped, in s⁻¹}
     *
     * @param p a probability vector over the states (normally the stationary one), length {@link #size()}
     */
    public double omittedFlux(double[] p) {
        double flux = 0.0;
        for (int j = 0; j < p.length; j++) {
            flux += p[j] * omittedRate[j];
        }
        return flux;
    }
}
