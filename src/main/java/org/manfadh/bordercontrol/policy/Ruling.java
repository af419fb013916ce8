package org.manfadh.bordercontrol.policy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.manfadh.bordercontrol.CrossingFlag;
import org.manfadh.bordercontrol.Decision;

/**
 * The decision a check may be recorded with and the flags it carries.
 *
 * @param referral why screening referred the crossing although the officer asked otherwise, or null
 * @param late     whether it is recorded more than an hour after it happened
 * @param minor    whether the traveller may be a minor on the crossing day
 */
public record Ruling(Decision decision, Set<CrossingFlag> flags, String referral, boolean late, boolean minor) {

    public Ruling {
        Objects.requireNonNull(decision, "decision");
        // In the flags' own order, as the register lists them.
        Set<CrossingFlag> copy = EnumSet.noneOf(CrossingFlag.class);
        copy.addAll(flags);
        flags = Collections.unmodifiableSet(copy);
    }

    /** The officer's note with the referral's reason after it. */
    public String note(String officerNote) {
        if (referral == null) {
            return officerNote;
        }
        return officerNote == null ? referral : officerNote + " — " + referral;
    }

    /** The same ruling with more flags (those the traveller's stays give once the crossing is in them). */
    public Ruling with(Set<CrossingFlag> more) {
        if (more.isEmpty()) {
            return this;
        }
        Set<CrossingFlag> all = EnumSet.noneOf(CrossingFlag.class);
        all.addAll(flags);
        all.addAll(more);
        return new Ruling(decision, all, referral, late, minor);
    }
}
