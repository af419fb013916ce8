package org.manfadh.bordercontrol.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.manfadh.bordercontrol.CrossingCommands;
import org.manfadh.bordercontrol.CrossingFlag;
import org.manfadh.bordercontrol.VisaType;
import org.manfadh.platform.Ids;
import org.manfadh.platform.NodeIdentity;
import org.manfadh.referencedata.Authority;
import org.manfadh.referencedata.BorderPoint;
import org.springframework.stereotype.Component;

/** The visa a traveller presents at the booth: found in the register, or recorded there and then. */
@Component
class PresentedVisas {

    /** The visa the crossing is made on (null when it cannot be), and what is unusual about it. */
    record Presented(Visas.Visa visa, Set<CrossingFlag> flags) {
    }

    private final Visas visas;
    private final BorderControlSettings settings;
    private final NodeIdentity node;

    PresentedVisas(Visas visas, BorderControlSettings settings, NodeIdentity node) {
        this.visas = visas;
        this.settings = settings;
        this.node = node;
    }

    /**
     * Finds or records the visa presented; a visa held by someone else is flagged, not taken over.
     * Whether the visa is valid on the day is the stay calculation's to say.
     */
    Presented present(CrossingCommands.VisaInput input, UUID travellerId, BorderPoint point, LocalDate day,
                      String officer, Instant now) {
        if (input == null) {
            return new Presented(null, Set.of());
        }
        Authority issuer = input.issuingAuthority() != null ? input.issuingAuthority() : point.authority();
        String number = input.number().strip().toUpperCase(Locale.ROOT);
        visas.lock(issuer + ":" + input.type() + ":" + number);
        Visas.Visa visa = visas.find(issuer.name(), input.type().name(), number).orElse(null);
        if (visa == null) {
            // Without a start, a visa is taken as valid from the crossing day, or from its end if that is earlier.
            LocalDate from = input.validFrom() != null ? input.validFrom()
                    : input.validUntil() != null && input.validUntil().isBefore(day) ? input.validUntil() : day;
            LocalDate until = input.validUntil() != null ? input.validUntil() : from.plusYears(1).minusDays(1);
            visa = new Visas.Visa(Ids.newId(), node.nodeId(), travellerId, number, input.type().name(), issuer.name(),
                    from, until, input.entriesAllowed(), input.permittedStayDays(), officer, now);
            visas.insert(visa);
        } else if (!visa.travellerId().equals(travellerId)) {
            return new Presented(null, EnumSet.of(CrossingFlag.VISA_HELD_BY_ANOTHER_TRAVELLER));
        }
        Set<CrossingFlag> flags = settings.validAt(VisaType.valueOf(visa.type()), point.authority()) ? Set.of()
                : EnumSet.of(CrossingFlag.VISA_NOT_VALID_HERE);
        return new Presented(visa, flags);
    }
}
