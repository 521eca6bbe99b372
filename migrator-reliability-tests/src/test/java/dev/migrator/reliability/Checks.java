package dev.migrator.reliability;

import java.time.Duration;
import java.util.List;

import dev.migrator.test.TestDatabase;

/**
 * Polls and queries shared by the reliability tests; every query is scoped to the test's
 * own database.
 */
final class Checks {

    private Checks() {
    }

    /**
     * Waits until no session holds an advisory lock in the database. A killed client's
     * backend goes away when PostgreSQL notices the closed socket, which takes a moment:
     * poll, never assume.
     */
    static void awaitNoAdvisoryLock(TestDatabase db, Duration timeout) throws InterruptedException {
        String sql = "select count(*) from pg_locks where locktype = 'advisory' "
                + "and database = (select oid from pg_database where datname = current_database())";
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!db.value(sql).equals("0")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("An advisory lock is still held " + timeout + " later: "
                        + db.column("select l.pid || ' ' || coalesce(a.application_name, '') || ' ' || "
                                + "coalesce(a.state, '') from pg_locks l left join pg_stat_activity a "
                                + "on a.pid = l.pid where l.locktype = 'advisory' and l.database = "
                                + "(select oid from pg_database where datname = current_database())"));
            }
            Thread.sleep(20);
        }
    }

    /** Polls until the query returns a non-zero count. */
    static void awaitNonZero(TestDatabase db, String countQuery, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (db.value(countQuery).equals("0")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Still 0 after " + timeout + ": " + countQuery);
            }
            Thread.sleep(10);
        }
    }

    /**
     * The versions with a completed versioned row, in history order (empty when there is
     * no history table).
     */
    static List<String> completedVersions(TestDatabase db) {
        if (!db.tableExists("schema_migrations")) {
            return List.of();
        }
        return db.column("select version from schema_migrations where status = 'completed' and type = 'versioned' "
                + "order by id");
    }

}
