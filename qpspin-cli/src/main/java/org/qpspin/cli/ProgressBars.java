package org.qpspin.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.qpspin.linalg.ProgressListener;

/**
 * Progress bars with percentage and ETA on stderr for long phases (me.tongfei:progressbar).
 *
 * <p>Silent with {@code -q}, when stderr is not a terminal (the {@code qpspin} script passes
 * {@code -Dqpspin.stderrTerminal=true|false} from {@code [ -t 2 ]}; without it, {@code System.console()} decides)
 * and for phases shorter than {@link #DELAY_SECONDS}: the bar appears only then, with the elapsed time counted in
 * its ETA. A daemon thread polls the progress, so a phase that reports rarely still shows a live bar.
 */
final class ProgressBars {

    /** Phases shorter than this show no bar. */
    static final double DELAY_SECONDS = 2.0;
    private static final long POLL_MILLIS = 250;

    private ProgressBars() {
    }

    /** Whether bars are drawn: not quiet, and stderr is a terminal. */
    static boolean enabled(boolean quiet) {
        if (quiet) {
            return false;
        }
        String flag = System.getProperty("qpspin.stderrTerminal");
        return flag != null ? Boolean.parseBoolean(flag) : System.console() != null;
    }

    /** A bar over {@code total} steps advanced by {@link Bar#step()}; a no-op bar when not {@link #enabled}. */
    static Bar steps(PrintWriter err, boolean quiet, String task, long total) {
        AtomicLong done = new AtomicLong();
        return new Bar(err, enabled(quiet), task, total, done::get, done, () -> null);
    }

    /**
     * A bar over a fraction in [0, 1] polled from {@code fraction} (shown in per mille steps), with an extra
     * message (e.g. events so far) from {@code extra}.
     */
    static Bar fraction(PrintWriter err, boolean quiet, String task, java.util.function.DoubleSupplier fraction,
                        Supplier<String> extra) {
        return new Bar(err, enabled(quiet), task, 1000,
                () -> Math.round(1000 * Math.max(0.0, Math.min(1.0, fraction.getAsDouble()))), null, extra);
    }

    /**
     * A listener for the long phases inside one library call (a factorization, the Krylov steps of a spectrum):
     * each {@link ProgressListener#start phase} gets its own bar (in per mille of its total, so that flop counts
     * read as percentages), ended when the phase reports its total or the next phase starts; {@link
     * ProgressListener#NONE} when bars are not {@link #enabled} (so the solvers skip even the bookkeeping).
     * Phases shorter than {@link #DELAY_SECONDS} show nothing, as for every bar.
     */
    static ProgressListener listener(PrintWriter err, boolean quiet) {
        return enabled(quiet) ? new PhaseBars(err) : ProgressListener.NONE;
    }

    /** The bars of {@link #listener}: one per phase, the current one polled by its {@link Bar}. */
    private static final class PhaseBars implements ProgressListener {
        private final PrintWriter err;
        private final AtomicLong done = new AtomicLong();
        private volatile long total = 1;
        private Bar bar;

        PhaseBars(PrintWriter err) {
            this.err = err;
        }

        @Override
        public synchronized void start(String phase, long total) {
            end();
            this.total = Math.max(1, total);
            done.set(0);
            bar = new Bar(err, true, phase, 1000, () -> Math.round(1000.0 * done.get() / this.total), null,
                    () -> null);
        }

        @Override
        public synchronized void advance(long value) {
            done.set(value);
            if (value >= total) {
                end();
            }
        }

        private void end() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }

    /** One phase's bar; {@link #close()} ends it (and its line). */
    static final class Bar implements AutoCloseable {
        private final AtomicLong counter;
        private final LongSupplier current;
        private final Thread poller;
        private volatile boolean done;
        private ProgressBar bar;

        Bar(PrintWriter err, boolean enabled, String task, long total, LongSupplier current,
            AtomicLong counter, Supplier<String> extra) {
            this.counter = counter;
            this.current = current;
            if (!enabled) {
                poller = null;
                return;
            }
            long start = System.nanoTime();
            poller = new Thread(() -> {
                try {
                    while (!done) {
                        Thread.sleep(POLL_MILLIS);
                        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                        if (bar == null && elapsed.toMillis() >= DELAY_SECONDS * 1000) {
                            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                                    .setConsumer(new ConsoleProgressBarConsumer(stream(err), width()))
                                    .startsFrom(current.getAsLong(), elapsed).build();
                        }
                        if (bar != null) {
                            bar.stepTo(current.getAsLong());
                            String message = extra.get();
                            if (message != null) {
                                bar.setExtraMessage(message);
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "qpspin-progress");
            poller.setDaemon(true);
            poller.start();
        }

        /** One step done (step bars). */
        void step() {
            if (counter != null) {
                counter.incrementAndGet();
            }
        }

        @Override
        public void close() {
            done = true;
            if (poller == null) {
                return;
            }
            poller.interrupt();
            try {
                poller.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (bar != null) {
                bar.stepTo(current.getAsLong()); // the final state, not the last poll
                bar.close();
            }
        }
    }

    /** The terminal width from $COLUMNS, else 100 (no terminal probing). */
    private static int width() {
        try {
            String c = System.getenv("COLUMNS");
            return c == null ? 100 : Math.max(40, Integer.parseInt(c.trim()));
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    /** {@code err} as a PrintStream (the library's consumer takes one). */
    private static PrintStream stream(PrintWriter err) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (err) {
                    err.write(new String(b, off, len, StandardCharsets.UTF_8));
                }
            }

            @Override
            public void flush() {
                err.flush();
            }
        }, true, StandardCharsets.UTF_8);
    }
}
