package org.manfadh.bordercontrol.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.manfadh.bordercontrol.Crossing;
import org.manfadh.bordercontrol.Decision;
import org.manfadh.bordercontrol.policy.CrossingPolicy;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For tests outside the module that load travellers in bulk: a traveller's stays as stored and as
 * the register rebuilds them from the crossings, and the flags the stays put on admitted crossings.
 */
public final class StayProbe {

    /** An admitted crossing's stored flags, and those its traveller's stays call for. */
    public record Flags(UUID crossingId, List<String> stored, List<String> fromStays) {
    }

    private final StayService stays;
    private final Travellers travellers;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;

    public StayProbe(ApplicationContext context) {
        this.stays = context.getBean(StayService.class);
        this.travellers = context.getBean(Travellers.class);
        this.transaction = context.getBean(TransactionTemplate.class);
        this.jdbc = context.getBean(JdbcClient.class);
    }

    public List<String> stored(UUID traveller) {
        return StoredStays.of(jdbc, traveller);
    }

    /** The stays rebuilt from the traveller's crossings, in a transaction rolled back afterwards. */
    public List<String> rebuilt(UUID traveller, LocalDate today) {
        return transaction.execute(status -> {
            status.setRollbackOnly();
            travellers.lockTraveller(traveller);
            stays.rebuild(traveller, today);
            return StoredStays.of(jdbc, traveller);
        });
    }

    public List<Flags> admittedCrossingFlags(UUID traveller, LocalDate today) {
        StayService.Stay stay = stays.compute(traveller, today);
        List<Flags> flags = new ArrayList<>();
        for (Crossing c : stay.crossings().values()) {
            if (c.decision() == Decision.ADMITTED) {
                flags.add(new Flags(c.id(), c.flags().stream().map(Enum::name).toList(), CrossingPolicy.stayFlags(c.id(),
                        c.direction(), stay.periods(), stay.citizen()).stream().map(Enum::name).toList()));
            }
        }
        return flags;
    }
}
