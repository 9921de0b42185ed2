/**
 * Validation: samples of N (and m) from any simulator tested against the exact stationary law, with their
 * autocorrelation accounted for, one verdict and p-value per test and a Bonferroni verdict overall.
 *
 * <p>Place in the flow: parameters → … → solver → result (→ noise) → <b>validation</b>. The null hypothesis is an
 * {@link org.qpspin.validation.ExactDistribution} built from a stationary result (and, for timed samples, the
 * noise package's τ_N and S_N(ω)); the samples come from {@link org.qpspin.validation.SampleCsv} (any simulator's
 * CSV) or from {@code org.qpspin.montecarlo} ({@link org.qpspin.validation.Samples#of(
 * org.qpspin.montecarlo.MonteCarloResult)}).
 *
 * <p>Entry points: {@link org.qpspin.validation.SampleValidator} (composes the tests and returns a
 * {@link org.qpspin.validation.ValidationReport}); the tests, one class each behind
 * {@link org.qpspin.validation.SampleTest}, configured as {@code withDefaults().withSignificance(α)}:
 * {@link org.qpspin.validation.SizeDistributionGTest}, {@link org.qpspin.validation.StateDistributionGTest},
 * {@link org.qpspin.validation.SizeKolmogorovSmirnovTest}, {@link org.qpspin.validation.BatchMeansTest},
 * {@link org.qpspin.validation.CorrelationTimeTest} and {@link org.qpspin.validation.WelchSpectrumTest} (the last
 * two test the dynamics at the sampling interval and stand alone); the estimators they share,
 * {@link org.qpspin.validation.AutocorrelationTime}, {@link org.qpspin.validation.WelchSpectrum} and
 * {@link org.qpspin.validation.BatchedSamples}. Files: {@link org.qpspin.validation.SampleCsv#load} gives a
 * {@link org.qpspin.validation.SampleInput} (ordered series; a histogram; or jump times, whose time-weighted
 * {@link org.qpspin.validation.Occupation} the distribution tests take with the exact long-run covariance,
 * {@link org.qpspin.validation.OccupationEstimates}, {@link org.qpspin.validation.LongRunCovariance}), tested by
 * {@link org.qpspin.validation.SampleValidator#validate(org.qpspin.validation.SampleInput,
 * org.qpspin.validation.ExactDistribution)}. Method: docs/theory.md "Monte Carlo"; formats: docs/validation.md.
 */
package org.qpspin.validation;
