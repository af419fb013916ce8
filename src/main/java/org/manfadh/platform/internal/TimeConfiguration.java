package org.manfadh.platform.internal;

import java.time.Clock;
import java.time.Duration;
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

    /**
     * {@code manfadh.clock-offset} shifts this node's clock from the machine's, to try out how a post
     * whose clock is wrong by hours syncs with headquarters; it is zero in any real installation.
     */
    @Bean
    Clock clock(@Value("${manfadh.time-zone:Asia/Baghdad}") ZoneId zone,
                @Value("${manfadh.clock-offset:PT0S}") Duration offset) {
        return offset.isZero() ? Clock.system(zone) : Clock.offset(Clock.system(zone), offset);
    }
}
