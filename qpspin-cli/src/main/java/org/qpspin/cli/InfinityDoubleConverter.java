package org.qpspin.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a double, accepting {@code inf}, {@code infinity} and {@code +inf} for +∞. */
public final class InfinityDoubleConverter implements ITypeConverter<Double> {

    @Override
    public Double convert(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("inf") || v.equals("+inf") || v.equals("infinity") || v.equals("+infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a number (or 'inf')");
        }
    }
}
