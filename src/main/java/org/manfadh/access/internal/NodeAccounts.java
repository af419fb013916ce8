package org.manfadh.access.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.manfadh.access.NodeCredentials;
import org.manfadh.access.Role;
import org.manfadh.platform.Rejection;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.stereotype.Component;

@Component
class NodeAccounts implements NodeCredentials {

    private final AccountAdministration administration;
    private final UserAccounts accounts;
    private final ReferenceData referenceData;
    private final SecureRandom random = new SecureRandom();
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    NodeAccounts(AccountAdministration administration, UserAccounts accounts, ReferenceData referenceData,
                 org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.administration = administration;
        this.accounts = accounts;
        this.referenceData = referenceData;
    }

    @Override
    public Issued issue(String borderPoint) {
        BorderPoint point = referenceData.borderPoint(borderPoint == null ? "" : borderPoint.strip())
                .orElseThrow(() -> Rejection.invalidFields(List.of(new Rejection.Field("borderPoint",
                        "is not a known border point code"))));
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        byte[] suffix = new byte[3];
        random.nextBytes(suffix);
        String username = "node-" + point.code().toLowerCase(Locale.ROOT) + "-"
                + java.util.HexFormat.of().formatHex(suffix);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        administration.create(new AccountAdministration.NewAccount(username, password, Set.of(Role.NODE.name()),
                new AccountAdministration.JurisdictionInput(point.authority().name(), Set.of(), Set.of(point.code()))));
        return new Issued(username, password, point.code());
    }

    @Override
    public boolean active(String username) {
        return jdbc.sql("select enabled from access.user_account where username = :username for share")
                .param("username", username).query(Boolean.class).optional().orElse(false);
    }

    @Override
    public void revoke(String username) {
        var account = accounts.find(username).orElseThrow(() -> Rejection.of(Rejection.Kind.NOT_FOUND, "not-found",
                "Not found", "There is no node account " + username + "."));
        if (!account.roles().equals(Set.of(Role.NODE))) {
            throw Rejection.conflict("not-a-node", "Account " + username + " is not a node's account.");
        }
        administration.change(username, new AccountAdministration.AccountChange(null, null, false, null, null, null), "");
    }
}
