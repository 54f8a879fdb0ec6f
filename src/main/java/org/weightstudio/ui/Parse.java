package org.weightstudio.ui;

/** Numbers typed into fields: null when the text is not one. */
final class Parse {
    private Parse() {
    }

    /** A whole number; thousands separators (, and _) are allowed. */
    static Long wholeNumber(String text) {
        try {
            return Long.parseLong(text.strip().replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Double number(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
