package org.manfadh.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.test.context.TestPropertySource;
import org.manfadh.screening.Thresholds;
import org.manfadh.screening.matching.DocumentMatch;
import org.manfadh.screening.matching.NameMatch;
import org.manfadh.screening.matching.PersonQuery;
import org.manfadh.screening.matching.WatchlistIndex;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

@ManfadhIntegrationTest
// Lists loaded here must not screen other tests' travellers: the screening tests have a server of their own.
@TestPropertySource(properties = "manfadh.test.context=screening")
class CsvImportIntegrationTests {

    private static final String HEADER = "externalId,fullName,surname,givenNames,nameOriginalScript,aliases,"
            + "dateOfBirth,nationality,sex,documentNumber,issuingState,note\n";

    @LocalServerPort
    int port;

    @Autowired
    WatchlistIndex index;

    private Lists lists() {
        return new Lists(port);
    }

    private boolean listed(UUID list, String name) {
        return index.matchPersons(new PersonQuery(name, null, null, null, null, null, null), Thresholds.DEFAULT_HIT, 10_000).stream()
                .map(NameMatch::listId).anyMatch(list::equals);
    }

    @Test
    void importsANationalListAndReplacesItByExternalId() {
        Lists lists = lists();
        UUID list = lists.create("NATIONAL_ALERT");
        String csv = HEADER
                + "NA-1,Qasim Jawad Kadhim,,,قاسم جواد كاظم,Abu Jawad|Q. Kadhim,1971-05-03,IRQ,M,A1234567,IRQ,wanted\n"
                + "NA-2,,Hassani,Layla,,,1980,IRN|IRQ,F,,,\n"
                + "\"NA-3\",\"Salim, Jr. Haddad\",,,,,,,,,,\"a note\nover two lines\"\n";

        ApiClient.Response imported = lists.importApproved(list, "text/csv", csv);

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("added").asInt()).isEqualTo(3);
        JsonNode first = lists.manager().get("/api/v1/watchlists/" + list + "/entries?externalId=NA-1").json()
                .get("content").get(0);
        assertThat(first.get("names").toString()).contains("قاسم جواد كاظم").contains("Abu Jawad")
                .contains("ORIGINAL_SCRIPT");
        assertThat(first.get("documents").get(0).get("number").asText()).isEqualTo("A1234567");
        assertThat(first.get("datesOfBirth").get(0).get("precision").asText()).isEqualTo("EXACT");
        JsonNode second = lists.manager().get("/api/v1/watchlists/" + list + "/entries?externalId=NA-2").json()
                .get("content").get(0);
        assertThat(second.get("primaryName").asText()).isEqualTo("Layla Hassani");
        assertThat(second.get("datesOfBirth").get(0).get("precision").asText()).isEqualTo("YEAR");
        assertThat(listed(list, "Layla Hassani")).isTrue();
        assertThat(listed(list, "Abu Jawad")).isTrue();

        ApiClient.Response replaced = lists.importApproved(list, "text/csv; charset=utf-8", HEADER
                + "NA-1,Qasim Jawad Kadhim,,,قاسم جواد كاظم,Abu Jawad|Q. Kadhim,1971-05-03,IRQ,M,A1234567,IRQ,wanted\n"
                + "NA-2,,Hassani,Layla,,,1981,IRN|IRQ,F,,,\n"
                + "NA-4,Omar Farouk,,,,,,,,,,\n");

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("entryCount").asLong()).isEqualTo(3);
        assertThat(replaced.json().get("added").asInt()).isEqualTo(1);
        assertThat(replaced.json().get("updated").asInt()).isEqualTo(1);
        assertThat(replaced.json().get("removed").asInt()).isEqualTo(1);
        assertThat(listed(list, "Salim Jr Haddad")).isFalse();
        assertThat(listed(list, "Omar Farouk")).isTrue();
        assertThat(lists.get(list).json().get("entryCount").asLong()).isEqualTo(3);

        JsonNode changes = lists.manager().get("/api/v1/watchlists/" + list + "/changes").json();
        assertThat(changes.get("content").get(0).get("action").asText()).isEqualTo("IMPORTED");
        assertThat(changes.get("content").get(0).get("sourceSha256").asText()).matches("[0-9a-f]{64}");
        assertThat(changes.get("content").get(0).get("madeBy").asText()).isEqualTo("admin");
        assertThat(changes.get("content").get(0).get("proposedBy").asText()).isEqualTo("watchlist_manager");
        assertThat(changes.get("content").get(0).get("sourceSha256").asText())
                .isEqualTo(replaced.json().get("sourceSha256").asText());
        assertThat(changes.get("page").get("totalElements").asLong()).isEqualTo(3);
    }

    @Test
    void aBadRowNamesItsLineAndColumnAndChangesNothing() {
        Lists lists = lists();
        UUID list = lists.create("NATIONAL_ALERT");
        assertThat(lists.importApproved(list, "text/csv", HEADER + "NA-1,Kept Person,,,,,,,,,,\n").status()).isEqualTo(200);

        ApiClient.Response badDate = lists.importFile(list, "text/csv", HEADER
                + "NA-2,Ali Hassan,,,,,1971-05-03,IRQ,M,,,\n"
                + "NA-3,Ali Hussein,,,,,1971-13-40,IRQ,M,,,\n");
        ApiClient.Response badCountry = lists.importFile(list, "text/csv", HEADER + "NA-2,Ali Hassan,,,,,,XYZ,M,,,\n");
        ApiClient.Response shortRow = lists.importFile(list, "text/csv", HEADER
                + "NA-2,Ali Hassan,,,,,,IRQ,M,,,\n"
                + "NA-3,Ali Hussein,,,,\n");
        ApiClient.Response missingColumn = lists.importFile(list, "text/csv",
                "externalId,fullName,surname\nNA-2,Ali Hassan,\n");
        ApiClient.Response duplicate = lists.importFile(list, "text/csv", HEADER
                + "NA-2,Ali Hassan,,,,,,,,,,\nNA-2,Ali Hussein,,,,,,,,,,\n");

        assertThat(badDate.status()).isEqualTo(422);
        assertThat(badDate.json().get("line").asLong()).isEqualTo(3);
        assertThat(badDate.json().get("column").asText()).isEqualTo("dateOfBirth");
        assertThat(badDate.json().get("detail").asText()).contains("Line 3").contains("1971-13-40");
        assertThat(badCountry.status()).isEqualTo(422);
        assertThat(badCountry.json().get("column").asText()).isEqualTo("nationality");
        assertThat(shortRow.status()).isEqualTo(400);
        assertThat(shortRow.json().get("line").asLong()).isEqualTo(3);
        assertThat(shortRow.json().get("detail").asText()).contains("6 values").contains("12 columns");
        assertThat(missingColumn.status()).isEqualTo(400);
        assertThat(missingColumn.json().get("detail").asText()).contains("givenNames");
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.json().get("detail").asText()).contains("lines 2 and 3");
        JsonNode after = lists.get(list).json();
        assertThat(after.get("entryCount").asLong()).isEqualTo(1);
        assertThat(after.get("version").asLong()).isEqualTo(2);
        assertThat(listed(list, "Ali Hassan")).isFalse();
        assertThat(listed(list, "Kept Person")).isTrue();
    }

    @Test
    void refusesEmptyFilesAndUnknownContentTypes() {
        Lists lists = lists();
        UUID list = lists.create("TRAVEL_BAN");

        ApiClient.Response empty = lists.importFile(list, "text/csv", "");
        ApiClient.Response headerOnly = lists.importFile(list, "text/csv", HEADER);
        ApiClient.Response json = lists.importFile(list, "application/json", "{}");
        ApiClient.Response none = lists.importFile(list, null, "x");
        ApiClient.Response notXml = lists.importFile(list, "application/xml", "this is not XML");

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("type").asText()).isEqualTo("urn:manfadh:problem:empty-list-file");
        assertThat(headerOnly.status()).isEqualTo(400);
        assertThat(headerOnly.json().get("type").asText()).isEqualTo("urn:manfadh:problem:empty-list-file");
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.json().get("type").asText()).isEqualTo("urn:manfadh:problem:unsupported-list-format");
        assertThat(none.status()).isEqualTo(415);
        assertThat(notXml.status()).isEqualTo(400);
        assertThat(notXml.json().get("line").asLong()).isEqualTo(1);
        assertThat(lists.get(list).json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void importsLostAndStolenDocumentsIntoTheDocumentIndex() {
        Lists lists = lists();
        UUID list = lists.create("LOST_STOLEN_DOCUMENTS");
        String number = "LS" + (System.nanoTime() % 10_000_000);

        ApiClient.Response imported = lists.importApproved(list, "text/csv",
                "externalId,documentNumber,issuingState,documentType,reportedOn\n"
                        + "LS-1," + number + ",IRQ,PASSPORT,2025-11-02\n"
                        + "LS-2,B7654321,IRN,ID_CARD,\n");
        ApiClient.Response xml = lists.importFile(list, "application/xml", "<CONSOLIDATED_LIST/>");
        ApiClient.Response badDay = lists.importFile(list, "text/csv",
                "externalId,documentNumber,issuingState,documentType,reportedOn\nLS-1,X1,IRQ,PASSPORT,02/11/2025\n");

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("added").asInt()).isEqualTo(2);
        assertThat(index.matchDocuments(number, "IRQ")).extracting(DocumentMatch::listId).contains(list);
        assertThat(xml.status()).isEqualTo(415);
        assertThat(badDay.status()).isEqualTo(422);
        assertThat(badDay.json().get("column").asText()).isEqualTo("reportedOn");
    }

    /**
     * Streams a generated list through the API without ever holding it: rows are made as the
     * request body is read. Size with -Dmanfadh.test.large-import-rows (e.g. 1000000, about 60 MB).
     */
    @Test
    void importsALargeFileStreamed() {
        int rows = Integer.getInteger("manfadh.test.large-import-rows", 20_000);
        Lists lists = lists();
        UUID list = lists.create("LOST_STOLEN_DOCUMENTS");

        ApiClient.Response imported = lists.importApproved(list, "text/csv",
                () -> generated("externalId,documentNumber,issuingState,documentType,reportedOn\n", rows,
                        i -> "G-" + i + ",G" + String.format("%09d", i) + ",IRQ,PASSPORT,2025-01-01\n"));

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("entryCount").asLong()).isEqualTo(rows);
        assertThat(lists.get(list).json().get("entryCount").asLong()).isEqualTo(rows);
        assertThat(index.matchDocuments("G" + String.format("%09d", rows - 1), "IRQ"))
                .extracting(DocumentMatch::listId).contains(list);
    }

    /** A header and rows made one at a time as they are read. */
    static InputStream generated(String header, int rows, java.util.function.IntFunction<String> row) {
        Enumeration<InputStream> parts = new Enumeration<>() {
            private int next = -1;

            @Override
            public boolean hasMoreElements() {
                return next < rows;
            }

            @Override
            public InputStream nextElement() {
                if (next >= rows) {
                    throw new NoSuchElementException();
                }
                StringBuilder chunk = new StringBuilder();
                if (next < 0) {
                    chunk.append(header);
                    next = 0;
                }
                for (int i = 0; i < 1000 && next < rows; i++, next++) {
                    chunk.append(row.apply(next));
                }
                return new java.io.ByteArrayInputStream(chunk.toString().getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SequenceInputStream(parts);
    }

    @Test
    void refusesAValueLongerThanAnyFieldNamingLineAndColumn() {
        Lists lists = lists();
        UUID list = lists.create("NATIONAL_ALERT");
        String longNote = "\"" + "x\"\"".repeat(2_500) + "\"";
        String huge = "N".repeat(5_000_000);

        ApiClient.Response quoted = lists.importFile(list, "text/csv", HEADER + "NA-1,Kept Person,,,,,,,,,,\n"
                + "NA-2,Ali Hassan,,,,,,,,,," + longNote + "\n");
        ApiClient.Response unquoted = lists.importFile(list, "text/csv", HEADER + "NA-1," + huge + ",,,,,,,,,,\n");
        ApiClient.Response commas = lists.importFile(list, "text/csv", HEADER + "NA-1" + ",".repeat(100_000) + "\n");
        long versionAfterRefusals = lists.get(list).json().get("version").asLong();
        ApiClient.Response atTheLimit = lists.importFile(list, "text/csv", HEADER + "NA-1,Kept Person,,,,,,,,,,"
                + "n".repeat(4_096) + "\n");

        assertThat(quoted.status()).as(quoted.body()).isEqualTo(422);
        assertThat(quoted.json().get("type").asString()).isEqualTo("urn:manfadh:problem:invalid-list-entry");
        assertThat(quoted.json().get("line").asLong()).isEqualTo(3);
        assertThat(quoted.json().get("column").asString()).isEqualTo("note");
        assertThat(quoted.json().get("detail").asString()).contains("4096").contains("Nothing was imported");
        assertThat(unquoted.status()).isEqualTo(422);
        assertThat(unquoted.json().get("line").asLong()).isEqualTo(2);
        assertThat(unquoted.json().get("column").asString()).isEqualTo("fullName");
        assertThat(commas.status()).isEqualTo(400);
        assertThat(commas.json().get("type").asString()).isEqualTo("urn:manfadh:problem:malformed-list-file");
        assertThat(commas.json().get("line").asLong()).isEqualTo(2);
        assertThat(versionAfterRefusals).isEqualTo(1);
        assertThat(atTheLimit.status()).as(atTheLimit.body()).isEqualTo(202);
    }
}
