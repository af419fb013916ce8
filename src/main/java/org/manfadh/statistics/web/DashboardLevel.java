package org.manfadh.statistics.web;

/** How far down a dashboard looks: the whole country, one authority, one governorate, one border point, one day there. */
enum DashboardLevel {
    NATIONAL,
    AUTHORITY,
    GOVERNORATE,
    POINT,
    DAY
}
