package org.weightstudio.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class PanelSheetTest {
    private static List<Panel> panels() {
        int[] argb = new int[28 * 28];
        float[] values = new float[28 * 28];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i % 29 - 14) / 14f;
        }
        HeatmapRasterizer.rasterize(values, 0, 1f, argb);
        return List.of(new Panel("a", null, argb, 28, 28, false), new Panel("b", "caption", argb, 28, 28, false));
    }

    /** Dark (ink) pixels in the left margin beside the colour bar, where only a clipping arrow can be. */
    private static int inkLeftOfTheBar(BufferedImage sheet) {
        int n = 0;
        for (int y = sheet.getHeight() - 54; y < sheet.getHeight(); y++) {
            for (int x = 0; x < 15; x++) {
                int c = sheet.getRGB(x, y);
                if (((c >> 16) & 0xFF) < 100 && (c & 0xFF) < 100) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void aClippedRangeIsMarkedOnTheBarAndAFullOneIsNot() {
        BufferedImage full = PanelSheet.compose("h", panels(), 2, 120, 1f, "label");
        BufferedImage clipped = PanelSheet.compose("h", panels(), 2, 120, 1f, "label", 0.004f, 2.5f);
        assertThat(inkLeftOfTheBar(full)).isZero();
        assertThat(inkLeftOfTheBar(clipped)).isGreaterThan(10);
        assertThat(clipped.getWidth()).isEqualTo(full.getWidth());
        assertThat(clipped.getHeight()).isEqualTo(full.getHeight());
    }
}
