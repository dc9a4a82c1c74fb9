package dev.auditsdk.examples.spring;

/** A read-only article, as in the seed's {@code ArticleListView}. */
public record Article(long id, String title, String summary) {}
