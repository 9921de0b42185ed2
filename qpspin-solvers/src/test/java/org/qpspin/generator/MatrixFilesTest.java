package org.qpspin.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.ops.MatrixIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;

class MatrixFilesTest {

    @TempDir
    Path dir;

    /** Generators in three regimes, with rates spanning many decades (odd digits in every value). */
    private static Generator generator(double a, double gammaT, double tau, int nMax, int mMax) {
        ModelParameters p = ModelParameters.of(a, 0.731, 17.9, gammaT, tau);
        return Generator.assemble(Prl2020RateModel.of(p), StateSpace.rectangle(nMax, mMax));
    }

    @ParameterizedTest
    @CsvSource({"3.7e4, 0.0, 9.3, 300, 12", "1.3e5, 1.9e-3, 1e300, 200, 100", "913.0, 0.17, 0.031, 90, 45"})
    void binaryCscRoundTripIsExact(double a, double gammaT, double tau, int nMax, int mMax) {
        DMatrixSparseCSC l = generator(a, gammaT, tau, nMax, mMax).matrix();
        Path file = dir.resolve("l.csc");
        MatrixFiles.writeBinaryCsc(l, file);
        assertExactlyEqual(l, MatrixFiles.readBinaryCsc(file));
    }

    @ParameterizedTest
    @CsvSource({"3.7e4, 0.0, 9.3, 300, 12", "1.3e5, 1.9e-3, 1e300, 200, 100", "913.0, 0.17, 0.031, 90, 45"})
    void matrixMarketRoundTripThroughEjmlReaderIsExact(double a, double gammaT, double tau, int nMax, int mMax)
            throws IOException {
        DMatrixSparseCSC l = generator(a, gammaT, tau, nMax, mMax).matrix();
        Path file = dir.resolve("l.mtx");
        MatrixFiles.writeMatrixMarket(l, file);
        DMatrixSparseTriplet triplets;
        try (Reader r = Files.newBufferedReader(file)) {
            triplets = MatrixIO.loadMatrixMarketDSTR(r);
        }
        DMatrixSparseCSC back = DConvertMatrixStruct.convert(triplets, (DMatrixSparseCSC) null);
        assertExactlyEqual(l, back);
    }

    @Test
    void binaryLayoutMatchesTheDocumentedOffsets() throws IOException {
        DMatrixSparseCSC l = generator(50.0, 0.3, 0.2, 7, 3).matrix();
        Path file = dir.resolve("small.csc");
        MatrixFiles.writeBinaryCsc(l, file);
        byte[] bytes = Files.readAllBytes(file);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertEquals("QPCSC001", new String(bytes, 0, 8, java.nio.charset.StandardCharsets.US_ASCII));
        int n = l.numCols;
        int nnz = l.nz_length;
        assertEquals(n, b.getLong(8));
        assertEquals(n, b.getLong(16));
        assertEquals(nnz, b.getLong(24));
        assertEquals(l.col_idx[n], b.getInt(32 + 4 * n));
        assertEquals(l.nz_rows[nnz - 1], b.getInt(32 + 4 * (n + 1) + 4 * (nnz - 1)));
        int valuesAt = 32 + 4 * (n + 1 + nnz);
        valuesAt += valuesAt % 8;
        assertEquals(l.nz_values[0], b.getDouble(valuesAt));
        assertEquals(l.nz_values[nnz - 1], b.getDouble(valuesAt + 8 * (nnz - 1)));
        assertEquals(valuesAt + 8 * nnz, bytes.length);
    }

    @Test
    void rejectsForeignAndTruncatedFiles() throws IOException {
        Path foreign = dir.resolve("foreign.csc");
        Files.write(foreign, new byte[64]);
        assertThrows(IllegalArgumentException.class, () -> MatrixFiles.readBinaryCsc(foreign));
        DMatrixSparseCSC l = generator(50.0, 0.3, 0.2, 20, 5).matrix();
        Path file = dir.resolve("l.csc");
        MatrixFiles.writeBinaryCsc(l, file);
        byte[] bytes = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.csc");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 8));
        assertThrows(IllegalArgumentException.class, () -> MatrixFiles.readBinaryCsc(cut));
    }

    @Test
    void doublesAreWrittenLittleEndianRaw() throws IOException {
        double[] v = {0.1, -3e-300, Double.MIN_VALUE, 1.0 / 3.0};
        Path file = dir.resolve("v.f64");
        MatrixFiles.writeDoubles(v, file);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Files.readAllBytes(file))
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        double[] back = new double[v.length];
        b.asDoubleBuffer().get(back);
        assertArrayEquals(v, back);
    }

    private static void assertExactlyEqual(DMatrixSparseCSC expected, DMatrixSparseCSC actual) {
        assertEquals(expected.numRows, actual.numRows);
        assertEquals(expected.numCols, actual.numCols);
        assertEquals(expected.nz_length, actual.nz_length);
        int nnz = expected.nz_length;
        assertArrayEquals(Arrays.copyOf(expected.col_idx, expected.numCols + 1),
                Arrays.copyOf(actual.col_idx, actual.numCols + 1));
        assertArrayEquals(Arrays.copyOf(expected.nz_rows, nnz), Arrays.copyOf(actual.nz_rows, nnz));
        for (int k = 0; k < nnz; k++) { // bitwise, so that −0.0 ≠ 0.0 and every last bit counts
            assertEquals(Double.doubleToRawLongBits(expected.nz_values[k]),
                    Double.doubleToRawLongBits(actual.nz_values[k]), "entry " + k);
        }
    }
}
