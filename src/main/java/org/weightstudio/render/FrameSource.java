package org.weightstudio.render;

import java.awt.image.BufferedImage;

/**
 * The pictures of an animation, rendered on demand so that a long export holds one picture in
 * memory at a time.
 */
public interface FrameSource {
    int count();

    /** Picture {@code i}, 0 &lt;= i &lt; count(). */
    BufferedImage picture(int i);
}
