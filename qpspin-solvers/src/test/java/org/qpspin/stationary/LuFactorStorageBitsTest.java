package org.qpspin.stationary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qpspin.generator.Generator;
import org.qpspin.linalg.lu.MultifrontalGth;
import org.qpspin.linalg.lu.SupernodalAnalysis;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;

/**
 * The sparse LU's numbers, bit for bit, against expectations stored from the code before its factors moved from one
 * array per front to a few large blocks (issue 17, 2026-12-07): the stationary vector (a 64-bit digest of its bits),
 * ⟨N⟩ and S_N(0) = 2 Σ_i N_i x_i with x the group-inverse solve of b = −(N − ⟨N⟩)∘p. Each chain runs serially in
 * one factor block with the update stacks, serially with one update array per front, and with every parallel path
 * forced (dense updates split, two subtrees at the same time) and the factors spread over many small blocks. No
 * tolerance: storage must not change a single operation.
 */
class LuFactorStorageBitsTest {

    static Stream<Arguments> chains() {
        return Stream.of(
                // spin relaxation, Γt = 0 (sheared order), and a triangle with triplet annihilation (its values
                // stored from the lattice order that chooses the direction per region, 2026-12-08: another order,
                // so other roundings; ⟨N⟩ moved by 1 ulp, S_N(0) by 8.9e-15 relative from the stored ones)
                Arguments.of("SR rectangle", ModelParameters.withMeanFieldN0(20, 1.0, 50.0, 0.0, 1.0),
                        StateSpace.rectangle(110, 12), 4665067982493209571L, 0x4036d490efb6ea8fL, 0x40493da7e57c5438L),
                Arguments.of("triangle", ModelParameters.withMeanFieldN0(30, 1.0, 1.0, 0.02, 3.0),
                        StateSpace.triangle(120), -2251633854743333231L, 0x404a5c530a10b52cL, 0x4036e830f2d10bbeL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chains")
    void sameBitsAsBeforeTheFactorBlocks(String name, ModelParameters p, StateSpace space, long digest, long meanBits,
                                         long noiseBits) {
        Generator g = Generator.assemble(Prl2020RateModel.of(p), space);
        double saved = MultifrontalGth.parallelFlops;
        double savedWork = SupernodalAnalysis.concurrentWork;
        int savedBlock = MultifrontalGth.blockEntries;
        boolean savedStacks = MultifrontalGth.updateStacks;
        try {
            for (int run = 0; run < 3; run++) {
                boolean parallel = run == 2;
                MultifrontalGth.updateStacks = run != 1;
                MultifrontalGth.parallelFlops = parallel ? 0.0 : Double.POSITIVE_INFINITY;
                SupernodalAnalysis.concurrentWork = parallel ? 0.0 : Double.POSITIVE_INFINITY;
                MultifrontalGth.blockEntries = parallel ? 1000 : savedBlock;
                long[] got = fingerprint(g, StationarySolvers.luFactorization(g));
                String what = name + (parallel ? " (parallel)" : run == 1 ? " (serial, per-front updates)"
                        : " (serial)");
                assertEquals(digest, got[0], what + ": stationary vector digest");
                assertEquals(meanBits, got[1], () -> what + ": <N> = " + Double.longBitsToDouble(got[1]));
                assertEquals(noiseBits, got[2], () -> what + ": S_N(0) = " + Double.longBitsToDouble(got[2]));
            }
        } finally {
            MultifrontalGth.parallelFlops = saved;
            SupernodalAnalysis.concurrentWork = savedWork;
            MultifrontalGth.blockEntries = savedBlock;
            MultifrontalGth.updateStacks = savedStacks;
        }
    }

    /** {digest of p's bits, bits of ⟨N⟩, bits of S_N(0)}. */
    private static long[] fingerprint(Generator g, StationaryFactorization f) {
        int n = g.size();
        double[] pi = f.stationary().probabilitiesView();
        double mean = f.stationary().meanN();
        long digest = 0xcbf29ce484222325L;
        for (double v : pi) {
            digest = (digest ^ Double.doubleToRawLongBits(v)) * 0x100000001b3L;
        }
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = -(g.space().levelOf(i) - mean) * pi[i];
        }
        double[] x = new double[n];
        f.solveGroupInverse(b, x);
        double noise = 0.0;
        for (int i = 0; i < n; i++) {
            noise += g.space().levelOf(i) * x[i];
        }
        return new long[] {digest, Double.doubleToRawLongBits(mean), Double.doubleToRawLongBits(2.0 * noise)};
    }
}
