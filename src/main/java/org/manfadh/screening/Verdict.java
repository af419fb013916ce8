package org.manfadh.screening;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A supervisor's verdict on a hit. */
public enum Verdict {
    /** The traveller is the listed person or document. */
    TRUE_MATCH,
    /** The traveller is not; the pair is not raised again while neither changes. */
    FALSE_POSITIVE;

    /** The verdict a form or a request names, in any case and with spaces around; empty for anything else. */
    public static Optional<Verdict> named(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.name().equals(name)).findFirst();
    }
}
