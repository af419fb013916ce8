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
        return new SyncSettings(parsed, env.getProperty("manfadh.node.border-point"),
                url == null || url.isBlank() ? null : URI.create(url.strip()),
                env.getProperty("manfadh.sync.interval", Duration.class, Duration.ofSeconds(60)),
                env.getProperty("manfadh.sync.username", demo ? "node" : null),
                env.getProperty("manfadh.sync.password", demo ? "manfadh-demo" : null),
                env.getProperty("manfadh.sync.batch-size", Integer.class, 2000));
    }
}
