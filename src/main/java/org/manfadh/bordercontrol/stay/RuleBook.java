package org.manfadh.bordercontrol.stay;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.manfadh.bordercontrol.VisaType;

/**
 * The stay rules, looked up by specificity and by the version in force on a day.
 *
 * <p>For an entry with a visa of type T: the rule for the traveller's nationality and T, else the
 * rule for every nationality and T. For an entry without a visa: the rule for the nationality
 * without a visa, else the rule for every nationality without a visa. A rule for a nationality
 * without a visa type never applies to a visa holder: it describes visa-free entry, and a visa
 * holder's limit comes from the visa.
 *
 * <p>Specificity comes before versions: a nationality's own rule, once in force, wins over a newer
 * version of the general one.
 */
final class RuleBook {

    private record Key(String nationality, VisaType visaType) {
    }

    private final List<StayRule> rules;

    RuleBook(List<StayRule> rules) {
        this.rules = List.copyOf(rules);
        Map<Key, Map<LocalDate, StayRule>> versions = new HashMap<>();
        for (StayRule rule : this.rules) {
            Key key = new Key(Nationalities.canonical(rule.nationality()), rule.visaType());
            StayRule twin = versions.computeIfAbsent(key, k -> new HashMap<>()).putIfAbsent(rule.effectiveFrom(), rule);
            if (twin != null) {
                // The store keeps one version a day; two would make the stay depend on list order.
                throw new IllegalArgumentException("Rules " + twin.id() + " and " + rule.id()
                        + " are both in force from " + rule.effectiveFrom() + " for " + key);
            }
        }
    }

    /** The rule for a stay entered on {@code day} with a visa of {@code visaType}, or without one (null). */
    Optional<StayRule> inForce(String nationality, VisaType visaType, LocalDate day) {
        if (nationality != null) {
            Optional<StayRule> own = latest(nationality, visaType, day);
            if (own.isPresent()) {
                return own;
            }
        }
        return latest(null, visaType, day);
    }

    private Optional<StayRule> latest(String nationality, VisaType visaType, LocalDate day) {
        StayRule found = null;
        for (StayRule rule : rules) {
            boolean sameNationality = nationality == null ? rule.nationality() == null
                    : rule.nationality() != null && Nationalities.same(nationality, rule.nationality());
            if (sameNationality && Objects.equals(rule.visaType(), visaType) && !rule.effectiveFrom().isAfter(day)
                    && (found == null || rule.effectiveFrom().isAfter(found.effectiveFrom()))) {
                found = rule;
            }
        }
        return Optional.ofNullable(found);
    }
}
