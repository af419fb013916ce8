package org.manfadh.platform;

/**
 * A setting, or a missing one, that would put a node into production unsafely (demo accounts on a
 * real database, a published password, records over plain HTTP). The application refuses to start
 * and says what is wrong and what to set instead.
 */
public class UnsafeConfigurationException extends IllegalArgumentException {

    private final String action;

    /**
     * @param problem what is wrong, naming the settings concerned
     * @param action  what to set instead
     */
    public UnsafeConfigurationException(String problem, String action) {
        super(problem);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
