package org.qpspin.ordering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixSparseCSC;
import org.junit.jupiter.api.Test;
import org.qpspin.generator.Generator;
import org.qpspin.linalg.lu.SupernodalAnalysis;
import org.qpspin.model.ModelParameters;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.truncation.BandTruncation;

/** The lattice dissection: a permutation on any state set, the thin direction found, and the flops it saves. */
class LatticeDissectionTest {

    /** Γt = 0 (spin relaxation only): offsets (−2, −1), (0, ±1), (1, 0), (1, 1), one line thick along N − m. */
    private static final ModelParameters SPIN_RELAXATION = ModelParameters.withMeanFieldN0(60, 1.0, 50.0, 0.0, 1.0);
    /** Γt > 0: triplet annihilation adds (−2, 0) and (−2, −2), two lines thick in every direction tried. */
    private static final ModelParameters TRIPLET = ModelParameters.withMeanFieldN0(60, 1.0, 1.0, 0.01, 40.0);

    @Test
    void randomBandsOfBothStencilsGivePermutations() {
        SplittableRandom random = new SplittableRandom(20261207L);
        for (int trial = 0; trial < 120; trial++) {
            int nMax = random.nextInt(0, 200);
            int[] lo = new int[nMax + 1];
            int[] hi = new int[nMax + 1];
            for (int n = 0; n <= nMax; n++) {
                int top = n / 2;
                lo[n] = random.nextInt(0, top + 1);
                hi[n] = random.nextInt(lo[n], top + 1);
            }
            StateSpace space = trial % 3 == 0 ? StateSpace.rectangle(nMax, random.nextInt(0, 60))
                    : StateSpace.band(lo, hi);
            ModelParameters p = trial % 2 == 0 ? SPIN_RELAXATION : TRIPLET;
            Generator g = Generator.assemble(Prl2020RateModel.of(p), space);
            int[] order = Orderings.latticeDissection(space, g.matrix());
            assertTrue(Orderings.isPermutation(order, space.size()), space::toString);
        }
    }

    @Test
    void theThinDirectionIsFoundFromThePattern() {
        StateSpace space = StateSpace.rectangle(80, 20);
        // thickness of N, N − m, N + m, N − 2m, m
        assertArrayEquals(new int[] {2, 1, 3, 2, 1}, thicknessesOf(space, SPIN_RELAXATION));
        assertArrayEquals(new int[] {2, 2, 4, 2, 2}, thicknessesOf(space, TRIPLET));
        DMatrixSparseCSC wrong = new DMatrixSparseCSC(3, 3, 0);
        assertThrows(IllegalArgumentException.class, () -> Orderings.latticeDissection(space, wrong));
    }

    /**
     * On a long spin-relaxation band the one-line separators along N − m cut the LU's flops several times against
     * the axis-aligned {@link NestedDissection} (measured: 4.7× on the 974 787-state SR band of the peer comparison,
     * docs/benchmarks.md); with triplet annihilation there is no thinner direction and the two orders cost the same.
     */
    @Test
    void thinSeparatorsCutTheFlopsOnASpinRelaxationBand() {
        StateSpace band = BandTruncation.around(SPIN_RELAXATION, 330, 1e-10, 0);
        DMatrixSparseCSC l = Generator.assemble(Prl2020RateModel.of(SPIN_RELAXATION), band).matrix();
        double lattice = SupernodalAnalysis.of(l, Orderings.latticeDissection(band, l)).flops();
        double axis = SupernodalAnalysis.of(l, Orderings.nestedDissection(band)).flops();
        assertTrue(lattice < 0.5 * axis, () -> "lattice " + lattice + " vs axis-aligned " + axis + " flops on " + band);

        StateSpace wide = StateSpace.rectangle(200, 40);
        DMatrixSparseCSC t = Generator.assemble(Prl2020RateModel.of(TRIPLET), wide).matrix();
        double latticeT = SupernodalAnalysis.of(t, Orderings.latticeDissection(wide, t)).flops();
        double axisT = SupernodalAnalysis.of(t, Orderings.nestedDissection(wide)).flops();
        assertTrue(latticeT < 1.1 * axisT, () -> "lattice " + latticeT + " vs axis-aligned " + axisT + " flops");
    }

    /**
     * With triplet annihilation every direction is two lines thick, but where the band's m window is the whole
     * triangle m ≤ N/2 (the wedge before the m cap) a line of N − m or N − 2m crosses fewer states than a level:
     * choosing the direction region by region cut the flops 1.9× on the 1 014 507-state TA band of the peer
     * comparison against the levels-only cut of the axis-aligned order (docs/benchmarks.md, issue 17, 2026-12-08);
     * on this 26 568-state band 1.38× (lattice 2.53 × 10⁸, axis 3.50 × 10⁸ flops). One direction for the whole band
     * (the order before this change) costs the same as the axis-aligned one here.
     */
    @Test
    void theDirectionChosenPerRegionCutsTheFlopsOnATripletBand() {
        ModelParameters ta = ModelParameters.withMeanFieldN0(230, 1.0, 1.0, 1.0 / (25.0 * 230), Double.POSITIVE_INFINITY);
        StateSpace band = BandTruncation.around(ta, 900, 1e-10, 0);
        DMatrixSparseCSC l = Generator.assemble(Prl2020RateModel.of(ta), band).matrix();
        double lattice = SupernodalAnalysis.of(l, Orderings.latticeDissection(band, l)).flops();
        double axis = SupernodalAnalysis.of(l, Orderings.nestedDissection(band)).flops();
        assertTrue(lattice < 0.8 * axis, () -> "lattice " + lattice + " vs axis-aligned " + axis + " flops on " + band);
    }

    private static int[] thicknessesOf(StateSpace space, ModelParameters p) {
        Generator g = Generator.assemble(Prl2020RateModel.of(p), space);
        int[] level = new int[space.size()];
        int[] m = new int[space.size()];
        for (int i = 0; i < space.size(); i++) {
            level[i] = space.levelOf(i);
            m[i] = space.mOf(i);
        }
        return LatticeDissection.thicknesses(level, m, g.matrix());
    }
}
