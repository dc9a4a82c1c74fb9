// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.spring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Prints where the blog listens and how to sign in, once the server is up. */
@Component
class StartupBanner implements ApplicationListener<WebServerInitializedEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

    private final DemoUsers users;

    StartupBanner(DemoUsers users) {
        this.users = users;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        String base = "http://localhost:" + event.getWebServer().getPort();
        StringBuilder sb = new StringBuilder("\n\n  Audit SDK blog example is up at ")
                .append(base)
                .append("/\n\n");
        for (String name : users.names()) {
            sb.append(String.format(
                    "    %-11s password %-14s roles %s%n",
                    name, users.password(name), String.join(", ", DemoUsers.ROLES.get(name))));
        }
        sb.append("\n  Activity viewer (sign in as auditor): ")
                .append(base)
                .append("/audit/\n")
                .append("  Try: curl -u alice:<password> ")
                .append(base)
                .append("/api/articles\n");
        LOG.info(sb.toString());
    }
}
