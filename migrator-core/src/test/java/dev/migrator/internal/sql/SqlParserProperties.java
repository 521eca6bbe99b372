package dev.migrator.internal.sql;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import dev.migrator.InvalidMigrationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based tests (jqwik, which runs on the JUnit Platform 6 of this build; a
 * failure prints the seed and the shrunk sample). Scripts built from valid fragments
 * split back into exactly those fragments at the right lines; arbitrary input either
 * splits or fails with the documented {@link InvalidMigrationException}.
 */
class SqlParserProperties {

    private static final String CONTENT_CHARS = "abE ;'\"$-/*\\\n()&é😀\t";

    @Property(tries = 500)
    void scriptsOfValidFragmentsSplitBackIntoTheFragments(@ForAll("scripts") Built built) {
        SqlScript script = SqlParser.parse("prop.sql", built.text());

        assertThat(script.statements()).extracting(SqlStatement::sql).containsExactlyElementsOf(built.fragments());
        assertThat(script.statements()).extracting(SqlStatement::line).containsExactlyElementsOf(built.lines());
        assertThat(script.transactional()).isTrue();
    }

    @Property(tries = 2000)
    void arbitraryInputSplitsOrFailsWithInvalidMigrationException(@ForAll("noise") String text) {
        int lines = text.split("\r\n|\r|\n", -1).length;
        try {
            SqlScript script = SqlParser.parse("noise.sql", text);
            for (SqlStatement statement : script.statements()) {
                assertThat(statement.sql()).isNotBlank().isEqualTo(statement.sql().stripTrailing());
                assertThat(text).contains(statement.sql());
                assertThat(statement.line()).isBetween(1, lines);
            }
        }
        catch (InvalidMigrationException ex) {
            assertThat(ex.getMessage()).startsWith("noise.sql line " + ex.getLine() + ": ");
            assertThat(ex.getLine()).isBetween(1, lines);
        }
    }

    @Provide
    Arbitrary<Built> scripts() {
        return Combinators
            .combine(fragment().list().ofMinSize(0).ofMaxSize(8), separator().list().ofSize(9),
                    Arbitraries.of(true, false))
            .as(SqlParserProperties::build);
    }

    private static Built build(List<String> fragments, List<String> separators, boolean finalSemicolon) {
        StringBuilder text = new StringBuilder(separators.get(8));
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < fragments.size(); i++) {
            if (i > 0) {
                text.append(';').append(separators.get(i));
            }
            lines.add((int) text.chars().filter((c) -> c == '\n').count() + 1);
            text.append(fragments.get(i));
        }
        if (finalSemicolon && !fragments.isEmpty()) {
            text.append(';');
        }
        if (!fragments.isEmpty()) {
            // without a final ; a trailing comment would belong to the last statement
            text.append(finalSemicolon ? separators.get(0) : separators.get(0).isBlank() ? separators.get(0) : "\n");
        }
        return new Built(text.toString(), fragments, lines);
    }

    private static Arbitrary<String> separator() {
        return Arbitraries.of("\n", "\r\n", " ", "\n\n", "\n-- comment; with ' and $$\n", "\n/* a; /* b; */ */\n",
                ";\n;", "\t", "\r\n-- x\r\n");
    }

    private static Arbitrary<String> fragment() {
        Arbitrary<String> piece = Arbitraries.oneOf(word(), literal(), escapeLiteral(), dollarQuoted(),
                quotedIdentifier(), lineComment(), blockComment(), parenthesized());
        Arbitrary<String> leading = Arbitraries.of("select", "insert", "x", "a$b", "é", "values");
        return Combinators.combine(leading, piece.list().ofMaxSize(6), word())
            .as((first, pieces, last) -> first + " " + String.join(" ", pieces) + " " + last);
    }

    private static Arbitrary<String> word() {
        return Arbitraries.of("select", "x", "a$b", "$1", "t1", "from", "é", "end", "case", "insert", "values", "E",
                "U", "1.5", "=", "::", "+");
    }

    private static Arbitrary<String> content() {
        return Arbitraries.strings().withChars(CONTENT_CHARS.toCharArray()).withChars("😀").ofMaxLength(20);
    }

    private static Arbitrary<String> literal() {
        return content().map((s) -> "'" + s.replace("'", "''") + "'");
    }

    private static Arbitrary<String> escapeLiteral() {
        return content().map((s) -> "E'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'");
    }

    private static Arbitrary<String> quotedIdentifier() {
        return content().map((s) -> "\"" + s.replace("\"", "\"\"") + "\"");
    }

    private static Arbitrary<String> dollarQuoted() {
        Arbitrary<String> tag = Arbitraries.of("", "a", "body", "A", "_x1", "é");
        return Combinators.combine(tag, content(), content()).as((t, body, more) -> {
            String open = "$" + t + "$";
            // spaces keep the inner $$ from forming the outer tag with the text next to
            // it ($é$ + $$é$$ + $é$)
            String inner = t.isEmpty() ? "" : "$$ " + more.replace("$", "") + " $$";
            return open + body.replace("$", "") + inner + open;
        });
    }

    private static Arbitrary<String> lineComment() {
        return content().map((s) -> "--" + s.replace("\n", " ").replace("\r", " ") + "\n");
    }

    private static Arbitrary<String> blockComment() {
        return Combinators.combine(content(), content())
            .as((a, b) -> "/*" + clean(a) + "/* " + clean(b) + " */" + clean(a) + "*/");
    }

    private static String clean(String s) {
        return s.replace("/", "").replace("*", "");
    }

    private static Arbitrary<String> parenthesized() {
        return Combinators.combine(word(), literal()).as((w, l) -> "(" + w + "; " + l + ")");
    }

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries
            .of("'", "\"", "$", "$$", "$a$", "$A$", ";", "--", "/*", "*/", "\\", "\n", "\r\n", "\r", "E'", "U&'",
                    "U&\"", "(", ")", "begin", " atomic ", "end", "case", "copy t from stdin", "\\.", "x", " ",
                    "commit", "BEGIN;", "rollback", "$1", "a$b", "é", "😀", "-- migrator:transaction=false",
                    "create index concurrently i on t (x)", "''", "\\'")
            .list()
            .ofMaxSize(40)
            .map((tokens) -> String.join("", tokens));
    }

    /** A script made of fragments, and the fragments with their expected start lines. */
    record Built(String text, List<String> fragments, List<Integer> lines) {
    }

}
