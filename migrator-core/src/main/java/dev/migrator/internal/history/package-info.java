/**
 * The history table: created, checked, read and appended to, never updated. Internal: not
 * an API.
 */
package dev.migrator.internal.history;
