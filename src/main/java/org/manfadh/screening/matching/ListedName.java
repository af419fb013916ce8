package org.manfadh.screening.matching;

import java.util.Objects;

/** One name of a listed person, in any script. */
public record ListedName(String text, NameQuality quality) {

    public ListedName {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(quality, "quality");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a listed name is not blank");
        }
    }
}
