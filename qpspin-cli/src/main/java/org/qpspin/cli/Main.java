package org.qpspin.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code qpspin} command. Subcommands are registered in {@link #commandLine()}. */
@Command(name = "qpspin", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Exact statistics of spin-polarized quasiparticle clusters (PRL 125, 097006 (2020)).")
public final class Main implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** No command given: the usage on stderr and exit 2 (bad input), as for an unknown command. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("qpspin: no command given; choose one of the commands below");
        spec.commandLine().usage(spec.commandLine().getErr());
        spec.commandLine().getErr().flush();
        return 2;
    }

    /** {@return the command tree with every subcommand registered (public: qpspin-sweep runs commands in-process)} */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // subcommands: one line each, keep alphabetical
        cl.addSubcommand(new ExportGeneratorCommand());
        cl.addSubcommand(new FirstPassageCommand());
        cl.addSubcommand(new FluxNoiseCommand());
        cl.addSubcommand(new FpCheckCommand());
        cl.addSubcommand(new FpConvergenceCommand());
        cl.addSubcommand(new ModelComparisonCommand());
        cl.addSubcommand(new NoiseCommand());
        cl.addSubcommand(new RegimeMapCommand());
        cl.addSubcommand(new SimulateCommand());
        cl.addSubcommand(new StationaryCommand());
        cl.addSubcommand(new TransientCommand());
        cl.addSubcommand(new ValidateCommand());
        cl.addSubcommand(new ValidationTableCommand());
        cl.addSubcommand(new CommandLine.HelpCommand());
        cl.addSubcommand(completion());
        // a command's header is its line in the command list; its own help starts with "Usage:" as before
        for (CommandLine sub : cl.getSubcommands().values()) {
            java.util.List<String> keys = new java.util.ArrayList<>(sub.getHelpSectionKeys());
            keys.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER_HEADING);
            keys.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER);
            sub.setHelpSectionKeys(keys);
        }
        cl.setParameterExceptionHandler(Main::badParameters);
        cl.setExecutionExceptionHandler(Main::failed);
        return cl;
    }

    /**
     * {@code qpspin generate-completion}: picocli's bash/zsh completion script for the whole command tree, e.g.
     * {@code source <(./qpspin generate-completion)} (README). Shown in the command list (picocli hides it).
     */
    private static CommandLine completion() {
        CommandLine gen = new CommandLine(new AutoComplete.GenerateCompletion());
        gen.getCommandSpec().usageMessage().hidden(false)
                .header("Print a bash/zsh completion script (README).");
        return gen;
    }

    /** Parse errors: one line naming the problem, exit code 2. */
    private static int badParameters(CommandLine.ParameterException e, String[] args) {
        e.getCommandLine().getErr().println("qpspin: " + e.getMessage());
        return 2;
    }

    /**
     * Errors while running: bad input ({@link IllegalArgumentException}, which includes {@link UsageException})
     * exits with 2 and one line; an {@link OutOfMemoryError} anywhere in the cause chain (e.g. in a worker
     * thread, wrapped) exits with 3 and one line; anything else is a bug: one line, exit 1, and the stack trace
     * only with the environment variable QPSPIN_DEBUG set.
     */
    private static int failed(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        if (e instanceof IllegalArgumentException) {
            cl.getErr().println("qpspin: " + e.getMessage());
            return 2;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                cl.getErr().println("qpspin: " + outOfMemory(cl));
                return 3;
            }
        }
        cl.getErr().println("qpspin: internal error: " + e + (System.getenv("QPSPIN_DEBUG") == null
                ? " (set QPSPIN_DEBUG=1 for the stack trace)" : ""));
        if (System.getenv("QPSPIN_DEBUG") != null) {
            e.printStackTrace(cl.getErr());
        }
        return 1;
    }

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(execute(commandLine(), args));
    }

    /**
     * Runs {@code args} on {@code cl} and returns the exit code, with the one error picocli's handlers cannot
     * see: an {@link OutOfMemoryError} (the solvers refuse what they can foresee; this is the rest) becomes one
     * line on {@code cl}'s error stream, naming the heap, and exit code 3.
     *
     * @param cl   the command line ({@link #commandLine()}), with its output and error writers
     * @param args the arguments, the subcommand first
     * @return the exit code: 0 success, 2 bad input, 3 out of memory, 4 samples rejected by {@code validate}
     */
    public static int execute(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            CommandLine sub = cl;
            CommandLine.ParseResult parsed = cl.getParseResult();
            while (parsed != null && parsed.subcommand() != null) {
                parsed = parsed.subcommand();
                sub = parsed.commandSpec().commandLine();
            }
            cl.getErr().println("qpspin: " + outOfMemory(sub));
            cl.getErr().flush();
            return 3;
        }
    }

    /** What to say about an {@link OutOfMemoryError}: the heap size and what to do about it. */
    static String outOfMemory() {
        return outOfMemory(null);
    }

    /**
     * As {@link #outOfMemory()}, naming only the options that {@code command} has (--band, --max-states, --n-max),
     * e.g. none for {@code validate}.
     */
    static String outOfMemory(CommandLine command) {
        StringBuilder options = new StringBuilder();
        for (String o : new String[] {"--band", "--max-states", "--n-max"}) {
            if (command == null || command.getCommandSpec().findOption(o) != null) {
                options.append(options.length() == 0 ? "" : ", ").append(o);
            }
        }
        return "out of memory (" + (Runtime.getRuntime().maxMemory() >> 20) + " MiB heap): raise it with "
                + "QPSPIN_JAVA_OPTS=-Xmx..." + (options.length() == 0 ? "" : ", or use a narrower truncation ("
                + options + ")");
    }
}
