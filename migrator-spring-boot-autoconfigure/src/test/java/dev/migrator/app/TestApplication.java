package dev.migrator.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A plain Spring Boot application for the full-stack tests: only the starter's
 * auto-configuration adds migrator.
 */
@SpringBootApplication
public class TestApplication {

}
