package org.qpspin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.qpspin.generator.Generator;
import org.qpspin.generator.MatrixFiles;
import org.qpspin.meanfield.MeanFieldFixedPoint;
import org.qpspin.model.ModelParameters;
import org.qpspin.noise.NoiseAnalysis;
import org.qpspin.noise.Observable;
import org.qpspin.noise.ZeroFrequencyNoise;
import org.qpspin.rates.RateModel;
import org.qpspin.space.StateSpace;
import org.qpspin.stationary.PinnedState;
import org.qpspin.stationary.StationaryFactorization;
import org.qpspin.stationary.StationaryResult;
import org.qpspin.stationary.StationarySolver;
import org.qpspin.stationary.StationarySolvers;
import org.qpspin.truncation.BandTruncation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qpspin export-generator}: writes the exact generator L that qpspin builds for the given parameters and
 * truncation, so that another program (benchmarks/peer/scipy_peer.py) can solve the same matrix, and optionally
 * qpspin's own stationary vector, ⟨N⟩, S_N(0) and the time each took.
 *
 * <p>Files, for {@code --out PREFIX}: {@code PREFIX.mtx} (Matrix Market), {@code PREFIX.csc} (binary CSC, see
 * {@link MatrixFiles}), {@code PREFIX.json} (sidecar: parameters, truncation, index map, and with
 * {@code --solve} the results and times), {@code PREFIX.p.f64} (with {@code --solve}: the stationary vector as
 * raw little-endian float64, by state index).
 *
 * <p>S_N(0) (docs/model.md "Noise convention", two-sided) comes from {@link NoiseAnalysis#zeroFrequency}: one
 * group-inverse solve with the factorization kept from the stationary solve. Times are measured in this JVM around
 * {@code factorize} and the noise solve (assembly and file writing excluded); {@code --repeat} repeats both so
 * that the JIT-warm time can be told from the first.
 */
@Command(name = "export-generator", mixinStandardHelpOptions = true,
        header = "Write the generator L (and its solve) for other programs.",
        description = {"Write the generator qpspin builds (Matrix Market and/or binary CSC) with a JSON sidecar;",
                "with --solve, also qpspin's stationary vector, <N>, S_N(0) and their solve times."})
public final class ExportGeneratorCommand implements Callable<Integer> {

    /** Products timed for the matvec yardstick (best of). */
    private static final int MATVEC_RUNS = 20;

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Option(names = "--n-max", required = true, paramLabel = "N", description = "Largest cluster size N kept.")
    int nMax;

    @Option(names = "--m-max", paramLabel = "M",
            description = "Largest m kept (default: no truncation in m, i.e. floor(N/2)).")
    Integer mMax;

    /**
     * {@code --band} is a flag, as in {@code stationary}; its tolerance is {@code --band-tol}. The old form
     * {@code --band TOL} is still accepted (an optional value), anything else after it is bad input.
     */
    @Option(names = "--band", arity = "0..1", paramLabel = "", hideParamSyntax = true, fallbackValue = "",
            description = "Instead of --m-max: the band 0 <= m <= mHigh(N) that follows the mean-field m*(N), sized "
                    + "for a relative omitted flux of --band-tol (BandTruncation).")
    String band;

    @Option(names = "--band-tol", paramLabel = "TOL", defaultValue = "1e-10",
            description = "With --band: relative omitted flux the band is sized for (default ${DEFAULT-VALUE}).")
    double bandTol;

    Double bandTolerance;

    @Option(names = "--band-slack", defaultValue = "0", paramLabel = "K",
            description = "With --band: widen every level's window by K (default ${DEFAULT-VALUE}).")
    int bandSlack;

    @Option(names = "--band-refine", defaultValue = "0", paramLabel = "ROUNDS",
            description = "With --band: up to ROUNDS solve-and-widen rounds until the m edges' omitted flux meets "
                    + "--band-tol (BandTruncation.refine; default ${DEFAULT-VALUE}).")
    int bandRounds;

    @Option(names = "--out", required = true, paramLabel = "PREFIX",
            description = "Output prefix: writes PREFIX.json and PREFIX.mtx / PREFIX.csc (and PREFIX.p.f64).")
    Path out;

    @Option(names = "--format", defaultValue = "csc", paramLabel = "FMT",
            description = "Matrix file format: csc (binary, default), mtx (Matrix Market), both, or none.")
    String format;

    @Option(names = "--solve", description = "Also solve with qpspin: stationary vector, <N>, S_N(0), times.")
    boolean solve;

    @Option(names = "--solver", defaultValue = "auto", paramLabel = "NAME",
            description = "Stationary solver for --solve (default: ${DEFAULT-VALUE}).")
    String solverName;

    @Option(names = "--repeat", defaultValue = "1", paramLabel = "K",
            description = "With --solve: solve K times in this JVM and report every time (the first includes "
                    + "JIT warm-up; the best is the warm time).")
    int repeat;

    /** The band's tolerance, or null without --band: --band-tol, or the old --band TOL. */
    private Double bandTolerance() {
        if (band == null) {
            return null;
        }
        double tol = bandTol;
        if (!band.isEmpty()) {
            try {
                tol = Double.parseDouble(band);
            } catch (NumberFormatException e) {
                throw new UsageException("--band is a flag (its tolerance is --band-tol TOL), got '--band " + band
                        + "'");
            }
        }
        if (!(tol > 0.0 && tol < 1.0)) {
            throw new UsageException("--band-tol must be in (0, 1), got " + tol);
        }
        return tol;
    }

    @Override
    public Integer call() {
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!fmt.equals("csc") && !fmt.equals("mtx") && !fmt.equals("both") && !fmt.equals("none")) {
            throw new UsageException("--format must be csc, mtx, both or none, got '" + format + "'");
        }
        if (nMax < 0) {
            throw new UsageException("--n-max must be >= 0, got " + nMax);
        }
        if (mMax != null && mMax < 0) {
            throw new UsageException("--m-max must be >= 0, got " + mMax);
        }
        if (repeat < 1) {
            throw new UsageException("--repeat must be >= 1, got " + repeat);
        }
        bandTolerance = bandTolerance();
        out = prefix(out);
        AtomicOutput.check(sibling(".json"), "--out");
        if (bandTolerance != null) {
            InputChecks.requireTruncationSize(nMax, 0, org.qpspin.truncation.Truncation.DEFAULT_MAX_STATES, null);
            if (!(bandTolerance > 0.0 && bandTolerance < 1.0)) {
                throw new UsageException("--band must be in (0, 1), got " + bandTolerance);
            }
        } else {
            InputChecks.requireTruncationSize(nMax, mMax == null ? Integer.MAX_VALUE : mMax,
                    org.qpspin.truncation.Truncation.DEFAULT_MAX_STATES, null);
        }
        ModelParameters parameters = model.parameters();
        RateModel rates = model.rateModel(parameters);
        StationarySolver solver = solve ? StationarySolvers.byName(solverName) : null;
        if (bandTolerance != null && mMax != null) {
            throw new UsageException("give either --m-max or --band, not both");
        }
        StateSpace space;
        if (bandTolerance != null) {
            if (bandRounds > 0) {
                BandTruncation.Refined refined = BandTruncation.refine(rates, nMax, bandTolerance,
                        solver != null ? solver : StationarySolvers.auto(), bandRounds);
                space = refined.generator().space();
                err().printf(Locale.ROOT, "export-generator: band refined in %d rounds: %d states, "
                        + "m-edge cost %.2e%n", refined.rounds(), space.size(), refined.innerCost());
            } else {
                space = BandTruncation.around(parameters, nMax, bandTolerance, bandSlack);
            }
        } else {
            space = mMax == null ? StateSpace.triangle(nMax) : StateSpace.rectangle(nMax, mMax);
        }

        long t0 = System.nanoTime();
        Generator generator = Generator.assemble(rates, space);
        double assemblySeconds = (System.nanoTime() - t0) * 1e-9;
        err().printf(Locale.ROOT, "export-generator: %s rates, %d states, %d entries, assembled in %.3f s%n",
                rates.name(), generator.size(), generator.nonZeros(), assemblySeconds);

        ObjectNode root = JsonOutput.object("export-generator");
        describe(root, parameters, generator);
        ObjectNode files = root.putObject("files");
        if (fmt.equals("mtx") || fmt.equals("both")) {
            Path mtx = sibling(".mtx");
            writeFile(mtx, tmp -> MatrixFiles.writeMatrixMarket(generator.matrix(), tmp));
            files.put("matrixMarket", mtx.getFileName().toString());
        }
        if (fmt.equals("csc") || fmt.equals("both")) {
            Path csc = sibling(".csc");
            writeFile(csc, tmp -> MatrixFiles.writeBinaryCsc(generator.matrix(), tmp));
            files.put("binaryCsc", csc.getFileName().toString());
        }
        root.put("assemblySeconds", assemblySeconds);

        if (solver != null) {
            ObjectNode result = root.putObject("qpspin");
            solveAndTime(generator, solver, result, files);
        }
        root.put("peakHeapBytes", peakHeapBytes());
        root.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        long rss = residentHighWaterBytes();
        if (rss >= 0) {
            root.put("residentHighWaterBytes", rss);
        }
        Path sidecar = sibling(".json");
        writeFile(sidecar, tmp -> JsonOutput.writeFile(root, tmp));
        PrintWriter out = spec.commandLine().getOut();
        out.println(sidecar);
        out.flush();
        return 0;
    }

    /** Progress and timing lines: picocli's error writer. */
    private PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Parameters, truncation, index map and matrix convention. */
    private void describe(ObjectNode root, ModelParameters p, Generator generator) {
        JsonOutput.putParameters(root, p).put("rateModel", generator.rateModel().name());
        root.put("rateModel", generator.rateModel().name());
        MeanFieldFixedPoint mf = MeanFieldFixedPoint.of(p);
        ObjectNode meanField = root.putObject("meanField");
        meanField.put("N0", mf.meanN());
        meanField.put("m0", mf.meanM());
        meanField.put("regime", mf.regime().label());
        StateSpace space = generator.space();
        ObjectNode trunc = root.putObject("truncation");
        trunc.put("kind", space.isRectangle() ? "rectangle" : "band");
        trunc.put("nMax", space.maxN());
        trunc.put("mMax", space.maxM());
        root.put("states", generator.size());
        root.put("nonZeros", generator.nonZeros());
        root.put("matrix", "L[i][j] = rate(j -> i) (column j = transitions out of state j), diagonal = minus the "
                + "column's off-diagonal sum, so columns sum to zero; dp/dt = L p; reflecting truncation");
        root.put("indexMap", "states ordered by level N ascending, then m ascending: index(N, m) = offset(N) + m "
                + "- mLow(N), offset(N) = sum over K < N of (mHigh(K) - mLow(K) + 1); for a rectangle mLow = 0 and "
                + "mHigh(N) = min(floor(N/2), mMax)");
        if (!space.isRectangle()) {
            ArrayNode lo = root.putArray("mLow");
            ArrayNode hi = root.putArray("mHigh");
            for (int n = 0; n <= space.maxN(); n++) {
                lo.add(space.lowM(n));
                hi.add(space.highM(n));
            }
        }
        // a pinning choice for peers that depends only on the parameters: the state nearest the mean field
        root.put("meanFieldState", PinnedState.meanFieldPoint(space, p));
    }

    /** Factorize + S_N(0) solve, {@code repeat} times; the stationary vector of the last run is written. */
    private void solveAndTime(Generator generator, StationarySolver solver, ObjectNode result, ObjectNode files) {
        ArrayNode stationaryTimes = result.putArray("stationarySeconds");
        ArrayNode noiseTimes = result.putArray("noiseSeconds");
        ArrayNode cpuTimes = result.putArray("cpuSeconds");
        StationaryResult stationary = null;
        ZeroFrequencyNoise noise = null;
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeat; r++) {
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            StationaryFactorization f = solver.factorize(generator);
            long t1 = System.nanoTime();
            try {
                noise = NoiseAnalysis.of(generator, f).zeroFrequency(Observable.particleNumber());
            } catch (IllegalStateException refused) { // the group-inverse residual guard of the noise package
                if (!solver.name().equals("auto")) {
                    throw new IllegalArgumentException(refused.getMessage() + " (--solver " + solver.name() + ")");
                }
                err().printf(Locale.ROOT, "export-generator: %s; refactorizing with lu%n", refused.getMessage());
                result.put("solverFallback", "lu: " + refused.getMessage());
                f = StationarySolvers.lu().factorize(generator);
                t1 = System.nanoTime();
                noise = NoiseAnalysis.of(generator, f).zeroFrequency(Observable.particleNumber());
            }
            stationary = f.stationary();
            long t2 = System.nanoTime();
            long c1 = processCpuNanos();
            cpuTimes.add(c0 < 0 ? Double.NaN : (c1 - c0) * 1e-9);
            double ts = (t1 - t0) * 1e-9;
            double tn = (t2 - t1) * 1e-9;
            stationaryTimes.add(ts);
            noiseTimes.add(tn);
            best = Math.min(best, ts + tn);
            err().printf(Locale.ROOT, "export-generator: run %d/%d: %s stationary %.3f s, S_N(0) %.3f s%n",
                    r + 1, repeat, stationary.solver(), ts, tn);
        }
        // the yardstick, in this JVM under the same load: one product L p (a sweep over the matrix)
        double[] v = stationary.probabilities();
        double[] lv = new double[v.length];
        double matvecWall = Double.POSITIVE_INFINITY;
        double matvecCpu = Double.POSITIVE_INFINITY;
        for (int r = 0; r < MATVEC_RUNS; r++) {
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            generator.multiply(v, lv);
            matvecWall = Math.min(matvecWall, (System.nanoTime() - t0) * 1e-9);
            matvecCpu = Math.min(matvecCpu, (processCpuNanos() - c0) * 1e-9);
        }
        result.put("matvecSeconds", matvecWall);
        result.put("matvecCpuSeconds", matvecCpu);
        result.put("bestTotalInMatvecs", best / matvecWall);
        result.put("solver", stationary.solver());
        result.put("denseKernel", StationarySolvers.denseKernel());
        result.put("bestTotalSeconds", best);
        result.put("meanN", stationary.meanN());
        result.put("varN", stationary.varianceN());
        result.put("meanM", stationary.meanM());
        result.put("sN0", noise.zeroFrequency());
        result.put("groupInverseResidual", noise.relativeResidual());
        result.put("relativeResidual", stationary.relativeResidual());
        result.put("relativeOmittedFlux", stationary.relativeOmittedFlux());
        result.put("boundaryMass", stationary.boundaryMass());
        Path pFile = sibling(".p.f64");
        double[] vector = stationary.probabilitiesView();
        writeFile(pFile, tmp -> MatrixFiles.writeDoubles(vector, tmp));
        files.put("stationaryVector", pFile.getFileName().toString());
    }

    /**
     * The prefix {@code --out} means: an existing directory (or a name ending in '/', which picocli's Path drops)
     * means files inside it named "generator.*"; an empty name is refused.
     */
    static Path prefix(Path out) {
        if (out.toString().isEmpty()) {
            throw new UsageException("--out needs a file prefix, got ''");
        }
        return Files.isDirectory(out) ? out.resolve("generator") : out;
    }

    /** Writes {@code file} whole ({@link AtomicOutput}) and says so on stderr. */
    private void writeFile(Path file, AtomicOutput.PathContent content) {
        AtomicOutput.writePath(file, "--out", tmp -> {
            try {
                content.write(tmp);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        });
        AtomicOutput.report(spec.commandLine().getErr(), java.util.List.of(file));
    }

    /** PREFIX + suffix, creating the parent directory. */
    private Path sibling(String suffix) {
        Path file = Path.of(out.toString() + suffix);
        Path parent = file.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UsageException("cannot create directory " + parent + ": " + e.getMessage());
        }
        return file;
    }

    /** CPU time of the whole JVM (all threads, GC and JIT included) in ns, or −1 where unavailable. */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        }
        return -1;
    }

    /** The process's resident-set high-water mark (VmHWM of /proc/self/status), or −1 where unavailable. */
    static long residentHighWaterBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return 1024L * Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Sum of the heap pools' peak usage since JVM start: an upper bound on the heap high-water mark. */
    static long peakHeapBytes() {
        long total = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                total += pool.getPeakUsage().getUsed();
            }
        }
        return total;
    }
}
