/**
 * Executing commands: the session a command runs in, script execution with its history
 * row, session settings, failed attempts, lock blockers, cancellation and the file
 * resolution that runs beside the database work.
 */
package dev.migrator.internal.execute;
