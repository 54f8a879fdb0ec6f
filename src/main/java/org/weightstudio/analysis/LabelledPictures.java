package org.weightstudio.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.weightstudio.common.BadInputException;
import org.weightstudio.model.Classifier;
import org.weightstudio.model.SoftmaxModel;

/**
 * A folder of digit pictures labelled by their file names ({@code anything_7.png} shows a 7),
 * read and preprocessed into 28x28 model inputs once, to measure models on pictures that are not
 * MNIST. The part of a name before its first '-' is its kind ({@code font-...}, {@code pen-...}),
 * so accuracy can be told per kind.
 *
 * <p>All or nothing: a picture that cannot be read, or a name without a label, is a
 * {@link BadInputException} naming the file; nothing is measured on a partial folder.
 *
 * @param files  the pictures, sorted by name
 * @param inputs their 28x28 model inputs
 * @param labels their labels
 * @param kinds  their kinds
 */
public record LabelledPictures(List<Path> files, List<float[]> inputs, int[] labels, List<String> kinds) {
    private static final Pattern LABELLED = Pattern.compile(".*_(\\d{1,3})\\.(?i:png|jpe?g)");

    /** Reads every .png, .jpg and .jpeg file of {@code folder} (not its subfolders). */
    public static LabelledPictures read(Path folder, DigitPreprocessor.Mode mode) {
        List<Path> files = pictureFiles(folder);
        int[] labels = new int[files.size()];
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            labels[i] = labelOf(files.get(i));
            kinds.add(kindOf(files.get(i)));
        }
        List<float[]> inputs = new ArrayList<>();
        for (Path file : files) {
            inputs.add(DigitPreprocessor.prepare(PictureReader.read(file), mode));
        }
        return new LabelledPictures(files, inputs, labels, kinds);
    }

    private static List<Path> pictureFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder + ": " + (Files.exists(folder) ? "not a folder" : "no such folder"));
        }
        try (Stream<Path> listing = Files.list(folder)) {
            List<Path> files = listing.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(png|jpe?g)"))
                    .sorted().toList();
            if (files.isEmpty()) {
                throw new BadInputException(folder + ": folder holds no .png, .jpg or .jpeg files");
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The label in a name such as {@code anything_7.png}. */
    static int labelOf(Path file) {
        Matcher m = LABELLED.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new BadInputException(file + ": no label in the file name (expected NAME_L.png, L the class, e.g. "
                    + "scan-12_7.png)");
        }
        return Integer.parseInt(m.group(1));
    }

    /** The part of the name before its first '-', or "-" when there is none. */
    static String kindOf(Path file) {
        String name = file.getFileName().toString();
        int dash = name.indexOf('-');
        return dash > 0 ? name.substring(0, dash) : "-";
    }

    public int size() {
        return files.size();
    }

    /** The distinct kinds, in order of first appearance. */
    public List<String> kindNames() {
        return kinds.stream().distinct().toList();
    }

    /** How many pictures of each kind, in order of first appearance: "font 200, pen 200". */
    public String kindCounts() {
        List<String> parts = new ArrayList<>();
        for (String kind : kindNames()) {
            parts.add(kind + " " + kinds.stream().filter(kind::equals).count());
        }
        return String.join(", ", parts);
    }

    /** Throws a {@link BadInputException} naming the first picture whose label is not below {@code classes}. */
    public void requireClasses(int classes) {
        for (int i = 0; i < size(); i++) {
            if (labels[i] >= classes) {
                throw new BadInputException(files.get(i) + ": label " + labels[i] + " but the model has only "
                        + classes + " classes");
            }
        }
    }

    /**
     * The model's answer for every picture, with accuracy, mean loss and confusion matrix. A label
     * the model has no class for is a {@link BadInputException} naming the picture.
     */
    public Result evaluate(Classifier model) {
        int classes = model.classes();
        requireClasses(classes);
        int[] predicted = new int[size()];
        int[][] confusion = new int[classes][classes];
        float[] z = new float[classes];
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < size(); i++) {
            model.scores(inputs.get(i), z);
            predicted[i] = SoftmaxModel.argmax(z, 0, classes);
            confusion[labels[i]][predicted[i]]++;
            correct += predicted[i] == labels[i] ? 1 : 0;
            loss += SoftmaxModel.crossEntropyFromScores(z, 0, classes, labels[i]);
        }
        int n = size();
        return new Result(new Evaluation((double) correct / n, loss / n, confusion, n), predicted);
    }

    /**
     * One model's answers on the pictures.
     *
     * @param evaluation accuracy, mean loss and confusion matrix over all pictures
     * @param predicted  the predicted class of each picture, in file order
     */
    public record Result(Evaluation evaluation, int[] predicted) {
        /** Pictures of {@code kind} predicted right, and how many pictures of that kind there are. */
        public int[] rightOfKind(LabelledPictures pictures, String kind) {
            int right = 0;
            int total = 0;
            for (int i = 0; i < predicted.length; i++) {
                if (pictures.kinds().get(i).equals(kind)) {
                    total++;
                    right += predicted[i] == pictures.labels()[i] ? 1 : 0;
                }
            }
            return new int[] {right, total};
        }

        /**
         * Accuracy per kind, "font 0.7400 (148/200)  pen 0.8950 (179/200)"; empty when the
         * pictures are all of one kind.
         */
        public String perKind(LabelledPictures pictures) {
            if (pictures.kindNames().size() < 2) {
                return "";
            }
            List<String> parts = new ArrayList<>();
            for (String kind : pictures.kindNames()) {
                int[] rt = rightOfKind(pictures, kind);
                parts.add(String.format(Locale.ROOT, "%s %.4f (%d/%d)", kind, (double) rt[0] / rt[1], rt[0], rt[1]));
            }
            return String.join("  ", parts);
        }
    }
}
