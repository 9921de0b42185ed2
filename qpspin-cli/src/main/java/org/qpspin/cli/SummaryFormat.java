package org.qpspin.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.qpspin.model.ModelParameters;

/** Number and parameter formatting shared by the commands' text summaries. */
final class SummaryFormat {

    private SummaryFormat() {
    }

    /** Six significant digits without trailing zeros: 0.001, 1.0e+04 → 10000, 4.19025e-06. */
    static String g(double x) {
        if (x == Double.POSITIVE_INFINITY) {
            return "inf";
        }
        String t = String.format(Locale.ROOT, "%.6g", x);
        int e = t.indexOf('e');
        String mantissa = e < 0 ? t : t.substring(0, e);
        if (mantissa.indexOf('.') >= 0) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return e < 0 ? mantissa : mantissa + t.substring(e);
    }

    /** The noise summaries' one line "parameters   A = ..., V = ..., Gamma = ..., Gamma_t = ..., tau_s = ...". */
    static void printParametersLine(PrintWriter out, ModelParameters p) {
        out.printf(Locale.ROOT, "parameters   A = %s s^-1 um^-3, V = %s um^3, Gamma = %s, Gamma_t = %s s^-1 um^3, "
                        + "tau_s = %s s%n", g(p.injectionRate()), g(p.volume()), g(p.singletRate()),
                g(p.tripletRate()), g(p.spinFlipTime()));
    }
}
