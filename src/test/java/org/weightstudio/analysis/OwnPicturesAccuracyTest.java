package org.weightstudio.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightstudio.analysis.DigitPreprocessor.Mode;
import org.weightstudio.model.SoftmaxModel;

/**
 * The acceptance check on pictures we made ourselves (never the MNIST test set): on
 * off-centre digits of many sizes and pens, MNIST-style preprocessing must be far more accurate
 * than shrinking the whole picture.
 */
class OwnPicturesAccuracyTest {

    @Test
    void mnistStylePreprocessingBeatsRawShrinkingByFar() {
        SoftmaxModel model = TestModels.small();
        List<DigitPictures.Picture> pictures = DigitPictures.generate(11, 200);
        double mnist = accuracy(model, pictures, Mode.MNIST);
        double pen = accuracy(model, pictures, Mode.MNIST_PEN);
        double raw = accuracy(model, pictures, Mode.RAW);
        System.out.printf("own pictures: mnist-pen %.3f, mnist %.3f, raw %.3f%n", pen, mnist, raw);
        assertThat(mnist).isGreaterThan(0.6);
        assertThat(pen).isGreaterThan(0.65);
        assertThat(raw).isLessThan(0.3);
        assertThat(mnist - raw).isGreaterThan(0.4);
    }

    static double accuracy(SoftmaxModel model, List<DigitPictures.Picture> pictures, Mode mode) {
        int right = 0;
        for (DigitPictures.Picture p : pictures) {
            float[] x = DigitPreprocessor.prepare(PictureReader.toGrey(p.image()), mode);
            if (model.predict(x) == p.label()) {
                right++;
            }
        }
        return (double) right / pictures.size();
    }
}
