package org.manfadh.sync.web;

import java.security.Principal;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import org.manfadh.access.AuditTrail;
import org.manfadh.platform.web.ApiProblems;
import org.manfadh.screening.WatchlistReplication;
import org.manfadh.sync.Feed;
import org.manfadh.sync.Puller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Headquarters to the posts: a post asks what it is owed, then fetches each list's delta. */
@RestController
@RequestMapping("/api/v1/sync")
class FeedController {

    private final Feed feed;
    private final WatchlistReplication watchlists;
    private final Puller puller;
    private final AuditTrail audit;

    FeedController(Feed feed, WatchlistReplication watchlists, Puller puller, AuditTrail audit) {
        this.feed = feed;
        this.watchlists = watchlists;
        this.puller = puller;
        this.audit = audit;
    }

    /** At headquarters: the list versions and account set a post holds in, what it should fetch out. */
    @io.swagger.v3.oas.annotations.Operation(summary = "At headquarters: what a post is owed — newer watchlist "
            + "versions, its accounts, stay rules, identity merges and decisions")
    @org.manfadh.platform.ProblemResponses({409})
    @PostMapping("/feed")
    @PreAuthorize("hasAnyRole('NODE', 'ADMIN')")
    Feed.Answer feed(@RequestBody Feed.Request request, Principal caller) {
        return feed.answer(request, caller.getName(), SyncController.isNode(caller));
    }

    /** At headquarters: a list's versions after {@code after} (0: the whole list), gzip-compressed JSON, streamed. */
    @io.swagger.v3.oas.annotations.Operation(summary = "At headquarters: a watchlist's changes after a version, "
            + "for a post, as gzip-compressed JSON")
    @org.manfadh.platform.ProblemResponses({409})
    @GetMapping("/watchlists/{id}")
    @PreAuthorize("hasAnyRole('NODE', 'ADMIN')")
    ResponseEntity<StreamingResponseBody> watchlist(@PathVariable UUID id, @RequestParam(defaultValue = "0") long after,
                                                    @RequestParam(required = false) String borderPoint,
                                                    Principal caller) {
        requireBorderPoint(borderPoint);
        if (after < 0) {
            throw ApiProblems.badRequest("invalid-parameter", "Parameter 'after' is a version, 0 or more.");
        }
        feed.checkPublished(id, borderPoint, caller.getName());
        // The list's entries name people: the read is recorded before a byte of it is sent.
        audit.personalDataRead("GET /api/v1/sync/watchlists/" + id + "?after=" + after, List.of(id));
        StreamingResponseBody body = out -> {
            try (GZIPOutputStream zip = new GZIPOutputStream(out, 1 << 16)) {
                watchlists.export(id, after, zip);
            }
        };
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_ENCODING, "gzip").body(body);
    }

    /** At headquarters: a page of the records of a post's border point, for a post that lost its own. */
    @io.swagger.v3.oas.annotations.Operation(summary = "At headquarters: a page of the crossings and screenings of "
            + "a post's border point, for a post taking its records back")
    @org.manfadh.platform.ProblemResponses({409})
    @GetMapping("/records")
    @PreAuthorize("hasAnyRole('NODE', 'ADMIN')")
    Feed.Records records(@RequestParam(required = false) String borderPoint,
                         @RequestParam(required = false) String after,
                         @RequestParam(defaultValue = "500") int limit, Principal caller) {
        requireBorderPoint(borderPoint);
        return feed.records(borderPoint, after, limit, caller.getName());
    }

    /** At a post: ask headquarters now rather than at the next interval. */
    @io.swagger.v3.oas.annotations.Operation(summary = "At a post: ask headquarters now for what it holds for this post")
    @PostMapping("/pull")
    @PreAuthorize("hasRole('ADMIN')")
    Puller.Result pull() {
        return puller.pull();
    }

    /** Checked in the method, after its roles, so that a caller without them learns nothing of the parameters. */
    private static void requireBorderPoint(String borderPoint) {
        if (borderPoint == null || borderPoint.isBlank()) {
            throw ApiProblems.badRequest("missing-parameter", "Parameter 'borderPoint' is required.");
        }
    }
}
