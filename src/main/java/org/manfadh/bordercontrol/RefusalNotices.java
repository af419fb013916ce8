package org.manfadh.bordercontrol;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Refusal notices' references: one per refused crossing, numbered by border point and day
 * ({@code ZRB-20260804-0001}), so that a traveller's notice can be found again from what is typed.
 */
public interface RefusalNotices {

    /** A reference as typed: the border point, the day and the number, the dashes optional. */
    Pattern FORMAT = Pattern.compile("([A-Za-z]{3})-?([0-9]{8})-?([0-9]{1,9})");

    /** Whether what was typed is a reference rather than, say, a document number. */
    static boolean looksLikeOne(String typed) {
        return typed != null && FORMAT.matcher(typed.strip()).matches() && typed.contains("-");
    }

    /** The crossing's reference, given now if it has none. */
    String referenceFor(Crossing crossing);

    /** The crossing a typed reference names, if any. */
    Optional<UUID> crossing(String typed);
}
