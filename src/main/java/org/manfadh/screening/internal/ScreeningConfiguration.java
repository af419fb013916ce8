package org.manfadh.screening.internal;

import org.manfadh.screening.NameKeys;
import org.manfadh.screening.matching.WatchlistIndex;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The one place the index is chosen; the stored lists feed whichever index this answers. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ScreeningConfiguration {

    @Bean
    LearntModel transliterationModel() {
        return new LearntModel();
    }

    @Bean
    WatchlistIndex watchlistIndex(LearntModel model) {
        return new DeferredIndex(model);
    }

    @Bean
    NameKeys nameKeys(LearntModel model) {
        return new SearchNameKeys(model);
    }
}
