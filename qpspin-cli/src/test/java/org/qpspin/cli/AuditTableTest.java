package org.qpspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The audit of bad and hostile inputs (issue 14, 202 rows) as a table: every row's arguments, the exit code
 * now expected and the text the user must see (audit-bad-inputs.txt). For an error (exit 2, 3): one line on
 * stderr starting "qpspin: ", holding the text; never a stack trace. The fixtures (sample files, existing
 * files and directories in the way) are made once in a temporary directory.
 */
class AuditTableTest {

    private static final String MODEL = "--A 50 --V 1 --gamma 10 --gamma-t 0.5 --tau-s 0.2";
    private static final String RATES = "--A 50 --gamma 10 --gamma-t 0.5 --tau-s 0.2";

    @TempDir
    static Path dir;

    @BeforeAll
    static void fixtures() throws IOException {
        Files.writeString(dir.resolve("file.txt"), "a regular file\n");
        Files.createDirectories(dir.resolve("r52"));
        Files.writeString(dir.resolve("r52/pN.csv"), "old\n");
        Files.createDirectories(dir.resolve("r53/pNm.csv"));
        Files.writeString(dir.resolve("r109.csv"), "old\n");
        Files.writeString(dir.resolve("existing.csv"), "old\n");
        Files.writeString(dir.resolve("target.csv"), "the link's target\n");
        Files.createSymbolicLink(dir.resolve("link.csv"), dir.resolve("target.csv"));
        Files.createDirectories(dir.resolve("with space"));
        Files.createDirectories(dir.resolve("q-log.svg"));
        Files.createDirectories(dir.resolve("r198"));
        Files.writeString(dir.resolve("e197.json"), "old\n");
        Files.writeString(dir.resolve("e197.csc"), "old\n");
        // a seeded simulation of the model: the samples the validate rows start from
        CliRun sim = new CliRun(split("simulate " + MODEL + " --time 400 --dt 0.02 --replicas 2 --threads 2 --seed 7 "
                + "--out " + dir.resolve("s.csv") + " -q"));
        assertEquals(0, sim.exit, sim.err);
        List<String> lines = Files.readAllLines(dir.resolve("s.csv"));
        List<String> rows = new ArrayList<>();
        String header = null;
        for (String l : lines) {
            if (l.startsWith("#")) {
                continue;
            }
            if (header == null) {
                header = l;
            } else {
                rows.add(l);
            }
        }
        assertEquals("replica,t,N,m", header);
        write("crlf.csv", header + "\r\n" + String.join("\r\n", rows) + "\r\n");
        StringBuilder untimed = new StringBuilder("replica,N,m\n");
        StringBuilder bare = new StringBuilder();
        StringBuilder spaces = new StringBuilder("replica, t, N, m\n");
        StringBuilder irregular = new StringBuilder(header + "\n");
        int k = 0;
        for (String r : rows) {
            String[] f = r.split(",");
            untimed.append(f[0]).append(',').append(f[2]).append(',').append(f[3]).append('\n');
            if (f[0].equals("0")) {
                bare.append(f[2]).append(',').append(f[3]).append('\n');
            }
            spaces.append(f[0]).append(", ").append(f[1]).append(", ").append(f[2]).append(", ").append(f[3])
                    .append('\n');
            if (k++ % 3 != 2) {
                irregular.append(r).append('\n');
            }
        }
        write("untimed.csv", untimed.toString());
        write("bare.csv", bare.toString());
        write("spaces.csv", spaces.toString());
        write("irregular.csv", irregular.toString());
        StringBuilder constant = new StringBuilder("N\n");
        for (int i = 0; i < 5000; i++) {
            constant.append("3\n");
        }
        write("constant.csv", constant.toString());
        StringBuilder far = new StringBuilder("N,m\n");
        StringBuilder beyond = new StringBuilder("N,m\n");
        for (int i = 0; i < 1000; i++) {
            far.append(i == 500 ? "1000000000,0" : rows.get(i).split(",", 3)[2]).append('\n');
            beyond.append(i == 500 ? "2000,0" : rows.get(i).split(",", 3)[2]).append('\n');
        }
        write("far.csv", far.toString());
        write("beyond.csv", beyond.toString());
        write("bom.csv", "\ufeff" + header + "\n" + String.join("\n", rows) + "\n");
        write("empty.csv", "");
        write("hdronly.csv", "replica,t,N,m\n");
        write("foo.csv", "foo,bar,baz\n1,2,3\n");
        write("extra.csv", header + ",extra\n" + String.join(",1\n", rows) + ",1\n");
        write("dup.csv", "N,N,m\n1,1,0\n");
        write("neg.csv", "replica,t,N,m\n0,0.0,2,0\n0,0.1,-3,0\n");
        write("m3.csv", "replica,t,N,m\n0,0.0,2,0\n0,0.1,4,3\n");
        write("four.csv", "replica,t,N,m\n0,0.0,2,0\n0,0.1,four,0\n");
        write("half.csv", "replica,t,N,m\n0,0.0,3.5,0\n");
        write("mhalf.csv", "replica,t,N,m\n0,0.0,3,0.5\n");
        write("huge.csv", "replica,t,N,m\n0,0.0,99999999999999999999,0\n");
        write("short.csv", "replica,t,N,m\n0,0.0,2,0\n0,0.1,2\n");
        write("tdec.csv", "replica,t,N,m\n0,0.5,2,0\n0,0.4,2,0\n");
        write("tnan.csv", "replica,t,N,m\n0,NaN,2,0\n");
        write("interleaved.csv", "replica,t,N,m\n0,0.0,2,0\n0,0.1,2,0\n0,0.2,2,0\n1,0.0,2,0\n1,0.1,2,0\n"
                + "1,0.2,2,0\n0,0.3,2,0\n");
        byte[] binary = new byte[5000];
        new java.util.Random(1).nextBytes(binary);
        Files.write(dir.resolve("binary.csv"), binary);
        write("one.csv", "N,m\n2,0\n");
        write("nomarkers.md", "# no markers\n");
        write("beginonly.md", ValidationTableCommand.BEGIN + "\n");
        write("reversed.md", ValidationTableCommand.END + "\n" + ValidationTableCommand.BEGIN + "\n");
        write("twopairs.md", ValidationTableCommand.BEGIN + "\n" + ValidationTableCommand.END + "\n"
                + ValidationTableCommand.BEGIN + "\n" + ValidationTableCommand.END + "\n");
    }

    private static void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String[] split(String line) {
        String t = line.trim();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    static Stream<Arguments> rows() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (InputStream in = AuditTableTest.class.getResourceAsStream("/audit-bad-inputs.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\|", 4);
                rows.add(Arguments.of(Integer.parseInt(f[0]), Integer.parseInt(f[1]), f[2], f[3]));
            }
        }
        return rows.stream();
    }

    @Test
    void theTableHasEveryRowButTheOneLeftOut() throws IOException {
        List<Integer> numbers = rows().map(a -> (Integer) a.get()[0]).toList();
        assertEquals(201, numbers.size(), "rows 1..202 without 173");
        assertFalse(numbers.contains(173));
    }

    @ParameterizedTest(name = "row {0}: {3}")
    @MethodSource("rows")
    void row(int row, int exit, String text, String arguments) {
        String[] raw = split(arguments.replace("$M", MODEL).replace("$R", RATES));
        String[] args = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            args[i] = raw[i].equals("<EMPTY>") ? "" : raw[i].equals("$SPACEDIR") ? dir.resolve("with space").toString()
                    : raw[i].equals("$SPACEFILE") ? dir.resolve("with space/s s.csv").toString()
                    : raw[i].replace("$D", dir.toString());
        }
        CliRun r = new CliRun(args);
        String both = r.out + r.err;
        assertEquals(exit, r.exit, () -> "row " + row + " exit; stderr: " + r.err);
        assertFalse(both.contains("\tat ") || both.contains("Exception"), () -> "row " + row + ": " + r.err);
        if (exit == 2 || exit == 3) {
            List<String> lines = r.err.lines().toList();
            if (row != 200) { // no command: the usage follows the error line
                assertEquals(1, lines.size(), () -> "row " + row + ": one line on stderr: " + r.err);
            }
            assertTrue(lines.get(0).startsWith("qpspin: ") && lines.get(0).contains(text),
                    () -> "row " + row + ": expected '" + text + "' in: " + r.err);
        } else {
            assertTrue(both.contains(text), () -> "row " + row + ": expected '" + text + "' in: " + both);
        }
    }

    /** Rows 140, 198: the link is replaced, not written through; --out DIR/ writes inside DIR. */
    @Test
    void outputsLandWhereNamed() throws IOException {
        CliRun link = new CliRun(split("simulate " + MODEL + " --time 1 --out " + dir.resolve("link2.csv") + " -q"));
        assertEquals(0, link.exit, link.err);
        Files.writeString(dir.resolve("target2.csv"), "kept\n");
        Files.delete(dir.resolve("link2.csv"));
        Files.createSymbolicLink(dir.resolve("link2.csv"), dir.resolve("target2.csv"));
        CliRun again = new CliRun(split("simulate " + MODEL + " --time 1 --out " + dir.resolve("link2.csv") + " -q"));
        assertEquals(0, again.exit, again.err);
        assertEquals("kept\n", Files.readString(dir.resolve("target2.csv")));
        Files.createDirectories(dir.resolve("inside"));
        CliRun e = new CliRun("export-generator", "--A", "50", "--V", "1", "--gamma", "10", "--gamma-t", "0.5",
                "--tau-s", "0.2", "--n-max", "10", "--out", dir.resolve("inside") + "/");
        assertEquals(0, e.exit, e.err);
        assertTrue(Files.isRegularFile(dir.resolve("inside/generator.json")));
        assertFalse(Files.exists(dir.resolve("inside.json")));
        try (Stream<Path> left = Files.list(dir.resolve("inside"))) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary left");
        }
    }
}
