package org.manfadh.bordercontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** The bounds on what a stay, a rule or an extension grants, and on how far back a corrected time may go. */
@ManfadhIntegrationTest
class RecordLimitsIntegrationTests {

    private static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ApiClient admin() {
        return new ApiClient(port).asDemoAdmin();
    }

    private ApiClient supervisor() {
        return new ApiClient(port).as("supervisor", "manfadh-demo");
    }

    private static String number() {
        return "RL" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    private static Map<String, Object> entry(Object visa) {
        String surname = "KARIMOV" + Long.toString(System.nanoTime(), 36).toUpperCase().replaceAll("[0-9]", "Q");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("borderPoint", "ZRB");
        body.put("direction", "ENTRY");
        body.put("mrz", Passports.td3(number(), surname, "RUSTAM", "UZB", LocalDate.of(1980, 1, 2)));
        body.put("decision", "ADMITTED");
        if (visa != null) {
            body.put("visa", visa);
        }
        return body;
    }

    private static String field(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:manfadh:problem:invalid-fields");
        return response.json().get("fields").get(0).get("field").asString();
    }

    private long rules() {
        return admin().get("/api/v1/stay-rules?size=1").json().get("page").get("totalElements").asLong();
    }

    @Test
    void refusesRulesWindowsStaysAndExtensionsOfMoreThanTenYears() {
        long before = rules();
        String tomorrow = LocalDate.now(BAGHDAD).plusDays(1).toString();

        ApiClient.Response window = admin().post("/api/v1/stay-rules", ApiClient.json(Map.of("nationality", "UZB",
                "visaType", "E_VISA", "permittedDays", 90, "windowDays", 2_000_000_000, "effectiveFrom", tomorrow)));
        ApiClient.Response days = admin().post("/api/v1/stay-rules", ApiClient.json(Map.of("nationality", "UZB",
                "visaType", "E_VISA", "permittedDays", 3651, "effectiveFrom", tomorrow)));
        ApiClient.Response stay = admin().post("/api/v1/crossings", ApiClient.json(entry(Map.of("number", "V" + number(),
                "type", "VISIT_VISA", "permittedStayDays", 3651))));

        assertThat(field(window)).isEqualTo("windowDays");
        assertThat(field(days)).isEqualTo("permittedDays");
        assertThat(field(stay)).isEqualTo("visa.permittedStayDays");
        assertThat(rules()).isEqualTo(before);

        JsonNode recorded = admin().post("/api/v1/crossings", ApiClient.json(entry(Map.of("number", "V" + number(),
                "type", "VISIT_VISA", "permittedStayDays", 3650)))).json();
        String visa = recorded.get("visaId").asString();
        ApiClient.Response extension = admin().post("/api/v1/visas/" + visa + "/extensions",
                ApiClient.json(Map.of("extraDays", Integer.MAX_VALUE, "reason", "Overflow")));

        assertThat(field(extension)).isEqualTo("extraDays");
        assertThat(admin().get("/api/v1/visas/" + visa).json().get("extensions")).isEmpty();
    }

    @Test
    void databaseRefusesDaysBeyondTenYearsWhateverWritesThem() {
        JsonNode recorded = admin().post("/api/v1/crossings", ApiClient.json(entry(Map.of("number", "V" + number(),
                "type", "VISIT_VISA", "permittedStayDays", 30)))).json();
        UUID visa = UUID.fromString(recorded.get("visaId").asString());

        assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> jdbc.sql("""
                insert into bordercontrol.visa_extension (id, node_id, visa_id, extra_days, granted_on, reason,
                       created_by, created_at)
                select gen_random_uuid(), node_id, id, 3651, current_date, 'by hand', 'admin', now()
                  from bordercontrol.visa where id = :visa
                """).param("visa", visa).update());
        assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> jdbc.sql(
                "update bordercontrol.visa set permitted_stay_days = 3651 where id = :visa").param("visa", visa).update());
        assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> jdbc.sql("""
                insert into bordercontrol.stay_rule (id, nationality, visa_type, permitted_days, window_days,
                       effective_from, created_by, created_at)
                values (gen_random_uuid(), 'UZB', 'E_VISA', 90, 3651, current_date + 1000, 'admin', now())
                """).update());
    }

    @Test
    void refusesACorrectedTimeBeyondTheLimitForLateRecords() {
        JsonNode recorded = admin().post("/api/v1/crossings", ApiClient.json(entry(null))).json();
        String id = recorded.get("id").asString();
        Instant occurredAt = Instant.parse(recorded.get("occurredAt").asString());

        ApiClient.Response tooEarly = supervisor().post("/api/v1/crossings/" + id + "/corrections", ApiClient.json(Map.of(
                "reason", "Typed the wrong year", "occurredAt", Instant.now().minus(401, ChronoUnit.DAYS).toString())));
        ApiClient.Response future = supervisor().post("/api/v1/crossings/" + id + "/corrections", ApiClient.json(Map.of(
                "reason", "Typed the wrong year", "occurredAt", Instant.now().plus(2, ChronoUnit.DAYS).toString())));
        ApiClient.Response withinLimit = supervisor().post("/api/v1/crossings/" + id + "/corrections",
                ApiClient.json(Map.of("reason", "Recorded after the shift",
                        "occurredAt", Instant.now().minus(3, ChronoUnit.HOURS).toString())));

        assertThat(field(tooEarly)).isEqualTo("occurredAt");
        assertThat(tooEarly.json().get("fields").get(0).get("message").asString()).contains("limit for late records");
        assertThat(field(future)).isEqualTo("occurredAt");
        assertThat(withinLimit.status()).as(withinLimit.body()).isEqualTo(200);
        assertThat(Instant.parse(withinLimit.json().get("occurredAt").asString())).isBefore(occurredAt);
    }
}
