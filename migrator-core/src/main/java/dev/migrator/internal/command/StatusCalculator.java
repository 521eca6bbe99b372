package dev.migrator.internal.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.migrator.HistoryEntry;
import dev.migrator.MigrationInfo;
import dev.migrator.MigrationState;
import dev.migrator.MigrationStatus;
import dev.migrator.MigrationType;
import dev.migrator.MigrationVersion;
import dev.migrator.internal.history.HistoryNotes;
import dev.migrator.internal.resolve.ResolvedMigration;

/**
 * Merges the resolved files with the history rows into one {@link MigrationStatus}. Pure:
 * no I/O.
 * <p>
 * A version's state comes from its rows in the order written: a completed
 * {@code versioned} or {@code baseline} row applies it, a completed {@code rollback} row
 * un-applies it, and a failed row newer than the last completed one makes it
 * {@code failed} (a failed rollback leaves it applied, with the error shown). Repair rows
 * (see {@link HistoryNotes}) change the accepted checksum but not when it was applied.
 * <p>
 * What a newer migrator wrote is read safely: a row of a kind this migrator does not know
 * ({@link HistoryEntry#type()} {@code null}) is left out (a newer format whose rows older
 * migrators must understand raises its {@code min-reader}, and they refuse the table); a
 * row with a status this migrator does not know (say {@code running}) makes its migration
 * {@link MigrationState#UNRECOGNIZED} until a {@code completed} or {@code failed} row
 * follows it: not applied, never run, and reported by validate, since whether it took
 * effect cannot be told.
 */
final class StatusCalculator {

    private StatusCalculator() {
    }

    static MigrationStatus calculate(String schema, String table, List<ResolvedMigration> files,
            List<HistoryEntry> rows) {
        Map<MigrationVersion, ResolvedMigration> versionedFiles = new LinkedHashMap<>();
        Map<String, ResolvedMigration> repeatableFiles = new LinkedHashMap<>();
        for (ResolvedMigration file : files) {
            if (file.isVersioned()) {
                versionedFiles.put(file.version(), file);
            }
            else {
                repeatableFiles.put(file.description(), file);
            }
        }
        Map<MigrationVersion, Track> versionTracks = new TreeMap<>();
        Map<String, Track> repeatableTracks = new TreeMap<>();
        MigrationVersion baseline = null;
        long lastRollback = 0;
        for (HistoryEntry row : rows) {
            if (row.type() == null) {
                continue; // a kind of row a newer migrator wrote: see the class comment
            }
            if (row.type() == MigrationType.ROLLBACK && row.isSuccess() && !HistoryNotes.isRepair(row.errorMessage())) {
                lastRollback = row.id();
            }
            if (row.type() == MigrationType.REPEATABLE) {
                repeatableTracks.computeIfAbsent(row.description(), (k) -> new Track()).add(row);
            }
            else if (row.version() != null) {
                MigrationVersion version = row.version();
                versionTracks.computeIfAbsent(version, (k) -> new Track()).add(row);
                if (row.type() == MigrationType.BASELINE && row.isSuccess()) {
                    baseline = version;
                }
            }
        }
        MigrationVersion highestFile = versionedFiles.keySet().stream().max(Comparator.naturalOrder()).orElse(null);

        TreeMap<MigrationVersion, MigrationInfo> versioned = new TreeMap<>();
        for (ResolvedMigration file : versionedFiles.values()) {
            Track track = versionTracks.get(file.version());
            versioned.put(file.version(), versionedInfo(file, track, baseline));
        }
        for (Map.Entry<MigrationVersion, Track> entry : versionTracks.entrySet()) {
            if (!versionedFiles.containsKey(entry.getKey())) {
                MigrationInfo info = unknownFileInfo(entry.getKey(), entry.getValue(), highestFile);
                if (info != null) {
                    versioned.put(entry.getKey(), info);
                }
            }
        }
        List<MigrationInfo> all = new ArrayList<>(versioned.values());
        MigrationVersion current = null;
        for (MigrationInfo info : versioned.values()) {
            if (info.state().isApplied()) {
                current = info.version();
            }
        }
        for (ResolvedMigration file : repeatableFiles.values()
            .stream()
            .sorted(Comparator.comparing(ResolvedMigration::description))
            .toList()) {
            all.add(repeatableInfo(file, repeatableTracks.get(file.description()), lastRollback));
        }
        for (Map.Entry<String, Track> entry : repeatableTracks.entrySet()) {
            if (!repeatableFiles.containsKey(entry.getKey()) && entry.getValue().unrecognized != null) {
                all.add(unrecognizedInfo(null, null, entry.getValue(), null));
            }
            else if (!repeatableFiles.containsKey(entry.getKey()) && entry.getValue().applied != null) {
                all.add(fromRow(entry.getValue().applied, null, MigrationState.MISSING, entry.getValue(), null));
            }
        }
        return new MigrationStatus(schema, table, current, all);
    }

    private static MigrationInfo versionedInfo(ResolvedMigration file, Track track, MigrationVersion baseline) {
        String rollback = (file.rollback() != null) ? file.rollback().relativePath() : null;
        if (track != null && track.unrecognized != null) {
            return unrecognizedInfo(file, file.version(), track, rollback);
        }
        if (track != null && track.failedAfterLastCompletion()) {
            return fileInfo(file, MigrationState.FAILED, track, rollback, track.lastFailure);
        }
        if (track != null && track.applied != null) {
            HistoryEntry applied = track.applied;
            MigrationState state;
            if (applied.type() == MigrationType.BASELINE) {
                state = MigrationState.BASELINE;
            }
            else if (!file.checksum().equals(track.acceptedChecksum)) {
                state = MigrationState.CHANGED;
            }
            else {
                state = MigrationState.APPLIED;
            }
            return fileInfo(file, state, track, rollback, track.lastFailure);
        }
        if (baseline != null && !file.version().isNewerThan(baseline)) {
            return fileInfo(file, MigrationState.BELOW_BASELINE, null, rollback, null);
        }
        return fileInfo(file, MigrationState.PENDING, track, rollback, (track != null) ? track.lastFailure : null);
    }

    private static MigrationInfo unknownFileInfo(MigrationVersion version, Track track, MigrationVersion highest) {
        if (track.unrecognized != null) {
            return unrecognizedInfo(null, version, track, null);
        }
        if (track.failedAfterLastCompletion() && track.applied == null) {
            return fromRow(track.lastFailure, version, MigrationState.FAILED, track, track.lastFailure);
        }
        if (track.applied == null) {
            return null;
        }
        MigrationState state;
        if (track.applied.type() == MigrationType.BASELINE) {
            state = MigrationState.BASELINE;
        }
        else if (highest == null || version.isNewerThan(highest)) {
            state = MigrationState.FUTURE;
        }
        else {
            state = MigrationState.MISSING;
        }
        return fromRow(track.applied, version, state, track,
                track.failedAfterLastCompletion() ? track.lastFailure : null);
    }

    /**
     * A repeatable migration is outdated when its file changed, and also when a rollback
     * ran after it was applied: the rollback may have dropped what it created (a view
     * over rolled-back tables), so it is applied again.
     */
    private static MigrationInfo repeatableInfo(ResolvedMigration file, Track track, long lastRollback) {
        if (track != null && track.unrecognized != null) {
            return unrecognizedInfo(file, null, track, null);
        }
        if (track != null && track.failedAfterLastCompletion()) {
            return fileInfo(file, MigrationState.FAILED, track, null, track.lastFailure);
        }
        if (track == null || track.applied == null) {
            return fileInfo(file, MigrationState.PENDING, track, null, null);
        }
        boolean current = file.checksum().equals(track.acceptedChecksum) && track.applied.id() > lastRollback;
        MigrationState state = current ? MigrationState.APPLIED : MigrationState.OUTDATED;
        return fileInfo(file, state, track, null, null);
    }

    private static MigrationInfo fileInfo(ResolvedMigration file, MigrationState state, Track track, String rollback,
            HistoryEntry failure) {
        HistoryEntry shown = (state == MigrationState.FAILED) ? failure : (track != null ? track.applied : null);
        if (state == MigrationState.PENDING) {
            shown = null;
        }
        return new MigrationInfo(file.version(), file.description(), file.type(), file.script(), file.checksum(), state,
                (shown != null) ? shown.appliedAt() : null, (shown != null) ? shown.appliedBy() : null,
                (shown != null) ? duration(shown) : null, (failure != null) ? failure.errorMessage() : null, rollback,
                (track != null) ? track.acceptedChecksum : null);
    }

    private static MigrationInfo fromRow(HistoryEntry row, MigrationVersion version, MigrationState state, Track track,
            HistoryEntry failure) {
        MigrationType type = (row.type() == MigrationType.ROLLBACK) ? MigrationType.VERSIONED : row.type();
        return new MigrationInfo(version, row.description(), type, row.script(), track.acceptedChecksum, state,
                row.appliedAt(), row.appliedBy(), duration(row), (failure != null) ? failure.errorMessage() : null,
                null, track.acceptedChecksum);
    }

    /**
     * A migration whose latest row has a status this migrator does not know: shown with
     * that row, and an error that names the status.
     * @param file its file, or {@code null} when there is none
     */
    private static MigrationInfo unrecognizedInfo(ResolvedMigration file, MigrationVersion version, Track track,
            String rollback) {
        HistoryEntry row = track.unrecognized;
        String error = "its latest history row (id " + row.id() + ") has status '" + row.status() + "', which a newer "
                + "migrator wrote and this one does not know";
        if (file != null) {
            return new MigrationInfo(file.version(), file.description(), file.type(), file.script(), file.checksum(),
                    MigrationState.UNRECOGNIZED, row.appliedAt(), row.appliedBy(), duration(row), error, rollback,
                    track.acceptedChecksum);
        }
        MigrationType type = (row.type() == MigrationType.ROLLBACK) ? MigrationType.VERSIONED : row.type();
        return new MigrationInfo(version, row.description(), type, row.script(), track.acceptedChecksum,
                MigrationState.UNRECOGNIZED, row.appliedAt(), row.appliedBy(), duration(row), error, null,
                track.acceptedChecksum);
    }

    private static Duration duration(HistoryEntry row) {
        return row.duration();
    }

    /** The rows of one version (or one repeatable), folded in the order written. */
    private static final class Track {

        /**
         * The row that applied it (versioned, repeatable or baseline), or null when not
         * applied.
         */
        private HistoryEntry applied;

        /**
         * The checksum accepted for the applied script: the applied row's, or a later
         * repair row's.
         */
        private String acceptedChecksum;

        private HistoryEntry lastCompletion;

        private HistoryEntry lastFailure;

        /**
         * The latest row when its status is one this migrator does not know; {@code null}
         * once a known one follows.
         */
        private HistoryEntry unrecognized;

        void add(HistoryEntry row) {
            if (!row.hasKnownStatus()) {
                this.unrecognized = row;
                return;
            }
            this.unrecognized = null;
            if (row.isFailed()) {
                if (row.type() != MigrationType.ROLLBACK) {
                    this.lastFailure = row;
                }
                return;
            }
            this.lastCompletion = row;
            boolean repair = HistoryNotes.isRepair(row.errorMessage());
            if (row.type() == MigrationType.ROLLBACK) {
                this.applied = null;
                this.acceptedChecksum = null;
                if (repair) {
                    this.lastFailure = null;
                }
            }
            else if (repair && this.applied != null) {
                this.acceptedChecksum = row.checksum();
            }
            else {
                this.applied = row;
                this.acceptedChecksum = row.checksum();
            }
        }

        boolean failedAfterLastCompletion() {
            return this.lastFailure != null
                    && (this.lastCompletion == null || this.lastFailure.id() > this.lastCompletion.id());
        }

    }

}
