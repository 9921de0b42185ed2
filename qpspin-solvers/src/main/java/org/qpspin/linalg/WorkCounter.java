package org.qpspin.linalg;

/**
 * The work done in one phase, reported to a {@link ProgressListener} as it grows: the solvers add the work of
 * each coarse unit (a front, a level) as it completes, possibly from two threads at once (the concurrent branches
 * of a factorization); the listener sees one call at a time, with a non-decreasing count capped at the total.
 *
 * <p>With {@link ProgressListener#NONE} every method returns at once (no lock, no call): the solvers keep one
 * code path, and listening cannot change their arithmetic.
 */
public final class WorkCounter {

    /** A counter that reports nothing. */
    public static final WorkCounter NONE = new WorkCounter(ProgressListener.NONE, 1);

    private final ProgressListener listener;
    private final boolean silent;
    private final long total;
    private long done;

    private WorkCounter(ProgressListener listener, long total) {
        this.listener = listener;
        this.silent = listener == ProgressListener.NONE;
        this.total = total;
    }

    /**
     * Starts a phase on {@code listener} ({@link ProgressListener#start}) and returns its counter.
     *
     * @param listener where to report; {@link ProgressListener#NONE} gives {@link #NONE} (and no call)
     * @param phase    what is being done, in words
     * @param total    the phase's work; values below 1 count as 1
     * @return the counter of the new phase
     */
    public static WorkCounter start(ProgressListener listener, String phase, long total) {
        if (listener == null || listener == ProgressListener.NONE) {
            return NONE;
        }
        WorkCounter c = new WorkCounter(listener, Math.max(1, total));
        listener.start(phase, c.total);
        return c;
    }

    /**
     * Adds {@code work} units (≥ 0) and reports the new count, min(total, Σ work), to the listener.
     *
     * @param work the work of the unit just completed, in the phase's units
     */
    public void add(long work) {
        if (silent) {
            return;
        }
        synchronized (this) {
            long next = Math.min(total, done + Math.max(0, work));
            if (next > done) {
                done = next;
                listener.advance(done);
            }
        }
    }

    /** Ends the phase: reports the total unless it was reached already (an estimated total may be off). */
    public void finish() {
        if (silent) {
            return;
        }
        synchronized (this) {
            if (done < total) {
                done = total;
                listener.advance(total);
            }
        }
    }
}
