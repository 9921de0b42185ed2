package org.qpspin.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import org.qpspin.generator.Generator;
import org.qpspin.model.ModelParameters;
import org.qpspin.noise.FluxNoiseEstimate;
import org.qpspin.noise.NoiseAnalysis;
import org.qpspin.noise.Observable;
import org.qpspin.rates.Prl2020RateModel;
import org.qpspin.rates.RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.StationaryFactorization;
import org.qpspin.stationary.StationarySolvers;
import org.qpspin.truncation.TruncationPlanner;
import org.qpspin.truncation.TwoSidedWindows;

/**
 * Where the bytes of {@code flux-noise}'s multigrid path go (docs/benchmarks.md, "Memory of the flux-noise
 * pipeline"), on the paper's edge-of-polarization family scaled to N0 = Nc (aluminium's Γ and τs, V = 10⁻³ µm³,
 * Γt = Γ/N0), first attempt of the two-sided windows: per phase the heap retained after a full collection (live
 * bytes) and the largest heap in use sampled every 2 ms while the phase ran (live plus not yet collected garbage:
 * an upper estimate of the live peak), each per state. Not a JMH benchmark: one cold run.
 *
 * <pre>java -Xmx8g -cp benchmarks/target/benchmarks.jar org.qpspin.bench.PipelineMemory 1000</pre>
 */
public final class PipelineMemory {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static volatile long peak;
    private static volatile boolean sampling = true;

    private PipelineMemory() {
    }

    /**
     * Runs the phases and prints a Markdown table.
     *
     * @param args N0 = Nc of the family (e.g. 1000), optionally the tolerance (default 1e-10), optionally {@code csc}
     *             to assemble the generator by columns (as before rows-only assembly) instead of by rows
     * @throws InterruptedException if the sampler is interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        double n0 = Double.parseDouble(args[0]);
        double tol = args.length > 1 ? Double.parseDouble(args[1]) : 1e-10;
        Thread sampler = new Thread(() -> {
            while (sampling) {
                peak = Math.max(peak, MEMORY.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        RateModel rates = Prl2020RateModel.of(ModelParameters.withMeanFieldN0(n0, 0.001, 18.8669, 18.8669 / n0,
                12.6491));
        long base = live();
        System.out.println("| phase | retained MiB | retained B/state (cumulative) | phase's sampled peak B/state | s |");
        System.out.println("|---|---|---|---|---|");
        long t = System.nanoTime();
        resetPeak();
        int nMax = TruncationPlanner.initialNMax(rates.parameters(), tol, Integer.MAX_VALUE);
        StateSpace space = TwoSidedWindows.start(rates, nMax, tol).extendTo(nMax).space();
        int n = space.size();
        t = row("two-sided windows (state space) of " + n + " states", base, n, t);
        boolean byColumns = args.length > 2 && args[2].equals("csc");
        Generator g = byColumns ? Generator.assemble(rates, space) : Generator.assembleRows(rates, space);
        t = row(byColumns ? "generator (CSC, omitted and exit rates)" : "generator by rows (Generator.assembleRows)",
                base, n, t);
        StationaryFactorization f = StationarySolvers.multigrid().factorize(g);
        t = row("multigrid stationary solve (rows, hierarchy, result; GMRES basis transient)", base, n, t);
        NoiseAnalysis a = NoiseAnalysis.of(g, f);
        double sN = a.zeroFrequency(Observable.particleNumber()).zeroFrequency();
        t = row("S_N(0) group-inverse solve", base, n, t);
        double s2S = a.zeroFrequency(FluxNoiseEstimate.moment()).zeroFrequency();
        row("S_2S(0) group-inverse solve", base, n, t);
        sampling = false;
        System.out.printf(Locale.ROOT, "%nstates %d, solver %s%nS_N(0) = %.6g, S_2S(0) = %.6g, <N> = %.6g%n", n,
                f.stationary().solver(), sN, s2S, f.stationary().meanN());
    }

    private static long row(String phase, long base, int n, long start) {
        long phasePeak = peak;
        long retained = live() - base;
        double seconds = (System.nanoTime() - start) * 1e-9;
        System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.1f |%n", phase, retained / 1048576.0,
                retained / (double) n, (phasePeak - base) / (double) n, seconds);
        resetPeak();
        return System.nanoTime();
    }

    private static void resetPeak() {
        peak = MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static long live() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
