/** JMH benchmarks of qpspin's kernels; run from the shaded benchmarks.jar (see docs/benchmarks.md). */
package org.qpspin.bench;
