package dev.migrator.actuate.endpoint;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials never survive {@link JdbcUrlSanitizer}.
 */
class JdbcUrlSanitizerTests {

    @Test
    void removesQueryString() {
        assertThat(JdbcUrlSanitizer.sanitize("jdbc:postgresql://db:5432/app?user=app&password=secret&ssl=true"))
            .isEqualTo("jdbc:postgresql://db:5432/app");
    }

    @Test
    void removesUserInfo() {
        assertThat(JdbcUrlSanitizer.sanitize("jdbc:postgresql://app:s3cr%40t@db:5432/app"))
            .isEqualTo("jdbc:postgresql://db:5432/app");
    }

    @Test
    void removesSemicolonProperties() {
        assertThat(JdbcUrlSanitizer.sanitize("jdbc:other://db/app;password=secret")).isEqualTo("jdbc:other://db/app");
    }

    @Test
    void keepsPlainUrlsAndNull() {
        assertThat(JdbcUrlSanitizer.sanitize("jdbc:postgresql://db/app")).isEqualTo("jdbc:postgresql://db/app");
        assertThat(JdbcUrlSanitizer.sanitize(null)).isNull();
    }

}
