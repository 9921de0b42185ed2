package org.qpspin.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options of {@code qpspin fp-convergence} that define its four paths, checked and resolved by {@link #paths}.
 * A picocli mixin shared by {@code qpspin fp-convergence} and {@code qpspin sweep fp-convergence}.
 */
public final class FpConvergenceOptions {

    /** The command this mixin is part of (for which options were given on its command line). */
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--N0", split = ",", paramLabel = "N0,...", defaultValue = "10,20,40,80,160",
            description = "N0 values of the N0 paths (default ${DEFAULT-VALUE}).")
    double[] n0s;

    /** The old spelling of {@code --N0}, still accepted (hidden). */
    @Option(names = "--n0", split = ",", hidden = true, paramLabel = "N0,...")
    double[] legacyN0s;

    @Option(names = "--zeta", paramLabel = "ZETA", defaultValue = "0.001",
            description = "zeta held fixed on the N0 paths (default ${DEFAULT-VALUE}).")
    double zeta;

    @Option(names = "--zetas", split = ",", paramLabel = "Z,...", defaultValue = "0.1,0.03,0.01,0.003,0.001",
            description = "zeta values of the zeta paths (default ${DEFAULT-VALUE}).")
    double[] zetas;

    @Option(names = "--fixed-n0", paramLabel = "N0", defaultValue = "20",
            description = "N0 held fixed on the zeta paths (default ${DEFAULT-VALUE}).")
    double fixedN0;

    /**
     * {@return the four paths: SR and TA with N0 over {@code --N0} at ζ = {@code --zeta}, then SR and TA with ζ
     * over {@code --zetas} at N0 = {@code --fixed-n0}}, checked before any work.
     *
     * @throws UsageException (exit 2, one line) when both {@code --N0} and its old spelling {@code --n0} are given,
     *     when {@code --N0} or {@code --zetas} has fewer than 3 values (a rate fit has 3 parameters), when an N0 is
     *     not finite and &gt; 0, or when a ζ is outside (0, 1)
     */
    public List<FpConvergencePath> paths() {
        if (legacyN0s != null) {
            if (mixee.commandLine().getParseResult().hasMatchedOption("--N0")) {
                throw new UsageException("give --N0 once (--n0 is its old spelling)");
            }
            n0s = legacyN0s;
        }
        if (n0s.length < 3 || zetas.length < 3) {
            throw new UsageException("--N0 and --zetas need at least 3 values each (a rate fit has 3 parameters)");
        }
        for (double v : n0s) {
            if (!(v > 0.0) || !Double.isFinite(v)) {
                throw new UsageException("--N0 values must be finite and > 0, got " + v);
            }
        }
        for (double v : zetas) {
            if (!(v > 0.0 && v < 1.0)) {
                throw new UsageException("--zetas values must be in (0, 1), got " + v);
            }
        }
        if (!(zeta > 0.0 && zeta < 1.0)) {
            throw new UsageException("--zeta must be in (0, 1), got " + zeta);
        }
        if (!(fixedN0 > 0.0) || !Double.isFinite(fixedN0)) {
            throw new UsageException("--fixed-n0 must be finite and > 0, got " + fixedN0);
        }
        return FpConvergencePath.of(n0s, zeta, zetas, fixedN0);
    }
}
