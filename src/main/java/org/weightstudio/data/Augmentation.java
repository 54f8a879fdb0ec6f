package org.weightstudio.data;

import java.util.Locale;

/**
 * The ranges of training-time augmentation: each training image is shifted, scaled, rotated and
 * drawn with a thicker or thinner pen by amounts drawn at random within these ranges, so the
 * model sees digits placed and drawn the ways real pictures are.
 *
 * @param shift         largest shift in pixels, along x and along y independently (uniform in +-shift)
 * @param minScale      smallest scale factor (uniform in [minScale, maxScale])
 * @param maxScale      largest scale factor
 * @param rotation      largest rotation in degrees, either way (uniform in +-rotation)
 * @param thickerChance probability that the pen is made one pixel thicker all round
 * @param thinnerChance probability that it is made one pixel thinner instead
 */
public record Augmentation(double shift, double minScale, double maxScale, double rotation, double thickerChance,
        double thinnerChance) {
    /** No augmentation: every image is used as it is. */
    public static final Augmentation OFF = new Augmentation(0, 1, 1, 0, 0, 0);
    /**
     * The ranges of the PyTorch reference: rotation +-15 degrees, scale 0.8 to 1.2, shift
     * +-3 pixels, pen thicker for a quarter of the images and thinner for a sixth.
     */
    public static final Augmentation DEFAULTS = new Augmentation(3, 0.8, 1.2, 15, 0.25, 1.0 / 6);

    public Augmentation {
        check(shift >= 0 && shift <= 100, "shift must be from 0 to 100 pixels, got " + shift);
        check(minScale >= 0.25 && maxScale <= 4 && minScale <= maxScale,
                "scale range must lie within 0.25 to 4 with min <= max, got " + minScale + "," + maxScale);
        check(rotation >= 0 && rotation <= 180, "rotation must be from 0 to 180 degrees, got " + rotation);
        check(thickerChance >= 0 && thinnerChance >= 0 && thickerChance + thinnerChance <= 1,
                "pen chances must be >= 0 and add up to at most 1, got " + thickerChance + "," + thinnerChance);
    }

    private static void check(boolean ok, String message) {
        // NaN fails every comparison above, so it lands here too
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** True when every range is empty: augmenting gives each image back unchanged. */
    public boolean isOff() {
        return shift == 0 && minScale == 1 && maxScale == 1 && rotation == 0 && thickerChance == 0
                && thinnerChance == 0;
    }

    public Augmentation withShift(double v) {
        return new Augmentation(v, minScale, maxScale, rotation, thickerChance, thinnerChance);
    }

    public Augmentation withScale(double min, double max) {
        return new Augmentation(shift, min, max, rotation, thickerChance, thinnerChance);
    }

    public Augmentation withRotation(double v) {
        return new Augmentation(shift, minScale, maxScale, v, thickerChance, thinnerChance);
    }

    public Augmentation withPen(double thicker, double thinner) {
        return new Augmentation(shift, minScale, maxScale, rotation, thicker, thinner);
    }

    /** The ranges as the command-line options that give them. */
    public String toOptions() {
        if (isOff()) {
            return "";
        }
        return String.format(Locale.ROOT, "--augment-shift %s --augment-scale %s,%s --augment-rotate %s --augment-pen %s,%s",
                num(shift), num(minScale), num(maxScale), num(rotation), num(thickerChance), num(thinnerChance));
    }

    /**
     * The ranges in words, as `train --augment` prints them and the window's tooltip lists them:
     * "rotation +-15 deg, scale 0.8-1.2, shift +-3 px, pen thicker 0.25 / thinner 0.167 of the images".
     */
    public String describe() {
        return String.format(Locale.ROOT, "rotation +-%s deg, scale %s-%s, shift +-%s px, pen thicker %s"
                + " / thinner %s of the images", plain(rotation), plain(minScale), plain(maxScale), plain(shift),
                plain(thickerChance), plain(thinnerChance));
    }

    private static String plain(double v) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", v)).stripTrailingZeros().toPlainString();
    }

    private static String num(double v) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
    }
}
