/**
 * The migrations health indicator and its place in the readiness group.
 */
package dev.migrator.health;
