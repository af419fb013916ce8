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
import org.manfadh.platform.NodeRole;
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
        return directory(shared, NodeRole.parse("hq", null));
    }

    private AccountDirectory directory(String shared, NodeRole node) {
        List<BorderPoint> points = List.of(point("ZRB", "IQ-WA", Authority.FEDERAL),
                point("SFW", "IQ-BA", Authority.FEDERAL), point("IBK", "IQ-DA", Authority.KRI));
        when(referenceData.borderPoints()).thenReturn(points);
        points.forEach(p -> when(referenceData.borderPoint(p.code())).thenReturn(Optional.of(p)));
        return new AccountDirectory(accounts, referenceData, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"),
                java.time.ZoneOffset.UTC), Duration.ofSeconds(10), shared, node);
    }

    private void account(String username, Jurisdiction jurisdiction, boolean enabled) {
        account(username, jurisdiction, enabled, EnumSet.of(Role.OFFICER));
    }

    private void account(String username, Jurisdiction jurisdiction, boolean enabled, Set<Role> roles) {
        when(accounts.find(username)).thenReturn(Optional.of(new UserAccounts.UserAccount(username, "x",
                roles, enabled, jurisdiction, 0, null, Instant.EPOCH, 0)));
    }

    @Test
    void takesAtAPostOnlyTheRecordsOfTheAccountsHeadquartersSendsThere() {
        account("officer", Jurisdiction.borderPoint(Scope.FEDERAL, "ZRB"), true);
        account("wasit", Jurisdiction.of(Scope.FEDERAL, Set.of("IQ-WA"), Set.of()), true);
        account("federal", new Jurisdiction(Scope.FEDERAL, Set.of(), Set.of()), true);
        account("admin", Jurisdiction.NATIONAL, true, EnumSet.allOf(Role.class));
        account("zrb_admin", Jurisdiction.borderPoint(Scope.FEDERAL, "ZRB"), true, EnumSet.of(Role.ADMIN));
        account("wasit_admin", Jurisdiction.of(Scope.FEDERAL, Set.of("IQ-WA"), Set.of()), true, EnumSet.of(Role.ADMIN));
        account("gone", Jurisdiction.borderPoint(Scope.FEDERAL, "ZRB"), false, EnumSet.of(Role.SUPERVISOR));
        account("node", Jurisdiction.borderPoint(Scope.FEDERAL, "ZRB"), true, EnumSet.of(Role.NODE));
        when(accounts.find("nobody")).thenReturn(Optional.empty());
        AccountDirectory hq = directory("");

        assertThat(hq.rolesAtPost("officer", "ZRB")).containsExactly(Role.OFFICER);
        assertThat(hq.rolesAtPost("wasit", "ZRB")).containsExactly(Role.OFFICER);
        assertThat(hq.rolesAtPost("zrb_admin", "ZRB")).containsExactly(Role.ADMIN);
        assertThat(hq.rolesAtPost("gone", "ZRB")).as("records made before it was disabled").containsExactly(Role.SUPERVISOR);
        for (String elsewhere : List.of("federal", "admin", "wasit_admin", "node", "nobody")) {
            assertThat(hq.rolesAtPost(elsewhere, "ZRB")).as(elsewhere).isEmpty();
        }
        assertThat(hq.rolesAtPost("officer", "SFW")).isEmpty();
        assertThat(hq.rolesAtPost("officer", "XXX")).isEmpty();
        assertThat(hq.workScope("admin").everywhere()).as("at headquarters").isTrue();

        AccountDirectory post = directory("", NodeRole.parse("post", "ZRB"));
        assertThat(post.workScope("officer").borderPoints()).containsExactly("ZRB");
        assertThat(post.workScope("wasit").borderPoints()).containsExactly("ZRB");
        assertThat(post.workScope("zrb_admin").borderPoints()).containsExactly("ZRB");
        for (String reader : List.of("federal", "admin", "wasit_admin", "gone", "nobody")) {
            assertThat(post.workScope(reader).borderPoints()).as(reader).isEmpty();
            assertThat(post.workScope(reader).everywhere()).as(reader).isFalse();
        }
        assertThat(post.readScope("admin", SharedData.CROSSINGS).everywhere()).as("reads as before").isTrue();
        assertThat(post.ownScope("admin").everywhere()).as("headquarters' own records, read at a post").isTrue();
        assertThat(post.ownScope("federal").borderPoints()).containsExactlyInAnyOrder("ZRB", "SFW");
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
