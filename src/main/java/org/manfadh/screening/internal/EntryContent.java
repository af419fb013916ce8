package org.manfadh.screening.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.manfadh.screening.EntryKind;
import org.manfadh.screening.matching.ListedName;
import org.manfadh.screening.matching.PartialDate;

/**
 * An entry as a source gives it, before it is stored: a person or entity with names, or a
 * document. {@code line} is where the source has it, for telling the user which entry is wrong.
 */
record EntryContent(String externalId, EntryKind kind, String primaryName, List<ListedName> names,
                    List<PartialDate> datesOfBirth, List<String> nationalities, List<String> nationalityTexts,
                    String sex, List<EntryDocument> documents, String documentNumber, String issuingState,
                    String documentType, LocalDate reportedOn, LocalDate listedOn, String originatingAgency,
                    String legalBasis, String notifyOnHit, String note, LocalDate expiresOn, long line) {


    /** A document of a listed person, its issuing state a code where the source's country is known. */
    record EntryDocument(String number, String issuingState, String issuingCountry, String type) {
    }

    EntryContent {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(kind, "kind");
        names = List.copyOf(names);
        datesOfBirth = List.copyOf(datesOfBirth);
        nationalities = List.copyOf(nationalities);
        nationalityTexts = List.copyOf(nationalityTexts);
        documents = List.copyOf(documents);
        if (kind == EntryKind.DOCUMENT ? documentNumber == null : names.isEmpty() || primaryName == null) {
            throw new IllegalArgumentException(kind == EntryKind.DOCUMENT ? "a document entry has a number"
                    : "a person or entity has a name");
        }
    }

    EntryContent withExternalId(String id) {
        return new EntryContent(id, kind, primaryName, names, datesOfBirth, nationalities, nationalityTexts, sex,
                documents, documentNumber, issuingState, documentType, reportedOn, listedOn, originatingAgency,
                legalBasis, notifyOnHit, note, expiresOn, line);
    }

    /** Names, external id and document numbers in lower case, for finding the entry by text. */
    String searchText() {
        StringBuilder s = new StringBuilder(externalId);
        names.forEach(n -> s.append(' ').append(n.text()));
        documents.forEach(d -> s.append(' ').append(d.number()));
        if (documentNumber != null) {
            s.append(' ').append(documentNumber);
        }
        return s.toString().toLowerCase(java.util.Locale.ROOT);
    }
}
