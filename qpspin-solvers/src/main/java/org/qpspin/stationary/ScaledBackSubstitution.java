package org.qpspin.stationary;

/**
 * The stationary vector of a level factorization ({@link LevelFactorization}): the GTH back substitution from the
 * pinned state, p_pin = 1, then in reverse elimination order p_k = Σ_i q[i][k] p_i / s_k over the kept column,
 * with one power-of-two exponent per level so that ratios beyond the double range neither overflow nor lose
 * accuracy (the class javadoc of {@link LevelFactorization} gives the rule).
 */
final class ScaledBackSubstitution {

    /** Back substitution rescales a level's partial values by 2^-600 when one exceeds 2^600. */
    private static final double RESCALE_THRESHOLD = 0x1p600;
    private static final int RESCALE_EXPONENT = 600;
    /** Exponent of a level whose values are all 0 (below every other; differences do not overflow an int). */
    private static final int EMPTY = Integer.MIN_VALUE / 4;

    private final LevelFactors kept;

    ScaledBackSubstitution(LevelFactors kept) {
        this.kept = kept;
    }

    /**
     * The GTH back substitution from the pinned state (class javadoc), with one power-of-two exponent per level.
     *
     * @return the unnormalized stationary vector (maximum in [1, 2))
     */
    double[] backSubstitute() {
        int n = kept.pivot.length;
        int maxN = kept.offset.length - 2;
        double[] v = new double[n];
        int[] exponent = new int[maxN + 1];
        java.util.Arrays.fill(exponent, EMPTY);
        // C: the pinned level, p_pin = 1, then the states below the pin downwards, those above it upwards
        int lo = kept.offset[kept.peak];
        int hi = kept.offset[kept.peak + 1];
        exponent[kept.peak] = 0;
        v[kept.pin] = 1.0;
        for (int k = kept.pin - 1; k >= lo; k--) {
            setScaled(v, exponent, k, gatherScaled(kept.column, kept.columnStart[k], k + 1, kept.pin + 1, v, exponent, kept.peak));
        }
        for (int k = kept.pin + 1; k < hi; k++) {
            setScaled(v, exponent, k, gatherScaled(kept.column, kept.columnStart[k], lo, k, v, exponent, kept.peak));
        }
        normalize(v, exponent, kept.peak);
        // B reversed: levels K*−1 … 0, each in descending index, on the largest exponent of the levels they read
        for (int level = kept.peak - 1; level >= 0; level--) {
            int rowEnd = kept.rowEnd(level);
            exponent[level] = largestExponent(exponent, level + 1, kept.space.levelOf(rowEnd - 1));
            for (int k = kept.offset[level + 1] - 1; k >= kept.offset[level]; k--) {
                setScaled(v, exponent, k, gatherScaled(kept.column, kept.columnStart[k], k + 1, rowEnd, v, exponent, level));
            }
            normalize(v, exponent, level);
        }
        // A reversed: levels K*+1 … Nmax, each in ascending index, on the exponent of the level below
        double[] in = kept.above.inColumn;
        for (int level = kept.peak + 1; level <= maxN; level++) {
            int below = kept.offset[level - 1];
            int first = kept.offset[level];
            long at = kept.above.inBase[level];
            exponent[level] = largestExponent(exponent, level - 1, level - 1);
            for (int k = first, end = kept.offset[level + 1]; k < end; k++) {
                long start = at + LevelElimination.segment(k - first, first - below);
                setScaled(v, exponent, k, gatherScaled(in, start, below, k, v, exponent, level));
            }
            normalize(v, exponent, level);
        }
        int largest = EMPTY;
        for (int e : exponent) {
            largest = Math.max(largest, e);
        }
        for (int level = 0; level <= maxN; level++) {
            if (exponent[level] != EMPTY && exponent[level] != largest) {
                int shift = exponent[level] - largest;
                for (int k = kept.offset[level], end = kept.offset[level + 1]; k < end; k++) {
                    v[k] = Math.scalb(v[k], shift);
                }
            }
        }
        return v;
    }

    /** The largest exponent of the non-empty levels from … to (0 if all are empty). */
    private static int largestExponent(int[] exponent, int from, int to) {
        int e = EMPTY;
        for (int level = from; level <= to; level++) {
            e = Math.max(e, exponent[level]);
        }
        return e == EMPTY ? 0 : e;
    }

    /**
     * Σ_i c[at + i − from] v_i over the states i = from … to − 1 (which may span levels), each level's part scaled
     * from its exponent to that of {@code level}, the level being computed.
     */
    private double gatherScaled(double[] c, long at, int from, int to, double[] v, int[] exponent, int level) {
        int e = exponent[level];
        double sum = 0.0;
        int i = from;
        int source = from < to ? kept.space.levelOf(from) : level;
        int shift = (int) (at - from);
        while (i < to) {
            int end = Math.min(to, kept.offset[source + 1]);
            double dot = 0.0;
            for (; i < end; i++) {
                dot += c[shift + i] * v[i];
            }
            if (source == level) {
                sum += dot;
            } else if (exponent[source] != EMPTY) {
                sum += Math.scalb(dot, exponent[source] - e);
            }
            source++;
        }
        return sum;
    }

    /** v_k = sum / s_k, rescaling k's level by 2^-600 (and raising its exponent) when v_k exceeds 2^600. */
    private void setScaled(double[] v, int[] exponent, int k, double sum) {
        double value = sum / kept.pivot[k];
        v[k] = value;
        if (value > RESCALE_THRESHOLD) {
            int level = kept.space.levelOf(k);
            for (int i = kept.offset[level], end = kept.offset[level + 1]; i < end; i++) {
                v[i] *= 0x1p-600;
            }
            exponent[level] += RESCALE_EXPONENT;
        }
    }

    /** Scales a finished level to a maximum in [1, 2), or marks it empty. */
    private void normalize(double[] v, int[] exponent, int level) {
        double max = 0.0;
        for (int k = kept.offset[level], end = kept.offset[level + 1]; k < end; k++) {
            max = Math.max(max, v[k]);
        }
        if (max > 0.0) {
            int shift = Math.getExponent(max);
            for (int k = kept.offset[level], end = kept.offset[level + 1]; k < end; k++) {
                v[k] = Math.scalb(v[k], -shift);
            }
            exponent[level] += shift;
        } else {
            exponent[level] = EMPTY;
        }
    }
}
