package dev.migrator.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.migrator.internal.resolve.MigrationResolver;

/**
 * Measures migrator against Flyway and against raw JDBC (the physical limit) on the same generated migrations, in
 * one run, against a real PostgreSQL, and prints medians, min-max and ratios, and whether each target is met.
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests &amp;&amp; java -jar benchmarks/target/benchmarks.jar [options]
 *   --workloads apply-10,apply-100,apply-1000,noop-100,noop-1000,noop-10000,big-1,startup,roundtrips,memory
 *   --runs 5 --warmup 1 --tools raw,migrator,flyway --host 127.0.0.1 --port 5432 --user postgres --show-sql
 * </pre>
 * Every timed run of {@code apply-N}, {@code big-1} and {@code startup} gets a fresh database ({@code bench_*},
 * dropped right after); the contenders take turns within each run so that drift in the machine's load hits them
 * alike. {@code noop-N} runs against a database per contender that the contender itself brought up to date once
 * (a no-op start changes nothing, so every run sees the same database).
 */
public final class Benchmarks {

    static final String ALL = "apply-10,apply-100,apply-1000,noop-100,noop-1000,noop-10000,big-1,startup,roundtrips,"
            + "memory";

    private final Workspace ws;

    private final int runs;

    private final int warmup;

    private final List<Tool> tools;

    private final boolean showSql;

    /** workload -> contender -> timings. */
    private final Map<String, Map<Tool, Stats>> results = new LinkedHashMap<>();

    /** (tool, N) -> database brought up to date with small(N) by that tool. */
    private final Map<String, String> upToDate = new LinkedHashMap<>();

    private final Map<String, String> notes = new LinkedHashMap<>();

    private final Map<Tool, long[]> roundTrips = new EnumMap<>(Tool.class);

    private final List<String> memory = new ArrayList<>();

    private final List<String> created = new ArrayList<>();

    private Benchmarks(Workspace ws, int runs, int warmup, List<Tool> tools, boolean showSql) {
        this.ws = ws;
        this.runs = runs;
        this.warmup = warmup;
        this.tools = tools;
        this.showSql = showSql;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>(Map.of("workloads", ALL, "runs", "5", "warmup", "1",
                "tools", "raw,migrator,flyway", "host", "127.0.0.1", "port", "5432", "user", "postgres",
                "show-sql", "false"));
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                System.out.println("options: --workloads " + ALL + " --runs 5 --warmup 1 --tools raw,migrator,flyway"
                        + " --host 127.0.0.1 --port 5432 --user postgres --show-sql");
                return;
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
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1");
        }
        List<Tool> tools = Arrays.stream(opts.get("tools").split(",")).map(String::trim).map(Tool::parse).toList();
        if (!tools.contains(Tool.RAW)) {
            throw new IllegalArgumentException("--tools must include raw: every ratio is to raw JDBC");
        }
        Workspace ws = new Workspace(opts.get("host"), Integer.parseInt(opts.get("port")), opts.get("user"));
        Benchmarks b = new Benchmarks(ws, runs, Integer.parseInt(opts.get("warmup")), tools,
                Boolean.parseBoolean(opts.get("show-sql")));
        String started = ZonedDateTime.now().toString();
        String loadBefore = load();
        try {
            for (String w : opts.get("workloads").split(",")) {
                b.run(w.trim());
            }
        }
        finally {
            b.cleanup();
        }
        System.out.println();
        System.out.println("## Results");
        System.out.println();
        System.out.println("started " + started + ", finished " + ZonedDateTime.now() + "; " + runs + " timed runs + "
                + b.warmup + " warm-up per row; load average (1/5/15 min) before: " + loadBefore + ", after: "
                + load());
        System.out.println("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
                + "), PostgreSQL " + ws.serverVersion() + ", Flyway " + flywayVersion() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs");
        System.out.println();
        b.print();
    }

    private void run(String workload) throws Exception {
        System.err.printf(Locale.ROOT, "[%s] %s (load %s)%n", java.time.LocalTime.now().withNano(0), workload, load());
        if (workload.startsWith("apply-")) {
            apply(workload, ws.small(Integer.parseInt(workload.substring(6))), Integer.parseInt(workload.substring(6)));
        }
        else if (workload.startsWith("noop-")) {
            noop(Integer.parseInt(workload.substring(5)));
        }
        else if (workload.equals("big-1")) {
            apply(workload, ws.big(), 1);
        }
        else if (workload.equals("startup")) {
            startup(100);
        }
        else if (workload.equals("roundtrips")) {
            roundTrips();
        }
        else if (workload.equals("memory")) {
            memory();
        }
        else {
            throw new IllegalArgumentException("unknown workload " + workload + " (" + ALL + ")");
        }
    }

    // ---------------------------------------------------------------------------------------------- apply-N, big-1

    private void apply(String workload, Path dir, int expected) throws Exception {
        Map<Tool, Stats> row = row(workload);
        for (int run = 0; run < warmup + runs; run++) {
            for (Tool tool : tools) {
                String db = ws.createDatabase(workload.replace('-', '_') + "_" + tool.name().toLowerCase());
                try {
                    long start = System.nanoTime();
                    int applied = tool.migrate(ws.url(db), dir);
                    double ms = (System.nanoTime() - start) / 1e6;
                    check(applied == expected, tool + " applied " + applied + " of " + expected);
                    check(ws.tables(db) == expected, tool + " left " + ws.tables(db) + " tables, not " + expected);
                    if (run >= warmup) {
                        row.get(tool).add(ms);
                    }
                }
                finally {
                    ws.dropDatabase(db);
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- noop-N

    private void noop(int n) throws Exception {
        Path dir = ws.small(n);
        Map<Tool, String> dbs = new EnumMap<>(Tool.class);
        for (Tool tool : tools) {
            dbs.put(tool, upToDate(tool, n));
        }
        Map<Tool, Stats> migrate = row("noop-" + n + " migrate");
        Map<Tool, Stats> validate = row("noop-" + n + " validate");
        Map<Tool, Stats> status = row("noop-" + n + " status/info");
        Map<Tool, Stats> resolve = row("noop-" + n + " migrator resolve only");
        for (int run = 0; run < warmup + runs; run++) {
            for (Tool tool : tools) {
                String url = ws.url(dbs.get(tool));
                time(migrate, tool, run, () -> tool.noop(url, dir));
                if (tool != Tool.RAW) {
                    time(validate, tool, run, () -> tool.validate(url, dir));
                    time(status, tool, run, () -> tool.status(url, dir));
                }
            }
            // the file-side share of migrator's start-up: find the files, read them, checksum them (no database)
            time(resolve, Tool.MIGRATOR, run,
                    () -> new MigrationResolver(List.of("filesystem:" + dir), null).resolve());
        }
        // raw floor is the same for every command
        validate.put(Tool.RAW, migrate.get(Tool.RAW));
        status.put(Tool.RAW, migrate.get(Tool.RAW));
        resolve.put(Tool.RAW, migrate.get(Tool.RAW));
    }

    /** A database that {@code tool} has brought up to date with small(n), once per run of the benchmark. */
    private String upToDate(Tool tool, int n) throws Exception {
        String key = tool + "-" + n;
        String db = upToDate.get(key);
        if (db != null) {
            return db;
        }
        db = ws.createDatabase("noop_" + n + "_" + tool.name().toLowerCase());
        created.add(db);
        if (tool != Tool.RAW) {
            long start = System.nanoTime();
            int applied = tool.migrate(ws.url(db), ws.small(n));
            check(applied == n, tool + " applied " + applied + " of " + n);
            System.err.printf(Locale.ROOT, "  set-up: %s applied %d migrations in %.1f s%n", tool.label(), n,
                    (System.nanoTime() - start) / 1e9);
        }
        upToDate.put(key, db);
        return db;
    }

    // --------------------------------------------------------------------------------------------------- startup

    private void startup(int n) throws Exception {
        Path dir = ws.small(n);
        Map<Tool, Stats> row = row("startup (JVM, N=" + n + ")");
        for (int run = 0; run < warmup + runs; run++) {
            for (Tool tool : tools) {
                String db = ws.createDatabase("startup_" + tool.name().toLowerCase());
                try {
                    long start = System.nanoTime();
                    Child child = child(List.of(), tool, "migrate", ws.url(db), dir, false);
                    double ms = (System.nanoTime() - start) / 1e6;
                    check(child.exit == 0, tool + " child JVM failed: " + child.output);
                    check(ws.tables(db) == n, tool + " child JVM left " + ws.tables(db) + " tables");
                    if (run >= warmup) {
                        row.get(tool).add(ms);
                    }
                }
                finally {
                    ws.dropDatabase(db);
                }
            }
        }
    }

    private record Child(int exit, String output) {
    }

    private static Child child(List<String> jvmArgs, Tool tool, String command, String url, Path dir, boolean heap)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ChildMain.class.getName());
        cmd.add(tool.name().toLowerCase());
        cmd.add(command);
        cmd.add(url);
        cmd.add(dir.toString());
        if (heap) {
            cmd.add("--heap");
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        int exit = p.waitFor();
        return new Child(exit, new String(out, StandardCharsets.UTF_8).trim());
    }

    // ------------------------------------------------------------------------------------------------ round trips

    private void roundTrips() throws Exception {
        Path one = ws.small(1, 1, "rt-1");
        Path eleven = ws.small(1, 11, "rt-11");
        try (WireCounter wire = new WireCounter(ws.host(), ws.port())) {
            for (Tool tool : tools) {
                String db = ws.createDatabase("roundtrips_" + tool.name().toLowerCase());
                try {
                    String url = ws.url(db, wire.port());
                    tool.migrate(url, one); // first run: creates the history table
                    wire.awaitIdle();
                    wire.reset(false);
                    // raw JDBC keeps no books: it is given only the new files
                    Path ten = (tool == Tool.RAW) ? ws.small(2, 11, "rt-2-11") : eleven;
                    check(tool.migrate(url, ten) == 10, tool + " did not apply 10");
                    wire.awaitIdle();
                    long tenRt = wire.roundTrips();
                    long tenSt = wire.statements();
                    long tenConn = wire.connections();
                    wire.reset(true);
                    tool.noop(url, eleven);
                    wire.awaitIdle();
                    long noopRt = wire.roundTrips();
                    long noopSt = wire.statements();
                    long noopConn = wire.connections();
                    List<String> noopSql = wire.sqlLog();
                    // one more applied migration, recorded, to show what is sent per migration
                    Path twelve = ws.small(1, 12, "rt-12");
                    wire.reset(true);
                    tool.migrate(url, (tool == Tool.RAW) ? ws.small(12, 12, "rt-12-12") : twelve);
                    wire.awaitIdle();
                    List<String> oneSql = wire.sqlLog();
                    long baseRt = noopRt;
                    long baseSt = noopSt;
                    if (tool == Tool.RAW) {
                        // raw JDBC's migrate has no "select 1": its base is a bare connection (the driver's own query)
                        wire.reset(false);
                        java.sql.DriverManager.getConnection(url).close();
                        wire.awaitIdle();
                        baseRt = wire.roundTrips();
                        baseSt = wire.statements();
                    }
                    roundTrips.put(tool, new long[] {tenRt, tenSt, tenConn, noopRt, noopSt, noopConn, baseRt, baseSt});
                    if (showSql || tool == Tool.MIGRATOR) {
                        notes.put("SQL sent by " + tool.label() + " for a no-op start (" + noopRt + " round trips)",
                                String.join("\n", noopSql));
                        notes.put("SQL sent by " + tool.label() + " for a start applying one migration",
                                String.join("\n", oneSql));
                    }
                }
                finally {
                    ws.dropDatabase(db);
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- memory

    private void memory() throws Exception {
        String db = upToDate(Tool.MIGRATOR, 10000);
        Path dir = ws.small(10000);
        for (String command : List.of("noop", "validate", "status")) {
            long start = System.nanoTime();
            Child c = child(List.of("-Xmx128m"), Tool.MIGRATOR, command, ws.url(db), dir, true);
            memory.add(String.format(Locale.ROOT, "| migrator %s, noop-10000, -Xmx128m | %s | %.0f ms | %s |", command,
                    (c.exit == 0) ? "pass" : "FAIL", (System.nanoTime() - start) / 1e6, summary(c)));
        }
        Path huge = ws.huge(50);
        long size = Files.size(Tool.files(huge).get(0));
        String hugeDb = ws.createDatabase("memory_huge");
        try {
            long start = System.nanoTime();
            Child c = child(List.of("-Xmx128m"), Tool.MIGRATOR, "migrate", ws.url(hugeDb), huge, true);
            memory.add(String.format(Locale.ROOT, "| migrator migrate, one %.1f MB migration, -Xmx128m | %s | %.0f ms "
                    + "| %s |", size / 1048576.0, (c.exit == 0) ? "pass" : "FAIL", (System.nanoTime() - start) / 1e6,
                    summary(c)));
        }
        finally {
            ws.dropDatabase(hugeDb);
        }
    }

    private static String summary(Child c) {
        String out = c.output.replace('\n', ' ').replace('|', '/');
        if (c.exit != 0) {
            int i = out.indexOf("Exception");
            int from = Math.max(0, i - 60);
            return "exit " + c.exit + ": " + out.substring(from, Math.min(out.length(), from + 300));
        }
        return out;
    }

    // --------------------------------------------------------------------------------------------------- helpers

    @FunctionalInterface
    private interface Work {

        void run() throws Exception;
    }

    private void time(Map<Tool, Stats> row, Tool tool, int run, Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        double ms = (System.nanoTime() - start) / 1e6;
        if (run >= warmup) {
            row.computeIfAbsent(tool, (t) -> new Stats()).add(ms);
        }
    }

    private Map<Tool, Stats> row(String workload) {
        Map<Tool, Stats> row = new EnumMap<>(Tool.class);
        for (Tool tool : tools) {
            row.put(tool, new Stats());
        }
        results.put(workload, row);
        return row;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }

    private void cleanup() {
        for (String db : created) {
            try {
                ws.dropDatabase(db);
            }
            catch (Exception ex) {
                System.err.println("could not drop " + db + ": " + ex.getMessage());
            }
        }
        try {
            ws.deleteFiles();
        }
        catch (IOException ex) {
            System.err.println("could not delete the generated files: " + ex.getMessage());
        }
    }

    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        }
        catch (IOException ex) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }

    private static String flywayVersion() {
        try (java.io.InputStream in = org.flywaydb.core.Flyway.class
                .getResourceAsStream("/META-INF/maven/org.flywaydb/flyway-core/pom.properties")) {
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        }
        catch (Exception ex) {
            return "?";
        }
    }

    // ---------------------------------------------------------------------------------------------------- report

    private void print() {
        System.out.println("| workload | tool | median ms | min-max ms | vs raw |");
        System.out.println("|---|---|---:|---:|---:|");
        for (Map.Entry<String, Map<Tool, Stats>> e : results.entrySet()) {
            Stats raw = e.getValue().get(Tool.RAW);
            for (Map.Entry<Tool, Stats> t : e.getValue().entrySet()) {
                Stats s = t.getValue();
                if (s == null || s.count() == 0) {
                    continue;
                }
                boolean floor = e.getKey().startsWith("noop-");
                if (t.getKey() == Tool.RAW && floor && !e.getKey().endsWith(" migrate")) {
                    continue; // the same floor, printed once in the migrate row
                }
                if (e.getKey().endsWith("resolve only") && t.getKey() != Tool.MIGRATOR) {
                    continue;
                }
                String label = (t.getKey() == Tool.RAW && floor) ? "raw floor (connect + select 1)"
                        : t.getKey().label();
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %s-%s | %s |%n", e.getKey(), label, f(s.median()),
                        f(s.min()), f(s.max()), (t.getKey() == Tool.RAW || raw == null || raw.count() == 0) ? ""
                                : String.format(Locale.ROOT, "%.2fx", s.median() / raw.median()));
            }
        }
        perFile();
        if (!roundTrips.isEmpty()) {
            System.out.println();
            System.out.println("Round trips, counted by a proxy between the tool and PostgreSQL: a client burst sent "
                    + "after the client waited for a reply is one round trip (pgjdbc's own SET application_name after "
                    + "connecting included); the start-up exchange of each connection is one more, not included. "
                    + "Statements = Execute + simple Query messages. Per migration = (applying 10 more) - (no-op) / 10:");
            System.out.println();
            System.out.println("| tool | round trips per applied migration (3 statements) | statements per migration "
                    + "| no-op start: round trips | no-op: statements | no-op: connections |");
            System.out.println("|---|---:|---:|---:|---:|---:|");
            for (Map.Entry<Tool, long[]> e : roundTrips.entrySet()) {
                long[] v = e.getValue();
                System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %d | %d | %d |%n", e.getKey().label(),
                        (v[0] - v[6]) / 10.0, (v[1] - v[7]) / 10.0, v[3], v[4], v[5]);
            }
        }
        if (!memory.isEmpty()) {
            System.out.println();
            System.out.println("| memory check (child JVM) | result | wall time | output |");
            System.out.println("|---|---|---:|---|");
            memory.forEach(System.out::println);
        }
        targets();
        for (Map.Entry<String, String> n : notes.entrySet()) {
            System.out.println();
            System.out.println(n.getKey() + ":");
            System.out.println("```");
            System.out.println(n.getValue());
            System.out.println("```");
        }
    }

    private void perFile() {
        List<Integer> ns = new ArrayList<>();
        for (int n : new int[] {100, 1000, 10000}) {
            if (results.containsKey("noop-" + n + " migrate")) {
                ns.add(n);
            }
        }
        if (ns.size() < 2) {
            return;
        }
        System.out.println();
        System.out.println("No-op cost per file (difference of medians between sizes, divided by the extra files):");
        System.out.println();
        System.out.println("| command | tool | " + String.join(" | ", pairs(ns)) + " |");
        System.out.println("|---|---|" + "---:|".repeat(ns.size() - 1));
        for (String cmd : List.of("migrate", "validate", "status/info", "migrator resolve only")) {
            for (Tool tool : tools) {
                if (tool == Tool.RAW || (cmd.startsWith("migrator") && tool != Tool.MIGRATOR)) {
                    continue;
                }
                StringBuilder line = new StringBuilder("| " + cmd + " | " + tool.label() + " |");
                for (int i = 1; i < ns.size(); i++) {
                    double a = median("noop-" + ns.get(i - 1) + " " + cmd, tool);
                    double b = median("noop-" + ns.get(i) + " " + cmd, tool);
                    line.append(String.format(Locale.ROOT, " %.1f us |", (b - a) * 1000 / (ns.get(i) - ns.get(i - 1))));
                }
                System.out.println(line);
            }
        }
    }

    private static List<String> pairs(List<Integer> ns) {
        List<String> p = new ArrayList<>();
        for (int i = 1; i < ns.size(); i++) {
            p.add(ns.get(i - 1) + " -> " + ns.get(i));
        }
        return p;
    }

    private double median(String workload, Tool tool) {
        Map<Tool, Stats> row = results.get(workload);
        if (row == null || row.get(tool) == null || row.get(tool).count() == 0) {
            return Double.NaN;
        }
        return row.get(tool).median();
    }

    private double ratio(String workload, Tool tool) {
        return median(workload, tool) / median(workload, Tool.RAW);
    }

    private void targets() {
        System.out.println();
        System.out.println("| target | goal | migrator | Flyway | met? |");
        System.out.println("|---|---:|---:|---:|---|");
        target("apply-1000 vs raw", 1.10, ratio("apply-1000", Tool.MIGRATOR), ratio("apply-1000", Tool.FLYWAY), "x");
        target("apply-10 vs raw", 1.5, ratio("apply-10", Tool.MIGRATOR), ratio("apply-10", Tool.FLYWAY), "x");
        target("noop-1000 migrate vs raw floor", 2.0, ratio("noop-1000 migrate", Tool.MIGRATOR),
                ratio("noop-1000 migrate", Tool.FLYWAY), "x");
        if (!roundTrips.isEmpty()) {
            target("round trips per applied migration (3 statements)", 6, perMigration(Tool.MIGRATOR),
                    perMigration(Tool.FLYWAY), "");
            target("round trips for a no-op start (incl. pgjdbc's SET application_name)", 5, noopRt(Tool.MIGRATOR),
                    noopRt(Tool.FLYWAY), "");
        }
        target("startup (JVM, N=100) vs raw", 1.2, ratio("startup (JVM, N=100)", Tool.MIGRATOR),
                ratio("startup (JVM, N=100)", Tool.FLYWAY), "x");
        target("big-1 vs raw (should be ~1.0)", 1.10, ratio("big-1", Tool.MIGRATOR), ratio("big-1", Tool.FLYWAY),
                "x");
    }

    private double perMigration(Tool tool) {
        long[] v = roundTrips.get(tool);
        return (v == null) ? Double.NaN : (v[0] - v[6]) / 10.0;
    }

    private double noopRt(Tool tool) {
        long[] v = roundTrips.get(tool);
        return (v == null) ? Double.NaN : v[3];
    }

    private static void target(String name, double goal, double migrator, double flyway, String unit) {
        if (Double.isNaN(migrator)) {
            System.out.printf(Locale.ROOT, "| %s | <= %s%s | not run | | |%n", name, g(goal), unit);
            return;
        }
        System.out.printf(Locale.ROOT, "| %s | <= %s%s | %s%s | %s | %s |%n", name, g(goal), unit, g(migrator), unit,
                Double.isNaN(flyway) ? "not run" : g(flyway) + unit, (migrator <= goal) ? "met" : "**MISSED**");
    }

    private static String g(double v) {
        return (v == Math.rint(v) && v < 100) ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String f(double ms) {
        return (ms >= 100) ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.1f", ms);
    }
}
