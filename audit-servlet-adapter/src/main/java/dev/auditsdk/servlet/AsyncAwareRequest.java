// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Registers the request's completion listener the moment a handler calls {@code startAsync}, so a
 * request that is dispatched or completed asynchronously is recorded once, when it is really done.
 * Passed down the chain only when the request supports async; every other call is delegated.
 */
final class AsyncAwareRequest extends HttpServletRequestWrapper {
    private final RequestState state;

    AsyncAwareRequest(HttpServletRequest request, RequestState state) {
        super(request);
        this.state = state;
    }

    @Override
    public AsyncContext startAsync() {
        AsyncContext ac = super.startAsync();
        register(ac);
        return ac;
    }

    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
        AsyncContext ac = super.startAsync(request, response);
        register(ac);
        return ac;
    }

    private void register(AsyncContext ac) {
        if (!state.isListening()) {
            state.markListening();
            ac.addListener(state);
        }
    }
}
