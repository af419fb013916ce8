/**
 * The name and document matcher: pure, no Spring, no SQL, no I/O, so that it is unit-tested and
 * benchmarked on its own. {@link WatchlistIndex} is what the rest of the screening module uses;
 * the records here are how list entries and queries reach it.
 */
package org.manfadh.screening.matching;
