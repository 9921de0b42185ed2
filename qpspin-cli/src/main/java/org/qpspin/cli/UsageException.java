package org.qpspin.cli;

/** Bad input from the user: reported as one line on stderr with exit code 2, never a stack trace. */
public final class UsageException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * An error whose message names the problem.
     *
     * @param message the one line shown after {@code qpspin: }, naming the option, the value and what is allowed
     */
    public UsageException(String message) {
        super(message);
    }
}
