package org.manfadh.referencedata;

import java.util.List;
import java.util.Optional;

/** Read access to the reference data every module relies on. */
public interface ReferenceData {

    List<BorderPoint> borderPoints();

    Optional<BorderPoint> borderPoint(String code);

    List<Governorate> governorates();

    List<Country> countries();

    List<RefusalReason> refusalReasons();

    Optional<RefusalReason> refusalReason(String code);

    /** The ICAO codes known to Manfadh, for validating documents without a database round trip. */
    IcaoCodes icaoCodes();
}
