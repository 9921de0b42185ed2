package org.qpspin.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qpspin.generator.Generator;
import org.qpspin.linalg.ProgressListener;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.StationarySolvers;

/**
 * {@link SpectrumOptions#withProgress}: the Krylov steps (and the direct solves) are reported as one phase each,
 * monotonically up to the total and ending at it; the spectrum is bit-identical with and without the listener.
 */
class SpectrumProgressTest {

    @ParameterizedTest
    @EnumSource(SpectrumOptions.Route.class)
    void krylovAndDirectLoopsReportMonotonicallyAndChangeNoBit(SpectrumOptions.Route route) {
        Generator g = Generator.assemble(Prl2020RateModel.of(ModelParameters.withMeanFieldN0(20, 1, 10, 0, 1.0 / 3)),
                StateSpace.rectangle(60, 8));
        NoiseAnalysis a = NoiseAnalysis.of(g, StationarySolvers.lu().factorize(g));
        double[] omega = new double[40];
        for (int i = 0; i < omega.length; i++) {
            omega[i] = 1e-3 * Math.pow(1e6, i / (omega.length - 1.0));
        }
        List<String> phases = new ArrayList<>();
        long[] state = {-1, -1, 0}; // total, last, advances
        ProgressListener recorder = new ProgressListener() {
            @Override
            public void start(String phase, long total) {
                assertEquals(state[0], state[1], "the previous phase ended at its total");
                assertTrue(total > 0);
                phases.add(phase);
                state[0] = total;
                state[1] = 0;
            }

            @Override
            public void advance(long done) {
                assertTrue(done >= state[1] && done <= state[0], done + " after " + state[1] + " of " + state[0]);
                state[1] = done;
                state[2]++;
            }
        };
        SpectrumOptions options = SpectrumOptions.defaults().withRoute(route);
        NoiseSpectrum plain = a.spectrum(Observable.particleNumber(), omega, options);
        NoiseSpectrum listened = a.spectrum(Observable.particleNumber(), omega, options.withProgress(recorder));
        assertArrayEquals(plain.values(), listened.values(), 0.0);
        assertEquals(plain.krylovDimension(), listened.krylovDimension());
        assertEquals(List.of(route == SpectrumOptions.Route.DIRECT ? "noise spectrum: direct solves"
                : "noise spectrum: Krylov steps"), phases);
        assertEquals(state[0], state[1], "the phase ends at its total");
        assertTrue(state[2] > 2, "steps reported within the phase: " + state[2]);
        assertEquals(ProgressListener.NONE, SpectrumOptions.defaults().progress());
    }
}
