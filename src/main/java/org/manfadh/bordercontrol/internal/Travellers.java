package org.manfadh.bordercontrol.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.bordercontrol.LinkBasis;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Travellers, their documents, and the decisions that linked or split them. */
@Repository
class Travellers {

    record Traveller(UUID id, UUID nodeId, Instant createdAt, String surname, String givenNames, String nameOriginal,
                     String dateOfBirth, String nationality, String sex) {
    }

    record Document(UUID id, UUID travellerId, String documentCode, String issuingState, String documentNumber,
                    java.time.LocalDate dateOfExpiry, Instant firstSeenAt, LinkBasis linkBasis, BigDecimal linkConfidence) {
    }

    /** A supervisor's decision on a document's link: confirm it, or split the document off. */
    enum IdentityAction {
        CONFIRM, SPLIT;

        /** How the document is linked after the decision. */
        LinkBasis basis() {
            return this == CONFIRM ? LinkBasis.CONFIRMED : LinkBasis.SPLIT;
        }
    }

    static final RowMapper<Traveller> TRAVELLER = (rs, n) -> new Traveller(rs.getObject("id", UUID.class),
            rs.getObject("node_id", UUID.class), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            rs.getString("surname"), rs.getString("given_names"), rs.getString("name_original"),
            rs.getString("date_of_birth"), rs.getString("nationality"), rs.getString("sex"));

    private static final RowMapper<Document> DOCUMENT = (rs, n) -> new Document(rs.getObject("id", UUID.class),
            rs.getObject("traveller_id", UUID.class), rs.getString("document_code"), rs.getString("issuing_state"),
            rs.getString("document_number"), rs.getObject("date_of_expiry", java.time.LocalDate.class),
            rs.getObject("first_seen_at", OffsetDateTime.class).toInstant(), LinkBasis.valueOf(rs.getString("link_basis")),
            rs.getBigDecimal("link_confidence"));

    private final JdbcClient jdbc;
    private final TravellerNameKeys nameKeys;

    Travellers(JdbcClient jdbc, TravellerNameKeys nameKeys) {
        this.jdbc = jdbc;
        this.nameKeys = nameKeys;
    }

    /** Serialises work on keys (a crossing, a document, a person) until the transaction ends, taken in the order given. */
    void lock(List<String> keys) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(k, 0)) from unnest(cast(:keys as text[])) with ordinality as t(k, n) order by n")
                .param("keys", keys.toArray(String[]::new)).query().listOfRows();
    }

    /**
     * The recorder's locks for everything it could resolve to these travellers, in its order
     * (documents, then persons): no crossing resolves to one of them while the caller works on them.
     */
    void lockTravellers(UUID... ids) {
        lock(jdbc.sql("""
                select k from (
                    select 1 as o, 'document:' || issuing_state || ':' || document_number as k
                      from bordercontrol.travel_document where traveller_id = any(:ids)
                    union
                    select 2, 'person:' || name_key || ':' || date_of_birth || ':' || nationality
                      from bordercontrol.traveller where id = any(:ids) and date_of_birth is not null
                ) keys order by o, k
                """).param("ids", ids).query(String.class).list());
    }

    Optional<Traveller> find(UUID id) {
        return jdbc.sql("select * from bordercontrol.traveller where id = :id").param("id", id).query(TRAVELLER).optional();
    }

    /** Takes the traveller's row lock, so that concurrent changes to one traveller's stays queue up. */
    void lockTraveller(UUID id) {
        jdbc.sql("select id from bordercontrol.traveller where id = :id for update").param("id", id).query().singleRow();
    }

    Optional<Document> findDocument(String issuingState, String documentNumber) {
        return jdbc.sql("""
                select * from bordercontrol.travel_document
                 where issuing_state = :state and document_number = :number
                """).param("state", issuingState).param("number", documentNumber).query(DOCUMENT).optional();
    }

    Optional<Document> findDocument(UUID id) {
        return jdbc.sql("select * from bordercontrol.travel_document where id = :id").param("id", id)
                .query(DOCUMENT).optional();
    }

    List<Document> documentsOf(UUID travellerId) {
        return jdbc.sql("""
                select * from bordercontrol.travel_document where traveller_id = :id order by first_seen_at desc
                """).param("id", travellerId).query(DOCUMENT).list();
    }

    /** Travellers with exactly this name, birth date and nationality: candidates for the same person. */
    List<Traveller> findByIdentity(String nameKey, String dateOfBirth, String nationality) {
        return jdbc.sql("""
                select * from bordercontrol.traveller
                 where name_key = :nameKey and date_of_birth = :birth and nationality = :nationality
                 order by created_at
                """).param("nameKey", nameKey).param("birth", dateOfBirth).param("nationality", nationality)
                .query(TRAVELLER).list();
    }

    void insert(Traveller t) {
        jdbc.sql("""
                insert into bordercontrol.traveller (id, node_id, created_at, surname, given_names, name_original,
                       date_of_birth, nationality, sex, name_key)
                values (:id, :node, :created, :surname, :given, :original, :birth, :nationality, :sex, :nameKey)
                """).param("id", t.id()).param("node", t.nodeId())
                .param("created", OffsetDateTime.ofInstant(t.createdAt(), ZoneOffset.UTC))
                .param("surname", t.surname()).param("given", t.givenNames()).param("original", t.nameOriginal())
                .param("birth", t.dateOfBirth()).param("nationality", t.nationality()).param("sex", t.sex())
                .param("nameKey", nameKey(t.surname(), t.givenNames())).update();
        nameKeys.keyNow(t.id(), t.surname(), t.givenNames(), t.nameOriginal());
    }

    void recordOriginalName(UUID travellerId, String nameOriginal) {
        jdbc.sql("""
                update bordercontrol.traveller set name_original = :name where id = :id and name_original is null
                returning surname, given_names
                """).param("name", nameOriginal).param("id", travellerId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional()
                .ifPresent(names -> nameKeys.keyNow(travellerId, names[0], names[1], nameOriginal));
    }

    void insert(Document d, UUID nodeId) {
        jdbc.sql("""
                insert into bordercontrol.travel_document (id, node_id, traveller_id, document_code, issuing_state,
                       document_number, date_of_expiry, first_seen_at, link_basis, link_confidence)
                values (:id, :node, :traveller, :code, :state, :number, :expiry, :seen, :basis, :confidence)
                """).param("id", d.id()).param("node", nodeId).param("traveller", d.travellerId())
                .param("code", d.documentCode()).param("state", d.issuingState()).param("number", d.documentNumber())
                .param("expiry", d.dateOfExpiry()).param("seen", OffsetDateTime.ofInstant(d.firstSeenAt(), ZoneOffset.UTC))
                .param("basis", d.linkBasis().name()).param("confidence", d.linkConfidence()).update();
    }

    void relink(UUID documentId, UUID travellerId, LinkBasis basis, BigDecimal confidence) {
        jdbc.sql("""
                update bordercontrol.travel_document
                   set traveller_id = :traveller, link_basis = :basis, link_confidence = :confidence
                 where id = :id
                """).param("traveller", travellerId).param("basis", basis.name()).param("confidence", confidence)
                .param("id", documentId).update();
        jdbc.sql("update bordercontrol.crossing set traveller_id = :traveller where document_id = :id")
                .param("traveller", travellerId).param("id", documentId).update();
    }

    void recordIdentityDecision(UUID id, UUID nodeId, UUID documentId, IdentityAction action, UUID from, UUID to,
                                String reason, String by, Instant at) {
        jdbc.sql("""
                insert into bordercontrol.identity_decision (id, node_id, document_id, action, from_traveller,
                       to_traveller, reason, decided_by, decided_at)
                values (:id, :node, :document, :action, :from, :to, :reason, :by, :at)
                """).param("id", id).param("node", nodeId).param("document", documentId).param("action", action.name())
                .param("from", from).param("to", to).param("reason", reason).param("by", by)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).update();
    }

    long countByDocumentNumber(String documentNumber, String issuingState, String[] points) {
        return jdbc.sql("""
                select count(distinct traveller_id) from bordercontrol.travel_document d
                 where document_number = :number and (cast(:state as text) is null or issuing_state = :state)"""
                + INSCOPE.formatted("d.traveller_id")).param("number", documentNumber).param("state", issuingState)
                .param("points", points).query(Long.class).single();
    }

    /** Only travellers with a crossing at one of :points (all when null). */
    private static final String INSCOPE = """

                   and (cast(:points as text[]) is null or exists (select 1 from bordercontrol.crossing c
                        where c.traveller_id = %s and """ + " " + Crossings.POINT_OF_C + " " + """
                         = any(cast(:points as text[]))))
                """;

    List<Traveller> findByDocumentNumber(String documentNumber, String issuingState, String[] points, int limit,
                                         long offset) {
        return jdbc.sql("""
                select t.* from bordercontrol.traveller t
                 where t.id in (select traveller_id from bordercontrol.travel_document
                                 where document_number = :number and (cast(:state as text) is null or issuing_state = :state))"""
                + INSCOPE.formatted("t.id") + """
                 order by t.created_at, t.id
                 limit :limit offset :offset
                """).param("number", documentNumber).param("state", issuingState).param("points", points)
                .param("limit", limit)
                .param("offset", offset).query(TRAVELLER).list();
    }

    /**
     * Travellers whose name keys share a key with at least {@code required} (1 or 2) of the parts of
     * a searched name, each part given as the keys it is found by; those sharing keys with more
     * parts first (a name of one part: in no order, so that the first {@code limit} found end the
     * look-up), at most {@code limit}. Found through the inverted index on the keys: the
     * travellers sharing keys with each part are intersected in the index before a row is read.
     * Must run in a transaction.
     */
    List<Traveller> findByNameKeys(List<List<String>> parts, int required, String dateOfBirth, String[] points,
                                   int limit) {
        int n = parts.size();
        if (n == 0 || required < 1 || required > Math.min(n, 2)) {
            throw new IllegalArgumentException("required must be 1 or 2 and at most the parts, not " + required);
        }
        List<String> found = new java.util.ArrayList<>();
        List<String> shared = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            shared.add("(n.keys && cast(:k" + i + " as text[]))::int");
            if (required == 1) {
                found.add("n.keys && cast(:k" + i + " as text[])");
            }
            for (int j = i + 1; j < n && required == 2; j++) {
                found.add("(n.keys && cast(:k" + i + " as text[]) and n.keys && cast(:k" + j + " as text[]))");
            }
        }
        // The planner's guess of how many travellers share a set of keys is often far off (keys are array
        // elements), and it then reads the whole keys table, or every traveller to join them: 50 to 100 ms at
        // 200,000 travellers, growing with the register. Through the index and the travellers' primary key,
        // a search reads the travellers it finds and no others (bench/name-search.sh shows the plans).
        jdbc.sql("set local enable_seqscan = off").update();
        jdbc.sql("set local enable_hashjoin = off").update();
        var sql = jdbc.sql("""
                select t.* from bordercontrol.traveller_name_keys n
                  join bordercontrol.traveller t on t.id = n.traveller_id
                 where (%s)
                   and (cast(:birth as text) is null or t.date_of_birth like :birth || '%%')""".formatted(
                        String.join(" or ", found))
                + INSCOPE.formatted("t.id") + """
                %s
                 limit :limit
                """.formatted(n == 1 ? "" : "order by " + String.join(" + ", shared) + " desc, t.id"))
                .param("birth", dateOfBirth).param("points", points).param("limit", limit);
        for (int i = 0; i < n; i++) {
            sql = sql.param("k" + i, parts.get(i).toArray(String[]::new));
        }
        return sql.query(TRAVELLER).list();
    }

    /** Surname and given names as matched: upper case, fillers and runs of blanks as one space. */
    static String nameKey(String surname, String givenNames) {
        String joined = (surname == null ? "" : surname) + " " + (givenNames == null ? "" : givenNames);
        return joined.toUpperCase(java.util.Locale.ROOT).replace('<', ' ').replaceAll("[^\\p{L}\\p{N} ]", " ")
                .replaceAll("\\s+", " ").strip();
    }
}
