package dev.auditsdk.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small blog API that records who did what through the Audit SDK, with an activity viewer at
 * {@code /audit/}. Start it with {@code mvn -pl examples/spring-boot-app -am spring-boot:run}.
 */
@SpringBootApplication
public class BlogApplication {
    /** Starts the blog on port 8080 (or {@code server.port}). */
    public static void main(String[] args) {
        SpringApplication.run(BlogApplication.class, args);
    }
}
