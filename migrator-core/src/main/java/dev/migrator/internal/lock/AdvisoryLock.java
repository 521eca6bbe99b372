package dev.migrator.internal.lock;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrator.LockWaitTimeoutException;

/**
 * The session-level PostgreSQL advisory lock that serialises runs against one history
 * table. Waiting instances poll {@code pg_try_advisory_lock} about once a second rather
 * than blocking in {@code pg_advisory_lock}: a blocked statement would hold a snapshot
 * that stalls {@code CREATE INDEX CONCURRENTLY} in the running instance. A crashed
 * instance cannot leave the lock behind: PostgreSQL releases it when the session ends.
 */
public final class AdvisoryLock {

    private static final Logger logger = LoggerFactory.getLogger(AdvisoryLock.class);

    static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    static final Duration REPORT_INTERVAL = Duration.ofSeconds(10);

    private final long key;

    private final String name;

    /**
     * Creates the lock for a history table.
     * @param schema the history table's schema
     * @param table the history table
     */
    public AdvisoryLock(String schema, String table) {
        this.key = keyFor(schema, table);
        this.name = schema + "." + table;
    }

    /**
     * The 64-bit key: the first 8 bytes of SHA-256 of {@code migrator:} followed by the
     * schema, a dot and the table.
     */
    static long keyFor(String schema, String table) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(("migrator:" + schema + "." + table).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, 8).getLong();
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
        }
    }

    /**
     * The same key as {@link #keyFor}, computed by the server for the table {@code table}
     * in the connection's current schema: a SQL expression with one text parameter, the
     * table name; {@code null} when there is no current schema. It lets the first query
     * of a run find the schema and try the lock in one round trip.
     */
    public static String currentSchemaKeySql() {
        return "('x' || left(encode(sha256(convert_to('migrator:' || current_schema() || '.' || ?::text, 'UTF8')), "
                + "'hex'), 16))::bit(64)::bigint";
    }

    /**
     * Records that the lock was taken by the caller's own {@code pg_try_advisory_lock} of
     * {@code serverKey} (see {@link #currentSchemaKeySql()}), after checking that it is
     * this lock's key.
     * @throws IllegalStateException (after releasing what was taken) if the server
     * computed another key
     */
    public void takenWith(Connection connection, long serverKey) throws SQLException {
        if (serverKey != this.key) {
            unlock(connection, serverKey);
            throw new IllegalStateException("The server computed the lock key " + serverKey + " for " + this.name
                    + ", this JVM " + this.key + "; released it. This is a bug in migrator: please report it");
        }
    }

    /** The key passed to {@code pg_try_advisory_lock}. */
    public long key() {
        return this.key;
    }

    /**
     * Takes the lock on the connection, waiting up to {@code timeout}.
     * @return how long it waited
     * @throws LockWaitTimeoutException when another session held it for the whole timeout
     */
    public Duration acquire(Connection connection, Duration timeout) throws SQLException {
        return acquire(connection, timeout, () -> {
        });
    }

    /**
     * Takes the lock on the connection, waiting up to {@code timeout}, and calls
     * {@code eachPoll} before each try: it may throw to stop waiting (the run was
     * cancelled).
     * @return how long it waited
     * @throws LockWaitTimeoutException when another session held it for the whole timeout
     */
    public Duration acquire(Connection connection, Duration timeout, Runnable eachPoll) throws SQLException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long nextReport = start + REPORT_INTERVAL.toNanos();
        boolean reportedOnce = false;
        while (true) {
            eachPoll.run();
            if (tryLock(connection)) {
                Duration waited = Duration.ofNanos(System.nanoTime() - start);
                if (reportedOnce) {
                    logger.info("Took the migration lock on {} after waiting {} ms", this.name, waited.toMillis());
                }
                return waited;
            }
            long now = System.nanoTime();
            if (!reportedOnce || now >= nextReport) {
                logger.info("Waiting for the migration lock on {}: held by {}", this.name, describeHolders(connection));
                reportedOnce = true;
                nextReport = now + REPORT_INTERVAL.toNanos();
            }
            if (now >= deadline) {
                throw new LockWaitTimeoutException("Gave up waiting for the migration lock on " + this.name + " after "
                        + timeout.toMillis() + " ms: it is held by " + describeHolders(connection) + ". Another "
                        + "instance is migrating (or stuck). Wait for it, end that session with "
                        + "pg_terminate_backend(pid) if it is stuck, or raise lockWaitTimeout.");
            }
            sleep(Math.min(POLL_INTERVAL.toNanos(), Math.max(0, deadline - now)));
        }
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            ps.setLong(1, this.key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new LockWaitTimeoutException("Interrupted while waiting for the migration lock");
        }
    }

    /** Releases the lock; a no-op when the session does not hold it. */
    public void release(Connection connection) throws SQLException {
        unlock(connection, this.key);
    }

    private static void unlock(Connection connection, long key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            ps.setLong(1, key);
            ps.execute();
        }
    }

    /**
     * Describes the sessions holding the lock: pid, application name, client address,
     * since when and their state.
     */
    public String describeHolders(Connection connection) throws SQLException {
        String sql = "select a.pid, a.application_name, a.client_addr, a.backend_start, a.state, a.state_change "
                + "from pg_locks l join pg_stat_activity a on a.pid = l.pid where l.locktype = 'advisory' "
                + "and l.granted and l.classid::bigint = ? and l.objid::bigint = ? and l.objsubid = 1 "
                // advisory locks are per database: the same key in another database is
                // another lock
                + "and l.database = (select oid from pg_database where datname = current_database())";
        List<String> holders = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, this.key >>> 32);
            ps.setLong(2, this.key & 0xFFFFFFFFL);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String app = rs.getString(2);
                    String client = rs.getString(3);
                    holders.add("pid " + rs.getInt(1) + " (application_name '" + ((app != null) ? app : "")
                            + "', client " + ((client != null) ? client : "local socket") + ", connected since "
                            + instant(rs.getTimestamp(4)) + ", " + rs.getString(5) + " since "
                            + instant(rs.getTimestamp(6)) + ")");
                }
            }
        }
        return holders.isEmpty() ? "a session that released it meanwhile" : String.join("; ", holders);
    }

    private static String instant(Timestamp timestamp) {
        return (timestamp != null) ? timestamp.toInstant().toString() : "unknown";
    }

}
