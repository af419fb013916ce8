package org.manfadh.bordercontrol;

public enum TransportMode {
    AIR, CAR, BUS, TRUCK, FOOT, SEA, RAIL
}
