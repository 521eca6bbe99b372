package dev.migrator.internal.sql;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrator.InvalidMigrationException;

/**
 * Turns the text of a migration script into a {@link SqlScript}: its statements with the
 * line and column each starts at, and whether the script runs in one transaction.
 * <ul>
 * <li>Statements end at a {@code ;} outside string literals ({@code '...'} with
 * {@code ''}, {@code E'...'} with backslash escapes, {@code U&'...'}), quoted
 * identifiers, dollar quotes ({@code $$...$$}, {@code $tag$...$tag$}; {@code $1} and
 * {@code a$b} are not quotes), {@code --} and nested block comments, parentheses and
 * {@code BEGIN ATOMIC ... END} bodies; the last statement needs no {@code ;}; empty
 * statements are ignored.</li>
 * <li>{@code COPY ... FROM STDIN;} takes the following lines up to a line {@code \.} as
 * its data.</li>
 * <li>A first line {@code -- migrator:transaction=true|false} forces the transaction
 * mode. Without it the script is transactional unless one of its statements cannot run in
 * a transaction block (see {@link SqlScript#nonTransactionalReason()}).</li>
 * <li>psql-style top-level {@code BEGIN;}/{@code START TRANSACTION;} ...
 * {@code COMMIT;}/{@code END;} pairs are dropped from a transactional script (migrator's
 * one transaction replaces them) and listed in
 * {@link SqlScript#droppedTransactionControl()}. Everything that could commit or roll
 * back part of a migration is rejected: a {@code COMMIT} without {@code BEGIN}, a
 * {@code BEGIN} never committed, nested {@code BEGIN}, {@code ROLLBACK}/{@code ABORT},
 * two-phase commit, {@code AND CHAIN}, and any transaction control or savepoint in a
 * non-transactional script. {@code SAVEPOINT}, {@code RELEASE} and {@code ROLLBACK TO}
 * stay in transactional scripts: they act inside migrator's transaction.</li>
 * </ul>
 * Any problem is an {@link InvalidMigrationException} naming the file and line, raised
 * before anything runs.
 */
public final class SqlParser {

    private SqlParser() {
    }

    /**
     * Parses a script.
     * @param scriptName the file as shown to users, e.g.
     * {@code db/migration/V3__add_index.sql}
     * @param content the whole file, already decoded, without a byte order mark; the
     * statements refer to it (they keep it reachable and copy their text out of it only
     * when asked, see {@link SqlStatement#sql()}), so it must not change afterwards
     * @return the statements and the transaction mode
     * @throws InvalidMigrationException on an unterminated literal, identifier, dollar
     * quote, comment, parenthesis, {@code BEGIN ATOMIC} body or COPY data; a psql
     * meta-command; a malformed directive; transaction control that would commit or roll
     * back part of the migration
     */
    public static SqlScript parse(String scriptName, CharSequence content) {
        TransactionDirective directive = directive(scriptName, content);
        List<SqlSplitter.Piece> pieces = SqlSplitter.split(scriptName, content);
        List<SqlStatement> statements = new ArrayList<>(pieces.size());
        List<Located> controls = new ArrayList<>();
        String detectedReason = null;
        int line = 1;
        int lineStart = 0;
        int at = 0;
        for (SqlSplitter.Piece piece : pieces) {
            int breaks = Lines.count(content, at, piece.start());
            if (breaks > 0) {
                line += breaks;
                lineStart = Lines.lineStart(content, piece.start());
            }
            at = piece.start();
            String sql = content.subSequence(piece.start(), piece.end()).toString();
            StatementClassifier classifier = StatementClassifier.of(sql);
            StatementClassifier.Control control = classifier.control();
            String reason = classifier.nonTransactionalReason();
            if (reason != null && detectedReason == null) {
                detectedReason = "line " + line + ": " + reason + " cannot run inside a transaction block";
            }
            if (control != StatementClassifier.Control.NONE) {
                controls.add(new Located(control, sql, line));
            }
            if (control == StatementClassifier.Control.BEGIN || control == StatementClassifier.Control.COMMIT) {
                continue;
            }
            SqlStatement.CopyData copy = null;
            if (piece.dataStart() >= 0) {
                int dataLine = line + Lines.count(content, piece.start(), piece.dataStart());
                copy = new SqlStatement.CopyData(CharBuffer.wrap(content, piece.dataStart(), piece.dataEnd()),
                        dataLine);
            }
            statements.add(new SqlStatement(content, piece.start(), piece.end(), line, piece.start() - lineStart + 1,
                    (copy != null) ? SqlStatement.Kind.COPY_IN : SqlStatement.Kind.NORMAL, copy, reason != null));
        }
        boolean transactional = switch (directive) {
            case TRANSACTIONAL -> true;
            case NON_TRANSACTIONAL -> false;
            case NONE -> detectedReason == null;
        };
        String reason = transactional ? null : (directive == TransactionDirective.NON_TRANSACTIONAL)
                ? "line 1: directive -- migrator:transaction=false" : detectedReason;
        List<TransactionControl> dropped = checkControls(scriptName, controls, transactional, reason);
        return new SqlScript(scriptName, statements, transactional, directive, reason, dropped);
    }

    private static List<TransactionControl> checkControls(String script, List<Located> controls, boolean transactional,
            String reason) {
        List<TransactionControl> dropped = new ArrayList<>();
        Located open = null;
        for (Located c : controls) {
            if (!transactional) {
                throw invalid(script, c.line(),
                        first(c.sql()) + " in a script that runs outside a transaction (" + reason
                                + "): each statement commits on its own, so transaction control cannot work "
                                + "here. Remove the transaction control from this file, or move the non-transactional "
                                + "statement into a migration of its own so that this one runs in one transaction");
            }
            switch (c.control()) {
                case BEGIN -> {
                    if (open != null) {
                        throw invalid(script, c.line(), first(c.sql()) + " inside the transaction opened by "
                                + first(open.sql()) + " at line " + open.line() + "; remove the nested BEGIN");
                    }
                    open = c;
                }
                case COMMIT -> {
                    if (open == null) {
                        throw invalid(script, c.line(), first(c.sql()) + " without a BEGIN would commit the part "
                                + "of the migration above it on its own; migrator runs the file as one transaction "
                                + "and commits it together with its history row. Remove the COMMIT, or split the "
                                + "file into two migrations at this line");
                    }
                    dropped.add(new TransactionControl(open.sql(), open.line()));
                    dropped.add(new TransactionControl(c.sql(), c.line()));
                    open = null;
                }
                case ROLLBACK -> throw invalid(script, c.line(),
                        first(c.sql()) + " would undo the migration "
                                + "half-way; migrator already rolls the whole migration back when a statement fails. "
                                + "Remove it (use SAVEPOINT ... ROLLBACK TO SAVEPOINT to undo a part)");
                case UNSUPPORTED -> throw invalid(script, c.line(), first(c.sql()) + " is not supported in a "
                        + "migration (two-phase commit and chained transactions would commit part of it); remove it");
                default -> {
                    // SAVEPOINT, RELEASE, ROLLBACK TO: they act inside migrator's
                    // transaction
                }
            }
        }
        if (open != null) {
            throw invalid(script, open.line(), first(open.sql()) + " is never committed (psql would roll it back "
                    + "at the end of the file); add COMMIT; at the end of the file, or remove the BEGIN");
        }
        return dropped;
    }

    private static String first(String sql) {
        int nl = sql.indexOf('\n');
        String head = (nl < 0) ? sql : sql.substring(0, nl).stripTrailing() + " ...";
        return head.length() > 60 ? head.substring(0, 60) + " ..." : head;
    }

    private static TransactionDirective directive(String script, CharSequence content) {
        int end = 0;
        while (end < content.length() && content.charAt(end) != '\n' && content.charAt(end) != '\r') {
            end++;
        }
        String first = content.subSequence(0, end).toString().strip();
        if (!mayBeDirective(first)) {
            return TransactionDirective.NONE;
        }
        Matcher matcher = Directives.DIRECTIVE.matcher(first);
        if (!matcher.matches()) {
            return TransactionDirective.NONE;
        }
        Matcher transaction = Directives.TRANSACTION.matcher(matcher.group(1).strip());
        if (!transaction.matches()) {
            throw invalid(script, 1, "unknown directive '" + first
                    + "'; the only directive is -- migrator:transaction=true or -- migrator:transaction=false");
        }
        return transaction.group(1).toLowerCase(Locale.ROOT).equals("true") ? TransactionDirective.TRANSACTIONAL
                : TransactionDirective.NON_TRANSACTIONAL;
    }

    /**
     * Whether the first line starts like a directive ({@code --}, white space,
     * {@code migrator:}): what {@link Directives#DIRECTIVE} needs, checked without it, so
     * that no regular expression is compiled for the scripts that have none (nearly all).
     */
    private static boolean mayBeDirective(String first) {
        if (!first.startsWith("--")) {
            return false;
        }
        int i = 2;
        while (i < first.length() && " \t\n\u000B\f\r".indexOf(first.charAt(i)) >= 0) {
            i++;
        }
        return first.startsWith("migrator:", i);
    }

    private static InvalidMigrationException invalid(String script, int line, String problem) {
        return new InvalidMigrationException(script, line, script + " line " + line + ": " + problem);
    }

    private record Located(StatementClassifier.Control control, String sql, int line) {
    }

    /**
     * The directive's patterns, compiled the first time a script's first line may be one.
     */
    private static final class Directives {

        static final Pattern DIRECTIVE = Pattern.compile("--\\s*migrator:(.*)");

        static final Pattern TRANSACTION = Pattern.compile("transaction\\s*=\\s*(true|false)\\s*",
                Pattern.CASE_INSENSITIVE);

    }

}
