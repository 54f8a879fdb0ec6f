package org.weightstudio.ui;

import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import org.weightstudio.model.SoftmaxModel;
import org.weightstudio.training.Frame;

/**
 * The model of the picture the window shows, for the Draw, Robustness and Test set tabs: built
 * from the frame's copies of W and b, never the live model the trainer is updating, and rebuilt
 * only when a new frame is shown. Null until the first picture.
 */
final class LatestModel implements Supplier<SoftmaxModel> {
    private final ObservableValue<ShownPicture> shown;
    private Frame cachedFrame;
    private SoftmaxModel cachedModel;

    LatestModel(ObservableValue<ShownPicture> shown) {
        this.shown = shown;
    }

    @Override
    public SoftmaxModel get() {
        ShownPicture picture = shown.getValue();
        if (picture == null) {
            return null;
        }
        Frame frame = picture.frame().frame();
        if (frame != cachedFrame) {
            cachedModel = SoftmaxModel.of(frame.classes(), frame.tileSize(), frame.weights(), frame.bias());
            cachedFrame = frame;
        }
        return cachedModel;
    }
}
