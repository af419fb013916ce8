package org.manfadh.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.manfadh.access.Jurisdiction;
import org.manfadh.access.Jurisdiction.Scope;
import org.manfadh.access.ReadScope;
import org.manfadh.access.Role;
import org.manfadh.access.SharedData;
import org.manfadh.referencedata.Authority;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.BorderPointStatus;
import org.manfadh.referencedata.BorderPointType;
import org.manfadh.referencedata.ReferenceData;

class AccountDirectoryTests {

    private static BorderPoint point(String code, String governorate, Authority authority) {
        return new BorderPoint(code, code, code, code, BorderPointType.LAND, governorate, authority, null, null,
                BorderPointStatus.OPEN, null, null);
    }

    private final UserAccounts accounts = mock(UserAccounts.class);
    private final ReferenceData referenceData = mock(ReferenceData.class);

    private AccountDirectory directory(String shared) {
        when(referenceData.borderPoints()).thenReturn(List.of(point("ZRB", "IQ-WA", Authority.FEDERAL),
                point("SFW", "IQ-BA", Authority.FEDERAL), point("IBK", "IQ-DA", Authority.KRI)));
        return new AccountDirectory(accounts, referenceData, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"),
                java.time.ZoneOffset.UTC), Duration.ofSeconds(10), shared);
    }

    private void account(String username, Jurisdiction jurisdiction, boolean enabled) {
        when(accounts.find(username)).thenReturn(Optional.of(new UserAccounts.UserAccount(username, "x",
                EnumSet.of(Role.OFFICER), enabled, jurisdiction, 0, null, Instant.EPOCH, 0)));
    }

    @Test
    void scopesABorderPointAccountToThatPoint() {
        account("officer", Jurisdiction.borderPoint(Scope.FEDERAL, "ZRB"), true);

        ReadScope scope = directory("").readScope("officer", SharedData.CROSSINGS);

        assertThat(scope.everywhere()).isFalse();
        assertThat(scope.borderPoints()).containsExactly("ZRB");
    }

    @Test
    void widensOnlyWholeAuthorityAccountsToWhatIsShared() {
        account("hq", new Jurisdiction(Scope.FEDERAL, Set.of(), Set.of()), true);
        account("officer", Jurisdiction.borderPoint(Scope.FEDERAL, "ZRB"), true);
        AccountDirectory directory = directory("hits, overstays");

        assertThat(directory.readScope("hq", SharedData.HITS).everywhere()).isTrue();
        assertThat(directory.readScope("hq", SharedData.CROSSINGS).borderPoints()).containsExactlyInAnyOrder("ZRB",
                "SFW");
        assertThat(directory.readScope("officer", SharedData.HITS).borderPoints()).containsExactly("ZRB");
        // Recording and deciding never cross authorities.
        assertThat(directory.workScope("hq").borderPoints()).containsExactlyInAnyOrder("ZRB", "SFW");
    }

    @Test
    void seesNothingWithoutAnEnabledAccount() {
        account("gone", Jurisdiction.NATIONAL, false);
        when(accounts.find("nobody")).thenReturn(Optional.empty());
        AccountDirectory directory = directory("crossings");

        assertThat(directory.readScope("gone", SharedData.CROSSINGS).borderPoints()).isEmpty();
        assertThat(directory.readScope("nobody", SharedData.CROSSINGS).everywhere()).isFalse();
        assertThat(directory.readScope(null, SharedData.CROSSINGS).borderPoints()).isEmpty();
    }

    @Test
    void remembersAJurisdictionUntilItIsForgotten() {
        account("officer", Jurisdiction.borderPoint(Scope.FEDERAL, "ZRB"), true);
        AccountDirectory directory = directory("");

        directory.jurisdictionOf("officer");
        directory.jurisdictionOf("officer");
        verify(accounts, times(1)).find("officer");
        directory.forget("officer");
        directory.jurisdictionOf("officer");
        verify(accounts, times(2)).find("officer");
    }

    @Test
    void refusesAnUnknownKindOfSharedData() {
        assertThat(AccountDirectory.parse(" crossings ,HITS")).containsExactlyInAnyOrder(SharedData.CROSSINGS,
                SharedData.HITS);
        assertThat(AccountDirectory.parse("")).isEmpty();
        assertThatThrownBy(() -> AccountDirectory.parse("travellers")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("travellers");
    }
}
