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
 * The grid of a network with hidden layers. An MLP: the first layer's units as rows*cols weight
 * heatmaps, wrapped {@value #UNITS_PER_ROW} to a row, each band of units over the band of their
 * deltas; then every later dense layer's weights as one matrix heatmap (a row per output unit, a
 * column per input) beside its delta. A CNN (no template layer): one section per layer as the
 * window's layer grid lays it out ({@link LayerTiles}): the first convolution's filters enlarged
 * over their deltas, a later convolution's filters as a mosaic of small tiles beside its delta,
 * the dense weights per class as mosaics of the pooled maps they read; each section with a
 * colour bar and range for its weights and for its deltas. Same colour map, colour-range modes
 * and deterministic drawing as {@link GridRenderer}; Java2D only.
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

    /**
     * Renders {@code frame} with {@code delta} as the first layer's delta (units x rows*cols). A
     * frame without a template layer (a CNN) is drawn by layer sections with each tensor's own
     * delta, since {@code frame.previousStep()}; {@code delta} is then unused.
     */
    public GridPicture render(Frame frame, float[] delta, GridCaption caption) {
        if (frame.classes() == 0) {
            return renderLayers(frame, caption);
        }
        int units = frame.classes();
        int tile = frame.tileSize();
        PercentileRange robust = new PercentileRange();
        RowScale weightScale = RowScale.of(frame.weights(), units, tile, options.scaleMode(), robust);
        RowScale deltaScale = RowScale.of(delta, units, tile, options.scaleMode(), robust);
        float[] weightRanges = weightScale.ranges();
        float[] deltaRanges = deltaScale.ranges();
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
        return new GridPicture(image, weightScale, deltaScale, options, caption, weightTiles, deltaTiles);
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
        String scale = options.scaleMode() == ScaleMode.PER_TILE ? "colour scale per tile"
                : options.scaleMode() == ScaleMode.SHARED ? "shared colour scale per row"
                : "robust colour scale per row";
        return delta + "   " + scale + "   red > 0 > blue";
    }

    // ---- networks without a template layer (a CNN): one section per layer ----

    private static final int SECTION_GAP = 22;
    private static final Color GAP_INK = new Color(0xD8, 0xD8, 0xD8);
    private static final int BAR_NAME_W = 64;
    private static final int BAR_W = 360;
    /** The largest tile side a small filter is enlarged to, unless --scale itself asks for more. */
    private static final int MAX_SMALL_TILE = 200;

    /**
     * One section of the layer picture: its tiles' values gathered the way the window gathers
     * them, its colour scales and the pixels per value it is drawn at.
     */
    private record SectionPicture(LayerTiles.Section section, float[] weights, float[] deltas, RowScale weightScale,
            RowScale deltaScale, int factor) {

        static SectionPicture of(LayerTiles.Section s, TensorFrame t, GridOptions options, PercentileRange robust) {
            TileLayout l = s.layout();
            int size = l.rows() * l.cols();
            float[] w = new float[l.units() * size];
            float[] d = new float[l.units() * size];
            float[] delta = t.delta() == null ? new float[t.values().length] : t.delta();
            for (int u = 0; u < l.units(); u++) {
                l.gather(t.values(), u, w, u * size);
                l.gather(delta, u, d, u * size);
            }
            return new SectionPicture(s, w, d, RowScale.of(w, l.units(), size, options.scaleMode(), robust),
                    RowScale.of(d, l.units(), size, options.scaleMode(), robust), factor(l, options.scale()));
        }

        /**
         * Pixels per value: a 5x5 filter 5 times --scale (20 at the default 4, a 100-pixel tile,
         * at most {@value #MAX_SMALL_TILE} pixels), a 16x16 picture twice, larger ones --scale; a
         * section of one picture (a filter mosaic, a matrix) grown towards 600 pixels tall at up to
         * 12 a value, so its small kernels or few rows can be read, and never wider than 1,200; the
         * tiles of a section of more than 32 units at half that.
         */
        static int factor(TileLayout l, int scale) {
            int px = Math.max(l.rows(), l.cols());
            int f = px <= 8 ? 5 * scale : px <= 16 ? 2 * scale : scale;
            f = Math.min(f, Math.max(scale, MAX_SMALL_TILE / px));
            if (l.units() > 32) {
                // a hidden layer's 128 units: half size, so the section stays a few screens tall
                f = Math.max(1, f / 2);
            }
            if (l.units() == 1) {
                f = Math.max(f, Math.min(12, 600 / l.rows()));
                while (f > 1 && l.cols() * f > 1200) {
                    f--;
                }
            }
            return f;
        }

        int units() {
            return section.layout().units();
        }

        int tileW() {
            return section.layout().cols() * factor;
        }

        int tileH() {
            return section.layout().rows() * factor;
        }

        /** Tiles per band: the section's columns; a single picture sits beside its delta. */
        int perRow() {
            return units() == 1 ? 1 : Math.min(section.columns(), units());
        }

        int bands() {
            return (units() + perRow() - 1) / perRow();
        }

        String weightTitle(int u) {
            return units() == 1 ? "weights" : section.layout().title(u);
        }

        String deltaTitle(int u) {
            return units() == 1 ? "delta" : "delta " + u;
        }
    }

    /** Text sizes, measured once with the drawing's fonts and hints. */
    private record Metrics(FontMetrics title, FontMetrics head, FontMetrics cap, FontMetrics note) {
        static Metrics measure() {
            BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
            Graphics2D m = scratch.createGraphics();
            try {
                GridRenderer.setHints(m);
                return new Metrics(m.getFontMetrics(TITLE_FONT), m.getFontMetrics(HEAD_FONT),
                        m.getFontMetrics(CAPTION_FONT), m.getFontMetrics(NOTE_FONT));
            } finally {
                m.dispose();
            }
        }

        int titleH() {
            return title.getAscent() + title.getDescent();
        }

        /** A bar, its range labels under it and a little air. */
        int barRowH() {
            return GridRenderer.BAR_HEIGHT + 3 + titleH() + 6;
        }
    }

    private GridPicture renderLayers(Frame frame, GridCaption caption) {
        PercentileRange robust = new PercentileRange();
        List<SectionPicture> sections = new ArrayList<>();
        for (LayerTiles.Section s : LayerTiles.of(frame)) {
            sections.add(SectionPicture.of(s, frame.tensor(s.tensor()), options, robust));
        }
        if (sections.isEmpty()) {
            throw new IllegalArgumentException(frame.architecture() + ": no weight tensor to draw");
        }
        Metrics m = Metrics.measure();
        String captionLine = frame.architecture() + "   " + GridRenderer.captionLine(caption);
        String noteLine = layersNoteLine(frame);
        int width = Math.max(m.cap().stringWidth(captionLine), m.note().stringWidth(noteLine));
        int height = MARGIN + m.cap().getHeight() + m.note().getHeight() + 10;
        for (SectionPicture p : sections) {
            width = Math.max(width, sectionWidth(p, m));
            height += sectionHeight(p, m) + SECTION_GAP;
        }
        width += 2 * MARGIN;
        height += MARGIN - SECTION_GAP;

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Rectangle[] weightTiles = new Rectangle[sections.get(0).units()];
        Rectangle[] deltaTiles = new Rectangle[sections.get(0).units()];
        List<LayerScale> scales = new ArrayList<>();
        try {
            GridRenderer.setHints(g);
            g.setColor(GridRenderer.BACKGROUND);
            g.fillRect(0, 0, width, height);
            g.setColor(GridRenderer.INK);
            g.setFont(CAPTION_FONT);
            g.drawString(captionLine, MARGIN, MARGIN + m.cap().getAscent());
            g.setColor(GridRenderer.NOTE_INK);
            g.setFont(NOTE_FONT);
            g.drawString(noteLine, MARGIN, MARGIN + m.cap().getHeight() + m.note().getAscent());
            int y = MARGIN + m.cap().getHeight() + m.note().getHeight() + 10;
            for (int i = 0; i < sections.size(); i++) {
                SectionPicture p = sections.get(i);
                Rectangle[] w = i == 0 ? weightTiles : new Rectangle[p.units()];
                Rectangle[] d = i == 0 ? deltaTiles : new Rectangle[p.units()];
                drawSection(g, p, y, m, w, d);
                y += sectionHeight(p, m) + SECTION_GAP;
                scales.add(new LayerScale(p.section().tensor(), p.section().title(), p.weightScale(), p.deltaScale(),
                        w, d));
            }
        } finally {
            g.dispose();
        }
        SectionPicture first = sections.get(0);
        return new GridPicture(image, first.weightScale(), first.deltaScale(), options, caption, weightTiles,
                deltaTiles, scales);
    }

    private int columnW(SectionPicture p, Metrics m) {
        int widest = p.tileW();
        for (int u = 0; u < p.units(); u++) {
            widest = Math.max(widest, m.title().stringWidth(p.weightTitle(u)));
            widest = Math.max(widest, m.title().stringWidth(p.deltaTitle(u)));
            if (options.scaleMode() == ScaleMode.PER_TILE) {
                widest = Math.max(widest, m.title().stringWidth(perTileLabel(p.weightScale(), u)));
                widest = Math.max(widest, m.title().stringWidth(perTileLabel(p.deltaScale(), u)));
            }
        }
        return widest + (p.units() == 1 ? 3 * GAP : GAP);
    }

    /** A tile's title, the tile, and with a per-tile scale its range under it. */
    private int tileBlockH(SectionPicture p, Metrics m) {
        int label = options.scaleMode() == ScaleMode.PER_TILE ? m.titleH() + 2 : 0;
        return m.titleH() + 2 + p.tileH() + 4 + label;
    }

    private int sectionWidth(SectionPicture p, Metrics m) {
        // a single picture sits beside its delta; several tiles in bands of weights over deltas
        int tiles = p.units() == 1 ? 2 * columnW(p, m) : p.perRow() * columnW(p, m) - GAP;
        int bars = BAR_NAME_W + BAR_W + 2 * GridRenderer.ARROW + 10 + m.title().stringWidth("clipped 100.00%, max 0.000e-00");
        return Math.max(Math.max(tiles, bars), m.head().stringWidth(p.section().title()));
    }

    private int sectionHeight(SectionPicture p, Metrics m) {
        int tiles = p.units() == 1 ? tileBlockH(p, m) : p.bands() * (2 * tileBlockH(p, m) + BAND_GAP) - BAND_GAP;
        return m.head().getHeight() + 4 + tiles + 8 + 2 * m.barRowH();
    }

    /** Heading, tiles and the two colour bars of one section whose top is {@code top}. */
    private void drawSection(Graphics2D g, SectionPicture p, int top, Metrics m, Rectangle[] weightTiles,
            Rectangle[] deltaTiles) {
        heading(g, p.section().title(), MARGIN, top + m.head().getAscent());
        int y = top + m.head().getHeight() + 4;
        int columnW = columnW(p, m);
        int block = tileBlockH(p, m);
        TileLayout l = p.section().layout();
        for (int u = 0; u < p.units(); u++) {
            int x = MARGIN + (u % p.perRow()) * columnW;
            int band = y + (u / p.perRow()) * (2 * block + BAND_GAP);
            int deltaX = p.units() == 1 ? x + columnW : x;
            int deltaY = p.units() == 1 ? band : band + block;
            weightTiles[u] = drawSectionTile(g, p.weights(), u, l, p.weightScale(), p.factor(), p.weightTitle(u), x,
                    band, m);
            deltaTiles[u] = drawSectionTile(g, p.deltas(), u, l, p.deltaScale(), p.factor(), p.deltaTitle(u), deltaX,
                    deltaY, m);
        }
        int tiles = p.units() == 1 ? block : p.bands() * (2 * block + BAND_GAP) - BAND_GAP;
        int barTop = y + tiles + 8;
        drawBarRow(g, "weights", p.weightScale(), barTop, m);
        drawBarRow(g, "delta", p.deltaScale(), barTop + m.barRowH(), m);
    }

    private Rectangle drawSectionTile(Graphics2D g, float[] values, int unit, TileLayout l, RowScale scale, int f,
            String name, int x, int y, Metrics m) {
        g.setFont(TITLE_FONT);
        g.setColor(GridRenderer.INK);
        g.drawString(name, x, y + m.title().getAscent());
        int top = y + m.titleH() + 2;
        g.drawImage(GridRenderer.renderTile(values, unit, l.rows(), l.cols(), scale.ranges()[unit], f), x, top, null);
        Rectangle r = new Rectangle(x, top, l.cols() * f, l.rows() * f);
        drawGaps(g, l, f, r);
        g.setColor(GridRenderer.BORDER);
        g.drawRect(r.x - 1, r.y - 1, r.width + 1, r.height + 1);
        if (options.scaleMode() == ScaleMode.PER_TILE) {
            g.setFont(TITLE_FONT);
            g.setColor(GridRenderer.INK);
            g.drawString(perTileLabel(scale, unit), x, r.y + r.height + 4 + m.title().getAscent());
        }
        return r;
    }

    /**
     * The gaps between a mosaic's blocks in light grey: left white they would read as zero
     * weights, and the blocks (kernels, pooled maps) would run into each other.
     */
    private static void drawGaps(Graphics2D g, TileLayout l, int f, Rectangle r) {
        g.setColor(GAP_INK);
        for (int row = 0; row < l.rows(); row++) {
            for (int col = 0; col < l.cols(); col++) {
                if (l.isGap(row, col)) {
                    g.fillRect(r.x + col * f, r.y + row * f, f, f);
                }
            }
        }
    }

    private static String perTileLabel(RowScale scale, int unit) {
        return "\u00b1" + GridRenderer.number(scale.ranges()[unit]);
    }

    /**
     * "weights", a bar from -r through 0 to +r with those numbers under it, and when the range
     * leaves values out, arrows past its ends and the share clipped beside it. With a per-tile
     * scale the numbers are under each tile and the bar says so.
     */
    private void drawBarRow(Graphics2D g, String name, RowScale scale, int top, Metrics m) {
        g.setFont(TITLE_FONT);
        g.setColor(GridRenderer.INK);
        g.drawString(name, MARGIN, top + GridRenderer.BAR_HEIGHT - 1);
        int x = MARGIN + BAR_NAME_W;
        GridRenderer.drawBar(g, x, top, BAR_W);
        int baseline = top + GridRenderer.BAR_HEIGHT + 3 + m.title().getAscent();
        boolean perTile = options.scaleMode() == ScaleMode.PER_TILE;
        float r = scale.ranges().length == 0 ? 0 : scale.ranges()[0];
        String left = perTile ? "-r" : "-" + GridRenderer.number(r);
        String right = perTile ? "+r (r: under each tile)" : "+" + GridRenderer.number(r);
        g.setFont(TITLE_FONT);
        g.setColor(GridRenderer.INK);
        g.drawString(left, x, baseline);
        GridRenderer.drawCentred(g, "0", x + BAR_W / 2, baseline);
        g.setFont(TITLE_FONT);
        g.setColor(GridRenderer.INK);
        g.drawString(right, x + BAR_W - m.title().stringWidth(right), baseline);
        if (!perTile && scale.clippedShare() > 0) {
            GridRenderer.drawArrows(g, x, top, BAR_W);
            g.setFont(TITLE_FONT);
            g.setColor(GridRenderer.INK);
            g.drawString(GridRenderer.clippingLabel(scale), x + BAR_W + GridRenderer.ARROW + 10,
                    top + GridRenderer.BAR_HEIGHT - 1);
        }
    }

    private String layersNoteLine(Frame frame) {
        String delta = frame.previousStep() == frame.step() ? "delta (none yet)"
                : "delta = W(step " + frame.step() + ") - W(step " + frame.previousStep() + ")";
        String scale = switch (options.scaleMode()) {
            case SHARED -> "one colour range per section and row (its largest |v|)";
            case PER_TILE -> "one colour range per tile";
            case ROBUST -> "one colour range per section and row (99.5th percentile of |v|)";
        };
        return delta + "   " + scale + "   red > 0 > blue";
    }
}
