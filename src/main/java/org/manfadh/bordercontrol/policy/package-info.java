/**
 * The rules of a border check, pure: facts in, the decision that may be recorded, its flags and
 * what must be refused and why out, as values. No Spring, no SQL, no I/O and no other module, so
 * the rules are read in one place and tested as properties ({@code CrossingPolicyPropertiesTests}).
 *
 * <p>What the policy promises, whatever the facts:
 * <ul>
 * <li>a crossing whose screening found a hit is never recorded ADMITTED: it is referred until a
 *     supervisor adjudicates the hit;</li>
 * <li>a document that fails validation is never ADMITTED without a supervisor's override;</li>
 * <li>a traveller who may be a minor always carries {@code MINOR}, and {@code MINOR_UNACCOMPANIED}
 *     when neither an accompanying adult nor a consent document is recorded;</li>
 * <li>a flag never stops a crossing from being recorded: the register records what happened.</li>
 * </ul>
 */
package org.manfadh.bordercontrol.policy;
