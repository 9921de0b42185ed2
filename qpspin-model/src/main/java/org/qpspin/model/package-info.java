/**
 * The parameters: the five physical inputs of the cluster model and what follows from them alone.
 *
 * <p>Place in the flow: <b>parameters</b> → states → rates → generator → solver → result → noise / dynamics /
 * validation. Everything downstream starts from a {@link org.qpspin.model.ModelParameters}.
 *
 * <p>Entry points: {@link org.qpspin.model.ModelParameters} (A, V, Γ, Γt, τs in s and µm, validated; or
 * {@code withMeanFieldN0}), {@link org.qpspin.model.Aluminium} (the paper's aluminium preset),
 * {@link org.qpspin.model.Scales} (Vc, Ac, Nc, c0, ζs, ζt, t_f) and {@link org.qpspin.model.Regime} (Fig. 1's
 * mean-field regimes). Contract: docs/model.md "Parameters", "Derived scales", "Aluminium".
 */
package org.qpspin.model;
