package org.manfadh.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.test.context.TestPropertySource;
import org.manfadh.screening.matching.NameMatch;
import org.manfadh.screening.matching.PersonQuery;
import org.manfadh.screening.matching.WatchlistIndex;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

@ManfadhIntegrationTest
// Lists loaded here must not screen other tests' travellers: the screening tests have a server of their own.
@TestPropertySource(properties = "manfadh.test.context=screening")
class UnListImportIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    WatchlistIndex index;

    private Lists lists() {
        return new Lists(port);
    }

    static String sample() {
        try (InputStream in = UnListImportIntegrationTests.class.getResourceAsStream("/screening/un-sc-consolidated.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean listed(UUID list, String name) {
        return index.matchPersons(new PersonQuery(name, null, null, null, null, null, null), 0.99, 10_000).stream()
                .map(NameMatch::listId).anyMatch(list::equals);
    }

    @Test
    void importsEveryIndividualAndEntityOfTheSampleWithAliasesDatesAndDocuments() {
        Lists lists = lists();
        UUID list = lists.create("SANCTIONS");

        ApiClient.Response imported = lists.importFile(list, "application/xml", sample());

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("imported").asLong()).isEqualTo(730 + 273);
        assertThat(imported.json().get("added").asInt()).isEqualTo(730 + 273);
        assertThat(imported.json().get("removed").asInt()).isZero();
        assertThat(imported.json().get("version").asLong()).isEqualTo(2);
        assertThat(imported.json().get("sha256").asText()).hasSize(64);
        JsonNode listed = lists.get(list).json();
        assertThat(listed.get("entryCount").asLong()).isEqualTo(1003);
        assertThat(listed.get("version").asLong()).isEqualTo(2);

        JsonNode iraqi = lists.manager().get("/api/v1/watchlists/" + list + "/entries?externalId=IQi.001").json()
                .get("content").get(0);
        assertThat(iraqi.get("kind").asText()).isEqualTo("PERSON");
        assertThat(iraqi.get("names").size()).isGreaterThan(1);
        assertThat(iraqi.get("source").asText()).isEqualTo("UN_XML");
        assertThat(iraqi.get("nationalities").toString()).contains("IRQ");

        JsonNode entities = lists.manager().get("/api/v1/watchlists/" + list + "/entries?externalId=CDe.001").json();
        assertThat(entities.get("content").get(0).get("kind").asText()).isEqualTo("ENTITY");

        JsonNode withDocuments = lists.manager().get("/api/v1/watchlists/" + list + "/entries?text=AB850901").json();
        assertThat(withDocuments.get("content")).hasSize(1);
        assertThat(withDocuments.get("content").get(0).get("documents").get(0).get("issuingState").asText())
                .isEqualTo("TZA");

        JsonNode between = lists.manager().get("/api/v1/watchlists/" + list + "/entries?size=1000").json();
        assertThat(between.toString()).contains("\"precision\":\"RANGE\"").contains("\"precision\":\"APPROXIMATE\"")
                .contains("WEAK_ALIAS").contains("ORIGINAL_SCRIPT");

        assertThat(listed(list, "ERIC BADEGE")).isTrue();
        assertThat(listed(list, "ADF")).isTrue();
    }

    @Test
    void reimportOfANewerFileUpdatesAddsAndRemovesByReferenceNumber() {
        Lists lists = lists();
        UUID list = lists.create("SANCTIONS");
        String original = sample();
        assertThat(lists.importFile(list, "application/xml", original).status()).isEqualTo(200);
        String newer = original
                .replace("dateGenerated=\"2026-02-27T00:00:09.554Z\"", "dateGenerated=\"2026-03-01T00:00:00Z\"")
                // CDi.001 changes name, CDi.002 leaves the list, CDi.003 becomes a new reference number.
                .replace("<FIRST_NAME>ERIC</FIRST_NAME>", "<FIRST_NAME>ERICK</FIRST_NAME>")
                .replace("<REFERENCE_NUMBER>CDi.002</REFERENCE_NUMBER>", "<REFERENCE_NUMBER>ZZi.999</REFERENCE_NUMBER>");

        ApiClient.Response again = lists.importFile(list, "application/xml", newer);

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("updated").asInt()).isEqualTo(1);
        assertThat(again.json().get("added").asInt()).isEqualTo(1);
        assertThat(again.json().get("removed").asInt()).isEqualTo(1);
        assertThat(again.json().get("version").asLong()).isEqualTo(3);
        JsonNode removed = lists.manager().get("/api/v1/watchlists/" + list + "/entries?externalId=CDi.002&status=REMOVED")
                .json().get("content").get(0);
        assertThat(removed.get("removalReason").asText()).contains("version 3");
        assertThat(listed(list, "ERICK BADEGE")).isTrue();
        assertThat(listed(list, "FRANK KAKOLELE BWAMBALE")).isTrue();
        assertThat(lists.get(list).json().get("entryCount").asLong()).isEqualTo(1003);

        ApiClient.Response stale = lists.importFile(list, "application/xml", original);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("type").asText()).isEqualTo("urn:manfadh:problem:stale-list-file");
        assertThat(lists.get(list).json().get("version").asLong()).isEqualTo(3);
    }

    @Test
    void malformedXmlNamesTheElementAndChangesNothing() {
        Lists lists = lists();
        UUID list = lists.create("SANCTIONS");
        String broken = sample().replaceFirst("<SECOND_NAME>BWAMBALE</SECOND_NAME>", "<SECOND_NAME>BWAMBALE</SECOND>");

        ApiClient.Response refused = lists.importFile(list, "application/xml", broken);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:manfadh:problem:malformed-list-file");
        assertThat(refused.json().get("element").asText()).isEqualTo("/CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL[2]");
        assertThat(refused.json().get("line").asLong()).isPositive();
        assertThat(refused.json().get("detail").asText()).contains("Nothing was imported");
        JsonNode after = lists.get(list).json();
        assertThat(after.get("entryCount").asLong()).isZero();
        assertThat(after.get("version").asLong()).isEqualTo(1);
        assertThat(listed(list, "ERIC BADEGE")).isFalse();
    }

    @Test
    void aBadDateOfBirthNamesItsElement() {
        Lists lists = lists();
        UUID list = lists.create("SANCTIONS");
        String bad = sample().replaceFirst("<YEAR>1971</YEAR>", "<YEAR>19x1</YEAR>");

        ApiClient.Response refused = lists.importFile(list, "application/xml", bad);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("element").asText())
                .isEqualTo("/CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL[1]/INDIVIDUAL_DATE_OF_BIRTH/YEAR");
        assertThat(lists.get(list).json().get("entryCount").asLong()).isZero();
    }

    @Test
    void refusesAFileWithADocumentTypeDeclaration() {
        Lists lists = lists();
        UUID list = lists.create("SANCTIONS");
        String hostile = "<?xml version=\"1.0\"?>\n<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><REFERENCE_NUMBER>&xxe;</REFERENCE_NUMBER>"
                + "<FIRST_NAME>X</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>";

        ApiClient.Response refused = lists.importFile(list, "application/xml", hostile);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain("root:");
        assertThat(lists.get(list).json().get("entryCount").asLong()).isZero();
    }

    @Test
    void refusesAnEntryOrAFileWithTooManyElementsNamingWhere() {
        Lists lists = lists();
        UUID list = lists.create("SANCTIONS");
        String padding = "<ALIAS/>".repeat(10_001);
        String crowdedEntry = sample().replaceFirst("<SECOND_NAME>BWAMBALE</SECOND_NAME>",
                "<SECOND_NAME>BWAMBALE</SECOND_NAME>" + padding);
        String crowdedFile = "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST dateGenerated=\"2030-01-01T00:00:00Z\">\n"
                + "<X/>".repeat(1_000_001) + "\n</CONSOLIDATED_LIST>";

        ApiClient.Response entry = lists.importFile(list, "application/xml", crowdedEntry);
        ApiClient.Response file = lists.importFile(list, "application/xml", crowdedFile);

        assertThat(entry.status()).as(entry.body()).isEqualTo(400);
        assertThat(entry.json().get("type").asString()).isEqualTo("urn:manfadh:problem:malformed-list-file");
        assertThat(entry.json().get("element").asString()).isEqualTo("/CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL[2]");
        assertThat(entry.json().get("line").asLong()).isPositive();
        assertThat(file.status()).as(file.body()).isEqualTo(400);
        assertThat(file.json().get("detail").asString()).contains("manfadh.screening.import.max-elements")
                .contains("Nothing was imported");
        assertThat(file.json().get("line").asLong()).isEqualTo(3);
        assertThat(file.json().get("element").asString()).isEqualTo("/CONSOLIDATED_LIST/X");
        JsonNode after = lists.get(list).json();
        assertThat(after.get("entryCount").asLong()).isZero();
        assertThat(after.get("version").asLong()).isEqualTo(1);
    }
}
