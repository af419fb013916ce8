package org.manfadh.screening.matching;

import java.util.List;

/**
 * One feature's part in a score, for the officer's explanation: as data a screen renders in its
 * own language ({@code code} and its {@code values}, and for the name the pairs of name parts), and
 * as an English sentence for the API and the logs ({@code detail}).
 *
 * @param feature name, dateOfBirth, nationality, sex or documentNumber
 * @param effect what the feature adds to (or, negative, takes from) the score; for the name, its score
 * @param code what was found, stable for screens: for the name {@code name}; for the date of birth
 *        {@code same-day}, {@code swapped}, {@code year-apart}, {@code within}, {@code close},
 *        {@code same-year}, {@code near} or {@code differs}; for the nationality {@code same} or
 *        {@code other}; for sex {@code other}; for a document {@code same} or {@code confusable}
 * @param values what the code's sentence needs: for the name the shares of the traveller's and of the
 *        listed name covered (percent), then the listed name parts the traveller's name lacks; for a
 *        date the traveller's and the listed one (ISO day, year, {@code ~} before an approximate day,
 *        {@code from/to} for a span); for a nationality the traveller's code, then the listed ones
 * @param tokens for the name, each of the traveller's name parts and what it was paired with
 */
public record Contribution(String feature, double effect, String detail, String code, List<String> values,
                           List<TokenMatch> tokens) {

    public Contribution {
        values = values == null ? List.of() : List.copyOf(values);
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
    }

    public Contribution(String feature, double effect, String detail, String code, List<String> values) {
        this(feature, effect, detail, code, values, List.of());
    }
}
