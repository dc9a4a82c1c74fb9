// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.spring;

import dev.auditsdk.ActivityContext;
import java.util.Map;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/csrf}: the CSRF token a script needs for POST, PUT and DELETE within a form-login
 * session (scripts using HTTP Basic need none). Only same-origin pages can read the answer. Not
 * worth an audit record, so it asks the SDK to skip it.
 */
@RestController
class CsrfController {
    @GetMapping("/api/csrf")
    Map<String, String> csrf(CsrfToken token) {
        ActivityContext.current().skip();
        return Map.of(
                "headerName",
                token.getHeaderName(),
                "parameterName",
                token.getParameterName(),
                "token",
                token.getToken());
    }
}
