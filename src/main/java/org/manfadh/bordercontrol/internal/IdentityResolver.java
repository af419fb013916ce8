package org.manfadh.bordercontrol.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.manfadh.bordercontrol.LinkBasis;
import org.manfadh.platform.Ids;
import org.springframework.stereotype.Component;

/**
 * Recognises a person across documents and renewals. The same document (number and issuing
 * state) is certain. A new document whose holder has exactly the name, full birth date and
 * nationality of a known traveller is linked to that traveller with a recorded confidence, for a
 * supervisor to confirm or split; anything less is a new traveller.
 */
@Component
class IdentityResolver {

    static final BigDecimal CERTAIN = new BigDecimal("1.00");
    static final BigDecimal SAME_PERSON_DETAILS = new BigDecimal("0.90");
    static final BigDecimal SAME_PERSON_DETAILS_OTHER_SEX = new BigDecimal("0.60");

    /** @param traveller the traveller made in this transaction, or null when an existing one was found */
    record Resolution(UUID travellerId, UUID documentId, LinkBasis linkBasis, BigDecimal confidence,
                      Travellers.Traveller traveller, boolean newDocument) {

        boolean newTraveller() {
            return traveller != null;
        }
    }

    private final Travellers travellers;

    IdentityResolver(Travellers travellers) {
        this.travellers = travellers;
    }

    /**
     * The locks a resolution needs, in the order every transaction takes them: the document, then
     * the person its holder may be.
     */
    static List<String> lockKeys(DocumentReading doc) {
        String document = "document:" + doc.issuingState() + ":" + doc.documentNumber();
        String nameKey = Travellers.nameKey(doc.surname(), doc.givenNames());
        if (doc.fullBirthDate() == null || nameKey.isEmpty()) {
            return List.of(document);
        }
        String nationality = doc.nationality() != null ? doc.nationality() : doc.issuingState();
        return List.of(document, "person:" + nameKey + ":" + doc.dateOfBirth() + ":" + nationality);
    }

    /** Must run inside the recording transaction, after it has taken the {@link #lockKeys locks}. */
    Resolution resolve(DocumentReading doc, String nameOriginal, UUID nodeId, Instant now) {
        var known = travellers.findDocument(doc.issuingState(), doc.documentNumber());
        if (known.isPresent()) {
            Travellers.Document d = known.get();
            if (nameOriginal != null) {
                travellers.recordOriginalName(d.travellerId(), nameOriginal);
            }
            return new Resolution(d.travellerId(), d.id(), d.linkBasis(), d.linkConfidence(), null, false);
        }
        String nameKey = Travellers.nameKey(doc.surname(), doc.givenNames());
        String nationality = doc.nationality() != null ? doc.nationality() : doc.issuingState();
        if (doc.fullBirthDate() != null && !nameKey.isEmpty()) {
            List<Travellers.Traveller> candidates = travellers.findByIdentity(nameKey, doc.dateOfBirth(), nationality);
            if (!candidates.isEmpty()) {
                Travellers.Traveller match = candidates.stream()
                        .filter(t -> t.sex() == null || doc.sex() == null || t.sex().equals(doc.sex()) || "X".equals(t.sex()) || "X".equals(doc.sex()))
                        .findFirst().orElse(candidates.getFirst());
                boolean sexAgrees = match.sex() == null || doc.sex() == null || match.sex().equals(doc.sex())
                        || "X".equals(match.sex()) || "X".equals(doc.sex());
                BigDecimal confidence = sexAgrees ? SAME_PERSON_DETAILS : SAME_PERSON_DETAILS_OTHER_SEX;
                UUID documentId = Ids.newId();
                travellers.insert(new Travellers.Document(documentId, match.id(), doc.documentCode(), doc.issuingState(),
                        doc.documentNumber(), doc.dateOfExpiry(), now, LinkBasis.NAME_BIRTH_NATIONALITY, confidence), nodeId);
                if (nameOriginal != null) {
                    travellers.recordOriginalName(match.id(), nameOriginal);
                }
                return new Resolution(match.id(), documentId, LinkBasis.NAME_BIRTH_NATIONALITY, confidence, null, true);
            }
        }
        UUID travellerId = Ids.newId();
        Travellers.Traveller traveller = new Travellers.Traveller(travellerId, nodeId, now, doc.surname(),
                doc.givenNames(), nameOriginal, doc.dateOfBirth(), nationality, doc.sex());
        travellers.insert(traveller);
        UUID documentId = Ids.newId();
        travellers.insert(new Travellers.Document(documentId, travellerId, doc.documentCode(), doc.issuingState(),
                doc.documentNumber(), doc.dateOfExpiry(), now, LinkBasis.FIRST_DOCUMENT, CERTAIN), nodeId);
        return new Resolution(travellerId, documentId, LinkBasis.FIRST_DOCUMENT, CERTAIN, traveller, true);
    }
}
