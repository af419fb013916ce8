package org.manfadh.referencedata;

public enum BorderPointType {
    LAND, AIR, SEA
}
