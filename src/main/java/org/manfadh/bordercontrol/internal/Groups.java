package org.manfadh.bordercontrol.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.bordercontrol.Direction;
import org.manfadh.platform.Rejection;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Groups that cross together: a bus, a pilgrim group with its leader, a family. */
@Repository
class Groups {

    record Group(UUID id, UUID nodeId, String borderPoint, String direction, String kind, String vehicle,
                 String leaderName, String leaderDocument, String openedBy, Instant openedAt, String closedBy,
                 Instant closedAt, String requestHash) {
    }

    private static final RowMapper<Group> GROUP = (rs, n) -> new Group(rs.getObject("id", UUID.class),
            rs.getObject("node_id", UUID.class), rs.getString("border_point").strip(), rs.getString("direction"),
            rs.getString("kind"), rs.getString("vehicle"), rs.getString("leader_name"), rs.getString("leader_document"),
            rs.getString("opened_by"), rs.getObject("opened_at", OffsetDateTime.class).toInstant(),
            rs.getString("closed_by"), closed(rs.getObject("closed_at", OffsetDateTime.class)), rs.getString("request_hash"));

    private final JdbcClient jdbc;

    Groups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Group> find(UUID id) {
        return jdbc.sql("select * from bordercontrol.crossing_group where id = :id").param("id", id).query(GROUP).optional();
    }

    /** The group a crossing joins: open, and at the crossing's border point and direction. */
    Group requireOpen(UUID id, String borderPoint, Direction direction) {
        Group group = find(id).orElseThrow(() -> Rejection.invalidField("groupId", "is not an open group"));
        if (group.closedAt() != null) {
            throw Rejection.conflict("group-closed", "Group " + group.id() + " is closed; it takes no more members.");
        }
        if (!group.borderPoint().equals(borderPoint) || !group.direction().equals(direction.name())) {
            throw Rejection.invalidField("groupId", "belongs to another border point or direction");
        }
        return group;
    }

    /** A group still taking members, with how many it has. */
    record OpenGroup(Group group, int members) {
    }

    /** Groups still open at these border points (all, for null), newest first. */
    java.util.List<OpenGroup> openAt(String[] points, int limit) {
        return jdbc.sql("""
                select g.*, (select count(*) from bordercontrol.crossing c where c.group_id = g.id) as members
                  from bordercontrol.crossing_group g
                 where g.closed_at is null and (cast(:points as text[]) is null or g.border_point = any(cast(:points as text[])))
                 order by g.opened_at desc, g.id desc
                 limit :limit
                """).param("points", points).param("limit", limit)
                .query((rs, n) -> new OpenGroup(GROUP.mapRow(rs, n), rs.getInt("members"))).list();
    }

    void insert(Group g) {
        jdbc.sql("""
                insert into bordercontrol.crossing_group (id, node_id, border_point, direction, kind, vehicle,
                       leader_name, leader_document, opened_by, opened_at, request_hash)
                values (:id, :node, :point, :direction, :kind, :vehicle, :leader, :leaderDocument, :by, :at, :hash)
                """).param("id", g.id()).param("node", g.nodeId()).param("point", g.borderPoint())
                .param("direction", g.direction()).param("kind", g.kind()).param("vehicle", g.vehicle())
                .param("leader", g.leaderName()).param("leaderDocument", g.leaderDocument()).param("by", g.openedBy())
                .param("at", Crossings.utc(g.openedAt())).param("hash", g.requestHash()).update();
    }

    /** Closing is the one change a group takes: it ends the reading of members, it rewrites nothing read. */
    boolean close(UUID id, String by, Instant at) {
        return jdbc.sql("""
                update bordercontrol.crossing_group set closed_by = :by, closed_at = :at
                 where id = :id and closed_at is null
                """).param("by", by).param("at", Crossings.utc(at)).param("id", id).update() == 1;
    }

    private static Instant closed(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
