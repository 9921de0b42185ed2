package org.qpspin.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One {@code qpspin} command line run in-process, as {@link Main#main} runs it but without exiting: exit code,
 * stdout and stderr.
 */
final class CliRun {
    final int exit;
    final String out;
    final String err;

    CliRun(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        cl.setOut(new PrintWriter(o));
        cl.setErr(new PrintWriter(e));
        exit = Main.execute(cl, args);
        out = o.toString();
        err = e.toString();
    }
}
