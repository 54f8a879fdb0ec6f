package org.weightstudio.common;

/**
 * A problem with something the user handed us (a data file, a model file, an image, a value).
 * Its message is one line that names the thing and what is wrong with it; commands print it as
 * it is, without a stack trace, and exit with 65.
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
