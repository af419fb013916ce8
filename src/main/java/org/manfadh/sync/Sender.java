package org.manfadh.sync;

/** Who sends to headquarters: a node's own credential, or an administrator delivering for a post by hand. */
public record Sender(String username, boolean node) {
}
