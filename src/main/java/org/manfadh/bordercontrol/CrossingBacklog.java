package org.manfadh.bordercontrol;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;

import org.manfadh.bordercontrol.internal.BacklogDerivation;
import org.manfadh.bordercontrol.stay.StayRule;
import org.manfadh.referencedata.Authority;
import org.manfadh.referencedata.BorderPoint;

/**
 * Records crossings that happened before, in bulk: a paper register's backlog typed in after a long
 * outage, or a predecessor system's export taken over at a post. The register treats them as it
 * treats a booth's crossings, only in bulk: every crossing is screened against the lists in force
 * (a match refers the crossing to the second line, as at a booth, and its hits wait for a
 * supervisor), the flags a booth would set are set (document validity, minors, late records,
 * visas, identity links, stays), and each traveller's stays are worked out with the same
 * calculation. What the register derives is not taken from the source.
 *
 * <p>A backlog is all or nothing: everything goes in, in one transaction, or nothing does. Each
 * backlog carries a source label that its crossings and groups keep (as their request hash); a
 * source already held is not loaded again, so a repeated import records nothing new. Its
 * travellers, documents and visas are its own: the backlog's identities are not resolved against
 * the register's.
 */
public interface CrossingBacklog {

    /** A traveller as the source knew them; the date of birth as "YYYY-MM-DD". */
    record Traveller(UUID id, String surname, String givenNames, String nameOriginalScript, String dateOfBirth,
                     String nationality, String sex) {
    }

    /** A travel document: a passport (TD3, code P) or an identity card (TD1, code ID), as read from its zone. */
    record Document(UUID id, UUID travellerId, String format, String documentCode, String issuingState,
                    String documentNumber, LocalDate dateOfExpiry) {
    }

    record Visa(UUID id, UUID travellerId, String number, VisaType type, Authority issuer, LocalDate validFrom,
                LocalDate validUntil, Integer entriesAllowed, Integer permittedStayDays, String recordedBy,
                Instant recordedAt) {
    }

    /** A group that crossed together; closed unless {@code closedAt} is null. */
    record Group(UUID id, String borderPoint, Direction direction, GroupKind kind, String vehicle, String leaderName,
                 String leaderDocument, String openedBy, Instant openedAt, String closedBy, Instant closedAt) {
    }

    /** One decision on a crossing: the first is the initial decision, each later one supersedes the one before. */
    record Ruling(UUID id, Decision decision, String reasonCode, String note,
                  List<VulnerabilityIndicator> vulnerability, String protectionReferral, String decidedBy,
                  Instant decidedAt) {
    }

    /**
     * One crossing with its decisions, oldest first.
     *
     * @param lateReason why it was recorded late, or null for a crossing recorded at the time
     */
    record Crossing(UUID id, BorderPoint borderPoint, Direction direction, Instant occurredAt, Instant recordedAt,
                    UUID travellerId, UUID documentId, Purpose purpose, TransportMode transport,
                    String transportReference, UUID groupId, UUID visaId, String officer, String lateReason,
                    String accompaniedBy, String consentDocument, List<Ruling> rulings) {
    }

    /** A whole backlog: every crossing refers only to the travellers, documents, visas and groups in it. */
    record Batch(String source, List<Traveller> travellers, List<Document> documents, List<Visa> visas,
                 List<Group> groups, List<Crossing> crossings) {
    }

    /** A stay the register works out from the backlog: from an entry to the exit, if any. */
    record Stay(UUID travellerId, UUID entryCrossingId, LocalDate entryDay, UUID exitCrossingId, LocalDate exitDay,
                LocalDate lastLegalDay) {
    }

    /** What the register derives from a backlog: the stays, and the flags it sets on each crossing. */
    record Derived(List<Stay> stays, Map<UUID, Set<CrossingFlag>> flags) {

        public Set<CrossingFlag> flagsOf(UUID crossingId) {
            Set<CrossingFlag> f = flags.get(crossingId);
            return f == null ? EnumSet.noneOf(CrossingFlag.class) : f;
        }
    }

    /** What one load recorded. */
    record Loaded(int crossings, int decisions, int travellers, int documents, int visas, int groups, int stays,
                  int referredByScreening) {
    }

    /** Whether the register holds the backlog of this source already. */
    boolean holds(String source);

    /** The stay rules in force, with which the stays of a backlog are worked out. */
    List<StayRule> stayRules();

    /**
     * Records the backlog unless its source is held already (then nothing, and empty); all or
     * nothing. Several loads of one source at once record it once.
     */
    Optional<Loaded> load(Batch batch);

    /**
     * What the register will derive from a backlog whose crossings all screen clear, worked out
     * without the database: a preview of an import, and the same calculation {@link #load} makes.
     *
     * @param visaValidAt where a visa type is valid (a visa shown elsewhere is flagged)
     */
    static Derived derive(Batch batch, List<StayRule> rules, ZoneId zone, BiPredicate<VisaType, Authority> visaValidAt) {
        return BacklogDerivation.preview(batch, rules, zone, visaValidAt);
    }
}
