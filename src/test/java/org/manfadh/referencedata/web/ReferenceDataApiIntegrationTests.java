package org.manfadh.referencedata.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

@ManfadhIntegrationTest
class ReferenceDataApiIntegrationTests {

    @LocalServerPort
    int port;

    private ApiClient admin() {
        return new ApiClient(port).asDemoAdmin();
    }

    @Test
    void listsEveryBorderPointOfTheBundledFileWithItsAuthority() throws Exception {
        ApiClient.Response response = admin().get("/api/v1/border-points");

        assertThat(response.status()).isEqualTo(200);
        long rows;
        try (var in = getClass().getResourceAsStream("/referencedata/border-points.csv")) {
            rows = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank()).count() - 1;
        }
        assertThat(rows).isGreaterThanOrEqualTo(28);
        assertThat(response.json().size()).isEqualTo((int) rows);
        JsonNode ibrahimKhalil = find(response.json(), "IBK");
        assertThat(ibrahimKhalil.get("authority").asString()).isEqualTo("KRI");
        assertThat(ibrahimKhalil.get("governorate").asString()).isEqualTo("IQ-DA");
        assertThat(ibrahimKhalil.get("nameAr").asString()).isEqualTo("إبراهيم الخليل");
        assertThat(ibrahimKhalil.get("neighbourCountry").asString()).isEqualTo("TUR");
        assertThat(find(response.json(), "ZRB").get("authority").asString()).isEqualTo("FEDERAL");
        for (JsonNode point : response.json()) {
            assertThat(point.get("nameCkb").asString()).as(point.get("code").asString()).isNotBlank();
        }
    }

    @Test
    void filtersBorderPointsByAuthorityAndType() {
        JsonNode kriAirports = admin().get("/api/v1/border-points?authority=KRI&type=AIR").json();

        List<String> codes = new ArrayList<>();
        kriAirports.forEach(p -> codes.add(p.get("code").asString()));
        assertThat(codes).containsExactlyInAnyOrder("EBL", "ISU");
    }

    @Test
    void answersAnUnknownFilterValueWithAProblemNamingTheParameter() {
        ApiClient.Response response = admin().get("/api/v1/border-points?authority=MARS");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("parameter").asString()).isEqualTo("authority");
        assertThat(response.json().get("detail").asString()).contains("FEDERAL", "KRI");
    }

    @Test
    void findsOneBorderPointAndAnswersNotFoundForAnUnknownCode() {
        assertThat(admin().get("/api/v1/border-points/ebl").json().get("type").asString()).isEqualTo("AIR");

        ApiClient.Response missing = admin().get("/api/v1/border-points/XYZ");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("type").asString()).isEqualTo("urn:manfadh:problem:not-found");
    }

    @Test
    void listsIcaoCodesWithArabicAndKurdishNames() {
        JsonNode countries = admin().get("/api/v1/countries").json();

        JsonNode iraq = find(countries, "IRQ");
        assertThat(iraq.get("nameAr").asString()).isEqualTo("العراق");
        assertThat(iraq.get("nameCkb").asString()).isNotBlank();
        for (String special : List.of("D", "GBD", "GBN", "GBO", "GBP", "GBS", "RKS", "EUE", "UNO", "UNA", "UNK",
                "XBA", "XIM", "XCC", "XCE", "XCO", "XEC", "XPO", "XES", "XMP", "XOM", "XDC", "XXA", "XXB", "XXC",
                "XXX", "UTO")) {
            JsonNode code = find(countries, special);
            assertThat(code).as(special).isNotNull();
            assertThat(code.get("nameAr").asString()).as(special).isNotBlank();
        }
        assertThat(countries.size()).isGreaterThanOrEqualTo(249 + 27);
    }

    @Test
    void listsNineteenGovernoratesWithTheirAuthorities() {
        JsonNode governorates = admin().get("/api/v1/governorates").json();

        assertThat(governorates.size()).isEqualTo(19);
        assertThat(find(governorates, "IQ-AR").get("authority").asString()).isEqualTo("KRI");
        assertThat(find(governorates, "IQ-BG").get("authority").asString()).isEqualTo("FEDERAL");
    }

    private static JsonNode find(JsonNode array, String code) {
        for (JsonNode node : array) {
            if (node.get("code").asString().equals(code)) {
                return node;
            }
        }
        return null;
    }
}
