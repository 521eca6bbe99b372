package dev.migrator.internal.sql;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Classifies one statement by its own leading tokens (never by text inside comments,
 * strings or bodies): whether it is transaction control, and whether PostgreSQL refuses
 * to run it inside a transaction block.
 */
final class StatementClassifier {

    /** What a transaction-control statement does to migrator's transaction. */
    enum Control {

        /** Not transaction control. */
        NONE,
        /**
         * {@code BEGIN}, {@code BEGIN WORK|TRANSACTION ...},
         * {@code START TRANSACTION ...}.
         */
        BEGIN,
        /**
         * {@code COMMIT}, {@code COMMIT WORK|TRANSACTION}, {@code END ...} (without
         * {@code AND CHAIN}).
         */
        COMMIT,
        /**
         * {@code SAVEPOINT}, {@code RELEASE [SAVEPOINT]},
         * {@code ROLLBACK [WORK] TO [SAVEPOINT]}.
         */
        SAVEPOINT,
        /** {@code ROLLBACK}/{@code ABORT} of the whole transaction. */
        ROLLBACK,
        /**
         * Two-phase commit or chained transactions: {@code PREPARE TRANSACTION},
         * {@code ... PREPARED}, {@code AND CHAIN}.
         */
        UNSUPPORTED

    }

    private static final Set<String> INTERESTING = Set.of("CREATE", "DROP", "REINDEX", "VACUUM", "CLUSTER", "DISCARD",
            "ALTER", "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE", "PREPARE");

    private static final int LEADING = 8;

    private final List<String> words;

    private final String sql;

    private StatementClassifier(String sql, List<String> words) {
        this.sql = sql;
        this.words = words;
    }

    /**
     * Reads the leading words of {@code sql} (a statement as produced by the splitter).
     */
    static StatementClassifier of(String sql) {
        int end = 0;
        while (end < sql.length() && Chars.isWordPart(sql.charAt(end))) {
            end++;
        }
        String first = sql.substring(0, end).toUpperCase(Locale.ROOT);
        if (!INTERESTING.contains(first)) {
            return new StatementClassifier(sql, List.of(first));
        }
        return new StatementClassifier(sql, Tokens.words(sql, 0, sql.length(), LEADING, true));
    }

    /** The transaction-control role of the statement. */
    Control control() {
        switch (word(0)) {
            case "BEGIN":
                return Control.BEGIN;
            case "START":
                return word(1).equals("TRANSACTION") ? Control.BEGIN : Control.NONE;
            case "COMMIT":
            case "END":
                if (word(1).equals("PREPARED") || (this.words.contains("CHAIN") && !this.words.contains("NO"))) {
                    return Control.UNSUPPORTED;
                }
                return Control.COMMIT;
            case "ROLLBACK":
            case "ABORT":
                if (word(1).equals("PREPARED")) {
                    return Control.UNSUPPORTED;
                }
                if (this.words.contains("TO")) {
                    return Control.SAVEPOINT;
                }
                return Control.ROLLBACK;
            case "SAVEPOINT":
            case "RELEASE":
                return Control.SAVEPOINT;
            case "PREPARE":
                return word(1).equals("TRANSACTION") ? Control.UNSUPPORTED : Control.NONE;
            default:
                return Control.NONE;
        }
    }

    /**
     * Why PostgreSQL refuses to run this statement inside a transaction block (e.g.
     * {@code "CREATE INDEX CONCURRENTLY"}), or {@code null} when it can.
     */
    String nonTransactionalReason() {
        switch (word(0)) {
            case "VACUUM":
                return "VACUUM";
            case "CLUSTER":
                // CLUSTER without a table name re-clusters the whole database
                return (this.words.size() == 1 || (this.words.size() == 2 && word(1).equals("VERBOSE"))) ? "CLUSTER"
                        : null;
            case "DISCARD":
                return word(1).equals("ALL") ? "DISCARD ALL" : null;
            case "REINDEX":
                if (this.words.contains("CONCURRENTLY") && !afterConcurrentlyIsFalse()) {
                    return "REINDEX CONCURRENTLY";
                }
                for (String kind : List.of("SCHEMA", "DATABASE", "SYSTEM")) {
                    if (this.words.contains(kind)) {
                        return "REINDEX " + kind;
                    }
                }
                return null;
            case "CREATE":
                return create();
            case "DROP":
                return drop();
            case "ALTER":
                return alter();
            default:
                return null;
        }
    }

    private boolean afterConcurrentlyIsFalse() {
        int at = this.words.indexOf("CONCURRENTLY");
        String value = word(at + 1);
        return value.equals("FALSE") || value.equals("OFF") || value.equals("0");
    }

    private String create() {
        int kind = word(1).equals("UNIQUE") ? 2 : 1;
        switch (word(kind)) {
            case "INDEX":
                return word(kind + 1).equals("CONCURRENTLY") ? "CREATE INDEX CONCURRENTLY" : null;
            case "DATABASE":
                return "CREATE DATABASE";
            case "TABLESPACE":
                return "CREATE TABLESPACE";
            case "SUBSCRIPTION":
                return createsSlot() ? "CREATE SUBSCRIPTION (it creates a replication slot)" : null;
            default:
                return null;
        }
    }

    private boolean createsSlot() {
        List<String> all = Tokens.words(this.sql, 0, this.sql.length(), Integer.MAX_VALUE, true);
        for (int i = 0; i + 1 < all.size(); i++) {
            String option = all.get(i);
            String value = all.get(i + 1);
            boolean off = value.equals("FALSE") || value.equals("OFF") || value.equals("0");
            if ((option.equals("CREATE_SLOT") || option.equals("CONNECT")) && off) {
                return false;
            }
        }
        return true;
    }

    private String drop() {
        switch (word(1)) {
            case "INDEX":
                return word(2).equals("CONCURRENTLY") ? "DROP INDEX CONCURRENTLY" : null;
            case "DATABASE":
                return "DROP DATABASE";
            case "TABLESPACE":
                return "DROP TABLESPACE";
            case "SUBSCRIPTION":
                return "DROP SUBSCRIPTION (it drops its replication slot)";
            default:
                return null;
        }
    }

    private String alter() {
        switch (word(1)) {
            case "SYSTEM":
                return "ALTER SYSTEM";
            case "DATABASE":
                return (word(3).equals("SET") && word(4).equals("TABLESPACE")) ? "ALTER DATABASE SET TABLESPACE" : null;
            case "SUBSCRIPTION":
                boolean refresh = this.words.contains("REFRESH") || this.words.contains("PUBLICATION");
                return refresh ? "ALTER SUBSCRIPTION ... PUBLICATION (it refreshes the subscription)" : null;
            default:
                return null;
        }
    }

    private String word(int index) {
        return (index >= 0 && index < this.words.size()) ? this.words.get(index) : "";
    }

}
