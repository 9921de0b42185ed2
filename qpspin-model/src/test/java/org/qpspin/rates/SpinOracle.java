package org.qpspin.rates;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.qpspin.model.ModelParameters;

/**
 * Brute-force transition rates of the exact-spin model (docs/model.md), computed on the 2^N-dimensional space
 * of N spin-½ particles with no use of the closed forms: the test oracle for {@link ExactSpinRateModel}.
 *
 * <p>Method. Basis states are bit patterns (bit i set: spin i down). S² = 3N/4 + 2 Σ_{i&lt;j} s_i·s_j is built
 * as a matrix on each S_z block (fixed number of down spins; S² conserves it) and diagonalized densely (EJML);
 * each eigenvector is labelled by its eigenvalue S(S+1), which must be an exact half-integer S to 1e-9. The
 * sector state ρ_{N,S} = P_S / D_S is the uniform mixture of the eigenvectors q_c with that label. Each process
 * of docs/model.md is a set of Kraus operators K (each maps a basis state to at most one basis state, with an
 * amplitude); the rate into sector S' of the target space is
 * coefficient × Σ_K Σ_c ‖P_{S'} K q_c‖² / D_S, the projection computed with the target space's eigenvectors:
 * <ul>
 *   <li>injection: K_e = (· ⊗ |e⟩) for e = ↑, ↓ (new spin N), coefficient A V / 2 (ρ ⊗ I/2);</li>
 *   <li>singlet annihilation: K_ij = ⟨singlet|_ij ⊗ I for every pair i &lt; j, coefficient 2Γ/V
 *       (Tr[P_s(ij) ρ] times the rest's sector weight, Tr_ij[P_s ρ P_s]);</li>
 *   <li>spin-independent annihilation: K_ij,ab = ⟨ab|_ij ⊗ I for every pair and a, b ∈ {↑, ↓}, coefficient Γt/V
 *       (Tr_ij ρ);</li>
 *   <li>spin flips: σ_i^x, −iσ_i^y (same ‖·‖ as σ_i^y, real), σ_i^z for every i, coefficient g = 1/(2τs); only
 *       S' ≠ S is a transition.</li>
 * </ul>
 */
public final class SpinOracle {

    /** The four processes of docs/model.md's exact-spin model. */
    public enum Process { INJECTION, SINGLET, SPIN_INDEPENDENT, FLIP }

    /** One brute-force rate (N, m) → (toN, toM) of one process, in s⁻¹ (may be a round-off-sized zero). */
    public record Rate(Process process, int toN, int toM, double rate) {
    }

    private SpinOracle() {
    }

    /** The N-spin space: S_z blocks, their basis states, and the S² eigenvectors with their 2S labels. */
    private static final class Space {
        final int n;
        final int[][] states;   // states[k]: patterns with k down spins, ascending
        final int[] position;   // position[pattern] within its block
        final DMatrixRMaj[] vectors; // vectors[k]: columns are orthonormal S² eigenvectors on block k
        final int[][] twoS;     // twoS[k][column]

        Space(int n) {
            this.n = n;
            int dim = 1 << n;
            states = new int[n + 1][];
            position = new int[dim];
            int[] fill = new int[n + 1];
            for (int x = 0; x < dim; x++) {
                fill[Integer.bitCount(x)]++;
            }
            for (int k = 0; k <= n; k++) {
                states[k] = new int[fill[k]];
                fill[k] = 0;
            }
            for (int x = 0; x < dim; x++) {
                int k = Integer.bitCount(x);
                position[x] = fill[k];
                states[k][fill[k]++] = x;
            }
            vectors = new DMatrixRMaj[n + 1];
            twoS = new int[n + 1][];
            for (int k = 0; k <= n; k++) {
                diagonalize(k);
            }
        }

        private void diagonalize(int k) {
            int b = states[k].length;
            DMatrixRMaj s2 = new DMatrixRMaj(b, b);
            for (int r = 0; r < b; r++) {
                int x = states[k][r];
                double diagonal = 0.75 * n;
                for (int i = 0; i < n; i++) {
                    for (int j = i + 1; j < n; j++) {
                        boolean same = ((x >> i) & 1) == ((x >> j) & 1);
                        // 2 s_i·s_j: +1/2 on equal spins; −1/2 and +1 × (swapped state) on opposite spins
                        if (same) {
                            diagonal += 0.5;
                        } else {
                            diagonal -= 0.5;
                            int y = x ^ (1 << i) ^ (1 << j);
                            s2.add(r, position[y], 1.0);
                        }
                    }
                }
                s2.add(r, r, diagonal);
            }
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(b, true, true);
            if (!eig.decompose(s2)) {
                throw new IllegalStateException("eigendecomposition failed, N = " + n + ", block " + k);
            }
            DMatrixRMaj v = new DMatrixRMaj(b, b);
            int[] labels = new int[b];
            for (int c = 0; c < b; c++) {
                double lambda = eig.getEigenvalue(c).real;
                int two = (int) Math.round(Math.sqrt(4.0 * lambda + 1.0) - 1.0); // λ = S(S+1) → 2S
                double exact = 0.25 * two * (two + 2);
                if (Math.abs(lambda - exact) > 1e-9 || two < 0 || two > n || ((n - two) & 1) != 0) {
                    throw new IllegalStateException("S² eigenvalue " + lambda + " is no S(S+1), N = " + n);
                }
                labels[c] = two;
                DMatrixRMaj col = eig.getEigenVector(c);
                double norm = 0.0;
                for (int r = 0; r < b; r++) {
                    norm += col.get(r) * col.get(r);
                }
                norm = Math.sqrt(norm);
                for (int r = 0; r < b; r++) {
                    v.set(r, c, col.get(r) / norm);
                }
            }
            vectors[k] = v;
            twoS[k] = labels;
        }

        /** Dimension of sector 2S. */
        int sectorDimension(int two) {
            int d = 0;
            for (int[] labels : twoS) {
                for (int l : labels) {
                    if (l == two) {
                        d++;
                    }
                }
            }
            return d;
        }
    }

    /** A Kraus operator that maps each basis state to at most one basis state of the target space. */
    private interface Kraus {
        /** The target pattern of {@code x}, or −1 when K x = 0. */
        int target(int x);

        /** The amplitude ⟨K(x)| K |x⟩. */
        double amplitude(int x);
    }

    private static final ConcurrentHashMap<Integer, Space> SPACES = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Integer, double[][][]> UNIT_RATES = new ConcurrentHashMap<>();

    private static Space space(int n) {
        return SPACES.computeIfAbsent(n, Space::new);
    }

    /**
     * weights[2S][2S'] += Σ_{columns c with label 2S} ‖P_{2S'} K q_c‖².
     */
    private static void accumulate(Space src, Space tgt, Kraus kraus, double[][] weights) {
        for (int k = 0; k <= src.n; k++) {
            int[] rows = src.states[k];
            int b = rows.length;
            DMatrixRMaj q = src.vectors[k];
            DMatrixRMaj[] images = new DMatrixRMaj[tgt.n + 1];
            for (int r = 0; r < b; r++) {
                int y = kraus.target(rows[r]);
                if (y < 0) {
                    continue;
                }
                double amp = kraus.amplitude(rows[r]);
                int kt = Integer.bitCount(y);
                if (images[kt] == null) {
                    images[kt] = new DMatrixRMaj(tgt.states[kt].length, b);
                }
                int row = tgt.position[y];
                for (int c = 0; c < b; c++) {
                    images[kt].add(row, c, amp * q.get(r, c));
                }
            }
            for (int kt = 0; kt <= tgt.n; kt++) {
                if (images[kt] == null) {
                    continue;
                }
                DMatrixRMaj proj = new DMatrixRMaj(tgt.states[kt].length, b);
                CommonOps_DDRM.multTransA(tgt.vectors[kt], images[kt], proj);
                for (int r = 0; r < proj.numRows; r++) {
                    int to = tgt.twoS[kt][r];
                    for (int c = 0; c < b; c++) {
                        double x = proj.get(r, c);
                        weights[src.twoS[k][c]][to] += x * x;
                    }
                }
            }
        }
    }

    private static int removePair(int x, int i, int j) {
        // drop bits j > i, then i; the remaining spins keep their order
        int low = x & ((1 << i) - 1);
        int mid = (x >>> (i + 1)) & ((1 << (j - i - 1)) - 1);
        int high = x >>> (j + 1);
        return low | (mid << i) | (high << (j - 1));
    }

    /**
     * The unit rates out of every sector of N spins: unit[2S][process][2S'] with the process's coefficient set
     * to AV = 1, Γ/V = 1, Γt/V = 1, 1/τs = 1; 2S' indexes the target space (N+1, N−2 or N).
     */
    private static double[][][] unitRates(int n) {
        return UNIT_RATES.computeIfAbsent(n, SpinOracle::computeUnitRates);
    }

    private static double[][][] computeUnitRates(int n) {
        Space src = space(n);
        double[][][] out = new double[n + 1][Process.values().length][];
        // injection
        Space up = space(n + 1);
        double[][] inj = new double[n + 1][n + 2];
        for (int e = 0; e <= 1; e++) {
            int bit = e << n;
            accumulate(src, up, new Kraus() {
                public int target(int x) {
                    return x | bit;
                }

                public double amplitude(int x) {
                    return 1.0;
                }
            }, inj);
        }
        double[][] singlet = new double[n + 1][Math.max(n - 1, 1)];
        double[][] free = new double[n + 1][Math.max(n - 1, 1)];
        if (n >= 2) {
            Space down = space(n - 2);
            double h = Math.sqrt(0.5);
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    int fi = i;
                    int fj = j;
                    accumulate(src, down, new Kraus() {
                        public int target(int x) {
                            return ((x >> fi) & 1) != ((x >> fj) & 1) ? removePair(x, fi, fj) : -1;
                        }

                        public double amplitude(int x) {
                            return ((x >> fi) & 1) == 0 ? h : -h; // ⟨singlet| = (⟨↑↓| − ⟨↓↑|)/√2
                        }
                    }, singlet);
                    for (int ab = 0; ab < 4; ab++) {
                        int a = ab & 1;
                        int bb = ab >> 1;
                        accumulate(src, down, new Kraus() {
                            public int target(int x) {
                                return ((x >> fi) & 1) == a && ((x >> fj) & 1) == bb ? removePair(x, fi, fj) : -1;
                            }

                            public double amplitude(int x) {
                                return 1.0;
                            }
                        }, free);
                    }
                }
            }
        }
        double[][] flips = new double[n + 1][n + 1];
        for (int i = 0; i < n; i++) {
            int bit = 1 << i;
            for (int axis = 0; axis < 3; axis++) {
                int fa = axis;
                accumulate(src, src, new Kraus() {
                    public int target(int x) {
                        return fa == 2 ? x : x ^ bit;
                    }

                    public double amplitude(int x) {
                        boolean isUp = (x & bit) == 0;
                        return switch (fa) {
                            case 0 -> 1.0;                 // σ^x
                            case 1 -> isUp ? 1.0 : -1.0;   // −iσ^y: |↑⟩ → |↓⟩, |↓⟩ → −|↑⟩
                            default -> isUp ? 1.0 : -1.0;  // σ^z
                        };
                    }
                }, flips);
            }
        }
        for (int two = n & 1; two <= n; two += 2) {
            double d = src.sectorDimension(two);
            out[two][Process.INJECTION.ordinal()] = scale(inj[two], 0.5 / d);
            out[two][Process.SINGLET.ordinal()] = scale(singlet[two], 2.0 / d);
            out[two][Process.SPIN_INDEPENDENT.ordinal()] = scale(free[two], 1.0 / d);
            out[two][Process.FLIP.ordinal()] = scale(flips[two], 0.5 / d);
        }
        return out;
    }

    private static double[] scale(double[] w, double f) {
        double[] r = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            r[i] = w[i] * f;
        }
        return r;
    }

    /**
     * Every brute-force rate out of (N, m) into every sector of the target space (zeros included), with
     * {@code p}'s coefficients; spin flips that stay in sector S are not transitions and are left out.
     *
     * @param p parameters (A, V, Γ, Γt, τs)
     * @param n 0 ≤ N ≤ 10 (11 spins for the injection target: a few seconds)
     * @param m 0 ≤ m ≤ ⌊N/2⌋
     */
    public static List<Rate> ratesFrom(ModelParameters p, int n, int m) {
        int two = n - 2 * m;
        double[][] unit = unitRates(n)[two];
        double[] coefficient = new double[Process.values().length];
        coefficient[Process.INJECTION.ordinal()] = p.totalInjectionRate();
        coefficient[Process.SINGLET.ordinal()] = p.singletRate() / p.volume();
        coefficient[Process.SPIN_INDEPENDENT.ordinal()] = p.tripletRate() / p.volume();
        coefficient[Process.FLIP.ordinal()] = p.spinFlipRate();
        List<Rate> out = new ArrayList<>();
        for (Process proc : Process.values()) {
            int toN = switch (proc) {
                case INJECTION -> n + 1;
                case SINGLET, SPIN_INDEPENDENT -> n - 2;
                case FLIP -> n;
            };
            if (toN < 0) {
                continue;
            }
            double[] w = unit[proc.ordinal()];
            for (int toTwo = toN & 1; toTwo <= toN; toTwo += 2) {
                if (proc == Process.FLIP && toTwo == two) {
                    continue;
                }
                out.add(new Rate(proc, toN, (toN - toTwo) / 2, coefficient[proc.ordinal()] * w[toTwo]));
            }
        }
        return out;
    }
}
