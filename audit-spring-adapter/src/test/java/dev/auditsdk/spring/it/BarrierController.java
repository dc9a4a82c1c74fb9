// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.it;

import dev.auditsdk.spring.web.AuditActivity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** An always-recorded endpoint (in every web mode) that the tests use to wait for earlier records. */
@RestController
class BarrierController {
    @GetMapping("/api/barrier")
    @AuditActivity(action = "Barrier")
    String barrier() {
        return "ok";
    }
}
