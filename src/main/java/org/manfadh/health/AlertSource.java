package org.manfadh.health;

/** Who announced the outbreak an alert is for. */
public enum AlertSource {
    WHO, MINISTRY_OF_HEALTH, OTHER
}
