package org.manfadh.access;

/**
 * Who a signed-in user is allowed to see, for the modules that read records: answered from a
 * short-lived memory of each account's jurisdiction, forgotten at once when an administrator
 * changes the account. A name without an account sees nothing.
 */
public interface Accounts {

    Jurisdiction jurisdictionOf(String username);

    /** The border points whose records of this kind the user may read. */
    ReadScope readScope(String username, SharedData kind);

    /** The border points where the user may record and decide (their own jurisdiction, nothing shared). */
    ReadScope workScope(String username);

    /** Whether an account of this name exists (enabled or not), for records that name a person's account. */
    boolean exists(String username);
}
