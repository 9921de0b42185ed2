package org.qpspin.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Samples prepared for the tests: N's integrated autocorrelation time and the batches that every batch-means
 * estimate uses.
 *
 * <p>Batch length: max(√n, 20·2τ_int(N)) samples, fewer when that leaves under {@value #MIN_BATCHES} batches (then a
 * warning). Batches never straddle two series; the last incomplete batch of each series is left out of the batch
 * statistics (not out of the counts).
 *
 * @param samples the samples
 * @param autocorrelationN the integrated autocorrelation time of N, in samples
 * @param batchLength samples per batch
 * @param batchCount number of complete batches over all series
 */
public record BatchedSamples(Samples samples, AutocorrelationTime autocorrelationN, int batchLength,
                             int batchCount) {

    /** Fewest batches accepted without a warning. */
    public static final int MIN_BATCHES = 30;

    /**
     * Measures τ_int(N) and chooses the batches.
     *
     * @param samples the samples
     * @param warnings receives the caveats: no Sokal window found, batches short against 2τ_int
     * @throws IllegalArgumentException when n / (2τ_int) is under 2 × {@link SampleValidator#MIN_EXPECTED}
     *                                  effective samples, or fewer than two batches fit
     * @return the samples with τ_int(N) and their batches
     */
    public static BatchedSamples of(Samples samples, List<String> warnings) {
        List<int[]> nSeries = series(samples, false);
        long n = samples.size();
        AutocorrelationTime tauN = AutocorrelationTime.of(nSeries);
        if (!tauN.windowFound()) {
            warnings.add("the series is too short for its autocorrelation time (no Sokal window found): "
                    + "the tests' correction for correlation is unreliable; record longer series");
        }
        double effective = n / tauN.inflation();
        if (effective < 2 * CellPartition.MIN_EXPECTED) {
            throw new IllegalArgumentException("too few effective samples: " + n + " samples with "
                    + "autocorrelation time " + Formats.g4(tauN.tau()) + " give about " + Formats.g4(effective)
                    + " independent ones");
        }
        int longest = 0;
        for (int[] s : nSeries) {
            longest = Math.max(longest, s.length);
        }
        int length = (int) Math.min(longest, Math.max(Math.ceil(Math.sqrt(n)), Math.ceil(20 * tauN.inflation())));
        length = Math.max(1, length);
        while (length > 1 && count(nSeries, length) < MIN_BATCHES) {
            length = Math.max(1, (int) (length * 0.8));
        }
        int count = count(nSeries, length);
        if (count < 2) {
            throw new IllegalArgumentException("too few samples for batch means: " + n);
        }
        if (length < 20 * tauN.inflation()) {
            warnings.add(String.format(Locale.ROOT, "batches of %d samples are short against 2 tau_int = %.3g: "
                    + "error bars may be too small; record longer series", length, tauN.inflation()));
        }
        return new BatchedSamples(samples, tauN, length, count);
    }

    private static int count(List<int[]> series, int length) {
        long c = 0;
        for (int[] s : series) {
            c += s.length / length;
        }
        return (int) Math.min(Integer.MAX_VALUE, c);
    }

    private static List<int[]> series(Samples samples, boolean m) {
        List<int[]> list = new ArrayList<>(samples.seriesCount());
        for (int s = 0; s < samples.seriesCount(); s++) {
            list.add(m ? samples.m(s) : samples.n(s));
        }
        return Collections.unmodifiableList(list);
    }

    /** {@return the series of N, one per independent run (read only, not copied)} */
    public List<int[]> nSeries() {
        return series(samples, false);
    }

    /** {@return the series of m (read only, not copied), or null when the samples have no m} */
    public List<int[]> mSeries() {
        return samples.hasM() ? series(samples, true) : null;
    }

    /** {@return number of samples n} */
    public long size() {
        return samples.size();
    }

    /** {@return effective number of independent samples of N: n / (2 τ_int)} */
    public double effectiveSamples() {
        return samples.size() / autocorrelationN.inflation();
    }

    /** {@return how many samples have N = k, for k = 0 … the largest sampled N} */
    public long[] countsN() {
        long[] counts = new long[samples.maxN() + 1];
        for (int[] s : nSeries()) {
            for (int v : s) {
                counts[v]++;
            }
        }
        return counts;
    }

    /**
     * The batch means of {@code value(x)} over every complete batch, series after series.
     *
     * @param series the series the batches cut (N or m)
     */
    double[] batchMeans(List<int[]> series, java.util.function.IntToDoubleFunction value) {
        double[] mean = new double[batchCount];
        int b = 0;
        for (int[] s : series) {
            int full = s.length / batchLength;
            for (int k = 0; k < full * batchLength; k++) {
                mean[b + k / batchLength] += value.applyAsDouble(s[k]) / batchLength;
            }
            b += full;
        }
        return mean;
    }
}
