package dev.migrator.benchmarks;

import java.util.Locale;

/**
 * The target table: each goal, migrator's and Flyway's figure, and whether migrator meets
 * it.
 */
final class Targets {

    private final Results results;

    Targets(Results results) {
        this.results = results;
    }

    void print() {
        System.out.println();
        System.out.println("| target | goal | migrator | Flyway | met? |");
        System.out.println("|---|---:|---:|---:|---|");
        ratio("apply-1000 vs raw", 1.10, "apply-1000");
        ratio("apply-10 vs raw", 1.5, "apply-10");
        ratio("noop-1000 migrate vs raw floor", 2.0, "noop-1000 migrate");
        if (!this.results.roundTrips.isEmpty()) {
            target("round trips per applied migration (3 statements)", 6, perMigration(Tool.MIGRATOR),
                    perMigration(Tool.FLYWAY), "");
            target("round trips for a no-op start (incl. pgjdbc's SET application_name)", 5, noopRt(Tool.MIGRATOR),
                    noopRt(Tool.FLYWAY), "");
        }
        ratio("startup (JVM, N=100) vs raw", 1.2, "startup (JVM, N=100)");
        ratio("big-1 vs raw (should be ~1.0)", 1.10, "big-1");
    }

    private void ratio(String name, double goal, String workload) {
        target(name, goal, this.results.ratio(workload, Tool.MIGRATOR), this.results.ratio(workload, Tool.FLYWAY), "x");
    }

    private double perMigration(Tool tool) {
        Results.RoundTrips v = this.results.roundTrips.get(tool);
        return (v == null) ? Double.NaN : v.roundTripsPerMigration();
    }

    private double noopRt(Tool tool) {
        Results.RoundTrips v = this.results.roundTrips.get(tool);
        return (v == null) ? Double.NaN : v.noopRoundTrips();
    }

    private static void target(String name, double goal, double migrator, double flyway, String unit) {
        if (Double.isNaN(migrator)) {
            System.out.printf(Locale.ROOT, "| %s | <= %s%s | not run | | |%n", name, g(goal), unit);
            return;
        }
        System.out.printf(Locale.ROOT, "| %s | <= %s%s | %s%s | %s | %s |%n", name, g(goal), unit, g(migrator), unit,
                Double.isNaN(flyway) ? "not run" : g(flyway) + unit, (migrator <= goal) ? "met" : "**MISSED**");
    }

    private static String g(double v) {
        return (v == Math.rint(v) && v < 100) ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }

}
