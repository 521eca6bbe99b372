package dev.migrator.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The properties reference ({@code docs/properties.md}) agrees with the configuration
 * metadata the build generates from {@link MigratorProperties}: every property, its
 * default and its description.
 */
class PropertiesReferenceTests {

    private static Map<String, DocumentedProperty> metadata;

    private static Map<String, DocumentedProperty> reference;

    @BeforeAll
    static void read() {
        metadata = ConfigurationMetadataProperties.read();
        reference = PropertiesReference.read();
    }

    @Test
    void metadataHasTheProperties() {
        assertThat(metadata).containsKeys("migrator.enabled", "migrator.locations", "migrator.health.cache-ttl");
    }

    @Test
    void everyPropertyIsInTheReference() {
        List<String> missing = new ArrayList<>(metadata.keySet());
        missing.removeAll(reference.keySet());
        assertThat(missing)
            .as("Properties missing from %s (add a row with the property's default and description; "
                    + "PropertiesReferenceTablePrinter prints the table)", PropertiesReference.file())
            .isEmpty();
    }

    @Test
    void referenceListsOnlyExistingProperties() {
        List<String> unknown = new ArrayList<>(reference.keySet());
        unknown.removeAll(metadata.keySet());
        assertThat(unknown)
            .as("Properties in %s that do not exist in the configuration metadata (remove or rename the rows)",
                    PropertiesReference.file())
            .isEmpty();
    }

    @Test
    void everyDefaultMatchesTheMetadata() {
        List<String> wrong = new ArrayList<>();
        reference.values().stream().filter((row) -> metadata.containsKey(row.name())).forEach((row) -> {
            String expected = metadata.get(row.name()).defaultValue();
            if (!expected.equals(row.defaultValue())) {
                wrong.add(row.name() + ": documented default '" + row.defaultValue() + "', metadata default '"
                        + expected + "'");
            }
        });
        assertThat(wrong).as("Defaults in %s that differ from the configuration metadata", PropertiesReference.file())
            .isEmpty();
    }

    @Test
    void everyDescriptionMatchesTheMetadata() {
        List<String> wrong = new ArrayList<>();
        reference.values().stream().filter((row) -> metadata.containsKey(row.name())).forEach((row) -> {
            String expected = metadata.get(row.name()).normalisedDescription();
            if (!expected.equals(row.normalisedDescription())) {
                wrong.add(row.name() + ": documented '" + row.normalisedDescription() + "', metadata (javadoc) '"
                        + expected + "'");
            }
        });
        assertThat(wrong)
            .as("Descriptions in %s that differ from the configuration metadata", PropertiesReference.file())
            .isEmpty();
    }

    @Test
    void everyPropertyHasADescription() {
        assertThat(metadata.values()).as("Properties without a description (add a javadoc comment to the field)")
            .filteredOn((property) -> property.normalisedDescription().isEmpty())
            .extracting(DocumentedProperty::name)
            .isEmpty();
    }

}
