package org.manfadh;

import java.util.Arrays;

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
}
