package org.weightstudio.common;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;

/** One-line wording of failures, for the one-line errors of the commands and the window. */
public final class Messages {
    private Messages() {
    }

    /** The first line of {@code text}, or "no detail" for none. */
    public static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "no detail";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    /**
     * Why {@code failure} happened, in one line without the file name: "permission denied", the
     * file system's reason ("Not a directory"), else the first line of its message, else its
     * class name.
     */
    public static String reason(Throwable failure) {
        if (failure instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (failure instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : firstLine(message);
    }

    /** "FILE: reason" for a failure that names a file (most of java.nio's), else the reason alone. */
    public static String withFile(Throwable failure) {
        if (failure instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + ": " + reason(failure);
        }
        return reason(failure);
    }
}
