/**
 * The public API of migrator: {@link dev.migrator.Migrator}, its configuration, the
 * results of its commands and the migration status every front end reads.
 */
package dev.migrator;
