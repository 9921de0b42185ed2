package org.qpspin.truncation;

import java.util.List;

/**
 * The truncation cost could not be brought within the requested tolerance (or a fixed truncation checked with
 * {@link Truncation#failIfAbove} exceeds it). Carries the attempts made. An {@link IllegalArgumentException}:
 * the request (tolerance, state cap, fixed bounds) cannot be met for these parameters.
 */
public final class TruncationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<TruncationAttempt> attempts;

    public TruncationException(String message, List<TruncationAttempt> attempts) {
        super(message);
        this.attempts = List.copyOf(attempts);
    }

    /** The attempts made, in order. */
    public List<TruncationAttempt> attempts() {
        return attempts;
    }
}
