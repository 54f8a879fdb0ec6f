package org.weightstudio.analysis;

/**
 * A combination of perturbations, applied in this order: pen thickness, then scale and rotation
 * about the image centre, then the shift.
 *
 * @param shiftX    pixels to the right
 * @param shiftY    pixels down
 * @param scale     size factor (1 = unchanged)
 * @param thickness pixels of morphological dilation (+) or erosion (-); fractions blend
 * @param rotation  degrees, counter-clockwise on screen
 */
public record PerturbationSettings(double shiftX, double shiftY, double scale, double thickness, double rotation) {
    public static final PerturbationSettings IDENTITY = new PerturbationSettings(0, 0, 1, 0, 0);

    public PerturbationSettings {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be a positive number, got " + scale);
        }
        if (!Double.isFinite(shiftX) || !Double.isFinite(shiftY) || !Double.isFinite(thickness)
                || !Double.isFinite(rotation)) {
            throw new IllegalArgumentException("perturbation amounts must be finite numbers");
        }
    }

    public boolean isIdentity() {
        return equals(IDENTITY);
    }

    public double amount(PerturbationKind kind) {
        return switch (kind) {
            case SHIFT_X -> shiftX;
            case SHIFT_Y -> shiftY;
            case SCALE -> scale;
            case THICKNESS -> thickness;
            case ROTATION -> rotation;
        };
    }

    public PerturbationSettings with(PerturbationKind kind, double amount) {
        return switch (kind) {
            case SHIFT_X -> new PerturbationSettings(amount, shiftY, scale, thickness, rotation);
            case SHIFT_Y -> new PerturbationSettings(shiftX, amount, scale, thickness, rotation);
            case SCALE -> new PerturbationSettings(shiftX, shiftY, amount, thickness, rotation);
            case THICKNESS -> new PerturbationSettings(shiftX, shiftY, scale, amount, rotation);
            case ROTATION -> new PerturbationSettings(shiftX, shiftY, scale, thickness, amount);
        };
    }
}
