package org.qpspin.stationary;

/** The heap a solver may still allocate, for the up-front "does it fit" checks that refuse in one line. */
final class HeapBudget {

    private HeapBudget() {
    }

    /**
     * Maximum heap minus the heap in use: Runtime.maxMemory() − (totalMemory() − freeMemory()). Garbage not yet
     * collected counts as in use, so the estimate errs on the side of refusing.
     */
    static long availableBytes() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }
}
