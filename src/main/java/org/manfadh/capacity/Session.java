package org.manfadh.capacity;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A session as clients see it; {@code trainingCentre} in its written form (BAGHDAD or a border point's code). */
public record Session(UUID id, UUID courseId, String courseCode, Texts courseTitle, LocalDate startDate,
                      LocalDate endDate, String trainingCentre, List<String> trainers, int capacity, int participants,
                      boolean cancelled) {
}
