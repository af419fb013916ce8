package org.manfadh.platform;

import java.util.UUID;

/** This installation's id, carried by every record it creates. */
public interface NodeIdentity {

    UUID nodeId();
}
