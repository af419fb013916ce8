package org.manfadh.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.manfadh.access.Jurisdiction.Scope;
import org.manfadh.referencedata.Authority;

class JurisdictionTests {

    @Test
    void coversEverythingWhenNational() {
        assertThat(Jurisdiction.NATIONAL.isNational()).isTrue();
        assertThat(Jurisdiction.NATIONAL.covers(Authority.FEDERAL, "IQ-WA", "ZRB")).isTrue();
        assertThat(Jurisdiction.NATIONAL.covers(Authority.KRI, "IQ-AR", "IBK")).isTrue();
    }

    @Test
    void coversTheWholeOfItsOwnAuthorityOnly() {
        Jurisdiction federal = new Jurisdiction(Scope.FEDERAL, Set.of(), Set.of());

        assertThat(federal.isNational()).isFalse();
        assertThat(federal.isWholeAuthority()).isTrue();
        assertThat(federal.covers(Authority.FEDERAL, "IQ-BA", "SFW")).isTrue();
        assertThat(federal.covers(Authority.KRI, "IQ-DA", "IBK")).isFalse();
    }

    @Test
    void coversOnlyTheNamedBorderPointsAndGovernorates() {
        Jurisdiction zurbatiyah = Jurisdiction.borderPoint(Scope.FEDERAL, "zrb");
        Jurisdiction basra = new Jurisdiction(Scope.FEDERAL, Set.of("IQ-BA"), Set.of("ZRB"));

        assertThat(zurbatiyah.borderPoints()).containsExactly("ZRB");
        assertThat(zurbatiyah.covers(Authority.FEDERAL, "IQ-WA", "ZRB")).isTrue();
        assertThat(zurbatiyah.covers(Authority.FEDERAL, "IQ-WA", "BDR")).isFalse();
        assertThat(basra.covers(Authority.FEDERAL, "IQ-BA", "SFW")).isTrue();
        assertThat(basra.covers(Authority.FEDERAL, "IQ-WA", "ZRB")).isTrue();
        assertThat(basra.covers(Authority.FEDERAL, "IQ-MU", "ARR")).isFalse();
    }

    @Test
    void refusesARecordOfTheOtherAuthorityEvenWhenItsBorderPointIsNamed() {
        Jurisdiction odd = new Jurisdiction(Scope.FEDERAL, Set.of(), Set.of("IBK"));

        assertThat(odd.covers(Authority.KRI, "IQ-DA", "IBK")).isFalse();
    }

    @Test
    void narrowsANationalJurisdictionByGovernorateAcrossAuthorities() {
        Jurisdiction north = new Jurisdiction(Scope.NATIONAL, Set.of("IQ-DA", "IQ-NI"), Set.of());

        assertThat(north.isNational()).isFalse();
        assertThat(north.covers(Authority.KRI, "IQ-DA", "IBK")).isTrue();
        assertThat(north.covers(Authority.FEDERAL, "IQ-NI", "RBA")).isTrue();
        assertThat(north.covers(Authority.FEDERAL, "IQ-WA", "ZRB")).isFalse();
    }

    @Test
    void coversNothingWithoutAnAccount() {
        assertThat(Jurisdiction.NONE.covers(Authority.FEDERAL, "IQ-WA", "ZRB")).isFalse();
        assertThat(Jurisdiction.NONE.covers(Authority.KRI, "IQ-DA", "IBK")).isFalse();
    }

    @Test
    void normalisesCodesAndIgnoresBlanks() {
        Jurisdiction j = new Jurisdiction(Scope.KRI, Set.of(" iq-da "), Set.of("ibk", " "));

        assertThat(j.governorates()).containsExactly("IQ-DA");
        assertThat(j.borderPoints()).containsExactly("IBK");
    }

    @Test
    void allowsOnlyTheBorderPointsOfAReadScope() {
        ReadScope scope = new ReadScope(false, Set.of("ZRB"));

        assertThat(scope.allows("ZRB")).isTrue();
        assertThat(scope.allows("IBK")).isFalse();
        assertThat(scope.allows(null)).isFalse();
        assertThat(scope.borderPointsOrNull()).containsExactly("ZRB");
        assertThat(ReadScope.EVERYWHERE.allows(null)).isTrue();
        assertThat(ReadScope.EVERYWHERE.borderPointsOrNull()).isNull();
    }
}
