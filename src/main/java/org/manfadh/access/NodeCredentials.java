package org.manfadh.access;

/**
 * Credentials for a border post's node, issued at headquarters: an account with the NODE role
 * bound to that border point, so that it pushes and pulls for that post only, with a generated
 * secret shown once. Revoking disables the account; the post's next request is refused.
 */
public interface NodeCredentials {

    record Issued(String username, String password, String borderPoint) {
    }

    Issued issue(String borderPoint);

    void revoke(String username);

    /**
     * Whether the account may still act, read in the caller's transaction under a share lock: a
     * revocation committed before is seen, and one made after waits until that transaction ends, so that
     * a batch in flight when its node is revoked is applied whole before the revocation or not at all.
     */
    boolean active(String username);
}
