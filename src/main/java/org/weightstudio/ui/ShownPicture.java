package org.weightstudio.ui;

import org.weightstudio.render.ScaleMode;
import org.weightstudio.training.PublishedFrame;

/**
 * What the grid shows: a frame, the change since the picture drawn before it (owned by this
 * record, never written again) and the colour scale. A Snapshot button or a recorder reads this,
 * e.g. {@code SnapshotWriter.saveGrid(folder, p.frame().frame(), p.delta(), p.deltaFromStep(), ...)}.
 *
 * @param deltaFromStep the step the delta is measured from: the picture drawn before, or the
 *                      run's start after a reset
 */
public record ShownPicture(PublishedFrame frame, float[] delta, long deltaFromStep, ScaleMode scaleMode) {
    public long step() {
        return frame.step();
    }

    public ShownPicture withScaleMode(ScaleMode mode) {
        return new ShownPicture(frame, delta, deltaFromStep, mode);
    }
}
