package org.manfadh.capacity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What clients ask the capacity module to do, as they send it. Codes are upper-case enums; a border point is its
 * three-letter code; {@code title} alone is the English title, {@code titles} gives all three languages.
 */
public final class CapacityCommands {

    private CapacityCommands() {
    }

    /** A new course. {@code durationDays} defaults to 1, {@code passScore} to 70; no certificate months: it does not expire. */
    public record CreateCourse(
            @NotBlank(message = "is required: upper-case letters, digits, - or _") @Size(max = 20) String code,
            @Size(max = 200) String title,
            @Valid Texts titles,
            @Valid Texts description,
            @NotNull(message = "is required: DOCUMENT_EXAMINATION, SYSTEM_USE, IHR_HEALTH, …") Topic topic,
            @Min(1) @Max(365) Integer durationDays,
            @Min(1) @Max(240) Integer certificateMonths,
            @DecimalMin("0") @DecimalMax("100") BigDecimal passScore) {
    }

    /**
     * A session of a course. {@code trainingCentre} is BAGHDAD, BASRA, SULAYMANIYAH, ERBIL or a border point's code;
     * {@code capacity} defaults to 25.
     */
    public record CreateSession(
            @NotNull(message = "is required") UUID courseId,
            @NotNull(message = "is required") LocalDate startDate,
            @NotNull(message = "is required") LocalDate endDate,
            @NotBlank(message = "is required: BAGHDAD, BASRA, SULAYMANIYAH, ERBIL or a border point's code") @Size(max = 20) String trainingCentre,
            @Size(max = 20) List<@NotBlank @Size(max = 200) String> trainers,
            @Min(1) @Max(500) Integer capacity) {
    }

    /**
     * A participant of a session. {@code personId} names a person already known; {@code account} links the person
     * to their Manfadh account. Scores are 0–100. {@code attended} defaults to false; {@code reaction} is the
     * participant's rating of the session, 1–5 (Kirkpatrick level 1).
     */
    public record AddParticipant(
            UUID personId,
            @Size(max = 200) String name,
            Sex sex,
            @NotNull(message = "is required: FEDERAL_MOI, KRG_MOI, BPC, CUSTOMS, HEALTH or OTHER") Agency agency,
            @Size(max = 100) String rank,
            @Size(max = 3) String borderPoint,
            @Size(max = 100) String account,
            @DecimalMin("0") @DecimalMax("100") BigDecimal preTestScore,
            @DecimalMin("0") @DecimalMax("100") BigDecimal postTestScore,
            Boolean attended,
            @Min(1) @Max(5) Integer reaction) {
    }

    /** A new asset. {@code status} defaults to DELIVERED; a DEPLOYED one needs its border point. */
    public record RegisterAsset(
            @NotNull(message = "is required: DOCUMENT_READER, BIOMETRIC_KIT, SERVER, …") AssetType type,
            @NotBlank(message = "is required") @Size(max = 60) String serialNumber,
            @Size(max = 100) String manufacturer,
            @Size(max = 100) String model,
            @Size(max = 100) String donor,
            @Size(max = 100) String programmePhase,
            AssetStatus status,
            @Size(max = 3) String borderPoint,
            @Size(max = 20) String lane,
            @DecimalMin("0") BigDecimal purchaseCost,
            @Size(min = 3, max = 3) String currency,
            LocalDate purchasedOn,
            LocalDate warrantyEnd,
            @Min(1) @Max(600) Integer usefulLifeMonths) {
    }

    /** A change of an asset's status, with why; a move to another border point or lane comes with it when given. */
    public record ChangeAssetStatus(
            @NotNull(message = "is required: ORDERED, DELIVERED, DEPLOYED, IN_REPAIR, BROKEN or RETIRED") AssetStatus status,
            @Size(max = 2000) String note,
            @Size(max = 3) String borderPoint,
            @Size(max = 20) String lane) {
    }

    /** A premises upgrade project at a border point. {@code status} defaults to PLANNED. */
    public record CreateProject(
            @NotBlank(message = "is required") @Size(max = 3) String borderPoint,
            @Size(max = 200) String title,
            @Valid Texts titles,
            @Size(max = 100) String donor,
            @Size(max = 100) String programmePhase,
            @NotNull(message = "is required") @DecimalMin("0") BigDecimal budget,
            @Size(min = 3, max = 3) String currency,
            ProjectStatus status,
            LocalDate startDate,
            LocalDate plannedEnd,
            @Size(max = 50) List<@Valid Milestone> milestones) {

        public record Milestone(@Size(max = 200) String title, @Valid Texts titles, LocalDate dueOn, LocalDate doneOn) {
        }
    }

    /** Money spent on a premises project. */
    public record RecordSpend(
            @NotNull(message = "is required") LocalDate spentOn,
            @NotNull(message = "is required") @DecimalMin(value = "0", inclusive = false) BigDecimal amount,
            @Size(max = 2000) String note) {
    }

    /** A new SOP with its first version and checklist. */
    public record CreateSop(
            @NotBlank(message = "is required: upper-case letters, digits, - or _") @Size(max = 30) String code,
            @NotNull(message = "is required: PRIMARY_INSPECTION, REFERRAL, REFUSAL, …") SopKind kind,
            @NotNull(message = "is required") @Valid Texts title,
            @NotNull(message = "is required") @Valid SopVersionInput version) {
    }

    /** A version of an SOP: its text, the day it is in force from (today when absent), its checklist. */
    public record SopVersionInput(
            @NotNull(message = "is required") @Valid Texts body,
            @Size(max = 2000) String changeNote,
            LocalDate effectiveFrom,
            @Size(max = 100) List<@Valid Texts> checklist) {
    }

    /** A step of an SOP's adoption at a border point; the version defaults to the latest. */
    public record RecordAdoption(
            @NotBlank(message = "is required") @Size(max = 3) String borderPoint,
            @NotNull(message = "is required: TRAINED, ADOPTED or AUDITED") AdoptionStage stage,
            Integer version,
            LocalDate onDate,
            @Size(max = 2000) String note) {
    }

    /** An audit of an SOP at a border point: one answer per checklist item of the version audited (the latest when absent). */
    public record RecordAudit(
            @NotBlank(message = "is required") @Size(max = 3) String borderPoint,
            Integer version,
            @NotNull(message = "is required") LocalDate auditedOn,
            @NotBlank(message = "is required") @Size(max = 200) String auditor,
            @NotNull(message = "is required") @Size(max = 100) List<@Valid Answer> answers,
            @Size(max = 4000) String note) {

        public record Answer(@NotNull(message = "is required") Integer item, @NotNull(message = "is required") AuditResult result,
                             @Size(max = 1000) String note) {
        }
    }
}
