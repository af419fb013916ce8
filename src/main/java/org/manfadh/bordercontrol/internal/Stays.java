package org.manfadh.bordercontrol.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A traveller's stays, derived from the effective crossings and rebuilt whenever they change. */
@Repository
class Stays {

    record StayRow(UUID travellerId, UUID entryCrossingId, LocalDate entryDay, UUID exitCrossingId, LocalDate exitDay,
                   String basis, UUID visaId, UUID ruleId, Integer permittedDays, LocalDate lastLegalDay,
                   List<String> flags, String authority, String governorate, String borderPoint, String nationality,
                   List<Cover> covers) {

        /** The earliest limit the stay had: an overstay on any day needs it to have passed. */
        LocalDate firstLastLegalDay() {
            return covers.stream().map(Cover::lastLegalDay).filter(java.util.Objects::nonNull)
                    .min(LocalDate::compareTo).orElse(null);
        }
    }

    /** The last legal day in force from a day of the stay on. */
    record Cover(LocalDate from, LocalDate lastLegalDay) {
    }

    /** A traveller present past the last legal day. */
    record Overstay(UUID travellerId, String surname, String givenNames, String nationality, String dateOfBirth,
                    UUID entryCrossingId, LocalDate entryDay, String borderPoint, String authority,
                    String governorate, String basis, LocalDate lastLegalDay, long daysOver) {
    }

    private final JdbcClient jdbc;

    Stays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void replace(UUID travellerId, List<StayRow> stays) {
        jdbc.sql("delete from bordercontrol.stay where traveller_id = :id").param("id", travellerId).update();
        insert(stays);
    }

    /** Stores the stays of a traveller who has none stored yet: each stay with its covers in one round trip. */
    void insert(List<StayRow> stays) {
        for (StayRow s : stays) {
            LocalDate first = s.covers().stream().map(Cover::lastLegalDay).filter(java.util.Objects::nonNull)
                    .min(LocalDate::compareTo).orElse(null);
            jdbc.sql("""
                    with stay as (
                        insert into bordercontrol.stay (traveller_id, entry_crossing_id, entry_day, exit_crossing_id,
                               exit_day, basis, visa_id, rule_id, permitted_days, last_legal_day, first_last_legal_day,
                               flags, authority, governorate, border_point, nationality)
                        values (:traveller, :entry, :entryDay, :exit, :exitDay, :basis, :visa, :rule, :permitted,
                                :lastLegalDay, :first, :flags, :authority, :governorate, :point, :nationality)
                        returning traveller_id, entry_crossing_id)
                    insert into bordercontrol.stay_cover (traveller_id, entry_crossing_id, from_day, last_legal_day)
                    select distinct on (cover.from_day) stay.traveller_id, stay.entry_crossing_id, cover.from_day,
                           cover.last_legal_day
                      from stay cross join unnest(cast(:froms as date[]), cast(:lastLegalDays as date[]))
                           as cover(from_day, last_legal_day)
                     order by cover.from_day
                    """).param("traveller", s.travellerId()).param("entry", s.entryCrossingId())
                    .param("entryDay", s.entryDay()).param("exit", s.exitCrossingId()).param("exitDay", s.exitDay())
                    .param("basis", s.basis()).param("visa", s.visaId()).param("rule", s.ruleId())
                    .param("permitted", s.permittedDays()).param("lastLegalDay", s.lastLegalDay()).param("first", first)
                    .param("flags", s.flags().toArray(String[]::new)).param("authority", s.authority())
                    .param("governorate", s.governorate()).param("point", s.borderPoint())
                    .param("nationality", s.nationality())
                    .param("froms", s.covers().stream().map(c -> c.from().toString()).toArray(String[]::new))
                    .param("lastLegalDays", s.covers().stream()
                            .map(c -> c.lastLegalDay() == null ? null : c.lastLegalDay().toString()).toArray(String[]::new))
                    .update();
        }
    }

    // The limit in force on the day asked for: the cover from the latest day not after it.
    private static final String OVERSTAYS = """
              from bordercontrol.stay s
              join bordercontrol.traveller t on t.id = s.traveller_id
              join lateral (
                   select c.last_legal_day from bordercontrol.stay_cover c
                    where c.traveller_id = s.traveller_id and c.entry_crossing_id = s.entry_crossing_id
                      and c.from_day <= :asOf
                    order by c.from_day desc limit 1) cover on true
             where s.first_last_legal_day < :asOf
               and cover.last_legal_day < :asOf
               and s.entry_day <= :asOf
               and (s.exit_day is null or s.exit_day > :asOf)
               and (cast(:authority as text) is null or s.authority = :authority)
               and (cast(:governorate as text) is null or s.governorate = :governorate)
               and (cast(:nationality as text) is null or s.nationality = :nationality)
               and (cast(:points as text[]) is null or s.border_point = any(cast(:points as text[])))
            """;

    long countOverstays(LocalDate asOf, String authority, String governorate, String nationality, String[] points) {
        return jdbc.sql("select count(*) " + OVERSTAYS).param("asOf", asOf).param("points", points).param("authority", authority)
                .param("governorate", governorate).param("nationality", nationality).query(Long.class).single();
    }

    /** Overstayers on a day, counted by nationality and the border point of their last entry. */
    List<org.manfadh.bordercontrol.FlowFacts.OverstayCount> countOverstaysByPoint(LocalDate asOf) {
        return jdbc.sql("select s.nationality, s.border_point, count(*) as n " + OVERSTAYS
                        + " group by s.nationality, s.border_point")
                .param("asOf", asOf).param("points", (Object) null).param("authority", (Object) null)
                .param("governorate", (Object) null).param("nationality", (Object) null)
                .query((rs, n) -> new org.manfadh.bordercontrol.FlowFacts.OverstayCount(rs.getString("nationality"),
                        rs.getString("border_point").strip(), rs.getLong("n")))
                .list();
    }

    List<Overstay> overstays(LocalDate asOf, String authority, String governorate, String nationality,
                             String[] points, int limit, long offset) {
        return jdbc.sql("""
                select s.traveller_id, t.surname, t.given_names, s.nationality, t.date_of_birth, s.entry_crossing_id,
                       s.entry_day, s.border_point, s.authority, s.governorate, s.basis, cover.last_legal_day,
                       (:asOf - cover.last_legal_day) as days_over
                """ + OVERSTAYS + """
                 order by cover.last_legal_day, s.traveller_id
                 limit :limit offset :offset
                """).param("asOf", asOf).param("authority", authority).param("governorate", governorate)
                .param("nationality", nationality).param("points", points).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new Overstay(rs.getObject("traveller_id", UUID.class), rs.getString("surname"),
                        rs.getString("given_names"), rs.getString("nationality"), rs.getString("date_of_birth"),
                        rs.getObject("entry_crossing_id", UUID.class), rs.getObject("entry_day", LocalDate.class),
                        rs.getString("border_point").strip(), rs.getString("authority"), rs.getString("governorate"),
                        rs.getString("basis"), rs.getObject("last_legal_day", LocalDate.class), rs.getLong("days_over")))
                .list();
    }
}
