package dev.migrator.benchmarks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the workloads measured, in the order they ran; the report reads only this. */
final class Results {

    /** workload -> contender -> timings. */
    final Map<String, Map<Tool, Stats>> rows = new LinkedHashMap<>();

    /** Round trips counted per contender by the roundtrips workload. */
    final Map<Tool, RoundTrips> roundTrips = new EnumMap<>(Tool.class);

    /** Rows of the memory table, already formatted. */
    final List<String> memory = new ArrayList<>();

    /** Titled blocks printed after the tables (the SQL a contender sent). */
    final Map<String, String> notes = new LinkedHashMap<>();

    /** A new, empty row for {@code workload} with a slot per contender. */
    Map<Tool, Stats> row(String workload, List<Tool> tools) {
        Map<Tool, Stats> row = new EnumMap<>(Tool.class);
        for (Tool tool : tools) {
            row.put(tool, new Stats());
        }
        this.rows.put(workload, row);
        return row;
    }

    /** The median of {@code tool} in {@code workload}, or NaN when it was not run. */
    double median(String workload, Tool tool) {
        Map<Tool, Stats> row = this.rows.get(workload);
        if (row == null || row.get(tool) == null || row.get(tool).count() == 0) {
            return Double.NaN;
        }
        return row.get(tool).median();
    }

    /** The median of {@code tool} over raw JDBC's in {@code workload}, or NaN. */
    double ratio(String workload, Tool tool) {
        return median(workload, tool) / median(workload, Tool.RAW);
    }

    /**
     * What one contender sent to PostgreSQL, counted by {@link WireCounter}.
     *
     * @param tenRoundTrips round trips of a start that applies 10 migrations
     * @param tenStatements statements of that start
     * @param tenConnections connections of that start
     * @param noopRoundTrips round trips of a start that applies nothing
     * @param noopStatements statements of that start
     * @param noopConnections connections of that start
     * @param baseRoundTrips round trips of the start's fixed part (for raw JDBC, a bare
     * connection)
     * @param baseStatements statements of the start's fixed part
     */
    record RoundTrips(long tenRoundTrips, long tenStatements, long tenConnections, long noopRoundTrips,
            long noopStatements, long noopConnections, long baseRoundTrips, long baseStatements) {

        double roundTripsPerMigration() {
            return (this.tenRoundTrips - this.baseRoundTrips) / 10.0;
        }

        double statementsPerMigration() {
            return (this.tenStatements - this.baseStatements) / 10.0;
        }
    }

}
