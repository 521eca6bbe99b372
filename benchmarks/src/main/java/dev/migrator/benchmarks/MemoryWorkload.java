package dev.migrator.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code memory}: migrator in a child JVM with {@code -Xmx128m}, on 10,000 files (no-op,
 * validate, status) and on one very large migration; each check passes or fails, with its
 * wall time and peak heap.
 */
final class MemoryWorkload {

    private static final List<String> HEAP = List.of("-Xmx128m");

    private final Session session;

    MemoryWorkload(Session session) {
        this.session = session;
    }

    void run() throws Exception {
        Workspace ws = this.session.ws;
        String db = this.session.upToDate(Tool.MIGRATOR, 10000);
        Path dir = ws.small(10000);
        for (String command : List.of("noop", "validate", "status")) {
            long start = System.nanoTime();
            ChildJvm c = ChildJvm.run(HEAP, Tool.MIGRATOR, command, ws.url(db), dir, true);
            this.session.results.memory
                .add(String.format(Locale.ROOT, "| migrator %s, noop-10000, -Xmx128m | %s | %.0f ms " + "| %s |",
                        command, outcome(c), (System.nanoTime() - start) / 1e6, c.summary()));
        }
        Path huge = ws.huge(50);
        long size = Files.size(Tool.files(huge).get(0));
        String hugeDb = ws.createDatabase("memory_huge");
        try {
            long start = System.nanoTime();
            ChildJvm c = ChildJvm.run(HEAP, Tool.MIGRATOR, "migrate", ws.url(hugeDb), huge, true);
            this.session.results.memory.add(String.format(Locale.ROOT,
                    "| migrator migrate, one %.1f MB migration, " + "-Xmx128m | %s | %.0f ms | %s |", size / 1048576.0,
                    outcome(c), (System.nanoTime() - start) / 1e6, c.summary()));
        }
        finally {
            ws.dropDatabase(hugeDb);
        }
    }

    private static String outcome(ChildJvm c) {
        return (c.exit() == 0) ? "pass" : "FAIL";
    }

}
