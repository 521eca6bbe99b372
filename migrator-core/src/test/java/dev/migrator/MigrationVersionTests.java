package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class MigrationVersionTests {

    @Test
    void comparesPartsNumerically() {
        assertThat(MigrationVersion.parse("10")).isGreaterThan(MigrationVersion.parse("9"));
        assertThat(MigrationVersion.parse("1.10")).isGreaterThan(MigrationVersion.parse("1.9"));
        assertThat(MigrationVersion.parse("2")).isGreaterThan(MigrationVersion.parse("1.99"));
    }

    @Test
    void leadingZerosAndTrailingZeroPartsAreTheSameVersion() {
        assertThat(MigrationVersion.parse("001")).isEqualTo(MigrationVersion.parse("1"));
        assertThat(MigrationVersion.parse("1.0")).isEqualTo(MigrationVersion.parse("1"));
        assertThat(MigrationVersion.parse("001").hashCode()).isEqualTo(MigrationVersion.parse("1.0").hashCode());
    }

    @Test
    void keepsTheTextAsWritten() {
        assertThat(MigrationVersion.parse("001")).hasToString("001");
    }

    @Test
    void handlesTimestampVersionsBeyondLong() {
        assertThat(MigrationVersion.parse("99999999999999999999"))
                .isGreaterThan(MigrationVersion.parse("20261122093000"));
    }

    @Test
    void rejectsTextThatIsNotDigitsAndDots() {
        assertThatIllegalArgumentException().isThrownBy(() -> MigrationVersion.parse("1.a"))
                .withMessageContaining("'1.a' is not a migration version");
        assertThatIllegalArgumentException().isThrownBy(() -> MigrationVersion.parse("1..2"));
        assertThatIllegalArgumentException().isThrownBy(() -> MigrationVersion.parse(""));
    }

    @Test
    void acceptsExactlyDigitsWithOptionalDotsAsTheRegularExpressionDid() {
        java.util.regex.Pattern form = java.util.regex.Pattern.compile("\\d+(\\.\\d+)*");
        char[] alphabet = {'0', '7', '9', '.', 'a', ' ', '-', '\u0663', '/', ':'};
        java.util.List<String> texts = new java.util.ArrayList<>(java.util.List.of(""));
        for (int length = 1; length <= 5; length++) {
            java.util.List<String> longer = new java.util.ArrayList<>();
            for (String text : texts) {
                if (text.length() == length - 1) {
                    for (char c : alphabet) {
                        longer.add(text + c);
                    }
                }
            }
            texts.addAll(longer);
        }
        assertThat(texts).hasSizeGreaterThan(100_000);
        for (String text : texts) {
            assertThat(MigrationVersion.isValid(text)).as("'%s'", text).isEqualTo(form.matcher(text).matches());
        }
        assertThat(MigrationVersion.isValid(null)).isFalse();
    }
}
