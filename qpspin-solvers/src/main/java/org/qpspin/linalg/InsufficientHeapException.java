package org.qpspin.linalg;

/**
 * A refusal of {@link HeapBudget#require}: the work needs more heap than is available. An
 * {@link IllegalArgumentException} like every other refusal of a chain a solver cannot handle, so existing callers
 * keep catching it; a caller that can choose another method (the automatic solver falls back from a direct
 * factorization to the iterative multigrid solver) catches this type alone and leaves genuine errors (a reducible
 * chain, a bad argument) alone.
 */
public final class InsufficientHeapException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The bytes the refused work would allocate (≥ 0). */
    private final long neededBytes;
    /** The heap, in bytes, still available when the work was refused (≥ 0). */
    private final long availableBytes;

    /**
     * Creates the refusal.
     *
     * @param message        the one-line refusal ("SUBJECT needs X MiB …")
     * @param neededBytes    the bytes the refused work would allocate (≥ 0)
     * @param availableBytes the heap still available when it was refused (≥ 0)
     */
    public InsufficientHeapException(String message, long neededBytes, long availableBytes) {
        super(message);
        this.neededBytes = neededBytes;
        this.availableBytes = availableBytes;
    }

    /** {@return the bytes the refused work would allocate} */
    public long neededBytes() {
        return neededBytes;
    }

    /** {@return the heap, in bytes, that was available when the work was refused} */
    public long availableBytes() {
        return availableBytes;
    }
}
