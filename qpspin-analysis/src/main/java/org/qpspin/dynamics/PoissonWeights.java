package org.qpspin.dynamics;

/**
 * The Poisson probabilities π_k = e^{−λ} λ^k / k! for k in a window [left, right] holding all but a bounded
 * share of the mass: the weights of uniformization.
 *
 * <p>How (the weighter of Fox and Glynn, "Computing Poisson probabilities", CACM 31 (1988) 440): start at the
 * mode m = ⌊λ⌋ with the unnormalized weight w_m = 1 and use the exact ratios w_{k+1} = w_k λ/(k+1) upward and
 * w_{k−1} = w_k k/λ downward, so that nothing underflows or overflows whatever λ (e^{−λ} is never formed);
 * normalize by W = Σ_{left}^{right} w_k, summed from the small end inward. Fox and Glynn's Corollaries place the
 * window; here the window is grown until two geometric tail bounds meet the tolerance:
 * <ul>
 *   <li>right of R ≥ λ: w_{k+1}/w_k = λ/(k+1) ≤ ρ_R = λ/(R+1) &lt; 1, so Σ_{k&gt;R} w_k ≤ w_R ρ_R/(1 − ρ_R);</li>
 *   <li>left of L ≤ λ: w_{k−1}/w_k = k/λ ≤ ρ_L = L/λ &lt; 1, so Σ_{k&lt;L} w_k ≤ w_L ρ_L/(1 − ρ_L) (0 at L = 0).</li>
 * </ul>
 * With T the sum of both bounds, the true π_k are w_k/(W + T') for some 0 ≤ T' ≤ T, so using w_k/W instead
 * errs in total variation by at most 2T/W ({@link #truncationError()}), which the window keeps ≤ ε.
 *
 * <p>Immutable.
 */
public final class PoissonWeights {

    /** Largest λ accepted: the window then holds ~10⁶ weights and uniformization needs ~λ matvecs. */
    public static final double MAX_LAMBDA = 1e12;

    private final double lambda;
    private final int left;
    private final double[] weights;
    private final double truncationError;

    private PoissonWeights(double lambda, int left, double[] weights, double truncationError) {
        this.lambda = lambda;
        this.left = left;
        this.weights = weights;
        this.truncationError = truncationError;
    }

    /**
     * {@return the weights for rate λ with total-variation truncation error ≤ {@code epsilon}}
     *
     * @param lambda  λ = q t ≥ 0, finite, ≤ {@link #MAX_LAMBDA}
     * @param epsilon tolerance in (0, 1): 2T/W ≤ epsilon (see the class comment); ≥ 1e-300
     * @throws IllegalArgumentException for λ or ε out of range
     */
    public static PoissonWeights of(double lambda, double epsilon) {
        if (!(lambda >= 0.0) || !(lambda <= MAX_LAMBDA)) {
            throw new IllegalArgumentException("Poisson rate must be in [0, " + MAX_LAMBDA + "], got " + lambda);
        }
        if (!(epsilon >= 1e-300 && epsilon < 1.0)) {
            throw new IllegalArgumentException("tolerance must be in [1e-300, 1), got " + epsilon);
        }
        if (lambda == 0.0) {
            return new PoissonWeights(0.0, 0, new double[] {1.0}, 0.0);
        }
        int mode = (int) Math.floor(lambda);
        // upward from the mode (index 0 = mode), downward (index 0 = mode - 1)
        double[] up = new double[64];
        double[] down = new double[64];
        int nUp = 1;
        int nDown = 0;
        up[0] = 1.0;
        double partial = 1.0;
        double tailRight = Double.POSITIVE_INFINITY;
        double tailLeft = mode == 0 ? 0.0 : Double.POSITIVE_INFINITY;
        // grow both sides until 2 (tailLeft + tailRight) <= epsilon * partial
        while (true) {
            int right = mode + nUp - 1;
            double rhoR = lambda / (right + 1.0);
            tailRight = rhoR < 1.0 ? up[nUp - 1] * rhoR / (1.0 - rhoR) : Double.POSITIVE_INFINITY;
            int leftNow = mode - nDown;
            if (leftNow > 0) {
                double wl = nDown == 0 ? 1.0 : down[nDown - 1];
                double rhoL = leftNow / lambda;
                tailLeft = rhoL < 1.0 ? wl * rhoL / (1.0 - rhoL) : Double.POSITIVE_INFINITY;
            } else {
                tailLeft = 0.0;
            }
            if (2.0 * (tailLeft + tailRight) <= 0.5 * epsilon * partial) {
                break;
            }
            // extend the side with the larger tail
            if (tailRight >= tailLeft) {
                if (nUp == up.length) {
                    up = java.util.Arrays.copyOf(up, 2 * nUp);
                }
                up[nUp] = up[nUp - 1] * lambda / (right + 1.0);
                partial += up[nUp];
                nUp++;
            } else {
                if (nDown == down.length) {
                    down = java.util.Arrays.copyOf(down, 2 * nDown);
                }
                double wl = nDown == 0 ? 1.0 : down[nDown - 1];
                down[nDown] = wl * leftNow / lambda;
                partial += down[nDown];
                nDown++;
            }
        }
        int left = mode - nDown;
        double[] w = new double[nDown + nUp];
        for (int i = 0; i < nDown; i++) {
            w[nDown - 1 - i] = down[i];
        }
        System.arraycopy(up, 0, w, nDown, nUp);
        // W summed from the small ends inward (the weights rise to the mode and fall after it)
        int peak = nDown;
        double total = 0.0;
        int i = 0;
        int j = w.length - 1;
        while (i <= j) {
            if (i < peak && (j <= peak || w[i] <= w[j])) {
                total += w[i++];
            } else {
                total += w[j--];
            }
        }
        for (int k = 0; k < w.length; k++) {
            w[k] /= total;
        }
        double error = 2.0 * (tailLeft + tailRight) / total;
        return new PoissonWeights(lambda, left, w, error);
    }

    /** {@return λ} */
    public double lambda() {
        return lambda;
    }

    /** {@return the first k kept} */
    public int left() {
        return left;
    }

    /** {@return the last k kept} */
    public int right() {
        return left + weights.length - 1;
    }

    /**
     * {@return π_k for left ≤ k ≤ right (normalized over the window), 0 outside it}
     *
     * @param k the number of Poisson events
     */
    public double weight(int k) {
        return k < left || k > right() ? 0.0 : weights[k - left];
    }

    /** {@return bound on the total-variation error 2T/W of using these weights for the full Poisson law (≤ ε)} */
    public double truncationError() {
        return truncationError;
    }
}
