package org.qpspin.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code qpspin} command. Subcommands are registered in {@link #commandLine()}. */
@Command(name = "qpspin", mixinStandardHelpOptions = true, version = "qpspin 0.1.0",
        description = "Exact statistics of spin-polarized quasiparticle clusters (PRL 125, 097006 (2020)).")
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The command tree with every subcommand registered. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // subcommands: one line each, keep alphabetical
        cl.addSubcommand(new ExportGeneratorCommand());
        cl.addSubcommand(new FluxNoiseCommand());
        cl.addSubcommand(new FpCheckCommand());
        cl.addSubcommand(new FpConvergenceCommand());
        cl.addSubcommand(new NoiseCommand());
        cl.addSubcommand(new RegimeMapCommand());
        cl.addSubcommand(new SimulateCommand());
        cl.addSubcommand(new StationaryCommand());
        cl.addSubcommand(new ValidateCommand());
        cl.addSubcommand(new ValidationTableCommand());
        cl.setParameterExceptionHandler(Main::badParameters);
        cl.setExecutionExceptionHandler(Main::failed);
        return cl;
    }

    /** Parse errors: one line naming the problem, exit code 2. */
    private static int badParameters(CommandLine.ParameterException e, String[] args) {
        e.getCommandLine().getErr().println("qpspin: " + e.getMessage());
        return 2;
    }

    /**
     * Errors while running: bad input ({@link IllegalArgumentException}, which includes {@link UsageException})
     * exits with 2 and one line; anything else is a bug and keeps its stack trace (exit 1).
     */
    private static int failed(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        if (e instanceof IllegalArgumentException) {
            cl.getErr().println("qpspin: " + e.getMessage());
            return 2;
        }
        cl.getErr().println("qpspin: internal error: " + e);
        e.printStackTrace(cl.getErr());
        return 1;
    }

    public static void main(String[] args) {
        int code;
        try {
            code = commandLine().execute(args);
        } catch (OutOfMemoryError e) { // the solvers refuse what they can foresee; this is the rest, in one line
            System.err.println("qpspin: out of memory (" + (Runtime.getRuntime().maxMemory() >> 20) + " MiB heap): "
                    + "raise it with QPSPIN_JAVA_OPTS=-Xmx..., or use a narrower truncation (--band, --max-states)");
            code = 3;
        }
        System.exit(code);
    }
}
