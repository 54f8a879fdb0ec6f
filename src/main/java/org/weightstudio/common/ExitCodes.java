package org.weightstudio.common;

/** Unix exit codes, after sysexits.h. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The command was used wrongly: unknown option, bad value. */
    public static final int USAGE = 64;
    /** The input data, model file or image is not valid. */
    public static final int DATA = 65;
    /** A bug: something we did not expect went wrong. */
    public static final int SOFTWARE = 70;
    /** A file could not be written or read (permissions, full disk). */
    public static final int IO = 74;

    private ExitCodes() {
    }
}
