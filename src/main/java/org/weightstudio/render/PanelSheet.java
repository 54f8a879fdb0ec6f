package org.weightstudio.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * Lays titled panels out on a grid, each scaled into the same square cell, with an optional
 * diverging colour bar underneath: the picture {@code weight-studio explain} writes.
 */
public final class PanelSheet {
    private static final int MARGIN = 16;
    private static final int TITLE = 38;
    private static final int BAR_HEIGHT = 54;
    private static final Color INK = new Color(30, 30, 30);

    private PanelSheet() {
    }

    /**
     * @param panels   the panels in reading order; a null entry leaves its cell empty
     * @param cell     side of each panel's square, pixels
     * @param barRange the symmetric range of the diverging colour bar, or NaN for no bar
     */
    public static BufferedImage compose(String heading, List<Panel> panels, int columns, int cell, float barRange,
            String barLabel) {
        return compose(heading, panels, columns, cell, barRange, barLabel, 0, barRange);
    }

    /**
     * As above, for a range that leaves some values out (a percentile, {@link PercentileRange}):
     * {@code clippedShare} (0..1) of the pixels lie beyond it and are drawn at full colour, which
     * the bar marks with an arrow past each end and "clipped x%, max y" ({@code trueMax}).
     */
    public static BufferedImage compose(String heading, List<Panel> panels, int columns, int cell, float barRange,
            String barLabel, float clippedShare, float trueMax) {
        int rows = (panels.size() + columns - 1) / columns;
        int width = MARGIN + columns * (cell + MARGIN);
        int headingHeight = heading == null ? 0 : 28;
        boolean bar = !Float.isNaN(barRange);
        int height = MARGIN + headingHeight + rows * (TITLE + cell + MARGIN) + (bar ? BAR_HEIGHT : 0);
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(INK);
        if (heading != null) {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(heading, MARGIN, MARGIN + 16);
        }
        for (int i = 0; i < panels.size(); i++) {
            if (panels.get(i) == null) {
                continue; // a gap: the next row of panels starts on a fresh line
            }
            int x = MARGIN + (i % columns) * (cell + MARGIN);
            int y = MARGIN + headingHeight + (i / columns) * (TITLE + cell + MARGIN);
            drawPanel(g, panels.get(i), x, y, cell);
        }
        if (bar) {
            drawBar(g, MARGIN, height - BAR_HEIGHT + 4, Math.min(width - 2 * MARGIN, 420), barRange, barLabel,
                    clippedShare, trueMax);
        }
        g.dispose();
        return sheet;
    }

    private static void drawPanel(Graphics2D g, Panel p, int x, int y, int cell) {
        g.setColor(INK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(p.title(), x, y + 14);
        if (p.caption() != null) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.drawString(p.caption(), x, y + 30);
        }
        BufferedImage image = new BufferedImage(p.width(), p.height(), BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, p.width(), p.height(), p.argb(), 0, p.width());
        // Fit the longer side into the cell, keep the aspect ratio, centre in the cell.
        double scale = (double) cell / Math.max(p.width(), p.height());
        int w = (int) Math.round(p.width() * scale);
        int h = (int) Math.round(p.height() * scale);
        int top = y + TITLE;
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, p.smooth()
                ? RenderingHints.VALUE_INTERPOLATION_BILINEAR : RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(image, x + (cell - w) / 2, top + (cell - h) / 2, w, h, null);
        g.setColor(new Color(200, 200, 200));
        g.setStroke(new BasicStroke(1));
        g.drawRect(x - 1, top - 1, cell + 1, cell + 1);
    }

    private static void drawBar(Graphics2D g, int x, int y, int width, float range, String label,
            float clippedShare, float trueMax) {
        int h = 14;
        for (int i = 0; i < width; i++) {
            float t = -1 + 2f * i / (width - 1);
            g.setColor(new Color(DivergingColorMap.argbAt(t)));
            g.drawLine(x + i, y, x + i, y + h);
        }
        g.setColor(INK);
        g.drawRect(x, y, width, h);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(String.format(Locale.ROOT, "%+.3f", -range), x, y + h + 14);
        String zero = "0";
        g.drawString(zero, x + width / 2 - g.getFontMetrics().stringWidth(zero) / 2, y + h + 14);
        String max = String.format(Locale.ROOT, "%+.3f", range);
        g.drawString(max, x + width - g.getFontMetrics().stringWidth(max), y + h + 14);
        if (label != null) {
            g.drawString(label, x + width + 12, y + h - 2);
        }
        if (clippedShare > 0) {
            // arrows past both ends: the colours continue beyond the range
            int mid = y + h / 2;
            g.fillPolygon(new int[] {x - 2, x - 2, x - 8}, new int[] {mid - 5, mid + 5, mid}, 3);
            g.fillPolygon(new int[] {x + width + 3, x + width + 3, x + width + 9}, new int[] {mid - 5, mid + 5, mid}, 3);
            String note = String.format(Locale.ROOT, "clipped %.2f%%, max %.3f", 100 * clippedShare, trueMax);
            g.drawString(note, x + width * 3 / 4 - g.getFontMetrics().stringWidth(note) / 2, y + h + 14);
        }
    }
}
