/**
 * Finding the migration scripts in the configured locations, reading, checking and
 * checksumming them. Internal: not an API.
 */
package dev.migrator.internal.resolve;
