package org.manfadh.capacity.indicators;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.manfadh.capacity.Indicators.Dimension;
import org.manfadh.capacity.Texts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The training records counted in SQL: the enrolments that count as trained in a range, grouped by what the
 * database knows (a participant's border point stands in for its authority and governorate, which the reference
 * data gives), and the certificates due for a refresher.
 */
@Repository
class TrainingCounts {

    /** A group of trained officials: the grouping columns' values, in order, and what the indicators sum. */
    record Group(List<String> values, long trained, long certified, BigDecimal gainSum, long gainCount) {
    }

    private final JdbcClient jdbc;

    TrainingCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The column a dimension is grouped by; authority and governorate by the border point. Never user input. */
    static String column(Dimension dimension) {
        return switch (dimension) {
            case SEX -> "p.sex::text";
            case AGENCY -> "e.agency";
            case BORDER_POINT, AUTHORITY, GOVERNORATE -> "e.border_point::text";
            case COURSE -> "co.code";
            case TOPIC -> "co.topic";
            case TRAINING_CENTRE -> "case when s.training_centre = 'BORDER_POINT' then s.border_point::text "
                    + "else s.training_centre end";
            case QUARTER -> "to_char(s.end_date, 'YYYY-\"Q\"Q')";
        };
    }

    /**
     * Trained, certified and the learning gain's sum and count, grouped by the dimensions' columns, of the
     * enrolments at the border points given (null: every enrolment, those without a border point included).
     */
    List<Group> groups(LocalDate from, LocalDate to, List<Dimension> by, String[] points) {
        List<String> columns = by.stream().map(TrainingCounts::column).toList();
        StringBuilder select = new StringBuilder();
        StringBuilder group = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            select.append(columns.get(i)).append(" as d").append(i).append(", ");
            group.append(group.isEmpty() ? " group by " : ", ").append(i + 1);
        }
        String sql = "select " + select + """
                       count(*) as trained,
                       count(c.id) filter (where c.revoked_at is null) as certified,
                       sum(e.post_score - e.pre_score) as gain_sum,
                       count(*) filter (where e.pre_score is not null and e.post_score is not null) as gain_count
                  from capacity.enrolment e
                  join capacity.session s on s.id = e.session_id
                  join capacity.course co on co.id = s.course_id
                  join capacity.person p on p.id = e.person_id
                  left join capacity.certificate c on c.enrolment_id = e.id
                 where e.attended and s.cancelled_at is null and s.end_date between :from and :to
                   and (cast(:points as text[]) is null or e.border_point::text = any(:points))
                """ + group;
        int n = columns.size();
        return jdbc.sql(sql).param("from", from).param("to", to).param("points", points)
                .query((ResultSet rs, int row) -> group(rs, n)).list();
    }

    private static Group group(ResultSet rs, int n) throws SQLException {
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(rs.getString("d" + i));
        }
        return new Group(values, rs.getLong("trained"), rs.getLong("certified"), rs.getBigDecimal("gain_sum"),
                rs.getLong("gain_count"));
    }

    /**
     * Certificates due for a refresher: not revoked, issued by {@code to}, expiring from {@code from} to 90 days
     * after {@code to}, and the person holds no newer certificate of the same course (not revoked) issued by
     * {@code to}: due as things stood on that day.
     */
    long refresherDue(LocalDate from, LocalDate to, String[] points) {
        return jdbc.sql("""
                select count(*)
                  from capacity.certificate c
                  join capacity.enrolment e on e.id = c.enrolment_id
                 where c.revoked_at is null and c.issued_on <= :to
                   and c.expires_on between :from and cast(:to as date) + 90
                   and (cast(:points as text[]) is null or e.border_point::text = any(:points))
                   and not exists (select 1 from capacity.certificate n
                                    where n.person_id = c.person_id and n.course_id = c.course_id
                                      and n.revoked_at is null and n.id <> c.id
                                      and n.issued_on > c.issued_on and n.issued_on <= :to)
                """).param("from", from).param("to", to).param("points", points).query(Long.class).single();
    }

    /** A course's title by its code, for labels. */
    Optional<Texts> courseTitle(String code) {
        return jdbc.sql("select title_en, title_ar, title_ckb from capacity.course where code = :code")
                .param("code", code).query((rs, n) -> new Texts(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }
}
