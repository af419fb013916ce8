package org.manfadh.demo.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.manfadh.platform.UnsafeConfigurationException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertyResolver;

/**
 * Demo mode cannot reach production by accident. With no database configured, Manfadh is the demo
 * ({@code manfadh.demo=true}: demo accounts with a published password) and listens on this machine
 * only unless {@code server.address} says otherwise. With an external database
 * ({@code spring.datasource.url}), demo mode is never assumed: {@code manfadh.demo} must be set,
 * {@code false} for production or {@code true} for a demo on that database, or the start is refused.
 */
class DemoModeGuard implements EnvironmentPostProcessor {

    /** Where the defaults this guard decides are kept: below every setting given. */
    static final String DEFAULTS = "manfadhDemoModeDefaults";

    static final String LOOPBACK = "127.0.0.1";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = defaults(environment);
        if (!defaults.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(DEFAULTS, defaults));
        }
    }

    /** The settings to add to those given; refuses an external database with demo mode left implicit. */
    static Map<String, Object> defaults(PropertyResolver settings) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        String datasource = settings.getProperty("spring.datasource.url", "");
        boolean demo;
        if (settings.containsProperty("manfadh.demo")) {
            demo = settings.getProperty("manfadh.demo", Boolean.class, false);
        } else if (!datasource.isBlank()) {
            throw new UnsafeConfigurationException("An external database is configured (spring.datasource.url="
                    + withoutCredentials(datasource) + ") but manfadh.demo is not set. Demo mode creates accounts "
                    + "whose password is published, so it is not assumed on a real database.",
                    "Set manfadh.demo=false for production (with manfadh.demo.data=false, and "
                            + "manfadh.admin.initial-password for the first administrator), or manfadh.demo=true "
                            + "to run the demo on this database on purpose.");
        } else {
            demo = true;
            defaults.put("manfadh.demo", "true");
        }
        if (demo && !settings.containsProperty("server.address")) {
            defaults.put("server.address", LOOPBACK);
        }
        return defaults;
    }

    /** A JDBC URL may carry a user and password in its query; the message needs neither. */
    static String withoutCredentials(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?…";
    }
}
