package org.weightstudio.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes the application icon: one 28x28 heatmap tile, drawn by the studio's own colour map, of a
 * "zero" template as the post describes a neuron ("a plank with a cut-out shape"): a red ring
 * where ink raises the score, a blue hole where ink lowers it, and a little seeded noise, as
 * learnt weights have. Written as PNGs in the sizes the platforms ask for, plus the Windows
 * {@code .ico} and the macOS {@code .icns} (both are containers of those PNGs).
 *
 * <p>Run after changing it (the icons are committed; {@code AppIconGeneratorTest} checks they
 * are what this draws):
 * {@code mvn -B -o -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.weightstudio.render.AppIconGenerator}
 */
public final class AppIconGenerator {
    public static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256, 512};
    public static final Path PNG_DIR = Path.of("src/main/resources/org/weightstudio/ui/icons");
    public static final Path PLATFORM_DIR = Path.of("assets/icons");
    private static final int TILE = 28;
    private static final Color FRAME = new Color(0x26, 0x32, 0x38);

    private AppIconGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        writeAll(root.resolve(PNG_DIR), root.resolve(PLATFORM_DIR));
    }

    /** Writes weight-studio-N.png for every size, and weight-studio.ico / .icns. */
    public static void writeAll(Path pngDir, Path platformDir) throws IOException {
        Files.createDirectories(pngDir);
        Files.createDirectories(platformDir);
        List<byte[]> pngs = new ArrayList<>();
        for (int size : SIZES) {
            byte[] png = PngWriter.encode(icon(size));
            pngs.add(png);
            Files.write(pngDir.resolve("weight-studio-" + size + ".png"), png);
        }
        Files.write(platformDir.resolve("weight-studio.ico"), ico(pngs));
        Files.write(platformDir.resolve("weight-studio.icns"), icns(pngs));
    }

    /** The tile's 28x28 values: ring minus hole, plus noise of a fixed seed. */
    static float[] zeroTemplate() {
        float[] v = new float[TILE * TILE];
        Random noise = new Random(42);
        for (int y = 0; y < TILE; y++) {
            for (int x = 0; x < TILE; x++) {
                // d = 1 on an upright ellipse (a zero is taller than wide) of radii 6.5 x 8.5
                double d = Math.hypot((x - 13.5) / 6.5, (y - 13.5) / 8.5);
                // v = exp(-(d - 1)^2 / (2 * 0.25^2)) - 0.9 exp(-d^2 / (2 * 0.45^2)) + noise
                double ring = Math.exp(-(d - 1) * (d - 1) / (2 * 0.25 * 0.25));
                double hole = Math.exp(-d * d / (2 * 0.45 * 0.45));
                v[y * TILE + x] = (float) (ring - 0.9 * hole + 0.07 * noise.nextGaussian());
            }
        }
        return v;
    }

    /** The icon at size x size: the tile on a dark rounded square. */
    static BufferedImage icon(int size) {
        float[] values = zeroTemplate();
        int[] pixels = new int[TILE * TILE];
        HeatmapRasterizer.rasterize(values, 0, HeatmapRasterizer.maxAbs(values, 0, values.length), pixels);
        BufferedImage tile = new BufferedImage(TILE, TILE, BufferedImage.TYPE_INT_ARGB);
        tile.setRGB(0, 0, TILE, TILE, pixels, 0, TILE);

        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            double arc = size * 0.36;
            g.setColor(FRAME);
            g.fill(new RoundRectangle2D.Double(0, 0, size, size, arc, arc));
            // Crisp, equal weight squares (a whole number of pixels each) where there is room for
            // them; smooth below, where nearest neighbour would drop whole rows of the ring.
            boolean crisp = size >= 4 * TILE;
            int inner = crisp ? Math.round(size * 0.9f) / TILE * TILE : size - 2 * Math.max(1, Math.round(size * 0.08f));
            int inset = (size - inner) / 2;
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, crisp
                    ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR
                    : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setClip(new RoundRectangle2D.Double(inset, inset, inner, inner, arc * 0.6, arc * 0.6));
            g.drawImage(tile, inset, inset, inner, inner, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** ICO: a 6-byte header, a 16-byte entry per image, then the PNGs (Windows Vista and later). */
    static byte[] ico(List<byte[]> pngs) {
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < SIZES.length; i++) {
            if (SIZES[i] <= 256) {
                chosen.add(i);
            }
        }
        int offset = 6 + 16 * chosen.size();
        ByteBuffer header = ByteBuffer.allocate(offset).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) 0).putShort((short) 1).putShort((short) chosen.size());
        for (int i : chosen) {
            int size = SIZES[i];
            header.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size)); // 0 means 256
            header.put((byte) 0).put((byte) 0);            // no palette, reserved
            header.putShort((short) 1).putShort((short) 32); // colour planes, bits per pixel
            header.putInt(pngs.get(i).length).putInt(offset);
            offset += pngs.get(i).length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        chosen.forEach(i -> out.writeBytes(pngs.get(i)));
        return out.toByteArray();
    }

    /** ICNS: "icns" and the total length, then (type, length, PNG) per size macOS names. */
    static byte[] icns(List<byte[]> pngs) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < SIZES.length; i++) {
            String type = switch (SIZES[i]) {
                case 16 -> "icp4";
                case 32 -> "icp5";
                case 64 -> "icp6";
                case 128 -> "ic07";
                case 256 -> "ic08";
                case 512 -> "ic09";
                default -> null;
            };
            if (type != null) {
                body.writeBytes(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                body.writeBytes(ByteBuffer.allocate(4).putInt(8 + pngs.get(i).length).array());
                body.writeBytes(pngs.get(i));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("icns".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4).putInt(8 + body.size()).array());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }
}
