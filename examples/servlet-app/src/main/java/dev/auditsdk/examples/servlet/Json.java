// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.servlet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** Reading and writing JSON bodies with Jackson. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        MAPPER.writeValue(response.getOutputStream(), body);
    }

    static void error(HttpServletResponse response, int status, String message) throws IOException {
        write(response, status, Map.of("error", message));
    }

    /** The request's JSON object body; an empty object when the body is not one. */
    static JsonNode read(HttpServletRequest request) throws IOException {
        try {
            JsonNode node = MAPPER.readTree(request.getInputStream());
            return node != null && node.isObject() ? node : MAPPER.createObjectNode();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return MAPPER.createObjectNode();
        }
    }
}
