package org.weightstudio.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.weightstudio.data.ImageSet;

class ClarityTest {
    /**
     * Three 1x3 images, pixels 0 or 255 (0 or 1 once scaled): class 0 is [1,0,0] and [1,1,0],
     * class 1 is [0,0,1]. Unequal class sizes, so the mean of all images ([2/3, 1/3, 1/3]) is not
     * the mean of the class means.
     */
    private static ImageSet paperImages() {
        byte f = (byte) 255;
        byte[] pixels = {f, 0, 0, f, f, 0, 0, 0, f};
        return new ImageSet(pixels, new byte[] {0, 0, 1}, 1, 3);
    }

    @Test
    void templatesAreClassMeanMinusTheMeanOfAllImages() {
        ClarityTemplates t = ClarityTemplates.of(paperImages(), 2);
        // T0 = [1, 1/2, 0] - [2/3, 1/3, 1/3];  T1 = [0, 0, 1] - [2/3, 1/3, 1/3]
        assertThat(t.template(0)).containsExactly(new double[] {1 / 3.0, 1 / 6.0, -1 / 3.0}, within(1e-12));
        assertThat(t.template(1)).containsExactly(new double[] {-2 / 3.0, -1 / 3.0, 2 / 3.0}, within(1e-12));
    }

    @Test
    void clarityMatchesAHandComputedCase() {
        ClarityTemplates t = ClarityTemplates.of(paperImages(), 2);
        // W0 = [2,1,0]: centred [1,0,-1]; T0 centred [5,2,-7]/18.
        //   r0 = (12/18) / sqrt(2 * 78/324) = 12 / sqrt(156)
        // W1 = [0,0,1]: centred [-1,-1,2]/3; T1 centred [-5,-2,7]/9.
        //   r1 = (7/9) / sqrt(2/3 * 78/81) = 7 sqrt(243) / (9 sqrt(156))
        Clarity c = t.measure(new float[] {2, 1, 0, 0, 0, 1}).orElseThrow();
        double r0 = 12 / Math.sqrt(156);
        double r1 = 7 * Math.sqrt(243) / (9 * Math.sqrt(156));
        assertThat(c.of(0)).isCloseTo(r0, within(1e-6));
        assertThat(c.of(1)).isCloseTo(r1, within(1e-6));
        assertThat(c.mean()).isCloseTo((r0 + r1) / 2, within(1e-6));
        assertThat(c.min()).isCloseTo(r0, within(1e-6));
    }

    @Test
    void theTemplateItselfScoresOneAndItsNegativeMinusOne() {
        ClarityTemplates t = ClarityTemplates.of(paperImages(), 2);
        float[] same = new float[6];
        for (int k = 0; k < 2; k++) {
            double[] tk = t.template(k);
            for (int p = 0; p < 3; p++) {
                // scaled and shifted: correlation ignores both
                same[k * 3 + p] = (float) (k == 0 ? 5 * tk[p] + 0.25 : -3 * tk[p]);
            }
        }
        Clarity c = t.measure(same).orElseThrow();
        assertThat(c.of(0)).isCloseTo(1.0, within(1e-6));
        assertThat(c.of(1)).isCloseTo(-1.0, within(1e-6));
        assertThat(c.min()).isCloseTo(-1.0, within(1e-6));
        assertThat(c.mean()).isCloseTo(0.0, within(1e-6));
    }

    @Test
    void untrainedZeroWeightsHaveNoShapeAndScoreZero() {
        Clarity c = ClarityTemplates.of(paperImages(), 2).measure(new float[6]).orElseThrow();
        assertThat(c.perClass()).containsExactly(0.0, 0.0);
    }

    @Test
    void weightsNotShapedAsOneTemplatePerClassHaveNoClarity() {
        ClarityTemplates t = ClarityTemplates.of(paperImages(), 2);
        assertThat(t.measure(new float[7])).isEmpty();
        assertThat(t.measure(new float[3])).isEmpty();
    }

    @Test
    void aClassWithoutImagesIsNamed() {
        assertThatThrownBy(() -> ClarityTemplates.of(paperImages(), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("class 2");
    }
}
