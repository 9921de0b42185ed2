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
        cl.addSubcommand(new FirstPassageCommand());
        cl.addSubcommand(new FluxNoiseCommand());
        cl.addSubcommand(new FpCheckCommand());
        cl.addSubcommand(new FpConvergenceCommand());
        cl.addSubcommand(new NoiseCommand());
        cl.addSubcommand(new RegimeMapCommand());
        cl.addSubcommand(new SimulateCommand());
        cl.addSubcommand(new StationaryCommand());
        cl.addSubcommand(new TransientCommand());
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
        System.exit(execute(commandLine(), args));
    }

    /**
     * Runs {@code args} on {@code cl} and returns the exit code, with the one error picocli's handlers cannot
     * see: an {@link OutOfMemoryError} (the solvers refuse what they can foresee; this is the rest) becomes one
     * line on {@code cl}'s error stream, naming the heap, and exit code 3.
     */
    static int execute(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            cl.getErr().println("qpspin: " + outOfMemory());
            cl.getErr().flush();
            return 3;
        }
    }

    /** What to say about an {@link OutOfMemoryError}: the heap size and what to do about it. */
    static String outOfMemory() {
        return "out of memory (" + (Runtime.getRuntime().maxMemory() >> 20) + " MiB heap): raise it with "
                + "QPSPIN_JAVA_OPTS=-Xmx..., or use a narrower truncation (--band, --max-states)";
    }
}
