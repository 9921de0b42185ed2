/**
 * The Fokker–Planck limit: the paper's continuous description of the cluster size N (Eqs. 7–9) and its
 * zero-frequency noise, to compare the exact chain with.
 *
 * <p>Place in the flow: a limit beside the exact chain (parameters → diffusion in N); compared with the exact
 * result by {@code org.qpspin.crosscheck}.
 *
 * <p>Entry points: {@link org.qpspin.fokkerplanck.FokkerPlanckDistribution} (Eq. 7),
 * {@link org.qpspin.fokkerplanck.PaperLimits} (Eqs. 8–9 and the paper's S_N(0) coefficients),
 * {@link org.qpspin.fokkerplanck.FokkerPlanckDiffusion} and {@link org.qpspin.fokkerplanck.GeneralDiffusion}
 * (one-dimensional diffusions and their noise), {@link org.qpspin.fokkerplanck.FokkerPlanckComparison} (an exact
 * P(N) against any {@link org.qpspin.fokkerplanck.SizeDistribution}). Contract: docs/model.md "The paper's
 * results" and "Noise convention".
 */
package org.qpspin.fokkerplanck;
