/**
 * The PostgreSQL advisory lock that keeps two runs on one history table apart. Internal:
 * not an API.
 */
package dev.migrator.internal.lock;
