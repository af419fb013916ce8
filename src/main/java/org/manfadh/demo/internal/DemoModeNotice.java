package org.manfadh.demo.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;

/** Says at every start in demo mode that this is the demo, and where it can be reached. */
@Component
@ConditionalOnBooleanProperty("manfadh.demo")
class DemoModeNotice {

    private static final Logger log = LoggerFactory.getLogger(DemoModeNotice.class);

    private final ConfigurableEnvironment environment;

    DemoModeNotice(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    @EventListener
    void serving(WebServerInitializedEvent event) {
        int port = event.getWebServer().getPort();
        if (loopbackByDefault(environment)) {
            log.warn("DEMO MODE: demo accounts with the published password 'manfadh-demo'. Listening on this machine "
                    + "only: http://localhost:{} (set server.address to listen on the network). Production sets "
                    + "manfadh.demo=false.", port);
        } else {
            log.warn("DEMO MODE: demo accounts with the published password 'manfadh-demo', listening on {}:{} as "
                    + "server.address says. Production sets manfadh.demo=false.",
                    environment.getProperty("server.address"), port);
        }
    }

    /** Whether the loopback address is the guard's default rather than a setting given. */
    static boolean loopbackByDefault(ConfigurableEnvironment environment) {
        var defaults = environment.getPropertySources().get(DemoModeGuard.DEFAULTS);
        return defaults != null && defaults.containsProperty("server.address");
    }
}
