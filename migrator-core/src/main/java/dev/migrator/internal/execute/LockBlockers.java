package dev.migrator.internal.execute;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds who blocked a statement that failed on {@code lock_timeout} (SQLSTATE 55P03), on
 * the run's own connection after the failed transaction was rolled back. The wait is over
 * by then ({@code pg_blocking_pids} of our own pid is empty), but the blocker normally
 * still holds its lock: the sessions reported are those holding a granted lock on a
 * relation the failing statement names. Holders of a mode stronger than
 * {@code AccessShareLock} are preferred (a plain reader only blocks statements that need
 * {@code AccessExclusiveLock}). Query texts are shortened and string literals after the
 * word {@code password} are masked.
 */
public final class LockBlockers {

    private static final int MAX_QUERY = 200;

    private static final int MAX_STATEMENT = 1 << 20;

    private static final Pattern PASSWORD_LITERAL = Pattern.compile("(?is)(password\\s*(=\\s*)?)'(?:[^']|'')*'");

    private LockBlockers() {
    }

    /**
     * Describes the sessions that hold locks on relations named in {@code statementText}.
     * @return e.g.
     * {@code pid 4242 (application_name 'psql', state 'idle in transaction', holds
     *         AccessExclusiveLock on public.busy, query: lock table busy)}, or
     * {@code null} when none is found
     */
    static String describe(Connection connection, String statementText) throws SQLException {
        String text = (statementText.length() > MAX_STATEMENT) ? statementText.substring(0, MAX_STATEMENT)
                : statementText;
        String sql = "select l.pid, n.nspname, c.relname, l.mode, a.application_name, a.state, a.query "
                + "from pg_locks l join pg_class c on c.oid = l.relation "
                + "join pg_namespace n on n.oid = c.relnamespace " + "left join pg_stat_activity a on a.pid = l.pid "
                + "where l.locktype = 'relation' and l.granted and l.pid <> pg_backend_pid() "
                + "and l.database = (select oid from pg_database where datname = current_database()) "
                + "and n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema' "
                + "order by l.pid, n.nspname, c.relname";
        Map<Integer, Holder> holders = new LinkedHashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String relation = rs.getString(3);
                if (!names(text, relation)) {
                    continue;
                }
                Holder holder = holders.computeIfAbsent(rs.getInt(1), (pid) -> new Holder(pid));
                holder.locks.add(rs.getString(4) + " on " + rs.getString(2) + "." + relation);
                holder.strong |= !"AccessShareLock".equals(rs.getString(4));
                holder.applicationName = rs.getString(5);
                holder.state = rs.getString(6);
                holder.query = rs.getString(7);
            }
        }
        boolean anyStrong = holders.values().stream().anyMatch((h) -> h.strong);
        List<String> described = new ArrayList<>();
        for (Holder holder : holders.values()) {
            if (holder.strong || !anyStrong) {
                described.add(holder.toString());
            }
        }
        return described.isEmpty() ? null : String.join("; ", described);
    }

    /**
     * Whether the statement names the relation as a word (unquoted, any case, or quoted).
     */
    static boolean names(String statement, String relation) {
        Pattern word = Pattern.compile("(?<![A-Za-z0-9_$])" + Pattern.quote(relation) + "(?![A-Za-z0-9_$])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return word.matcher(statement).find();
    }

    static String shorten(String query) {
        if (query == null) {
            return "";
        }
        String masked = PASSWORD_LITERAL.matcher(query).replaceAll("$1'****'");
        String oneLine = masked.strip().replaceAll("\\s+", " ");
        return (oneLine.length() > MAX_QUERY) ? oneLine.substring(0, MAX_QUERY) + " ..." : oneLine;
    }

    private static final class Holder {

        final int pid;

        final List<String> locks = new ArrayList<>();

        boolean strong;

        String applicationName;

        String state;

        String query;

        Holder(int pid) {
            this.pid = pid;
        }

        @Override
        public String toString() {
            return "pid " + this.pid + " (application_name '"
                    + ((this.applicationName != null) ? this.applicationName : "") + "', state '"
                    + ((this.state != null) ? this.state : "unknown") + "', holds " + String.join(", ", this.locks)
                    + ", query: " + shorten(this.query) + ")";
        }

    }

}
