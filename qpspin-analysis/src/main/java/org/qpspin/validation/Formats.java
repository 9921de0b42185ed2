package org.qpspin.validation;

import java.util.Locale;

/** Number formats of the verdicts' texts. */
final class Formats {

    private Formats() {
    }

    /** Four significant digits, {@code %.4g}. */
    static String g4(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
