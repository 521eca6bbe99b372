/**
 * Benchmarks of migrator against Flyway and raw JDBC on a real PostgreSQL (not part of
 * the product).
 */
package dev.migrator.benchmarks;
