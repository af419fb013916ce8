package org.manfadh.capacity;

/** The kinds of equipment the programme delivers to border management centres and posts. */
public enum AssetType {
    DOCUMENT_READER, BIOMETRIC_KIT, SERVER, WORKSTATION, UPS, GENERATOR, VEHICLE, MOBILE_PROCESSING_UNIT, CAMERA, NETWORK, OTHER
}
