package dev.migrator.internal.resolve;

import java.io.IOException;
import java.util.List;

import dev.migrator.InvalidMigrationException;
import dev.migrator.MigrationType;

/**
 * The checksums of the scripts among the files found, computed as {@link SharedWork}
 * (chunks of files that any thread may take, each thread with a {@link ScriptText} of its
 * own) into one slot per file: the checksum, or the failure reading the file ended in;
 * and, within a {@link TextBudget}, the normalised bytes of migration scripts (not of
 * rollback scripts), so that the run does not read them again. The assembler then takes
 * them in the files' order on one thread, so migrations and problems are those of reading
 * the files one after the other.
 */
final class Checksums {

    /**
     * Files per chunk: small enough for a second thread to share 1,000 small files
     * evenly.
     */
    static final int CHUNK_SIZE = 16;

    private final List<NamedFile> files;

    private final String[] checksums;

    private final Exception[] failures;

    private final byte[][] texts;

    private final TextBudget budget;

    private final SharedWork work;

    Checksums(List<NamedFile> files, TextBudget budget) {
        this.files = files;
        this.budget = budget;
        this.checksums = new String[files.size()];
        this.failures = new Exception[files.size()];
        this.texts = new byte[files.size()][];
        this.work = new SharedWork(files.size(), CHUNK_SIZE, () -> {
            ScriptText reader = new ScriptText();
            return (index) -> compute(index, reader);
        });
    }

    /**
     * The work of computing the checksums, for the owner to {@link SharedWork#complete()
     * complete}.
     */
    SharedWork work() {
        return this.work;
    }

    private void compute(int index, ScriptText reader) {
        NamedFile file = this.files.get(index);
        if (!file.isScript()) {
            return;
        }
        try {
            int keepUpTo = (file.name().type() != MigrationType.ROLLBACK) ? this.budget.fileBytes() : 0;
            this.checksums[index] = file.file().checksum(reader, keepUpTo);
            int kept = reader.keptLength(); // -1 when nothing was to be kept, or the file
                                            // did not fit
            if (kept >= 0 && this.budget.take(kept)) {
                this.texts[index] = reader.keptCopy();
            }
        }
        catch (IOException | InvalidMigrationException ex) {
            this.failures[index] = ex;
        }
    }

    /**
     * The normalised bytes of the file at an index, once the work is complete;
     * {@code null} when not kept.
     */
    byte[] text(int index) {
        return this.texts[index];
    }

    /**
     * The checksum of the file at an index, once the work is complete.
     * @throws IOException or {@link InvalidMigrationException}: what reading the file
     * threw
     */
    String get(int index) throws IOException {
        Exception failure = this.failures[index];
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof InvalidMigrationException invalid) {
            throw invalid;
        }
        return this.checksums[index];
    }

}
