package org.manfadh.sync.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class SyncConfiguration {

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
        if (hq != null && !demo && !"https".equalsIgnoreCase(hq.getScheme()) && !loopback(hq)) {
            throw new IllegalArgumentException("manfadh.sync.hq-url must use https: the node's credentials and "
                    + "travellers' records cross the link (plain http only to this machine, or in demo mode), not " + hq);
        }
        return new SyncSettings(parsed, env.getProperty("manfadh.node.border-point"),
                hq,
                env.getProperty("manfadh.sync.interval", Duration.class, Duration.ofSeconds(60)),
                env.getProperty("manfadh.sync.username", demo ? "node" : null),
                env.getProperty("manfadh.sync.password", demo ? "manfadh-demo" : null),
                env.getProperty("manfadh.sync.batch-size", Integer.class, 2000),
                env.getProperty("manfadh.sync.timeout", Duration.class, Duration.ofMinutes(2)));
    }

    private static boolean loopback(URI uri) {
        String host = uri.getHost();
        return host != null && (host.equalsIgnoreCase("localhost") || host.equals("::1") || host.equals("[::1]")
                || host.startsWith("127."));
    }
}
