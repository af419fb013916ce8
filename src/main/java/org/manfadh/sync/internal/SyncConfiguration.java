package org.manfadh.sync.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import org.manfadh.platform.UnsafeConfigurationException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class SyncConfiguration {

    /** The demo accounts' published password, which a post outside demo mode never signs in with. */
    static final String DEMO_PASSWORD = "manfadh-demo";

    @Bean
    SyncSettings syncSettings(Environment env) {
        String role = env.getProperty("manfadh.node.role", "hq").strip().toUpperCase(Locale.ROOT);
        SyncSettings.Role parsed;
        try {
            parsed = SyncSettings.Role.valueOf(role);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("manfadh.node.role must be hq or post, not " + role.toLowerCase(Locale.ROOT));
        }
        boolean demo = env.getProperty("manfadh.demo", Boolean.class, false);
        String url = env.getProperty("manfadh.sync.hq-url");
        URI hq = url == null || url.isBlank() ? null : URI.create(url.strip());
        boolean allowHttp = env.getProperty("manfadh.sync.allow-http", Boolean.class, false);
        if (hq != null && !demo && !allowHttp && !"https".equalsIgnoreCase(hq.getScheme()) && !loopback(hq)) {
            throw new UnsafeConfigurationException("manfadh.sync.hq-url must use https: the node's credentials and "
                    + "travellers' records cross the link (plain http only to this machine, or in demo mode), not " + hq,
                    "Give headquarters' https:// address, or set manfadh.sync.allow-http=true where the link is "
                            + "encrypted by other means (a VPN between the post and headquarters).");
        }
        String password = env.getProperty("manfadh.sync.password", demo ? DEMO_PASSWORD : null);
        if (parsed == SyncSettings.Role.POST && !demo && DEMO_PASSWORD.equals(password)) {
            throw new UnsafeConfigurationException("This post would sign in to headquarters with the published demo "
                    + "password (manfadh.sync.password), outside demo mode.",
                    "Set manfadh.sync.username and manfadh.sync.password to the node account headquarters issued "
                            + "for this post (POST /api/v1/sync/nodes at headquarters).");
        }
        return new SyncSettings(parsed, env.getProperty("manfadh.node.border-point"),
                hq,
                env.getProperty("manfadh.sync.interval", Duration.class, Duration.ofSeconds(60)),
                env.getProperty("manfadh.sync.username", demo ? "node" : null),
                password,
                env.getProperty("manfadh.sync.batch-size", Integer.class, 2000),
                env.getProperty("manfadh.sync.timeout", Duration.class, Duration.ofMinutes(2)));
    }

    private static boolean loopback(URI uri) {
        String host = uri.getHost();
        return host != null && (host.equalsIgnoreCase("localhost") || host.equals("::1") || host.equals("[::1]")
                || host.startsWith("127."));
    }
}
