package org.manfadh.statistics.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.manfadh.access.Accounts;
import org.manfadh.access.ReadScope;
import org.manfadh.access.SharedData;
import org.manfadh.platform.Rejection;
import org.manfadh.statistics.SurgeAlerts;
import org.springframework.stereotype.Service;

/** The surges raised, as the caller's jurisdiction (and what the other authority shares of its counts) lets them see. */
@Service
class SurgeLog implements SurgeAlerts {

    static final int MAX_DAYS = 400;

    private final SurgeRecords records;
    private final Accounts accounts;

    SurgeLog(SurgeRecords records, Accounts accounts) {
        this.records = records;
        this.accounts = accounts;
    }

    @Override
    public List<Surge> between(LocalDate from, LocalDate to, String username) {
        if (from == null || to == null) {
            throw Rejection.invalidFields(java.util.stream.Stream.of(
                            from == null ? new Rejection.Field("from", "required: YYYY-MM-DD") : null,
                            to == null ? new Rejection.Field("to", "required: YYYY-MM-DD") : null)
                    .filter(java.util.Objects::nonNull).toList());
        }
        if (to.isBefore(from)) {
            throw Rejection.invalidField("to", "must not be before from (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw Rejection.invalidField("to", "at most " + MAX_DAYS + " days from from");
        }
        ReadScope scope = accounts.readScope(username, SharedData.AGGREGATES);
        if (!scope.everywhere() && scope.borderPoints().isEmpty()) {
            return List.of();
        }
        return records.between(from, to, scope.borderPointsOrNull());
    }
}
