package org.qpspin.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** index ↔ (N, m) round trips, ordering by level, sizes and boundaries. */
class StateSpaceTest {

    private static void assertRoundTrip(StateSpace s) {
        int expected = 0;
        for (int n = 0; n <= s.maxN(); n++) {
            assertEquals(expected, s.levelOffset(n));
            for (int m = s.lowM(n); m <= s.highM(n); m++) {
                int i = s.index(n, m);
                assertEquals(expected, i, "ordered by level, then m");
                assertEquals(n, s.levelOf(i));
                assertEquals(m, s.mOf(i));
                assertTrue(StateSpace.isValid(n, m));
                expected++;
            }
        }
        assertEquals(expected, s.size());
        assertEquals(s.size(), s.levelOffset(s.maxN() + 1));
    }

    @Test
    void rectangleRoundTripAndSize() {
        StateSpace s = StateSpace.rectangle(37, 5);
        assertRoundTrip(s);
        int size = 0;
        for (int n = 0; n <= 37; n++) {
            size += Math.min(n / 2, 5) + 1;
        }
        assertEquals(size, s.size());
        assertEquals(5, s.maxM());
        assertFalse(s.contains(37, 6));
        assertFalse(s.contains(9, 5)); // m > N/2
        assertTrue(s.contains(10, 5));
        assertEquals(-1, s.indexOrMinusOne(38, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> s.index(3, 2));
    }

    @Test
    void triangleHoldsEveryValidState() {
        StateSpace s = StateSpace.triangle(40);
        assertRoundTrip(s);
        assertEquals(21 * 22 / 2 + 20 * 21 / 2, s.size()); // Σ (⌊N/2⌋ + 1) over N = 0..40
        for (int n = 0; n <= 40; n++) {
            assertEquals(n / 2, s.highM(n));
        }
    }

    @Test
    void bandRoundTripAndBoundary() {
        int[] lo = new int[31];
        int[] hi = new int[31];
        for (int n = 0; n <= 30; n++) {
            lo[n] = n / 6;
            hi[n] = n / 4 + 1;
        }
        StateSpace s = StateSpace.band(lo, hi);
        assertRoundTrip(s);
        // (30, 5) is the low edge cutting valid states; (30, 8) the high edge cutting (30, 9..15); (10, 1) inside
        assertTrue(s.isOnBoundary(s.index(30, 5)));
        assertTrue(s.isOnBoundary(s.index(20, 6)));
        assertFalse(s.isOnBoundary(s.index(1, 0)));
        assertTrue(s.isOnBoundary(s.index(12, 4))); // high edge n/4 + 1 = 4 < 6
    }

    @Test
    void badBoundsNameTheProblem() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StateSpace.rectangle(-1, 0)).getMessage()
                .contains("nMax"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StateSpace.rectangle(4, -1)).getMessage()
                .contains("mMax"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> StateSpace.band(new int[] {0, 1}, new int[] {0, 0})).getMessage().contains("empty m window"));
    }
}
