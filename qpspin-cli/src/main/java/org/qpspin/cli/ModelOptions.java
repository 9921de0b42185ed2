package org.qpspin.cli;

import java.nio.file.Path;
import org.qpspin.model.Aluminium;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.RateModel;
import org.qpspin.rates.RateModels;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The model parameters shared by every command: either the five physical parameters, or the aluminium preset
 * with a volume and a mean-field N0 (or an injection rate). Units as in docs/model.md (s, µm).
 *
 * <p>Use as {@code @Mixin ModelOptions model;} and call {@link #parameters()}; invalid input raises
 * {@link UsageException} (exit code 2, one line, no stack trace).
 */
public final class ModelOptions {

    @Option(names = "--preset", paramLabel = "NAME",
            description = "Material preset: aluminium (Gamma, Gamma_t, tau_s from docs/model.md's microscopic "
                    + "constants).")
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

    @Option(names = "--rate-model", paramLabel = "NAME",
            description = "Rate model: prl2020 (the paper's rates, m << N) or exact-spin (exact spin algebra, "
                    + "docs/theory.md); default: the --params file's rateModel, else prl2020.")
    String rateModelOption;

    /**
     * {@return the chosen rate model's name: {@code --rate-model}, else the {@code --params} file's {@code rateModel},
     * else prl2020; checked ({@link UsageException} for an unknown one, before any work)}
     */
    public String rateModelName() {
        applyParamsFile();
        String name = rateModelOption != null ? rateModelOption
                : rateModelFromFile != null ? rateModelFromFile : PRL2020;
        if (!RateModels.NAMES.contains(name)) {
            throw new UsageException("unknown " + (rateModelOption != null ? "--rate-model" : "rateModel in --params")
                    + " '" + name + "'; known: " + String.join(", ", RateModels.NAMES));
        }
        return name;
    }

    /**
     * {@return the chosen rate model ({@code --rate-model}) for {@code parameters}}
     *
     * @param parameters the model parameters
     */
    public RateModel rateModel(ModelParameters parameters) {
        return RateModels.byName(rateModelName(), parameters);
    }

    /**
     * Refuses (exit 2, one line) a rate model other than prl2020 for a command whose comparison is a limit of the
     * PRL 2020 rates (mean field, Fokker-Planck).
     *
     * @param what the command or comparison named in the refusal
     */
    public void requirePrl2020(String what) {
        if (!"prl2020".equals(rateModelName())) {
            throw new UsageException(what + " is a limit of the PRL 2020 rates and has no " + rateModelName()
                    + " counterpart; use --rate-model prl2020 (model-comparison compares the two models)");
        }
    }

    @Option(names = "--params", paramLabel = "FILE.json",
            description = "Model parameters from a JSON file: the \"parameters\" object of any qpspin output (or that "
                    + "object alone); options given on the command line override it.")
    Path paramsFile;

    /** The name ({@code RateModel.name()}) of the default rate model, the paper's. */
    static final String PRL2020 = "prl2020";

    /** The rate model named by {@code --params} (null if none); {@code --rate-model} overrides it. */
    String rateModelFromFile;

    private boolean paramsApplied;

    /** {@return whether any option was given (so that a command may fall back to its built-in example)} */
    public boolean isEmpty() {
        return preset == null && injectionRate == null && meanFieldN0 == null && volume == null
                && singletRate == null && tripletRate == null && spinFlipTime == null && paramsFile == null;
    }

    /**
     * Fills the options not given on the command line from {@code --params} (once; {@link #parameters()} calls
     * it): an explicit option overrides the file, {@code --N0} overrides the file's A, and {@code --preset}
     * conflicts with a file that gives Γ, Γ_t or τ_s.
     *
     * @throws UsageException for an unreadable file, an unknown key or a conflict (one line)
     */
    void applyParamsFile() {
        if (paramsFile == null || paramsApplied) {
            return;
        }
        paramsApplied = true;
        ParamsFile f = ParamsFile.read(paramsFile);
        f.requireCompatible(preset, paramsFile);
        rateModelFromFile = f.rateModel();
        if (injectionRate == null && meanFieldN0 == null) {
            injectionRate = f.injectionRate();
        }
        volume = volume != null ? volume : f.volume();
        if (preset == null) {
            singletRate = singletRate != null ? singletRate : f.singletRate();
            tripletRate = tripletRate != null ? tripletRate : f.tripletRate();
            spinFlipTime = spinFlipTime != null ? spinFlipTime : f.spinFlipTime();
        }
    }

    /**
     * {@return the validated parameters, for a command without a built-in example: with no model option at all it fails
     * with "no model parameters: ..." pointing at {@code qpspin <command> --help}}
     *
     * @param command the subcommand's name, as typed
     * @throws UsageException as {@link #parameters()}, or when no model option was given
     */
    public ModelParameters requiredParameters(String command) {
        if (isEmpty()) {
            throw new UsageException("no model parameters: give --A --V --gamma --gamma-t --tau-s, or --preset "
                    + "aluminium --V --N0, or --params FILE.json (see qpspin " + command + " --help)");
        }
        return parameters();
    }

    /**
     * {@return the validated parameters}
     *
     * @throws UsageException naming the missing or invalid option
     */
    public ModelParameters parameters() {
        applyParamsFile();
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
