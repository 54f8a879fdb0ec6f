package org.weightstudio.training;

/**
 * Receives every frame the trainer publishes, in order, on the trainer thread. For consumers
 * that must see all frames (a timeline recorder), unlike the window, which takes only the
 * newest. Must return quickly: the trainer waits for it. Frames are immutable, so keeping a
 * reference is safe and cheap; hand heavy work to another thread.
 */
@FunctionalInterface
public interface FrameListener {
    void onFrame(PublishedFrame frame);
}
