package org.qpspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** What {@link Main#main} does with the errors that reach it: the exit codes and the one-line messages. */
class MainTest {

    /** A command that runs out of memory the way a solver would: a real allocation the JVM refuses. */
    @Command(name = "exhaust")
    static final class Exhaust implements Callable<Integer> {
        @Override
        public Integer call() {
            long[] huge = new long[Integer.MAX_VALUE]; // beyond any heap and the VM's array limit: thrown at once
            return huge.length;
        }
    }

    /** A command that fails with an unexpected exception (a bug): exit 1, one line. */
    @Command(name = "crash")
    static final class Crash implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("boom");
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.addSubcommand(new Exhaust());
        cl.addSubcommand(new Crash());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit;
        try {
            exit = Main.execute(cl, args);
        } catch (OutOfMemoryError e) {
            return fail("OutOfMemoryError escaped Main.execute", e);
        }
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void outOfMemoryExitsWithThreeAndOneLineWithoutStackTrace() {
        Run r = run("exhaust");
        assertEquals(3, r.exit, r.err);
        List<String> lines = r.err.lines().toList();
        assertEquals(1, lines.size(), r.err);
        String line = lines.get(0);
        assertTrue(line.startsWith("qpspin: out of memory (" + (Runtime.getRuntime().maxMemory() >> 20) + " MiB heap)"),
                line);
        assertTrue(line.contains("-Xmx"), line);
        assertFalse(r.err.contains("\tat ") || r.err.contains("OutOfMemoryError"), r.err);
        assertEquals("", r.out);
    }

    @Test
    void otherOutcomesKeepTheirCodes() {
        Run bug = run("crash");
        assertEquals(1, bug.exit);
        assertTrue(bug.err.startsWith("qpspin: internal error: java.lang.IllegalStateException: boom"), bug.err);
        assertEquals(1, bug.err.lines().count(), "a bug is one line (its trace only with QPSPIN_DEBUG): " + bug.err);
        Run bad = run("stationary", "--A", "-1");
        assertEquals(2, bad.exit);
        assertEquals(1, bad.err.lines().count(), bad.err);
        Run help = run("--help");
        assertEquals(0, help.exit);
        assertTrue(help.out.startsWith("Usage: qpspin"), help.out);
        Run bare = run(); // no command is bad input (audit): a one-line reason, then the usage, on stderr
        assertEquals(2, bare.exit);
        assertTrue(bare.err.startsWith("qpspin: no command given"), bare.err); // through picocli's writer
        assertTrue(bare.err.contains("Usage: qpspin"), bare.err);
    }
}
