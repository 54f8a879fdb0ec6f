package org.weightstudio.training;

/**
 * A frame as handed from the trainer to its consumers, with the run it belongs to. A reset starts
 * a new run (new weights), so the change since a picture of the old run means nothing; the delta
 * is then taken against the first frame of the new run instead.
 *
 * @param run   counts resets: 0 for the first run
 * @param start the run's first frame (its initial weights)
 * @param frame the frame itself
 */
public record PublishedFrame(long run, Frame start, Frame frame) {
    /**
     * out = W_frame - W_lastDrawn: the change since the picture drawn before, covering every
     * update in between however many frames the consumer skipped. Against a picture of another
     * run (or none), the change since this run's start.
     */
    public float[] deltaSince(PublishedFrame lastDrawn, float[] out) {
        Frame earlier = lastDrawn != null && lastDrawn.run == run ? lastDrawn.frame : start;
        return frame.deltaSince(earlier, out);
    }

    public long step() {
        return frame.step();
    }
}
