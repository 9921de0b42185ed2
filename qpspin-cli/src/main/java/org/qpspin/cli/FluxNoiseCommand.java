package org.qpspin.cli;

import static org.qpspin.cli.SummaryFormat.g;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.qpspin.fokkerplanck.FokkerPlanckDiffusion;
import org.qpspin.fokkerplanck.PaperLimits;
import org.qpspin.model.ModelParameters;
import org.qpspin.model.Regime;
import org.qpspin.model.Scales;
import org.qpspin.noise.FluxNoiseEstimate;
import org.qpspin.noise.NoiseAnalysis;
import org.qpspin.noise.NoiseSpectrum;
import org.qpspin.noise.Observable;
import org.qpspin.noise.SpectrumOptions;
import org.qpspin.noise.ZeroFrequencyNoise;
import org.qpspin.stationary.IterativeDiagnostics;
import org.qpspin.stationary.StationaryAnalysis;
import org.qpspin.stationary.StationaryResult;
import org.qpspin.truncation.TruncationAttempt;
import org.qpspin.truncation.TruncationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qpspin flux-noise}: the paper's experimental estimate S_Φ = φ₁² S_N/3 for a cluster in a SQUID arm,
 * from the exact chain where it can be solved and from the 1D Fokker–Planck diffusion always, against an
 * unpolarized cluster of the same parameters. Aluminium, V = (100 nm)³, N0 = 10⁴ (the paper's example) by default.
 */
@Command(name = "flux-noise", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Flux noise S_Phi that a polarized cluster gives a SQUID.",
        description = {"Flux noise of a spin-polarized quasiparticle cluster in a SQUID arm:",
                "S_spin = S_2S/3 (paper: S_N/3), S_Phi = phi1^2 S_spin in Phi0^2/Hz, against an",
                "unpolarized cluster of the same parameters. Defaults: --preset aluminium",
                "--V 0.001 --N0 1e4 (the paper's example, at the edge of polarization N0 = Nc; the",
                "exact chain needs ~3e7 states there even on two-sided windows (docs/validation.md),",
                "beyond the direct solvers, so the Fokker-Planck line carries it; try --N0 40).",
                "The exact chain is truncated on two-sided windows (--windows) unless --band or",
                "--n-max is given.",
                "Spectra are two-sided (docs/model.md); one-sided densities are printed beside them."},
        footer = {"", "Exit codes: 0 ok; 2 bad input (one line on stderr)."})
public final class FluxNoiseCommand implements Callable<Integer> {

    /** The paper's example: V = (100 nm)³ in µm³. */
    static final double DEFAULT_VOLUME = 1e-3;
    /** The paper's example: N0 = 10⁴. */
    static final double DEFAULT_N0 = 1e4;

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Mixin
    TruncationOptions truncation;

    @Option(names = "--width", paramLabel = "NM",
            description = "Estimate phi1 = mu0 muB / width from the width of the SQUID arm in nm instead of the "
                    + "paper's phi1 (100 nm gives 5.6e-8 Phi0).")
    Double widthNm;

    @Option(names = "--phi1", paramLabel = "PHI0",
            description = "Flux of one Bohr magneton through the loop in Phi0 (default: the paper's "
                    + PAPER_PHI1 + "; overrides --width).")
    Double phi1;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Plot S_Phi(f) (exact chain where solved, Fokker-Planck, unpolarized) to FILE (.png or .svg).")
    Path plot;

    /** The paper's φ₁ for its example: 1e-7 Φ0 per Bohr magneton. */
    static final double PAPER_PHI1 = 1e-7;

    @Mixin
    JsonOption json;

    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() {
        model.applyParamsFile();
        if (plot != null) {
            PlotTheme.requirePlotFile(plot);
        }
        if (model.preset == null && model.singletRate == null && model.tripletRate == null
                && model.spinFlipTime == null) {
            model.preset = "aluminium";
        }
        if (model.volume == null) {
            model.volume = DEFAULT_VOLUME;
        }
        if (model.injectionRate == null && model.meanFieldN0 == null) {
            model.meanFieldN0 = DEFAULT_N0;
        }
        ModelParameters p = model.parameters();
        String rateModel = model.rateModelName();
        if (p.totalInjectionRate() == 0.0) {
            throw new UsageException("no noise with A = 0: the only stationary state is the empty cluster");
        }
        double flux;
        if (widthNm != null && !(widthNm > 0.0 && Double.isFinite(widthNm))) {
            throw new UsageException("--width must be finite and > 0 nm, got " + widthNm);
        }
        if (phi1 != null) {
            if (!(phi1 > 0.0) || !Double.isFinite(phi1)) {
                throw new UsageException("--phi1 must be finite and > 0 (Phi0), got " + phi1);
            }
            flux = phi1;
        } else if (widthNm != null) {
            flux = FluxNoiseEstimate.singleSpinFlux(widthNm * 1e-9);
        } else {
            flux = PAPER_PHI1;
        }
        String fluxSource = phi1 != null ? "--phi1" : widthNm != null ? "mu0 muB / width, width " + widthNm + " nm"
                : "the paper's value";
        truncation.windowsByDefault = true; // the paper's example sits on the edge of polarization
        truncation.truncation(); // the truncation options checked before any work
        PrintWriter err = spec.commandLine().getErr();
        FluxNoiseEstimate exact = null;
        ZeroFrequencyNoise exactN = null;
        String exactNote = null;
        long statesNeeded = -1;
        NoiseSetup solved = null;
        double[] exactF = null;
        double[] exactS = null;
        try {
            quiet.report(err, "solving the exact chain...");
            long started = System.nanoTime();
            NoiseSetup setup = NoiseSetup.of(model.rateModel(p), truncation, err, quiet.isSet(),
                    AttemptLines.orNull(err, quiet.isSet()));
            solved = setup;
            StationaryAnalysis sa = setup.stationary;
            NoiseAnalysis a = setup.analysis;
            exactN = setup.zeroFrequency(Observable.particleNumber()); // the check solve's, not a second solve
            StationaryResult r = sa.result();
            // on stderr as soon as known, so that an interrupted run keeps the stationary answer and S_N(0)
            quiet.report(err, String.format(Locale.ROOT, "exact chain: %d states, <N> = %.9g, Var N = %.9g, <m> = "
                            + "%.9g, cost %.3g, residual %.3g; S_N(0) = %.9g /Hz; %.1f s so far; S_2S(0) solve...",
                    r.states(), exactN.mean(), exactN.variance(), r.meanM(), r.relativeOmittedFlux(),
                    r.relativeResidual(), exactN.zeroFrequency(), (System.nanoTime() - started) * 1e-9));
            ZeroFrequencyNoise moment = a.zeroFrequency(FluxNoiseEstimate.moment());
            quiet.report(err, String.format(Locale.ROOT, "S_2S(0) = %.9g /Hz; %.1f s in all", moment.zeroFrequency(),
                    (System.nanoTime() - started) * 1e-9));
            exact = FluxNoiseEstimate.of(p, exactN.zeroFrequency(), moment.zeroFrequency(), flux);
            if (plot != null) {
                double tau = moment.correlationTime();
                double corner = Double.isFinite(tau) && tau > 0 ? 1.0 / (2 * Math.PI * tau) : 1.0;
                double[] w = new double[120];
                for (int i = 0; i < w.length; i++) {
                    w[i] = 2 * Math.PI * 1e-3 * corner * Math.pow(1e6, i / (double) (w.length - 1));
                }
                quiet.report(err, "spectrum of 2S at " + w.length + " frequencies...");
                NoiseSpectrum spin = a.spectrum(FluxNoiseEstimate.moment(), w, SpectrumOptions.defaults());
                exactF = spin.frequencyHz();
                exactS = spin.values().clone();
                for (int i = 0; i < exactS.length; i++) {
                    exactS[i] *= flux * flux / 3.0;
                }
            }
        } catch (UsageException e) {
            throw e;
        } catch (IllegalArgumentException | IllegalStateException | OutOfMemoryError e) {
            exactNote = outOfReach(e);
            statesNeeded = e instanceof TruncationException t ? t.statesNeeded() : -1;
            exact = null;
            solved = null;
        }
        FokkerPlanckDiffusion fp = NoiseCommand.fokkerPlanck(p);
        FluxNoiseEstimate fpEstimate = fp == null ? null
                : FluxNoiseEstimate.of(p, fp.zeroFrequencyNoise(), fp.zeroFrequencyNoise(), flux);
        if (plot != null) {
            FluxNoiseEstimate any = exact != null ? exact : fpEstimate;
            ResultPlots.fluxNoise(p, flux, exactF, exactS, fpEstimate == null ? 0.0 : fpEstimate.fluxNoisePaper(),
                    fp == null ? Double.NaN : fp.correlationTime(), any == null ? 0.0 : any.unpolarizedFluxNoise(),
                    any == null ? Double.NaN : any.unpolarizedMemoryTime(),
                    exactNote == null ? null : "Exact chain: " + exactNote.replace("exact chain ", ""), plot);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.isSet()) {
            out.println(toJson(p, rateModel, flux, exact, exactN, solved, exactNote, statesNeeded, fp, fpEstimate, plot,
                    fluxSource));
        } else {
            print(out, p, rateModel, flux, exact, exactN, solved, exactNote, fp, fpEstimate, fluxSource);
        }
        out.flush();
        if (plot != null) {
            AtomicOutput.report(err, java.util.List.of(plot));
        }
        return 0;
    }

    /**
     * The note that stands in for the exact chain when it cannot be solved here: the refusal's own message, or
     * for an {@link OutOfMemoryError} the heap and what to do (the Fokker–Planck line still follows).
     */
    static String outOfReach(Throwable e) {
        return "exact chain out of reach here: " + (e instanceof OutOfMemoryError ? Main.outOfMemory()
                : e.getMessage());
    }

    private static void print(PrintWriter out, ModelParameters p, String rateModel, double flux, FluxNoiseEstimate exact,
                              ZeroFrequencyNoise exactN, NoiseSetup solved, String exactNote, FokkerPlanckDiffusion fp,
                              FluxNoiseEstimate fpEstimate, String fluxSource) {
        Scales sc = Scales.of(p);
        Regime regime = Regime.classify(p);
        out.println("qpspin flux-noise: spin-polarized cluster in a SQUID arm (two-sided S per Hz; one-sided = 2 S), "
                + "rate model " + rateModel);
        out.println();
        SummaryFormat.printParametersLine(out, p);
        out.printf(Locale.ROOT, "scales       regime %s, Nc = %s, t_f = (A Gamma_t^2/V)^(-1/3) = %s s%n",
                regimeLabel(p), g(sc.criticalClusterSize()), g(sc.tripletNoiseTime()));
        out.printf(Locale.ROOT, "coupling     phi1 = %.4g Phi0 per Bohr magneton (%s)%n", flux, fluxSource);
        if (exact != null) {
            StationaryResult r = solved.stationary.result();
            out.printf(Locale.ROOT, "exact chain  (%s rates, %d states, %s, solver %s)%n", rateModel, r.states(),
                    solved.stationary.truncation(), r.solver());
            out.printf(Locale.ROOT, "  <N> = %.6g, Var N = %.6g, <m> = %.6g, S_N(0) = %.6g /Hz, tau_N = %.4g s%n",
                    exactN.mean(), exactN.variance(), r.meanM(), exactN.zeroFrequency(), exactN.correlationTime());
            out.printf(Locale.ROOT, "  residual %.3g (relative), truncation cost %.3g (omitted flux / AV; %s)%n",
                    r.relativeResidual(), r.relativeOmittedFlux(), solved.verdict.toleranceWords());
            IterativeDiagnostics it = solved.stationary.factorization().iterativeDiagnostics();
            if (it != null) {
                out.printf(Locale.ROOT, "  iterative (%s, %d levels): %d cycles + %d GMRES iterations%s; estimated "
                                + "error of <N> %.2g, of Var N %.2g%n", it.method(), it.levels(), it.cycles(),
                        it.krylovIterations(), it.converged() ? "" : ", NOT converged", it.meanNError(),
                        it.varianceNError());
            }
            line(out, exact, true);
        } else {
            out.println("exact chain  " + exactNote);
        }
        if (fpEstimate != null) {
            out.printf(Locale.ROOT, "1D Fokker-Planck (Eq. 7 diffusion%s)%n", "prl2020".equals(rateModel) ? ""
                    : "; a limit of the PRL 2020 rates, not of " + rateModel);
            out.printf(Locale.ROOT, "  <N> = %.6g, Var N = %.6g, S_N(0) = %.6g /Hz, tau_N = %.4g s "
                            + "(S/(Var t_f) = %.4g, paper 0.6 in the TA limit)%n", fp.stationary().mean(),
                    fp.stationary().variance(), fp.zeroFrequencyNoise(), fp.correlationTime(),
                    fp.noiseOverVarianceTimesTripletTime());
            line(out, fpEstimate, false);
        }
        FluxNoiseEstimate any = exact != null ? exact : fpEstimate;
        if (any != null) {
            out.printf(Locale.ROOT, "unpolarized  N_u = %.6g, spin memory %.3g s: S_spin = %.4g /Hz, "
                            + "S_Phi = %.4g Phi0^2/Hz (one-sided %.4g)%n", any.unpolarizedClusterSize(),
                    any.unpolarizedMemoryTime(), any.unpolarizedSpinNoise(), any.unpolarizedFluxNoise(),
                    FluxNoiseEstimate.oneSided(any.unpolarizedFluxNoise()));
            out.printf(Locale.ROOT, "enhancement  S_Phi / S_Phi(unpolarized) = %.3g (10^%.1f)%n", any.enhancement(),
                    Math.log10(any.enhancement()));
        }
        out.printf(Locale.ROOT, "paper        TA example: t_f ~ 0.5e-4 s, S_Phi ~ 1e-12 Phi0^2/Hz with phi1 ~ 1e-7 Phi0 "
                + "(coefficients %.1f / %.1f)%n", PaperLimits.SR_NOISE, PaperLimits.TA_NOISE);
    }

    /**
     * The regime label with the truth about the polarization edge: where A Γt² V² / Γ³ (the unpolarized
     * boundary's variable, N0/Nc squared in mean field at V &lt; Vc) lies within a factor {@value #EDGE_FACTOR} of 1,
     * the mean-field label flips on a hair and the cluster is partly polarized (the paper's example sits exactly
     * there: N0 = Nc = 10⁴): "edge of polarization (N0 ~ Nc; mean field: ...)".
     */
    static String regimeLabel(ModelParameters p) {
        Regime regime = Regime.classify(p);
        double g = p.singletRate();
        double gt = p.tripletRate();
        double v = p.volume();
        double edge = gt == 0.0 ? 0.0 : p.injectionRate() * gt * gt * v * v / (g * g * g);
        boolean nearVolumeEdge = v < Scales.of(p).criticalVolume() || regime == Regime.UNPOLARIZED;
        if (nearVolumeEdge && edge > 1.0 / EDGE_FACTOR && edge < EDGE_FACTOR) {
            return "edge of polarization (N0 ~ Nc, A Gamma_t^2 V^2 / Gamma^3 = " + g(edge) + "; mean field: "
                    + regime.label() + ")";
        }
        return regime.label();
    }

    /** Factor around the unpolarized boundary called "the edge". */
    static final double EDGE_FACTOR = 2.0;

    private static void line(PrintWriter out, FluxNoiseEstimate e, boolean exactMoment) {
        if (exactMoment) {
            out.printf(Locale.ROOT, "  S_spin = S_2S/3 = %.6g /Hz (paper's S_N/3 = %.6g)%n", e.spinNoise(),
                    e.spinNoisePaper());
        } else {
            out.printf(Locale.ROOT, "  S_spin = S_N/3 = %.6g /Hz%n", e.spinNoisePaper());
        }
        out.printf(Locale.ROOT, "  S_Phi  = %.4g Phi0^2/Hz (one-sided %.4g)%n", e.fluxNoise(),
                FluxNoiseEstimate.oneSided(e.fluxNoise()));
    }

    private static String toJson(ModelParameters p, String rateModel, double flux, FluxNoiseEstimate exact,
                                 ZeroFrequencyNoise exactN, NoiseSetup solved, String exactNote, long statesNeeded,
                                 FokkerPlanckDiffusion fp, FluxNoiseEstimate fpe, Path plot, String fluxSource) {
        ObjectNode root = JsonOutput.object("flux-noise");
        root.put("rateModel", rateModel);
        root.put("convention", "two-sided per Hz (docs/model.md); one-sided = 2x");
        root.put("phi1", flux);
        root.put("phi1Source", fluxSource);
        root.put("tF", Scales.of(p).tripletNoiseTime());
        root.putObject("meanField").put("regime", Regime.classify(p).label());
        root.put("regimeNote", regimeLabel(p));
        if (exact != null) {
            ObjectNode e = root.putObject("exact");
            StationaryResult r = solved.stationary.result();
            e.put("solved", true);
            e.put("states", r.states());
            e.put("meanN", exactN.mean());
            e.put("varN", exactN.variance());
            e.put("meanM", r.meanM());
            e.put("sN0", exact.particleNoise());
            e.put("correlationTime", exactN.correlationTime());
            e.put("tF", Scales.of(p).tripletNoiseTime());
            e.put("sSpin", exact.spinNoise());
            e.put("sSpinPaper", exact.spinNoisePaper());
            e.put("sPhi", exact.fluxNoise());
            e.put("sPhiPaper", exact.fluxNoisePaper());
            e.put("sPhiOneSided", FluxNoiseEstimate.oneSided(exact.fluxNoise()));
            e.put("sPhiEnhancement", exact.enhancement());
            e.put("relativeResidual", r.relativeResidual());
            e.put("relativeOmittedFlux", r.relativeOmittedFlux());
            solved.verdict.putJson(e);
            e.put("solver", r.solver());
            e.put("truncation", solved.stationary.truncation().toString());
            ArrayNode attempts = e.putArray("attempts");
            for (TruncationAttempt at : solved.stationary.attempts()) {
                ObjectNode o = attempts.addObject();
                o.put("states", at.states());
                o.put("nMax", at.nMax());
                o.put("relativeOmittedFlux", at.relativeOmittedFlux());
                o.put("screening", at.solver().contains("screening"));
                o.put("seconds", at.seconds());
                o.put("solver", at.solver());
            }
            e.put("stationarySeconds", solved.stationary.seconds());
            IterativeDiagnostics it = solved.stationary.factorization().iterativeDiagnostics();
            if (it != null) {
                ObjectNode i = e.putObject("iterative");
                i.put("method", it.method());
                i.put("levels", it.levels());
                i.put("cycles", it.cycles());
                i.put("krylovIterations", it.krylovIterations());
                i.put("converged", it.converged());
                i.put("relativeResidual", it.relativeResidual());
                i.put("meanNError", it.meanNError());
                i.put("varianceNError", it.varianceNError());
            }
        } else {
            root.put("exactNote", exactNote);
            ObjectNode e = root.putObject("exact");
            e.put("solved", false);
            e.put("note", exactNote);
            if (statesNeeded > 0) {
                e.put("statesNeeded", statesNeeded);
            } else {
                e.putNull("statesNeeded");
            }
        }
        if (fpe != null) {
            ObjectNode f = root.putObject("fokkerPlanck");
            f.put("rateModel", "prl2020"); // Eq. 7's diffusion is a limit of the PRL 2020 rates only
            f.put("meanN", fp.stationary().mean());
            f.put("varN", fp.stationary().variance());
            f.put("sN0", fpe.particleNoise());
            f.put("sSpin", fpe.spinNoisePaper());
            f.put("sPhi", fpe.fluxNoisePaper());
            f.put("sPhiOneSided", FluxNoiseEstimate.oneSided(fpe.fluxNoisePaper()));
            f.put("sPhiEnhancement", fpe.fluxNoisePaper() / fpe.unpolarizedFluxNoise());
        }
        FluxNoiseEstimate any = exact != null ? exact : fpe;
        if (any != null) {
            ObjectNode u = root.putObject("unpolarized");
            u.put("NUnpolarized", any.unpolarizedClusterSize());
            u.put("memoryTime", any.unpolarizedMemoryTime());
            u.put("sSpin", any.unpolarizedSpinNoise());
            u.put("sPhi", any.unpolarizedFluxNoise());
        }
        JsonOutput.putParameters(root, p);
        if (plot != null) {
            root.put("plot", plot.toString());
        }
        return JsonOutput.write(root);
    }
}
