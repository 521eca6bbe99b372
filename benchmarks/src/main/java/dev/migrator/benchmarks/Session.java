package dev.migrator.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One invocation of the benchmarks, shared by every workload: the settings, the
 * workspace, the databases kept for the whole invocation, and the results.
 */
final class Session {

    final Workspace ws;

    final int runs;

    final int noopRuns;

    final int warmup;

    final List<Tool> tools;

    final boolean showSql;

    final Results results = new Results();

    /** (tool, N) -> database brought up to date with small(N) by that tool. */
    private final Map<String, String> upToDate = new LinkedHashMap<>();

    private final List<String> created = new ArrayList<>();

    Session(Workspace ws, Options options) {
        this.ws = ws;
        this.runs = options.runs();
        this.noopRuns = options.noopRuns();
        this.warmup = options.warmup();
        this.tools = options.tools();
        this.showSql = options.showSql();
    }

    /** Warm-up plus timed runs: the bound of every workload's run loop. */
    int allRuns() {
        return this.warmup + this.runs;
    }

    /** Warm-up plus timed runs of a {@code noop-N} row. */
    int allNoopRuns() {
        return this.warmup + this.noopRuns;
    }

    /** Whether run number {@code run} (from 0) is timed rather than warm-up. */
    boolean timed(int run) {
        return run >= this.warmup;
    }

    /** A new row of results for {@code workload}, a slot per contender. */
    Map<Tool, Stats> row(String workload) {
        return this.results.row(workload, this.tools);
    }

    /**
     * Runs {@code work} and, unless this is a warm-up run, adds its time to {@code row}.
     */
    void time(Map<Tool, Stats> row, Tool tool, int run, Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        double ms = (System.nanoTime() - start) / 1e6;
        if (timed(run)) {
            row.computeIfAbsent(tool, (t) -> new Stats()).add(ms);
        }
    }

    /**
     * Per run, per contender: a fresh database ({@code prefix_tool}), {@code work} timed
     * on it, {@code verify} untimed, the database dropped. The contenders take turns
     * within each run so that drift hits them alike.
     */
    <T> void timeOnFreshDatabases(String prefix, Map<Tool, Stats> row, OnDatabase<T> work, Verify<T> verify)
            throws Exception {
        for (int run = 0; run < allRuns(); run++) {
            for (Tool tool : this.tools) {
                String db = this.ws.createDatabase(prefix + "_" + tool.name().toLowerCase());
                try {
                    long start = System.nanoTime();
                    T result = work.run(tool, db);
                    double ms = (System.nanoTime() - start) / 1e6;
                    verify.check(tool, db, result);
                    if (timed(run)) {
                        row.get(tool).add(ms);
                    }
                }
                finally {
                    this.ws.dropDatabase(db);
                }
            }
        }
    }

    /**
     * A database that {@code tool} has brought up to date with small(n), once per
     * invocation.
     */
    String upToDate(Tool tool, int n) throws Exception {
        String key = tool + "-" + n;
        String db = this.upToDate.get(key);
        if (db != null) {
            return db;
        }
        db = this.ws.createDatabase("noop_" + n + "_" + tool.name().toLowerCase());
        this.created.add(db);
        if (tool != Tool.RAW) {
            long start = System.nanoTime();
            int applied = tool.migrate(this.ws.url(db), this.ws.small(n));
            check(applied == n, tool + " applied " + applied + " of " + n);
            System.err.printf(Locale.ROOT, "  set-up: %s applied %d migrations in %.1f s%n", tool.label(), n,
                    (System.nanoTime() - start) / 1e9);
        }
        this.upToDate.put(key, db);
        return db;
    }

    /** Fails the benchmark with {@code message} unless {@code ok}. */
    static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }

    /**
     * Drops the databases kept for the invocation and deletes the generated files;
     * reports, never throws.
     */
    void cleanup() {
        for (String db : this.created) {
            try {
                this.ws.dropDatabase(db);
            }
            catch (Exception ex) {
                System.err.println("could not drop " + db + ": " + ex.getMessage());
            }
        }
        try {
            this.ws.deleteFiles();
        }
        catch (IOException ex) {
            System.err.println("could not delete the generated files: " + ex.getMessage());
        }
    }

    /** A piece of work to time. */
    @FunctionalInterface
    interface Work {

        void run() throws Exception;

    }

    /** What is timed on a fresh database; returns what {@link Verify} checks. */
    @FunctionalInterface
    interface OnDatabase<T> {

        T run(Tool tool, String db) throws Exception;

    }

    /** The check after the timed work, outside the time. */
    @FunctionalInterface
    interface Verify<T> {

        void check(Tool tool, String db, T result) throws Exception;

    }

}
