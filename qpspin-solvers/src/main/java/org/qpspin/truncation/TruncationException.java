package org.qpspin.truncation;

import java.util.List;

/**
 * The truncation cost could not be brought within the requested tolerance, a solver refused an automatic attempt
 * (its message, the solver's exception as the cause), or a fixed truncation checked with
 * {@link Truncation#failIfAbove} exceeds it. Carries the attempts made. An {@link IllegalArgumentException}:
 * the request (tolerance, state cap, fixed bounds) cannot be met for these parameters.
 */
public final class TruncationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<TruncationAttempt> attempts;
    /** Number of states of the attempt that would have come next (−1: not known); see {@link #statesNeeded()}. */
    private final long statesNeeded;

    /**
     * A failure that does not know the size of the next attempt ({@link #statesNeeded()} is −1).
     *
     * @param message one line saying what was asked, what was reached and what to change
     * @param attempts the attempts made, in order (copied; may be empty)
     */
    public TruncationException(String message, List<TruncationAttempt> attempts) {
        this(message, attempts, -1);
    }

    /**
     * A refusal that knows the size of the attempt it would have made next.
     *
     * @param message one line saying what was asked, what was reached and what to change
     * @param attempts the attempts made, in order (copied; may be empty)
     * @param statesNeeded number of states of the next attempt (−1: not known)
     */
    public TruncationException(String message, List<TruncationAttempt> attempts, long statesNeeded) {
        super(message);
        this.attempts = List.copyOf(attempts);
        this.statesNeeded = statesNeeded;
    }

    /**
     * The number of states of the attempt the automatic truncation would have made next, when it stopped at the
     * state cap, or of the attempt the solver refused (e.g. its factors did not fit the heap; the solver's
     * exception is the cause): what this start needs, not a promise that it meets the tolerance; −1 when it
     * stopped for another reason.
     *
     * @return the states of the refused or capped attempt, or −1
     */
    public long statesNeeded() {
        return statesNeeded;
    }

    /** {@return the attempts made, in order (unmodifiable; not serialized: null in a deserialized copy)} */
    public List<TruncationAttempt> attempts() {
        return attempts;
    }
}
