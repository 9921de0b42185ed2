package org.qpspin.rates;

import java.util.List;
import org.qpspin.model.ModelParameters;

/** The rate models by name, as the command line and every output name them. */
public final class RateModels {

    /** The names, the default first. */
    public static final List<String> NAMES = List.of("prl2020", ExactSpinRateModel.NAME);

    private RateModels() {
    }

    /**
     * {@return the rate model called {@code name} for {@code parameters}: "prl2020" ({@link Prl2020RateModel}, the
     * paper's rates, docs/model.md) or "exact-spin" ({@link ExactSpinRateModel})}
     *
     * @param name {@code prl2020} or {@code exact-spin}
     * @param parameters the model parameters
     * @throws IllegalArgumentException for any other name, listing the known ones
     */
    public static RateModel byName(String name, ModelParameters parameters) {
        if ("prl2020".equals(name)) {
            return Prl2020RateModel.of(parameters);
        }
        if (ExactSpinRateModel.NAME.equals(name)) {
            return ExactSpinRateModel.of(parameters);
        }
        throw new IllegalArgumentException("unknown rate model '" + name + "'; known: " + String.join(", ", NAMES));
    }

    /**
     * {@return whether {@code model} is the PRL 2020 model, whose limits the mean-field and Fokker-Planck code are}
     *
     * @param model a rate model
     */
    public static boolean isPrl2020(RateModel model) {
        return model instanceof Prl2020RateModel;
    }
}
