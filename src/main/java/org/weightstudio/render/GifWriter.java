package org.weightstudio.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.weightstudio.persistence.AtomicFiles;

/**
 * Animated GIFs through ImageIO's own GIF writer (no extra dependency): every picture becomes a
 * frame with the delay of the chosen frame rate, and a NETSCAPE2.0 application extension makes the
 * animation loop forever. ImageIO reduces each RGB picture to its own 256-colour palette.
 *
 * <p>Written atomically: a failure or a cancellation removes the temporary file and leaves no
 * file under the target name.
 */
public final class GifWriter {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";
    public static final double MAX_FPS = 50;

    private GifWriter() {
    }

    /** Writes a new GIF; fails with FileAlreadyExistsException if {@code target} exists. */
    public static void writeNew(Path target, FrameSource pictures, double fps, ExportProgress progress)
            throws IOException {
        checkFps(fps);
        AtomicFiles.writeNew(target, out -> encode(pictures, fps, progress, out));
    }

    /** Writes a GIF, replacing any file at {@code target} (after the user agreed to). */
    public static void write(Path target, FrameSource pictures, double fps, ExportProgress progress)
            throws IOException {
        checkFps(fps);
        AtomicFiles.write(target, out -> encode(pictures, fps, progress, out));
    }

    /**
     * The delay between frames in the GIF's unit, hundredths of a second: round(100 / fps), at
     * least 2 because browsers show shorter delays as 1/10 s.
     */
    public static int delayCentiseconds(double fps) {
        checkFps(fps);
        return (int) Math.max(2, Math.round(100 / fps));
    }

    /** Encodes the animation onto {@code out} (flushed, not closed). */
    public static void encode(FrameSource pictures, double fps, ExportProgress progress, OutputStream out)
            throws IOException {
        int n = pictures.count();
        if (n < 1) {
            throw new IllegalArgumentException("an animation needs at least one picture");
        }
        int delay = delayCentiseconds(fps);
        ImageWriter writer = PngWriter.writerFor("gif");
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < n; i++) {
                progress.checkCancelled();
                BufferedImage picture = pictures.picture(i);
                writer.writeToSequence(new IIOImage(picture, null, frameMetadata(writer, picture, delay, i == 0)),
                        null);
                progress.done(i + 1, n);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        out.flush();
    }

    /** Per-frame metadata: the delay, no disposal, and on the first frame the loop extension. */
    private static IIOMetadata frameMetadata(ImageWriter writer, BufferedImage picture, int delay, boolean first)
            throws IOException {
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(picture), null);
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delay));
        control.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            // Sub-block 1, then the loop count as little-endian 16 bits: 0 = loop forever.
            loop.setUserObject(new byte[] {1, 0, 0});
            apps.appendChild(loop);
        }
        meta.setFromTree(FORMAT, root);
        return meta;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    private static void checkFps(double fps) {
        if (!(fps > 0) || fps > MAX_FPS) {
            throw new IllegalArgumentException("frame rate must be above 0 and at most " + MAX_FPS + ", got " + fps);
        }
    }
}
