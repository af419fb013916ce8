package org.manfadh.referencedata.internal;

import java.util.List;

import org.manfadh.referencedata.Authority;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.BorderPointStatus;
import org.manfadh.referencedata.BorderPointType;
import org.manfadh.referencedata.Country;
import org.manfadh.referencedata.CountryKind;
import org.manfadh.referencedata.Governorate;
import org.manfadh.referencedata.RefusalReason;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reference data tables: countries, governorates, border points. */
@Repository
class ReferenceDataRepository {

    private static final RowMapper<BorderPoint> BORDER_POINT = (rs, n) -> new BorderPoint(rs.getString("code"),
            rs.getString("name_en"), rs.getString("name_ar"), rs.getString("name_ckb"),
            BorderPointType.valueOf(rs.getString("type")), rs.getString("governorate_code"),
            Authority.valueOf(rs.getString("authority")), rs.getString("neighbour_country"),
            rs.getString("neighbour_crossing"), BorderPointStatus.valueOf(rs.getString("status")),
            rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"));

    private final JdbcClient jdbc;

    ReferenceDataRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<BorderPoint> borderPoints() {
        return jdbc.sql("""
                select code, name_en, name_ar, name_ckb, type, governorate_code, authority, neighbour_country,
                       neighbour_crossing, status, latitude, longitude
                  from referencedata.border_point
                 order by code
                """).query(BORDER_POINT).list();
    }

    List<Governorate> governorates() {
        return jdbc.sql("""
                select code, name_en, name_ar, name_ckb, authority
                  from referencedata.governorate
                 order by code
                """).query((rs, n) -> new Governorate(rs.getString("code"), rs.getString("name_en"),
                rs.getString("name_ar"), rs.getString("name_ckb"), Authority.valueOf(rs.getString("authority"))))
                .list();
    }

    List<Country> countries() {
        return jdbc.sql("""
                select code, alpha2, kind, name_en, name_ar, name_ckb
                  from referencedata.country
                 order by code
                """).query((rs, n) -> new Country(rs.getString("code"), rs.getString("alpha2"),
                CountryKind.valueOf(rs.getString("kind")), rs.getString("name_en"), rs.getString("name_ar"),
                rs.getString("name_ckb"))).list();
    }

    List<RefusalReason> refusalReasons() {
        return jdbc.sql("""
                select code, applies_to, label_en, label_ar, label_ckb
                  from referencedata.refusal_reason
                 order by code
                """).query((rs, n) -> new RefusalReason(rs.getString("code"),
                RefusalReason.Applies.valueOf(rs.getString("applies_to")),
                rs.getString("label_en"), rs.getString("label_ar"), rs.getString("label_ckb"))).list();
    }

    void save(RefusalReason r) {
        jdbc.sql("""
                insert into referencedata.refusal_reason (code, applies_to, label_en, label_ar, label_ckb)
                values (:code, :appliesTo, :labelEn, :labelAr, :labelCkb)
                on conflict (code) do update
                   set applies_to = excluded.applies_to, label_en = excluded.label_en,
                       label_ar = excluded.label_ar, label_ckb = excluded.label_ckb
                """).param("code", r.code()).param("appliesTo", r.appliesTo().name()).param("labelEn", r.labelEn())
                .param("labelAr", r.labelAr()).param("labelCkb", r.labelCkb()).update();
    }

    void save(Country c) {
        jdbc.sql("""
                insert into referencedata.country (code, alpha2, kind, name_en, name_ar, name_ckb)
                values (:code, :alpha2, :kind, :nameEn, :nameAr, :nameCkb)
                on conflict (code) do update
                   set alpha2 = excluded.alpha2, kind = excluded.kind, name_en = excluded.name_en,
                       name_ar = excluded.name_ar, name_ckb = excluded.name_ckb
                """).param("code", c.code()).param("alpha2", c.alpha2()).param("kind", c.kind().name())
                .param("nameEn", c.nameEn()).param("nameAr", c.nameAr()).param("nameCkb", c.nameCkb()).update();
    }

    void save(Governorate g) {
        jdbc.sql("""
                insert into referencedata.governorate (code, name_en, name_ar, name_ckb, authority)
                values (:code, :nameEn, :nameAr, :nameCkb, :authority)
                on conflict (code) do update
                   set name_en = excluded.name_en, name_ar = excluded.name_ar, name_ckb = excluded.name_ckb,
                       authority = excluded.authority
                """).param("code", g.code()).param("nameEn", g.nameEn()).param("nameAr", g.nameAr())
                .param("nameCkb", g.nameCkb()).param("authority", g.authority().name()).update();
    }

    void save(BorderPoint b) {
        jdbc.sql("""
                insert into referencedata.border_point (code, name_en, name_ar, name_ckb, type, governorate_code,
                       authority, neighbour_country, neighbour_crossing, status, latitude, longitude)
                values (:code, :nameEn, :nameAr, :nameCkb, :type, :governorate, :authority, :neighbourCountry,
                        :neighbourCrossing, :status, :latitude, :longitude)
                on conflict (code) do update
                   set name_en = excluded.name_en, name_ar = excluded.name_ar, name_ckb = excluded.name_ckb,
                       type = excluded.type, governorate_code = excluded.governorate_code,
                       authority = excluded.authority, neighbour_country = excluded.neighbour_country,
                       neighbour_crossing = excluded.neighbour_crossing, status = excluded.status,
                       latitude = excluded.latitude, longitude = excluded.longitude
                """).param("code", b.code()).param("nameEn", b.nameEn()).param("nameAr", b.nameAr())
                .param("nameCkb", b.nameCkb()).param("type", b.type().name()).param("governorate", b.governorate())
                .param("authority", b.authority().name()).param("neighbourCountry", b.neighbourCountry())
                .param("neighbourCrossing", b.neighbourCrossing()).param("status", b.status().name())
                .param("latitude", b.latitude()).param("longitude", b.longitude()).update();
    }
}
