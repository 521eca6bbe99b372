/**
 * Test support: a fresh PostgreSQL database per test class, migration files on disk,
 * latches that fail instead of hanging.
 */
package dev.migrator.test;
