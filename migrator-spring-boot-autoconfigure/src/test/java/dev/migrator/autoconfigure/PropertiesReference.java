package dev.migrator.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The properties reference, {@code docs/properties.md}: a Markdown table with one row per
 * {@code migrator.*} property, {@code | `name` | `default` | description |}, an empty
 * default cell for a property without a default.
 */
final class PropertiesReference {

    private static final String ROW_START = "| `migrator.";

    private PropertiesReference() {
    }

    /**
     * Returns where the reference is: {@code ../docs/properties.md} from this module's
     * directory.
     * @return the path of {@code docs/properties.md}
     */
    static Path file() {
        Path moduleDirectory = ConfigurationMetadataProperties.classesDirectory().getParent().getParent();
        return moduleDirectory.resolve("../docs/properties.md").normalize();
    }

    /**
     * Reads the rows of the reference's table, by property name.
     * @return the documented properties, sorted by name
     */
    static Map<String, DocumentedProperty> read() {
        Path file = file();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the properties reference " + file, ex);
        }
        Map<String, DocumentedProperty> rows = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith(ROW_START)) {
                DocumentedProperty row = parseRow(file, i + 1, line);
                if (rows.put(row.name(), row) != null) {
                    throw new IllegalStateException(
                            file + " line " + (i + 1) + ": " + row.name() + " is listed twice; keep one row");
                }
            }
        }
        return rows;
    }

    private static DocumentedProperty parseRow(Path file, int lineNumber, String line) {
        List<String> cells = cells(line);
        if (cells.size() != 3) {
            throw new IllegalStateException(file + " line " + lineNumber + ": expected 3 cells (property, default, "
                    + "description) but found " + cells.size() + "; escape a '|' in a description as '\\|'");
        }
        return new DocumentedProperty(unquote(cells.get(0)), unquote(cells.get(1)), cells.get(2));
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '|') {
                cell.append("\\|");
                i++;
            }
            else if (c == '|') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            }
            else {
                cell.append(c);
            }
        }
        return cells;
    }

    private static String unquote(String cell) {
        if (cell.length() >= 2 && cell.startsWith("`") && cell.endsWith("`")) {
            return cell.substring(1, cell.length() - 1);
        }
        return cell;
    }

}
