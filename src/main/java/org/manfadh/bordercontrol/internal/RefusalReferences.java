package org.manfadh.bordercontrol.internal;

import org.manfadh.bordercontrol.RefusalNotices;
import org.manfadh.bordercontrol.Crossing;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The short reference a refusal notice carries instead of the crossing's id: the border point, the
 * border day of the crossing and the refusal's number among that point's refusals of that day
 * ({@code ZRB-20260314-0007}). A crossing gets its reference once, the first time its notice is
 * produced, and keeps it; the database's unique keys make two crossings sharing one impossible,
 * and a number taken by another crossing at the same moment is simply tried again.
 */
@Repository
public class RefusalReferences implements RefusalNotices {

    /** What an officer types to find a notice again: upper or lower case, with or without the dashes. */
    private static final int ATTEMPTS = 20;

    private final JdbcClient jdbc;
    private final Clock clock;

    RefusalReferences(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The crossing's reference, given now if it has none. */
    public String referenceFor(Crossing crossing) {
        LocalDate day = crossing.occurredAtLocal().toLocalDate();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<String> existing = find(crossing.id());
            if (existing.isPresent()) {
                return existing.get();
            }
            jdbc.sql("""
                    insert into bordercontrol.refusal_reference (crossing_id, border_point, border_day, seq, reference, assigned_at)
                    select :id, :point, :day, n.seq, :point || '-' || to_char(:day::date, 'YYYYMMDD') || '-' || case when n.seq < 10000 then lpad(n.seq::text, 4, '0') else n.seq::text end, :at
                      from (select coalesce(max(seq), 0) + 1 as seq from bordercontrol.refusal_reference
                             where border_point = :point and border_day = :day) n
                    on conflict do nothing
                    """).param("id", crossing.id()).param("point", crossing.borderPoint()).param("day", day)
                    .param("at", OffsetDateTime.now(clock)).update();
        }
        return find(crossing.id()).orElseThrow(() -> new IllegalStateException(
                "No refusal number could be given at " + crossing.borderPoint() + " on " + day));
    }

    Optional<String> find(UUID crossingId) {
        return jdbc.sql("select reference from bordercontrol.refusal_reference where crossing_id = :id")
                .param("id", crossingId).query(String.class).optional();
    }

    /** The crossing a typed reference names, if it is one and was given. */
    public Optional<UUID> crossing(String typed) {
        var m = FORMAT.matcher(typed == null ? "" : typed.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long seq = Long.parseLong(m.group(3));
        String reference = m.group(1).toUpperCase(Locale.ROOT) + "-" + m.group(2) + "-"
                + (seq < 10_000 ? String.format(Locale.ROOT, "%04d", seq) : Long.toString(seq));
        return jdbc.sql("select crossing_id from bordercontrol.refusal_reference where reference = :reference")
                .param("reference", reference).query(UUID.class).optional();
    }
}
