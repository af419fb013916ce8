package org.manfadh.capacity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A person's place in a session ({@code id} is the enrolment's): who, their agency, rank and border point as they
 * were then, scores and learning gain (post minus pre, when both are known), attendance and the certificate.
 */
public record Participant(UUID id, UUID sessionId, UUID personId, String name, Sex sex, Agency agency, String rank,
                          String borderPoint, String account, BigDecimal preTestScore, BigDecimal postTestScore,
                          BigDecimal gain, boolean attended, Integer reaction, String certificateNumber,
                          LocalDate certificateExpires) {
}
