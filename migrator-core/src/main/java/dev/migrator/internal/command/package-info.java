/**
 * The commands behind {@link dev.migrator.Migrator} (migrate, validate, status, rollback,
 * baseline, repair, dry run) and what a run works with. Internal: not an API.
 */
package dev.migrator.internal.command;
