package org.manfadh.capacity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;

/**
 * Standard operating procedures: versions, adoption at border points and audits. Every write checks what it is given
 * and throws {@code org.manfadh.platform.Rejection} for a client's mistake, changing nothing; writes are made at
 * headquarters only ({@code hq-only} at a post). SOPs are seen by every capacity manager; adoption steps and audits
 * of a border point outside the caller's work scope are invisible and cannot be recorded.
 */
public interface Procedures {

    /** Creates an SOP with its first version; returns its id. */
    UUID create(CapacityCommands.CreateSop command, String username);

    /** Adds a version; returns its number. */
    int addVersion(UUID sopId, CapacityCommands.SopVersionInput command, String username);

    default void recordAdoption(UUID sopId, CapacityCommands.RecordAdoption command, String username) {
        adopt(sopId, command, username);
    }

    /** Records an audit; returns its score, the share of applicable items met (partly counts half), 0–100. */
    default BigDecimal recordAudit(UUID sopId, CapacityCommands.RecordAudit command, String username) {
        return audit(sopId, command, username).score();
    }

    /** Appends a step of the SOP's adoption at a border point in the caller's work scope. */
    SopAdoption adopt(UUID sopId, CapacityCommands.RecordAdoption command, String username);

    /** Records an audit of every checklist item of a version, and appends the AUDITED step it makes. */
    SopAudit audit(UUID sopId, CapacityCommands.RecordAudit command, String username);

    /** Retires an SOP: it keeps its history, takes no new version, adoption or audit. */
    Sop.Detail retire(UUID sopId, String username);

    /** SOPs by code, of one kind or all. */
    Page<Sop> sops(SopKind kind, PageRequest page);

    Optional<Sop.Detail> sop(UUID id);

    Optional<Sop.Detail> sopByCode(String code);

    Optional<Sop.Version> version(UUID sopId, int version);

    /** Where each border point in the caller's scope stands with each SOP it has a step of (one point when given). */
    List<SopAdoption.Standing> adoption(String borderPoint, String username);

    /** The steps of an SOP's adoption at the border points in the caller's scope (one when given), latest first. */
    Page<SopAdoption> adoptionSteps(UUID sopId, String borderPoint, PageRequest page, String username);

    /** Audits of an SOP, latest first, at the border points in the caller's scope (one when given). */
    Page<SopAudit> audits(UUID sopId, String borderPoint, PageRequest page, String username);

    /** An audit with its answers, when it is at a border point in the caller's scope. */
    Optional<SopAudit> findAudit(UUID auditId, String username);

    /**
     * For the programme's indicators: per border point, how many SOPs it has adopted as at a day (its latest step on
     * or before that day is ADOPTED or AUDITED, the SOP not retired by then). Points with none are left out.
     */
    Map<String, Integer> adoptedByBorderPoint(LocalDate day);

    /** For the programme's indicators: the mean score of the audits made within the days (inclusive), at the points
     * given (every point when null); empty when there were none. */
    Optional<BigDecimal> meanAuditScore(LocalDate from, LocalDate to, Set<String> borderPoints);
}
