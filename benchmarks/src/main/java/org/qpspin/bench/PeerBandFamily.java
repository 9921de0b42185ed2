package org.qpspin.bench;

import java.util.Arrays;
import java.util.List;
import org.qpspin.model.ModelParameters;
import org.qpspin.space.StateSpace;
import org.qpspin.truncation.BandTruncation;

/**
 * One of the three parameter families of the peer comparison (issue 17: spin-relaxation limited "SR",
 * triplet-annihilation limited "TA" and weakly polarized "weak"), at the mean-field size N0 and level cap nMax of the
 * 10⁶-state band run (benchmarks/peer/scipy_peer.py --sizes 1e6 --band 1e-10; docs/benchmarks.md). Units of
 * docs/model.md with A chosen so that the mean-field size is N0 at V = 1.
 *
 * @param name   the family's name in the peer tables
 * @param n0     mean-field size N0
 * @param nMax   the band's largest N
 * @param gamma  singlet recombination Γ
 * @param gammaT triplet recombination Γt (0: none)
 * @param tauS   spin-flip time τs (+∞: no spin flips)
 */
record PeerBandFamily(String name, double n0, int nMax, double gamma, double gammaT, double tauS) {

    /** SR, TA and weak at their 10⁶-state band sizes. */
    static final PeerBandFamily[] ALL = {
        new PeerBandFamily("SR", 1797.1, 9885, 50.0, 0.0, 1.0),
        new PeerBandFamily("TA", 2323.1, 8131, 1.0, 1.0 / (25.0 * 2323.1), Double.POSITIVE_INFINITY),
        new PeerBandFamily("weak", 553.1, 3043, 10.0, 0.0, 1.0 / 3.0),
    };

    /** {@return the model parameters: A such that the mean-field size is N0 at V = 1, and the family's rates} */
    ModelParameters parameters() {
        return ModelParameters.withMeanFieldN0(n0, 1.0, gamma, gammaT, tauS);
    }

    /**
     * {@return the families whose names are given, in the order of {@link #ALL}; all three if none is given}
     * Names that are not a family's are ignored (the drivers take shape arguments beside them).
     *
     * @param names family names, e.g. the driver's arguments
     */
    static List<PeerBandFamily> named(String... names) {
        List<String> wanted = Arrays.asList(names);
        return Arrays.stream(ALL).filter(f -> wanted.isEmpty() || wanted.contains(f.name())).toList();
    }

    /**
     * {@return the family's 10⁶-state band: every level N ≤ nMax cut to the m window holding all but 10⁻¹⁰ of its
     * probability ({@link BandTruncation#around}, as {@code export-generator --band-tol 1e-10} writes it)}
     */
    StateSpace band() {
        return BandTruncation.around(parameters(), nMax, 1e-10, 0);
    }
}
