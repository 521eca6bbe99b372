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

    @Test
    void zeroWrittenAnyWayIsOneVersion() {
        assertThat(MigrationVersion.parse("0")).isEqualTo(MigrationVersion.parse("00.0"))
                .hasSameHashCodeAs(MigrationVersion.parse("0.000"));
        assertThat(MigrationVersion.parse("0.0.1")).isGreaterThan(MigrationVersion.parse("0"));
        assertThat(MigrationVersion.parse("1.01")).isEqualTo(MigrationVersion.parse("1.1"));
    }

    @Test
    void ordersAndEqualsLikeNumbersForRandomVersions() {
        java.util.Random random = new java.util.Random(42);
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

    private static String randomVersion(java.util.Random random) {
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
            java.math.BigInteger x = (i < pa.length) ? new java.math.BigInteger(pa[i]) : java.math.BigInteger.ZERO;
            java.math.BigInteger y = (i < pb.length) ? new java.math.BigInteger(pb[i]) : java.math.BigInteger.ZERO;
            int cmp = x.compareTo(y);
            if (cmp != 0) {
                return cmp;
            }
        }
        return 0;
    }
}
