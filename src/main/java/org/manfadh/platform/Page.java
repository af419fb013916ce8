package org.manfadh.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a list with where it stands in the whole: {@code {"content": [...], "page": {...}}}. */
public record Page<T>(List<T> content, PageInfo page) {

    public record PageInfo(int number, int size, long totalElements, long totalPages) {
    }

    public static <T> Page<T> of(List<T> content, PageRequest request, long totalElements) {
        long pages = (totalElements + request.size() - 1) / request.size();
        return new Page<>(List.copyOf(content), new PageInfo(request.number(), request.size(), totalElements, pages));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(content.stream().map(mapper).toList(), page);
    }
}
