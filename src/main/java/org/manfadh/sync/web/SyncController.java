package org.manfadh.sync.web;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.zip.GZIPInputStream;

import org.manfadh.access.Accounts;
import org.manfadh.platform.web.ApiProblems;
import org.manfadh.platform.ProblemResponses;
import org.manfadh.sync.AuditCopies;
import org.manfadh.sync.Batch;
import org.manfadh.sync.Batches;
import org.manfadh.sync.Pusher;
import org.manfadh.sync.Sender;
import org.manfadh.sync.SyncStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.swagger.v3.oas.annotations.Operation;

/** Synchronisation: posts push batches to headquarters; both ends say where they stand. */
@RestController
@RequestMapping("/api/v1/sync")
class SyncController {

    /** A batch of 500 crossings is a few megabytes unpacked; anything far beyond is refused. */
    private static final long MAX_BATCH_BYTES = 256L * 1024 * 1024;

    private final Batches applier;
    private final Pusher pusher;
    private final SyncStatus status;
    private final JsonMapper json;
    private final Accounts accounts;
    private final AuditCopies auditCopies;

    SyncController(Batches applier, Pusher pusher, SyncStatus status, JsonMapper json,
                   Accounts accounts, AuditCopies auditCopies) {
        this.auditCopies = auditCopies;
        this.accounts = accounts;
        this.applier = applier;
        this.pusher = pusher;
        this.status = status;
        this.json = json;
    }

    /**
     * At headquarters: a post's records, applied once whatever is repeated. Body JSON, gzip allowed.
     * An administrator may deliver a batch by hand, for a post whose link is gone for good.
     */
    @Operation(summary = "At headquarters: a post's batch of records (JSON, gzip allowed), applied once however often it is sent")
    @ProblemResponses({409, 413})
    @PostMapping("/batches")
    @PreAuthorize("hasAnyRole('NODE', 'ADMIN')")
    Batch.Applied batch(HttpServletRequest request, Principal caller,
                        @RequestHeader(name = "Content-Encoding", required = false) String encoding) throws IOException {
        Batch batch = read(request, encoding, Batch.class);
        requireSpeaksFor(caller, batch.borderPoint());
        return applier.apply(batch, sender(caller));
    }

    /** The body as JSON, unpacked when gzip-compressed, refused when it is not JSON or unpacks too large. */
    private <T> T read(HttpServletRequest request, String encoding, Class<T> type) throws IOException {
        try (InputStream raw = request.getInputStream();
             InputStream body = encoding != null && encoding.strip().equalsIgnoreCase("gzip")
                     ? new GZIPInputStream(raw) : raw) {
            return json.readValue(new LimitedInputStream(body, MAX_BATCH_BYTES), type);
        } catch (JacksonException | java.util.zip.ZipException e) {
            throw ApiProblems.badRequest("invalid-batch", "The body is not valid (gzip-compressed) JSON.");
        }
    }

    private void requireSpeaksFor(Principal caller, String borderPoint) {
        if (!accounts.workScope(caller.getName()).allows(borderPoint)) {
            throw ApiProblems.forbidden("Account " + caller.getName() + " does not speak for border point "
                    + borderPoint + ".");
        }
    }

    private static Sender sender(Principal caller) {
        return new Sender(caller.getName(), isNode(caller));
    }

    /** A node's own credential, as opposed to an administrator's (who holds every role) delivering by hand. */
    static boolean isNode(Principal caller) {
        return caller instanceof org.springframework.security.core.Authentication authentication
                && authentication.getAuthorities().stream().anyMatch(a -> "ROLE_NODE".equals(a.getAuthority()))
                && authentication.getAuthorities().stream().noneMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }

    /**
     * At headquarters: a post's audit trail after the last event headquarters holds, and its checkpoints;
     * answers the last event held. Body JSON, gzip allowed.
     */
    @Operation(summary = "At headquarters: a post's audit trail and checkpoints after the last event held (JSON, gzip allowed)")
    @ProblemResponses({409, 413})
    @PostMapping("/audit")
    @PreAuthorize("hasAnyRole('NODE', 'ADMIN')")
    AuditCopies.Held audit(HttpServletRequest request, Principal caller,
                           @RequestHeader(name = "Content-Encoding", required = false) String encoding) throws IOException {
        AuditCopies.Delivery delivery = read(request, encoding, AuditCopies.Delivery.class);
        requireSpeaksFor(caller, delivery.borderPoint());
        return auditCopies.receive(delivery, sender(caller));
    }

    /** At a post: push now rather than at the next interval. */
    @Operation(summary = "At a post: push the outbox to headquarters now")
    @PostMapping("/push")
    @PreAuthorize("hasRole('ADMIN')")
    Pusher.Result push() {
        return pusher.push();
    }

    @Operation(summary = "The state of synchronisation: at a post its link to headquarters, at headquarters each node")
    @GetMapping("/status")
    @PreAuthorize("hasAnyRole('ADMIN', 'NODE')")
    SyncStatus.Status status(Principal caller) {
        return isNode(caller) ? status.statusForNode(caller.getName()) : status.status();
    }

    /** Stops reading an unpacked body beyond a limit: a small gzip bomb must not fill the memory. */
    private static final class LimitedInputStream extends java.io.FilterInputStream {
        private long left;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) {
                throw tooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (left -= n) < 0) {
                throw tooLarge();
            }
            return n;
        }

        private static RuntimeException tooLarge() {
            return ApiProblems.problem(org.springframework.http.HttpStatus.CONTENT_TOO_LARGE, "batch-too-large",
                    "Batch too large", "A batch unpacks to at most " + MAX_BATCH_BYTES + " bytes; send smaller batches.");
        }
    }
}
