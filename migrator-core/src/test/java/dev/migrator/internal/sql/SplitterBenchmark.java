package dev.migrator.internal.sql;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Not a test: measures how fast {@link SqlParser} splits a realistic 10 MB script
 * (functions with dollar quotes, strings with escapes, comments, inserts, a COPY block).
 * Run with <pre>
 * mvn -B -q -pl migrator-core -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.migrator.internal.sql.SplitterBenchmark
 * </pre> Optional argument: the script size in MB (default 10).
 */
public final class SplitterBenchmark {

    private SplitterBenchmark() {
    }

    public static void main(String[] args) {
        int megabytes = (args.length > 0) ? Integer.parseInt(args[0]) : 10;
        String script = generate(megabytes * 1024 * 1024, new Random(42));
        double mb = script.getBytes(StandardCharsets.UTF_8).length / (1024.0 * 1024.0);
        int statements = 0;
        for (int warmup = 0; warmup < 3; warmup++) {
            statements = SqlParser.parse("bench.sql", script).statements().size();
        }
        int rounds = 5;
        double best = 0;
        double total = 0;
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            SqlParser.parse("bench.sql", script);
            double seconds = (System.nanoTime() - start) / 1e9;
            double speed = mb / seconds;
            best = Math.max(best, speed);
            total += seconds;
            System.out.printf("round %d: %.1f MB in %.3f s = %.1f MB/s%n", round + 1, mb, seconds, speed);
        }
        System.out.printf("split %.1f MB into %d statements: average %.1f MB/s, best %.1f MB/s (one thread)%n", mb,
                statements, mb * rounds / total, best);
    }

    static String generate(int size, Random random) {
        StringBuilder sb = new StringBuilder(size + 4096);
        int n = 0;
        sb.append("-- generated benchmark script\ncreate table item (id int primary key, name text, note text);\n");
        while (sb.length() < size) {
            n++;
            switch (n % 10) {
                case 0 -> sb.append("create or replace function f")
                    .append(n)
                    .append("(p int) returns text language plpgsql as $body$\n")
                    .append("declare\n  s text := 'it''s; fine'; -- a comment; with semicolon\nbegin\n")
                    .append("  if p > ")
                    .append(random.nextInt(100))
                    .append(" then\n")
                    .append("    execute $q$select 1; $q$;\n  end if;\n  return s || p;\nend\n$body$;\n\n");
                case 1 -> sb.append("/* block comment ").append(n).append("; /* nested */ still comment */\n");
                case 2 -> sb.append("copy item (id, name, note) from stdin;\n")
                    .append(1_000_000 + n)
                    .append("\tname\\t")
                    .append(n)
                    .append("\t\\N\n\\.\n");
                case 3 -> sb.append("update item set note = E'line\\nbreak; \\'quoted\\'' where id = ")
                    .append(n)
                    .append(";\n");
                default -> sb.append("insert into item (id, name, note) values (")
                    .append(n)
                    .append(", 'name ")
                    .append(n)
                    .append("', 'note with ''quotes'', -- dashes and /* stars */; ")
                    .append(random.nextLong())
                    .append("'); -- trailing comment\n");
            }
        }
        return sb.toString();
    }

}
