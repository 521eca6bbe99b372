package dev.migrator.internal.resolve;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

import dev.migrator.InvalidMigrationException;

/**
 * Collects every problem found while resolving, so that one
 * {@link InvalidMigrationException} can list them all.
 */
final class Problems {

    private final List<Problem> problems = new ArrayList<>();

    /** Records a problem; the message names the file, the cause and the fix. */
    void add(String script, int line, String message) {
        add(script, line, message, null);
    }

    /** Records a problem with the exception that revealed it. */
    void add(String script, int line, String message, Throwable cause) {
        this.problems.add(new Problem(script, line, message, cause));
    }

    /** Records the problem an {@link InvalidMigrationException} describes. */
    void add(InvalidMigrationException ex) {
        add(ex.getScript(), ex.getLine(), ex.getMessage(), ex);
    }

    boolean isEmpty() {
        return this.problems.isEmpty();
    }

    /** Throws one exception listing every problem, if there is any. */
    void throwIfAny() {
        if (this.problems.isEmpty()) {
            return;
        }
        Problem first = this.problems.get(0);
        StringBuilder message = new StringBuilder();
        if (this.problems.size() == 1) {
            message.append("Invalid migration files: ").append(first.message());
        }
        else {
            message.append("Invalid migration files (").append(this.problems.size()).append(" problems):");
            for (Problem problem : this.problems) {
                message.append("\n  - ").append(problem.message());
            }
        }
        InvalidMigrationException exception = new InvalidMigrationException(first.script(), first.line(),
                message.toString());
        for (Problem problem : this.problems) {
            if (problem.cause() == null) {
                continue;
            }
            if (exception.getCause() == null) {
                exception.initCause(problem.cause());
            }
            else {
                exception.addSuppressed(problem.cause());
            }
        }
        throw exception;
    }

    /** The operating system's reason for an I/O failure, in words. */
    static String reason(IOException ex) {
        if (ex instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (ex instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (ex instanceof FileSystemLoopException) {
            return "symbolic links form a loop";
        }
        if (ex instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        String message = ex.getMessage();
        return (message != null) ? message + " (" + ex.getClass().getSimpleName() + ")" : ex.getClass().getName();
    }

    private record Problem(String script, int line, String message, Throwable cause) {
    }

}
