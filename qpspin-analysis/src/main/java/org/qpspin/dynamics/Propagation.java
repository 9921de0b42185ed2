package org.qpspin.dynamics;

/**
 * One application of exp(tL) to a vector, with its diagnostics.
 *
 * @param vector     exp(tL) v (a new array)
 * @param time       t
 * @param method     {@code "uniformization"} or {@code "taylor"} (the method actually used)
 * @param errorBound bound on ‖computed − exact‖₁ in the units of v: the truncation bound of the method (proven,
 *                   see docs/theory.md "Dynamics") plus an a-priori bound on the rounding of the products
 * @param matvecs    products with L (or P = I + L/q) spent, norm estimation included
 */
public record Propagation(double[] vector, double time, String method, double errorBound, long matvecs) {
}
