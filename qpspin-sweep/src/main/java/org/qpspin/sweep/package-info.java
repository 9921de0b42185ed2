/**
 * Parameter sweeps on Apache Spark: after the CLI in the flow (parameters -> ... -> result -> CLI -> sweep). A
 * grid file ({@link org.qpspin.sweep.Grid}) becomes checked points ({@link org.qpspin.sweep.SweepPlan}); Spark
 * runs each point's qpspin command in-process ({@link org.qpspin.sweep.PointRunner}) and every finished point is
 * saved at once ({@link org.qpspin.sweep.PointStore}: resumable); the records become one table
 * ({@link org.qpspin.sweep.ResultTable}) written as Parquet and CSV by {@link org.qpspin.sweep.SparkSweep}.
 * Kept out of qpspin-cli so that {@code ./qpspin stationary} neither builds nor loads Spark.
 */
package org.qpspin.sweep;
