package org.manfadh.capacity.procedures;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.capacity.Sop;
import org.manfadh.capacity.SopKind;
import org.manfadh.capacity.Texts;
import org.manfadh.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SOPs and their versions with checklists, in {@code capacity.sop}, {@code sop_version} and {@code sop_checklist_item}. */
@Repository
class Sops {

    /** A version's row: its id beside what clients see. */
    record StoredVersion(UUID id, Sop.Version version) {
    }

    private static final String SOP_COLUMNS = """
            s.id, s.code, s.kind, s.title_en, s.title_ar, s.title_ckb, s.retired_at, s.created_by, s.created_at,
            (select max(v.version) from capacity.sop_version v where v.sop_id = s.id) as latest_version""";

    private final JdbcClient jdbc;

    Sops(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean codeTaken(String code) {
        return jdbc.sql("select exists (select 1 from capacity.sop where code = :code)").param("code", code)
                .query(Boolean.class).single();
    }

    void insert(UUID id, UUID nodeId, String code, SopKind kind, Texts title, String username, Instant at) {
        jdbc.sql("""
                        insert into capacity.sop (id, node_id, code, kind, title_en, title_ar, title_ckb, created_by, created_at)
                        values (:id, :node, :code, :kind, :en, :ar, :ckb, :by, :at)""")
                .param("id", id).param("node", nodeId).param("code", code).param("kind", kind.name())
                .param("en", title.en()).param("ar", title.ar()).param("ckb", title.ckb()).param("by", username)
                .param("at", Timestamp.from(at)).update();
    }

    /** The SOP, its row locked until the transaction ends: versions of one SOP are numbered one after another. */
    Optional<Sop> lock(UUID id) {
        return jdbc.sql("select " + SOP_COLUMNS + " from capacity.sop s where s.id = :id for update of s")
                .param("id", id).query(Sops::sop).optional();
    }

    Optional<Sop> find(UUID id) {
        return jdbc.sql("select " + SOP_COLUMNS + " from capacity.sop s where s.id = :id")
                .param("id", id).query(Sops::sop).optional();
    }

    Optional<Sop> findByCode(String code) {
        return jdbc.sql("select " + SOP_COLUMNS + " from capacity.sop s where s.code = :code")
                .param("code", code).query(Sops::sop).optional();
    }

    List<Sop> page(SopKind kind, int limit, long offset) {
        return jdbc.sql("select " + SOP_COLUMNS + "\n" + """
                         from capacity.sop s
                         where (cast(:kind as text) is null or s.kind = cast(:kind as text))
                         order by s.code limit :limit offset :offset""")
                .param("kind", kind == null ? null : kind.name()).param("limit", limit).param("offset", offset)
                .query(Sops::sop).list();
    }

    long count(SopKind kind) {
        return jdbc.sql("select count(*) from capacity.sop where (cast(:kind as text) is null or kind = cast(:kind as text))")
                .param("kind", kind == null ? null : kind.name()).query(Long.class).single();
    }

    /** Every SOP not retired, by code: the columns of the adoption matrix. */
    List<Sop> current() {
        return jdbc.sql("select " + SOP_COLUMNS + " from capacity.sop s where s.retired_at is null order by s.code")
                .query(Sops::sop).list();
    }

    boolean retire(UUID id, Instant at) {
        return jdbc.sql("update capacity.sop set retired_at = :at where id = :id and retired_at is null")
                .param("id", id).param("at", Timestamp.from(at)).update() == 1;
    }

    void insertVersion(UUID sopId, Sop.Version version) {
        UUID versionId = Ids.newId();
        jdbc.sql("""
                        insert into capacity.sop_version (id, sop_id, version, body_en, body_ar, body_ckb, change_note,
                                                          effective_from, created_by, created_at)
                        values (:id, :sop, :version, :en, :ar, :ckb, :note, :from, :by, :at)""")
                .param("id", versionId).param("sop", sopId).param("version", version.version())
                .param("en", version.body().en()).param("ar", version.body().ar()).param("ckb", version.body().ckb())
                .param("note", version.changeNote()).param("from", version.effectiveFrom())
                .param("by", version.createdBy()).param("at", Timestamp.from(version.createdAt())).update();
        if (version.checklist().isEmpty()) {
            return;
        }
        List<Sop.Item> items = version.checklist();
        jdbc.sql("""
                        insert into capacity.sop_checklist_item (id, version_id, ordinal, text_en, text_ar, text_ckb)
                        select * from unnest(cast(:ids as uuid[]), cast(:versions as uuid[]), cast(:ordinals as integer[]),
                                             cast(:en as text[]), cast(:ar as text[]), cast(:ckb as text[]))""")
                .param("ids", items.stream().map(i -> Ids.newId()).toArray(UUID[]::new))
                .param("versions", items.stream().map(i -> versionId).toArray(UUID[]::new))
                .param("ordinals", items.stream().map(Sop.Item::item).toArray(Integer[]::new))
                .param("en", items.stream().map(i -> i.text().en()).toArray(String[]::new))
                .param("ar", items.stream().map(i -> i.text().ar()).toArray(String[]::new))
                .param("ckb", items.stream().map(i -> i.text().ckb()).toArray(String[]::new))
                .update();
    }

    List<Sop.VersionSummary> versions(UUID sopId) {
        return jdbc.sql("""
                        select v.version, v.change_note, v.effective_from, v.created_by, v.created_at,
                               (select count(*) from capacity.sop_checklist_item i where i.version_id = v.id) as items
                          from capacity.sop_version v where v.sop_id = :sop order by v.version desc""")
                .param("sop", sopId)
                .query((rs, n) -> new Sop.VersionSummary(rs.getInt("version"), rs.getString("change_note"),
                        rs.getObject("effective_from", LocalDate.class), rs.getInt("items"), rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    Optional<StoredVersion> version(UUID sopId, int number) {
        Optional<StoredVersion> head = jdbc.sql("select * from capacity.sop_version where sop_id = :sop and version = :n")
                .param("sop", sopId).param("n", number)
                .query((rs, n) -> new StoredVersion(rs.getObject("id", UUID.class), new Sop.Version(rs.getInt("version"),
                        texts(rs, "body"), rs.getString("change_note"), rs.getObject("effective_from", LocalDate.class),
                        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), List.of())))
                .optional();
        return head.map(h -> new StoredVersion(h.id(), new Sop.Version(h.version().version(), h.version().body(),
                h.version().changeNote(), h.version().effectiveFrom(), h.version().createdBy(),
                h.version().createdAt(), items(h.id()))));
    }

    /** The checklist of a version by its row id, in order. */
    List<Sop.Item> items(UUID versionId) {
        return jdbc.sql("select * from capacity.sop_checklist_item where version_id = :v order by ordinal")
                .param("v", versionId)
                .query((rs, n) -> new Sop.Item(rs.getInt("ordinal"), texts(rs, "text"))).list();
    }

    /** The ids of a version's checklist items by their number. */
    Map<Integer, UUID> itemIds(UUID versionId) {
        Map<Integer, UUID> ids = new LinkedHashMap<>();
        jdbc.sql("select id, ordinal from capacity.sop_checklist_item where version_id = :v order by ordinal")
                .param("v", versionId)
                .query((ResultSet rs) -> {
                    ids.put(rs.getInt("ordinal"), rs.getObject("id", UUID.class));
                });
        return ids;
    }

    static Texts texts(ResultSet rs, String prefix) throws SQLException {
        return new Texts(rs.getString(prefix + "_en"), rs.getString(prefix + "_ar"), rs.getString(prefix + "_ckb"));
    }

    private static Sop sop(ResultSet rs, int row) throws SQLException {
        Timestamp retired = rs.getTimestamp("retired_at");
        return new Sop(rs.getObject("id", UUID.class), rs.getString("code"), SopKind.valueOf(rs.getString("kind")),
                texts(rs, "title"), rs.getInt("latest_version"), retired == null ? null : retired.toInstant(),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }
}
