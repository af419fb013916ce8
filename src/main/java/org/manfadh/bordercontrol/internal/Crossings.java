package org.manfadh.bordercontrol.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.bordercontrol.Crossing;
import org.manfadh.bordercontrol.CrossingCommands;
import org.manfadh.bordercontrol.CrossingFlag;
import org.manfadh.bordercontrol.Decision;
import org.manfadh.bordercontrol.LinkBasis;
import org.manfadh.bordercontrol.Direction;
import org.manfadh.bordercontrol.Purpose;
import org.manfadh.bordercontrol.TransportMode;
import org.manfadh.bordercontrol.VulnerabilityIndicator;
import org.manfadh.platform.Ids;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Crossings, the decisions on them and their amendments. Nothing here updates a recorded fact:
 * a crossing's effective state is its row overlaid with its latest amendment and latest decision.
 */
@Repository
class Crossings {

    /** What a decision on a crossing is: its first, the final one on a referral, or a correction of either. */
    enum DecisionKind {
        INITIAL, FINAL, CORRECTION
    }

    /** What an amendment of a crossing's facts is. */
    enum AmendmentKind {
        CORRECTION, VOID
    }

    private static final String EFFECTIVE_TEMPLATE = """
            select c.id, c.node_id, c.traveller_id, c.document_id, %1$s as document, c.document_valid,
                   coalesce(a.border_point, c.border_point) as border_point,
                   coalesce(a.direction, c.direction) as direction,
                   coalesce(a.occurred_at, c.occurred_at) as occurred_at, c.recorded_at,
                   coalesce(a.purpose, c.purpose) as purpose, c.transport_mode, c.transport_reference, c.transport_origin,
                   c.transport_via, c.group_id,
                   c.visa_id, c.officer, c.late_reason, c.override_reason, c.minor, c.accompanied_by,
                   c.consent_document, c.flags, coalesce(a.kind = 'VOID', false) as voided,
                   case when a.kind = 'VOID' then a.reason end as void_reason, coalesce(a.amendments, 0) as amendments,
                   d.decision, d.reason_code, d.note, d.vulnerability, d.protection_referral, d.decided_by,
                   d.decided_at, %2$s
              from bordercontrol.crossing c
              %3$s
              left join lateral (
                   select x.kind, x.border_point, x.direction, x.occurred_at, x.purpose, x.reason,
                          count(*) over () as amendments
                     from bordercontrol.crossing_amendment x
                    where x.crossing_id = c.id
                    order by x.amended_at desc, x.id desc
                    limit 1) a on true
              join lateral (
                   select y.decision, y.reason_code, y.note, y.vulnerability, y.protection_referral, y.decided_by,
                          y.decided_at
                     from bordercontrol.decision y
                    where y.crossing_id = c.id
                    order by y.decided_at desc, y.id desc
                    limit 1) d on true
            """;

    /** A crossing as it stands, with the document as read and how it was tied to its traveller. */
    private static final String EFFECTIVE = EFFECTIVE_TEMPLATE.formatted("c.document::text",
            "td.link_basis, td.link_confidence",
            "left join bordercontrol.travel_document td on td.id = c.document_id");
    /** The same without the document as read and its link: what a traveller's stays are worked out from. */
    private static final String EFFECTIVE_FACTS = EFFECTIVE_TEMPLATE.formatted("null::text",
            "null::text as link_basis, null::numeric as link_confidence", "");

    private final RowMapper<Crossing> row = this::row;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ZoneId zone;

    Crossings(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.zone = clock.getZone();
    }

    Optional<Crossing> find(UUID id) {
        return jdbc.sql(EFFECTIVE + " where c.id = :id").param("id", id).query(row).optional();
    }

    /** All of a traveller's crossings as they stand, oldest first. */
    List<Crossing> ofTraveller(UUID travellerId) {
        return ofTraveller(travellerId, EFFECTIVE);
    }

    /** A traveller's crossings, oldest first, without the documents as read (their {@code document} is null). */
    List<Crossing> factsOfTraveller(UUID travellerId) {
        return ofTraveller(travellerId, EFFECTIVE_FACTS);
    }

    private List<Crossing> ofTraveller(UUID travellerId, String effective) {
        return jdbc.sql(effective + " where c.traveller_id = :id order by occurred_at, c.id")
                .param("id", travellerId).query(row).list();
    }

    /** The border point a crossing is at as it stands: its latest correction's, or where it was recorded. */
    static final String POINT_OF_C = """
            coalesce((select x.border_point from bordercontrol.crossing_amendment x where x.crossing_id = c.id
                       order by x.amended_at desc, x.id desc limit 1), c.border_point)""";

    /** Whether any of a traveller's crossings is at one of these border points. */
    boolean travellerSeenAt(UUID travellerId, String[] points) {
        return jdbc.sql("select exists (select 1 from bordercontrol.crossing c where c.traveller_id = :id and "
                + POINT_OF_C + " = any(cast(:points as text[])))")
                .param("id", travellerId).param("points", points).query(Boolean.class).single();
    }

    /**
     * How many of a traveller's crossings (voided ones left out) stand at border points other than
     * these: the booth says that they exist without reading them.
     */
    long countOutside(UUID travellerId, String[] points) {
        return jdbc.sql("select count(*) from bordercontrol.crossing c where c.traveller_id = :id"
                        + " and not exists (select 1 from bordercontrol.crossing_amendment v"
                        + " where v.crossing_id = c.id and v.kind = 'VOID')"
                        + " and not (" + POINT_OF_C + " = any(cast(:points as text[])))")
                .param("id", travellerId).param("points", points).query(Long.class).single();
    }

    private static final String LISTED = """
             where (cast(:point as text) is null or c.border_point = :point)
               and (cast(:points as text[]) is null or """ + " " + POINT_OF_C + " " + """
             = any(cast(:points as text[])))
               and (cast(:direction as text) is null or c.direction = :direction)
               and (cast(:from as timestamptz) is null or c.occurred_at >= :from)
               and (cast(:to as timestamptz) is null or c.occurred_at < :to)
               and (cast(:traveller as uuid) is null or c.traveller_id = :traveller)
            """;

    /** Crossings by where, which way and when they happened, newest first. */
    List<Crossing> list(String borderPoint, Direction direction, Instant from, Instant to, UUID traveller,
                           String[] points, int limit, long offset) {
        return jdbc.sql(EFFECTIVE + LISTED + " order by c.occurred_at desc, c.id desc limit :limit offset :offset")
                .param("point", borderPoint).param("points", points).param("direction", direction == null ? null : direction.name())
                .param("from", from == null ? null : utc(from)).param("to", to == null ? null : utc(to))
                .param("traveller", traveller).param("limit", limit).param("offset", offset).query(row).list();
    }

    long count(String borderPoint, Direction direction, Instant from, Instant to, UUID traveller, String[] points) {
        return jdbc.sql("select count(*) from bordercontrol.crossing c " + LISTED)
                .param("point", borderPoint).param("points", points).param("direction", direction == null ? null : direction.name())
                .param("from", from == null ? null : utc(from)).param("to", to == null ? null : utc(to))
                .param("traveller", traveller).query(Long.class).single();
    }

    private static final String REFERRED = """
             where c.id in (select x.crossing_id from bordercontrol.decision x where x.decision = 'REFERRED')
               and d.decision = 'REFERRED' and a.kind is distinct from 'VOID'
               and (cast(:point as text) is null or coalesce(a.border_point, c.border_point) = :point)
               and (cast(:points as text[]) is null or coalesce(a.border_point, c.border_point) = any(:points))
            """;

    /** Crossings whose latest decision is a referral, oldest first: the second line's queue. */
    List<Crossing> referred(String borderPoint, String[] points, int limit, long offset) {
        return jdbc.sql(EFFECTIVE + REFERRED + " order by occurred_at, c.id limit :limit offset :offset")
                .param("point", borderPoint).param("points", points).param("limit", limit).param("offset", offset)
                .query(row).list();
    }

    /** Crossings whose decision as it stands is a refusal by this user since a moment, newest first. */
    List<Crossing> refusedBy(String username, Instant since, String[] points, int limit) {
        return jdbc.sql(EFFECTIVE + """
                 where c.id in (select y.crossing_id from bordercontrol.decision y
                                 where y.decided_by = :by and y.decision = 'REFUSED' and y.decided_at >= :since)
                   and d.decision = 'REFUSED' and d.decided_by = :by
                   and (cast(:points as text[]) is null or """ + " " + POINT_OF_C + " " + """
                 = any(cast(:points as text[])))
                 order by d.decided_at desc limit :limit
                """).param("by", username).param("since", utc(since)).param("points", points).param("limit", limit)
                .query(row).list();
    }

    long countReferred(String borderPoint, String[] points) {
        return jdbc.sql("select count(*) from (" + EFFECTIVE + REFERRED + ") q").param("point", borderPoint)
                .param("points", points).query(Long.class).single();
    }

    /** A border point's crossings in [from, to) counted by hour of the border's clock and direction, with hits. */
    List<long[]> hourly(String borderPoint, Instant from, Instant to, String zone) {
        return jdbc.sql("""
                select extract(hour from c.occurred_at at time zone :zone)::int as hour,
                       count(*) filter (where c.direction = 'ENTRY') as entries,
                       count(*) filter (where c.direction = 'EXIT') as exits,
                       count(*) filter (where 'WATCHLIST_HIT' = any (c.flags)) as hits
                  from bordercontrol.crossing c
                 where c.border_point = :point and c.occurred_at >= :from and c.occurred_at < :to
                 group by 1 order by 1
                """).param("zone", zone).param("point", borderPoint).param("from", utc(from)).param("to", utc(to))
                .query((rs, n) -> new long[] {rs.getInt("hour"), rs.getLong("entries"), rs.getLong("exits"),
                        rs.getLong("hits")}).list();
    }

    List<Crossing> ofGroup(UUID groupId) {
        return jdbc.sql(EFFECTIVE + " where c.group_id = :id order by c.recorded_at, c.id")
                .param("id", groupId).query(row).list();
    }

    /** The countries the traveller declared having been in when the crossing was recorded. */
    List<CrossingCommands.VisitedCountry> visited(UUID id) {
        String visited = jdbc.sql("select visited::text from bordercontrol.crossing where id = :id").param("id", id)
                .query(String.class).optional().orElse(null);
        return visited == null ? List.of()
                : List.of(json.readValue(visited, CrossingCommands.VisitedCountry[].class));
    }

    Optional<String> requestHash(UUID id) {
        return jdbc.sql("select request_hash from bordercontrol.crossing where id = :id").param("id", id)
                .query(String.class).optional();
    }

    /**
     * A new crossing and its initial decision, in one round trip.
     *
     * @param requestHash the fingerprint of the request that recorded it, so that a repeat is known
     * @param visited     the countries the traveller declared having been in, or null
     */
    void insert(Crossing c, String authority, String governorate, String requestHash,
                List<CrossingCommands.VisitedCountry> visited) {
        jdbc.sql("""
                with crossing as (
                    insert into bordercontrol.crossing (id, node_id, border_point, authority, governorate, direction,
                           occurred_at, recorded_at, traveller_id, document_id, document, document_valid, purpose,
                           transport_mode, transport_reference, transport_origin, transport_via, group_id, visa_id,
                           officer, late_reason, override_reason, override_by, minor, accompanied_by, consent_document,
                           flags, request_hash, visited)
                    values (:id, :node, :point, :authority, :governorate, :direction, :occurred, :recorded, :traveller,
                            :document, cast(:documentJson as jsonb), :valid, :purpose, :mode, :reference, :origin,
                            cast(:via as varchar(3)[]), :group, :visa,
                            :officer, :lateReason, :overrideReason, :overrideBy, :minor, :accompanied, :consent,
                            :flags, :hash, cast(:visited as jsonb))
                    returning id)
                insert into bordercontrol.decision (id, node_id, crossing_id, kind, decision, reason_code, note,
                       vulnerability, protection_referral, decided_by, decided_at, supersedes)
                select cast(:decisionId as uuid), cast(:node as uuid), crossing.id, 'INITIAL',
                       cast(:decision as text), cast(:reason as text), cast(:note as text),
                       cast(:vulnerability as text[]), cast(:referral as text), cast(:by as text),
                       cast(:at as timestamptz), null
                  from crossing
                """).param("id", c.id()).param("node", c.nodeId()).param("point", c.borderPoint())
                .param("authority", authority).param("governorate", governorate)
                .param("direction", c.direction().name()).param("occurred", utc(c.occurredAt()))
                .param("recorded", utc(c.recordedAt())).param("traveller", c.travellerId())
                .param("document", c.identity().documentId()).param("documentJson", json.writeValueAsString(c.document()))
                .param("valid", c.documentValid()).param("purpose", name(c.purpose()))
                .param("mode", c.transport() == null ? null : name(c.transport().mode()))
                .param("reference", c.transport() == null ? null : c.transport().reference())
                .param("origin", c.transport() == null ? null : c.transport().origin())
                .param("via", c.transport() == null || c.transport().via().isEmpty() ? null
                        : c.transport().via().toArray(String[]::new))
                .param("group", c.groupId()).param("visa", c.visaId())
                .param("officer", c.officer()).param("lateReason", c.lateReason())
                .param("overrideReason", c.overrideReason())
                .param("overrideBy", c.overrideReason() == null ? null : c.officer())
                .param("minor", c.minor()).param("accompanied", c.accompaniedBy())
                .param("consent", c.consentDocument()).param("flags", names(c.flags()))
                .param("hash", requestHash)
                .param("visited", visited == null || visited.isEmpty() ? null : json.writeValueAsString(visited))
                .param("decisionId", Ids.newId()).param("decision", c.decision().name())
                .param("reason", c.reasonCode()).param("note", c.note())
                .param("vulnerability", names(c.vulnerability()))
                .param("referral", c.protectionReferral()).param("by", c.decidedBy()).param("at", utc(c.decidedAt()))
                .update();
    }

    /** Flags that depend on the traveller's history are known once the crossing is in it, in the same transaction. */
    void setFlags(UUID id, Collection<CrossingFlag> flags) {
        jdbc.sql("update bordercontrol.crossing set flags = :flags where id = :id")
                .param("flags", names(flags)).param("id", id).update();
    }

    /** A later decision on a crossing, superseding the latest one; the crossing's traveller is locked. */
    void decide(UUID crossingId, UUID nodeId, DecisionKind kind, Decision decision, String reasonCode, String note,
                List<VulnerabilityIndicator> vulnerability, String protectionReferral, String by, Instant at) {
        jdbc.sql("""
                insert into bordercontrol.decision (id, node_id, crossing_id, kind, decision, reason_code, note,
                       vulnerability, protection_referral, decided_by, decided_at, supersedes)
                values (:id, :node, :crossing, :kind, :decision, :reason, :note, :vulnerability, :referral, :by,
                        :at, (select d.id from bordercontrol.decision d where d.crossing_id = :crossing
                               order by d.decided_at desc, d.id desc limit 1))
                """).param("id", Ids.newId()).param("node", nodeId).param("crossing", crossingId)
                .param("kind", kind.name()).param("decision", decision.name()).param("reason", reasonCode)
                .param("note", note).param("vulnerability", names(vulnerability))
                .param("referral", protectionReferral).param("by", by)
                .param("at", utc(at)).update();
    }

    void amend(UUID nodeId, UUID crossingId, AmendmentKind kind, String borderPoint, Direction direction,
               Instant occurredAt, Purpose purpose, String reason, String by, Instant at) {
        jdbc.sql("""
                insert into bordercontrol.crossing_amendment (id, node_id, crossing_id, kind, border_point, direction,
                       occurred_at, purpose, reason, amended_by, amended_at)
                values (:id, :node, :crossing, :kind, :point, :direction, :occurred, :purpose, :reason, :by, :at)
                """).param("id", Ids.newId()).param("node", nodeId).param("crossing", crossingId)
                .param("kind", kind.name()).param("point", borderPoint).param("direction", direction == null ? null : direction.name())
                .param("occurred", occurredAt == null ? null : utc(occurredAt)).param("purpose", name(purpose))
                .param("reason", reason).param("by", by).param("at", utc(at)).update();
    }

    int entriesUnderVisa(UUID visaId) {
        return jdbc.sql(EFFECTIVE + " where c.visa_id = :visa").param("visa", visaId).query(row).list().stream()
                .filter(r -> !r.voided() && r.direction() == Direction.ENTRY && r.decision() == Decision.ADMITTED)
                .toList().size();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private Crossing row(ResultSet rs, int n) throws SQLException {
        Instant occurredAt = instant(rs, "occurred_at");
        String mode = rs.getString("transport_mode");
        String reference = rs.getString("transport_reference");
        String origin = rs.getString("transport_origin");
        java.sql.Array via = rs.getArray("transport_via");
        boolean voided = rs.getBoolean("voided");
        UUID documentId = rs.getObject("document_id", UUID.class);
        return new Crossing(rs.getObject("id", UUID.class), rs.getObject("traveller_id", UUID.class),
                rs.getObject("node_id", UUID.class), rs.getString("border_point").strip(),
                Direction.valueOf(rs.getString("direction")), occurredAt, occurredAt.atZone(zone).toOffsetDateTime(),
                instant(rs, "recorded_at"), Decision.valueOf(rs.getString("decision")), rs.getString("reason_code"),
                rs.getString("note"), enums(rs.getArray("vulnerability"), VulnerabilityIndicator.class),
                rs.getString("protection_referral"), rs.getString("decided_by"), instant(rs, "decided_at"),
                value(rs.getString("purpose"), Purpose.class),
                mode == null && reference == null && origin == null ? null
                        : new Crossing.Transport(value(mode, TransportMode.class), reference, origin,
                                via == null ? List.of() : List.of((String[]) via.getArray())),
                rs.getObject("group_id", UUID.class), rs.getObject("visa_id", UUID.class), rs.getString("officer"),
                enums(rs.getArray("flags"), CrossingFlag.class), voided, rs.getString("void_reason"),
                rs.getInt("amendments") - (voided ? 1 : 0), rs.getString("late_reason"),
                rs.getString("override_reason"), rs.getBoolean("minor"), rs.getString("accompanied_by"),
                rs.getString("consent_document"), rs.getBoolean("document_valid"),
                new Crossing.Identity(documentId, value(rs.getString("link_basis"), LinkBasis.class), rs.getBigDecimal("link_confidence")),
                null, document(rs.getString("document")), null, null);
    }

    private JsonNode document(String text) {
        return text == null ? null : json.readTree(text);
    }

    private static <E extends Enum<E>> E value(String name, Class<E> type) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static <E extends Enum<E>> List<E> enums(Array array, Class<E> type) throws SQLException {
        return strings(array).stream().map(v -> Enum.valueOf(type, v)).toList();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String[] names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toArray(String[]::new);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
