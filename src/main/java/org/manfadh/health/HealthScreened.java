package org.manfadh.health;

import java.util.UUID;

/**
 * A crossing's health part changed, announced in the transaction that changed it: a screening recorded, at the
 * booth or after, a health officer's decision on a hold, or screenings arriving from a post.
 */
public record HealthScreened(UUID crossingId) {
}
