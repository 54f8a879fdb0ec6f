package org.weightstudio.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;
import org.weightstudio.training.Frame;

/**
 * Draws a frame as the studio's grid picture: the ten weight tiles titled by class on top, the
 * ten {@code delta_} tiles below, a colour bar with its numeric range under each row (shared
 * scale) or each tile (per-tile scale), arrows and the clipped share on a robust bar whose range
 * leaves the largest values out, and a caption with step, epoch, learning rate, batch and
 * accuracy.
 *
 * <p>Pixels are deterministic: every rendering hint is set explicitly (shapes unantialiased,
 * text greyscale-antialiased with integer metrics), tiles are written as pixels rather than
 * scaled by Java2D, and nothing depends on the time or the screen. The same frame, delta, caption
 * and options give the same pixels on the same JDK and fonts, which is what lets the window's
 * Snapshot button and {@code weight-studio snapshot} produce identical files.
 *
 * <p>Java2D and ImageIO only, no JavaFX. Stateless apart from its options: safe to share.
 */
public final class GridRenderer {
    static final int MARGIN = 16;
    static final int COLUMN_GAP = 10;
    static final int ROW_GAP = 18;
    static final int MIN_COLUMN = 56;
    static final int BAR_HEIGHT = 10;
    static final int ARROW = 6;
    static final Color BACKGROUND = Color.WHITE;
    static final Color INK = new Color(0x20, 0x20, 0x20);
    static final Color NOTE_INK = new Color(0x55, 0x55, 0x55);
    static final Color BORDER = new Color(0xA8, 0xA8, 0xA8);

    private static final Font CAPTION_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font NOTE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private final GridOptions options;

    public GridRenderer(GridOptions options) {
        this.options = options;
    }

    public GridOptions options() {
        return options;
    }

    /**
     * Renders {@code frame}'s weights over {@code delta} (same layout as the weights: classes x
     * rows*cols). The caption says where the delta starts; see {@link GridCaption#of}.
     */
    public GridPicture render(Frame frame, float[] delta, GridCaption caption) {
        if (delta.length != frame.weights().length) {
            throw new IllegalArgumentException("delta holds " + delta.length + " values, weights "
                    + frame.weights().length);
        }
        int classes = frame.classes();
        int tileSize = frame.tileSize();
        PercentileRange robust = new PercentileRange();
        RowScale weightScale = RowScale.of(frame.weights(), classes, tileSize, options.scaleMode(), robust);
        RowScale deltaScale = RowScale.of(delta, classes, tileSize, options.scaleMode(), robust);
        float[] weightRanges = weightScale.ranges();
        float[] deltaRanges = deltaScale.ranges();

        Layout layout = new Layout(frame, caption, weightRanges, deltaRanges);
        Rectangle[] weightTiles = new Rectangle[classes];
        Rectangle[] deltaTiles = new Rectangle[classes];
        BufferedImage image = new BufferedImage(layout.width, layout.height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            setHints(g);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, layout.width, layout.height);
            drawCaption(g, layout, caption);
            int y = layout.gridTop;
            y = drawRow(g, layout, frame, frame.weights(), weightScale, caption, false, weightTiles, y);
            drawRow(g, layout, frame, delta, deltaScale, caption, true, deltaTiles, y + ROW_GAP);
        } finally {
            g.dispose();
        }
        return new GridPicture(image, weightScale, deltaScale, options, caption, weightTiles, deltaTiles);
    }

    /**
     * One tile alone, without title: {@code rows*scale x cols*scale} pixels of tile {@code tile}
     * of {@code values} coloured on [-range, range] (pass the range the grid used, from
     * {@link GridPicture}, so the tile looks as it did in the grid).
     */
    public static BufferedImage renderTile(float[] values, int tile, int rows, int cols, float range, int scale) {
        int[] raw = new int[rows * cols];
        HeatmapRasterizer.rasterize(values, tile * rows * cols, range, raw);
        int w = cols * scale;
        int h = rows * scale;
        int[] big = scale == 1 ? raw : HeatmapRasterizer.enlarge(raw, cols, rows, scale, new int[w * h]);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, w, h, big, 0, w);
        return image;
    }

    /** Every hint that changes pixels, set explicitly so that no platform default leaks in. */
    static void setHints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_DITHERING, RenderingHints.VALUE_DITHER_DISABLE);
        g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_ALPHA_INTERPOLATION, RenderingHints.VALUE_ALPHA_INTERPOLATION_QUALITY);
    }

    private void drawCaption(Graphics2D g, Layout l, GridCaption caption) {
        g.setColor(INK);
        g.setFont(CAPTION_FONT);
        g.drawString(l.captionLine, MARGIN, MARGIN + g.getFontMetrics().getAscent());
        g.setColor(NOTE_INK);
        g.setFont(NOTE_FONT);
        g.drawString(l.noteLine, MARGIN, l.noteBaseline);
    }

    /**
     * Titles, tiles, colour bar(s) and range labels of one row; records where the tiles went in
     * {@code tiles}; returns the y below the row.
     */
    private int drawRow(Graphics2D g, Layout l, Frame frame, float[] values, RowScale scale, GridCaption caption,
            boolean deltaRow, Rectangle[] tiles, int top) {
        float[] ranges = scale.ranges();
        int tileTop = top + l.titleHeight + 4;
        int barTop = tileTop + l.tileH + 8;
        int labelBaseline = barTop + BAR_HEIGHT + 3 + l.labelAscent;
        g.setFont(TITLE_FONT);
        FontMetrics titleMetrics = g.getFontMetrics();
        for (int t = 0; t < frame.classes(); t++) {
            int colX = l.gridLeft + t * (l.columnW + COLUMN_GAP);
            int tileX = colX + (l.columnW - l.tileW) / 2;
            String title = deltaRow ? caption.deltaTitle(t) : caption.weightTitle(t);
            g.setColor(INK);
            g.setFont(TITLE_FONT);
            g.drawString(title, colX + (l.columnW - titleMetrics.stringWidth(title)) / 2,
                    top + titleMetrics.getAscent());
            BufferedImage tile = renderTile(values, t, frame.rows(), frame.cols(), ranges[t], options.scale());
            g.drawImage(tile, tileX, tileTop, null);
            tiles[t] = new Rectangle(tileX, tileTop, l.tileW, l.tileH);
            g.setColor(BORDER);
            g.drawRect(tileX - 1, tileTop - 1, l.tileW + 1, l.tileH + 1);
            if (options.scaleMode() == ScaleMode.PER_TILE) {
                drawBar(g, tileX, barTop, l.tileW);
                drawCentred(g, "\u00b1" + number(ranges[t]), tileX + l.tileW / 2, labelBaseline);
            }
        }
        if (options.scaleMode().sharedPerRow()) {
            float r = ranges.length == 0 ? 0 : ranges[0];
            drawBar(g, l.gridLeft, barTop, l.gridW);
            g.setFont(LABEL_FONT);
            g.setColor(INK);
            g.drawString("-" + number(r), l.gridLeft, labelBaseline);
            drawCentred(g, "0", l.gridLeft + l.gridW / 2, labelBaseline);
            String right = "+" + number(r);
            g.drawString(right, l.gridLeft + l.gridW - g.getFontMetrics().stringWidth(right), labelBaseline);
            if (scale.clippedShare() > 0) {
                drawClipping(g, l.gridLeft, barTop, l.gridW, labelBaseline, scale);
            }
        }
        return labelBaseline + l.labelDescent;
    }

    /**
     * Marks a clipped range: an arrow beyond each end of the bar (values continue past it) and,
     * between the centre and the right end, what share of the row is clipped and the true maximum.
     */
    private static void drawClipping(Graphics2D g, int x, int barTop, int width, int labelBaseline, RowScale scale) {
        drawArrows(g, x, barTop, width);
        drawCentred(g, clippingLabel(scale), x + width * 3 / 4, labelBaseline);
    }

    /** An arrow beyond each end of the bar at (x, barTop), width wide: the values go on past its range. */
    static void drawArrows(Graphics2D g, int x, int barTop, int width) {
        g.setColor(INK);
        int mid = barTop + BAR_HEIGHT / 2;
        int h = BAR_HEIGHT / 2 + 1;
        // left arrow points left from x - 3, right arrow points right from x + width + 2
        g.fillPolygon(new int[] {x - 3, x - 3, x - 3 - ARROW}, new int[] {mid - h, mid + h, mid}, 3);
        g.fillPolygon(new int[] {x + width + 2, x + width + 2, x + width + 2 + ARROW},
                new int[] {mid - h, mid + h, mid}, 3);
    }

    /** "clipped 0.31%, max 3.41": the share of the row beyond the range and the row's true max |v|. */
    static String clippingLabel(RowScale scale) {
        double percent = 100.0 * scale.clippedShare();
        String share = percent < 0.01 ? "<0.01" : String.format(Locale.ROOT, "%.2f", percent);
        return "clipped " + share + "%, max " + number(scale.maximum());
    }

    static void drawCentred(Graphics2D g, String text, int centreX, int baseline) {
        g.setFont(LABEL_FONT);
        g.setColor(INK);
        g.drawString(text, centreX - g.getFontMetrics().stringWidth(text) / 2, baseline);
    }

    /** A horizontal colour bar from -range (left) through 0 (centre) to +range (right). */
    static void drawBar(Graphics2D g, int x, int y, int width) {
        for (int i = 0; i < width; i++) {
            // t runs from -1 at the left edge to +1 at the right edge
            float t = width == 1 ? 0 : -1f + 2f * i / (width - 1);
            g.setColor(new Color(DivergingColorMap.argbAt(t), false));
            g.fillRect(x + i, y, 1, BAR_HEIGHT);
        }
        g.setColor(BORDER);
        g.drawRect(x - 1, y - 1, width + 1, BAR_HEIGHT + 1);
    }

    /** A range for a label: three significant digits, plain for ordinary sizes. */
    static String number(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e4) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return String.format(Locale.ROOT, "%.2e", v);
    }

    /** A setting such as a learning rate: as short as it can be without losing digits that matter. */
    static String setting(double v) {
        if (v != 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e6)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        String s = String.format(Locale.ROOT, "%.6f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    static String captionLine(GridCaption c) {
        String lr = "lr " + setting(c.learningRate());
        if (Math.abs(c.currentLearningRate() - c.learningRate()) > 1e-12) {
            lr += " (now " + setting(Double.parseDouble(String.format(Locale.ROOT, "%.4g", c.currentLearningRate())))
                    + ")";
        }
        String accuracy = Double.isNaN(c.accuracy()) ? "n/a"
                : String.format(Locale.ROOT, "%.1f%%", 100 * c.accuracy());
        return String.format(Locale.ROOT, "%s   step %d   epoch %.2f   %s   batch %d   train accuracy %s",
                c.dataset(), c.step(), c.epochs(), lr, c.batchSize(), accuracy);
    }

    static String noteLine(GridCaption c, ScaleMode mode) {
        String scale = switch (mode) {
            case SHARED -> "shared colour scale per row";
            case PER_TILE -> "colour scale per tile";
            case ROBUST -> "colour scale per row: 99.5th percentile of |v|";
        };
        String delta = c.deltaFromStep() == c.step() ? "delta (none yet)"
                : "delta = W(step " + c.step() + ") - W(step " + c.deltaFromStep() + ")";
        return "top: weights W   bottom: " + delta + "   " + scale;
    }

    /** Sizes and positions, measured with the same fonts and hints the drawing uses. */
    private final class Layout {
        final int tileW;
        final int tileH;
        final int columnW;
        final int gridW;
        final int gridLeft;
        final int gridTop;
        final int titleHeight;
        final int labelAscent;
        final int labelDescent;
        final int noteBaseline;
        final int width;
        final int height;
        final String captionLine;
        final String noteLine;

        Layout(Frame frame, GridCaption caption, float[] weightRanges, float[] deltaRanges) {
            BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = scratch.createGraphics();
            try {
                setHints(g);
                FontMetrics title = g.getFontMetrics(TITLE_FONT);
                FontMetrics label = g.getFontMetrics(LABEL_FONT);
                FontMetrics cap = g.getFontMetrics(CAPTION_FONT);
                FontMetrics note = g.getFontMetrics(NOTE_FONT);
                tileW = frame.cols() * options.scale();
                tileH = frame.rows() * options.scale();
                int widest = 0;
                for (int t = 0; t < frame.classes(); t++) {
                    widest = Math.max(widest, title.stringWidth(caption.weightTitle(t)));
                    widest = Math.max(widest, title.stringWidth(caption.deltaTitle(t)));
                    if (options.scaleMode() == ScaleMode.PER_TILE) {
                        widest = Math.max(widest, label.stringWidth("\u00b1" + number(weightRanges[t])));
                        widest = Math.max(widest, label.stringWidth("\u00b1" + number(deltaRanges[t])));
                    }
                }
                columnW = Math.max(Math.max(tileW + 2, widest + 6), MIN_COLUMN);
                gridW = frame.classes() * columnW + (frame.classes() - 1) * COLUMN_GAP;
                captionLine = GridRenderer.captionLine(caption);
                noteLine = GridRenderer.noteLine(caption, options.scaleMode());
                int textW = Math.max(cap.stringWidth(captionLine), note.stringWidth(noteLine));
                width = 2 * MARGIN + Math.max(gridW, textW);
                gridLeft = MARGIN + (width - 2 * MARGIN - gridW) / 2;
                noteBaseline = MARGIN + cap.getHeight() + 2 + note.getAscent();
                gridTop = noteBaseline + note.getDescent() + 14;
                titleHeight = title.getAscent() + title.getDescent();
                labelAscent = label.getAscent();
                labelDescent = label.getDescent();
                int rowH = titleHeight + 4 + tileH + 8 + BAR_HEIGHT + 3 + labelAscent + labelDescent;
                height = gridTop + 2 * rowH + ROW_GAP + MARGIN;
            } finally {
                g.dispose();
            }
        }
    }
}
