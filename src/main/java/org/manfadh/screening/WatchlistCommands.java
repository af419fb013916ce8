package org.manfadh.screening;

import java.time.LocalDate;
import java.util.List;



import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the API accepts to make and change lists and their entries. */
public final class WatchlistCommands {

    private WatchlistCommands() {
    }

    public record CreateWatchlist(@NotBlank @Size(max = 200) String name, @NotNull WatchlistKind kind,
                                  @NotNull ActionOnHit actionOnHit, ListAuthority authority,
                                  @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double hitThreshold,
                                  @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double possibleMatchThreshold) {
    }

    /** Only what is sent changes; the kind of a list never does. */
    public record ChangeWatchlist(@Size(min = 1, max = 200) String name, ActionOnHit actionOnHit,
                                  ListAuthority authority,
                                  @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double hitThreshold,
                                  @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double possibleMatchThreshold,
                                  @Size(max = 2000) String reason) {
    }

    public record Document(@NotBlank @Size(max = 100) String number, String issuingState, @Size(max = 100) String type) {
    }

    /**
     * An entry typed in by a watchlist manager; it takes effect when a second manager approves it.
     * A person (or, with {@code kind} ENTITY, an organisation) needs {@code fullName} or
     * {@code surname}/{@code givenNames}; a document on a lost and stolen documents list needs
     * {@code documentNumber} and {@code issuingState}.
     */
    public record ProposeEntry(@Size(max = 200) String externalId, String kind,
                               @Size(max = 500) String fullName, @Size(max = 300) String surname,
                               @Size(max = 300) String givenNames, @Size(max = 500) String nameOriginalScript,
                               @Size(max = 50) List<@NotBlank @Size(max = 500) String> aliases,
                               @Size(max = 20) List<String> datesOfBirth, @Size(max = 10) List<String> nationalities,
                               String sex, @Size(max = 20) List<@Valid Document> documents,
                               @Size(max = 100) String documentNumber, String issuingState,
                               @Size(max = 100) String documentType, LocalDate reportedOn,
                               @Size(max = 500) String originatingAgency, @Size(max = 2000) String legalBasis,
                               @Size(max = 1000) String notifyOnHit, @Size(max = 4000) String note, LocalDate expiresOn) {
    }

    public record RemoveEntry(@NotBlank @Size(max = 2000) String reason) {
    }
}
