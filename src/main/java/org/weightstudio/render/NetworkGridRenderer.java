package org.weightstudio.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.weightstudio.training.Frame;
import org.weightstudio.training.TensorFrame;

/**
 * The grid of a network with hidden layers (an MLP): the first layer's units as rows*cols weight
 * heatmaps, wrapped {@value #UNITS_PER_ROW} to a row, each band of units over the band of their
 * deltas; then every later dense layer's weights as one matrix heatmap (a row per output unit, a
 * column per input) beside its delta. Same colour map, colour-range modes and deterministic
 * drawing as {@link GridRenderer}; Java2D only.
 */
public final class NetworkGridRenderer {
    static final int UNITS_PER_ROW = 16;
    private static final int MARGIN = GridRenderer.MARGIN;
    private static final int GAP = 6;
    private static final int BAND_GAP = 14;
    private static final Font CAPTION_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font NOTE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font HEAD_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);

    private final GridOptions options;

    public NetworkGridRenderer(GridOptions options) {
        this.options = options;
    }

    /** Renders {@code frame} with {@code delta} as the first layer's delta (units x rows*cols). */
    public GridPicture render(Frame frame, float[] delta, GridCaption caption) {
        int units = frame.classes();
        int tile = frame.tileSize();
        float[] weightRanges = new float[units];
        float[] deltaRanges = new float[units];
        HeatmapRasterizer.ranges(frame.weights(), units, tile, options.scaleMode(), weightRanges);
        HeatmapRasterizer.ranges(delta, units, tile, options.scaleMode(), deltaRanges);
        // Hidden-unit tiles at up to 3 px a weight: 16 of them still fit a screen's width.
        int s = Math.max(1, Math.min(options.scale(), 3));
        int tileW = frame.cols() * s;
        int tileH = frame.rows() * s;
        int perRow = Math.min(UNITS_PER_ROW, units);
        int bands = (units + perRow - 1) / perRow;
        List<TensorFrame> matrices = laterWeights(frame);

        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D m = scratch.createGraphics();
        GridRenderer.setHints(m);
        FontMetrics title = m.getFontMetrics(TITLE_FONT);
        FontMetrics head = m.getFontMetrics(HEAD_FONT);
        FontMetrics cap = m.getFontMetrics(CAPTION_FONT);
        FontMetrics note = m.getFontMetrics(NOTE_FONT);
        m.dispose();

        String captionLine = frame.architecture() + "   " + GridRenderer.captionLine(caption);
        String noteLine = noteLine(frame, caption, matrices);
        int titleH = title.getAscent() + title.getDescent();
        int columnW = Math.max(tileW, title.stringWidth("d" + (units - 1))) + GAP;
        int gridW = perRow * columnW - GAP;
        int bandH = 2 * (titleH + tileH + 4) + BAND_GAP;
        int hiddenTop = MARGIN + cap.getHeight() + note.getHeight() + 10 + head.getHeight();
        int matrixTop = hiddenTop + bands * bandH + 10;
        int matricesH = 0;
        int matricesW = 0;
        for (TensorFrame t : matrices) {
            int cell = cellSize(t);
            matricesH += head.getHeight() + t.shape().dim(1) * cell + 18;
            matricesW = Math.max(matricesW, 2 * t.shape().dim(0) * cell + 3 * GAP + 2 * title.stringWidth("00"));
        }
        int width = 2 * MARGIN + Math.max(Math.max(gridW, matricesW),
                Math.max(cap.stringWidth(captionLine), note.stringWidth(noteLine)));
        int height = matrixTop + matricesH + MARGIN;

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Rectangle[] weightTiles = new Rectangle[units];
        Rectangle[] deltaTiles = new Rectangle[units];
        try {
            GridRenderer.setHints(g);
            g.setColor(GridRenderer.BACKGROUND);
            g.fillRect(0, 0, width, height);
            g.setColor(GridRenderer.INK);
            g.setFont(CAPTION_FONT);
            g.drawString(captionLine, MARGIN, MARGIN + cap.getAscent());
            g.setColor(GridRenderer.NOTE_INK);
            g.setFont(NOTE_FONT);
            g.drawString(noteLine, MARGIN, MARGIN + cap.getHeight() + note.getAscent());
            heading(g, String.format(Locale.ROOT, "%s: %d hidden units, weights (upper) over their delta (lower);"
                    + " range \u00b1%s / \u00b1%s", frame.tensors().get(0).name(), units,
                    GridRenderer.number(max(weightRanges)), GridRenderer.number(max(deltaRanges))), MARGIN,
                    hiddenTop - head.getDescent());
            for (int u = 0; u < units; u++) {
                int band = u / perRow;
                int x = MARGIN + (u % perRow) * columnW;
                int y = hiddenTop + band * bandH;
                weightTiles[u] = drawTile(g, frame.weights(), u, frame, weightRanges[u], s, "h" + u, x, y, title);
                deltaTiles[u] = drawTile(g, delta, u, frame, deltaRanges[u], s, "d" + u, x, y + titleH + tileH + 4,
                        title);
            }
            int y = matrixTop;
            for (TensorFrame t : matrices) {
                y = drawMatrix(g, t, y, head, title);
            }
        } finally {
            g.dispose();
        }
        return new GridPicture(image, weightRanges, deltaRanges, options, caption, weightTiles, deltaTiles);
    }

    /** Weight tensors after the first layer's: every rank-2 ".W". */
    private static List<TensorFrame> laterWeights(Frame frame) {
        List<TensorFrame> out = new ArrayList<>();
        for (int i = 1; i < frame.tensors().size(); i++) {
            TensorFrame t = frame.tensors().get(i);
            if (t.name().endsWith(".W") && t.shape().rank() == 2) {
                out.add(t);
            }
        }
        return out;
    }

    /** Pixels per matrix cell: the matrix about 640 pixels wide, 3 to 12 a cell. */
    private static int cellSize(TensorFrame t) {
        return Math.max(3, Math.min(12, 640 / t.shape().dim(0)));
    }

    private Rectangle drawTile(Graphics2D g, float[] values, int unit, Frame frame, float range, int s, String name,
            int x, int y, FontMetrics title) {
        g.setFont(TITLE_FONT);
        g.setColor(GridRenderer.INK);
        g.drawString(name, x, y + title.getAscent());
        int top = y + title.getAscent() + title.getDescent() + 2;
        g.drawImage(GridRenderer.renderTile(values, unit, frame.rows(), frame.cols(), range, s), x, top, null);
        g.setColor(GridRenderer.BORDER);
        Rectangle r = new Rectangle(x, top, frame.cols() * s, frame.rows() * s);
        g.drawRect(r.x - 1, r.y - 1, r.width + 1, r.height + 1);
        return r;
    }

    /**
     * W (in x out, as a dense layer stores it) drawn as out rows by in columns, and its delta
     * beside it; each on its own symmetric range. Returns the y below.
     */
    private int drawMatrix(Graphics2D g, TensorFrame t, int top, FontMetrics head, FontMetrics title) {
        int in = t.shape().dim(0);
        int out = t.shape().dim(1);
        int cell = cellSize(t);
        float[] rows = transpose(t.values(), in, out);
        float[] deltaRows = t.delta() == null ? new float[rows.length] : transpose(t.delta(), in, out);
        float range = HeatmapRasterizer.maxAbs(rows, 0, rows.length);
        float deltaRange = HeatmapRasterizer.maxAbs(deltaRows, 0, deltaRows.length);
        heading(g, String.format(Locale.ROOT, "%s: %d outputs x %d inputs (range \u00b1%s)   delta (range \u00b1%s)",
                t.name(), out, in, GridRenderer.number(range), GridRenderer.number(deltaRange)), MARGIN,
                top + head.getAscent());
        int y = top + head.getHeight() + 4;
        int labelW = title.stringWidth("00") + 4;
        int x = MARGIN + labelW;
        g.setFont(TITLE_FONT);
        g.setColor(GridRenderer.INK);
        for (int k = 0; k < out && cell >= title.getAscent() - 2; k++) {
            g.drawString(Integer.toString(k), MARGIN, y + k * cell + (cell + title.getAscent()) / 2 - 1);
        }
        g.drawImage(GridRenderer.renderTile(rows, 0, out, in, range, cell), x, y, null);
        g.setColor(GridRenderer.BORDER);
        g.drawRect(x - 1, y - 1, in * cell + 1, out * cell + 1);
        int dx = x + in * cell + 3 * GAP;
        g.drawImage(GridRenderer.renderTile(deltaRows, 0, out, in, deltaRange, cell), dx, y, null);
        g.drawRect(dx - 1, y - 1, in * cell + 1, out * cell + 1);
        return y + out * cell + 14;
    }

    private static float[] transpose(float[] w, int in, int out) {
        float[] rows = new float[w.length];
        for (int p = 0; p < in; p++) {
            for (int k = 0; k < out; k++) {
                rows[k * in + p] = w[p * out + k];
            }
        }
        return rows;
    }

    private static void heading(Graphics2D g, String text, int x, int baseline) {
        g.setFont(HEAD_FONT);
        g.setColor(GridRenderer.INK);
        g.drawString(text, x, baseline);
    }

    private static float max(float[] v) {
        float m = 0;
        for (float x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    private String noteLine(Frame frame, GridCaption caption, List<TensorFrame> matrices) {
        String delta = caption.deltaFromStep() == caption.step() ? "delta (none yet)"
                : "delta = W(step " + caption.step() + ") - W(step " + caption.deltaFromStep() + ")";
        String scale = options.scaleMode() == ScaleMode.SHARED ? "shared colour scale per row" : "colour scale per tile";
        return delta + "   " + scale + "   red > 0 > blue";
    }
}
