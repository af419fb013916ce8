package org.manfadh.screening.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.manfadh.access.ReadScope;
import org.manfadh.platform.Rejection;
import org.manfadh.referencedata.Authority;
import org.manfadh.platform.Ids;
import org.manfadh.platform.NodeIdentity;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import org.manfadh.screening.AdmissionBar;
import org.manfadh.screening.Hit;
import org.manfadh.screening.HitAdjudicated;
import org.manfadh.screening.HitStatus;
import org.manfadh.screening.Hits;
import org.manfadh.screening.Verdict;
import org.manfadh.screening.ActionOnHit;
import org.manfadh.screening.Screening;
import org.manfadh.screening.ScreeningMatch;
import org.manfadh.screening.ScreeningOutcome;
import org.manfadh.screening.ScreeningResult;
import org.manfadh.screening.ScreeningSubject;
import org.manfadh.screening.internal.ListDirectory.EntryInfo;
import org.manfadh.screening.internal.ListDirectory.ListInfo;
import org.manfadh.screening.matching.Contribution;
import org.manfadh.screening.matching.DocumentMatch;
import org.manfadh.screening.matching.NameMatch;
import org.manfadh.screening.matching.PartialDate;
import org.manfadh.screening.matching.PersonQuery;
import org.manfadh.screening.matching.WatchlistIndex;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screens travellers against every list in force: names through the index, document numbers
 * against the lost and stolen documents, each match judged by its own list's thresholds. For a
 * crossing, the screening and its hits are stored in the crossing's transaction; a supervisor's
 * adjudication of a hit is stored beside it, never over it.
 */
@Service
class ScreeningService implements Screening, Hits {

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    /** More than this many matches help nobody at a booth; the best ones are kept. */
    static final int MAX_MATCHES = 10;

    private final WatchlistIndex index;
    private final ListDirectory directory;
    private final ScreeningRecords records;
    private final NodeIdentity node;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ScreeningService(WatchlistIndex index, ListDirectory directory, ScreeningRecords records, NodeIdentity node,
                     ApplicationEventPublisher events, Clock clock) {
        this.index = index;
        this.directory = directory;
        this.records = records;
        this.node = node;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public ScreeningResult check(ScreeningSubject subject) {
        List<ScreeningMatch> found = matches(subject, list -> true).matches();
        return new ScreeningResult(null, outcome(found), found, List.of(), clock.instant());
    }

    /**
     * A check against the lists one authority's officers screen against (every list when
     * {@code authority} is null: a national account): a list it may not see neither shows its
     * matches nor raises the outcome.
     */
    @Override
    public ScreeningResult check(ScreeningSubject subject, Authority authority) {
        List<ScreeningMatch> found = matches(subject,
                list -> authority == null || list.authority().visibleTo(authority)).matches();
        return new ScreeningResult(null, outcome(found), found, List.of(), clock.instant());
    }

    /** Matches best first, with the entries they name as read for them (read once a check). */
    record Found(List<ScreeningMatch> matches, Map<UUID, EntryInfo> entries) {
    }

    /** The matches of a subject at or above its list's possible-match threshold, best first. */
    Found matches(ScreeningSubject subject, Predicate<ListInfo> screened) {
        Map<UUID, Candidate> best = new LinkedHashMap<>();
        double floor = directory.lowestPossibleMatchThreshold();
        PartialDate dateOfBirth = PartialDate.parse(subject.dateOfBirth()).orElse(null);
        String nationality = upper(subject.nationality());
        List<PersonQuery> queries = new ArrayList<>(2);
        if (present(subject.fullName()) || present(subject.surname()) || present(subject.givenNames())) {
            queries.add(new PersonQuery(blankToNull(subject.fullName()), blankToNull(subject.surname()),
                    blankToNull(subject.givenNames()), dateOfBirth, nationality, subject.sex(),
                    blankToNull(subject.documentNumber())));
        }
        if (present(subject.nameOriginalScript())) {
            queries.add(new PersonQuery(subject.nameOriginalScript().strip(), null, null, dateOfBirth, nationality,
                    subject.sex(), blankToNull(subject.documentNumber())));
        }
        for (PersonQuery query : queries) {
            for (NameMatch m : index.matchPersons(query, floor, MAX_MATCHES * 2)) {
                best.merge(m.entryId(), Candidate.of(m), (a, b) -> a.score() >= b.score() ? a : b);
            }
        }
        if (present(subject.documentNumber())) {
            for (DocumentMatch d : index.matchDocuments(subject.documentNumber().strip(), upper(subject.issuingState()))) {
                best.merge(d.entryId(), Candidate.of(d, upper(subject.issuingState())),
                        (a, b) -> a.score() >= b.score() ? a : b);
            }
        }
        if (best.isEmpty()) {
            return new Found(List.of(), Map.of());
        }
        Map<UUID, EntryInfo> entries = directory.entries(best.keySet());
        Map<UUID, Optional<ListInfo>> lists = new HashMap<>();
        List<ScreeningMatch> found = new ArrayList<>();
        for (Candidate c : best.values()) {
            ListInfo list = lists.computeIfAbsent(c.listId(), directory::list).orElse(null);
            EntryInfo entry = entries.get(c.entryId());
            if (list == null || entry == null) {
                continue; // removed between the index look-up and now
            }
            if (!screened.test(list)) {
                continue;
            }
            ScreeningOutcome level = c.forcedLevel() != null ? c.forcedLevel()
                    : c.score() >= list.hitThreshold() ? ScreeningOutcome.HIT
                    : c.score() >= list.possibleMatchThreshold() ? ScreeningOutcome.POSSIBLE_MATCH
                    : ScreeningOutcome.CLEAR;
            if (level == ScreeningOutcome.CLEAR) {
                continue;
            }
            found.add(new ScreeningMatch(list.id(), list.name(), list.kind(), list.actionOnHit(), entry.id(),
                    entry.externalId(), c.name() != null ? c.name() : entry.name(), round(c.score()), level,
                    c.matchedOn(), c.explanation(), null, null));
        }
        found.sort(Comparator.comparing((ScreeningMatch m) -> m.level().ordinal()).reversed()
                .thenComparing(Comparator.comparingDouble(ScreeningMatch::score).reversed()));
        return new Found(found.size() > MAX_MATCHES ? List.copyOf(found.subList(0, MAX_MATCHES)) : found, entries);
    }

    @Override
    @Transactional
    public ScreeningResult screenCrossing(UUID crossingId, UUID travellerId, ScreeningSubject subject,
                                          boolean possibleMatchesReviewed, String officer, String borderPoint) {
        // Called once a crossing, under the crossing's lock, after its recorder has made sure the
        // crossing is new: a retry never gets here, and the unique crossing id stops any other.
        Instant now = clock.instant();
        String subjectFingerprint = fingerprint(subject);
        Found found = matches(subject, list -> true);
        List<ScreeningMatch> all = found.matches();
        Map<UUID, EntryInfo> entries = found.entries();
        Set<String> cleared = travellerId == null || all.isEmpty() ? Set.of()
                : records.clearedFalsePositives(travellerId, subjectFingerprint);
        List<ScreeningMatch> kept = new ArrayList<>();
        List<ScreeningMatch> suppressed = new ArrayList<>();
        for (ScreeningMatch m : all) {
            EntryInfo entry = entries.get(m.entryId());
            String entryFingerprint = entry == null ? "" : entry.fingerprint();
            if (cleared.contains(m.entryId() + "/" + entryFingerprint)) {
                suppressed.add(m);
            } else {
                kept.add(m);
            }
        }
        UUID screeningId = Ids.newId();
        List<ScreeningMatch> withHits = new ArrayList<>(kept.size());
        List<ScreeningRecords.NewHit> hits = new ArrayList<>(kept.size());
        for (ScreeningMatch m : kept) {
            HitStatus status = m.level() == ScreeningOutcome.POSSIBLE_MATCH && possibleMatchesReviewed
                    ? HitStatus.CLEARED_BY_OFFICER : HitStatus.OPEN;
            UUID hitId = Ids.newId();
            EntryInfo entry = entries.get(m.entryId());
            hits.add(new ScreeningRecords.NewHit(hitId, m.entryId(), m.listId(), m.level(), m.score(),
                    m.actionOnHit(), m.listKind(), entry == null ? "" : entry.fingerprint(), status));
            withHits.add(m.withHit(hitId, status));
        }
        ScreeningResult result = new ScreeningResult(screeningId, outcome(kept), withHits, suppressed, now);
        records.insert(new ScreeningRecords.NewScreening(screeningId, node.nodeId(), crossingId, travellerId,
                result.outcome(), subjectFingerprint, officer, now, borderPoint), result, hits);
        return result;
    }

    @Override
    public Optional<ScreeningResult> screeningOf(UUID crossingId) {
        return records.screeningOf(crossingId);
    }

    @Override
    public Optional<AdmissionBar> admissionBar(UUID crossingId) {
        List<ScreeningRecords.HitState> hits = records.hitsOf(crossingId);
        for (ScreeningRecords.HitState hit : hits) {
            if (hit.status() == HitStatus.OPEN) {
                return Optional.of(new AdmissionBar("watchlist-hit-open", "A watchlist " + hit.level().name()
                        .toLowerCase(Locale.ROOT).replace('_', ' ') + " on this crossing awaits a supervisor's "
                        + "adjudication; the traveller cannot be admitted before it."));
            }
        }
        for (ScreeningRecords.HitState hit : hits) {
            if (hit.status() == HitStatus.TRUE_MATCH && hit.actionOnHit() == ActionOnHit.REFUSE) {
                return Optional.of(new AdmissionBar("watchlist-refusal", "The traveller is a confirmed match on a "
                        + "list whose action is to refuse; the traveller cannot be admitted."));
            }
        }
        return Optional.empty();
    }

    @Override
    public Page<Hit> openHits(PageRequest page, ReadScope scope) {
        String[] points = scope.borderPointsOrNull();
        return Page.of(records.openHits(page.number(), page.size(), points), page, records.openHitCount(points));
    }

    @Override
    public Optional<Hit> hit(UUID hitId, ReadScope scope) {
        return records.hit(hitId).filter(h -> scope.allows(h.borderPoint()));
    }

    @Override
    @Transactional
    public Hit adjudicate(UUID hitId, Verdict verdict, String note, String supervisor, ReadScope scope) {
        Hit hit = records.lockHit(hitId).filter(h -> scope.allows(h.borderPoint()))
                .orElseThrow(() -> Rejection.notFound("Hit", "No hit has the id " + hitId + "."));
        if (hit.status().adjudicated()) {
            throw Rejection.conflict("hit-adjudicated", "Hit " + hitId + " was adjudicated "
                    + hit.status() + " by " + hit.adjudicatedBy() + "; it takes no second verdict.");
        }
        Instant now = clock.instant();
        records.adjudicate(Ids.newId(), node.nodeId(), hitId, verdict, note, supervisor, now);
        if (verdict == Verdict.FALSE_POSITIVE && hit.travellerId() != null) {
            records.clearFalsePositive(hit.travellerId(), hit.entryId(), hit.entryFingerprint(),
                    hit.subjectFingerprint(), hitId, supervisor, now);
        }
        int openLeft = records.openHitsOf(hit.crossingId());
        String notify = directory.entries(List.of(hit.entryId())).values().stream().findFirst()
                .map(EntryInfo::notifyOnHit).orElse(null);
        events.publishEvent(new HitAdjudicated(hitId, hit.crossingId(), hit.entryId(), hit.listId(),
                verdict, hit.actionOnHit(), hit.listKind(), notify, note, supervisor, openLeft));
        return records.hit(hitId).orElseThrow();
    }

    static ScreeningOutcome outcome(List<ScreeningMatch> matches) {
        ScreeningOutcome outcome = ScreeningOutcome.CLEAR;
        for (ScreeningMatch m : matches) {
            outcome = outcome.atLeast(m.level());
        }
        return outcome;
    }

    /**
     * The traveller's data as screened: a cleared false positive holds only while it is the same.
     * Case, spacing and fillers do not count as a change.
     */
    static String fingerprint(ScreeningSubject s) {
        String text = String.join("\u001f", norm(s.fullName()), norm(s.surname()), norm(s.givenNames()),
                norm(s.nameOriginalScript()), norm(s.dateOfBirth()), norm(s.nationality()), norm(s.sex()),
                norm(s.documentNumber()), norm(s.issuingState()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String norm(String s) {
        return s == null ? "" : SPACES.matcher(s.replace('<', ' ').strip()).replaceAll(" ").toUpperCase(Locale.ROOT);
    }

    private static double round(double score) {
        return Math.round(score * 10_000) / 10_000.0;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String blankToNull(String s) {
        return present(s) ? s.strip() : null;
    }

    private static String upper(String s) {
        return present(s) ? s.strip().toUpperCase(Locale.ROOT) : null;
    }

    /** A match before its list's thresholds are applied. */
    private record Candidate(UUID entryId, UUID listId, double score, String name, String matchedOn,
                             List<ScreeningMatch.Explanation> explanation, ScreeningOutcome forcedLevel) {

        static Candidate of(NameMatch m) {
            return new Candidate(m.entryId(), m.listId(), m.score(), m.matchedName(), "NAME",
                    m.explanation().stream().map(Candidate::explain).toList(), null);
        }

        /**
         * A listed document: the same number from the same (or an unstated) issuing state is a hit;
         * a number equal only up to reading confusions, or from another state, is for a look.
         */
        static Candidate of(DocumentMatch d, String issuingState) {
            boolean sameState = d.issuingState() == null || issuingState == null
                    || d.issuingState().equalsIgnoreCase(issuingState);
            boolean hit = d.exact() && sameState;
            String detail = d.detail() + (sameState ? "" : "; listed as issued by " + d.issuingState());
            return new Candidate(d.entryId(), d.listId(), hit ? 1.0 : 0.8, d.number(), "DOCUMENT",
                    List.of(new ScreeningMatch.Explanation("documentNumber", hit ? 1.0 : 0.8, detail,
                            !sameState ? "other-state" : d.exact() ? "same" : "confusable",
                            sameState ? List.of(d.number()) : List.of(d.number(), d.issuingState()), List.of())),
                    hit ? ScreeningOutcome.HIT : ScreeningOutcome.POSSIBLE_MATCH);
        }

        private static ScreeningMatch.Explanation explain(Contribution c) {
            return new ScreeningMatch.Explanation(c.feature(), round(c.effect()), c.detail(), c.code(), c.values(),
                    c.tokens().stream().map(t -> new ScreeningMatch.NamePart(t.query(), t.listed(), t.similarity(),
                            t.how().name(), t.foundBy().name())).toList());
        }
    }
}
