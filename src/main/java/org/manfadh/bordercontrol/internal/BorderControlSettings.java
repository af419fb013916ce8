package org.manfadh.bordercontrol.internal;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.manfadh.bordercontrol.VisaType;
import org.manfadh.bordercontrol.policy.CrossingPolicy;
import org.manfadh.referencedata.Authority;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The border control register's configuration.
 * <ul>
 * <li>{@code manfadh.bordercontrol.late-record-limit-days} (400): how far back a late record may go;</li>
 * <li>{@code manfadh.bordercontrol.late-record-roles} (SUPERVISOR,ADMIN): who may record late;</li>
 * <li>{@code manfadh.bordercontrol.visa-valid-at.<TYPE>} (FEDERAL,KRI; KRI_VISA_ON_ARRIVAL: KRI): at which
 * authority's border points a visa type is valid.</li>
 * </ul>
 */
@Component
class BorderControlSettings {

    private final int lateRecordLimitDays;
    private final List<String> lateRecordRoles;
    private final CrossingPolicy policy;
    private final Map<VisaType, Set<Authority>> validAt = new EnumMap<>(VisaType.class);

    BorderControlSettings(@Value("${manfadh.bordercontrol.late-record-limit-days:400}") int lateRecordLimitDays,
                          @Value("${manfadh.bordercontrol.late-record-roles:SUPERVISOR,ADMIN}") List<String> lateRecordRoles,
                          Environment environment) {
        this.lateRecordLimitDays = lateRecordLimitDays;
        this.lateRecordRoles = List.copyOf(lateRecordRoles);
        this.policy = new CrossingPolicy(lateRecordLimitDays, this.lateRecordRoles);
        for (VisaType type : VisaType.values()) {
            String fallback = type == VisaType.KRI_VISA_ON_ARRIVAL ? "KRI" : "FEDERAL,KRI";
            String configured = environment.getProperty("manfadh.bordercontrol.visa-valid-at." + type.name(), fallback);
            Set<Authority> authorities = EnumSet.noneOf(Authority.class);
            for (String part : configured.split(",")) {
                if (!part.isBlank()) {
                    authorities.add(Authority.valueOf(part.strip()));
                }
            }
            validAt.put(type, authorities);
        }
    }

    /** The rules of a border check, with the limit for late records and who may record late. */
    CrossingPolicy policy() {
        return policy;
    }

    int lateRecordLimitDays() {
        return lateRecordLimitDays;
    }

    List<String> lateRecordRoles() {
        return lateRecordRoles;
    }

    boolean validAt(VisaType type, Authority authority) {
        return validAt.get(type).contains(authority);
    }
}
