// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.it;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reachable for ROLE_ADMIN only: other users get 403 from the security filter chain. */
@RestController
class AdminController {
    @GetMapping("/api/admin/stats")
    String stats() {
        return "{}";
    }
}
