package dev.migrator.internal.resolve;

/**
 * A migration script whose normalised bytes were kept when it was resolved:
 * {@link #read()} gives exactly the content that was checksummed then, without touching
 * the file again. What runs is what was checked, however the file changes afterwards, and
 * the file is read once per run instead of twice.
 */
final class KeptScript implements ScriptResource {

    private final LocatedScript file;

    private final byte[] normalised;

    private final String checksum;

    /**
     * Creates the kept script.
     * @param file the file the bytes came from
     * @param normalised its content as {@link ScriptText} normalised and checked it:
     * valid UTF-8, no BOM, LF only
     * @param checksum the SHA-256 of exactly these bytes
     */
    KeptScript(LocatedScript file, byte[] normalised, String checksum) {
        this.file = file;
        this.normalised = normalised;
        this.checksum = checksum;
    }

    @Override
    public String displayName() {
        return this.file.displayName();
    }

    @Override
    public String locationName() {
        return this.file.locationName();
    }

    @Override
    public String relativePath() {
        return this.file.relativePath();
    }

    /** The content as it was when resolved, with its checksum; no I/O. */
    @Override
    public ScriptContent read() {
        return ScriptContent.ofNormalised(this.normalised, this.checksum);
    }

    @Override
    public String toString() {
        return this.file.toString();
    }

}
