package org.manfadh.platform;

import java.util.Locale;

/**
 * Whether this installation is headquarters or a border post ({@code manfadh.node.role}), and for a
 * post its border point ({@code manfadh.node.border-point}). Headquarters owns what every node
 * shares, such as the watchlists; a post receives it.
 */
public record NodeRole(Kind kind, String borderPoint) {

    public enum Kind { HQ, POST }

    public NodeRole {
        if (kind == null) {
            throw new IllegalArgumentException("A node is headquarters or a post");
        }
        if (kind == Kind.POST && (borderPoint == null || !borderPoint.matches("[A-Z]{3}"))) {
            throw new IllegalArgumentException(
                    "A post needs manfadh.node.border-point: the three-letter code of its border point, not " + borderPoint);
        }
    }

    /** From the settings' text: {@code hq} or {@code post} in any case; blank means headquarters. */
    public static NodeRole parse(String role, String borderPoint) {
        String name = role == null || role.isBlank() ? "hq" : role.strip();
        Kind kind;
        try {
            kind = Kind.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("manfadh.node.role must be hq or post, not " + name.toLowerCase(Locale.ROOT));
        }
        String point = borderPoint == null || borderPoint.isBlank() ? null : borderPoint.strip().toUpperCase(Locale.ROOT);
        return new NodeRole(kind, point);
    }

    public boolean post() {
        return kind == Kind.POST;
    }

    public boolean headquarters() {
        return kind == Kind.HQ;
    }
}
