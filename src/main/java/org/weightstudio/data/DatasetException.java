package org.weightstudio.data;

import org.weightstudio.common.BadInputException;

/** A dataset file that is missing, malformed, truncated or inconsistent with its partner. */
public final class DatasetException extends BadInputException {
    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
