package org.weightstudio.analysis;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Digit pictures that are not MNIST: 280x280, dark ink on white, off-centre, of many sizes and
 * pen widths. Half are typeset in the fonts this machine has (with the outline stroked by a pen
 * of random width, so strokes range from hairline to bold); half are drawn as pen strokes along
 * hand-made digit skeletons, slanted and rotated a little, with pens 3 to 30 pixels wide.
 * Seeded: the same seed gives the same pictures.
 *
 * <p>Run {@link #main} to write them as PNG files named {@code NNN-dL-style.png} (L the label).
 */
public final class DigitPictures {
    public static final int SIDE = 280;
    private static final String[] FONTS = {
        "DejaVu Sans", "DejaVu Serif", "DejaVu Sans Mono", "Nimbus Sans", "Nimbus Roman", "Nimbus Mono PS",
        "URW Gothic", "URW Bookman", "C059", "P052", "Z003", "Noto Sans Mono", "DejaVu Sans Condensed",
    };

    /** One picture and what it shows. */
    public record Picture(int label, String style, BufferedImage image) {
    }

    private DigitPictures() {
    }

    /** {@code count} pictures, labels cycling 0..9, styles alternating font and pen. */
    public static List<Picture> generate(long seed, int count) {
        Random random = new Random(seed);
        List<Picture> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int label = i % 10;
            boolean font = (i / 10) % 2 == 0;
            out.add(font ? typeset(label, random) : penDrawn(label, random));
        }
        return out;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/digit-pictures");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        Files.createDirectories(dir);
        List<Picture> pictures = generate(seed, count);
        for (int i = 0; i < pictures.size(); i++) {
            Picture p = pictures.get(i);
            String name = String.format(Locale.ROOT, "%03d-d%d-%s.png", i, p.label(), p.style());
            ImageIO.write(p.image(), "png", dir.resolve(name).toFile());
        }
        System.out.println("wrote " + pictures.size() + " pictures to " + dir);
    }

    /** The label encoded in a file name written by {@link #main}: the digit after "-d". */
    public static int labelOf(String fileName) {
        int at = fileName.indexOf("-d");
        return fileName.charAt(at + 2) - '0';
    }

    private static Picture typeset(int label, Random random) {
        String family = FONTS[random.nextInt(FONTS.length)];
        Font font = new Font(family, random.nextInt(4) == 0 ? Font.BOLD : Font.PLAIN, 100);
        FontRenderContext frc = new FontRenderContext(null, true, true);
        GlyphVector glyph = font.createGlyphVector(frc, Integer.toString(label));
        Shape outline = glyph.getOutline();
        float pen = random.nextInt(3) == 0 ? 0 : 1 + random.nextFloat() * 14;
        Shape shape = place(outline, random, pen, 0);
        return new Picture(label, "font", paint(shape, pen, true));
    }

    private static Picture penDrawn(int label, Random random) {
        float pen = 3 + random.nextFloat() * 27;
        double slant = (random.nextDouble() - 0.5) * 0.5;
        Shape skeleton = AffineTransform.getShearInstance(-slant, 0).createTransformedShape(skeleton(label));
        Shape shape = place(skeleton, random, pen, Math.toRadians((random.nextDouble() - 0.5) * 16));
        return new Picture(label, "pen", paint(shape, pen, false));
    }

    /**
     * Scales the shape to a random height between 50 and 230 pixels (minus the pen), rotates it a
     * little and puts it anywhere it fits on the 280x280 canvas: off-centre is the point.
     */
    private static Shape place(Shape shape, Random random, float pen, double rotation) {
        Shape rotated = AffineTransform.getRotateInstance(rotation).createTransformedShape(shape);
        Rectangle2D b = rotated.getBounds2D();
        double height = 50 + random.nextDouble() * 180;
        double scale = Math.min(height / b.getHeight(), (SIDE - pen - 8) / b.getWidth());
        double w = b.getWidth() * scale + pen;
        double h = b.getHeight() * scale + pen;
        double x = pen / 2 + 4 + random.nextDouble() * Math.max(0, SIDE - w - 8);
        double y = pen / 2 + 4 + random.nextDouble() * Math.max(0, SIDE - h - 8);
        AffineTransform t = new AffineTransform();
        t.translate(x, y);
        t.scale(scale, scale);
        t.translate(-b.getX(), -b.getY());
        return t.createTransformedShape(rotated);
    }

    private static BufferedImage paint(Shape shape, float pen, boolean fill) {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, SIDE, SIDE);
        g.setColor(new Color(20, 20, 30));
        if (fill) {
            g.fill(shape);
        }
        if (pen > 0) {
            g.setStroke(new BasicStroke(pen, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(shape);
        }
        g.dispose();
        return image;
    }

    /** Pen paths of the ten digits in a box about 0.7 wide and 1 high, y down. */
    static Shape skeleton(int digit) {
        Path2D.Double p = new Path2D.Double();
        switch (digit) {
            case 0 -> p.append(new Ellipse2D.Double(0.05, 0, 0.6, 1), false);
            case 1 -> {
                p.moveTo(0.15, 0.22);
                p.lineTo(0.4, 0);
                p.lineTo(0.4, 1);
            }
            case 2 -> {
                p.moveTo(0.05, 0.25);
                p.curveTo(0.1, -0.08, 0.7, -0.08, 0.65, 0.28);
                p.curveTo(0.6, 0.5, 0.2, 0.75, 0.02, 1);
                p.lineTo(0.7, 1);
            }
            case 3 -> {
                p.moveTo(0.05, 0.12);
                p.curveTo(0.35, -0.1, 0.85, 0.15, 0.3, 0.47);
                p.curveTo(0.9, 0.6, 0.7, 1.15, 0.03, 0.88);
            }
            case 4 -> {
                p.moveTo(0.5, 1);
                p.lineTo(0.5, 0);
                p.lineTo(0.0, 0.68);
                p.lineTo(0.72, 0.68);
            }
            case 5 -> {
                p.moveTo(0.65, 0);
                p.lineTo(0.15, 0);
                p.lineTo(0.1, 0.45);
                p.curveTo(0.5, 0.3, 0.8, 0.6, 0.65, 0.85);
                p.curveTo(0.52, 1.05, 0.2, 1.05, 0.02, 0.9);
            }
            case 6 -> {
                p.moveTo(0.6, 0.03);
                p.curveTo(0.2, 0.05, 0.04, 0.45, 0.07, 0.72);
                p.append(new Ellipse2D.Double(0.06, 0.45, 0.6, 0.55), false);
            }
            case 7 -> {
                p.moveTo(0.02, 0);
                p.lineTo(0.7, 0);
                p.lineTo(0.28, 1);
            }
            case 8 -> {
                p.append(new Ellipse2D.Double(0.12, 0, 0.46, 0.46), false);
                p.append(new Ellipse2D.Double(0.05, 0.46, 0.6, 0.54), false);
            }
            case 9 -> {
                p.append(new Ellipse2D.Double(0.05, 0, 0.6, 0.52), false);
                p.moveTo(0.65, 0.26);
                p.curveTo(0.66, 0.6, 0.6, 0.85, 0.5, 1);
            }
            default -> throw new IllegalArgumentException("digit " + digit);
        }
        return p;
    }
}
