package dev.migrator.benchmarks;

import java.nio.file.Path;

/**
 * {@code apply-N} and {@code big-1}: each contender applies the migrations to an empty
 * database, a fresh one for every run.
 */
final class ApplyWorkload {

    private final Session session;

    ApplyWorkload(Session session) {
        this.session = session;
    }

    /**
     * Applies the {@code expected} migrations in {@code dir}, recorded as row
     * {@code workload}.
     */
    void run(String workload, Path dir, int expected) throws Exception {
        Workspace ws = this.session.ws;
        this.session.timeOnFreshDatabases(workload.replace('-', '_'), this.session.row(workload),
                (tool, db) -> tool.migrate(ws.url(db), dir), (tool, db, applied) -> {
                    Session.check(applied == expected, tool + " applied " + applied + " of " + expected);
                    Session.check(ws.tables(db) == expected,
                            tool + " left " + ws.tables(db) + " tables, not " + expected);
                });
    }

}
