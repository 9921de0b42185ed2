package org.qpspin.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Flattening records into typed columns, and the CSV text. */
class ResultTableTest {

    @Test
    void fieldsAreFlattenedWithDotsTypedAcrossRowsAndMissingOnesAreNull() throws Exception {
        Grid g = Grid.fromCsv("preset,V,N0,tau-s\naluminium,0.001,50,inf\naluminium,0.002,60,\n"
                + "aluminium,0.003,70,2\n", "g.csv");
        SweepPlan plan = SweepPlan.of("stationary", List.of(), g);
        Map<String, JsonNode> records = new HashMap<>();
        List<GridPoint> p = plan.points();
        records.put(p.get(0).id(), PointRunner.MAPPER.readTree("{\"point\": \"" + p.get(0).id() + "\", \"exit\": 0, "
                + "\"seconds\": 0.5, \"result\": {\"states\": 10, \"meanN\": 1, \"V\": 3, \"parameters\": {\"tauS\": "
                + "\"Infinity\", \"rateModel\": \"prl2020\"}, \"ok\": true, \"list\": [1, 2]}}"));
        records.put(p.get(1).id(), PointRunner.MAPPER.readTree("{\"point\": \"" + p.get(1).id() + "\", \"exit\": 2, "
                + "\"seconds\": 0.1, \"error\": \"qpspin: bad, really\"}"));
        records.put(p.get(2).id(), PointRunner.MAPPER.readTree("{\"point\": \"" + p.get(2).id() + "\", \"exit\": 0, "
                + "\"seconds\": 0.5, \"result\": {\"states\": 12, \"meanN\": 1.5, \"V\": 4, \"parameters\": {\"tauS\": "
                + "2.0, \"rateModel\": \"prl2020\"}, \"ok\": false, \"list\": []}}"));
        ResultTable t = ResultTable.of(plan, records);
        assertEquals(List.of("point:STRING", "preset:STRING", "V:DOUBLE", "N0:LONG", "tau-s:DOUBLE", "error:STRING",
                "exit:LONG", "pointSeconds:DOUBLE", "states:LONG", "meanN:DOUBLE", "result.V:LONG",
                "parameters.tauS:DOUBLE", "parameters.rateModel:STRING", "ok:BOOLEAN", "list:STRING"),
                t.columns().stream().map(c -> c.name() + ":" + c.type()).toList());
        Object[] first = t.rows().get(0);
        assertEquals(Double.POSITIVE_INFINITY, first[4]);
        assertEquals(Double.POSITIVE_INFINITY, first[11]);
        assertEquals(10L, first[8]);
        assertEquals(1.0, first[9]);
        assertEquals("[1,2]", first[14]);
        Object[] failed = t.rows().get(1);
        assertEquals("qpspin: bad, really", failed[5]);
        assertNull(failed[4]);
        assertNull(failed[8]);
        String csv = t.toCsv();
        String[] lines = csv.split("\n");
        assertEquals(4, lines.length);
        assertEquals(p.get(1).id() + ",aluminium,0.002,60,,\"qpspin: bad, really\",2,0.1,,,,,,,", lines[2]);
        assertEquals(p.get(0).id() + ",aluminium,0.001,50,Infinity,,0,0.5,10,1.0,3,Infinity,prl2020,true,\"[1,2]\"",
                lines[1]);
    }
}
