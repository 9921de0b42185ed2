package org.qpspin.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.ejml.data.DMatrixSparseCSC;

/**
 * Writes a sparse matrix exactly, for other programs (SciPy, MATLAB, Julia) to read the generator qpspin solves.
 *
 * <p>Two formats:
 * <ul>
 *   <li><b>Matrix Market</b> ({@code %%MatrixMarket matrix coordinate real general}): one line
 *       {@code i j value} per stored entry, 1-based, column by column; values in Java's shortest decimal form
 *       that reads back to the same double ({@link Double#toString(double)}), so the file is exact.</li>
 *   <li><b>Binary CSC</b>, little-endian, for large matrices (a 10⁷-state generator is ~0.8 GB):
 *       <pre>
 *   offset 0            8 bytes  magic "QPCSC001" (ASCII)
 *   offset 8            int64    rows
 *   offset 16           int64    columns  (= n)
 *   offset 24           int64    nnz
 *   offset 32           int32    colPtr[n + 1]   (0-based; colPtr[n] = nnz)
 *   then                int32    rowIdx[nnz]     (0-based, ascending within a column)
 *   then                0 or 4 zero bytes, so that the next section starts at a multiple of 8
 *   then                float64  values[nnz]     (IEEE 754 binary64)
 *       </pre>
 *       In NumPy: {@code colptr = np.frombuffer(buf, '<i4', n + 1, 32)} and so on; SciPy's
 *       {@code csc_matrix((values, rowIdx, colPtr), shape=(rows, n))} rebuilds the matrix.</li>
 * </ul>
 */
public final class MatrixFiles {

    /** The 8 ASCII bytes that open a binary CSC file. */
    public static final String CSC_MAGIC = "QPCSC001";

    private static final int HEADER_BYTES = 32;
    private static final int CHUNK = 1 << 20;

    private MatrixFiles() {
    }

    /**
     * Writes {@code a} as a Matrix Market coordinate real general file (exact decimal values).
     *
     * @param a the matrix (explicit zeros written as stored)
     * @param file the target; replaced if it exists
     */
    public static void writeMatrixMarket(DMatrixSparseCSC a, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            writeMatrixMarket(a, w);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code a} in Matrix Market form to {@code out} (not closed).
     *
     * @param a the matrix (explicit zeros written as stored)
     * @param out where to write (UTF-8 text; flushed by the caller)
     * @throws IOException as {@code out} throws it
     */
    public static void writeMatrixMarket(DMatrixSparseCSC a, Writer out) throws IOException {
        Writer w = out instanceof BufferedWriter ? out : new BufferedWriter(out, CHUNK);
        w.write("%%MatrixMarket matrix coordinate real general\n");
        w.write("% qpspin generator L: L[i][j] = rate(j -> i), columns sum to zero, dp/dt = L p\n");
        w.write(a.numRows + " " + a.numCols + " " + a.nz_length + "\n");
        StringBuilder line = new StringBuilder(64);
        for (int j = 0; j < a.numCols; j++) {
            for (int k = a.col_idx[j]; k < a.col_idx[j + 1]; k++) {
                line.setLength(0);
                line.append(a.nz_rows[k] + 1).append(' ').append(j + 1).append(' ')
                        .append(a.nz_values[k]).append('\n');
                w.append(line);
            }
        }
        w.flush();
    }

    /**
     * Writes {@code a} in the binary CSC format described in the class comment.
     *
     * @param a the matrix
     * @param file the target; replaced if it exists
     */
    public static void writeBinaryCsc(DMatrixSparseCSC a, Path file) {
        int n = a.numCols;
        int nnz = a.nz_length;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            buf.put(CSC_MAGIC.getBytes(StandardCharsets.US_ASCII));
            buf.putLong(a.numRows).putLong(n).putLong(nnz);
            for (int j = 0; j <= n; j++) {
                buf = room(ch, buf, 4);
                buf.putInt(a.col_idx[j]);
            }
            for (int k = 0; k < nnz; k++) {
                buf = room(ch, buf, 4);
                buf.putInt(a.nz_rows[k]);
            }
            long written = HEADER_BYTES + 4L * (n + 1) + 4L * nnz;
            if (written % 8 != 0) {
                buf = room(ch, buf, 4);
                buf.putInt(0);
            }
            for (int k = 0; k < nnz; k++) {
                buf = room(ch, buf, 8);
                buf.putDouble(a.nz_values[k]);
            }
            buf.flip();
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a binary CSC file written by {@link #writeBinaryCsc}.
     *
     * @param file a file written by {@link #writeBinaryCsc}
     * @return the matrix, with the stored pattern and values
     * @throws IllegalArgumentException if the file is not in that format or is truncated
     */
    public static DMatrixSparseCSC readBinaryCsc(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer head = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, head, file);
            head.flip();
            byte[] magic = new byte[8];
            head.get(magic);
            if (!CSC_MAGIC.equals(new String(magic, StandardCharsets.US_ASCII))) {
                throw new IllegalArgumentException(file + " is not a qpspin binary CSC file (bad magic)");
            }
            long rows = head.getLong();
            long cols = head.getLong();
            long nnz = head.getLong();
            if (rows < 0 || cols < 0 || nnz < 0 || rows > Integer.MAX_VALUE || cols >= Integer.MAX_VALUE
                    || nnz > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(file + ": bad dimensions " + rows + " x " + cols + ", nnz " + nnz);
            }
            long ints = cols + 1 + nnz;
            long expected = HEADER_BYTES + 4 * ints + (4 * ints % 8) + 8 * nnz;
            if (size != expected) {
                throw new IllegalArgumentException(file + " has " + size + " bytes, expected " + expected);
            }
            DMatrixSparseCSC a = new DMatrixSparseCSC((int) rows, (int) cols, (int) nnz);
            ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            buf.flip();
            for (int j = 0; j <= cols; j++) {
                buf = fill(ch, buf, 4, file);
                a.col_idx[j] = buf.getInt();
            }
            for (int k = 0; k < nnz; k++) {
                buf = fill(ch, buf, 4, file);
                a.nz_rows[k] = buf.getInt();
            }
            if (4 * ints % 8 != 0) {
                buf = fill(ch, buf, 4, file);
                buf.getInt();
            }
            for (int k = 0; k < nnz; k++) {
                buf = fill(ch, buf, 8, file);
                a.nz_values[k] = buf.getDouble();
            }
            a.nz_length = (int) nnz;
            a.indicesSorted = true;
            return a;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code v} as raw little-endian float64 (NumPy: {@code np.fromfile(path, '<f8')}).
     *
     * @param v the values, in index order
     * @param file the target; replaced if it exists
     */
    public static void writeDoubles(double[] v, Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            for (double x : v) {
                buf = room(ch, buf, 8);
                buf.putDouble(x);
            }
            buf.flip();
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Flushes {@code buf} to the channel when fewer than {@code bytes} remain. */
    private static ByteBuffer room(FileChannel ch, ByteBuffer buf, int bytes) throws IOException {
        if (buf.remaining() < bytes) {
            buf.flip();
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            buf.clear();
        }
        return buf;
    }

    /** Refills {@code buf} (in read mode) from the channel when fewer than {@code bytes} remain. */
    private static ByteBuffer fill(FileChannel ch, ByteBuffer buf, int bytes, Path file) throws IOException {
        if (buf.remaining() < bytes) {
            buf.compact();
            while (buf.position() < bytes) {
                if (ch.read(buf) < 0) {
                    throw new IllegalArgumentException(file + " is truncated");
                }
            }
            buf.flip();
        }
        return buf;
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, Path file) throws IOException {
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) {
                throw new IllegalArgumentException(file + " is truncated");
            }
        }
    }
}
