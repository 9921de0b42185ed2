package org.qpspin.validation;

/** An exact noise spectrum: the two-sided S_N(ω) of docs/model.md ("Noise convention") at given angular frequencies. */
@FunctionalInterface
public interface SpectrumFunction {

    /**
     * S_N(ω) in particles²·s at each ω (rad/s, ≥ 0).
     *
     * @param omega angular frequencies, ascending
     * @return the spectrum at each, two-sided (∫ S dω/2π = Var N)
     */
    double[] evaluate(double[] omega);
}
