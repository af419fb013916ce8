package org.manfadh.capacity.training;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.capacity.Course;
import org.manfadh.capacity.Texts;
import org.manfadh.capacity.Topic;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The courses, as rows of capacity.course. */
@Repository
class Courses {

    private static final String COLUMNS = """
            id, code, topic, title_en, title_ar, title_ckb, description_en, description_ar, description_ckb,
            duration_days, certificate_months, pass_score, retired_at is not null as retired""";

    private final JdbcClient jdbc;

    Courses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Course course(ResultSet rs, int row) throws SQLException {
        Texts description = rs.getString("description_en") == null ? null
                : new Texts(rs.getString("description_en"), rs.getString("description_ar"), rs.getString("description_ckb"));
        int months = rs.getInt("certificate_months");
        boolean noMonths = rs.wasNull();
        return new Course(rs.getObject("id", UUID.class), rs.getString("code"),
                new Texts(rs.getString("title_en"), rs.getString("title_ar"), rs.getString("title_ckb")), description,
                Topic.valueOf(rs.getString("topic")), rs.getInt("duration_days"), noMonths ? null : months, rs.getBigDecimal("pass_score"),
                rs.getBoolean("retired"));
    }

    boolean codeTaken(String code) {
        return jdbc.sql("select exists (select 1 from capacity.course where code = :code)").param("code", code)
                .query(Boolean.class).single();
    }

    void insert(Course c, UUID node, String username, Instant now) {
        jdbc.sql("""
                insert into capacity.course (id, node_id, code, topic, title_en, title_ar, title_ckb, description_en,
                    description_ar, description_ckb, duration_days, certificate_months, pass_score, created_by, created_at)
                values (:id, :node, :code, :topic, :titleEn, :titleAr, :titleCkb, :descriptionEn, :descriptionAr,
                    :descriptionCkb, :days, :months, :pass, :by, :at)
                """).param("id", c.id()).param("node", node).param("code", c.code()).param("topic", c.topic().name())
                .param("titleEn", c.title().en()).param("titleAr", c.title().ar()).param("titleCkb", c.title().ckb())
                .param("descriptionEn", c.description() == null ? null : c.description().en())
                .param("descriptionAr", c.description() == null ? null : c.description().ar())
                .param("descriptionCkb", c.description() == null ? null : c.description().ckb())
                .param("days", c.durationDays()).param("months", c.certificateMonths()).param("pass", c.passScore())
                .param("by", username).param("at", Sql.utc(now)).update();
    }

    void update(Course c, boolean retire, boolean unretire, Instant now) {
        jdbc.sql("""
                update capacity.course set title_en = :titleEn, title_ar = :titleAr, title_ckb = :titleCkb,
                    description_en = :descriptionEn, description_ar = :descriptionAr, description_ckb = :descriptionCkb,
                    duration_days = :days, certificate_months = :months, pass_score = :pass,
                    retired_at = case when :retire then coalesce(retired_at, :at) when :unretire then null else retired_at end
                 where id = :id
                """).param("id", c.id())
                .param("titleEn", c.title().en()).param("titleAr", c.title().ar()).param("titleCkb", c.title().ckb())
                .param("descriptionEn", c.description() == null ? null : c.description().en())
                .param("descriptionAr", c.description() == null ? null : c.description().ar())
                .param("descriptionCkb", c.description() == null ? null : c.description().ckb())
                .param("days", c.durationDays()).param("months", c.certificateMonths()).param("pass", c.passScore())
                .param("retire", retire).param("unretire", unretire).param("at", Sql.utc(now)).update();
    }

    Optional<Course> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from capacity.course where id = :id").param("id", id)
                .query(Courses::course).optional();
    }

    Optional<Course> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from capacity.course where id = :id for update").param("id", id)
                .query(Courses::course).optional();
    }

    List<Course> page(Topic topic, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from capacity.course where (cast(:topic as text) is null or topic = :topic)
                 order by retired_at is not null, code offset :offset limit :limit
                """).param("topic", topic == null ? null : topic.name()).param("offset", offset).param("limit", limit)
                .query(Courses::course).list();
    }

    long count(Topic topic) {
        return jdbc.sql("select count(*) from capacity.course where (cast(:topic as text) is null or topic = :topic)")
                .param("topic", topic == null ? null : topic.name()).query(Long.class).single();
    }

    static BigDecimal orDefault(BigDecimal value, String fallback) {
        return value == null ? new BigDecimal(fallback) : value;
    }
}
