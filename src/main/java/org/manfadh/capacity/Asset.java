package org.manfadh.capacity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An asset as clients see it; {@code checkedOutTo} is who holds it now, if anyone. */
public record Asset(UUID id, AssetType type, String serialNumber, String manufacturer, String model, String donor,
                    String programmePhase, AssetStatus status, String borderPoint, String lane,
                    BigDecimal purchaseCost, String currency, LocalDate purchasedOn, LocalDate warrantyEnd,
                    Integer usefulLifeMonths, String checkedOutTo) {
}
