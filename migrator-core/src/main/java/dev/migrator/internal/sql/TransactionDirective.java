package dev.migrator.internal.sql;

/**
 * What a script's first-line directive ({@code -- migrator:transaction=true|false}) says
 * about its transaction mode.
 */
public enum TransactionDirective {

    /** No directive: the mode is detected from the statements. */
    NONE,

    /**
     * {@code -- migrator:transaction=true}: run in one transaction even if a statement
     * looks non-transactional.
     */
    TRANSACTIONAL,

    /**
     * {@code -- migrator:transaction=false}: run statement by statement in autocommit.
     */
    NON_TRANSACTIONAL

}
