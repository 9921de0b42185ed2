package org.qpspin.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.ejml.data.DMatrixSparseCSC;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qpspin.generator.Generator;
import org.qpspin.generator.MatrixFiles;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.StationaryFactorization;
import org.qpspin.stationary.StationarySolvers;

class ExportGeneratorCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTheInMemoryGeneratorAndQpspinsSolution() throws IOException {
        Path prefix = dir.resolve("sub/g");
        CliRun run = new CliRun("export-generator", "--A", "40", "--V", "1.3", "--gamma", "8", "--gamma-t", "0.4",
                "--tau-s", "0.25", "--n-max", "70", "--m-max", "9", "--out", prefix.toString(), "--format", "both",
                "--solve", "--solver", "gth", "--repeat", "2");
        assertEquals(0, run.exit, () -> run.err);
        // everything through picocli's writers: the sidecar's path on stdout, the timings on stderr
        assertEquals(prefix + ".json", run.out.strip());
        assertEquals(3, run.err.lines().filter(l -> l.startsWith("export-generator: ")).count(), () -> run.err);
        // each written file announced once, the one rule of every command (.mtx, .csc, the sidecar, the solution)
        assertEquals(4, run.err.lines().filter(l -> l.startsWith("qpspin: wrote " + prefix)).count(), () -> run.err);

        ModelParameters p = ModelParameters.of(40, 1.3, 8, 0.4, 0.25);
        Generator g = Generator.assemble(Prl2020RateModel.of(p), StateSpace.rectangle(70, 9));
        DMatrixSparseCSC expected = g.matrix();
        DMatrixSparseCSC back = MatrixFiles.readBinaryCsc(Path.of(prefix + ".csc"));
        int nnz = expected.nz_length;
        assertEquals(nnz, back.nz_length);
        assertArrayEquals(Arrays.copyOf(expected.col_idx, g.size() + 1), Arrays.copyOf(back.col_idx, g.size() + 1));
        assertArrayEquals(Arrays.copyOf(expected.nz_rows, nnz), Arrays.copyOf(back.nz_rows, nnz));
        assertArrayEquals(Arrays.copyOf(expected.nz_values, nnz), Arrays.copyOf(back.nz_values, nnz));
        assertTrue(Files.size(Path.of(prefix + ".mtx")) > 0);

        JsonNode side = new ObjectMapper().readTree(Path.of(prefix + ".json").toFile());
        assertEquals(g.size(), side.get("states").asInt());
        assertEquals(nnz, side.get("nonZeros").asInt());
        assertEquals(70, side.at("/truncation/nMax").asInt());
        assertEquals(9, side.at("/truncation/mMax").asInt());
        assertEquals(40.0, side.at("/parameters/A").asDouble());
        assertEquals(2, side.at("/qpspin/stationarySeconds").size());
        assertEquals(2, side.at("/qpspin/cpuSeconds").size());
        assertTrue(side.at("/qpspin/matvecSeconds").asDouble() > 0);
        assertTrue(side.at("/qpspin/bestTotalInMatvecs").asDouble() > 0);
        int pinned = side.get("meanFieldState").asInt();
        assertTrue(pinned >= 0 && pinned < g.size());

        // the stationary vector and S_N(0) are qpspin's own, recomputed here independently of the command
        StationaryFactorization f = StationarySolvers.gth().factorize(g);
        double[] pi = f.stationary().probabilitiesView();
        double[] written = new double[g.size()];
        ByteBuffer.wrap(Files.readAllBytes(Path.of(prefix + ".p.f64"))).order(ByteOrder.LITTLE_ENDIAN)
                .asDoubleBuffer().get(written);
        assertArrayEquals(pi, written);
        double mean = f.stationary().meanN();
        double[] b = new double[g.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = -(g.space().levelOf(i) - mean) * pi[i];
        }
        double[] x = new double[g.size()];
        f.solveGroupInverse(b, x);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += g.space().levelOf(i) * x[i];
        }
        assertEquals(2 * s, side.at("/qpspin/sN0").asDouble(), 1e-12 * Math.abs(2 * s));
        assertEquals(mean, side.at("/qpspin/meanN").asDouble());
        assertTrue(2 * s > 0, "S_N(0) of N is positive");
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() {
        CliRun run = new CliRun("export-generator", "--A", "40", "--V", "1", "--gamma", "8", "--gamma-t", "0.4",
                "--tau-s", "inf", "--n-max", "30", "--out", dir.resolve("x").toString(), "--format", "hdf5");
        assertEquals(2, run.exit);
        assertTrue(run.err.startsWith("qpspin: --format"), () -> run.err);
        assertEquals(1, run.err.strip().lines().count(), () -> run.err);
        assertFalse(Files.exists(dir.resolve("x.json")));

        CliRun run2 = new CliRun("export-generator", "--A", "40", "--V", "1", "--gamma", "8", "--gamma-t", "0.4",
                "--tau-s", "inf", "--n-max", "30", "--out", dir.resolve("y").toString(), "--solve", "--solver",
                "magic");
        assertEquals(2, run2.exit);
        assertTrue(run2.err.contains("unknown solver"), () -> run2.err);
    }
}
