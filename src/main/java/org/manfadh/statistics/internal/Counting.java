package org.manfadh.statistics.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.manfadh.bordercontrol.FlowFacts;
import org.manfadh.health.HealthOutcomes;
import org.manfadh.screening.HitOutcomes;
import org.manfadh.screening.HitStatus;
import org.springframework.stereotype.Component;

/**
 * Brings crossings' counts up to date with the register: each crossing is counted in the cell its
 * facts put it in now, once, and a change moves it (a correction of its border point, time or
 * purpose, a later decision, a verdict on its hit, its health screening or a decision on its health hold) or
 * takes it out (a void). Looking again at a
 * crossing that has not changed changes nothing, so any order and any repetition of announcements
 * gives the same counts as a recount.
 */
@Component
class Counting {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Counting.class);

    private final FlowFacts facts;
    private final HitOutcomes hits;
    private final HealthOutcomes health;
    private final Rollups rollups;
    private final ZoneId zone;

    Counting(FlowFacts facts, HitOutcomes hits, HealthOutcomes health, Rollups rollups, Clock clock) {
        this.facts = facts;
        this.hits = hits;
        this.health = health;
        this.rollups = rollups;
        this.zone = clock.getZone();
    }

    /** In the caller's transaction: the crossings' counts as their facts now stand. */
    void update(Collection<UUID> crossingIds) {
        if (crossingIds.isEmpty()) {
            return;
        }
        // In id order, as the counted rows are locked, so that two transactions never wait on each other in a circle.
        Set<UUID> ids = new TreeSet<>(crossingIds);
        long started = System.nanoTime();
        for (List<UUID> chunk : chunks(List.copyOf(ids), 10_000)) {
            updateChunk(chunk);
        }
        if (ids.size() >= 1_000) {
            log.info("Flow counts of {} crossings brought up to date in {} ms", ids.size(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void updateChunk(List<UUID> ids) {
        Map<UUID, HitStatus> outcomes = hits.of(ids);
        Map<UUID, HealthOutcomes.Counted> screened = health.of(ids);
        Map<UUID, Cell> wanted = new HashMap<>();
        for (FlowFacts.Fact f : facts.of(ids)) {
            Cell cell = Cell.of(f, outcomes.get(f.crossingId()), screened.get(f.crossingId()), zone);
            if (cell != null) {
                wanted.put(f.crossingId(), cell);
            }
        }
        Map<UUID, Cell> counted = rollups.lockCounted(ids);
        Map<UUID, Cell> fresh = new HashMap<>();
        for (UUID id : ids) {
            if (!counted.containsKey(id) && wanted.containsKey(id)) {
                fresh.put(id, wanted.get(id));
            }
        }
        Set<UUID> inserted = rollups.insertCounted(fresh);
        if (inserted.size() < fresh.size()) {
            // Another transaction counted some of them first and has committed: move from where it counted them.
            Set<UUID> raced = new HashSet<>(fresh.keySet());
            raced.removeAll(inserted);
            counted.putAll(rollups.lockCounted(raced));
        }
        List<Rollups.Change> changes = new ArrayList<>();
        Map<UUID, Cell> moved = new HashMap<>();
        List<UUID> gone = new ArrayList<>();
        for (UUID id : ids) {
            Cell now = wanted.get(id);
            if (inserted.contains(id)) {
                changes.add(new Rollups.Change(now, 1));
                continue;
            }
            Cell before = counted.get(id);
            if (before == null || before.equals(now)) {
                continue;
            }
            changes.add(new Rollups.Change(before, -1));
            if (now == null) {
                gone.add(id);
            } else {
                moved.put(id, now);
                changes.add(new Rollups.Change(now, 1));
            }
        }
        rollups.updateCounted(moved);
        rollups.deleteCounted(gone);
        rollups.append(changes);
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            out.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return out;
    }
}
