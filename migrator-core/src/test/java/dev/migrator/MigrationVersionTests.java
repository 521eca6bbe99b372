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
}
