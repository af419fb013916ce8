package org.manfadh.screening.internal;

import org.manfadh.screening.matching.WatchlistIndex;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The one place the index is chosen; the stored lists feed whichever index this answers. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ScreeningConfiguration {

    @Bean
    WatchlistIndex watchlistIndex() {
        return new DeferredIndex();
    }
}
