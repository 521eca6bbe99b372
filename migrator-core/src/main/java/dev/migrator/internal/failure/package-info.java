/**
 * The rendering of a migration failure: the aligned block that every front end shows as
 * it is.
 */
package dev.migrator.internal.failure;
