package org.qpspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qpspin.dynamics.FirstPassage;
import org.qpspin.dynamics.FirstPassageResult;
import org.qpspin.dynamics.StartDistribution;
import org.qpspin.dynamics.TargetSet;
import org.qpspin.dynamics.TransientAnalysis;
import org.qpspin.dynamics.TransientResult;
import org.qpspin.rates.RateModel;
import org.qpspin.model.Aluminium;
import org.qpspin.model.ModelParameters;
import org.qpspin.validation.ExactDistribution;
import org.qpspin.montecarlo.GillespieSimulator;
import org.qpspin.montecarlo.MonteCarloResult;
import org.qpspin.montecarlo.MonteCarloSettings;
import org.qpspin.validation.SampleValidator;
import org.qpspin.validation.Samples;
import org.qpspin.validation.ValidationReport;
import org.qpspin.noise.NoiseAnalysis;
import org.qpspin.noise.NoiseSpectrum;
import org.qpspin.noise.Observable;
import org.qpspin.noise.ZeroFrequencyNoise;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.stationary.StationaryAnalysis;
import org.qpspin.stationary.StationaryResult;

/**
 * The README's "From Java" examples, compiled and run: the code between the {@code // README name begin/end}
 * markers below must equal the README's java blocks, in order (so the README cannot drift from code that works),
 * and each example's numbers are checked.
 */
class ReadmeExamplesTest {

    static StationaryAnalysis stationary() {
        // README stationary begin
        ModelParameters p = Aluminium.withMeanFieldN0(100, 0.001);   // V = 0.001 um^3, A such that N0 = 100 (Eq. 4)
        StationaryAnalysis a = StationaryAnalysis.solve(p);           // automatic truncation to 1e-10, auto solver
        StationaryResult r = a.result();
        double meanN = r.meanN();                                     // also varianceN(), meanM(), marginalN(), ...
        double cost = r.relativeOmittedFlux();                        // truncation cost (omitted flux / AV)
        // README stationary end
        assertEquals(102.32496, meanN, 1e-4);
        assertTrue(cost <= 1e-10, "cost " + cost);
        return a;
    }

    static ZeroFrequencyNoise noise(StationaryAnalysis a) {
        // README noise begin
        NoiseAnalysis noise = NoiseAnalysis.of(a);                    // reuses a's factorization, or makes one
        ZeroFrequencyNoise s0 = noise.zeroFrequency(Observable.particleNumber());  // S_N(0) per Hz, Var N, tau
        NoiseSpectrum s = noise.spectrum(Observable.particleNumber(), new double[] {1, 10, 100});  // omega in rad/s
        double sN0 = s0.zeroFrequency();                              // two-sided; one-sided = 2 S
        double[] sN = s.values();
        // README noise end
        assertTrue(sN0 > sN[0] && sN[0] > sN[1] && sN[1] > sN[2], "S_N(omega) falls from S_N(0)");
        return s0;
    }

    static ValidationReport validation() {
        // README validation begin
        ModelParameters q = ModelParameters.of(50, 1, 10, 0.5, 0.2);  // A, V, Gamma, Gamma_t, tau_s
        MonteCarloResult mc = GillespieSimulator.of(Prl2020RateModel.of(q))
                .run(MonteCarloSettings.of(200).withSampleInterval(0.01).withSeed(1));
        StationaryResult exact = StationaryAnalysis.solve(q).result();
        ValidationReport report = SampleValidator.withDefaults().withSignificance(0.01)
                .validate(Samples.of(mc), ExactDistribution.of(exact.space(), exact.probabilitiesView()));
        boolean consistent = report.passed();                         // every test's verdict: report.tests()
        // README validation end
        assertTrue(consistent, report.toString());
        return report;
    }

    static FirstPassageResult dynamics() {
        // README dynamics begin
        ModelParameters q = ModelParameters.of(50, 1, 10, 0.5, 0.2);  // A, V, Gamma, Gamma_t, tau_s
        RateModel rates = Prl2020RateModel.of(q);
        TransientResult tr = TransientAnalysis.withDefaults()       // exp(tL)v with an error bound; lost mass <= 1e-10
                .compute(rates, StartDistribution.pointMass(0, 0), new double[] {0.01, 0.1, 1.0}, null);
        double[] meanN = tr.meanN();                                  // <N>(t); also varianceN(), meanM(), lostMass()
        FirstPassageResult fp = FirstPassage.withDefaults()          // from the empty cluster to N >= 5
                .compute(rates, StartDistribution.pointMass(0, 0), TargetSet.parse("N>=5"), null,
                        new double[] {0.5, 0.9}, null);
        double meanTime = fp.meanTime();                              // E[tau] in s; quantiles(), cdf() at times()
        // README dynamics end
        assertTrue(meanN[0] < meanN[1] && meanN[1] < meanN[2], "the cluster builds up");
        assertTrue(fp.meanTimeLowerBound() <= meanTime && meanTime > 0.0, "E[tau] above its proven lower bound");
        return fp;
    }

    @Test
    void dynamicsRunAsPrinted() {
        dynamics();
    }

    @Test
    void stationaryAndNoiseRunAsPrinted() {
        StationaryAnalysis a = stationary();
        assertTrue(!a.hasFactorization(), "solve keeps no factorization: NoiseAnalysis.of must make one");
        ZeroFrequencyNoise s0 = noise(a);
        // the one-call route gives the same S_N(0) as the factorize route
        ZeroFrequencyNoise kept = NoiseAnalysis.of(StationaryAnalysis.factorize(a.parameters()))
                .zeroFrequency(Observable.particleNumber());
        assertEquals(kept.zeroFrequency(), s0.zeroFrequency(), 1e-9 * kept.zeroFrequency());
    }

    @Test
    void validationRunsAsPrinted() {
        validation();
    }

    @Test
    void readmeShowsExactlyTheseExamples() throws IOException {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int from = text.indexOf("### From Java");
        assertTrue(from >= 0, "README has a '### From Java' section");
        int end = text.indexOf("\n## ", from);
        String section = text.substring(from, end < 0 ? text.length() : end);
        List<String> blocks = new ArrayList<>();
        for (int i = section.indexOf("```java\n"); i >= 0; i = section.indexOf("```java\n", i)) {
            int close = section.indexOf("```", i + 8);
            blocks.add(section.substring(i + 8, close));
            i = close + 3;
        }
        String source = Files.readString(Path.of("src", "test", "java", "org", "qpspin", "cli",
                "ReadmeExamplesTest.java"), StandardCharsets.UTF_8);
        List<String> expected = List.of(snippet(source, "stationary"), snippet(source, "noise"),
                snippet(source, "validation"), snippet(source, "dynamics"));
        assertEquals(expected, blocks);
    }

    /** The lines between the markers, without the method body's 8-space indentation. */
    static String snippet(String source, String name) {
        String begin = "// README " + name + " begin\n";
        int i = source.indexOf(begin) + begin.length();
        int j = source.lastIndexOf("\n", source.indexOf("// README " + name + " end"));
        StringBuilder b = new StringBuilder();
        for (String line : source.substring(i, j + 1).split("\n")) {
            b.append(line.startsWith("        ") ? line.substring(8) : line.strip()).append('\n');
        }
        return b.toString();
    }
}
