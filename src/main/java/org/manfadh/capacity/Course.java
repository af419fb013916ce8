package org.manfadh.capacity;

import java.math.BigDecimal;
import java.util.UUID;

/** A course as clients see it. */
public record Course(UUID id, String code, Texts title, Texts description, Topic topic, int durationDays,
                     Integer certificateMonths, BigDecimal passScore, boolean retired) {
}
