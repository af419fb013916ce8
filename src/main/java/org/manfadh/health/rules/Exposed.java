package org.manfadh.health.rules;

import java.time.LocalDate;

import org.manfadh.health.Route;

/** Where and when an arrival was last in a country, and by which route it is known. */
public record Exposed(Route route, String country, LocalDate on) {
}
