/**
 * The Monte Carlo simulator: exact stochastic trajectories of the chain by Gillespie's direct method,
 * bit-reproducible for a seed whatever the thread count.
 *
 * <p>Place in the flow: an independent route from the rates to samples (parameters → states → rates →
 * trajectories), beside generator → solver. Its time series are what {@code org.qpspin.validation} tests against
 * the exact stationary law (in qpspin-analysis).
 *
 * <p>Entry points: {@link org.qpspin.montecarlo.GillespieSimulator} (runs replicas in parallel),
 * {@link org.qpspin.montecarlo.MonteCarloSettings} (time, burn-in, replicas, sample interval, seed),
 * {@link org.qpspin.montecarlo.MonteCarloResult} (occupation histograms, realised rates, time series and their
 * CSV), {@link org.qpspin.montecarlo.MonteCarloControl} (progress and interruption).
 */
package org.qpspin.montecarlo;
