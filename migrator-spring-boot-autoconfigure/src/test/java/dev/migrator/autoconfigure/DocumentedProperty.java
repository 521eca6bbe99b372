package dev.migrator.autoconfigure;

/**
 * A configuration property as a reader sees it: its name, its default as written in a
 * properties file (empty when it has none) and its description.
 *
 * @param name the full property name, e.g. {@code migrator.lock-timeout}
 * @param defaultValue the default, e.g. {@code 10s}; empty when the property has no
 * default
 * @param description the description, whitespace as written
 */
record DocumentedProperty(String name, String defaultValue, String description) {

    /**
     * Returns the description reduced to what a reader sees: Markdown code quotes and
     * escapes removed, runs of whitespace (line breaks included) collapsed to one space.
     * @return the normalised description
     */
    String normalisedDescription() {
        return this.description.replace("\\|", "|").replace("`", "").replaceAll("\\s+", " ").trim();
    }

}
