package org.qpspin.linalg;

/** The heap a solver may still allocate, for the up-front "does it fit" checks that refuse in one line. */
public final class HeapBudget {

    /** A fixed budget set by {@link #fixedForTest}, or −1 for the real heap. */
    private static volatile long fixed = -1;

    private HeapBudget() {
    }

    /**
     * {@return maximum heap minus the heap in use: Runtime.maxMemory() − (totalMemory() − freeMemory())} Garbage not
     * yet collected counts as in use, so the estimate errs on the side of refusing (the checks use
     * {@link #availableBytes(long)}, which collects it first when it matters).
     */
    public static long availableBytes() {
        long budget = fixed;
        if (budget >= 0) {
            return budget;
        }
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /**
     * {@return {@link #availableBytes()}, measured once more after a {@link System#gc()} when it falls short of
     * {@code needed}: the garbage of earlier work (the first factorization before a re-pin, the smaller attempts
     * of an automatic truncation) counts as in use until collected and would otherwise refuse a chain that fits}
     * The collection is asked for only on that path, just before a refusal or a large allocation.
     *
     * @param needed the bytes about to be allocated (≥ 0)
     */
    public static long availableBytes(long needed) {
        long available = availableBytes();
        if (available < needed && fixed < 0) {
            System.gc();
            available = availableBytes();
        }
        return available;
    }

    /**
     * Refuses, before anything is allocated, work that needs more than the heap still available
     * ({@link #availableBytes(long)}), in one line: "SUBJECT needs X MiB OBJECT, more than the Y MiB of heap
     * available; ADVICE" (needed rounded up, available down).
     *
     * @param needed the bytes the work will allocate
     * @param subject who needs them, e.g. {@code "lu solver"}
     * @param object for what, e.g. {@code "for the factors of 1002001 states"}
     * @param advice what the user can do instead, e.g. raise the heap
     * @throws InsufficientHeapException (an {@link IllegalArgumentException}) if {@code needed} bytes do not fit
     */
    public static void require(long needed, String subject, String object, String advice) {
        long available = availableBytes(needed);
        if (needed > available) {
            throw new InsufficientHeapException(subject + " needs " + mebibytesUp(needed) + " MiB " + object
                    + ", more than the " + (available >> 20) + " MiB of heap available; " + advice, needed,
                    available);
        }
    }

    /**
     * {@return {@code bytes} in MiB rounded up, for the refusal messages (needed rounds up, available down)}
     *
     * @param bytes a byte count (≥ 0)
     */
    public static long mebibytesUp(long bytes) {
        return (bytes + (1L << 20) - 1) >> 20;
    }

    /**
     * Makes {@link #availableBytes()} return {@code bytes} until the returned handle is closed, so that tests can
     * reach the refusals without a heap of that size. Not for concurrent use: the override is global.
     *
     * @param bytes what {@link #availableBytes()} reports while the handle is open
     * @return the handle; closing it restores the measured value
     */
    public static Fixed fixedForTest(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("budget must be >= 0 bytes, got " + bytes);
        }
        fixed = bytes;
        return new Fixed();
    }

    /** Restores the real heap on {@link #close()}. */
    public static final class Fixed implements AutoCloseable {
        private Fixed() {
        }

        @Override
        public void close() {
            fixed = -1;
        }
    }
}
