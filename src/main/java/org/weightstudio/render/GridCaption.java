package org.weightstudio.render;

import java.util.ArrayList;
import java.util.List;
import org.weightstudio.training.Frame;

/**
 * What the caption of a grid picture says, and the tile titles. Everything is taken from the
 * frame except what a frame does not know: the dataset's name and class names, and the step the
 * shown delta starts from.
 *
 * @param dataset             dataset name ("mnist")
 * @param classNames          titles of the top row, in label order
 * @param step                updates done
 * @param epochs              fractional epochs done
 * @param learningRate        configured learning rate
 * @param currentLearningRate learning rate after decay at {@code epochs}
 * @param batchSize           images per update
 * @param accuracy            training accuracy since the previous frame (NaN if unknown)
 * @param deltaFromStep       the delta row shows W(step) - W(deltaFromStep)
 */
public record GridCaption(String dataset, List<String> classNames, long step, double epochs, double learningRate,
        double currentLearningRate, int batchSize, double accuracy, long deltaFromStep) {

    public GridCaption {
        classNames = List.copyOf(classNames);
    }

    /** The caption of {@code frame} shown with a delta taken since {@code deltaFromStep}. */
    public static GridCaption of(Frame frame, long deltaFromStep, String dataset, List<String> classNames) {
        var c = frame.config();
        return new GridCaption(dataset, classNames.isEmpty() ? digits(frame.classes()) : classNames, frame.step(),
                frame.epochs(), c.learningRate(), c.learningRateAt(frame.epochs()), c.batchSize(), frame.accuracy(),
                deltaFromStep);
    }

    /** "0", "1", ... for a dataset without class names. */
    public static List<String> digits(int classes) {
        List<String> names = new ArrayList<>(classes);
        for (int i = 0; i < classes; i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }

    /** Title of tile {@code i} of the top row: the class name. */
    public String weightTitle(int i) {
        return i < classNames.size() ? classNames.get(i) : Integer.toString(i);
    }

    /** Title of tile {@code i} of the bottom row, as in the blog post: {@code delta_3}. */
    public String deltaTitle(int i) {
        return "delta_" + weightTitle(i);
    }
}
