package org.weightstudio.common;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

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
        if (failure instanceof FileSystemException f) {
            return f.getReason() != null ? f.getReason() : fileSystemReason(f);
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : firstLine(message);
    }

    /** The reason of a file-system failure that carries none (its message is just the file name). */
    private static String fileSystemReason(FileSystemException f) {
        if (f instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (f instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (f instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (f instanceof DirectoryNotEmptyException) {
            return "folder not empty";
        }
        return f.getClass().getSimpleName();
    }

    /** "FILE: reason" for a failure that names a file (most of java.nio's), else the reason alone. */
    public static String withFile(Throwable failure) {
        if (failure instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + ": " + reason(failure);
        }
        return reason(failure);
    }
}
