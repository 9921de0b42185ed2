/**
 * The {@code qpspin} command line (picocli): one subcommand per job, each running a stage of the flow
 * parameters → states → rates → generator → solver → result → noise / dynamics / validation and printing its
 * result with the diagnostics, as text or one JSON object ({@code --json}), with plots where people would rather
 * look than read.
 *
 * <p>Entry point: {@link org.qpspin.cli.Main} (the command tree; exit codes 0 ok, 1 internal error, 2 bad input, 3
 * out of memory; validate also 3 for rejected samples). Subcommands: {@code stationary}, {@code noise},
 * {@code flux-noise}, {@code simulate}, {@code validate}, {@code validation-table}, {@code fp-check},
 * {@code fp-convergence}, {@code regime-map}, {@code export-generator}. Options shared across commands are picocli
 * mixins: {@code ModelOptions} (the parameters, docs/model.md "Parameters"), {@code TruncationOptions},
 * {@code JsonOption} and {@code QuietOption}; every command prints through picocli's writers
 * ({@code spec.commandLine().getOut()/getErr()}), so tests capture all output.
 */
package org.qpspin.cli;
