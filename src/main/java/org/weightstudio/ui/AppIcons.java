package org.weightstudio.ui;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/** The application icon in the sizes a window manager picks from (made by AppIconGenerator, test sources). */
final class AppIcons {
    static final int[] WINDOW_SIZES = {16, 24, 32, 48, 64, 128, 256};

    private AppIcons() {
    }

    static List<Image> all() {
        List<Image> icons = new ArrayList<>();
        for (int size : WINDOW_SIZES) {
            icons.add(of(size));
        }
        return icons;
    }

    static Image of(int size) {
        String name = "icons/weight-studio-" + size + ".png";
        try (InputStream in = AppIcons.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new Image(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read resource " + name, e);
        }
    }
}
