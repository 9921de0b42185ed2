package org.qpspin.stationary;

/**
 * Phase C of the level factorization ({@link LevelFactorization}): the level K* of the pinned state densely, its
 * states above the pin downwards, those below it upwards; the pinned state is the singular last pivot.
 */
final class PeakElimination {

    private final LevelFactors kept;

    PeakElimination(LevelFactors kept) {
        this.kept = kept;
    }

    /** Phase C: level K* densely, the states above the pinned one downwards, those below it upwards. */
    void eliminatePeak(double[] m) {
        int lo = kept.offset[kept.peak];
        int width = kept.offset[kept.peak + 1] - lo;
        int pinned = kept.pin - lo;
        for (int a = width - 1; a > pinned; a--) {
            eliminateInPeak(m, width, a, 0, a);
        }
        for (int a = 0; a < pinned; a++) {
            eliminateInPeak(m, width, a, a + 1, pinned + 1);
        }
    }

    /** Eliminates local state a of level K* with the states [from, to) still present. */
    private void eliminateInPeak(double[] m, int width, int a, int from, int to) {
        int k = kept.offset[kept.peak] + a;
        double s = 0.0;
        for (int j = from; j < to; j++) {
            s += m[a * width + j];
        }
        if (!(s > 0.0)) {
            throw new IllegalArgumentException("chain is reducible: state (N=" + kept.peak + ", m=" + kept.space.mOf(k)
                    + ") cannot reach the most probable state");
        }
        kept.pivot[k] = s;
        for (int i = from; i < to; i++) {
            kept.column[kept.columnStart[k] + i - from] = m[i * width + a];
        }
        if (kept.row != null) {
            System.arraycopy(m, a * width + from, kept.row, kept.rowStart[k], to - from);
        }
        double inv = 1.0 / s;
        for (int i = from; i < to; i++) {
            double f = m[i * width + a];
            if (f != 0.0) {
                f *= inv;
                for (int j = from; j < to; j++) {
                    m[i * width + j] += f * m[a * width + j];
                }
            }
        }
    }
}
