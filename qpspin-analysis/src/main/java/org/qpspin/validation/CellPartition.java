package org.qpspin.validation;

/**
 * Cells of consecutive values (of N, or of states in index order) merged until each expects at least
 * {@link #MIN_EXPECTED} effective samples: the cells of the G-tests and the CDF edges of the KS test.
 */
final class CellPartition {

    /** Smallest expected (effective) count per cell. */
    static final double MIN_EXPECTED = 5.0;

    private CellPartition() {
    }

    /**
     * Merges consecutive entries of p into cells of expected effective count ≥ {@link #MIN_EXPECTED}; a short
     * remainder joins the last cell.
     *
     * @param p probabilities, in the order cells are merged
     * @param effective effective number of samples
     * @return the cell of each entry (cells numbered from 0, the last entry in the last cell)
     */
    static int[] merge(double[] p, double effective) {
        int[] cell = new int[p.length];
        int current = 0;
        double mass = 0.0;
        int lastClosedEnd = -1;
        for (int i = 0; i < p.length; i++) {
            cell[i] = current;
            mass += p[i];
            if (mass * effective >= MIN_EXPECTED) {
                lastClosedEnd = i;
                current++;
                mass = 0.0;
            }
        }
        // the remainder after the last closed cell joins it
        int cells = lastClosedEnd < 0 ? 1 : cell[lastClosedEnd] + 1;
        for (int i = lastClosedEnd + 1; i < p.length; i++) {
            cell[i] = cells - 1;
        }
        return cell;
    }

    /** The number of cells of a partition from {@link #merge}. */
    static int count(int[] cellOf) {
        return cellOf[cellOf.length - 1] + 1;
    }

    /** The cell of value v; values beyond the partition belong to its last cell. */
    static int cellOf(int[] cellOf, int v) {
        return v < cellOf.length ? cellOf[v] : cellOf[cellOf.length - 1];
    }
}
