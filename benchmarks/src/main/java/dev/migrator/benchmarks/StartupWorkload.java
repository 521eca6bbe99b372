package dev.migrator.benchmarks;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code startup}: a whole child JVM that applies N migrations to a fresh database and
 * exits, timed from outside.
 */
final class StartupWorkload {

    private final Session session;

    StartupWorkload(Session session) {
        this.session = session;
    }

    void run(int n) throws Exception {
        Workspace ws = this.session.ws;
        Path dir = ws.small(n);
        this.session.timeOnFreshDatabases("startup", this.session.row("startup (JVM, N=" + n + ")"),
                (tool, db) -> ChildJvm.run(List.of(), tool, "migrate", ws.url(db), dir, false), (tool, db, child) -> {
                    Session.check(child.exit() == 0, tool + " child JVM failed: " + child.output());
                    Session.check(ws.tables(db) == n, tool + " child JVM left " + ws.tables(db) + " tables");
                });
    }

}
