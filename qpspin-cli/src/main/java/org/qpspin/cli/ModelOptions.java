package org.qpspin.cli;

import org.qpspin.model.Aluminium;
import org.qpspin.model.ModelParameters;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The model parameters shared by every command: either the five physical parameters, or the aluminium preset
 * with a volume and a mean-field N0 (or an injection rate). Units as in MODEL.md (s, µm).
 *
 * <p>Use as {@code @Mixin ModelOptions model;} and call {@link #parameters()}; invalid input raises
 * {@link UsageException} (exit code 2, one line, no stack trace).
 */
public final class ModelOptions {

    @Option(names = "--preset", paramLabel = "NAME",
            description = "Material preset: aluminium (Gamma, Gamma_t, tau_s from MODEL.md's microscopic constants).")
    String preset;

    @Option(names = {"--A", "-A"}, paramLabel = "RATE", description = "Injection rate A in s^-1 um^-3.")
    Double injectionRate;

    @Option(names = {"--N0"}, paramLabel = "N0",
            description = "Target mean-field cluster size N0 (Eq. 4); sets A instead of --A.")
    Double meanFieldN0;

    // no "-V" alias: it would clash with the standard "-V, --version" and silently drop every subcommand's --help
    @Option(names = "--V", paramLabel = "VOLUME", description = "Cluster volume V in um^3.")
    Double volume;

    @Option(names = "--gamma", paramLabel = "RATE", description = "Singlet recombination constant Gamma in s^-1 um^3.")
    Double singletRate;

    @Option(names = "--gamma-t", paramLabel = "RATE",
            description = "Triplet recombination constant Gamma_t in s^-1 um^3.")
    Double tripletRate;

    @Option(names = "--tau-s", paramLabel = "SECONDS", converter = InfinityDoubleConverter.class,
            description = "Spin-flip time tau_s in s; 'inf' for no spin flips.")
    Double spinFlipTime;

    /** Whether any option was given (so that a command may fall back to its built-in example). */
    public boolean isEmpty() {
        return preset == null && injectionRate == null && meanFieldN0 == null && volume == null
                && singletRate == null && tripletRate == null && spinFlipTime == null;
    }

    /**
     * The validated parameters, for a command without a built-in example: with no model option at all it fails
     * with "no model parameters: ..." pointing at {@code qpspin <command> --help}.
     *
     * @param command the subcommand's name, as typed
     * @throws UsageException as {@link #parameters()}, or when no model option was given
     */
    public ModelParameters requiredParameters(String command) {
        if (isEmpty()) {
            throw new UsageException("no model parameters: give --A --V --gamma --gamma-t --tau-s, or --preset "
                    + "aluminium --V --N0 (see qpspin " + command + " --help)");
        }
        return parameters();
    }

    /**
     * The validated parameters.
     *
     * @throws UsageException naming the missing or invalid option
     */
    public ModelParameters parameters() {
        ModelParameters p;
        try {
            p = parse();
        } catch (UsageException e) {
            if (meanFieldN0 != null && e.getMessage().startsWith("injection rate A")) {
                throw new UsageException("--N0 " + meanFieldN0 + " gives an injection rate that is not a finite "
                        + "number (" + e.getMessage() + ")");
            }
            throw e;
        }
        InputChecks.requireRepresentable(p, meanFieldN0);
        return p;
    }

    private ModelParameters parse() {
        if (injectionRate != null && meanFieldN0 != null) {
            throw new UsageException("give either --A or --N0, not both");
        }
        try {
            if (preset != null) {
                if (!preset.equalsIgnoreCase("aluminium") && !preset.equalsIgnoreCase("aluminum")) {
                    throw new UsageException("unknown --preset '" + preset + "'; known: aluminium");
                }
                if (singletRate != null || tripletRate != null || spinFlipTime != null) {
                    throw new UsageException("--preset aluminium fixes --gamma, --gamma-t and --tau-s; drop them");
                }
                double v = require(volume, "--V");
                if (meanFieldN0 != null) {
                    return Aluminium.withMeanFieldN0(meanFieldN0, v);
                }
                return Aluminium.parameters(require(injectionRate, "--A (or --N0)"), v);
            }
            double v = require(volume, "--V");
            double g = require(singletRate, "--gamma");
            double gt = require(tripletRate, "--gamma-t");
            double tau = require(spinFlipTime, "--tau-s");
            if (meanFieldN0 != null) {
                return ModelParameters.withMeanFieldN0(meanFieldN0, v, g, gt, tau);
            }
            return ModelParameters.of(require(injectionRate, "--A (or --N0)"), v, g, gt, tau);
        } catch (IllegalArgumentException e) {
            if (e instanceof UsageException) {
                throw e;
            }
            throw new UsageException(e.getMessage());
        }
    }

    private static double require(Double value, String option) {
        if (value == null) {
            throw new UsageException("missing " + option);
        }
        return value;
    }
}
