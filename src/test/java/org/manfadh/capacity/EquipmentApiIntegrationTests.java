package org.manfadh.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The equipment register through the API: an asset's lifecycle and the moves it refuses, check-out and check-in,
 * maintenance costs, the work scope of a manager of one authority, what a border point's manager may and may not
 * do, and lanes with a working reader equal to a recount after random changes.
 */
@ManfadhIntegrationTest
class EquipmentApiIntegrationTests {

    private static final String PASSWORD = "a long enough password";
    private static final String BASE = "/api/v1/capacity/equipment";

    @LocalServerPort
    int port;

    @Autowired
    Equipment equipment;

    private ApiClient manager() {
        return new ApiClient(port).as("capacity_manager", "manfadh-demo");
    }

    private static String serial() {
        return "T" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36).toUpperCase();
    }

    private static String body(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return ApiClient.json(map);
    }

    private JsonNode register(ApiClient as, Object... pairs) {
        ApiClient.Response r = as.post(BASE, body(pairs));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private ApiClient.Response status(ApiClient as, String id, String status, String note) {
        return as.post(BASE + "/" + id + "/status", body("status", status, "note", note));
    }

    @Test
    void movesAnAssetThroughItsLifecycleAndLogsEveryStep() {
        ApiClient manager = manager();
        String serial = serial();
        JsonNode asset = register(manager, "type", "DOCUMENT_READER", "serialNumber", serial, "borderPoint", "zrb",
                "lane", "A1", "donor", "EU", "purchaseCost", 2400, "purchasedOn", LocalDate.now().minusYears(1).toString(),
                "usefulLifeMonths", 48, "warrantyEnd", LocalDate.now().plusYears(1).toString());
        String id = asset.get("id").asString();
        assertThat(asset.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(asset.get("borderPoint").asString()).isEqualTo("ZRB");
        assertThat(asset.get("serialNumber").asString()).isEqualTo(serial);

        for (String next : List.of("DEPLOYED", "BROKEN", "IN_REPAIR", "DEPLOYED")) {
            ApiClient.Response r = status(manager, id, next, "to " + next);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("status").asString()).isEqualTo(next);
        }
        JsonNode detail = manager.get(BASE + "/" + id).json();
        assertThat(detail.get("asset").get("status").asString()).isEqualTo("DEPLOYED");
        List<String> log = new ArrayList<>();
        detail.get("events").forEach(e -> log.add(e.get("kind").asString() + ":" + e.get("status").asString()));
        assertThat(log).containsExactly("STATUS:DEPLOYED", "STATUS:IN_REPAIR", "STATUS:BROKEN", "STATUS:DEPLOYED",
                "REGISTERED:DELIVERED");
        assertThat(detail.get("events").get(2).get("note").asString()).isEqualTo("to BROKEN");
        // Every change is in the audit trail, with the asset's id.
        JsonNode audit = new ApiClient(port).asDemoAdmin().get("/api/v1/audit?size=100&action=CHANGE&username=capacity_manager&recordId=" + id)
                .json().get("content");
        List<String> audited = new ArrayList<>();
        audit.forEach(e -> audited.add(e.get("what").asString()));
        assertThat(audited).filteredOn(w -> w.contains("/api/v1/capacity/equipment/" + id + "/status")).hasSize(4);
        assertThat(detail.get("events").get(2).get("by").asString()).isEqualTo("capacity_manager");
        assertThat(detail.get("warranty").asString()).isEqualTo("UNDER_WARRANTY");
        // A quarter of its four years gone, give or take the days of the months.
        assertThat(detail.get("bookValue").decimalValue()).isBetween(new BigDecimal("1780"), new BigDecimal("1820"));

        ApiClient.Response listed = manager.get(BASE + "?borderPoint=ZRB&type=DOCUMENT_READER&status=DEPLOYED&size=1000");
        assertThat(listed.status()).isEqualTo(200);
        List<String> serials = new ArrayList<>();
        listed.json().get("content").forEach(a -> serials.add(a.get("serialNumber").asString()));
        assertThat(serials).contains(serial);
        listed.json().get("content").forEach(a -> assertThat(a.get("status").asString()).isEqualTo("DEPLOYED"));
    }

    @Test
    void refusesIllegalMovesNamingBothStatusesAndNothingLeavesRetired() {
        ApiClient manager = manager();
        String id = register(manager, "type", "UPS", "serialNumber", serial(), "borderPoint", "BSR", "status", "ORDERED")
                .get("id").asString();
        ApiClient.Response skip = status(manager, id, "DEPLOYED", null);
        assertThat(skip.status()).as(skip.body()).isEqualTo(409);
        assertThat(skip.contentType()).contains("application/problem+json");
        assertThat(skip.json().get("detail").asString()).contains("ORDERED").contains("DEPLOYED");
        assertThat(skip.json().get("from").asString()).isEqualTo("ORDERED");

        assertThat(status(manager, id, "RETIRED", "written off").status()).isEqualTo(200);
        for (String any : List.of("ORDERED", "DELIVERED", "DEPLOYED", "BROKEN", "IN_REPAIR", "RETIRED")) {
            ApiClient.Response r = status(manager, id, any, null);
            assertThat(r.status()).as(any).isEqualTo(409);
            assertThat(r.json().get("detail").asString()).contains("RETIRED").contains(any);
        }
        ApiClient.Response unknown = status(manager, id, "LOST", null);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("status");
        assertThat(manager.get(BASE + "/" + id).json().get("events")).hasSize(2);
    }

    @Test
    void refusesADuplicateSerialADeployedAssetWithoutPointAndAnUnknownPointNamingIt() {
        ApiClient manager = manager();
        String serial = serial();
        register(manager, "type", "SERVER", "serialNumber", serial, "borderPoint", "BGW");
        ApiClient.Response again = manager.post(BASE, body("type", "SERVER", "serialNumber", serial, "borderPoint", "BGW"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).endsWith("asset-serial-taken");
        // The same serial number of another type is another asset.
        register(manager, "type", "UPS", "serialNumber", serial, "borderPoint", "BGW");

        ApiClient.Response nowhere = manager.post(BASE, body("type", "CAMERA", "serialNumber", serial(), "status", "DEPLOYED"));
        assertThat(nowhere.status()).isEqualTo(400);
        assertThat(nowhere.json().get("fields").get(0).get("field").asString()).isEqualTo("borderPoint");

        ApiClient.Response unknown = manager.post(BASE, body("type", "CAMERA", "serialNumber", serial(), "borderPoint", "QQQ"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("fields").get(0).get("message").asString()).contains("QQQ");

        ApiClient.Response badType = manager.post(BASE, "{\"type\": \"TELESCOPE\", \"serialNumber\": \"X1\"}");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.body()).contains("type");
        ApiClient.Response badSerial = manager.post(BASE, body("type", "CAMERA", "serialNumber", "no spaces please",
                "borderPoint", "BGW"));
        assertThat(badSerial.status()).isEqualTo(400);
        assertThat(badSerial.body()).contains("serialNumber");
        assertThat(manager.get(BASE + "/not-a-uuid").status()).isEqualTo(400);
        assertThat(manager.get(BASE + "?status=SOLD").status()).isEqualTo(400);
        assertThat(manager.get(BASE + "/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void checksOutOneHolderAtATimeAndTotalsMaintenanceCostsByCurrency() {
        ApiClient manager = manager();
        String id = register(manager, "type", "VEHICLE", "serialNumber", serial(), "borderPoint", "SFW").get("id").asString();
        ApiClient.Response out = manager.post(BASE + "/" + id + "/check-out",
                body("holder", "Patrol team 3", "dueOn", LocalDate.now().plusDays(7).toString()));
        assertThat(out.status()).as(out.body()).isEqualTo(200);
        assertThat(out.json().get("checkedOutTo").asString()).isEqualTo("Patrol team 3");
        ApiClient.Response twice = manager.post(BASE + "/" + id + "/check-out", body("holder", "Someone else"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("detail").asString()).contains("Patrol team 3");
        assertThat(manager.post(BASE + "/" + id + "/check-in", "{}").status()).isEqualTo(200);
        assertThat(manager.post(BASE + "/" + id + "/check-in", "{}").status()).isEqualTo(409);
        assertThat(manager.post(BASE + "/" + id + "/check-out", body("holder", "Someone else")).status()).isEqualTo(200);

        String opened = LocalDate.now().minusDays(10).toString();
        for (Object[] m : new Object[][] {{"MAINTENANCE", "120.50", "USD"}, {"REPAIR", "79.50", "USD"}, {"REPAIR", "250000", "IQD"}}) {
            ApiClient.Response r = manager.post(BASE + "/" + id + "/maintenance", body("kind", m[0], "openedOn", opened,
                    "closedOn", LocalDate.now().toString(), "cost", new BigDecimal((String) m[1]), "currency", m[2],
                    "vendor", "Basra Motors"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        ApiClient.Response backwards = manager.post(BASE + "/" + id + "/maintenance", body("kind", "REPAIR",
                "openedOn", opened, "closedOn", LocalDate.now().minusDays(20).toString()));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("fields").get(0).get("field").asString()).isEqualTo("closedOn");

        JsonNode detail = manager.get(BASE + "/" + id).json();
        assertThat(detail.get("maintenanceCosts").get("USD").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(detail.get("maintenanceCosts").get("IQD").decimalValue()).isEqualByComparingTo("250000");
        assertThat(detail.get("maintenance")).hasSize(3);
        assertThat(detail.get("checkOuts")).hasSize(2);
        List<String> kinds = new ArrayList<>();
        detail.get("events").forEach(e -> kinds.add(e.get("kind").asString()));
        assertThat(kinds).containsExactly("MAINTENANCE", "MAINTENANCE", "MAINTENANCE", "CHECKED_OUT", "CHECKED_IN",
                "CHECKED_OUT", "REGISTERED");
    }

    private ApiClient account(String role, String authority, List<String> points) {
        String username = role.toLowerCase() + "_" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> jurisdiction = new LinkedHashMap<>();
        jurisdiction.put("authority", authority);
        jurisdiction.put("borderPoints", points);
        ApiClient.Response created = new ApiClient(port).asDemoAdmin().post("/api/v1/users", ApiClient.json(Map.of(
                "username", username, "password", PASSWORD, "roles", List.of(role), "jurisdiction", jurisdiction)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new ApiClient(port).as(username, PASSWORD);
    }

    @Test
    void keepsAManagerOfTheRegionToItsBorderPoints() {
        ApiClient kri = account("CAPACITY_MANAGER", "KRI", List.of());
        String federal = register(manager(), "type", "DOCUMENT_READER", "serialNumber", serial(), "borderPoint", "ZRB",
                "status", "DEPLOYED", "lane", "B2").get("id").asString();
        String central = register(manager(), "type", "SERVER", "serialNumber", serial()).get("id").asString();

        ApiClient.Response refused = kri.post(BASE, body("type", "DOCUMENT_READER", "serialNumber", serial(),
                "borderPoint", "ZRB"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("ZRB");
        assertThat(kri.get(BASE + "/" + federal).status()).isEqualTo(404);
        assertThat(kri.get(BASE + "/" + central).status()).isEqualTo(404);
        assertThat(status(kri, federal, "BROKEN", null).status()).isEqualTo(404);
        assertThat(kri.post(BASE + "/" + federal + "/assignment", body("borderPoint", "IBK")).status()).isEqualTo(404);
        assertThat(kri.get(BASE + "?borderPoint=ZRB").json().get("content")).isEmpty();
        kri.get(BASE + "?size=1000").json().get("content").forEach(a ->
                assertThat(a.get("borderPoint").asString()).isIn("IBK", "FKB", "HJO", "BSQ", "PWK", "EBL", "ISU"));
        assertThat(kri.get(BASE + "/availability?borderPoint=ZRB").status()).isEqualTo(404);

        String own = register(kri, "type", "DOCUMENT_READER", "serialNumber", serial(), "borderPoint", "HJO",
                "status", "DEPLOYED", "lane", "1").get("id").asString();
        assertThat(kri.get(BASE + "/" + own).status()).isEqualTo(200);
        // Nor can a manager of the region move their reader across to a federal point.
        assertThat(kri.post(BASE + "/" + own + "/assignment", body("borderPoint", "ZRB")).status()).isEqualTo(403);
        ApiClient.Response nowhere = kri.post(BASE, body("type", "SERVER", "serialNumber", serial()));
        assertThat(nowhere.status()).isEqualTo(400);
    }

    @Test
    void letsABorderPointsManagerReportAtTheirPointAndNothingElse() {
        ApiClient supervisor = new ApiClient(port).as("supervisor", "manfadh-demo");
        String reader = register(manager(), "type", "DOCUMENT_READER", "serialNumber", serial(), "borderPoint", "ZRB",
                "status", "DEPLOYED", "lane", "C3").get("id").asString();
        String elsewhere = register(manager(), "type", "DOCUMENT_READER", "serialNumber", serial(), "borderPoint", "MNT",
                "status", "DEPLOYED", "lane", "1").get("id").asString();

        assertThat(supervisor.get(BASE + "/" + reader).status()).isEqualTo(200);
        assertThat(supervisor.get(BASE + "?borderPoint=ZRB").status()).isEqualTo(200);
        ApiClient.Response broken = status(supervisor, reader, "BROKEN", "Screen cracked");
        assertThat(broken.status()).as(broken.body()).isEqualTo(200);
        assertThat(status(supervisor, reader, "IN_REPAIR", null).status()).isEqualTo(200);
        assertThat(status(supervisor, reader, "DEPLOYED", "Back at C3").status()).isEqualTo(200);
        assertThat(manager().get(BASE + "/" + reader).json().get("events").get(0).get("by").asString())
                .isEqualTo("supervisor");

        assertThat(status(supervisor, reader, "RETIRED", null).status()).isEqualTo(403);
        assertThat(supervisor.post(BASE + "/" + reader + "/status",
                body("status", "BROKEN", "borderPoint", "MNT")).status()).isEqualTo(403);
        assertThat(status(supervisor, elsewhere, "BROKEN", null).status()).isEqualTo(404);
        assertThat(supervisor.get(BASE + "/" + elsewhere).status()).isEqualTo(404);
        assertThat(supervisor.post(BASE, body("type", "UPS", "serialNumber", serial(), "borderPoint", "ZRB")).status())
                .isEqualTo(403);
        assertThat(supervisor.post(BASE + "/" + reader + "/assignment", body("borderPoint", "ZRB", "lane", "D4")).status())
                .isEqualTo(403);
        assertThat(supervisor.post(BASE + "/" + reader + "/check-out", body("holder", "me")).status()).isEqualTo(403);
        assertThat(supervisor.get("/api/v1/capacity/premises").status()).isEqualTo(403);
        assertThat(new ApiClient(port).as("officer", "manfadh-demo").get(BASE).status()).isEqualTo(403);
        assertThat(new ApiClient(port).as("analyst", "manfadh-demo").get(BASE).status()).isEqualTo(403);
    }

    /** What the log says of a point's readers now, counted from the list of its assets. */
    private static Map<String, Long> recount(JsonNode assets) {
        Set<String> lanes = new HashSet<>();
        Set<String> withReader = new HashSet<>();
        Map<String, Long> readers = new HashMap<>(Map.of("DEPLOYED", 0L, "BROKEN", 0L, "IN_REPAIR", 0L));
        for (JsonNode a : assets) {
            String status = a.get("status").asString();
            String lane = a.get("lane").isNull() ? null : a.get("lane").asString();
            boolean reader = a.get("type").asString().equals("DOCUMENT_READER");
            if (lane != null && !status.equals("RETIRED")) {
                lanes.add(lane);
            }
            if (lane != null && reader && status.equals("DEPLOYED")) {
                withReader.add(lane);
            }
            if (reader && readers.containsKey(status)) {
                readers.merge(status, 1L, Long::sum);
            }
        }
        Map<String, Long> counts = new HashMap<>(readers);
        counts.put("lanes", (long) lanes.size());
        counts.put("withReader", (long) withReader.size());
        return counts;
    }

    @Test
    void countsLanesWithAWorkingReaderAsARecountDoesAfterRandomChanges() {
        ApiClient admin = new ApiClient(port).asDemoAdmin();
        String point = "KIK";
        Random random = new Random(20);
        List<String> lanes = List.of("1", "2", "3", "4", "5", "6");
        List<String> ids = new ArrayList<>();
        Map<String, AssetStatus> expected = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            String type = i % 4 == 3 ? "WORKSTATION" : "DOCUMENT_READER";
            JsonNode a = register(admin, "type", type, "serialNumber", serial(), "borderPoint", point, "status", "DEPLOYED",
                    "lane", lanes.get(random.nextInt(lanes.size())));
            ids.add(a.get("id").asString());
            expected.put(a.get("id").asString(), AssetStatus.DEPLOYED);
        }
        Map<AssetStatus, Set<AssetStatus>> allowed = new EnumMap<>(AssetStatus.class);
        allowed.put(AssetStatus.ORDERED, EnumSet.of(AssetStatus.DELIVERED, AssetStatus.RETIRED));
        allowed.put(AssetStatus.DELIVERED, EnumSet.of(AssetStatus.DEPLOYED, AssetStatus.RETIRED));
        allowed.put(AssetStatus.DEPLOYED, EnumSet.of(AssetStatus.BROKEN, AssetStatus.IN_REPAIR, AssetStatus.RETIRED));
        allowed.put(AssetStatus.BROKEN, EnumSet.of(AssetStatus.IN_REPAIR, AssetStatus.RETIRED));
        allowed.put(AssetStatus.IN_REPAIR, EnumSet.of(AssetStatus.DEPLOYED, AssetStatus.RETIRED));
        allowed.put(AssetStatus.RETIRED, EnumSet.noneOf(AssetStatus.class));
        AssetStatus[] all = AssetStatus.values();
        for (int step = 0; step < 60; step++) {
            String id = ids.get(random.nextInt(ids.size()));
            if (random.nextInt(5) == 0) {
                ApiClient.Response moved = admin.post(BASE + "/" + id + "/assignment",
                        body("borderPoint", point, "lane", lanes.get(random.nextInt(lanes.size()))));
                assertThat(moved.status()).isEqualTo(expected.get(id) == AssetStatus.RETIRED ? 409 : 200);
                continue;
            }
            // Mostly the moves the lifecycle allows, now and then one it refuses.
            AssetStatus to = random.nextInt(4) == 0 ? all[random.nextInt(all.length)]
                    : allowed.get(expected.get(id)).stream().skip(random.nextInt(Math.max(1,
                            allowed.get(expected.get(id)).size()))).findFirst().orElse(AssetStatus.RETIRED);
            boolean legal = allowed.get(expected.get(id)).contains(to);
            ApiClient.Response r = status(admin, id, to.name(), "step " + step);
            assertThat(r.status()).as(expected.get(id) + " → " + to).isEqualTo(legal ? 200 : 409);
            if (legal) {
                expected.put(id, to);
            }
            if (step % 10 == 9) {
                JsonNode figures = admin.get(BASE + "/availability?borderPoint=" + point).json();
                Map<String, Long> counts = recount(admin.get(BASE + "?borderPoint=" + point + "&size=1000").json().get("content"));
                assertThat(figures.get("lanes").asLong()).isEqualTo(counts.get("lanes"));
                assertThat(figures.get("lanesWithWorkingReader").asLong()).isEqualTo(counts.get("withReader"));
                assertThat(figures.get("readers").get("deployed").asLong()).isEqualTo(counts.get("DEPLOYED"));
                assertThat(figures.get("readers").get("broken").asLong()).isEqualTo(counts.get("BROKEN"));
                assertThat(figures.get("readers").get("inRepair").asLong()).isEqualTo(counts.get("IN_REPAIR"));
                // The admin may read flows: today's arrivals and departures come with the figures.
                assertThat(figures.get("arrivals").isNumber()).isTrue();
                // The indicators' view of the same day agrees with the point's.
                LocalDate today = LocalDate.parse(figures.get("day").asString());
                Equipment.AvailabilitySummary summary = equipment.availability(today, today, "admin");
                Equipment.PointShare share = summary.points().stream().filter(p -> p.borderPoint().equals(point))
                        .findFirst().orElseThrow();
                assertThat(share.laneDays()).isEqualTo(counts.get("lanes"));
                assertThat(share.laneDaysWithReader()).isEqualTo(counts.get("withReader"));
                assertThat(share.equipped()).isEqualTo(counts.get("DEPLOYED") > 0);
            }
        }
        // Retired at the end, so that the readers left broken here are not counted by other tests of the shared database.
        for (String id : ids) {
            if (expected.get(id) != AssetStatus.RETIRED) {
                assertThat(status(admin, id, "RETIRED", "end of the test").status()).isEqualTo(200);
            }
        }
        // A capacity manager sees the point's traffic that day beside its equipment, as counts.
        JsonNode alone = manager().get(BASE + "/availability?borderPoint=" + point).json();
        assertThat(alone.get("arrivals").isNumber()).isTrue();
        assertThat(alone.get("departures").isNumber()).isTrue();
        assertThat(alone.get("lanes").asLong())
                .isEqualTo(recount(admin.get(BASE + "?borderPoint=" + point + "&size=1000").json().get("content")).get("lanes"));
        assertThat(manager().get(BASE + "/availability?borderPoint=" + point + "&day="
                + LocalDate.now(ZoneId.of("Asia/Baghdad")).plusDays(2)).status()).isEqualTo(400);
        assertThat(manager().get(BASE + "/availability").status()).isEqualTo(400);
    }

    @Test
    void tellsYesterdaysReadersFromTheLogNotFromToday() {
        ApiClient admin = new ApiClient(port).asDemoAdmin();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Baghdad"));
        String yesterday = BASE + "/availability?borderPoint=OSM&day=" + today.minusDays(1);
        // Other tests of the shared database may have readers at OSM: the counts are compared, not assumed.
        long yesterdayBefore = admin.get(yesterday).json().get("readers").get("deployed").asLong();
        long before = admin.get(BASE + "/availability?borderPoint=OSM").json().get("readers").get("deployed").asLong();
        String id = register(admin, "type", "DOCUMENT_READER", "serialNumber", serial(), "borderPoint", "OSM",
                "status", "DEPLOYED", "lane", "Z9").get("id").asString();
        long now = admin.get(BASE + "/availability?borderPoint=OSM").json().get("readers").get("deployed").asLong();
        assertThat(now).isEqualTo(before + 1);
        assertThat(admin.get(yesterday).json().get("readers").get("deployed").asLong())
                .as("yesterday, as the log has it, without the reader registered today").isEqualTo(yesterdayBefore);
        assertThat(status(admin, id, "BROKEN", null).status()).isEqualTo(200);
        JsonNode after = admin.get(BASE + "/availability?borderPoint=OSM").json();
        assertThat(after.get("readers").get("deployed").asLong()).isEqualTo(before);
        assertThat(after.get("readers").get("broken").asLong()).isPositive();
        assertThat(status(admin, id, "RETIRED", "end of the test").status()).isEqualTo(200);
    }

    @Test
    void answersTheDashboardPanelToItsViewersInScopeAndNothingToOthers() {
        String path = "/capacity/points/ZRB/equipment-panel";
        for (String viewer : List.of("analyst", "supervisor", "admin", "capacity_manager")) {
            ApiClient.Response r = new ApiClient(port).as(viewer, "manfadh-demo").get(path);
            assertThat(r.status()).as(viewer).isEqualTo(200);
            assertThat(r.body()).as(viewer).contains("data-figure=\"lanes-with-reader\"");
        }
        // The day's travellers per working lane beside the equipment, for the dashboard's viewers and capacity managers.
        assertThat(new ApiClient(port).as("analyst", "manfadh-demo").get(path).body()).contains("data-figure=\"per-lane\"");
        assertThat(new ApiClient(port).as("capacity_manager", "manfadh-demo").get(path).body())
                .contains("data-figure=\"per-lane\"");
        ApiClient kri = account("ANALYST", "KRI", List.of());
        for (ApiClient.Response r : List.of(new ApiClient(port).as("officer", "manfadh-demo").get(path),
                new ApiClient(port).as("supervisor", "manfadh-demo").get("/capacity/points/MNT/equipment-panel"),
                new ApiClient(port).as("analyst", "manfadh-demo").get("/capacity/points/QQQ/equipment-panel"),
                kri.get(path))) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain("data-figure");
        }
    }

    @Test
    void showsABorderPointsManagerOnlyTheStatusesTheyMayReportOnScreen() {
        String id = register(manager(), "type", "DOCUMENT_READER", "serialNumber", serial(), "borderPoint", "ZRB",
                "status", "DEPLOYED", "lane", "E5").get("id").asString();
        ApiClient.Response page = new ApiClient(port).as("supervisor", "manfadh-demo").get("/capacity/equipment/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"status-form\"").contains("value=\"BROKEN\"").contains("value=\"IN_REPAIR\"")
                .doesNotContain("value=\"RETIRED\"").doesNotContain("/check-out").doesNotContain("/maintenance")
                .doesNotContain("/assignment");
        ApiClient.Response list = new ApiClient(port).as("supervisor", "manfadh-demo").get("/capacity/equipment");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain("id=\"register-form\"");
        assertThat(new ApiClient(port).as("supervisor", "manfadh-demo").get("/capacity/premises").status()).isEqualTo(403);
        assertThat(new ApiClient(port).as("analyst", "manfadh-demo").get("/capacity/equipment").status()).isEqualTo(403);
    }

    @Test
    void sumsLanesDayByDayForTheIndicatorsAsTheDaysFiguresSay() {
        ApiClient admin = new ApiClient(port).asDemoAdmin();
        register(admin, "type", "DOCUMENT_READER", "serialNumber", serial(), "borderPoint", "UQS", "status", "DEPLOYED",
                "lane", "Q1");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Baghdad"));
        LocalDate from = today.minusDays(3);
        Equipment.AvailabilitySummary summary = equipment.availability(from, today, "admin");
        long lanes = 0;
        long withReader = 0;
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            JsonNode figures = admin.get(BASE + "/availability?borderPoint=UQS&day=" + day).json();
            lanes += figures.get("lanes").asLong();
            withReader += figures.get("lanesWithWorkingReader").asLong();
        }
        Equipment.PointShare uqs = summary.points().stream().filter(p -> p.borderPoint().equals("UQS")).findFirst()
                .orElseThrow();
        assertThat(uqs.laneDays()).isEqualTo(lanes);
        assertThat(uqs.laneDaysWithReader()).isEqualTo(withReader);
        assertThat(uqs.equipped()).isTrue();
        assertThat(summary.laneDays()).isEqualTo(summary.points().stream().mapToLong(Equipment.PointShare::laneDays).sum());
        assertThat(summary.pointsEquipped()).isEqualTo(summary.points().stream().filter(Equipment.PointShare::equipped).count());
        // A manager of the region counts its points only.
        ApiClient kri = account("CAPACITY_MANAGER", "KRI", List.of());
        assertThat(kri.get("/api/v1/capacity/equipment/availability?borderPoint=UQS").status()).isEqualTo(404);
    }
}
