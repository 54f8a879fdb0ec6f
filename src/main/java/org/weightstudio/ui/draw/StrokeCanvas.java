package org.weightstudio.ui.draw;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import org.weightstudio.analysis.GreyImage;

/**
 * A white square to draw on with a round black pen (mouse, pen or touch: JavaFX turns touch into
 * mouse events). Keeps every stroke so that undo can redraw the rest.
 */
final class StrokeCanvas extends Canvas {
    /** One stroke: the pen width and the points it went through. */
    private record Stroke(double width, List<double[]> points) {
    }

    private final List<Stroke> strokes = new ArrayList<>();
    private double penWidth = 18;
    private Runnable onChange = () -> { };

    StrokeCanvas(double side) {
        super(side, side);
        setId("draw-canvas");
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> begin(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> extend(e.getX(), e.getY()));
        redraw();
    }

    void setPenWidth(double width) {
        penWidth = width;
    }

    void setOnChange(Runnable r) {
        onChange = r;
    }

    boolean isEmpty() {
        return strokes.isEmpty();
    }

    void begin(double x, double y) {
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {x, y});
        strokes.add(new Stroke(penWidth, points));
        redraw();
        onChange.run();
    }

    void extend(double x, double y) {
        if (strokes.isEmpty()) {
            begin(x, y);
            return;
        }
        strokes.get(strokes.size() - 1).points().add(new double[] {x, y});
        redraw();
        onChange.run();
    }

    void undo() {
        if (!strokes.isEmpty()) {
            strokes.remove(strokes.size() - 1);
            redraw();
            onChange.run();
        }
    }

    void clear() {
        strokes.clear();
        redraw();
        onChange.run();
    }

    private void redraw() {
        GraphicsContext g = getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, getWidth(), getHeight());
        g.setStroke(Color.BLACK);
        g.setFill(Color.BLACK);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        for (Stroke s : strokes) {
            g.setLineWidth(s.width());
            List<double[]> p = s.points();
            if (p.size() == 1) {
                double r = s.width() / 2;
                g.fillOval(p.get(0)[0] - r, p.get(0)[1] - r, 2 * r, 2 * r);
                continue;
            }
            g.beginPath();
            g.moveTo(p.get(0)[0], p.get(0)[1]);
            for (int i = 1; i < p.size(); i++) {
                g.lineTo(p.get(i)[0], p.get(i)[1]);
            }
            g.stroke();
        }
    }

    /** The drawing as grey luminance (0 black, 1 white). Must run on the FX thread. */
    GreyImage toGrey() {
        int w = (int) getWidth();
        int h = (int) getHeight();
        WritableImage image = snapshot(new SnapshotParameters(), new WritableImage(w, h));
        PixelReader reader = image.getPixelReader();
        int[] argb = new int[w * h];
        reader.getPixels(0, 0, w, h, javafx.scene.image.WritablePixelFormat.getIntArgbInstance(), argb, 0, w);
        float[] lum = new float[w * h];
        for (int i = 0; i < argb.length; i++) {
            int c = argb[i];
            lum[i] = (0.299f * (c >> 16 & 0xFF) + 0.587f * (c >> 8 & 0xFF) + 0.114f * (c & 0xFF)) / 255f;
        }
        return new GreyImage(w, h, lum);
    }
}
