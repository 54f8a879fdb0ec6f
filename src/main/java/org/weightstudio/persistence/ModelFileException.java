package org.weightstudio.persistence;

import org.weightstudio.common.BadInputException;

/** A model file that cannot be read, or whose content is not a valid model. */
public final class ModelFileException extends BadInputException {
    public ModelFileException(String message) {
        super(message);
    }
}
