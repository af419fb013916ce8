package org.manfadh.health;

/** A disease of the reference table, with the monitoring window an alert for it copies. */
public record Disease(String code, int monitoringDays, String nameEn, String nameAr, String nameCkb) {
}
