/**
 * Micrometer meters of migrations, fed through the migration listener.
 */
package dev.migrator.metrics;
