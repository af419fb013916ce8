package org.manfadh.platform.internal;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole application, in the zone border days are counted in (Asia/Baghdad by
 * default): "today" for document expiry and stays is a local day, not a UTC one.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    Clock clock(@Value("${manfadh.time-zone:Asia/Baghdad}") ZoneId zone) {
        return Clock.system(zone);
    }
}
