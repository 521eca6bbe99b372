package dev.migrator.benchmarks;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;

/**
 * {@code roundtrips}: each contender talks to PostgreSQL through a {@link WireCounter},
 * which counts the round trips, statements and connections of a start that applies 10
 * migrations and of a no-op start, and records the SQL of a no-op start and of a start
 * that applies one migration.
 */
final class RoundTripsWorkload {

    private final Session session;

    RoundTripsWorkload(Session session) {
        this.session = session;
    }

    void run() throws Exception {
        Workspace ws = this.session.ws;
        Path one = ws.small(1, 1, "rt-1");
        Path eleven = ws.small(1, 11, "rt-11");
        try (WireCounter wire = new WireCounter(ws.host(), ws.port())) {
            for (Tool tool : this.session.tools) {
                String db = ws.createDatabase("roundtrips_" + tool.name().toLowerCase());
                try {
                    count(tool, ws.url(db, wire.port()), wire, one, eleven);
                }
                finally {
                    ws.dropDatabase(db);
                }
            }
        }
    }

    private void count(Tool tool, String url, WireCounter wire, Path one, Path eleven) throws Exception {
        Workspace ws = this.session.ws;
        tool.migrate(url, one); // first run: creates the history table
        wire.awaitIdle();
        wire.reset(false);
        // raw JDBC keeps no books: it is given only the new files
        Path ten = (tool == Tool.RAW) ? ws.small(2, 11, "rt-2-11") : eleven;
        Session.check(tool.migrate(url, ten) == 10, tool + " did not apply 10");
        wire.awaitIdle();
        long tenRt = wire.roundTrips();
        long tenSt = wire.statements();
        long tenConn = wire.connections();
        wire.reset(true);
        tool.noop(url, eleven);
        wire.awaitIdle();
        long noopRt = wire.roundTrips();
        long noopSt = wire.statements();
        long noopConn = wire.connections();
        List<String> noopSql = wire.sqlLog();
        // one more applied migration, recorded, to show what is sent per migration
        Path twelve = ws.small(1, 12, "rt-12");
        wire.reset(true);
        tool.migrate(url, (tool == Tool.RAW) ? ws.small(12, 12, "rt-12-12") : twelve);
        wire.awaitIdle();
        List<String> oneSql = wire.sqlLog();
        long baseRt = noopRt;
        long baseSt = noopSt;
        if (tool == Tool.RAW) {
            // raw JDBC's migrate has no "select 1": its base is a bare connection (the
            // driver's own query)
            wire.reset(false);
            DriverManager.getConnection(url).close();
            wire.awaitIdle();
            baseRt = wire.roundTrips();
            baseSt = wire.statements();
        }
        this.session.results.roundTrips.put(tool,
                new Results.RoundTrips(tenRt, tenSt, tenConn, noopRt, noopSt, noopConn, baseRt, baseSt));
        if (this.session.showSql || tool == Tool.MIGRATOR) {
            this.session.results.notes.put(
                    "SQL sent by " + tool.label() + " for a no-op start (" + noopRt + " round trips)",
                    String.join("\n", noopSql));
            this.session.results.notes.put("SQL sent by " + tool.label() + " for a start applying one migration",
                    String.join("\n", oneSql));
        }
    }

}
