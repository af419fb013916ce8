package org.manfadh.bordercontrol;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.manfadh.bordercontrol.CrossingCommands.AddStayRule;
import org.manfadh.bordercontrol.CrossingCommands.AddVisa;
import org.manfadh.bordercontrol.CrossingCommands.ExtendVisa;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;

/**
 * Visas, their extensions, and the stay rules that give a permitted stay.
 */
public interface VisaRegister {

    public record RuleView(UUID id, String nationality, String visaType, int permittedDays, Integer windowDays,
                           LocalDate effectiveFrom, boolean inForce, String note, String createdBy, Instant createdAt) {
    }

    TravellerRegister.VisaView add(UUID travellerId, AddVisa request, Caller caller);

    /** A visa of a traveller with a crossing in the caller's jurisdiction. */
    TravellerRegister.VisaView visa(UUID id, Caller caller);

    TravellerRegister.VisaView extend(UUID visaId, ExtendVisa request, Caller caller);

    Page<RuleView> rules(LocalDate asOf, PageRequest page);

    /** A new version of a rule, from its effective day; a rule in force before that day keeps applying before it. */
    RuleView addRule(AddStayRule request, Caller caller);
}
