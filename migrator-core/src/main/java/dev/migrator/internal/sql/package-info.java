/**
 * Splitting a script into statements and running them on a connection. Internal: not an
 * API.
 */
package dev.migrator.internal.sql;
