package org.qpspin.sweep;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One point of a sweep, as shipped to a Spark task.
 *
 * @param id stable identity: a hash of the command, the arguments common to every point and the point's sorted
 *        inputs (a rerun recognizes points already done by it, whatever their order in the grid)
 * @param index position in the grid (0-based), for the order of the result table
 * @param inputs option name -> value as written in the grid, in grid column order
 * @param args the whole command line of the point: command name, common arguments, the point's options,
 *        {@code --json}
 * @param estimatedStates rough number of states of the point's chain (from the mean field), for big points first
 */
public record GridPoint(String id, int index, Map<String, String> inputs, List<String> args, double estimatedStates)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Copies {@code inputs} into an ordered, serializable map. */
    public GridPoint {
        inputs = new LinkedHashMap<>(inputs);
        args = List.copyOf(args);
    }
}
