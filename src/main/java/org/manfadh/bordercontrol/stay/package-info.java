/**
 * The authorised-stay calculation: movements, visas and rules in, stay periods and their flags
 * out. No Spring, no SQL. Other modules read its values (the stay rules a backlog is worked out
 * with, see {@link org.manfadh.bordercontrol.CrossingBacklog}).
 */
@org.springframework.modulith.NamedInterface("stay")
package org.manfadh.bordercontrol.stay;
