package dev.migrator.app;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a table created by a migration while the bean initializes: proves JdbcClient
 * users wait for migrations.
 */
@Component
@ConditionalOnBooleanProperty("test.read-greeting-on-startup")
public class GreetingReader implements InitializingBean {

    private final JdbcClient jdbc;

    private String greeting;

    GreetingReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void afterPropertiesSet() {
        this.greeting = this.jdbc.sql("select text || '/' || lang from greeting where id = 1")
            .query(String.class)
            .single();
    }

    String greeting() {
        return this.greeting;
    }

}
