package org.manfadh.statistics.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** How the statistics are kept and shared ({@code manfadh.statistics.*}). */
@Component
class StatisticsSettings {

    private final int threshold;

    StatisticsSettings(@Value("${manfadh.statistics.disclosure.threshold:5}") int threshold) {
        if (threshold < 1) {
            throw new IllegalStateException("manfadh.statistics.disclosure.threshold must be 1 or more, not " + threshold);
        }
        this.threshold = threshold;
    }

    /** The smallest count a shared table shows. */
    int threshold() {
        return threshold;
    }
}
