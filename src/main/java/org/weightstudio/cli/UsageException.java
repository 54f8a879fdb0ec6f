package org.weightstudio.cli;

/** A value the command line accepted as text but that makes no sense; exits with 64. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
