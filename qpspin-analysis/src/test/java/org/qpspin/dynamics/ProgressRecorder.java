package org.qpspin.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.qpspin.linalg.ProgressListener;

/**
 * A {@link ProgressListener} for tests: records the phases and checks the contract as the calls come (a phase
 * starts only after the previous one reached its total, totals &gt; 0, reports non-decreasing and at most the
 * total).
 */
public final class ProgressRecorder implements ProgressListener {

    /** The phases in the order they started. */
    public final List<String> phases = new ArrayList<>();
    /** The totals of the phases, in the same order. */
    public final List<Long> totals = new ArrayList<>();
    private long total = -1;
    private long last = -1;
    private int advances;

    @Override
    public void start(String phase, long total) {
        assertEquals(this.total, last, "previous phase " + phases + " ended at " + last + " of " + this.total);
        assertTrue(total > 0, "total " + total);
        phases.add(phase);
        totals.add(total);
        this.total = total;
        this.last = 0;
    }

    @Override
    public void advance(long done) {
        assertTrue(done >= last && done <= total, done + " after " + last + " of " + total);
        last = done;
        advances++;
    }

    /**
     * Asserts that at least one phase ran, that the last one ended at its total, and that progress was reported
     * within the phases, not only at their ends.
     */
    public void assertComplete() {
        assertFalse(phases.isEmpty(), "no phase reported");
        assertEquals(total, last, "the last phase " + phases.get(phases.size() - 1) + " ends at its total");
        assertTrue(advances > phases.size(), "progress within the phases, not only their ends: " + advances);
    }
}
