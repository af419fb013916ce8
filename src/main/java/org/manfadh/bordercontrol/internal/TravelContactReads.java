package org.manfadh.bordercontrol.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.manfadh.access.AuditTrail;
import org.manfadh.access.ReadScope;
import org.manfadh.bordercontrol.Caller;
import org.manfadh.bordercontrol.Crossing;
import org.manfadh.bordercontrol.Decision;
import org.manfadh.bordercontrol.Direction;
import org.manfadh.bordercontrol.TransportMode;
import org.manfadh.bordercontrol.TravelContacts;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contact tracing's reads of the register. Each query first finds candidate crossings through an index on what they
 * were recorded with (V65: transport reference and time, border point and time, origin and time), adds those a
 * correction moved into the place or time asked about, and then judges every candidate as it stands: its latest
 * amendment's border point, direction and time, voided or not, as {@link Crossings}' effective view does. The
 * traveller's name and the latest decision are read for the rows returned only.
 */
@Service
@Transactional(readOnly = true)
class TravelContactReads implements TravelContacts {

    /** A transport reference as compared: the expression of the index crossing_transport_day. */
    static final String KEY_OF_C = "upper(translate(c.transport_reference, ' -', ''))";

    /** Crossings' effective place, direction, time and whether they are voided; {@code %s}: which crossings. */
    private static final String STANDING = """
            select c.id, c.traveller_id, coalesce(a.border_point, c.border_point) as border_point,
                   coalesce(a.direction, c.direction) as direction, coalesce(a.occurred_at, c.occurred_at) as occurred_at,
                   c.transport_mode, c.transport_reference, c.transport_origin, c.transport_via,
                   coalesce(a.kind = 'VOID', false) as voided
              from bordercontrol.crossing c
              left join lateral (
                   select x.kind, x.border_point, x.direction, x.occurred_at
                     from bordercontrol.crossing_amendment x
                    where x.crossing_id = c.id
                    order by x.amended_at desc, x.id desc
                    limit 1) a on true
             where %s
            """;

    /**
     * The crossings recorded where and when asked (read straight from an index on what they were recorded with),
     * and those a correction may have moved there (the few whose amendments say so), each once, as they stand.
     */
    private static String standing(String recordedThere, String movedThere) {
        return STANDING.formatted(recordedThere) + " union all " + STANDING.formatted(
                "c.id in (" + movedThere + ") and not coalesce((" + recordedThere + "), false)");
    }

    /** The traveller and the latest decision of the rows kept; {@code %s}: the rows, as a subquery named s. */
    private static final String DESCRIBED = """
            select s.*, t.surname, t.given_names, t.nationality, d.decision
              from (%s) s
              join bordercontrol.traveller t on t.id = s.traveller_id
              join lateral (
                   select y.decision from bordercontrol.decision y
                    where y.crossing_id = s.id
                    order by y.decided_at desc, y.id desc
                    limit 1) d on true
            """;

    private final JdbcClient jdbc;
    private final BorderJurisdiction jurisdiction;
    private final ReferenceData referenceData;
    private final AuditTrail audit;
    private final ZoneId zone;
    private final RowMapper<Contact> row = this::row;

    TravelContactReads(JdbcClient jdbc, BorderJurisdiction jurisdiction, ReferenceData referenceData, AuditTrail audit,
                       Clock clock) {
        this.jdbc = jdbc;
        this.jurisdiction = jurisdiction;
        this.referenceData = referenceData;
        this.audit = audit;
        this.zone = clock.getZone();
    }

    @Override
    public Optional<Contact> crossing(UUID crossingId, Caller caller) {
        Optional<Contact> index = index(crossingId, jurisdiction.crossings(caller));
        index.ifPresent(c -> audit.personalDataRead("travel contacts: crossing " + crossingId, List.of(crossingId)));
        return index;
    }

    @Override
    public List<Contact> crossings(Collection<UUID> crossingIds, Caller caller) {
        if (crossingIds.isEmpty()) {
            return List.of();
        }
        ReadScope scope = jurisdiction.crossings(caller);
        List<Contact> found = jdbc.sql(DESCRIBED.formatted("select * from (" + STANDING.formatted(
                        "c.id = any(cast(:ids as uuid[]))") + ") q where not q.voided"))
                .param("ids", crossingIds.toArray(UUID[]::new)).query(row).list().stream()
                .filter(c -> scope.allows(c.borderPoint())).toList();
        audited("travel contacts: crossings", found);
        return found;
    }

    @Override
    public Optional<List<Contact>> sameTransport(UUID crossingId, Caller caller) {
        ReadScope scope = jurisdiction.crossings(caller);
        return index(crossingId, scope).map(index -> {
            List<Contact> found = sameTransport(index, scope);
            audited("travel contacts: same transport as " + crossingId, found);
            return found;
        });
    }

    private List<Contact> sameTransport(Contact index, ReadScope scope) {
        @SuppressWarnings("unchecked")
        List<Contact> found = (List<Contact>) sameTransport(index, scope, false);
        return found;
    }

    /** The crossings that shared the index's transport: as contacts, or their ids alone when {@code ids}. */
    private List<?> sameTransport(Contact index, ReadScope scope, boolean ids) {
        String key = key(index.transport() == null ? null : index.transport().reference());
        if (key == null) {
            return List.of();
        }
        LocalDate day = index.occurredAt().atZone(zone).toLocalDate();
        OffsetDateTime from = utc(day.atStartOfDay(zone).toInstant());
        OffsetDateTime to = utc(day.plusDays(1).atStartOfDay(zone).toInstant());
        // The key worked out by the database itself, so that it is the index's expression to the letter.
        String keyOfIndex = "(select upper(translate(i.transport_reference, ' -', '')) from bordercontrol.crossing i"
                + " where i.id = :index)";
        String candidates = standing("""
                c.transport_reference is not null and %1$s = %2$s
                   and c.occurred_at >= :from and c.occurred_at < :to""".formatted(KEY_OF_C, keyOfIndex), """
                select x.crossing_id from bordercontrol.crossing_amendment x
                 where x.kind = 'CORRECTION' and x.occurred_at >= :from and x.occurred_at < :to""");
        String kept = "select * from (" + candidates + """
                ) q where not q.voided and q.id <> :index and q.occurred_at >= :from and q.occurred_at < :to
                    and q.transport_mode is not distinct from :mode
                    and (cast(:points as text[]) is null or q.border_point = any(cast(:points as text[])))
                """;
        var query = jdbc.sql(ids ? "select q.id from (" + kept + ") q" : DESCRIBED.formatted(kept) + " order by s.occurred_at, s.id")
                .param("from", from).param("to", to).param("index", index.crossingId())
                .param("mode", index.transport().mode() == null ? null : index.transport().mode().name())
                .param("points", scope.borderPointsOrNull());
        return ids ? query.query((rs, n) -> rs.getObject("id", UUID.class)).list() : query.query(row).list();
    }

    @Override
    public Optional<Nearby> sameBorderPoint(UUID crossingId, int hours, int limit, Caller caller) {
        if (hours < 0 || limit < 0) {
            throw new IllegalArgumentException("hours and limit are 0 or more");
        }
        ReadScope scope = jurisdiction.crossings(caller);
        return index(crossingId, scope).map(index -> {
            List<?> travelledWith = sameTransport(index, scope, true);
            OffsetDateTime at = utc(index.occurredAt());
            OffsetDateTime from = utc(index.occurredAt().minus(Duration.ofHours(hours)));
            OffsetDateTime to = utc(index.occurredAt().plus(Duration.ofHours(hours)));
            // First the ids, nearest first, with their total: crossings never corrected straight from the index
            // (border point, time, id) without reading their rows; the few corrected ones (or corrected to here) as
            // they stand. Then the rows of those kept.
            String nearest = """
                    with raw as materialized (
                        select c.id, c.occurred_at from bordercontrol.crossing c
                         where c.border_point = :point and c.occurred_at >= :from and c.occurred_at <= :to),
                    amended as materialized (
                        select x.crossing_id as id from bordercontrol.crossing_amendment x join raw r on r.id = x.crossing_id
                        union
                        select x.crossing_id from bordercontrol.crossing_amendment x
                         where x.kind = 'CORRECTION'
                           and (x.border_point = :point or x.occurred_at >= :from and x.occurred_at <= :to)),
                    near as (
                        select r.id, r.occurred_at from raw r where not exists (select 1 from amended m where m.id = r.id)
                        union all
                        select q.id, q.occurred_at from (%s) q
                         where not q.voided and q.border_point = :point and q.occurred_at >= :from and q.occurred_at <= :to)
                    select id, count(*) over () as total from near
                     where id <> :index and id <> all(cast(:others as uuid[]))
                     order by abs(extract(epoch from occurred_at - cast(:at as timestamptz))), occurred_at, id
                     limit :limit
                    """.formatted(STANDING.formatted("c.id in (select id from amended)"));
            long[] total = {0};
            List<UUID> ids = jdbc.sql(nearest)
                    .param("point", index.borderPoint()).param("from", from).param("to", to).param("at", at)
                    .param("index", index.crossingId()).param("others", travelledWith.toArray(UUID[]::new))
                    .param("limit", Math.max(limit, 1))
                    .query((rs, n) -> {
                        total[0] = rs.getLong("total");
                        return rs.getObject("id", UUID.class);
                    }).list();
            List<Contact> found = limit == 0 || ids.isEmpty() ? List.of() : inOrder(ids, jdbc.sql(DESCRIBED.formatted(
                            "select * from (" + STANDING.formatted("c.id = any(cast(:ids as uuid[]))") + ") q"))
                    .param("ids", ids.toArray(UUID[]::new)).query(row).list());
            audited("travel contacts: at " + index.borderPoint() + " within " + hours + " h of " + crossingId, found);
            return new Nearby(index, found, total[0]);
        });
    }

    @Override
    public List<Contact> arrivalsFrom(Set<String> countries, LocalDate from, LocalDate to, int limit, Caller caller) {
        if (countries.isEmpty() || to.isBefore(from) || limit <= 0) {
            return List.of();
        }
        String[] codes = countries.stream().map(c -> c.strip().toUpperCase(Locale.ROOT)).sorted().toArray(String[]::new);
        String[] neighbours = referenceData.borderPoints().stream()
                .filter(p -> p.neighbourCountry() != null && countries.contains(p.neighbourCountry()))
                .map(BorderPoint::code).sorted().toArray(String[]::new);
        ReadScope scope = jurisdiction.crossings(caller);
        String candidates = standing("""
                c.occurred_at >= :from and c.occurred_at < :to
                   and (c.border_point = any(cast(:neighbours as text[])) or c.transport_origin = any(cast(:codes as text[]))
                        or c.transport_via is not null and c.transport_via && cast(:codes as varchar(3)[]))""", """
                select x.crossing_id from bordercontrol.crossing_amendment x
                 where x.kind = 'CORRECTION' and (x.occurred_at >= :from and x.occurred_at < :to
                                                  or x.border_point = any(cast(:neighbours as text[])))
                """);
        String kept = "select * from (" + candidates + """
                ) q where not q.voided and q.direction = 'ENTRY' and q.occurred_at >= :from and q.occurred_at < :to
                    and (q.border_point = any(cast(:neighbours as text[])) or q.transport_origin = any(cast(:codes as text[]))
                         or q.transport_via && cast(:codes as varchar(3)[]))
                    and (cast(:points as text[]) is null or q.border_point = any(cast(:points as text[])))
                """;
        List<Contact> found = jdbc.sql(DESCRIBED.formatted(kept) + """
                 where d.decision <> 'REFUSED' order by s.occurred_at desc, s.id desc limit :limit""")
                .param("neighbours", neighbours).param("codes", codes)
                .param("from", utc(from.atStartOfDay(zone).toInstant()))
                .param("to", utc(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .param("points", scope.borderPointsOrNull()).param("limit", limit).query(row).list();
        audited("travel contacts: entries from " + String.join(",", codes) + " " + from + " to " + to, found);
        return found;
    }

    /** Rows in the order of their ids. */
    private static List<Contact> inOrder(List<UUID> ids, List<Contact> rows) {
        java.util.Map<UUID, Contact> byId = new java.util.HashMap<>();
        rows.forEach(c -> byId.put(c.crossingId(), c));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The index crossing as it stands, when it stands (not voided) in the scope. */
    private Optional<Contact> index(UUID crossingId, ReadScope scope) {
        return jdbc.sql(DESCRIBED.formatted("select * from (" + STANDING.formatted("c.id = cast(:id as uuid)")
                        + ") q where not q.voided")).param("id", crossingId).query(row).optional()
                .filter(c -> scope.allows(c.borderPoint()));
    }

    private void audited(String what, List<Contact> found) {
        if (!found.isEmpty()) {
            List<UUID> ids = new ArrayList<>(found.size());
            found.forEach(c -> ids.add(c.crossingId()));
            audit.personalDataRead(what, ids);
        }
    }

    /** The reference as compared (the same as {@link #KEY_OF_C}), null when there is none. */
    static String key(String reference) {
        if (reference == null) {
            return null;
        }
        String key = reference.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        return key.isEmpty() ? null : key;
    }

    private Contact row(ResultSet rs, int n) throws SQLException {
        String mode = rs.getString("transport_mode");
        String reference = rs.getString("transport_reference");
        String origin = rs.getString("transport_origin");
        java.sql.Array via = rs.getArray("transport_via");
        return new Contact(rs.getObject("id", UUID.class), rs.getObject("traveller_id", UUID.class),
                rs.getString("surname"), rs.getString("given_names"), rs.getString("nationality"),
                rs.getString("border_point").strip(), Direction.valueOf(rs.getString("direction")),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                mode == null && reference == null && origin == null ? null
                        : new Crossing.Transport(mode == null ? null : TransportMode.valueOf(mode), reference, origin,
                                via == null ? List.of() : List.of((String[]) via.getArray())),
                Decision.valueOf(rs.getString("decision")));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
