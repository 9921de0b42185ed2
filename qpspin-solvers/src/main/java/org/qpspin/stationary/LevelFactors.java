package org.qpspin.stationary;

import org.qpspin.generator.Generator;
import org.qpspin.linalg.HeapBudget;
import org.qpspin.space.StateSpace;

/**
 * The kept part of a level factorization ({@link LevelFactorization}) and its layout: phase A's censored blocks
 * ({@link LevelElimination}), the pivots s_k, and for phases B and C each state's kept column q[·][k] and row
 * q[k][·] in two flat arrays, sized (and checked against the heap) before anything is eliminated. The phases
 * ({@link UpwardElimination}, {@link PeakElimination}) fill it; {@link ScaledBackSubstitution} and
 * {@link LevelGroupInverse} read it.
 */
final class LevelFactors {

    final LevelElimination above;
    final StateSpace space;
    final int[] offset;
    final int drop;
    final int peak;
    final int pin;
    /** s_k for every state but the pinned one. */
    final double[] pivot;
    /** Phases B and C: start of state k's kept column in {@link #column} and row in {@link #row}. */
    final int[] columnStart;
    final int[] rowStart;
    final double[] column;
    /** null when the rows were not kept (stationary vector only). */
    final double[] row;

    /**
     * Lays out the factors of {@code generator} pinned at {@code pin}, phase A prepared (not run).
     *
     * @param keepRows keep the rows q[k][·] for group-inverse solves (else only the stationary vector)
     * @throws IllegalArgumentException for arrays beyond Java's limit or the heap
     */
    LevelFactors(Generator generator, int pin, boolean keepRows) {
        this.pin = pin;
        space = generator.space();
        int n = space.size();
        peak = space.levelOf(pin);
        above = LevelElimination.prepare(generator, keepRows, peak);
        offset = above.offset;
        drop = above.drop;
        pivot = above.pivot;
        columnStart = new int[n];
        rowStart = new int[n];
        long columnLength = 0;
        long rowLength = 0;
        for (int level = 0; level < peak; level++) {
            int rowEnd = rowEnd(level);
            int colEnd = offset[level + 2];
            for (int k = offset[level]; k < offset[level + 1]; k++) {
                columnStart[k] = (int) Math.min(columnLength, Integer.MAX_VALUE);
                rowStart[k] = (int) Math.min(rowLength, Integer.MAX_VALUE);
                columnLength += rowEnd - k - 1;
                rowLength += colEnd - k - 1;
            }
        }
        int lo = offset[peak];
        for (int k = lo; k < offset[peak + 1]; k++) {
            columnStart[k] = (int) Math.min(columnLength, Integer.MAX_VALUE);
            rowStart[k] = (int) Math.min(rowLength, Integer.MAX_VALUE);
            int length = k > pin ? k - lo : k < pin ? pin - k : 0;
            columnLength += length;
            rowLength += length;
        }
        if (!keepRows) {
            rowLength = 0;
        }
        long maxBlock = 0;
        for (int level = 0; level < peak; level++) {
            maxBlock = Math.max(maxBlock, (long) (rowEnd(level) - offset[level]) * (offset[level + 2] - offset[level]));
        }
        if (columnLength > Integer.MAX_VALUE - 8 || rowLength > Integer.MAX_VALUE - 8
                || maxBlock > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("levels factorization needs " + Math.max(maxBlock,
                    Math.max(columnLength, rowLength)) + " doubles in one array for " + generator.space()
                    + ", more than a Java array holds; use the lu solver or a narrower m window");
        }
        // the kept columns and rows, two dense blocks of the upward sweep and the vector
        HeapBudget.require(8 * (columnLength + rowLength + 2 * maxBlock + n), "levels factorization",
                "for " + generator.space(), "raise the heap (QPSPIN_JAVA_OPTS=-Xmx...), use the lu solver or a "
                        + "narrower m window");
        column = new double[(int) columnLength];
        row = keepRows ? new double[(int) rowLength] : null;
    }

    /** End (exclusive) of the rows of the upward block whose lowest level is {@code level}. */
    int rowEnd(int level) {
        return offset[Math.min(level + drop, peak) + 1];
    }
}
