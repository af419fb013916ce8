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

    /**
     * The border points where the user may record and decide (their own jurisdiction, nothing shared).
     * At a border post, the post's border point when headquarters sends the account there (see
     * {@link #rolesAtPost}) and nothing otherwise: the post's own administrator and the national
     * accounts read there but do not record, since headquarters would not take their records.
     */
    ReadScope workScope(String username);

    /**
     * The border points of the user's own jurisdiction, nothing shared, on any node: for the records
     * headquarters keeps and changes itself (capacity building's), which posts read and never make.
     */
    ReadScope ownScope(String username);

    /**
     * The roles with which an account makes records at the post of a border point, as headquarters
     * judges a post's batch: the account's roles when headquarters sends it to that post (its
     * jurisdiction narrowed to the border point or its governorate; an administrator's only when the
     * border point is named), empty otherwise. Enabled or not: a record made at the post before the
     * account was disabled is still its own. A name without an account has none.
     */
    java.util.Set<Role> rolesAtPost(String username, String borderPoint);

    /** Whether an account of this name exists (enabled or not), for records that name a person's account. */
    boolean exists(String username);
}
