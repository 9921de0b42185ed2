package org.qpspin.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * A progress bar on stderr for long runs: silent for the first {@link #DELAY_SECONDS} s, then redrawn twice a
 * second on one line ({@code \r}); {@link #close()} ends the line. Runs on a daemon thread.
 */
final class ProgressBar implements AutoCloseable {

    static final double DELAY_SECONDS = 3.0;
    private static final int WIDTH = 30;

    private final Thread thread;
    private volatile boolean done;
    private volatile boolean drawn;
    private final PrintWriter err;

    ProgressBar(PrintWriter err, String label, DoubleSupplier fraction, LongSupplier events) {
        this.err = err;
        long start = System.nanoTime();
        thread = new Thread(() -> {
            try {
                Thread.sleep((long) (DELAY_SECONDS * 1000));
                while (!done) {
                    double f = Math.max(0.0, Math.min(1.0, fraction.getAsDouble()));
                    double elapsed = (System.nanoTime() - start) * 1e-9;
                    int filled = (int) Math.round(f * WIDTH);
                    String eta = f > 0.0 ? String.format(Locale.ROOT, ", ~%.0f s left", elapsed * (1.0 - f) / f) : "";
                    synchronized (err) {
                        err.printf(Locale.ROOT, "\r%s [%s%s] %3.0f%%  %.3g events%s   ", label, "#".repeat(filled),
                                ".".repeat(WIDTH - filled), 100 * f, (double) events.getAsLong(), eta);
                        err.flush();
                    }
                    drawn = true;
                    Thread.sleep(500);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "qpspin-progress");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        done = true;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (drawn) {
            synchronized (err) {
                err.println();
                err.flush();
            }
        }
    }
}
