package org.qpspin.crosscheck;

import org.qpspin.fokkerplanck.FokkerPlanckComparison;
import org.qpspin.fokkerplanck.FokkerPlanckDiffusion;
import org.qpspin.fokkerplanck.FokkerPlanckDistribution;
import org.qpspin.fokkerplanck.GeneralDiffusion;
import org.qpspin.meanfield.MeanFieldFixedPoint;
import org.qpspin.meanfield.MeanFieldStationaryPoint;
import org.qpspin.model.ModelParameters;
import org.qpspin.model.Scales;
import org.qpspin.stationary.StationaryAnalysis;
import org.qpspin.stationary.StationaryResult;
import org.qpspin.stationary.StationarySolver;
import org.qpspin.stationary.StationarySolvers;
import org.qpspin.truncation.Truncation;

/**
 * One parameter set: the exact stationary state (StationaryAnalysis, honest truncation) against Eq. 7, its
 * 1D diffusion and the mean-field points. Immutable; carries the exact analysis for its diagnostics.
 */
public final class ExactVsFokkerPlanck {

    private final ModelParameters parameters;
    private final StationaryAnalysis exact;
    private final FokkerPlanckDistribution eq7;
    private final FokkerPlanckDiffusion diffusion;
    private final FokkerPlanckComparison comparison;
    private final GeneralDiffusion refined;
    private final FokkerPlanckComparison refinedComparison;
    private final MeanFieldFixedPoint meanField;
    private final MeanFieldStationaryPoint fullMeanField;

    private ExactVsFokkerPlanck(ModelParameters p, StationaryAnalysis exact) {
        this.parameters = p;
        this.exact = exact;
        this.diffusion = FokkerPlanckDiffusion.of(p);
        this.eq7 = diffusion.stationary();
        this.comparison = FokkerPlanckComparison.of(exact.result().marginalN(), eq7);
        this.refined = GeneralDiffusion.refined(p);
        this.refinedComparison = FokkerPlanckComparison.of(exact.result().marginalN(), refined);
        this.meanField = MeanFieldFixedPoint.of(p);
        this.fullMeanField = MeanFieldStationaryPoint.of(p);
    }

    /**
     * {@return automatic truncation, the {@code auto} solver}
     *
     * @param p the model parameters (A &gt; 0)
     */
    public static ExactVsFokkerPlanck of(ModelParameters p) {
        return of(p, Truncation.automatic(), StationarySolvers.auto());
    }

    /**
     * With a given truncation and solver.
     *
     * @param p the model parameters (A &gt; 0)
     * @param truncation the truncation of the exact solve
     * @param solver the stationary solver of the exact solve
     * @return the exact P(N) beside Eq. 7 and the refined diffusion, with their distances
     * @throws IllegalArgumentException when A = 0 (Eq. 7 has no meaning) or the solver rejects the chain
     */
    public static ExactVsFokkerPlanck of(ModelParameters p, Truncation truncation, StationarySolver solver) {
        if (p.totalInjectionRate() == 0.0) {
            throw new IllegalArgumentException("the Fokker-Planck comparison needs A > 0");
        }
        return new ExactVsFokkerPlanck(p, StationaryAnalysis.solve(p, truncation, solver));
    }

    /** {@return the parameters} */
    public ModelParameters parameters() {
        return parameters;
    }

    /** {@return the exact analysis (result, truncation history, solver, time)} */
    public StationaryAnalysis exact() {
        return exact;
    }

    /** {@return the exact result} */
    public StationaryResult exactResult() {
        return exact.result();
    }

    /** {@return Eq. 7} */
    public FokkerPlanckDistribution eq7() {
        return eq7;
    }

    /** {@return the 1D diffusion (drift, diffusion, S(0))} */
    public FokkerPlanckDiffusion diffusion() {
        return diffusion;
    }

    /** {@return the distances and moment errors} */
    public FokkerPlanckComparison comparison() {
        return comparison;
    }

    /** {@return the refined diffusion (Kramers–Moyal coefficients kept whole, {@link GeneralDiffusion#refined})} */
    public GeneralDiffusion refined() {
        return refined;
    }

    /** {@return the exact P(N) against the refined diffusion} */
    public FokkerPlanckComparison refinedComparison() {
        return refinedComparison;
    }

    /** {@return Eqs. 3–4} */
    public MeanFieldFixedPoint meanField() {
        return meanField;
    }

    /** {@return the full Eqs. 1–2 point and its stability} */
    public MeanFieldStationaryPoint fullMeanField() {
        return fullMeanField;
    }

    /** {@return mean-field N0 of Eq. 4} */
    public double n0() {
        return meanField.meanN();
    }

    /** {@return exact polarization ⟨m⟩/⟨N⟩ (0 fully polarized, → 1/2 unpolarized)} */
    public double exactFlippedFraction() {
        return exact.result().meanM() / exact.result().meanN();
    }

    /** {@return exact ⟨N⟩ / N_unpol, N_unpol = (2A/Γ)^½ V: the enhancement of Fig. 1} */
    public double exactEnhancement() {
        return exact.result().meanN() / Scales.of(parameters).unpolarizedClusterSize();
    }
}
