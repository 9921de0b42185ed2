package org.qpspin.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qpspin.cli.UsageException;
import org.qpspin.model.Aluminium;

/** Checking a grid against the command's options, before any work; point ids; the size estimate. */
class SweepPlanTest {

    @Test
    void columnsBecomeOptionsFlagsBecomePresenceAndJsonIsAdded() {
        Grid g = Grid.fromCsv("preset,V,N0,band\naluminium,0.001,50,true\naluminium,0.001,60,false\n", "g.csv");
        SweepPlan plan = SweepPlan.of("stationary", List.of("--tol", "1e-9"), g);
        assertEquals(List.of("stationary", "--tol", "1e-9", "--preset", "aluminium", "--V", "0.001", "--N0", "50",
                "--band", "--json", "--quiet"), plan.points().get(0).args());
        assertEquals(List.of("stationary", "--tol", "1e-9", "--preset", "aluminium", "--V", "0.001", "--N0", "60",
                "--json", "--quiet"), plan.points().get(1).args());
    }

    @Test
    void badGridsAreRefusedBeforeAnyWorkNamingTheProblem() {
        Grid unknown = Grid.fromCsv("preset,V,N0,volume\naluminium,0.001,50,3\n", "g.csv");
        UsageException e = assertThrows(UsageException.class, () -> SweepPlan.of("stationary", List.of(), unknown));
        assertTrue(e.getMessage().contains("grid column 'volume' is not an option of qpspin stationary"),
                e.getMessage());
        Grid ok = Grid.fromCsv("V\n1\n", "g.csv");
        e = assertThrows(UsageException.class, () -> SweepPlan.of("stationery", List.of(), ok));
        assertTrue(e.getMessage().contains("unknown command 'stationery'"), e.getMessage());
        e = assertThrows(UsageException.class, () -> SweepPlan.of("export-generator", List.of(), ok));
        assertTrue(e.getMessage().contains("has no --json"), e.getMessage());
        Grid typo = Grid.fromCsv("preset,V,N0\naluminium,0.001,50\naluminium,0.0O1,50\n", "g.csv");
        e = assertThrows(UsageException.class, () -> SweepPlan.of("stationary", List.of(), typo));
        assertTrue(e.getMessage().startsWith("point 2: ") && e.getMessage().contains("0.0O1"), e.getMessage());
        Grid flag = Grid.fromCsv("preset,V,N0,band\naluminium,0.001,50,yes\n", "g.csv");
        e = assertThrows(UsageException.class, () -> SweepPlan.of("stationary", List.of(), flag));
        assertTrue(e.getMessage().contains("flag column 'band' takes true or false"), e.getMessage());
    }

    @Test
    void idsDependOnInputsNotOnTheirOrderAndRepeatedPointsRunOnce() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("V", "1");
        a.put("N0", "2");
        Map<String, String> b = new LinkedHashMap<>();
        b.put("N0", "2");
        b.put("V", "1");
        assertEquals(SweepPlan.id("stationary", List.of(), a), SweepPlan.id("stationary", List.of(), b));
        assertNotEquals(SweepPlan.id("stationary", List.of(), a), SweepPlan.id("noise", List.of(), a));
        assertNotEquals(SweepPlan.id("stationary", List.of(), a), SweepPlan.id("stationary", List.of("--band"), a));
        Grid g = Grid.fromCsv("preset,V,N0\naluminium,0.001,50\naluminium,0.001,60\naluminium,0.001,50\n", "g.csv");
        SweepPlan plan = SweepPlan.of("stationary", List.of(), g);
        assertEquals(2, plan.points().size());
        assertEquals(1, plan.duplicates());
    }

    @Test
    void theSizeEstimateGrowsWithTheClusterAndOrdersBigPointsFirst() {
        double previous = 0.0;
        for (double n0 : new double[] {1, 10, 100, 1000, 10000}) {
            double s = SweepPlan.estimatedStates(Aluminium.withMeanFieldN0(n0, 0.001));
            assertTrue(s > previous, n0 + ": " + s);
            previous = s;
        }
        Grid g = Grid.fromCsv("preset,V,N0\naluminium,0.001,50\naluminium,0.001,400\naluminium,-1,50\n"
                + "aluminium,0.001,100\n", "g.csv");
        List<GridPoint> order = SparkSweep.bigFirst(SweepPlan.of("stationary", List.of(), g).points());
        assertEquals(List.of("400", "100", "50"), order.subList(0, 3).stream().map(p -> p.inputs().get("N0")).toList());
        assertEquals("-1", order.get(3).inputs().get("V")); // invalid: estimate 0, last (it fails fast anyway)
    }
}
