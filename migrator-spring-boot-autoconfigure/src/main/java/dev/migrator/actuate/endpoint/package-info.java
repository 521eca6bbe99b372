/**
 * The {@code migrations} actuator endpoint.
 */
package dev.migrator.actuate.endpoint;
