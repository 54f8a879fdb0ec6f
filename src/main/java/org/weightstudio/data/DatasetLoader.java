package org.weightstudio.data;

import org.weightstudio.common.Messages;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a dataset folder holding the four standard MNIST-style IDX files, gzip or raw, and an
 * optional {@code classes.json} (a JSON array of class names in label order, or an object with a
 * {@code "classes"} array). Without it the classes are named by their labels, 0 to 9.
 */
public final class DatasetLoader {
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    public static final String CLASSES_FILE = "classes.json";
    private static final int DEFAULT_CLASSES = 10;

    private DatasetLoader() {
    }

    /** Why {@code dir} is not a folder we can list: missing, a file, or unreadable (with the reason). */
    private static String whyNotAFolder(Path dir) {
        try {
            java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(dir,
                    java.nio.file.attribute.BasicFileAttributes.class);
            return a.isDirectory() ? "cannot read it" : "a file, not a folder";
        } catch (java.nio.file.NoSuchFileException e) {
            return "no such folder";
        } catch (IOException e) {
            return "cannot read it: " + Messages.reason(e);
        }
    }

    public static Dataset load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DatasetException(dir + ": not a dataset folder (" + whyNotAFolder(dir) + ")");
        }
        List<String> classes = readClassNames(dir);
        ImageSet train = loadPair(dir, TRAIN_IMAGES, TRAIN_LABELS, classes.size());
        ImageSet test = loadPair(dir, TEST_IMAGES, TEST_LABELS, classes.size());
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return new Dataset(name == null ? dir.toString() : name.toString(), train, test, classes);
    }

    /** The MNIST copy shipped in {@code assets/mnist}, found from the working folder or the jar. */
    public static Dataset loadBundledMnist() {
        return load(bundledMnistDir());
    }

    public static Path bundledMnistDir() {
        Path found = bundledFolder("mnist");
        if (found == null) {
            throw new DatasetException("assets/mnist: bundled MNIST not found (looked in " + bundledCandidates("mnist")
                    + "); run from the repository folder or pass --data DIR");
        }
        return found;
    }

    /**
     * The folder {@code assets/NAME} shipped with the studio (mnist, handwriting), found from the
     * working folder or beside the jar; null when there is none.
     */
    public static Path bundledFolder(String name) {
        for (Path c : bundledCandidates(name)) {
            if (Files.isDirectory(c)) {
                return c;
            }
        }
        return null;
    }

    private static List<Path> bundledCandidates(String name) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("assets", name));
        Path jarDir = codeLocation();
        if (jarDir != null) {
            candidates.add(jarDir.resolve("assets").resolve(name));
            if (jarDir.getParent() != null) {
                candidates.add(jarDir.getParent().resolve("assets").resolve(name));
            }
        }
        return candidates;
    }

    private static Path codeLocation() {
        try {
            Path p = Path.of(DatasetLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.getParent(); // target/ for both target/classes and target/weight-studio.jar
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    static ImageSet loadPair(Path dir, String imagesName, String labelsName, int classCount) {
        Path imagesFile = find(dir, imagesName);
        Path labelsFile = find(dir, labelsName);
        IdxReader.Images images = IdxReader.readImages(imagesFile);
        byte[] labels = IdxReader.readLabels(labelsFile);
        if (labels.length != images.count()) {
            throw new DatasetException(labelsFile.getFileName() + ": holds " + labels.length + " labels but "
                    + imagesFile.getFileName() + " holds " + images.count() + " images");
        }
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i] & 0xFF;
            if (label >= classCount) {
                throw new DatasetException(labelsFile.getFileName() + ": label " + label + " at index " + i
                        + " is outside the " + classCount + " classes 0.." + (classCount - 1));
            }
        }
        return new ImageSet(images.pixels(), labels, images.rows(), images.cols());
    }

    private static Path find(Path dir, String name) {
        Path gz = dir.resolve(name + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path raw = dir.resolve(name);
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        throw new DatasetException(dir + ": missing " + name + ".gz (or " + name + ")");
    }

    private static List<String> readClassNames(Path dir) {
        Path file = dir.resolve(CLASSES_FILE);
        if (!Files.isRegularFile(file)) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < DEFAULT_CLASSES; i++) {
                names.add(Integer.toString(i));
            }
            return names;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonElement root = new Gson().fromJson(reader, JsonElement.class);
            JsonArray array = root != null && root.isJsonObject()
                    ? ((JsonObject) root).getAsJsonArray("classes")
                    : root != null && root.isJsonArray() ? root.getAsJsonArray() : null;
            if (array == null || array.isEmpty() || array.size() > 256) {
                throw new DatasetException(file.getFileName() + ": expected an array of 1 to 256 class names");
            }
            List<String> names = new ArrayList<>();
            for (JsonElement e : array) {
                if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                    throw new DatasetException(file.getFileName() + ": class name " + e + " is not a string");
                }
                names.add(e.getAsString());
            }
            return names;
        } catch (JsonParseException | ClassCastException | IllegalStateException e) {
            throw new DatasetException(file.getFileName() + ": not valid JSON (" + Messages.firstLine(e.getMessage()) + ")");
        } catch (IOException e) {
            throw new DatasetException(file.getFileName() + ": cannot read (" + Messages.reason(e) + ")");
        }
    }
}
