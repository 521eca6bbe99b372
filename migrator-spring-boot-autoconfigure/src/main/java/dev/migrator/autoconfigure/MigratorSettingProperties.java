package dev.migrator.autoconfigure;

import java.util.Locale;

import dev.migrator.Setting;

/**
 * The Spring Boot name of each of core's settings: the {@code migrator.*} property that
 * sets it (or, for the DataSource, where it comes from), so that messages shown by this
 * module name what a Boot user changes.
 */
final class MigratorSettingProperties {

    private MigratorSettingProperties() {
    }

    /**
     * How a Spring Boot user sets the setting, e.g. {@code migrator.lock-wait-timeout}.
     * @param setting the setting
     * @return the property (for {@link Setting#DATA_SOURCE}, the properties and the bean
     * it may come from)
     */
    static String propertyOf(Setting setting) {
        if (setting == Setting.DATA_SOURCE) {
            return "spring.datasource.* (or migrator.url, migrator.user and migrator.password, or a "
                    + "@MigratorDataSource bean)";
        }
        return "migrator." + kebab(setting.builderName());
    }

    private static String kebab(String camelCase) {
        StringBuilder kebab = new StringBuilder();
        for (char c : camelCase.toCharArray()) {
            if (Character.isUpperCase(c)) {
                kebab.append('-').append(Character.toLowerCase(c));
            }
            else {
                kebab.append(c);
            }
        }
        return kebab.toString().toLowerCase(Locale.ROOT);
    }

}
