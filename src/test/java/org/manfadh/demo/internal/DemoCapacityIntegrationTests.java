package org.manfadh.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.manfadh.capacity.Equipment;
import org.manfadh.capacity.Premises;
import org.manfadh.capacity.Procedures;
import org.manfadh.capacity.Training;
import org.manfadh.capacity.TrainingRecords;
import org.manfadh.platform.NodeRole;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The demo's year of capacity building, loaded through the capacity module's API into the shared test database
 * (the application starts without demo data, as every test does; the test loads it itself), then read back through
 * the API as a manager would: sessions and certificates, more women among trainees at the Kurdistan Region's
 * centres than at Basra, a document reader at every lane with a few broken, SOPs adopted; and loading again adds
 * nothing.
 */
@ManfadhIntegrationTest
class DemoCapacityIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Training training;

    @Autowired
    TrainingRecords records;

    @Autowired
    Equipment equipment;

    @Autowired
    Premises premises;

    @Autowired
    Procedures procedures;

    @Autowired
    ReferenceData referenceData;

    @Autowired
    ApplicationAvailability availability;

    @Autowired
    Clock clock;

    @Test
    void loadsAYearOfTheProgrammeOnceAndItReadsBackThroughTheApi() {
        DemoCapacity demo = new DemoCapacity(training, records, equipment, premises,
                new DemoProcedures(procedures, new NodeRole(NodeRole.Kind.HQ, null), clock, 20260804L), referenceData,
                new NodeRole(NodeRole.Kind.HQ, null), availability, clock, 20260804L);
        assertThat(demo.load()).isTrue();
        assertThat(demo.load()).as("a second load finds the demo's first course and adds nothing").isFalse();

        ApiClient admin = new ApiClient(port).asDemoAdmin();
        LocalDate today = LocalDate.now(clock);
        String year = "from=" + today.minusDays(366) + "&to=" + today;

        JsonNode bySex = admin.get("/api/v1/capacity/indicators?" + year + "&by=sex,trainingCentre").json();
        double sulaymaniyah = womenShare(bySex, "SULAYMANIYAH");
        double basra = womenShare(bySex, "BASRA");
        assertThat(sulaymaniyah).as("women among Sulaymaniyah's trainees").isBetween(0.3, 0.55);
        assertThat(basra).as("women among Basra's trainees").isLessThan(0.25);

        JsonNode total = admin.get("/api/v1/capacity/indicators?" + year + "&by=sex").json().get("rows");
        long trained = 0;
        long certified = 0;
        for (JsonNode row : total) {
            trained += row.get("trained").asLong();
            certified += row.get("certified").asLong();
        }
        assertThat(trained).isGreaterThan(400);
        assertThat(certified).isBetween(trained / 2, trained);

        // A session that ended: its attendance ticked day by day, and attended where present on four days in five.
        JsonNode sessions = admin.get("/api/v1/capacity/sessions?from=" + today.minusDays(200) + "&to=" + today.minusDays(100)
                + "&trainingCentre=BAGHDAD&size=5").json().get("content");
        assertThat(sessions.size()).isPositive();
        String session = sessions.get(0).get("id").asString();
        JsonNode marks = admin.get("/api/v1/capacity/sessions/" + session + "/attendance").json();
        JsonNode participants = admin.get("/api/v1/capacity/sessions/" + session + "/participants").json();
        assertThat(marks.size()).isGreaterThanOrEqualTo(participants.size());
        for (JsonNode participant : participants) {
            long present = 0;
            long days = 0;
            for (JsonNode mark : marks) {
                if (mark.get("participantId").asString().equals(participant.get("id").asString())) {
                    days++;
                    present += mark.get("present").asBoolean() ? 1 : 0;
                }
            }
            assertThat(participant.get("attended").asBoolean()).isEqualTo(days > 0 && present * 5 >= days * 4);
        }

        JsonNode refreshers = admin.get("/api/v1/capacity/refreshers?within=90").json();
        assertThat(refreshers.size()).as("certificates of the booth course due for a refresher").isPositive();

        JsonNode readers = admin.get("/api/v1/capacity/equipment?type=DOCUMENT_READER&status=BROKEN&size=1000").json();
        assertThat(readers.get("page").get("totalElements").asLong()).as("broken readers").isBetween(1L, 20L);
        JsonNode atIbrahimKhalil = admin.get("/api/v1/capacity/equipment?borderPoint=IBK&type=DOCUMENT_READER&size=100").json();
        assertThat(atIbrahimKhalil.get("page").get("totalElements").asLong()).isGreaterThanOrEqualTo(4L);
        for (JsonNode asset : atIbrahimKhalil.get("content")) {
            assertThat(asset.get("serialNumber").asString()).startsWith("DR-IBK-");
        }

        JsonNode sops = admin.get("/api/v1/capacity/sops?size=100").json();
        assertThat(sops.get("page").get("totalElements").asLong()).isGreaterThanOrEqualTo(6L);
    }

    private static double womenShare(JsonNode table, String centre) {
        long women = 0;
        long all = 0;
        for (JsonNode row : table.get("rows")) {
            if (centre.equals(row.get("trainingCentre").asString())) {
                long trained = row.get("trained").asLong();
                all += trained;
                if ("F".equals(row.get("sex").asString())) {
                    women += trained;
                }
            }
        }
        assertThat(all).as("trainees at " + centre).isPositive();
        return (double) women / all;
    }
}
