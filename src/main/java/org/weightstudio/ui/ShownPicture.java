package org.weightstudio.ui;

import org.weightstudio.render.ScaleMode;
import org.weightstudio.training.PublishedFrame;

/**
 * What the grid shows: a frame, the change since the picture drawn before it (owned by this
 * record, never written again) and the colour scale. A Snapshot button or a recorder reads this.
 */
public record ShownPicture(PublishedFrame frame, float[] delta, ScaleMode scaleMode) {
    public long step() {
        return frame.step();
    }

    public ShownPicture withScaleMode(ScaleMode mode) {
        return new ShownPicture(frame, delta, mode);
    }
}
