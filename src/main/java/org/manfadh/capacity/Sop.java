package org.manfadh.capacity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A standard operating procedure as clients see it in a list: its latest version's number, and whether retired. */
public record Sop(UUID id, String code, SopKind kind, Texts title, int latestVersion, Instant retiredAt,
                  String createdBy, Instant createdAt) {

    /** A version of an SOP: its text in three languages, in force from a day, and its checklist. Never changed. */
    public record Version(int version, Texts body, String changeNote, LocalDate effectiveFrom, String createdBy,
                         Instant createdAt, List<Item> checklist) {
    }

    /** An item of a version's checklist, numbered from 1 in the version's order. */
    public record Item(int item, Texts text) {
    }

    /** A version as the history lists it, without its text. */
    public record VersionSummary(int version, String changeNote, LocalDate effectiveFrom, int checklistItems,
                                 String createdBy, Instant createdAt) {
    }

    /** An SOP with the history of its versions and the latest one whole. */
    public record Detail(UUID id, String code, SopKind kind, Texts title, int latestVersion, Instant retiredAt,
                         String createdBy, Instant createdAt, List<VersionSummary> versions, Version latest) {
    }
}
