package dev.migrator.autoconfigure;

/**
 * Prints the table of {@code docs/properties.md} from the configuration metadata, for
 * pasting into the reference when properties change. Run it (e.g. from the IDE) after a
 * Maven build of this module, which generates the metadata.
 * {@link PropertiesReferenceTests} compares the reference with the metadata; it never
 * rewrites it.
 */
public final class PropertiesReferenceTablePrinter {

    private PropertiesReferenceTablePrinter() {
    }

    /**
     * Prints the table to standard output.
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println("| Property | Default | Description |");
        System.out.println("|---|---|---|");
        for (DocumentedProperty property : ConfigurationMetadataProperties.read().values()) {
            String defaultValue = property.defaultValue().isEmpty() ? "" : "`" + property.defaultValue() + "`";
            String description = property.description().replaceAll("\\s+", " ").trim().replace("|", "\\|");
            System.out.println("| `" + property.name() + "` | " + defaultValue + " | " + description + " |");
        }
    }

}
