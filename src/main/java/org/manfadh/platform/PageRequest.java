package org.manfadh.platform;

/**
 * A page of a list: {@code ?page=0&size=50}, size up to 1000. Every list of the API pages this way.
 */
public record PageRequest(int number, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 1000;

    public PageRequest {
        if (number < 0) {
            throw Rejection.invalid("invalid-parameter", "Parameter 'page' must be 0 or more.");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw Rejection.invalid("invalid-parameter", "Parameter 'size' must be between 1 and " + MAX_SIZE + ".");
        }
    }

    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public long offset() {
        return (long) number * size;
    }
}
