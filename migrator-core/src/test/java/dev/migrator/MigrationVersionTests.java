package dev.migrator;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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
        Pattern form = Pattern.compile("\\d+(\\.\\d+)*");
        char[] alphabet = { '0', '7', '9', '.', 'a', ' ', '-', '\u0663', '/', ':' };
        List<String> texts = new ArrayList<>(List.of(""));
        for (int length = 1; length <= 5; length++) {
            List<String> longer = new ArrayList<>();
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

    @Test
    void zeroWrittenAnyWayIsOneVersion() {
        assertThat(MigrationVersion.parse("0")).isEqualTo(MigrationVersion.parse("00.0"))
            .hasSameHashCodeAs(MigrationVersion.parse("0.000"));
        assertThat(MigrationVersion.parse("0.0.1")).isGreaterThan(MigrationVersion.parse("0"));
        assertThat(MigrationVersion.parse("1.01")).isEqualTo(MigrationVersion.parse("1.1"));
    }

    @Test
    void ordersAndEqualsLikeNumbersForRandomVersions() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            String a = randomVersion(random);
            String b = randomVersion(random);
            int expected = Integer.signum(numericCompare(a, b));
            MigrationVersion va = MigrationVersion.parse(a);
            MigrationVersion vb = MigrationVersion.parse(b);
            assertThat(Integer.signum(va.compareTo(vb))).as("%s vs %s", a, b).isEqualTo(expected);
            assertThat(va.equals(vb)).as("%s equals %s", a, b).isEqualTo(expected == 0);
            if (expected == 0) {
                assertThat(va.hashCode()).as("hash of %s and %s", a, b).isEqualTo(vb.hashCode());
            }
        }
    }

    private static String randomVersion(Random random) {
        StringBuilder text = new StringBuilder();
        int parts = 1 + random.nextInt(3);
        for (int p = 0; p < parts; p++) {
            text.append((p > 0) ? "." : "");
            int digits = 1 + random.nextInt(random.nextInt(8) == 0 ? 25 : 3);
            for (int d = 0; d < digits; d++) {
                text.append((char) ('0' + random.nextInt(random.nextBoolean() ? 2 : 10)));
            }
        }
        return text.toString();
    }

    /** The reference order: parts as numbers, missing parts are zero. */
    private static int numericCompare(String a, String b) {
        String[] pa = a.split("\\.");
        String[] pb = b.split("\\.");
        for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
            BigInteger x = (i < pa.length) ? new BigInteger(pa[i]) : BigInteger.ZERO;
            BigInteger y = (i < pb.length) ? new BigInteger(pb[i]) : BigInteger.ZERO;
            int cmp = x.compareTo(y);
            if (cmp != 0) {
                return cmp;
            }
        }
        return 0;
    }

}
