package org.weightstudio.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * A line chart of one series with y fixed to [0, 1] (accuracies), drawn with Java2D: axes, ticks,
 * grid, the series with its points, and a dashed horizontal reference line (the unperturbed
 * accuracy).
 */
public final class LineChart {
    private static final int LEFT = 64;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 52;
    private static final Color SERIES = new Color(178, 24, 43);
    private static final Color REFERENCE = new Color(33, 102, 172);

    private LineChart() {
    }

    public static BufferedImage draw(String title, String xLabel, String yLabel, double[] xs, double[] ys,
            double reference, String referenceLabel, int width, int height) {
        if (xs.length != ys.length || xs.length < 2) {
            throw new IllegalArgumentException("need at least two points with x and y, got " + xs.length + " and " + ys.length);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        double xMin = xs[0];
        double xMax = xs[xs.length - 1];
        int plotW = width - LEFT - RIGHT;
        int plotH = height - TOP - BOTTOM;
        // Screen position: px = LEFT + (x - xMin) / (xMax - xMin) * plotW, py = TOP + (1 - y) * plotH.
        java.util.function.DoubleUnaryOperator px = x -> LEFT + (x - xMin) / (xMax - xMin) * plotW;
        java.util.function.DoubleUnaryOperator py = y -> TOP + (1 - y) * plotH;

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i <= 10; i++) {
            double y = i / 10.0;
            int sy = (int) Math.round(py.applyAsDouble(y));
            g.setColor(new Color(235, 235, 235));
            g.drawLine(LEFT, sy, LEFT + plotW, sy);
            g.setColor(Color.DARK_GRAY);
            String t = String.format(Locale.ROOT, "%.1f", y);
            g.drawString(t, LEFT - 6 - fm.stringWidth(t), sy + 4);
        }
        for (double x : xs) {
            int sx = (int) Math.round(px.applyAsDouble(x));
            g.setColor(new Color(235, 235, 235));
            g.drawLine(sx, TOP, sx, TOP + plotH);
            g.setColor(Color.DARK_GRAY);
            g.drawLine(sx, TOP + plotH, sx, TOP + plotH + 4);
        }
        int every = Math.max(1, (int) Math.ceil(xs.length / 9.0));
        for (int i = 0; i < xs.length; i += every) {
            String t = trim(xs[i]);
            int sx = (int) Math.round(px.applyAsDouble(xs[i]));
            g.drawString(t, sx - fm.stringWidth(t) / 2, TOP + plotH + 17);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(LEFT, TOP, plotW, plotH);

        if (Double.isFinite(reference)) {
            int sy = (int) Math.round(py.applyAsDouble(reference));
            g.setColor(REFERENCE);
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
            g.drawLine(LEFT, sy, LEFT + plotW, sy);
            if (referenceLabel != null) {
                g.drawString(referenceLabel, LEFT + 6, sy - 4);
            }
        }
        Path2D.Double line = new Path2D.Double();
        for (int i = 0; i < xs.length; i++) {
            double sx = px.applyAsDouble(xs[i]);
            double sy = py.applyAsDouble(ys[i]);
            if (i == 0) {
                line.moveTo(sx, sy);
            } else {
                line.lineTo(sx, sy);
            }
        }
        g.setColor(SERIES);
        g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(line);
        for (int i = 0; i < xs.length; i++) {
            double sx = px.applyAsDouble(xs[i]);
            double sy = py.applyAsDouble(ys[i]);
            g.fill(new java.awt.geom.Ellipse2D.Double(sx - 3, sy - 3, 6, 6));
        }

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, LEFT, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        fm = g.getFontMetrics();
        g.drawString(xLabel, LEFT + plotW / 2 - fm.stringWidth(xLabel) / 2, height - 12);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -(TOP + plotH / 2 + fm.stringWidth(yLabel) / 2), 16);
        g.setTransform(saved);
        g.dispose();
        return image;
    }

    /** Colours of the second, third ... curve of {@link #drawCurves}. */
    private static final Color[] MORE = {new Color(33, 102, 172), new Color(27, 120, 55), new Color(118, 42, 131),
        new Color(224, 130, 20)};

    /**
     * One curve per series on the same axes (the first as {@link #draw} draws it, the others in
     * other colours), with a legend naming each series.
     */
    public static BufferedImage drawCurves(String title, String xLabel, String yLabel, double[] xs,
            java.util.List<double[]> series, java.util.List<String> names, int width, int height) {
        BufferedImage image = draw(title, xLabel, yLabel, xs, series.get(0), Double.NaN, null, width, height);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int plotW = width - LEFT - RIGHT;
        int plotH = height - TOP - BOTTOM;
        double xMin = xs[0];
        double xMax = xs[xs.length - 1];
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int s = 0; s < series.size(); s++) {
            Color c = s == 0 ? SERIES : MORE[(s - 1) % MORE.length];
            g.setColor(c);
            if (s > 0) {
                double[] ys = series.get(s);
                Path2D.Double line = new Path2D.Double();
                for (int i = 0; i < xs.length; i++) {
                    // the same mapping as draw: px = LEFT + (x - xMin) / (xMax - xMin) * plotW, py = TOP + (1 - y) * plotH
                    double sx = LEFT + (xs[i] - xMin) / (xMax - xMin) * plotW;
                    double sy = TOP + (1 - ys[i]) * plotH;
                    if (i == 0) {
                        line.moveTo(sx, sy);
                    } else {
                        line.lineTo(sx, sy);
                    }
                    g.fill(new java.awt.geom.Ellipse2D.Double(sx - 3, sy - 3, 6, 6));
                }
                g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(line);
            }
            // legend, top right inside the plot
            int ly = TOP + 14 + 16 * s;
            g.fillRect(LEFT + plotW - 170, ly - 8, 14, 4);
            g.setColor(Color.BLACK);
            g.drawString(names.get(s), LEFT + plotW - 150, ly - 2);
        }
        g.dispose();
        return image;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "");
    }
}
