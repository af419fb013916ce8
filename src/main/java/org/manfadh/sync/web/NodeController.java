package org.manfadh.sync.web;

import java.util.Map;

import org.manfadh.access.NodeCredentials;
import org.manfadh.platform.web.ApiProblems;
import org.manfadh.platform.NodeRole;
import org.manfadh.platform.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/**
 * At headquarters: an administrator issues a border post's node its own credentials (set them on
 * the post as {@code manfadh.sync.username} and {@code manfadh.sync.password}) and revokes them.
 */
@RestController
@RequestMapping("/api/v1/sync/nodes")
@PreAuthorize("hasRole('ADMIN')")
class NodeController {

    record IssueRequest(String borderPoint) {
    }

    private final NodeCredentials credentials;
    private final NodeRole role;

    NodeController(NodeCredentials credentials, NodeRole role) {
        this.credentials = credentials;
        this.role = role;
    }

    /** The password is in this answer only; headquarters keeps its hash. */
    @Operation(summary = "At headquarters: issue a post's node its own account; the password is in this answer only")
    @ProblemResponses({409})
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    NodeCredentials.Issued issue(@RequestBody IssueRequest request) {
        atHeadquarters();
        return credentials.issue(request.borderPoint());
    }

    @Operation(summary = "At headquarters: revoke a node's account; the post's next request is refused")
    @ProblemResponses({409})
    @PostMapping("/{username}/revoke")
    Map<String, Object> revoke(@PathVariable String username) {
        atHeadquarters();
        credentials.revoke(username);
        return Map.of("username", username, "revoked", true);
    }

    private void atHeadquarters() {
        if (role.post()) {
            throw ApiProblems.conflict("not-headquarters", "Node credentials are issued at headquarters.");
        }
    }
}
