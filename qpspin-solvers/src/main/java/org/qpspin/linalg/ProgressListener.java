package org.qpspin.linalg;

/**
 * Receives the progress of a long phase inside one computation (a factorization, a sequence of solves), e.g. to
 * draw a progress bar with an ETA.
 *
 * <p>Contract: a phase begins with {@link #start(String, long)}; {@link #advance(long)} then reports the work done
 * so far in the same units as the total, non-decreasing, at most the total, and ends the phase with exactly the
 * total when the phase completes (a phase that fails stops reporting). Calls come from the threads doing the
 * work, one at a time (never concurrently), and at most once per unit of coarse work (a front, a level, a
 * Krylov step), never per matrix entry: a listener must be cheap and must not throw. Listening never changes a
 * result: the computation is the same, operation for operation, with {@link #NONE} or any other listener.
 */
public interface ProgressListener {

    /** The listener that ignores everything: the default of every solver. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void start(String phase, long total) {
        }

        @Override
        public void advance(long done) {
        }

        @Override
        public String toString() {
            return "ProgressListener.NONE";
        }
    };

    /**
     * A new phase begins.
     *
     * @param phase what is being done, in words, e.g. {@code "lu factorization"}
     * @param total the work of the whole phase in the phase's own units (e.g. flops, states or steps), &gt; 0
     */
    void start(String phase, long total);

    /**
     * Work done so far in the current phase.
     *
     * @param done work done since {@link #start}, in [0, total], never less than in the previous call
     */
    void advance(long done);
}
