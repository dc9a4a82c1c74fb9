// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The code blocks of this module's README are the marked regions of tests the build runs, verbatim. */
class ReadmeSnippetsTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "src/test/java/dev/auditsdk/test/example/InvoiceServiceTest.java",
                "spring-it/src/test/java/dev/auditsdk/test/spring/it/PostApiTest.java"
            })
    void readmeShowsTheTestVerbatim(String source) throws IOException {
        String code = Files.readString(Path.of(source));
        String region = code.substring(
                        code.indexOf("// README-BEGIN\n") + "// README-BEGIN\n".length(), code.indexOf("// README-END"))
                .stripTrailing();

        assertThat(Files.readString(Path.of("README.md")))
                .contains("`" + source + "`")
                .contains("```java\n" + region + "\n```");
    }
}
