/**
 * A sample Spring Boot application that uses the migrator starter.
 */
package dev.migrator.sample;
