package org.qpspin.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tolerant reader (issue 13 item 6): every accepted layout of one data set reads to the same samples. */
class SampleCsvFormatsTest {

    /** Two replicas on a 0.1 s grid: the reference every variant must reproduce. */
    private static final String[][] ROWS = {
        {"0", "0.0", "4", "1"}, {"0", "0.1", "5", "2"}, {"0", "0.2", "5", "1"}, {"0", "0.3", "3", "0"},
        {"1", "0.0", "2", "1"}, {"1", "0.1", "2", "0"}, {"1", "0.2", "6", "3"}, {"1", "0.3", "7", "2"},
    };

    private static String csv(String header, UnaryOperator<String[]> row, String separator, String end) {
        StringBuilder b = new StringBuilder(header).append(end);
        int k = 0;
        for (String[] r : ROWS) {
            String[] fields = row.apply(r.clone());
            b.append(String.join(separator, fields).replace("#", Integer.toString(k++))).append(end);
        }
        return b.toString();
    }

    private static String plain() {
        return csv("replica,t,N,m", r -> r, ",", "\n");
    }

    private static SampleInput load(String text) throws IOException {
        return SampleCsv.load(new StringReader(text), "f.csv", false);
    }

    private static void assertSameSamples(Samples expected, Samples actual) {
        assertEquals(expected.seriesCount(), actual.seriesCount());
        assertEquals(expected.interval(), actual.interval(), 1e-15);
        for (int s = 0; s < expected.seriesCount(); s++) {
            assertArrayEquals(expected.n(s), actual.n(s));
            assertArrayEquals(expected.m(s), actual.m(s));
        }
    }

    static List<String> variants() {
        return List.of(
                "# qpspin simulate preamble\n# more\n" + plain(),
                csv("\"replica\",\"t\",\"N\",\"m\"", r -> r, ",", "\n"),
                "\ufeff" + plain(),
                csv("replica,t,N,m", r -> r, ",", "\r\n"),
                csv(",replica,t,N,m", r -> prepend("#", r), ",", "\n"),
                csv("Unnamed: 0,replica,t,N,m", r -> prepend("#", r), ",", "\n"),
                csv("\"index\",\"replica\",\"t\",\"N\",\"m\"", r -> prepend("#", r), ",", "\r\n"),
                csv("replica\tt\tN\tm", r -> r, "\t", "\n"),
                csv("  replica   t  N m ", r -> r, "   ", "\n"),
                csv("replica, t , N , m", r -> r, " , ", "\n"));
    }

    private static String[] prepend(String first, String[] r) {
        String[] out = new String[r.length + 1];
        out[0] = first;
        System.arraycopy(r, 0, out, 1, r.length);
        return out;
    }

    @Test
    void everyAcceptedLayoutReadsToTheSameSamples() throws IOException {
        SampleInput reference = load(plain());
        assertEquals(SampleInput.Layout.SERIES, reference.layout());
        assertEquals(List.of(), reference.warnings());
        assertEquals(0.1, reference.series().interval(), 1e-15);
        assertEquals(2, reference.series().seriesCount());
        for (String text : variants()) {
            SampleInput read = load(text);
            assertSameSamples(reference.series(), read.series());
            assertEquals(List.of(), read.warnings(), text);
        }
    }

    @Test
    void unknownColumnsAreIgnoredWithOneWarningNamingThem() throws IOException {
        String text = csv("replica,t,N,energy,m,note", r -> new String[] {r[0], r[1], r[2], "1.5", r[3], "\"a, b\""},
                ",", "\n");
        SampleInput read = load(text);
        assertSameSamples(load(plain()).series(), read.series());
        assertEquals(1, read.warnings().size(), read.warnings()::toString);
        String w = read.warnings().get(0);
        assertTrue(w.contains("'energy'") && w.contains("'note'") && w.contains("f.csv"), w);
    }

    @Test
    void histogramsOfCountsAndOfDwellTimes() throws IOException {
        SampleInput counts = load("\"N\",\"m\",\"count\"\r\n0,0,5\r\n2,1,7\r\n2,0,3\r\n");
        assertEquals(SampleInput.Layout.HISTOGRAM, counts.layout());
        assertNull(counts.series());
        assertEquals(Occupation.Kind.COUNT, counts.occupation().kind());
        assertEquals(15.0, counts.occupation().total());
        assertArrayEquals(new double[] {5 / 15.0, 0.0, 10 / 15.0}, counts.occupation().fractionN(), 1e-15);
        // qpspin simulate --histogram's own header (SimulateCommand.HISTOGRAM_COLUMNS)
        SampleInput dwell = load("N,m,time,fraction\n1,0,0.25,0.25\n3,1,0.75,0.75\n");
        assertEquals(Occupation.Kind.TIME, dwell.occupation().kind());
        assertEquals(1.0, dwell.occupation().total());
        assertEquals(2, dwell.occupation().rows());
        assertTrue(dwell.description().contains("only the distribution tests"), dwell.description());
        SampleInput bare = load("N,count\n3,2\n4,1\n");
        assertTrue(!bare.occupation().hasM());
        assertThrows(IllegalArgumentException.class, () -> SampleCsv.read(new StringReader("N,count\n3,2\n"), "h"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "N,m\n1,0\nx,0\n|f.csv line 3: N = 'x' is not an integer",
        "N,m\n1,0\n2.5,0\n|f.csv line 3: N = '2.5' is not an integer",
        "# c\nN,count\n1,3\n2,-1\n|f.csv line 4: count = -1 is negative",
        "N,count\n1,2.5\n|f.csv line 2: count = '2.5' is not a whole number",
        "m,count,extra\n1,2,3\n|f.csv line 1: the header has no N column",
        "N,fraction\n1,0.5\n2,0.5\n|f.csv line 1: a histogram of fractions alone cannot be tested",
        "t,N,count\n0,1,2\n|f.csv line 1: a histogram (count or fraction column) has no time order",
        "N,m\r\n1,0\r\n3,2\r\n|f.csv line 3: (N=3, m=2) is not a valid state",
        "N,m,t\n1,0,0\n2,0\n|f.csv line 3: expected 3 fields, found 2",
        "N,n\n1,2\n|f.csv line 1: column 'n' appears twice in the header",
        "# only a comment\n|f.csv: no samples",
    })
    void badInputIsOneLineNamingTheLine(String caseText) {
        String[] parts = caseText.split("\\|");
        SampleCsv.SampleFormatException e = assertThrows(SampleCsv.SampleFormatException.class,
                () -> load(parts[0]));
        assertTrue(e.getMessage().startsWith(parts[1]), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void jumpTimesGiveTheTimeWeightedOccupationAndTheExactGrid() throws IOException {
        // rows hold until the next row: N = 2 for 0.5 s, 3 for 2.5 s, 4 for 1 s; the last row (t = 4) holds no time
        SampleInput in = SampleCsv.load(new StringReader("t,N,m\n0,2,0\n0.5,3,1\n3,4,1\n4,4,2\n"), "j", true);
        assertEquals(SampleInput.Layout.JUMP_TIMES, in.layout());
        assertEquals(4.0, in.occupation().total(), 1e-15);
        assertArrayEquals(new double[] {0, 0, 0.125, 0.625, 0.25}, in.occupation().fractionN(), 1e-15);
        assertEquals(4.0 / 3.0, in.series().interval(), 1e-15);
        assertArrayEquals(new int[] {2, 3, 3, 4}, in.series().n(0));
        assertTrue(in.description().contains("sampled-and-held every dt = 1.33333 s"), in.description());
        assertThrows(SampleCsv.SampleFormatException.class,
                () -> SampleCsv.load(new StringReader("N\n1\n2\n"), "j", true));
    }
}
