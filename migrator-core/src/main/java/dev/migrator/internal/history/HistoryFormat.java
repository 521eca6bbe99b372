package dev.migrator.internal.history;

import java.util.List;

import dev.migrator.MigratorException;

/**
 * The history format this build of migrator writes, the {@code min-reader} it records
 * with it, and the steps that upgrade a table of an older format to it. A newer format
 * that only adds (nullable or defaulted columns, status values, kinds of row) keeps
 * {@code min-reader}; one that changes what older versions rely on (a column they read or
 * write, the meaning of a row they interpret) raises it to itself.
 */
final class HistoryFormat {

    /** This build: format 1, readable by format 1; nothing to upgrade from. */
    static final HistoryFormat CURRENT = new HistoryFormat(1, 1, List.of());

    private final FormatMarker marker;

    private final List<FormatUpgrade> upgrades;

    /**
     * Creates a format.
     * @param format the format written
     * @param minReader the oldest format a reader must know to use a table of this format
     * @param upgrades one step per older format, from format 1 up, in order
     */
    HistoryFormat(int format, int minReader, List<FormatUpgrade> upgrades) {
        if (minReader < 1 || minReader > format || upgrades.size() != format - 1) {
            throw new IllegalArgumentException(
                    "format " + format + ", min-reader " + minReader + ", " + upgrades.size() + " upgrade steps");
        }
        for (int i = 0; i < upgrades.size(); i++) {
            if (upgrades.get(i).from() != i + 1) {
                throw new IllegalArgumentException(
                        "upgrade step " + i + " is from format " + upgrades.get(i).from() + ", expected " + (i + 1));
            }
        }
        this.marker = new FormatMarker(format, minReader);
        this.upgrades = List.copyOf(upgrades);
    }

    /** The marker written on a table of this format. */
    FormatMarker marker() {
        return this.marker;
    }

    /** The format this build reads and writes. */
    int format() {
        return this.marker.format();
    }

    /** Whether a table with this marker is older than this build's format. */
    boolean isOlder(FormatMarker found) {
        return found.format() < format();
    }

    /** The steps from the given format to this one, in order. */
    List<FormatUpgrade> upgradesFrom(int from) {
        return this.upgrades.subList(Math.min(Math.max(from - 1, 0), this.upgrades.size()), this.upgrades.size());
    }

    /**
     * Checks that this build can use a table of the given marker.
     * @param found the table's marker, {@code null} when its comment is a marker that
     * cannot be parsed
     * @param comment the comment as found
     * @param qualified the table's name
     * @throws MigratorException when the table needs a newer migrator: the message names
     * both formats and the fix
     */
    void checkReadable(FormatMarker found, String comment, String qualified) {
        if (found == null) {
            throw new MigratorException("The history table " + qualified + " has a format marker this migrator "
                    + "cannot read (comment '" + comment + "'; this migrator reads history format " + format()
                    + " and older). It was written by a newer migrator, or the comment was edited. Upgrade migrator "
                    + "in this application; if the comment was edited, restore it to '" + FormatMarker.FIRST.comment()
                    + "' or the marker the newest migrator using it wrote.");
        }
        if (found.minReader() > format()) {
            throw new MigratorException("The history table " + qualified + " is in history format " + found.format()
                    + ", written by a newer migrator: it can only be used by a migrator that reads " + "history format "
                    + found.minReader() + " or later, and this migrator reads history format " + format()
                    + ". Upgrade migrator in this application (finish the deploy that brought the newer "
                    + "migrator). Rolling back to this version cannot use the table any more: that needs a database "
                    + "backup from before the upgrade. Never edit the table's comment to get past this.");
        }
    }

}
