package org.weightstudio.analysis;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Our own varied digit pictures for {@code evaluate --images}: small (64x64 grey), not MNIST, and
 * unlike MNIST in the ways real pictures are. Half are typeset in the fonts installed here (every
 * family that has digits, plain/bold/italic, slanted, rotated, sometimes outlined with a pen to
 * make them bolder); half are synthetic handwriting: each digit's strokes run through control
 * points (a few shapes per digit: a 1 with or without flag and foot, an open or closed 4, a 7
 * with or without bar ...), every point moved by noise, smoothed into curves, drawn with a
 * round pen 1.2 to 6 pixels wide, stretched, slanted and rotated. All are placed off-centre at a
 * random size (digit height 16 to 58 pixels), and drawn dark on white, dark on grey noisy
 * paper, or light on dark.
 *
 * <p>Seeded: the same seed on the same fonts gives the same pictures. Files are named
 * {@code KIND-NNN-detail_L.png} (L the label, KIND font or pen), the form {@link LabelledPictures}
 * reads. Regenerate the committed set with
 * {@code java -cp target/test-classes org.weightstudio.analysis.HandwritingSet assets/handwriting}
 * after {@code mvn -B -o -q test-compile}.
 */
public final class HandwritingSet {
    public static final int SIDE = 64;
    public static final long SEED = 2026_11_30L;
    public static final int COUNT = 400;
    /**
     * Families tried in this order; those not installed, or without digit glyphs, are left out.
     * Symbol fonts are not listed, nor Droid Sans Fallback, whose digits render as empty boxes.
     */
    static final List<String> FAMILIES = List.of("C059", "DejaVu Sans", "DejaVu Sans Condensed", "DejaVu Sans Light",
            "DejaVu Sans Mono", "DejaVu Serif", "DejaVu Serif Condensed", "Nimbus Mono PS",
            "Nimbus Roman", "Nimbus Sans", "Nimbus Sans Narrow", "Noto Mono", "Noto Sans Mono", "P052",
            "URW Bookman", "URW Gothic", "Z003");

    /** One picture: its file name and pixels. */
    public record Picture(String name, int label, BufferedImage image) {
    }

    private HandwritingSet() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path dir = Path.of(args.length > 0 ? args[0] : "assets/handwriting");
        long seed = args.length > 1 ? Long.parseLong(args[1]) : SEED;
        int count = args.length > 2 ? Integer.parseInt(args[2]) : COUNT;
        Files.createDirectories(dir);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : old.filter(f -> f.toString().endsWith(".png")).toList()) {
                Files.delete(p);
            }
        }
        List<Picture> pictures = generate(seed, count);
        for (Picture p : pictures) {
            ImageIO.write(p.image(), "png", dir.resolve(p.name()).toFile());
        }
        System.out.println("wrote " + pictures.size() + " pictures to " + dir);
    }

    /** {@code count} pictures: labels cycle 0..9, kinds alternate every ten (font, pen, font, ...). */
    public static List<Picture> generate(long seed, int count) {
        Random random = new Random(seed);
        List<String> families = installed();
        List<Picture> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int label = i % 10;
            boolean font = (i / 10) % 2 == 0;
            out.add(font ? typeset(i, label, families, random) : handwritten(i, label, random));
        }
        return out;
    }

    static List<String> installed() {
        Set<String> here = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        return FAMILIES.stream().filter(here::contains)
                .filter(f -> new Font(f, Font.PLAIN, 12).canDisplayUpTo("0123456789") == -1).toList();
    }

    private static Picture typeset(int i, int label, List<String> families, Random random) {
        String family = families.get(random.nextInt(families.size()));
        int style = new int[] {Font.PLAIN, Font.PLAIN, Font.BOLD, Font.ITALIC}[random.nextInt(4)];
        Font font = new Font(family, style, 100);
        Shape outline = font.createGlyphVector(new FontRenderContext(null, true, true), Integer.toString(label))
                .getOutline();
        float pen = random.nextInt(3) == 0 ? 0.6f + random.nextFloat() * 2.4f : 0;
        Shape shaped = AffineTransform.getShearInstance((random.nextDouble() - 0.5) * 0.4, 0)
                .createTransformedShape(outline);
        Shape placed = place(shaped, random, pen, Math.toRadians((random.nextDouble() - 0.5) * 24));
        String detail = family.toLowerCase(Locale.ROOT).replace(' ', '.')
                + (style == Font.BOLD ? ".bold" : style == Font.ITALIC ? ".italic" : "");
        String name = String.format(Locale.ROOT, "font-%03d-%s_%d.png", i, detail, label);
        return new Picture(name, label, paint(placed, pen, true, random));
    }

    private static Picture handwritten(int i, int label, Random random) {
        double[][][] variants = STROKES[label];
        double[][] strokes = null;
        int variant = random.nextInt(variants.length);
        Path2D.Double path = new Path2D.Double();
        for (double[] stroke : variants[variant]) {
            double[] jittered = stroke.clone();
            // the first value flags a stroke with corners (1) or a smooth one (0)
            for (int k = 1; k < jittered.length; k++) {
                jittered[k] += random.nextGaussian() * 0.035;
            }
            path.append(curve(jittered), false);
        }
        AffineTransform shape = new AffineTransform();
        shape.shear(-(random.nextDouble() - 0.3) * 0.5, 0); // mostly slanted right, as most writers do
        shape.scale(0.75 + random.nextDouble() * 0.6, 1);
        float pen = 1.2f + random.nextFloat() * 4.8f;
        Shape placed = place(shape.createTransformedShape(path), random, pen,
                Math.toRadians((random.nextDouble() - 0.5) * 20));
        String name = String.format(Locale.ROOT, "pen-%03d-v%d.w%.1f_%d.png", i, variant, pen, label);
        return new Picture(name, label, paint(placed, pen, false, random));
    }

    /**
     * The points of a stroke (flag, x0, y0, x1, y1, ...) as a path: straight lines between them
     * when flagged as cornered, else a Catmull-Rom curve through them (Bezier controls at a sixth of
     * the neighbours' difference).
     */
    private static Path2D.Double curve(double[] s) {
        Path2D.Double p = new Path2D.Double();
        int n = (s.length - 1) / 2;
        p.moveTo(x(s, 0), y(s, 0));
        for (int k = 1; k < n; k++) {
            if (s[0] == 1) {
                p.lineTo(x(s, k), y(s, k));
                continue;
            }
            int a = Math.max(0, k - 2);
            int b = k - 1;
            int d = Math.min(n - 1, k + 1);
            // C1 = P_b + (P_k - P_a) / 6, C2 = P_k - (P_d - P_b) / 6
            p.curveTo(x(s, b) + (x(s, k) - x(s, a)) / 6, y(s, b) + (y(s, k) - y(s, a)) / 6,
                    x(s, k) - (x(s, d) - x(s, b)) / 6, y(s, k) - (y(s, d) - y(s, b)) / 6, x(s, k), y(s, k));
        }
        return p;
    }

    private static double x(double[] s, int k) {
        return s[1 + 2 * k];
    }

    private static double y(double[] s, int k) {
        return s[2 + 2 * k];
    }

    /**
     * Rotates the shape a little, scales it to a random height of 16 to 58 pixels (narrower if it
     * would not fit) and puts it anywhere it fits on the canvas: off-centre is the point.
     */
    private static Shape place(Shape shape, Random random, float pen, double rotation) {
        Shape rotated = AffineTransform.getRotateInstance(rotation).createTransformedShape(shape);
        Rectangle2D b = rotated.getBounds2D();
        double height = 16 + random.nextDouble() * 42;
        double scale = Math.min((height - pen) / b.getHeight(), (SIDE - pen - 4) / b.getWidth());
        scale = Math.min(scale, (SIDE - pen - 4) / b.getHeight());
        double w = b.getWidth() * scale + pen;
        double h = b.getHeight() * scale + pen;
        double x = pen / 2 + 2 + random.nextDouble() * Math.max(0, SIDE - w - 4);
        double y = pen / 2 + 2 + random.nextDouble() * Math.max(0, SIDE - h - 4);
        AffineTransform t = new AffineTransform();
        t.translate(x, y);
        t.scale(scale, scale);
        t.translate(-b.getX(), -b.getY());
        return t.createTransformedShape(rotated);
    }

    /**
     * Draws the shape in one of three looks: dark ink on white (six in ten), dark on grey paper
     * with a little noise (two in ten), light on dark (two in ten).
     */
    private static BufferedImage paint(Shape shape, float pen, boolean fill, Random random) {
        int look = random.nextInt(10);
        int paper;
        int ink;
        if (look < 6) {
            paper = 255 - random.nextInt(10);
            ink = random.nextInt(60);
        } else if (look < 8) {
            paper = 150 + random.nextInt(70);
            ink = random.nextInt(50);
        } else {
            paper = random.nextInt(40);
            ink = 200 + random.nextInt(56);
        }
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(new Color(paper, paper, paper));
        g.fillRect(0, 0, SIDE, SIDE);
        g.setColor(new Color(ink, ink, ink));
        if (fill) {
            g.fill(shape);
        }
        if (pen > 0) {
            g.setStroke(new BasicStroke(pen, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(shape);
        }
        g.dispose();
        if (look >= 6 && look < 8) {
            addNoise(image, random, 12);
        }
        return image;
    }

    private static void addNoise(BufferedImage image, Random random, int amplitude) {
        var raster = image.getRaster();
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int v = raster.getSample(x, y, 0) + (int) Math.round(random.nextGaussian() * amplitude / 2.0);
                raster.setSample(x, y, 0, Math.max(0, Math.min(255, v)));
            }
        }
    }

    /** A stroke: flag (1 = corners, 0 = smooth), then x, y pairs in a box 0.7 wide and 1 high, y down. */
    private static double[] s(double flag, double... points) {
        double[] out = new double[points.length + 1];
        out[0] = flag;
        System.arraycopy(points, 0, out, 1, points.length);
        return out;
    }

    /** STROKES[digit][variant] = the strokes of that way of writing the digit. */
    private static final double[][][][] STROKES = {
        { // 0: an oval, or one begun at the top right and overshooting
            {s(0, 0.35, 0, 0.6, 0.15, 0.66, 0.5, 0.5, 0.9, 0.3, 1, 0.08, 0.82, 0.04, 0.45, 0.15, 0.1, 0.37, 0.0)},
            {s(0, 0.55, 0.1, 0.3, 0, 0.08, 0.25, 0.05, 0.7, 0.3, 1, 0.6, 0.8, 0.65, 0.35, 0.45, 0.02, 0.3, 0.05)},
        },
        { // 1: a bar; with a flag; with flag and foot
            {s(1, 0.4, 0, 0.35, 1)},
            {s(1, 0.12, 0.25, 0.42, 0, 0.4, 1)},
            {s(1, 0.15, 0.22, 0.42, 0, 0.42, 1), s(1, 0.15, 1, 0.68, 1)},
        },
        { // 2: a plain tail, or a looped one
            {s(0, 0.05, 0.22, 0.3, 0.0, 0.6, 0.1, 0.6, 0.38, 0.35, 0.65, 0.03, 1.0), s(1, 0.03, 1.0, 0.7, 0.97)},
            {s(0, 0.08, 0.2, 0.35, 0.0, 0.62, 0.18, 0.5, 0.5, 0.15, 0.85, 0.1, 1.0, 0.25, 0.9, 0.45, 0.95, 0.7, 1.0)},
        },
        { // 3: round, or with a flat top
            {s(0, 0.05, 0.1, 0.35, 0, 0.6, 0.15, 0.55, 0.38, 0.3, 0.48, 0.6, 0.6, 0.65, 0.82, 0.4, 1.0, 0.03, 0.9)},
            {s(1, 0.05, 0.0, 0.62, 0.0, 0.3, 0.42), s(0, 0.3, 0.42, 0.6, 0.55, 0.65, 0.8, 0.4, 1.0, 0.05, 0.9)},
        },
        { // 4: open, or closed with a triangle
            {s(1, 0.15, 0, 0.08, 0.6, 0.7, 0.6), s(1, 0.55, 0.05, 0.55, 1)},
            {s(1, 0.5, 0, 0.04, 0.65, 0.7, 0.65), s(1, 0.52, 0.05, 0.52, 1)},
        },
        { // 5: one stroke, or the flag drawn apart
            {s(1, 0.62, 0.0, 0.15, 0.02, 0.1, 0.42), s(0, 0.1, 0.42, 0.4, 0.36, 0.63, 0.55, 0.62, 0.82, 0.35, 1.0, 0.03, 0.9)},
            {s(0, 0.15, 0.02, 0.1, 0.42, 0.4, 0.36, 0.63, 0.55, 0.62, 0.82, 0.35, 1.0, 0.03, 0.9), s(1, 0.15, 0.02, 0.65, 0.0)},
        },
        { // 6
            {s(0, 0.55, 0.0, 0.25, 0.2, 0.07, 0.6, 0.15, 0.95, 0.45, 0.98, 0.62, 0.75, 0.45, 0.52, 0.15, 0.6, 0.08, 0.72)},
            {s(0, 0.6, 0.05, 0.3, 0.15, 0.1, 0.5, 0.1, 0.85, 0.35, 1.0, 0.6, 0.85, 0.55, 0.6, 0.3, 0.55, 0.1, 0.7)},
        },
        { // 7: plain, crossed, or with a curved stem
            {s(1, 0.03, 0.02, 0.68, 0.02, 0.25, 1)},
            {s(1, 0.03, 0.02, 0.68, 0.02, 0.25, 1), s(1, 0.18, 0.5, 0.6, 0.5)},
            {s(1, 0.03, 0.05, 0.68, 0.02), s(0, 0.68, 0.02, 0.45, 0.4, 0.33, 0.7, 0.3, 1)},
        },
        { // 8: one stroke crossing in the middle
            {s(0, 0.58, 0.12, 0.35, 0, 0.1, 0.12, 0.15, 0.36, 0.5, 0.58, 0.63, 0.82, 0.38, 1.0, 0.08, 0.85,
                0.15, 0.6, 0.5, 0.38, 0.6, 0.2, 0.56, 0.1)},
            {s(0, 0.35, 0.48, 0.1, 0.3, 0.2, 0.04, 0.5, 0.04, 0.58, 0.28, 0.35, 0.48, 0.1, 0.7, 0.25, 0.98, 0.55,
                0.95, 0.62, 0.7, 0.35, 0.48)},
        },
        { // 9: straight or curved tail
            {s(0, 0.62, 0.3, 0.4, 0.02, 0.1, 0.12, 0.1, 0.4, 0.38, 0.5, 0.62, 0.3), s(1, 0.62, 0.25, 0.6, 1.0)},
            {s(0, 0.62, 0.3, 0.4, 0.02, 0.1, 0.12, 0.1, 0.4, 0.38, 0.5, 0.62, 0.3, 0.6, 0.65, 0.45, 0.95, 0.2, 1.0)},
        },
    };

    /** The labels of {@code pictures}, for tests. */
    static int[] labels(List<Picture> pictures) {
        return pictures.stream().mapToInt(Picture::label).toArray();
    }

    /** A copy of a picture's pixels, for tests. */
    static byte[] pixels(Picture p) {
        byte[] data = ((java.awt.image.DataBufferByte) p.image().getRaster().getDataBuffer()).getData();
        return Arrays.copyOf(data, data.length);
    }
}
