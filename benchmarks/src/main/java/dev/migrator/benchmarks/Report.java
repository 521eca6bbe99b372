package dev.migrator.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the results as Markdown: the timings table, the no-op cost per file, round
 * trips, the memory checks, the targets and the recorded SQL, each only where its
 * workloads ran.
 */
final class Report {

    private final Results results;

    private final List<Tool> tools;

    Report(Results results, List<Tool> tools) {
        this.results = results;
        this.tools = tools;
    }

    void print() {
        timings();
        perFile();
        roundTrips();
        memory();
        new Targets(this.results).print();
        for (Map.Entry<String, String> n : this.results.notes.entrySet()) {
            System.out.println();
            System.out.println(n.getKey() + ":");
            System.out.println("```");
            System.out.println(n.getValue());
            System.out.println("```");
        }
    }

    private void timings() {
        System.out.println("| workload | tool | median ms | min-max ms | vs raw |");
        System.out.println("|---|---|---:|---:|---:|");
        for (Map.Entry<String, Map<Tool, Stats>> e : this.results.rows.entrySet()) {
            Stats raw = e.getValue().get(Tool.RAW);
            for (Map.Entry<Tool, Stats> t : e.getValue().entrySet()) {
                Stats s = t.getValue();
                if (s == null || s.count() == 0) {
                    continue;
                }
                boolean floor = e.getKey().startsWith("noop-");
                if (e.getKey().endsWith(NoopWorkload.HISTORY_FLOOR)) {
                    Stats select1 = this.results.rows.get(e.getKey().replace(NoopWorkload.HISTORY_FLOOR, " migrate"))
                        .get(Tool.RAW);
                    System.out.printf(Locale.ROOT, "| %s | %s | %s | %s-%s | %s |%n", e.getKey(),
                            "raw: connect + read all history rows", f(s.median()), f(s.min()), f(s.max()),
                            (select1 == null || select1.count() == 0) ? ""
                                    : String.format(Locale.ROOT, "%.2fx", s.median() / select1.median()));
                    continue;
                }
                if (t.getKey() == Tool.RAW && floor && !e.getKey().endsWith(" migrate")) {
                    continue; // the same floor, printed once in the migrate row
                }
                if (e.getKey().endsWith("resolve only") && t.getKey() != Tool.MIGRATOR) {
                    continue;
                }
                String label = (t.getKey() == Tool.RAW && floor) ? "raw floor (connect + select 1)"
                        : t.getKey().label();
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %s-%s | %s |%n", e.getKey(), label, f(s.median()),
                        f(s.min()), f(s.max()), (t.getKey() == Tool.RAW || raw == null || raw.count() == 0) ? ""
                                : String.format(Locale.ROOT, "%.2fx", s.median() / raw.median()));
            }
        }
    }

    private void perFile() {
        List<Integer> ns = new ArrayList<>();
        for (int n : new int[] { 100, 1000, 10000 }) {
            if (this.results.rows.containsKey("noop-" + n + " migrate")) {
                ns.add(n);
            }
        }
        if (ns.size() < 2) {
            return;
        }
        System.out.println();
        System.out.println("No-op cost per file (difference of medians between sizes, divided by the extra files):");
        System.out.println();
        System.out.println("| command | tool | " + String.join(" | ", pairs(ns)) + " |");
        System.out.println("|---|---|" + "---:|".repeat(ns.size() - 1));
        for (String cmd : List.of("migrate", "validate", "status/info", "migrator resolve only")) {
            for (Tool tool : this.tools) {
                if (tool == Tool.RAW || (cmd.startsWith("migrator") && tool != Tool.MIGRATOR)) {
                    continue;
                }
                StringBuilder line = new StringBuilder("| " + cmd + " | " + tool.label() + " |");
                for (int i = 1; i < ns.size(); i++) {
                    double a = this.results.median("noop-" + ns.get(i - 1) + " " + cmd, tool);
                    double b = this.results.median("noop-" + ns.get(i) + " " + cmd, tool);
                    line.append(String.format(Locale.ROOT, " %.1f us |", (b - a) * 1000 / (ns.get(i) - ns.get(i - 1))));
                }
                System.out.println(line);
            }
        }
    }

    private static List<String> pairs(List<Integer> ns) {
        List<String> p = new ArrayList<>();
        for (int i = 1; i < ns.size(); i++) {
            p.add(ns.get(i - 1) + " -> " + ns.get(i));
        }
        return p;
    }

    private void roundTrips() {
        if (this.results.roundTrips.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.println("Round trips, counted by a proxy between the tool and PostgreSQL: a client burst sent "
                + "after the client waited for a reply is one round trip (pgjdbc's own SET application_name after "
                + "connecting included); the start-up exchange of each connection is one more, not included. "
                + "Statements = Execute + simple Query messages. Per migration = (applying 10 more) - (no-op) / 10:");
        System.out.println();
        System.out.println("| tool | round trips per applied migration (3 statements) | statements per migration "
                + "| no-op start: round trips | no-op: statements | no-op: connections |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (Map.Entry<Tool, Results.RoundTrips> e : this.results.roundTrips.entrySet()) {
            Results.RoundTrips v = e.getValue();
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %d | %d | %d |%n", e.getKey().label(),
                    v.roundTripsPerMigration(), v.statementsPerMigration(), v.noopRoundTrips(), v.noopStatements(),
                    v.noopConnections());
        }
    }

    private void memory() {
        if (this.results.memory.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.println("| memory check (child JVM) | result | wall time | output |");
        System.out.println("|---|---|---:|---|");
        this.results.memory.forEach(System.out::println);
    }

    private static String f(double ms) {
        return (ms >= 100) ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.1f", ms);
    }

}
