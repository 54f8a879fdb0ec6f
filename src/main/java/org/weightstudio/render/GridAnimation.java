package org.weightstudio.render;

import java.awt.image.BufferedImage;
import java.util.List;
import org.weightstudio.training.Frame;

/**
 * A series of frames (a recorded history, a step range of it, or the CLI's pictures) as the
 * pictures of an animation, rendered one at a time. Each picture's delta follows the snapshot
 * recipe: W of this frame minus W of the previous picture in the series; the first picture shows
 * its frame's own delta.
 */
public final class GridAnimation implements FrameSource {
    private final List<Frame> frames;
    private final GridOptions options;
    private final SnapshotInfo info;

    /**
     * {@code frames} is read as it is, not copied: a {@code FrameHistory} list builds each frame
     * when asked, and copying it would hold them all at once. The list must not change.
     */
    public GridAnimation(List<Frame> frames, GridOptions options, SnapshotInfo info) {
        this.frames = java.util.Collections.unmodifiableList(frames);
        this.options = options;
        this.info = info;
    }

    @Override
    public int count() {
        return frames.size();
    }

    @Override
    public BufferedImage picture(int i) {
        Frame frame = frames.get(i);
        if (i == 0) {
            return SnapshotWriter.renderGrid(frame, options, info).image();
        }
        Frame before = frames.get(i - 1);
        return SnapshotWriter.renderGrid(frame, frame.deltaSince(before), before.step(), options, info).image();
    }
}
