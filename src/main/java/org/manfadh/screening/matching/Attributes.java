package org.manfadh.screening.matching;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a traveller's date of birth, nationality, sex and document number do to a name's score.
 * Agreement raises it a little; a clear disagreement lowers it without vetoing the match, since
 * lists hold wrong and approximate dates and people change nationality.
 */
final class Attributes {

    static final double SAME_DAY = 0.06;
    static final double SAME_YEAR = 0.03;
    static final double CLEARLY_DIFFERENT_DATE = -0.25;
    /** Day and month swapped, or the same day a year apart: how dates are mistyped, weak evidence for. */
    static final double SLIPPED_DATE = 0.02;
    static final double SAME_NATIONALITY = 0.02;
    static final double OTHER_NATIONALITY = -0.04;
    static final double OTHER_SEX = -0.08;
    static final double SAME_DOCUMENT = 0.3;

    private Attributes() {
    }

    /** Candidates are scored without an explanation (null); only the matches returned are explained. */
    private static void add(List<Contribution> explanation, Contribution contribution) {
        if (explanation != null) {
            explanation.add(contribution);
        }
    }

    static double dateOfBirth(PartialDate traveller, List<PartialDate> listed, List<Contribution> explanation) {
        if (traveller == null || listed.isEmpty()) {
            return 0;
        }
        double best = Double.NEGATIVE_INFINITY;
        String code = "";
        PartialDate bestListed = null;
        for (PartialDate d : listed) {
            double effect;
            String how;
            boolean bothExact = traveller.precision() == PartialDate.Precision.EXACT
                    && d.precision() == PartialDate.Precision.EXACT;
            if (bothExact && traveller.earliest().equals(d.earliest())) {
                effect = SAME_DAY;
                how = "same-day";
            } else if (bothExact && slip(traveller.earliest(), d.earliest()) != null) {
                effect = SLIPPED_DATE;
                how = slip(traveller.earliest(), d.earliest());
            } else if (traveller.overlaps(d)) {
                effect = SAME_YEAR;
                how = "within";
            } else {
                long apart = gapInDays(traveller, d);
                boolean loose = !bothExact;
                if (apart <= 31 && !loose) {
                    effect = 0;
                    how = "close";
                } else if (bothExact && traveller.earliest().getYear() == d.earliest().getYear()) {
                    effect = -0.03;
                    how = "same-year";
                } else if (apart <= (loose ? 3 * 366 : 366)) {
                    effect = loose ? 0 : -0.05;
                    how = "near";
                } else {
                    effect = CLEARLY_DIFFERENT_DATE;
                    how = "differs";
                }
            }
            if (effect > best) {
                best = effect;
                code = how;
                bestListed = d;
            }
        }
        if (explanation != null) {
            explanation.add(new Contribution("dateOfBirth", best, DATE_SENTENCES.get(code) + " (" + describe(traveller)
                    + " vs " + describe(bestListed) + ")", code, List.of(value(traveller), value(bestListed))));
        }
        return best;
    }

    private static final java.util.Map<String, String> DATE_SENTENCES = java.util.Map.of(
            "same-day", "same date of birth",
            "swapped", "date of birth with day and month swapped",
            "year-apart", "the same day of birth, a year apart",
            "within", "date of birth within the listed one",
            "close", "date of birth close to the listed one (a typo)",
            "same-year", "same year of birth, another day",
            "near", "date of birth near the listed one",
            "differs", "date of birth differs from the listed one");

    /** A date as a screen formats it: an ISO day, a year, "~" before an approximate day, "from/to" for a span. */
    private static String value(PartialDate d) {
        return switch (d.precision()) {
            case EXACT -> d.earliest().toString();
            case APPROXIMATE -> "~" + d.earliest();
            case YEAR -> String.valueOf(d.earliest().getYear());
            case RANGE -> d.earliest().getYear() + "/" + d.latest().getYear();
        };
    }

    /**
     * How one exact date is a slip of another: day and month swapped (03/07 for 07/03, as
     * American and European orders confuse: "swapped"), or the same day a year apart (a year
     * typed wrong, or an age rounded: "year-apart"); null when it is neither.
     */
    static String slip(java.time.LocalDate traveller, java.time.LocalDate listed) {
        if (traveller.getYear() == listed.getYear() && traveller.getDayOfMonth() == listed.getMonthValue()
                && traveller.getMonthValue() == listed.getDayOfMonth()) {
            return "swapped";
        }
        if (traveller.getMonthValue() == listed.getMonthValue() && traveller.getDayOfMonth() == listed.getDayOfMonth()
                && Math.abs(traveller.getYear() - listed.getYear()) == 1) {
            return "year-apart";
        }
        return null;
    }

    private static long gapInDays(PartialDate a, PartialDate b) {
        if (a.latest().isBefore(b.earliest())) {
            return ChronoUnit.DAYS.between(a.latest(), b.earliest());
        }
        return ChronoUnit.DAYS.between(b.latest(), a.earliest());
    }

    private static String describe(PartialDate d) {
        return switch (d.precision()) {
            case EXACT -> d.earliest().toString();
            case APPROXIMATE -> "about " + d.earliest();
            case YEAR -> String.valueOf(d.earliest().getYear());
            case RANGE -> d.earliest().getYear() + "–" + d.latest().getYear();
        };
    }

    static double nationality(String traveller, Set<String> listed, List<Contribution> explanation) {
        if (traveller == null || traveller.isBlank() || listed.isEmpty()) {
            return 0;
        }
        String code = traveller.strip().toUpperCase(Locale.ROOT);
        if (listed.contains(code)) {
            add(explanation, new Contribution("nationality", SAME_NATIONALITY, "same nationality " + code, "same",
                    List.of(code)));
            return SAME_NATIONALITY;
        }
        if (explanation == null) {
            return OTHER_NATIONALITY;
        }
        List<String> values = new java.util.ArrayList<>();
        values.add(code);
        values.addAll(listed.stream().sorted().toList());
        add(explanation, new Contribution("nationality", OTHER_NATIONALITY,
                "nationality " + code + ", listed " + String.join("/", listed.stream().sorted().toList()), "other",
                values));
        return OTHER_NATIONALITY;
    }

    static double sex(String traveller, String listed, List<Contribution> explanation) {
        if (traveller == null || listed == null || traveller.equals(listed)) {
            return 0;
        }
        add(explanation, new Contribution("sex", OTHER_SEX, "sex " + traveller + ", listed " + listed, "other",
                List.of(traveller, listed)));
        return OTHER_SEX;
    }

    static double document(String traveller, List<String> listed, List<Contribution> explanation) {
        String plain = DocumentNumbers.plain(traveller);
        for (String number : listed) {
            if (DocumentNumbers.plain(number).equals(plain)) {
                add(explanation, new Contribution("documentNumber", SAME_DOCUMENT, "listed document " + number, "same",
                        List.of(number)));
                return SAME_DOCUMENT;
            }
        }
        add(explanation, new Contribution("documentNumber", SAME_DOCUMENT * 0.8,
                "listed document up to OCR confusions: " + plain + " vs " + String.join(", ", listed), "confusable",
                List.of(plain, String.join(", ", listed))));
        return SAME_DOCUMENT * 0.8;
    }
}
