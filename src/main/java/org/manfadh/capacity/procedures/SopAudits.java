package org.manfadh.capacity.procedures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.capacity.AuditResult;
import org.manfadh.capacity.SopAudit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SOP audits and their answers ({@code capacity.sop_audit}, {@code sop_audit_answer}), never changed once made. */
@Repository
class SopAudits {

    private static final String HEAD = """
            select u.*, v.sop_id, v.version, s.code
              from capacity.sop_audit u
              join capacity.sop_version v on v.id = u.version_id
              join capacity.sop s on s.id = v.sop_id""";

    private final JdbcClient jdbc;

    SopAudits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The audit and its answers; {@code itemIds} gives each answered item's row by its number. */
    void insert(SopAudit audit, UUID versionId, Map<Integer, UUID> itemIds) {
        jdbc.sql("""
                        insert into capacity.sop_audit (id, version_id, border_point, audited_on, auditor, score, note,
                                                        created_by, created_at)
                        values (:id, :version, :point, :on, :auditor, :score, :note, :by, :at)""")
                .param("id", audit.id()).param("version", versionId).param("point", audit.borderPoint())
                .param("on", audit.auditedOn()).param("auditor", audit.auditor()).param("score", audit.score())
                .param("note", audit.note()).param("by", audit.createdBy()).param("at", Timestamp.from(audit.createdAt()))
                .update();
        List<SopAudit.Answer> answers = audit.answers();
        jdbc.sql("""
                        insert into capacity.sop_audit_answer (audit_id, item_id, result, note)
                        select :audit, * from unnest(cast(:items as uuid[]), cast(:results as text[]), cast(:notes as text[]))""")
                .param("audit", audit.id())
                .param("items", answers.stream().map(a -> itemIds.get(a.item())).toArray(UUID[]::new))
                .param("results", answers.stream().map(a -> a.result().name()).toArray(String[]::new))
                .param("notes", answers.stream().map(SopAudit.Answer::note).toArray(String[]::new))
                .update();
    }

    Optional<SopAudit> find(UUID id) {
        return withAnswers(jdbc.sql(HEAD + " where u.id = :id").param("id", id).query(SopAudits::head).list())
                .stream().findFirst();
    }

    List<SopAudit> page(UUID sopId, String[] points, int limit, long offset) {
        return withAnswers(jdbc.sql(HEAD + "\n" + """
                         where v.sop_id = :sop
                           and (cast(:points as text[]) is null or u.border_point = any(cast(:points as text[])))
                         order by u.audited_on desc, u.created_at desc, u.id desc limit :limit offset :offset""")
                .param("sop", sopId).param("points", points).param("limit", limit).param("offset", offset)
                .query(SopAudits::head).list());
    }

    long count(UUID sopId, String[] points) {
        return jdbc.sql("""
                        select count(*) from capacity.sop_audit u join capacity.sop_version v on v.id = u.version_id
                         where v.sop_id = :sop
                           and (cast(:points as text[]) is null or u.border_point = any(cast(:points as text[])))""")
                .param("sop", sopId).param("points", points).query(Long.class).single();
    }

    /** The mean score of the audits within the days at the points given (every point when null). */
    Optional<BigDecimal> meanScore(LocalDate from, LocalDate to, String[] points) {
        BigDecimal mean = jdbc.sql("""
                        select avg(score) from capacity.sop_audit
                         where audited_on between :from and :to
                           and (cast(:points as text[]) is null or border_point = any(cast(:points as text[])))""")
                .param("from", from).param("to", to).param("points", points).query(BigDecimal.class).optional().orElse(null);
        return Optional.ofNullable(mean).map(m -> m.setScale(2, RoundingMode.HALF_UP));
    }

    private List<SopAudit> withAnswers(List<SopAudit> heads) {
        if (heads.isEmpty()) {
            return heads;
        }
        Map<UUID, List<SopAudit.Answer>> answers = new LinkedHashMap<>();
        jdbc.sql("""
                        select a.audit_id, i.ordinal, i.text_en, i.text_ar, i.text_ckb, a.result, a.note
                          from capacity.sop_audit_answer a join capacity.sop_checklist_item i on i.id = a.item_id
                         where a.audit_id = any(:ids) order by a.audit_id, i.ordinal""")
                .param("ids", heads.stream().map(SopAudit::id).toArray(UUID[]::new))
                .query((ResultSet rs) -> {
                    answers.computeIfAbsent(rs.getObject("audit_id", UUID.class), k -> new ArrayList<>())
                            .add(new SopAudit.Answer(rs.getInt("ordinal"), Sops.texts(rs, "text"),
                                    AuditResult.valueOf(rs.getString("result")), rs.getString("note")));
                });
        return heads.stream().map(h -> new SopAudit(h.id(), h.sopId(), h.sopCode(), h.version(), h.borderPoint(),
                h.auditedOn(), h.auditor(), h.score(), h.note(), h.createdBy(), h.createdAt(),
                List.copyOf(answers.getOrDefault(h.id(), List.of())))).toList();
    }

    private static SopAudit head(ResultSet rs, int row) throws SQLException {
        return new SopAudit(rs.getObject("id", UUID.class), rs.getObject("sop_id", UUID.class), rs.getString("code"),
                rs.getInt("version"), rs.getString("border_point").strip(), rs.getObject("audited_on", LocalDate.class),
                rs.getString("auditor"), rs.getBigDecimal("score"), rs.getString("note"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), List.of());
    }
}
