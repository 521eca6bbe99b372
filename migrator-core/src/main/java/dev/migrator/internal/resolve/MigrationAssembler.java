package dev.migrator.internal.resolve;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.migrator.InvalidMigrationException;
import dev.migrator.MigrationVersion;

/**
 * Turns the files found in the locations into migrations: parses each name, computes each checksum, pairs rollback
 * scripts with their migrations, and reports bad names, unreadable or invalid files, duplicate versions, duplicate
 * repeatable descriptions and rollback scripts without a migration.
 */
final class MigrationAssembler {

    private static final String ROLLBACK_DIR = "rollback/";

    private final Problems problems;

    private final ScriptText reader = new ScriptText();

    private final Map<MigrationVersion, List<Script>> versioned = new TreeMap<>();

    private final Map<String, List<Script>> repeatable = new TreeMap<>();

    private final Map<Location, Map<MigrationVersion, List<Script>>> rollbacks = new LinkedHashMap<>();

    MigrationAssembler(Problems problems) {
        this.problems = problems;
    }

    /** Adds a file found in a location; files that are not scripts are ignored. */
    void add(LocatedScript file) {
        String fileName = file.fileName();
        if (!fileName.endsWith(ScriptName.SUFFIX)) {
            if (fileName.toLowerCase(Locale.ROOT).endsWith(ScriptName.SUFFIX)) {
                problems.add(file.displayName(), 0, file.displayName() + " ends in '"
                        + fileName.substring(fileName.length() - 4) + "', but scripts must end in '.sql' (lower "
                        + "case). Fix: rename it to end in .sql");
            }
            return;
        }
        String path = file.relativePath();
        boolean inRollback = path.startsWith(ROLLBACK_DIR);
        if (!inRollback && (path.contains("/" + ROLLBACK_DIR))) {
            problems.add(file.displayName(), 0, file.displayName() + " is in a rollback/ directory that is not "
                    + "directly under its location, so it would run as a migration. Fix: move it to "
                    + file.location().displayName(ROLLBACK_DIR) + ", where rollback scripts are recognised");
            return;
        }
        ScriptName name;
        try {
            name = inRollback ? ScriptName.rollback(fileName) : ScriptName.migration(fileName);
        }
        catch (IllegalArgumentException ex) {
            problems.add(file.displayName(), 0, file.displayName() + " " + ex.getMessage() + ". Fix: rename it; "
                    + ScriptName.ACCEPTED);
            return;
        }
        String checksum;
        try {
            checksum = file.checksum(reader);
        }
        catch (InvalidMigrationException ex) {
            problems.add(ex);
            return;
        }
        catch (IOException ex) {
            problems.add(file.displayName(), 0, file.displayName() + " cannot be read: " + Problems.reason(ex)
                    + ". Fix: make it readable by the application", ex);
            return;
        }
        Script script = new Script(name, file, checksum);
        switch (name.type()) {
            case VERSIONED -> versioned.computeIfAbsent(name.version(), (v) -> new ArrayList<>()).add(script);
            case REPEATABLE -> repeatable.computeIfAbsent(name.description(), (d) -> new ArrayList<>()).add(script);
            case ROLLBACK -> rollbacks.computeIfAbsent(file.location(), (l) -> new TreeMap<>())
                    .computeIfAbsent(name.version(), (v) -> new ArrayList<>()).add(script);
            default -> throw new IllegalStateException("ScriptName gave the type " + name.type() + " for " + file);
        }
    }

    /**
     * The migrations: versioned ones by version, then repeatable ones by description. Call after every file was
     * added; problems found are added to the problems given to the constructor.
     */
    List<ResolvedMigration> assemble() {
        Map<Script, LocatedScript> pairs = pairRollbacks();
        List<ResolvedMigration> migrations = new ArrayList<>(versioned.size() + repeatable.size());
        for (Map.Entry<MigrationVersion, List<Script>> entry : versioned.entrySet()) {
            List<Script> scripts = entry.getValue();
            if (scripts.size() > 1) {
                problems.add(scripts.get(0).file().displayName(), 0, "Version " + spellings(scripts) + " is used by "
                        + scripts.size() + " files: " + describe(scripts) + ". Versions compare numerically ("
                        + "1, 001 and 1.0 are the same version). Fix: give each migration its own version");
                continue;
            }
            Script script = scripts.get(0);
            migrations.add(script.toMigration(pairs.get(script)));
        }
        for (Map.Entry<String, List<Script>> entry : repeatable.entrySet()) {
            List<Script> scripts = entry.getValue();
            if (scripts.size() > 1) {
                problems.add(scripts.get(0).file().displayName(), 0, "The repeatable description '" + entry.getKey()
                        + "' is used by " + scripts.size() + " files: " + describe(scripts) + ". The description "
                        + "identifies a repeatable script in the history. Fix: rename all but one of them");
                continue;
            }
            migrations.add(scripts.get(0).toMigration(null));
        }
        return migrations;
    }

    private Map<Script, LocatedScript> pairRollbacks() {
        Map<Script, LocatedScript> pairs = new LinkedHashMap<>();
        for (Map.Entry<Location, Map<MigrationVersion, List<Script>>> inLocation : rollbacks.entrySet()) {
            Location location = inLocation.getKey();
            for (Map.Entry<MigrationVersion, List<Script>> entry : inLocation.getValue().entrySet()) {
                List<Script> scripts = entry.getValue();
                if (scripts.size() > 1) {
                    problems.add(scripts.get(0).file().displayName(), 0, "Version " + spellings(scripts) + " has "
                            + scripts.size() + " rollback scripts: " + describe(scripts) + ". Fix: keep one");
                    continue;
                }
                Script rollback = scripts.get(0);
                List<Script> forward = versioned.getOrDefault(entry.getKey(), List.of());
                List<Script> here = forward.stream().filter((s) -> s.file().location().equals(location)).toList();
                if (here.size() == 1) {
                    pairs.put(here.get(0), rollback.file());
                }
                else if (here.isEmpty()) {
                    problems.add(rollback.file().displayName(), 0, orphan(rollback, location, forward));
                }
            }
        }
        return pairs;
    }

    private static String orphan(Script rollback, Location location, List<Script> elsewhere) {
        String message = rollback.file().displayName() + " is a rollback script for version "
                + rollback.name().version() + ", but " + location.displayName() + " has no migration with that "
                + "version.";
        if (elsewhere.isEmpty()) {
            return message + " Fix: correct the version in its name, add the migration, or delete it";
        }
        return message + " The migration is " + elsewhere.get(0).file().displayName() + ". Fix: move the "
                + "rollback script to " + elsewhere.get(0).file().location().displayName(ROLLBACK_DIR);
    }

    /** The version as the first script writes it, and its other spellings: {@code 1 (also written 001)}. */
    private static String spellings(List<Script> scripts) {
        String first = scripts.get(0).name().version().toString();
        String others = scripts.stream().map((s) -> s.name().version().toString()).distinct()
                .filter((v) -> !v.equals(first)).collect(Collectors.joining(", "));
        return others.isEmpty() ? first : first + " (also written " + others + ")";
    }

    private static String describe(List<Script> scripts) {
        return scripts.stream().map((s) -> s.file().describe()).collect(Collectors.joining(", "));
    }

    /** A script with its parsed name and checksum. */
    private record Script(ScriptName name, LocatedScript file, String checksum) {

        ResolvedMigration toMigration(ScriptResource rollback) {
            return new ResolvedMigration(name.version(), name.description(), name.type(), file.relativePath(),
                    checksum, file, rollback);
        }

        @Override
        public boolean equals(Object obj) {
            return this == obj;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
