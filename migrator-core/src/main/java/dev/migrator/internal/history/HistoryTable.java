package dev.migrator.internal.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.migrator.HistoryEntry;
import dev.migrator.MigrationType;
import dev.migrator.MigrationVersion;
import dev.migrator.MigratorException;
import dev.migrator.Setting;
import dev.migrator.internal.sql.SqlLiteral;

/**
 * The history table ({@code schema_migrations} by default): an append-only log of every
 * attempt, rollback, baseline and repair. This class creates it, checks its shape, reads
 * it and appends to it; it never updates or deletes rows. Schema and table names are
 * checked identifiers and always quoted.
 * <p>
 * The table's comment carries its {@linkplain FormatMarker format marker}. A table of a
 * newer format is used as long as its {@code min-reader} is not above this build's format
 * and the {@linkplain #COLUMNS columns} this build relies on are there with the same
 * types: extra columns are left alone (rows are read and written by column name), and
 * status values and kinds of row this build does not know are read as they are (see
 * {@link HistoryEntry}). A table of an older format is upgraded, by a
 * {@linkplain #upgradingUnderLock() handle of a command that holds the migration lock},
 * when it is first read; other commands read it as it is.
 */
public final class HistoryTable {

    /**
     * The columns this build relies on, in order, with the types PostgreSQL reports
     * through {@code format_type}.
     */
    static final Map<String, String> COLUMNS = columns();

    /**
     * The table's columns and comment; no row when there is no relation of that name.
     * Looked up by its OID rather than with {@code obj_description()} and a join on the
     * names: a third of the server time (0.09 vs 0.23-0.35 ms in pgbench), which counts
     * on every start.
     */
    private static final String SHAPE_SQL = "select a.attname, format_type(a.atttypid, a.atttypmod), d.description "
            + "from (select to_regclass(format('%I.%I', ?::text, ?::text)) as oid) c "
            + "left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped "
            + "left join pg_description d on d.objoid = c.oid and d.classoid = 'pg_class'::regclass "
            + "and d.objsubid = 0 " + "where c.oid is not null order by a.attnum";

    private final String schema;

    private final String table;

    private static final String INSERT_COLUMNS = "version, description, type, script, checksum, status, duration_ms, "
            + "error_message";

    private final String qualified;

    private final boolean seenMissing;

    private final HistoryFormat format;

    private final boolean upgrading;

    /**
     * Creates the table's handle.
     * @param schema the (checked) schema
     * @param table the (checked) table name
     */
    public HistoryTable(String schema, String table) {
        this(schema, table, false);
    }

    /**
     * Creates the table's handle.
     * @param schema the (checked) schema
     * @param table the (checked) table name
     * @param seenMissing whether the table was missing when last looked at (a hint:
     * {@link #readIfExists} then checks before it reads, instead of reading and falling
     * back when the read fails)
     */
    public HistoryTable(String schema, String table, boolean seenMissing) {
        this(schema, table, seenMissing, HistoryFormat.CURRENT, false);
    }

    /**
     * Creates the table's handle for a given format (tests use one with upgrade steps of
     * their own).
     * @param upgrading whether reading a table of an older format upgrades it first
     */
    HistoryTable(String schema, String table, boolean seenMissing, HistoryFormat format, boolean upgrading) {
        this.schema = schema;
        this.table = table;
        this.seenMissing = seenMissing;
        this.format = format;
        this.upgrading = upgrading;
        this.qualified = quote(schema) + "." + quote(table);
    }

    /**
     * The handle for a command that holds the migration lock: the first check or read of
     * a table of an older history format upgrades it to this build's format first (in one
     * transaction; see {@link #exists}). Read-only commands use the plain handle and
     * never change the table.
     * @return the upgrading handle
     */
    public HistoryTable upgradingUnderLock() {
        return new HistoryTable(this.schema, this.table, this.seenMissing, this.format, true);
    }

    private static Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("id", "bigint");
        columns.put("version", "character varying(50)");
        columns.put("description", "character varying(200)");
        columns.put("type", "character varying(20)");
        columns.put("script", "character varying(1000)");
        columns.put("checksum", "character varying(64)");
        columns.put("status", "character varying(20)");
        columns.put("applied_by", "character varying(100)");
        columns.put("applied_at", "timestamp with time zone");
        columns.put("duration_ms", "integer");
        columns.put("error_message", "text");
        return Collections.unmodifiableMap(columns);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** The schema. */
    public String schema() {
        return this.schema;
    }

    /** The table name. */
    public String table() {
        return this.table;
    }

    /** {@code "schema"."table"}. */
    public String qualifiedName() {
        return this.qualified;
    }

    /**
     * Whether the table exists, checking that an existing one is migrator's and one this
     * build can use: one round trip. On an {@linkplain #upgradingUnderLock() upgrading
     * handle}, a table of an older format is upgraded first.
     * @return {@code false} when there is no such table
     * @throws MigratorException when a table of that name has another shape, a format
     * that needs a newer migrator, or cannot be upgraded
     */
    public boolean exists(Connection connection) throws SQLException {
        FormatMarker marker;
        try (PreparedStatement ps = connection.prepareStatement(SHAPE_SQL)) {
            ps.setString(1, this.schema);
            ps.setString(2, this.table);
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, String> found = new LinkedHashMap<>();
                String[] comment = new String[1];
                if (!shapeRows(rs, found, comment)) {
                    return false;
                }
                marker = checkShape(found, comment[0]);
            }
        }
        if (needsUpgrade(marker)) {
            FormatUpgrader.upgrade(connection, this, this.format, marker.format());
        }
        return true;
    }

    private boolean needsUpgrade(FormatMarker marker) {
        return this.upgrading && this.format.isOlder(marker);
    }

    /**
     * Checks the table like {@link #exists} and reads its rows like {@link #read}: in one
     * round trip when the connection is in auto-commit mode and the table is there and
     * readable (the common start-up with nothing to do); otherwise, or when that combined
     * query fails for any reason (no table yet, a foreign table of that name), in the two
     * separate steps, so the outcome and every error are the same as calling them one
     * after the other. When the table was {@code seenMissing}, the separate steps
     * straight away (no query that fails: a first start leaves no error in the server's
     * log). On an {@linkplain #upgradingUnderLock() upgrading handle}, a table of an
     * older format is upgraded before its rows are returned.
     * @return the rows in the order written, or {@code null} when the table does not
     * exist
     * @throws MigratorException like {@link #exists}
     */
    public List<HistoryEntry> readIfExists(Connection connection) throws SQLException {
        if (connection.getAutoCommit() && !this.seenMissing) {
            Map<String, String> found = new LinkedHashMap<>();
            String[] comment = new String[1];
            boolean exists = false;
            List<HistoryEntry> rows = null;
            try (PreparedStatement ps = connection.prepareStatement(SHAPE_SQL + ";\n" + readSql())) {
                ps.setString(1, this.schema);
                ps.setString(2, this.table);
                ps.execute();
                try (ResultSet rs = ps.getResultSet()) {
                    exists = shapeRows(rs, found, comment);
                }
                if (ps.getMoreResults()) {
                    try (ResultSet rs = ps.getResultSet()) {
                        rows = rows(rs);
                    }
                }
            }
            catch (SQLException ex) {
                // typically: no table yet, so the read failed. Take the separate steps
                // below.
                rows = null;
            }
            if (exists && rows != null) {
                // the same check, and the same error, as exists()
                if (!needsUpgrade(checkShape(found, comment[0]))) {
                    return rows;
                }
            }
        }
        return exists(connection) ? read(connection) : null;
    }

    private static boolean shapeRows(ResultSet rs, Map<String, String> found, String[] comment) throws SQLException {
        boolean exists = false;
        while (rs.next()) {
            exists = true;
            if (rs.getString(1) != null) {
                found.put(rs.getString(1), rs.getString(2));
            }
            comment[0] = rs.getString(3);
        }
        return exists;
    }

    /**
     * Checks that this build can use the table: its format marker first (a format that
     * needs a newer migrator is refused whatever its columns), then the columns this
     * build relies on; other columns are allowed.
     * @return the table's format marker ({@link FormatMarker#FIRST} when it has none)
     */
    private FormatMarker checkShape(Map<String, String> found, String comment) {
        boolean marked = FormatMarker.isMarker(comment);
        FormatMarker marker = marked ? FormatMarker.parse(comment) : FormatMarker.FIRST;
        if (marked) {
            this.format.checkReadable(marker, comment, this.qualified);
        }
        List<String> changed = COLUMNS.entrySet()
            .stream()
            .filter((e) -> !e.getValue().equals(found.get(e.getKey())))
            .map((e) -> e.getKey() + " "
                    + ((found.get(e.getKey()) != null) ? "is " + found.get(e.getKey()) : "is missing") + ", expected "
                    + e.getValue())
            .toList();
        if (!changed.isEmpty() && marked) {
            throw new MigratorException("The history table " + this.qualified + " (history format " + marker.format()
                    + ") does not have the columns this migrator relies on: " + String.join("; ", changed)
                    + ". A newer migrator that changes these columns marks the table as needing a newer reader; this "
                    + "one did not, so the table was likely altered by hand. Restore the columns as expected, or "
                    + "upgrade migrator in this application to the version that altered them.");
        }
        if (!changed.isEmpty()) {
            String columns = found.entrySet()
                .stream()
                .map((e) -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
            throw new MigratorException("The table " + this.qualified + " exists but is not a migrator history table "
                    + "(columns found: " + (columns.isEmpty() ? "none" : columns) + "; expected: "
                    + String.join(", ", COLUMNS.keySet()) + "). Another tool (golang-migrate, dbmate, Rails, ...) may "
                    + "own it; migrator never writes to it. Choose another name with the 'table' setting "
                    + "(table), e.g. migrator_history.", Setting.TABLE, null);
        }
        return marker;
    }

    /**
     * Creates the table (and, when asked, its schema) if it does not exist, and counts
     * the relations that were in the schema already (tables, partitioned tables, views,
     * materialized views, foreign tables; the history table not counted).
     * @param createSchema whether to create the schema too
     * @return how many such relations the schema holds besides the history table
     */
    public int create(Connection connection, boolean createSchema) throws SQLException {
        // one round trip and, in auto-commit mode, one transaction (one commit) for all
        // of it; the count comes last,
        // in the same transaction, so it sees the new table and leaves it out by name
        // the first format's table, then the steps to this build's format (none yet),
        // then its marker
        String sql = (createSchema ? "create schema if not exists " + quote(this.schema) + ";\n" : "")
                + "create table if not exists " + this.qualified + " (" + "id bigserial primary key, "
                + "version varchar(50), " + "description varchar(200) not null, " + "type varchar(20) not null, "
                + "script varchar(1000) not null, " + "checksum varchar(64), " + "status varchar(20) not null, "
                + "applied_by varchar(100) not null default current_user, "
                + "applied_at timestamptz not null default now(), " + "duration_ms integer not null, "
                + "error_message text);\n" + upgradeSteps() + "comment on table " + this.qualified + " is "
                + SqlLiteral.text(this.format.marker().comment()) + ";\n"
                + "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = "
                + SqlLiteral.text(this.schema) + " and c.relkind in ('r', 'p', 'v', 'm', 'f') and c.relname <> "
                + SqlLiteral.text(this.table);
        try (Statement st = connection.createStatement()) {
            boolean rows = st.execute(sql);
            while (!rows && st.getUpdateCount() != -1) {
                rows = st.getMoreResults();
            }
            if (!rows) {
                throw new IllegalStateException("Creating " + this.qualified + " returned no count of the relations in "
                        + "its schema; this is a bug in migrator: please report it");
            }
            try (ResultSet rs = st.getResultSet()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * The steps that bring a table of the first format to this build's, each ending with
     * a semicolon.
     */
    private String upgradeSteps() {
        StringBuilder sql = new StringBuilder();
        for (FormatUpgrade step : this.format.upgradesFrom(1)) {
            sql.append(step.sqlFor(this.qualified)).append(";\n");
        }
        return sql.toString();
    }

    /** Whether the schema exists. */
    public boolean schemaExists(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("select 1 from pg_namespace where nspname = ?")) {
            ps.setString(1, this.schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Reads every row in the order written. */
    public List<HistoryEntry> read(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(readSql())) {
            return rows(rs);
        }
    }

    private String readSql() {
        return "select id, version, description, type, script, checksum, status, applied_by, applied_at, "
                + "duration_ms, error_message from " + this.qualified + " order by id";
    }

    /**
     * The rows, read by column name from {@link #readSql()} (extra columns of a newer
     * format are not selected). A {@code version} that is not a valid version is read as
     * {@code null}; {@code type} and {@code status} as written, known or not.
     */
    private static List<HistoryEntry> rows(ResultSet rs) throws SQLException {
        List<HistoryEntry> entries = new ArrayList<>();
        while (rs.next()) {
            String version = rs.getString(2);
            Timestamp appliedAt = rs.getTimestamp(9);
            entries.add(new HistoryEntry(rs.getLong(1),
                    MigrationVersion.isValid(version) ? MigrationVersion.parse(version) : null, rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                    (appliedAt != null) ? appliedAt.toInstant() : null, Duration.ofMillis(rs.getLong(10)),
                    rs.getString(11)));
        }
        return entries;
    }

    /** Appends a row on the connection, in whatever transaction it is in. */
    public void append(Connection connection, NewRow row) throws SQLException {
        String sql = "insert into " + this.qualified + " (" + INSERT_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            setNullable(ps, 1, row.version());
            ps.setString(2, truncate(row.description(), 200));
            ps.setString(3, row.type().id());
            ps.setString(4, truncate(row.script(), 1000));
            setNullable(ps, 5, row.checksum());
            ps.setString(6, status(row));
            ps.setInt(7, (int) Math.min(Integer.MAX_VALUE, row.durationMs()));
            setNullable(ps, 8, row.errorMessage());
            ps.executeUpdate();
        }
    }

    /**
     * The statement that appends the row, with its values written as literals, to send
     * inside a script's batch. Its {@code duration_ms} is the row's
     * {@link NewRow#durationMs()} plus the time the current transaction has run so far on
     * the server (the statement runs at the end of the migration's transaction, so this
     * is the migration's own time).
     */
    public String insertStatement(NewRow row) {
        return "insert into " + this.qualified + " (" + INSERT_COLUMNS + ") values (" + SqlLiteral.text(row.version())
                + ", " + SqlLiteral.text(truncate(row.description(), 200)) + ", " + SqlLiteral.text(row.type().id())
                + ", " + SqlLiteral.text(truncate(row.script(), 1000)) + ", " + SqlLiteral.text(row.checksum()) + ", "
                + SqlLiteral.text(status(row)) + ", least(2147483647, " + Math.min(Integer.MAX_VALUE, row.durationMs())
                + " + round(extract(epoch from clock_timestamp() - transaction_timestamp()) * 1000))::int, "
                + SqlLiteral.text(row.errorMessage()) + ")";
    }

    private static String status(NewRow row) {
        return row.success() ? HistoryEntry.COMPLETED : HistoryEntry.FAILED;
    }

    private static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        }
        else {
            ps.setString(index, value);
        }
    }

    private static String truncate(String value, int max) {
        return (value.length() <= max) ? value : value.substring(0, max - 3) + "...";
    }

    /**
     * A row to append.
     *
     * @param version the version as written, or {@code null}
     * @param description the description
     * @param type the row's type
     * @param script the script
     * @param checksum the checksum, or {@code null}
     * @param success completed or failed
     * @param durationMs how long it took
     * @param errorMessage the error or audit note, or {@code null}
     */
    public record NewRow(String version, String description, MigrationType type, String script, String checksum,
            boolean success, long durationMs, String errorMessage) {
    }

}
