package dev.migrator.internal.resolve;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.migrator.InvalidMigrationException;
import dev.migrator.MigrationVersion;

/**
 * Turns the files found in the locations into migrations: takes each file with its parsed
 * name ({@link NamedFile}) and its checksum (computed beforehand, see {@link Checksums}),
 * pairs rollback scripts with their migrations, and reports bad names, unreadable or
 * invalid files, duplicate versions, duplicate repeatable descriptions and rollback
 * scripts without a migration, in the order the files are added.
 */
final class MigrationAssembler {

    private final Problems problems;

    private final Map<MigrationVersion, List<Script>> versioned = new TreeMap<>();

    private final Map<String, List<Script>> repeatable = new TreeMap<>();

    private final Map<Location, Map<MigrationVersion, List<Script>>> rollbacks = new LinkedHashMap<>();

    MigrationAssembler(Problems problems) {
        this.problems = problems;
    }

    /**
     * Adds a file found in a location: a script with its checksum, or the problem with
     * its name; files that are not scripts are ignored. Problems are reported in the
     * order the files are added.
     * @param found the file, sorted out by its name
     * @param checksum the script's checksum; asked for only when the file is a script
     * @param text the script's normalised bytes when they were kept (see
     * {@link KeptScript}), else {@code null}
     */
    void add(NamedFile found, Checksum checksum, byte[] text) {
        LocatedScript file = found.file();
        if (found.problem() != null) {
            this.problems.add(file.displayName(), 0, found.problem());
            return;
        }
        if (!found.isScript()) {
            return;
        }
        ScriptName name = found.name();
        String value;
        try {
            value = checksum.get();
        }
        catch (InvalidMigrationException ex) {
            this.problems.add(ex);
            return;
        }
        catch (IOException ex) {
            this.problems.add(file.displayName(), 0, file.displayName() + " cannot be read: " + Problems.reason(ex)
                    + ". Fix: make it readable by the application", ex);
            return;
        }
        Script script = new Script(name, file, value, (text != null) ? new KeptScript(file, text, value) : file);
        switch (name.type()) {
            case VERSIONED -> this.versioned.computeIfAbsent(name.version(), (v) -> new ArrayList<>()).add(script);
            case REPEATABLE ->
                this.repeatable.computeIfAbsent(name.description(), (d) -> new ArrayList<>()).add(script);
            case ROLLBACK -> this.rollbacks.computeIfAbsent(file.location(), (l) -> new TreeMap<>())
                .computeIfAbsent(name.version(), (v) -> new ArrayList<>())
                .add(script);
            default -> throw new IllegalStateException("ScriptName gave the type " + name.type() + " for " + file);
        }
    }

    /**
     * The migrations: versioned ones by version, then repeatable ones by description.
     * Call after every file was added; problems found are added to the problems given to
     * the constructor.
     */
    List<ResolvedMigration> assemble() {
        Map<Script, LocatedScript> pairs = pairRollbacks();
        List<ResolvedMigration> migrations = new ArrayList<>(this.versioned.size() + this.repeatable.size());
        for (Map.Entry<MigrationVersion, List<Script>> entry : this.versioned.entrySet()) {
            List<Script> scripts = entry.getValue();
            if (scripts.size() > 1) {
                this.problems.add(scripts.get(0).file().displayName(), 0,
                        "Version " + spellings(scripts) + " is used by " + scripts.size() + " files: "
                                + describe(scripts) + ". Versions compare numerically ("
                                + "1, 001 and 1.0 are the same version). Fix: give each migration its own version");
                continue;
            }
            Script script = scripts.get(0);
            migrations.add(script.toMigration(pairs.get(script)));
        }
        for (Map.Entry<String, List<Script>> entry : this.repeatable.entrySet()) {
            List<Script> scripts = entry.getValue();
            if (scripts.size() > 1) {
                this.problems.add(scripts.get(0).file().displayName(), 0,
                        "The repeatable description '" + entry.getKey() + "' is used by " + scripts.size() + " files: "
                                + describe(scripts) + ". The description "
                                + "identifies a repeatable script in the history. Fix: rename all but one of them");
                continue;
            }
            migrations.add(scripts.get(0).toMigration(null));
        }
        return migrations;
    }

    private Map<Script, LocatedScript> pairRollbacks() {
        Map<Script, LocatedScript> pairs = new LinkedHashMap<>();
        for (Map.Entry<Location, Map<MigrationVersion, List<Script>>> inLocation : this.rollbacks.entrySet()) {
            Location location = inLocation.getKey();
            for (Map.Entry<MigrationVersion, List<Script>> entry : inLocation.getValue().entrySet()) {
                List<Script> scripts = entry.getValue();
                if (scripts.size() > 1) {
                    this.problems.add(scripts.get(0).file().displayName(), 0, "Version " + spellings(scripts) + " has "
                            + scripts.size() + " rollback scripts: " + describe(scripts) + ". Fix: keep one");
                    continue;
                }
                Script rollback = scripts.get(0);
                List<Script> forward = this.versioned.getOrDefault(entry.getKey(), List.of());
                List<Script> here = forward.stream().filter((s) -> s.file().location().equals(location)).toList();
                if (here.size() == 1) {
                    pairs.put(here.get(0), rollback.file());
                }
                else if (here.isEmpty()) {
                    this.problems.add(rollback.file().displayName(), 0, orphan(rollback, location, forward));
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
                + "rollback script to " + elsewhere.get(0).file().location().displayName(NamedFile.ROLLBACK_DIR);
    }

    /**
     * The version as the first script writes it, and its other spellings:
     * {@code 1 (also written 001)}.
     */
    private static String spellings(List<Script> scripts) {
        String first = scripts.get(0).name().version().toString();
        String others = scripts.stream()
            .map((s) -> s.name().version().toString())
            .distinct()
            .filter((v) -> !v.equals(first))
            .collect(Collectors.joining(", "));
        return others.isEmpty() ? first : first + " (also written " + others + ")";
    }

    private static String describe(List<Script> scripts) {
        return scripts.stream().map((s) -> s.file().describe()).collect(Collectors.joining(", "));
    }

    /** The checksum of a script, or the failure reading it ended in. */
    @FunctionalInterface
    interface Checksum {

        String get() throws IOException;

    }

    /**
     * A script with its parsed name and checksum, and the resource it runs from (the
     * file, or its kept text).
     */
    private record Script(ScriptName name, LocatedScript file, String checksum, ScriptResource resource) {

        ResolvedMigration toMigration(ScriptResource rollback) {
            return new ResolvedMigration(this.name.version(), this.name.description(), this.name.type(),
                    this.file.relativePath(), this.checksum, this.resource, rollback);
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
