package org.manfadh.bordercontrol.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.manfadh.platform.LoggableFailures;
import org.manfadh.screening.NameKeys;
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
 * The keys travellers are found by name with (see {@link NameKeys}), worked out by this node from
 * the names it holds and never taken from another node. A traveller recorded here is keyed in the
 * transaction that records them; every other traveller (applied from a post's batch, taken back
 * from headquarters, merged, copied in with a backlog, or here before the keys existed) is queued by
 * a trigger and keyed in the background, a batch at a time.
 */
@Component
public class TravellerNameKeys {

    private static final Logger log = LoggerFactory.getLogger(TravellerNameKeys.class);

    private final JdbcClient jdbc;
    private final NameKeys nameKeys;
    private final TransactionTemplate transaction;
    private final int batch;
    private final int batchesATurn;

    TravellerNameKeys(JdbcClient jdbc, NameKeys nameKeys, TransactionTemplate transaction, MeterRegistry meters,
                      @Value("${manfadh.bordercontrol.name-keys.batch:1000}") int batch,
                      @Value("${manfadh.bordercontrol.name-keys.batches-a-turn:20}") int batchesATurn) {
        this.jdbc = jdbc;
        this.nameKeys = nameKeys;
        this.transaction = transaction;
        this.batch = batch;
        this.batchesATurn = batchesATurn;
        Gauge.builder("manfadh.travellers.name-keys.backlog", this, TravellerNameKeys::backlog)
                .description("Travellers whose name keys wait to be worked out")
                .register(meters);
    }

    private record Names(UUID id, String surname, String givenNames, String nameOriginal) {

        List<String> all() {
            List<String> names = new ArrayList<>(2);
            names.add(surname + " " + givenNames);
            if (nameOriginal != null && !nameOriginal.isBlank()) {
                names.add(nameOriginal);
            }
            return names;
        }
    }

    /** Keys the traveller now, in the caller's transaction: a traveller just recorded is found at once. */
    void keyNow(UUID travellerId, String surname, String givenNames, String nameOriginal) {
        write(List.of(new Names(travellerId, surname, givenNames, nameOriginal)));
    }

    public long backlog() {
        return jdbc.sql("select count(*) from bordercontrol.name_key_refresh").query(Long.class).single();
    }

    @Scheduled(fixedDelayString = "${manfadh.bordercontrol.name-keys.interval:PT1S}",
            initialDelayString = "${manfadh.bordercontrol.name-keys.interval:PT1S}")
    void refreshSome() {
        try {
            for (int i = 0; i < batchesATurn && refresh(batch) == batch; i++) {
                // a backlog (a post's days offline, the travellers here before the keys) drains a turn at a time
            }
        } catch (RuntimeException e) {
            log.warn("Name keys could not be worked out; the travellers stay queued", LoggableFailures.of(e));
        }
    }

    /**
     * Keys up to {@code limit} queued travellers in one transaction; answers how many. Travellers
     * another transaction is keying are passed over; a traveller whose names change meanwhile is
     * queued again once that transaction ends.
     */
    int refresh(int limit) {
        nameKeys.keysOf(List.of()); // the first call waits for the model: not while holding locks
        Integer done = transaction.execute(status -> {
            List<Names> queued = jdbc.sql("""
                    select t.id, t.surname, t.given_names, t.name_original
                      from bordercontrol.name_key_refresh q
                      join bordercontrol.traveller t on t.id = q.traveller_id
                     order by q.queued_at
                     limit :limit
                       for update of q skip locked
                    """).param("limit", limit)
                    .query((rs, n) -> new Names(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4))).list();
            write(queued);
            return queued.size();
        });
        return done == null ? 0 : done;
    }

    /** Works through the whole queue, including travellers queued while it works; answers how many. */
    public int catchUp() {
        int total = 0;
        while (backlog() > 0) {
            int done = refresh(batch);
            total += done;
            if (done == 0) {
                try {
                    Thread.sleep(20); // the rest is being keyed by another transaction
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return total;
                }
            }
        }
        return total;
    }

    private void write(List<Names> travellers) {
        if (travellers.isEmpty()) {
            return;
        }
        UUID[] ids = new UUID[travellers.size()];
        String[] keys = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            Names t = travellers.get(i);
            ids[i] = t.id();
            // keys are letters and digits: a space separates them on the way in
            keys[i] = String.join(" ", nameKeys.keysOf(t.all()));
        }
        jdbc.sql("""
                insert into bordercontrol.traveller_name_keys (traveller_id, keys)
                select id, string_to_array(k, ' ') from unnest(cast(:ids as uuid[]), cast(:keys as text[])) as x(id, k)
                on conflict (traveller_id) do update set keys = excluded.keys
                """).param("ids", ids).param("keys", keys).update();
        jdbc.sql("delete from bordercontrol.name_key_refresh where traveller_id = any(:ids)")
                .param("ids", ids).update();
    }
}
