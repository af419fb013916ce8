package org.manfadh.health.internal;

import java.util.List;
import java.util.Optional;

import org.manfadh.health.Disease;
import org.manfadh.health.Exposure;
import org.manfadh.health.Symptom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The diseases' reference table, and what an alert's rule asks for each. */
@Repository
class Diseases {

    /** What a new alert's rule asks of travellers for a disease. */
    record Profile(String disease, List<Symptom> symptoms, List<Exposure> exposures) {
    }

    private final JdbcClient jdbc;

    Diseases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Disease> all() {
        return jdbc.sql("""
                select code, monitoring_days, name_en, name_ar, name_ckb from health.disease order by code
                """).query((rs, n) -> new Disease(rs.getString("code"), rs.getInt("monitoring_days"),
                rs.getString("name_en"), rs.getString("name_ar"), rs.getString("name_ckb"))).list();
    }

    Optional<Disease> find(String code) {
        return all().stream().filter(d -> d.code().equals(code)).findFirst();
    }

    /** The disease's profile; a disease without one (added by sync from a newer headquarters) asks for fever only. */
    Profile profile(String disease) {
        return jdbc.sql("""
                select disease, symptoms, exposures from health.disease_profile where disease = :disease
                """).param("disease", disease)
                .query((rs, n) -> new Profile(rs.getString("disease"), Sql.enums(rs.getArray("symptoms"), Symptom.class),
                        Sql.enums(rs.getArray("exposures"), Exposure.class)))
                .optional().orElse(new Profile(disease, List.of(Symptom.FEVER), List.of()));
    }
}
