package org.weightstudio.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The banner under the controls: a problem (stays until dealt with) or a passing note (a file
 * saved), which clears itself a few seconds later. FX thread only.
 */
public final class BannerViewModel {
    /** How long a passing note stays in the banner. */
    private static final long NOTE_NANOS = 6_000_000_000L;

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper isNote = new ReadOnlyBooleanWrapper(false);
    private long noteUntilNanos;

    /** Shows a problem (a settings file that could not be used, a failed write, ...). */
    public void warn(String warning) {
        isNote.set(false);
        message.set(warning);
    }

    /** Shows a passing note that clears itself after a few seconds. */
    public void inform(String note) {
        message.set(note);
        isNote.set(true);
        noteUntilNanos = System.nanoTime() + NOTE_NANOS;
    }

    /** Clears the banner (Play and Reset start afresh). */
    public void clear() {
        message.set("");
        isNote.set(false);
    }

    /** Called on each pulse: a note past its time goes. */
    void expireNote(long nowNanos) {
        if (isNote.get() && nowNanos - noteUntilNanos > 0) {
            clear();
        }
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True while the banner holds a passing note rather than a problem. */
    public ReadOnlyBooleanProperty messageIsNoteProperty() {
        return isNote.getReadOnlyProperty();
    }
}
