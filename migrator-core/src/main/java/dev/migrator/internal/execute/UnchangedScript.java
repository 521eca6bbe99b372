package dev.migrator.internal.execute;

import dev.migrator.MigratorException;
import dev.migrator.internal.resolve.ScriptContent;
import dev.migrator.internal.resolve.ScriptResource;

/**
 * Refuses to run a file whose content is no longer what was resolved, checked and planned
 * at the start of the run.
 */
public final class UnchangedScript {

    private UnchangedScript() {
    }

    /**
     * Throws when the content read now does not have the checksum the file had when it
     * was resolved.
     */
    public static void check(ScriptResource resource, String resolvedChecksum, ScriptContent content) {
        if (resolvedChecksum != null && !resolvedChecksum.equals(content.checksum())) {
            throw new MigratorException(resource.displayName() + " changed while migrator was running (checksum "
                    + resolvedChecksum + " when the run started, " + content.checksum() + " now). Nothing of it "
                    + "was applied. Stop whatever is writing the migration files, then run again.");
        }
    }

}
