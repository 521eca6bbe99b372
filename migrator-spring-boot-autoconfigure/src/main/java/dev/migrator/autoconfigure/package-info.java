/**
 * Spring Boot auto-configuration of migrator, its configuration properties and its
 * start-up strategies.
 */
package dev.migrator.autoconfigure;
