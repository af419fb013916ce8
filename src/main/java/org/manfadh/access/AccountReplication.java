package org.manfadh.access;

/**
 * Accounts from headquarters to a border post, so that the post's officers sign in there while the
 * link is down. Headquarters exports the accounts assigned to the post's border point or its
 * governorate (an administrator's only when the border point is named; a whole authority's or the
 * nation's never)
 * (node accounts never leave headquarters); the post holds exactly that set: what headquarters
 * changes, adds or disables there follows, and an account headquarters stops sending is disabled.
 * Sign-in failures and lock-outs stay with the node where they happened.
 */
public interface AccountReplication {

    /** The accounts for a border point as a JSON array, and a digest that changes whenever the set does. */
    record Export(String digest, String accounts) {
    }

    Export exportFor(String borderPoint);

    /** At a post: makes the accounts headquarters manages here what the export says; returns how many it holds. */
    int apply(String accounts);
}
