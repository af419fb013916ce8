package org.manfadh.referencedata.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.manfadh.referencedata.Authority;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.BorderPointStatus;
import org.manfadh.referencedata.BorderPointType;
import org.manfadh.referencedata.Country;
import org.manfadh.referencedata.Governorate;
import org.manfadh.referencedata.IcaoCodes;
import org.manfadh.referencedata.ReferenceData;
import org.manfadh.referencedata.RefusalReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serves reference data, and at start brings the tables up to the bundled files in one
 * transaction: a new release's corrections reach every node without a separate step.
 */
@Service
class ReferenceDataService implements ReferenceData, InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataService.class);

    private final ReferenceDataRepository repository;
    private final TransactionTemplate transaction;
    /** Reference data changes only with a release; lookups on every crossing are served from memory. */
    private volatile Map<String, BorderPoint> borderPoints = Map.of();
    private volatile Map<String, RefusalReason> refusalReasons = Map.of();

    ReferenceDataService(ReferenceDataRepository repository, TransactionTemplate transaction) {
        this.repository = repository;
        this.transaction = transaction;
    }

    @Override
    public void afterPropertiesSet() {
        List<Country> countries = IcaoCodes.bundled().countries();
        List<Governorate> governorates = BundledCsv.read("/referencedata/governorates.csv", row ->
                new Governorate(row.get("code"), row.get("name_en"), row.get("name_ar"), row.get("name_ckb"),
                        Authority.valueOf(row.get("authority"))));
        Map<String, String> governorateByName = governorates.stream()
                .collect(Collectors.toMap(Governorate::nameEn, Governorate::code));
        List<BorderPoint> borderPoints = BundledCsv.read("/referencedata/border-points.csv",
                row -> borderPoint(row, governorateByName::get));
        List<RefusalReason> reasons = BundledCsv.read("/referencedata/refusal-reasons.csv", row ->
                new RefusalReason(row.get("code"), row.get("applies_to"), row.get("label_en"), row.get("label_ar"),
                        row.get("label_ckb")));
        transaction.executeWithoutResult(status -> {
            countries.forEach(repository::save);
            governorates.forEach(repository::save);
            borderPoints.forEach(repository::save);
            reasons.forEach(repository::save);
        });
        this.borderPoints = Map.copyOf(borderPoints.stream().collect(Collectors.toMap(BorderPoint::code, b -> b)));
        this.refusalReasons = Map.copyOf(reasons.stream().collect(Collectors.toMap(RefusalReason::code, r -> r)));
        log.info("Reference data current: {} ICAO codes, {} governorates, {} border points", countries.size(),
                governorates.size(), borderPoints.size());
    }

    private static BorderPoint borderPoint(CSVRecord row, Function<String, String> governorateCode) {
        String governorate = governorateCode.apply(row.get("governorate"));
        if (governorate == null) {
            throw new IllegalArgumentException("unknown governorate '" + row.get("governorate") + "'");
        }
        String nameCkb = BundledCsv.blankToNull(row.get("name_ckb"));
        return new BorderPoint(row.get("code"), row.get("name_en"), row.get("name_ar"),
                nameCkb != null ? nameCkb : row.get("name_ar"), BorderPointType.valueOf(row.get("type")),
                governorate, Authority.valueOf(row.get("authority")),
                BundledCsv.blankToNull(row.get("neighbour_country")),
                BundledCsv.blankToNull(row.get("neighbour_crossing")), BorderPointStatus.valueOf(row.get("status")),
                decimal(row.get("lat")), decimal(row.get("lon")));
    }

    private static BigDecimal decimal(String value) {
        String v = BundledCsv.blankToNull(value);
        return v == null ? null : new BigDecimal(v);
    }

    @Override
    public List<BorderPoint> borderPoints() {
        return repository.borderPoints();
    }

    @Override
    public Optional<BorderPoint> borderPoint(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(borderPoints.get(code));
    }

    @Override
    public List<RefusalReason> refusalReasons() {
        return repository.refusalReasons();
    }

    @Override
    public Optional<RefusalReason> refusalReason(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(refusalReasons.get(code));
    }

    @Override
    public List<Governorate> governorates() {
        return repository.governorates();
    }

    @Override
    public List<Country> countries() {
        return repository.countries();
    }

    @Override
    public IcaoCodes icaoCodes() {
        return IcaoCodes.bundled();
    }
}
