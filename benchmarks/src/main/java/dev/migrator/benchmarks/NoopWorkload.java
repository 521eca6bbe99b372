package dev.migrator.benchmarks;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.migrator.internal.resolve.MigrationResolver;

/**
 * {@code noop-N}: migrate, validate and status against a database per contender that the
 * contender itself brought up to date once (a no-op start changes nothing, so every run
 * sees the same database); plus migrator's file-side share alone. Raw JDBC's connect +
 * {@code select 1} is the floor of every command.
 */
final class NoopWorkload {

    /**
     * The row of raw JDBC connecting and reading the whole history table (see
     * {@link Tool#readHistory}).
     */
    static final String HISTORY_FLOOR = " floor with history read";

    private final Session session;

    NoopWorkload(Session session) {
        this.session = session;
    }

    void run(int n) throws Exception {
        Path dir = this.session.ws.small(n);
        Map<Tool, String> dbs = new EnumMap<>(Tool.class);
        for (Tool tool : this.session.tools) {
            dbs.put(tool, this.session.upToDate(tool, n));
        }
        Map<Tool, Stats> migrate = this.session.row("noop-" + n + " migrate");
        Map<Tool, Stats> validate = this.session.row("noop-" + n + " validate");
        Map<Tool, Stats> status = this.session.row("noop-" + n + " status/info");
        Map<Tool, Stats> resolve = this.session.row("noop-" + n + " migrator resolve only");
        Map<Tool, Stats> history = this.session.row("noop-" + n + HISTORY_FLOOR);
        for (int run = 0; run < this.session.allNoopRuns(); run++) {
            for (Tool tool : this.session.tools) {
                String url = this.session.ws.url(dbs.get(tool));
                this.session.time(migrate, tool, run, () -> tool.noop(url, dir));
                if (tool != Tool.RAW) {
                    this.session.time(validate, tool, run, () -> tool.validate(url, dir));
                    this.session.time(status, tool, run, () -> tool.status(url, dir));
                }
            }
            // the file-side share of migrator's start-up: find the files, read them,
            // checksum them (no database)
            this.session.time(resolve, Tool.MIGRATOR, run,
                    () -> new MigrationResolver(List.of("filesystem:" + dir), null).resolve());
            if (dbs.containsKey(Tool.MIGRATOR)) {
                // what any tool must at least do on a no-op start: connect and read the n
                // history rows (here
                // migrator's, with raw JDBC): the floor plus the server's first catalog
                // access and the rows
                String url = this.session.ws.url(dbs.get(Tool.MIGRATOR));
                this.session.time(history, Tool.RAW, run, () -> Tool.readHistory(url));
            }
        }
        // raw floor is the same for every command
        validate.put(Tool.RAW, migrate.get(Tool.RAW));
        status.put(Tool.RAW, migrate.get(Tool.RAW));
        resolve.put(Tool.RAW, migrate.get(Tool.RAW));
    }

}
