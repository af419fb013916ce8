package org.manfadh;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Nodes (headquarters, posts) started side by side in one test JVM, each with its own database. */
public final class Nodes {

    private Nodes() {
    }

    /** A node with the test profile; the properties as command-line arguments, so that they win over the profile's. */
    public static ConfigurableApplicationContext start(String... properties) {
        String[] args = Arrays.stream(properties).map(p -> "--" + p).toArray(String[]::new);
        return new SpringApplicationBuilder(ManfadhApplication.class).profiles("test").run(args);
    }

    public static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    /** The demo administrator's client for the node. */
    public static ApiClient admin(ConfigurableApplicationContext node) {
        return new ApiClient(port(node)).asDemoAdmin();
    }

    /**
     * A border point's own administrator at its post: an administrator assigned to the post's border point,
     * as headquarters would create and send it (every role, so that it records, corrects and decides there),
     * made alike at headquarters (when given) and at the post so that the test need not wait for the
     * account feed. A post takes records only from such accounts, and headquarters only such records.
     */
    public static ApiClient pointAdmin(ConfigurableApplicationContext post, ConfigurableApplicationContext hq) {
        String point = post.getBean(org.manfadh.platform.NodeRole.class).borderPoint();
        String authority = "IBK".equals(point) ? "KRI" : "FEDERAL";
        String username = "admin_" + point.toLowerCase(java.util.Locale.ROOT);
        for (ConfigurableApplicationContext node : hq == null ? java.util.List.of(post) : java.util.List.of(hq, post)) {
            synchronized (POINT_ADMINS) {
                if (POINT_ADMINS.computeIfAbsent(node, n -> new java.util.HashSet<>()).contains(username)) {
                    continue;
                }
                ApiClient admin = admin(node);
                if (admin.get("/api/v1/users/" + username).status() == 404) {
                    ApiClient.Response created = admin.post("/api/v1/users", ApiClient.json(java.util.Map.of(
                            "username", username, "password", POINT_ADMIN_PASSWORD,
                            "roles", java.util.List.of("ADMIN", "OFFICER", "SUPERVISOR", "HEALTH_OFFICER"),
                            "jurisdiction", java.util.Map.of("authority", authority,
                                    "borderPoints", java.util.List.of(point)))));
                    assertThat(created.status()).as(created.body()).isEqualTo(201);
                }
                POINT_ADMINS.get(node).add(username);
            }
        }
        return new ApiClient(port(post)).as(username, POINT_ADMIN_PASSWORD);
    }

    /** The border points' administrators made at each node. */
    private static final java.util.Map<ConfigurableApplicationContext, java.util.Set<String>> POINT_ADMINS =
            new java.util.WeakHashMap<>();

    private static final String POINT_ADMIN_PASSWORD = "point-admin-password";

    /** The node's id, as its sync status gives it. */
    public static UUID nodeId(ConfigurableApplicationContext node) {
        return UUID.fromString(admin(node).get("/api/v1/sync/status").json().get("nodeId").asString());
    }

    /**
     * An exported crossing or visa (CrossingReplication's exports) as two nodes hold it alike: without its traveller's
     * first sighting, which headquarters sets itself when a post's traveller first reaches it.
     */
    public static tools.jackson.databind.JsonNode withoutFirstSighting(java.util.Optional<String> exported) {
        tools.jackson.databind.node.ObjectNode record = (tools.jackson.databind.node.ObjectNode)
                tools.jackson.databind.json.JsonMapper.builder().build().readTree(exported.orElseThrow());
        if (record.get("traveller") instanceof tools.jackson.databind.node.ObjectNode traveller) {
            traveller.remove("created_at");
        }
        return record;
    }

    /** Waits up to a minute for what one node does in the background, naming it when it does not happen. */
    public static void eventually(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited a minute for: " + what).isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
