package org.weightstudio.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.weightstudio.render.ScaleMode;
import org.weightstudio.training.PublishedFrame;

/**
 * The picture the grid shows: the newest frame with its delta since the picture drawn before,
 * or, while the timeline looks back, a recorded one (the live picture is kept aside and comes
 * back with {@link #showLive()} or by itself when a new frame arrives). FX thread only.
 */
public final class PictureViewModel {
    private final ObjectProperty<ScaleMode> scaleMode;
    private final ReadOnlyObjectWrapper<ShownPicture> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper picturesDrawn = new ReadOnlyLongWrapper();
    private final List<Consumer<ShownPicture>> listeners = new ArrayList<>();
    /** The live picture while the timeline shows a recorded one (null when showing live). */
    private ShownPicture live;

    PictureViewModel(ObjectProperty<ScaleMode> scaleMode) {
        this.scaleMode = scaleMode;
        scaleMode.addListener((o, was, mode) -> {
            ShownPicture s = shown.get();
            if (s != null) {
                shown.set(s.withScaleMode(mode));
            }
        });
    }

    /** The live picture, whether or not the timeline shows a recorded one (null before the first). */
    ShownPicture live() {
        return live != null ? live : shown.get();
    }

    /** True if {@code latest} is a frame not drawn yet. */
    boolean isNew(PublishedFrame latest) {
        ShownPicture current = live();
        return latest != null && (current == null || latest != current.frame());
    }

    /**
     * Draws {@code latest}: its delta covers every update since the picture drawn before (frames
     * skipped in between included), or since the run's start after a reset. A new frame ends a
     * look at the timeline.
     */
    ShownPicture draw(PublishedFrame latest) {
        ShownPicture current = live();
        live = null;
        PublishedFrame before = current == null ? null : current.frame();
        float[] delta = latest.deltaSince(before, new float[latest.frame().weights().length]);
        long from = before != null && before.run() == latest.run() ? before.step() : latest.start().step();
        ShownPicture picture = new ShownPicture(latest, delta, from, scaleMode.get());
        shown.set(picture);
        picturesDrawn.set(picturesDrawn.get() + 1);
        for (Consumer<ShownPicture> l : listeners) {
            l.accept(picture);
        }
        return picture;
    }

    /** Shows a recorded picture instead of the live one (the timeline while paused). */
    public void showRecorded(ShownPicture recorded) {
        if (live == null) {
            live = shown.get();
        }
        shown.set(recorded.withScaleMode(scaleMode.get()));
    }

    /** Back to the live picture after {@link #showRecorded}. */
    public void showLive() {
        if (live != null) {
            ShownPicture l = live;
            live = null;
            shown.set(l.withScaleMode(scaleMode.get()));
        }
    }

    /** True while the timeline shows a recorded picture. */
    public boolean showingRecorded() {
        return live != null;
    }

    /** Adds a consumer of every picture drawn from a new frame, called on the FX thread. */
    public void addPictureListener(Consumer<ShownPicture> listener) {
        listeners.add(listener);
    }

    /** The picture on screen now: frame, delta and scale (for a Snapshot button). */
    public ReadOnlyObjectProperty<ShownPicture> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty picturesDrawnProperty() {
        return picturesDrawn.getReadOnlyProperty();
    }
}
