package org.manfadh.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.manfadh.bordercontrol.Passports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;

/**
 * Who may call what: every endpoint of the API, as the server maps it, against every role, and
 * the records of a border point inside and outside the caller's jurisdiction. An endpoint the table
 * below does not list fails the test, so a new endpoint cannot arrive without a decision on who
 * may call it.
 */
@ManfadhIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixIntegrationTests {

    private static final Set<Role> ANYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> BOOTH = EnumSet.of(Role.OFFICER, Role.SUPERVISOR, Role.ADMIN);
    private static final Set<Role> READERS = EnumSet.of(Role.OFFICER, Role.SUPERVISOR, Role.ANALYST, Role.ADMIN);
    private static final Set<Role> SECOND_LINE = EnumSet.of(Role.SUPERVISOR, Role.ADMIN);
    private static final Set<Role> LISTS = EnumSet.of(Role.WATCHLIST_MANAGER, Role.ADMIN);
    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);

    /** An endpoint's callers, and whether its body is validated before the roles are checked. */
    private record Expected(Set<Role> roles, boolean bodyValidatedFirst) {
    }

    private static Expected allow(Set<Role> roles) {
        return new Expected(roles, false);
    }

    /** The request body is checked (@Valid) before the method's roles: a refused role may see a 400 first. */
    private static Expected allowValidated(Set<Role> roles) {
        return new Expected(roles, true);
    }

    private static final Map<String, Expected> TABLE = new TreeMap<>();

    static {
        TABLE.put("GET /api/v1/border-points", allow(ANYONE));
        TABLE.put("GET /api/v1/border-points/{code}", allow(ANYONE));
        TABLE.put("GET /api/v1/governorates", allow(ANYONE));
        TABLE.put("GET /api/v1/countries", allow(ANYONE));
        TABLE.put("GET /api/v1/refusal-reasons", allow(ANYONE));
        TABLE.put("POST /api/v1/documents/mrz", allow(ANYONE));

        TABLE.put("POST /api/v1/crossings", allowValidated(BOOTH));
        TABLE.put("GET /api/v1/crossings", allow(READERS));
        TABLE.put("GET /api/v1/crossings/{id}", allow(EnumSet.of(Role.OFFICER, Role.SUPERVISOR, Role.ANALYST,
                Role.ADMIN, Role.NODE)));
        TABLE.put("POST /api/v1/crossings/{id}/decisions", allowValidated(BOOTH));
        TABLE.put("POST /api/v1/crossings/{id}/corrections", allowValidated(SECOND_LINE));
        TABLE.put("POST /api/v1/crossings/{id}/void", allowValidated(SECOND_LINE));
        TABLE.put("POST /api/v1/sync/batches", allow(EnumSet.of(Role.NODE, Role.ADMIN)));
        TABLE.put("POST /api/v1/sync/audit", allow(EnumSet.of(Role.NODE, Role.ADMIN)));
        TABLE.put("POST /api/v1/sync/push", allow(ADMIN));
        TABLE.put("GET /api/v1/sync/status", allow(EnumSet.of(Role.NODE, Role.ADMIN)));
        TABLE.put("POST /api/v1/sync/feed", allow(EnumSet.of(Role.NODE, Role.ADMIN)));
        TABLE.put("GET /api/v1/sync/watchlists/{id}", allow(EnumSet.of(Role.NODE, Role.ADMIN)));
        TABLE.put("GET /api/v1/sync/records", allow(EnumSet.of(Role.NODE, Role.ADMIN)));
        TABLE.put("POST /api/v1/sync/pull", allow(ADMIN));
        TABLE.put("POST /api/v1/sync/nodes", allow(ADMIN));
        TABLE.put("POST /api/v1/sync/nodes/{username}/revoke", allow(ADMIN));
        TABLE.put("POST /api/v1/groups", allowValidated(BOOTH));
        TABLE.put("GET /api/v1/groups/{id}", allow(BOOTH));
        TABLE.put("POST /api/v1/groups/{id}/close", allow(BOOTH));
        TABLE.put("POST /api/v1/groups/{id}/decision", allowValidated(BOOTH));
        TABLE.put("GET /api/v1/travellers", allow(READERS));
        TABLE.put("GET /api/v1/travellers/{id}", allow(READERS));
        TABLE.put("POST /api/v1/travellers/{id}/visas", allowValidated(BOOTH));
        TABLE.put("GET /api/v1/overstays", allow(READERS));
        TABLE.put("POST /api/v1/travel-documents/{id}/identity/confirm", allowValidated(SECOND_LINE));
        TABLE.put("POST /api/v1/travel-documents/{id}/identity/split", allowValidated(SECOND_LINE));
        TABLE.put("GET /api/v1/visas/{id}", allow(READERS));
        TABLE.put("POST /api/v1/visas/{id}/extensions", allowValidated(SECOND_LINE));
        TABLE.put("GET /api/v1/stay-rules", allow(READERS));
        TABLE.put("POST /api/v1/stay-rules", allowValidated(ADMIN));

        TABLE.put("GET /api/v1/statistics/flows", allow(EnumSet.of(Role.SUPERVISOR, Role.ANALYST, Role.ADMIN)));
        TABLE.put("GET /api/v1/statistics/overstayers", allow(EnumSet.of(Role.SUPERVISOR, Role.ANALYST, Role.ADMIN)));
        TABLE.put("GET /api/v1/statistics/flows/export", allow(EnumSet.of(Role.SUPERVISOR, Role.ANALYST, Role.ADMIN)));
        TABLE.put("GET /api/v1/statistics/overstayers/export", allow(EnumSet.of(Role.SUPERVISOR, Role.ANALYST, Role.ADMIN)));
        TABLE.put("GET /api/v1/statistics/reports/monthly", allow(EnumSet.of(Role.ANALYST, Role.ADMIN)));
        TABLE.put("GET /api/v1/statistics/forecast", allow(EnumSet.of(Role.SUPERVISOR, Role.ANALYST, Role.ADMIN)));
        TABLE.put("GET /api/v1/statistics/surges", allow(EnumSet.of(Role.SUPERVISOR, Role.ANALYST, Role.ADMIN)));
        TABLE.put("GET /api/v1/statistics/hijri-month-starts", allow(READERS));
        TABLE.put("PUT /api/v1/statistics/hijri-month-starts", allow(ADMIN));
        TABLE.put("DELETE /api/v1/statistics/hijri-month-starts/{id}", allow(ADMIN));

        TABLE.put("POST /api/v1/screening/check", allow(EnumSet.of(Role.OFFICER, Role.SUPERVISOR,
                Role.WATCHLIST_MANAGER, Role.ADMIN)));
        TABLE.put("GET /api/v1/screening/hits", allow(SECOND_LINE));
        TABLE.put("GET /api/v1/screening/hits/{id}", allow(SECOND_LINE));
        TABLE.put("POST /api/v1/screening/hits/{id}/adjudication", allow(SECOND_LINE));
        TABLE.put("POST /api/v1/watchlists", allowValidated(LISTS));
        TABLE.put("GET /api/v1/watchlists", allow(EnumSet.of(Role.WATCHLIST_MANAGER, Role.SUPERVISOR, Role.ADMIN)));
        TABLE.put("GET /api/v1/watchlists/{id}", allow(EnumSet.of(Role.WATCHLIST_MANAGER, Role.SUPERVISOR,
                Role.ADMIN)));
        TABLE.put("PATCH /api/v1/watchlists/{id}", allowValidated(LISTS));
        TABLE.put("POST /api/v1/watchlists/{id}/imports", allow(LISTS));
        TABLE.put("GET /api/v1/watchlists/{id}/entries", allow(LISTS));
        TABLE.put("GET /api/v1/watchlists/{id}/entries/{entryId}", allow(LISTS));
        TABLE.put("POST /api/v1/watchlists/{id}/entries", allowValidated(LISTS));
        TABLE.put("POST /api/v1/watchlists/{id}/entries/{entryId}/approve", allow(LISTS));
        TABLE.put("POST /api/v1/watchlists/{id}/entries/{entryId}/remove", allowValidated(LISTS));
        TABLE.put("DELETE /api/v1/watchlists/{id}/entries/{entryId}", allow(LISTS));
        TABLE.put("GET /api/v1/watchlists/{id}/changes", allow(LISTS));
        TABLE.put("GET /api/v1/watchlists/{id}/pending", allow(LISTS));
        TABLE.put("GET /api/v1/watchlists/{id}/pending/{changeId}", allow(LISTS));
        TABLE.put("POST /api/v1/watchlists/{id}/pending/{changeId}/approve", allow(LISTS));
        TABLE.put("POST /api/v1/watchlists/{id}/pending/{changeId}/withdraw", allow(LISTS));

        // health: alerts and rules are the health officer's; the booth reads them and records screenings.
        Set<Role> health = EnumSet.of(Role.HEALTH_OFFICER, Role.ADMIN);
        Set<Role> healthReaders = EnumSet.of(Role.HEALTH_OFFICER, Role.OFFICER, Role.SUPERVISOR, Role.ANALYST,
                Role.ADMIN);
        TABLE.put("GET /api/v1/health/diseases", allow(healthReaders));
        TABLE.put("POST /api/v1/health/alerts", allowValidated(health));
        TABLE.put("GET /api/v1/health/alerts", allow(healthReaders));
        TABLE.put("GET /api/v1/health/alerts/{id}", allow(healthReaders));
        TABLE.put("PATCH /api/v1/health/alerts/{id}", allowValidated(health));
        TABLE.put("GET /api/v1/health/rules", allow(EnumSet.of(Role.HEALTH_OFFICER, Role.OFFICER, Role.SUPERVISOR,
                Role.ADMIN)));
        TABLE.put("POST /api/v1/health/rules", allowValidated(health));
        TABLE.put("GET /api/v1/health/rules/{id}", allow(EnumSet.of(Role.HEALTH_OFFICER, Role.OFFICER,
                Role.SUPERVISOR, Role.ADMIN)));
        TABLE.put("PATCH /api/v1/health/rules/{id}", allowValidated(health));
        TABLE.put("POST /api/v1/health/screenings", allowValidated(EnumSet.of(Role.OFFICER, Role.SUPERVISOR,
                Role.HEALTH_OFFICER, Role.ADMIN)));
        TABLE.put("GET /api/v1/health/screenings/{crossingId}", allow(health));
        TABLE.put("GET /api/v1/health/holds", allow(health));
        TABLE.put("POST /api/v1/health/holds/{crossingId}/decisions", allowValidated(health));
        // health: follow-up and contact tracing are the health officer's
        TABLE.put("GET /api/v1/health/alerts/{id}/follow-up", allow(EnumSet.of(Role.HEALTH_OFFICER, Role.ADMIN)));
        TABLE.put("POST /api/v1/health/follow-ups", allow(EnumSet.of(Role.HEALTH_OFFICER, Role.ADMIN)));
        TABLE.put("GET /api/v1/health/contacts", allow(EnumSet.of(Role.HEALTH_OFFICER, Role.ADMIN)));

        TABLE.put("GET /api/v1/users", allow(ADMIN));
        TABLE.put("GET /api/v1/users/{username}", allow(ADMIN));
        TABLE.put("POST /api/v1/users", allow(ADMIN));
        TABLE.put("PATCH /api/v1/users/{username}", allow(ADMIN));
        TABLE.put("GET /api/v1/audit", allow(ADMIN));
        TABLE.put("GET /api/v1/audit/verify", allow(ADMIN));

        // Health at points of entry: core-capacity self-assessments.
        TABLE.put("GET /api/v1/health/capacity/checklist", allow(EnumSet.of(Role.HEALTH_OFFICER, Role.ADMIN)));
        TABLE.put("POST /api/v1/health/capacity/assessments", allow(EnumSet.of(Role.HEALTH_OFFICER, Role.ADMIN)));
        TABLE.put("GET /api/v1/health/capacity/assessments", allow(EnumSet.of(Role.HEALTH_OFFICER, Role.ADMIN)));
        TABLE.put("GET /api/v1/health/capacity/assessments/{id}", allow(EnumSet.of(Role.HEALTH_OFFICER, Role.ADMIN)));

        // Capacity building: standard operating procedures.
        Set<Role> sops = EnumSet.of(Role.CAPACITY_MANAGER, Role.ADMIN);
        for (String endpoint : List.of("POST /api/v1/capacity/sops", "GET /api/v1/capacity/sops",
                "GET /api/v1/capacity/sops/{id}", "GET /api/v1/capacity/sops/{id}/versions/{version}",
                "POST /api/v1/capacity/sops/{id}/versions", "POST /api/v1/capacity/sops/{id}/retire",
                "POST /api/v1/capacity/sops/{id}/adoptions", "GET /api/v1/capacity/sops/{id}/adoptions",
                "GET /api/v1/capacity/sops/adoption", "POST /api/v1/capacity/sops/{id}/audits",
                "GET /api/v1/capacity/sops/{id}/audits", "GET /api/v1/capacity/sops/{id}/audits/{auditId}")) {
            TABLE.put(endpoint, allow(sops));
        }
        // Capacity building: the programme's indicators and its report.
        TABLE.put("GET /api/v1/capacity/indicators", allow(EnumSet.of(Role.CAPACITY_MANAGER, Role.ADMIN)));
        TABLE.put("GET /api/v1/capacity/programme", allow(EnumSet.of(Role.CAPACITY_MANAGER, Role.ADMIN)));
        TABLE.put("GET /api/v1/capacity/programme/export", allow(EnumSet.of(Role.CAPACITY_MANAGER, Role.ADMIN)));
        // capacity: equipment and premises. A border point's manager reads their point's equipment and reports its status.
        Set<Role> capacityManagers = EnumSet.of(Role.CAPACITY_MANAGER, Role.ADMIN);
        Set<Role> equipmentReaders = EnumSet.of(Role.CAPACITY_MANAGER, Role.ADMIN, Role.SUPERVISOR);
        TABLE.put("POST /api/v1/capacity/equipment", allow(capacityManagers));
        TABLE.put("GET /api/v1/capacity/equipment", allow(equipmentReaders));
        TABLE.put("GET /api/v1/capacity/equipment/availability", allow(equipmentReaders));
        TABLE.put("GET /api/v1/capacity/equipment/{id}", allow(equipmentReaders));
        TABLE.put("POST /api/v1/capacity/equipment/{id}/status", allow(equipmentReaders));
        TABLE.put("POST /api/v1/capacity/equipment/{id}/assignment", allow(capacityManagers));
        TABLE.put("POST /api/v1/capacity/equipment/{id}/check-out", allow(capacityManagers));
        TABLE.put("POST /api/v1/capacity/equipment/{id}/check-in", allow(capacityManagers));
        TABLE.put("POST /api/v1/capacity/equipment/{id}/maintenance", allow(capacityManagers));
        TABLE.put("POST /api/v1/capacity/premises", allow(capacityManagers));
        TABLE.put("GET /api/v1/capacity/premises", allow(capacityManagers));
        TABLE.put("GET /api/v1/capacity/premises/{id}", allow(capacityManagers));
        TABLE.put("POST /api/v1/capacity/premises/{id}/status", allow(capacityManagers));
        TABLE.put("POST /api/v1/capacity/premises/{id}/milestones/{ordinal}/done", allow(capacityManagers));
        TABLE.put("POST /api/v1/capacity/premises/{id}/spend", allow(capacityManagers));
        // capacity, training: the training directorate's (capacity manager) and administrators'.
        Set<Role> training = EnumSet.of(Role.CAPACITY_MANAGER, Role.ADMIN);
        TABLE.put("POST /api/v1/capacity/courses", allowValidated(training));
        TABLE.put("GET /api/v1/capacity/courses", allow(training));
        TABLE.put("GET /api/v1/capacity/courses/{id}", allow(training));
        TABLE.put("PATCH /api/v1/capacity/courses/{id}", allowValidated(training));
        TABLE.put("POST /api/v1/capacity/sessions", allowValidated(training));
        TABLE.put("GET /api/v1/capacity/sessions", allow(training));
        TABLE.put("GET /api/v1/capacity/sessions/{id}", allow(training));
        TABLE.put("POST /api/v1/capacity/sessions/{id}/cancel", allow(training));
        TABLE.put("POST /api/v1/capacity/sessions/{id}/participants", allowValidated(training));
        TABLE.put("GET /api/v1/capacity/sessions/{id}/participants", allow(training));
        TABLE.put("PATCH /api/v1/capacity/sessions/{id}/participants/{participantId}", allowValidated(training));
        TABLE.put("GET /api/v1/capacity/sessions/{id}/attendance", allow(training));
        TABLE.put("PUT /api/v1/capacity/sessions/{id}/attendance", allow(training));
        TABLE.put("POST /api/v1/capacity/sessions/{id}/certificates", allow(training));
        TABLE.put("GET /api/v1/capacity/sessions/{id}/certificates", allow(training));
        TABLE.put("POST /api/v1/capacity/certificates/{id}/revoke", allow(training));
        TABLE.put("GET /api/v1/capacity/people/{id}", allow(training));
        TABLE.put("GET /api/v1/capacity/refreshers", allow(training));
        TABLE.put("POST /api/v1/capacity/sessions/{id}/evaluations", allowValidated(training));
        TABLE.put("GET /api/v1/capacity/sessions/{id}/evaluations", allow(training));
        TABLE.put("POST /api/v1/capacity/sessions/{id}/roster", allow(training));
    }

    /** One demo account a role; admin holds every role. */
    private static final Map<Role, String> ACCOUNTS = new LinkedHashMap<>();

    static {
        for (Role role : Role.values()) {
            ACCOUNTS.put(role, role.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** The API's endpoints as mapped ("METHOD /pattern") with their handler methods. */
    private Map<String, HandlerMethod> endpoints() {
        Map<String, HandlerMethod> found = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            for (String pattern : e.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    found.put(m.name() + " " + pattern, e.getValue());
                }
            }
        }
        return found;
    }

    @Test
    void expectsEveryEndpointOfTheApiAndNoOther() {
        assertThat(endpoints().keySet()).as("endpoints without an expectation in the table, or gone")
                .containsExactlyInAnyOrderElementsOf(TABLE.keySet());
    }

    private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");

    @Test
    void declaresForEachEndpointTheRolesTheTableExpects() {
        Map<String, Set<Role>> declared = new TreeMap<>();
        Map<String, Set<Role>> expected = new TreeMap<>();
        endpoints().forEach((endpoint, handler) -> {
            Method method = handler.getMethod();
            PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
            if (rule == null) {
                rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            if (rule == null) {
                roles.addAll(ANYONE);
            } else {
                Matcher m = ROLE.matcher(rule.value());
                while (m.find()) {
                    roles.add(Role.valueOf(m.group(1)));
                }
            }
            declared.put(endpoint, roles);
            expected.put(endpoint, TABLE.containsKey(endpoint) ? TABLE.get(endpoint).roles() : Set.of());
        });

        assertThat(declared).isEqualTo(expected);
    }

    private ApiClient.Response call(String username, String method, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        return new ApiClient(port).as(username, "manfadh-demo").send(request);
    }

    private static String fill(String pattern) {
        return pattern.replace("{id}", UUID.randomUUID().toString())
                .replace("{crossingId}", UUID.randomUUID().toString())
                .replace("{entryId}", UUID.randomUUID().toString())
                .replace("{changeId}", UUID.randomUUID().toString())
                .replace("{username}", "nobody-here").replace("{code}", "ZRB")
                .replace("{version}", "1")
                .replace("{ordinal}", "1")
                .replace("{participantId}", UUID.randomUUID().toString())
                .replace("{auditId}", UUID.randomUUID().toString());
    }

    @Test
    void answersEveryRoleAsTheTableSays() {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Expected> row : TABLE.entrySet()) {
            String method = row.getKey().substring(0, row.getKey().indexOf(' '));
            String path = fill(row.getKey().substring(row.getKey().indexOf(' ') + 1));
            for (Map.Entry<Role, String> account : ACCOUNTS.entrySet()) {
                // admin holds every role, so it is let in wherever ADMIN is.
                boolean allowed = row.getValue().roles().contains(account.getKey());
                int status = call(account.getValue(), method, path).status();
                boolean ok = allowed ? status != 401 && status != 403
                        : status == 403 || row.getValue().bodyValidatedFirst() && status == 400;
                if (!ok) {
                    wrong.add(row.getKey() + " as " + account.getValue() + ": " + status
                            + (allowed ? " (expected to be let in)" : " (expected 403)"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    // --- jurisdiction: a record at Zurbatiyah (federal) and one at Ibrahim Khalil (KRI) ------------

    private final Map<String, JsonNode> records = new TreeMap<>();

    private static String number() {
        return Passports.number('M');
    }

    private JsonNode crossingAt(String point) {
        StringBuilder surname = new StringBuilder("MATRIX");
        for (int i = 0; i < 8; i++) {
            surname.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        LocalDate today = LocalDate.now();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("borderPoint", point);
        body.put("direction", "ENTRY");
        body.put("mrz", Passports.td3(number(), surname.toString(), "RANA", "JOR", LocalDate.of(1990, 1, 1)));
        body.put("decision", "REFERRED");
        body.put("visa", Map.of("number", "V" + number(), "type", "E_VISA", "validFrom", today.toString(),
                "validUntil", today.plusDays(60).toString(), "permittedStayDays", 30));
        ApiClient.Response r = new ApiClient(port).asDemoAdmin().post("/api/v1/crossings", ApiClient.json(body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private String groupAt(String point) {
        String id = UUID.randomUUID().toString();
        ApiClient.Response r = new ApiClient(port).asDemoAdmin().post("/api/v1/groups", ApiClient.json(Map.of(
                "id", id, "borderPoint", point, "direction", "ENTRY", "kind", "BUS")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return id;
    }

    @BeforeAll
    void recordsAtBothAuthorities() {
        records.put("ZRB", crossingAt("ZRB"));
        records.put("IBK", crossingAt("IBK"));
    }

    /** user, the record's border point, and the status expected for each read. */
    private record Case(String user, String point, int status) {
    }

    private static final List<Case> CASES = List.of(
            new Case("officer", "ZRB", 200), new Case("officer", "IBK", 404),
            new Case("supervisor", "ZRB", 200), new Case("supervisor", "IBK", 404),
            new Case("officer_kri", "ZRB", 404), new Case("officer_kri", "IBK", 200),
            new Case("analyst", "ZRB", 200), new Case("analyst", "IBK", 200),
            new Case("admin", "ZRB", 200), new Case("admin", "IBK", 200));

    @Test
    void readsARecordOnlyInsideTheCallersJurisdiction() {
        List<String> wrong = new ArrayList<>();
        for (Case c : CASES) {
            JsonNode crossing = records.get(c.point());
            Map<String, String> reads = new LinkedHashMap<>();
            reads.put("crossing", "/api/v1/crossings/" + crossing.get("id").asString());
            reads.put("traveller", "/api/v1/travellers/" + crossing.get("travellerId").asString());
            reads.put("visa", "/api/v1/visas/" + crossing.get("visaId").asString());
            for (Map.Entry<String, String> read : reads.entrySet()) {
                int status = new ApiClient(port).as(c.user(), "manfadh-demo").get(read.getValue()).status();
                if (status != c.status()) {
                    wrong.add(read.getKey() + " at " + c.point() + " as " + c.user() + ": " + status + ", expected "
                            + c.status());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void worksOnARecordOnlyInsideTheCallersJurisdiction() {
        Set<String> wrong = new TreeSet<>();
        for (Case c : CASES) {
            if (c.user().equals("analyst")) {
                continue; // reads only
            }
            ApiClient client = new ApiClient(port).as(c.user(), "manfadh-demo");
            String group = groupAt(c.point());
            int groupRead = client.get("/api/v1/groups/" + group).status();
            int decision = client.post("/api/v1/crossings/" + records.get(c.point()).get("id").asString()
                    + "/decisions", "{\"decision\":\"REFUSED\",\"reasonCode\":\"Z\"}").status();
            int recordHere = client.post("/api/v1/groups", ApiClient.json(Map.of("id", UUID.randomUUID().toString(),
                    "borderPoint", c.point(), "direction", "EXIT", "kind", "FAMILY"))).status();
            boolean inside = c.status() == 200;
            if (groupRead != (inside ? 200 : 404)) {
                wrong.add("group at " + c.point() + " as " + c.user() + ": " + groupRead);
            }
            // Inside: the decision is looked at (and this one refused for its unknown reason); outside: not found.
            if (inside ? decision == 404 || decision == 403 : decision != 404) {
                wrong.add("decision at " + c.point() + " as " + c.user() + ": " + decision);
            }
            if (recordHere != (inside ? 201 : 403)) {
                wrong.add("new group at " + c.point() + " as " + c.user() + ": " + recordHere);
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * The screens of two-factor sign-in: everyone signed in, whatever their roles, opens and sets up
     * their own factor; nobody else does, and the sign-in's second step is nothing without a first.
     */
    @Test
    void letsEverySignedInRoleSetUpOnlyTheirOwnSecondFactor() {
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            if (role == Role.NODE) {
                continue; // a post's node account signs in to the API only
            }
            String username = role.name().toLowerCase(java.util.Locale.ROOT);
            ScreenSession browser = new ScreenSession(port);
            browser.signIn(username, "manfadh-demo");
            ScreenSession.Page own = browser.get("/account/two-factor");
            if (own.status() != 200 || !own.body().contains(">" + username + "<")) {
                wrong.add(username + " opening /account/two-factor: " + own.status());
            }
        }
        ScreenSession stranger = new ScreenSession(port);
        stranger.get("/login");
        for (String path : List.of("/account/two-factor", "/login/code", "/login/enrol")) {
            ScreenSession.Page page = stranger.get(path);
            if (page.status() != 302 || !page.location().endsWith("/login")) {
                wrong.add("anonymous GET " + path + ": " + page.status() + " " + page.location());
            }
        }
        for (String path : List.of("/account/two-factor", "/account/two-factor/confirm", "/login/code",
                "/login/enrol")) {
            ScreenSession.Page page = stranger.post(path, Map.of("code", "123456"));
            if (page.status() != 302 || !page.location().endsWith("/login")) {
                wrong.add("anonymous POST " + path + ": " + page.status() + " " + page.location());
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(jdbc.sql("select count(*) from access.two_factor where username in ('analyst', 'officer')")
                .query(Long.class).single()).isZero();
    }
}
