package org.manfadh.bordercontrol.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.manfadh.platform.LoggableFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Works out again the stays of travellers whose crossings another node sent (a post's batch at
 * headquarters, a post's records taken back from headquarters). A few hundred travellers at a
 * time, each in its own transaction under the traveller's lock, so that a post catching up on days
 * of records is applied quickly and its stays follow at a steady, modest pace.
 */
@Component
class StayRefresher {

    private static final Logger log = LoggerFactory.getLogger(StayRefresher.class);

    private final JdbcClient jdbc;
    private final Travellers travellers;
    private final StayService stays;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int batch;

    StayRefresher(JdbcClient jdbc, Travellers travellers, StayService stays, TransactionTemplate transaction,
                  Clock clock, MeterRegistry meters,
                  @Value("${manfadh.bordercontrol.stay-refresh.batch:500}") int batch) {
        this.jdbc = jdbc;
        this.travellers = travellers;
        this.stays = stays;
        this.transaction = transaction;
        this.clock = clock;
        this.batch = batch;
        Gauge.builder("manfadh.stays.refresh.backlog", this, StayRefresher::backlog)
                .description("Travellers whose stays wait to be worked out again after another node's crossings")
                .register(meters);
    }

    long backlog() {
        return jdbc.sql("select count(*) from bordercontrol.stay_refresh").query(Long.class).single();
    }

    @Scheduled(fixedDelayString = "${manfadh.bordercontrol.stay-refresh.interval:PT2S}",
            initialDelayString = "${manfadh.bordercontrol.stay-refresh.interval:PT2S}")
    void refreshSome() {
        try {
            refresh(batch);
        } catch (RuntimeException e) {
            log.warn("Stays could not be worked out again; the travellers stay queued", LoggableFailures.of(e));
        }
    }

    /** Works out the stays of up to {@code limit} queued travellers; returns how many. */
    int refresh(int limit) {
        List<UUID> queued = jdbc.sql("select traveller_id from bordercontrol.stay_refresh order by queued_at limit :limit")
                .param("limit", limit).query(UUID.class).list();
        LocalDate today = LocalDate.now(clock);
        for (UUID traveller : queued) {
            transaction.executeWithoutResult(status -> {
                if (jdbc.sql("delete from bordercontrol.stay_refresh where traveller_id = :id").param("id", traveller)
                        .update() == 1 && travellers.find(traveller).isPresent()) {
                    // The lock every change of a traveller's stays takes (recording, visas, merges).
                    travellers.lockTraveller(traveller);
                    stays.rebuild(traveller, today);
                }
            });
        }
        return queued.size();
    }
}
