package dev.migrator.benchmarks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line: which workloads to run, how often, with which contenders, against
 * which server.
 *
 * @param workloads the workloads in the order given ({@link #ALL} by default)
 * @param runs timed runs per row
 * @param noopRuns timed runs per {@code noop-N} row: a no-op start takes milliseconds,
 * and its median needs more samples than a run of seconds to stand still on a noisy
 * machine
 * @param warmup untimed runs before the timed ones
 * @param tools the contenders; always includes raw JDBC, the floor every ratio is taken
 * against
 * @param host PostgreSQL host
 * @param port PostgreSQL port
 * @param user PostgreSQL user (trust authentication)
 * @param showSql whether to print the SQL every contender sends, not only migrator's
 */
record Options(List<String> workloads, int runs, int noopRuns, int warmup, List<Tool> tools, String host, int port,
        String user, boolean showSql) {

    static final String ALL = "apply-10,apply-100,apply-1000,noop-100,noop-1000,noop-10000,big-1,startup,roundtrips,"
            + "memory";

    static final String USAGE = "options: --workloads " + ALL
            + " --runs 5 --noop-runs 25 --warmup 1 --tools raw,migrator,flyway"
            + " --host 127.0.0.1 --port 5432 --user postgres --show-sql";

    /**
     * Parses the arguments; {@code null} when they ask for {@code --help} (the usage is
     * then printed).
     * @throws IllegalArgumentException on an unknown option or a value out of range
     */
    static Options parse(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>(
                Map.of("workloads", ALL, "runs", "5", "noop-runs", "25", "warmup", "1", "tools", "raw,migrator,flyway",
                        "host", "127.0.0.1", "port", "5432", "user", "postgres", "show-sql", "false"));
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                System.out.println(USAGE);
                return null;
            }
            if (!a.startsWith("--") || !opts.containsKey(a.substring(2))) {
                throw new IllegalArgumentException("unknown option " + a + " (try --help)");
            }
            if (a.equals("--show-sql")) {
                opts.put("show-sql", "true");
            }
            else {
                opts.put(a.substring(2), args[++i]);
            }
        }
        int runs = Integer.parseInt(opts.get("runs"));
        int noopRuns = Integer.parseInt(opts.get("noop-runs"));
        if (runs < 1 || noopRuns < 1) {
            throw new IllegalArgumentException("--runs and --noop-runs must be at least 1");
        }
        List<Tool> tools = Arrays.stream(opts.get("tools").split(",")).map(String::trim).map(Tool::parse).toList();
        if (!tools.contains(Tool.RAW)) {
            throw new IllegalArgumentException("--tools must include raw: every ratio is to raw JDBC");
        }
        return new Options(Arrays.stream(opts.get("workloads").split(",")).map(String::trim).toList(), runs, noopRuns,
                Integer.parseInt(opts.get("warmup")), tools, opts.get("host"), Integer.parseInt(opts.get("port")),
                opts.get("user"), Boolean.parseBoolean(opts.get("show-sql")));
    }
}
