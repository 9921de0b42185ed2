package org.qpspin.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.stream.Stream;
import org.ejml.data.DMatrixSparseCSC;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qpspin.linalg.amg.GeneratorRows;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.ExactSpinRateModel;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.rates.RateModel;
import org.qpspin.space.StateSpace;

/**
 * {@link Generator#assembleRows} against {@link Generator#assemble}: the same rows, exit and omitted rates bit for
 * bit (merged annihilation targets included), the CSC rebuilt from the rows equal to the assembled one entry for
 * entry (zero rates aside), the same products; each form built once and kept.
 */
class RowAssemblyTest {

    static Stream<Arguments> chains() {
        ModelParameters edge = ModelParameters.withMeanFieldN0(60, 0.001, 18.8669, 18.8669 / 60, 12.6491);
        ModelParameters noTriplet = ModelParameters.withMeanFieldN0(40, 1, 10, 0, 1.0 / 3);
        return Stream.of(
                Arguments.of("edge, triangle", Prl2020RateModel.of(edge), StateSpace.triangle(150)),
                Arguments.of("edge, rectangle", Prl2020RateModel.of(edge), StateSpace.rectangle(150, 9)),
                Arguments.of("Γt = 0 (zero rates)", Prl2020RateModel.of(noTriplet), StateSpace.rectangle(120, 20)),
                Arguments.of("exact spin", ExactSpinRateModel.of(edge), StateSpace.triangle(80)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chains")
    void rowsAndColumnsAgreeBitForBit(String name, RateModel rates, StateSpace space) {
        Generator byColumns = Generator.assemble(rates, space);
        Generator byRows = Generator.assembleRows(rates, space);
        GeneratorRows expected = GeneratorRows.ofColumns(byColumns.matrix());
        GeneratorRows actual = byRows.rows();
        assertArrayEquals(expected.rowStart(), actual.rowStart(), name);
        assertArrayEquals(expected.columns(), actual.columns(), name);
        assertArrayEquals(expected.rates(), actual.rates(), 0.0, name);
        assertArrayEquals(expected.exitRates(), actual.exitRates(), 0.0, name);
        int n = space.size();
        for (int i = 0; i < n; i++) {
            assertEquals(byColumns.omittedRate(i), byRows.omittedRate(i), 0.0);
            assertEquals(byColumns.exitRate(i), byRows.exitRate(i), 0.0);
        }
        assertEquals(expected.offDiagonals() + n, byRows.nonZeros());
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = 1.0 + (i % 7);
        }
        double[] a = new double[n];
        double[] b = new double[n];
        byColumns.multiply(p, a);
        byRows.multiply(p, b);
        for (int i = 0; i < n; i++) {
            assertEquals(a[i], b[i], 1e-12 * (Math.abs(a[i]) + byColumns.exitRate(i) * p[i]), name + " row " + i);
        }
        DMatrixSparseCSC c = byColumns.matrix();
        DMatrixSparseCSC r = byRows.matrix();
        assertSame(r, byRows.matrix(), "built once, then kept");
        for (int j = 0; j < n; j++) {
            int k = c.col_idx[j];
            for (int q = r.col_idx[j]; q < r.col_idx[j + 1]; q++) {
                while (c.nz_values[k] == 0.0 && c.nz_rows[k] != j) { // a zero rate the rows leave out
                    k++;
                }
                assertEquals(c.nz_rows[k], r.nz_rows[q], name + " column " + j);
                assertEquals(c.nz_values[k], r.nz_values[q], 0.0, name + " column " + j);
                k++;
            }
        }
        assertSame(byColumns.rows(), byColumns.rows());
    }
}
