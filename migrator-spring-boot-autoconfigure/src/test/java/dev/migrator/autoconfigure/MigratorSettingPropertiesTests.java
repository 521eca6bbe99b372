package dev.migrator.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.migrator.Setting;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property {@link MigratorSettingProperties} names for each of core's settings exists
 * in this module's configuration metadata (generated from {@link MigratorProperties}).
 */
class MigratorSettingPropertiesTests {

    @Test
    void everySettingButTheDataSourceMapsToAnExistingProperty() throws IOException {
        String metadata = metadata();
        for (Setting setting : Setting.values()) {
            if (setting == Setting.DATA_SOURCE) {
                continue;
            }
            String property = MigratorSettingProperties.propertyOf(setting);
            assertThat(Pattern.compile("\"name\"\\s*:\\s*\"" + Pattern.quote(property) + "\"").matcher(metadata).find())
                .as("%s maps to %s, a property in the configuration metadata", setting, property)
                .isTrue();
        }
    }

    @Test
    void theDataSourceMapsToTheDataSourcePropertiesAndTheQualifiedBean() throws IOException {
        String named = MigratorSettingProperties.propertyOf(Setting.DATA_SOURCE);
        assertThat(named).contains("spring.datasource.*").contains("migrator.url").contains("@MigratorDataSource");
        assertThat(metadata()).contains("\"migrator.url\"");
    }

    @Test
    void lockWaitTimeoutMapsToItsKebabCaseProperty() {
        assertThat(MigratorSettingProperties.propertyOf(Setting.LOCK_WAIT_TIMEOUT))
            .isEqualTo("migrator.lock-wait-timeout");
    }

    private static String metadata() throws IOException {
        StringBuilder all = new StringBuilder();
        for (URL url : Collections.list(MigratorSettingPropertiesTests.class.getClassLoader()
            .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(all).as("generated configuration metadata").isNotEmpty();
        return all.toString();
    }

}
