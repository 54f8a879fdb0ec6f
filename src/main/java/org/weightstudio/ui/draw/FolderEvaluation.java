package org.weightstudio.ui.draw;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.weightstudio.analysis.DigitPreprocessor;
import org.weightstudio.analysis.LabelledPictures;
import org.weightstudio.common.BadInputException;
import org.weightstudio.model.Classifier;

/**
 * Every trained model measured on a folder of labelled pictures, as {@code evaluate --images}
 * does it: the same {@link LabelledPictures} read, preprocessing and evaluation, for the Test set
 * tab. Made on a worker thread from copies of the models.
 *
 * @param folder   the folder read
 * @param mode     how each picture became a 28x28 input
 * @param pictures the pictures, read and preprocessed
 * @param results  one per model, in the order given
 */
public record FolderEvaluation(Path folder, DigitPreprocessor.Mode mode, LabelledPictures pictures,
        List<ModelResult> results) {

    /** One model's answers: its name, description and step as the tab shows them. */
    public record ModelResult(String name, String description, long step, LabelledPictures.Result result) {
    }

    /** A model to measure: a copy of its parameters (owned by the worker) and how to name it. */
    public record Candidate(String name, String description, long step, Classifier model) {
        static Candidate of(NamedModel m) {
            return new Candidate(m.name(), m.description(), m.step(), m.model().copyClassifier());
        }
    }

    /**
     * Reads the folder, then measures each model on it. All or nothing, as the command: a picture
     * that cannot be read, a name without a label, or a model that does not take 28x28 pictures
     * is a {@link BadInputException} naming it.
     */
    public static FolderEvaluation run(Path folder, DigitPreprocessor.Mode mode, List<Candidate> models) {
        LabelledPictures pictures = LabelledPictures.read(folder, mode);
        int inputs = DigitPreprocessor.SIZE * DigitPreprocessor.SIZE;
        List<ModelResult> results = new ArrayList<>();
        for (Candidate m : models) {
            if (m.model().inputs() != inputs) {
                throw new BadInputException(m.name() + " takes " + m.model().inputs() + " inputs, not the "
                        + DigitPreprocessor.SIZE + "x" + DigitPreprocessor.SIZE + " pictures of a folder");
            }
            results.add(new ModelResult(m.name(), m.description(), m.step(), pictures.evaluate(m.model())));
        }
        return new FolderEvaluation(folder, mode, pictures, List.copyOf(results));
    }

    /** "400 pictures in assets/handwriting (font 200, pen 200), preprocessing mnist-pen", as the command's first line. */
    public String summary() {
        return String.format(Locale.ROOT, "%d pictures in %s (%s), preprocessing %s", pictures.size(), folder,
                pictures.kindCounts(), modeName(mode));
    }

    /** The mode as the command line spells it: mnist-pen, mnist, raw. */
    static String modeName(DigitPreprocessor.Mode mode) {
        return mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
