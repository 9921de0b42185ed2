/**
 * Krylov methods on an abstract operator (Hipparchus style): {@link org.qpspin.linalg.krylov.LinearOperator}
 * (y = A x by its action), {@link org.qpspin.linalg.krylov.Arnoldi} (orthonormal Krylov basis and Hessenberg
 * projection, grown step by step) and {@link org.qpspin.linalg.krylov.Gmres} (right-preconditioned restarted
 * GMRES), sharing one Gram–Schmidt step.
 *
 * <p>In the flow (parameters → states → rates → generator → <b>solver</b> → result → <b>noise</b>): GMRES joins the
 * probable-core solver's exact core and Gauss–Seidel tail into a solution of the whole chain; Arnoldi on the
 * group inverse gives the noise spectra's shift-and-invert Krylov basis ({@code org.qpspin.noise}).
 */
package org.qpspin.linalg.krylov;
