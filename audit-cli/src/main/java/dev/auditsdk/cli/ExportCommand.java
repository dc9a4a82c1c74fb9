package dev.auditsdk.cli;

import dev.auditsdk.jdbi.JdbiActivityStore;
import dev.auditsdk.read.ActivityExport;
import dev.auditsdk.read.ExportFormat;
import dev.auditsdk.read.ReadScope;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export}: every matching record, streamed page by page through core's {@link ActivityExport}. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Write every record that matches the filters, newest first, as CSV (formula-safe) or JSON "
                + "Lines, streamed page by page.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "2:error"})
final class ExportCommand implements Callable<Integer>, UsesDatabase {
    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    FilterOptions filters = new FilterOptions();

    @Option(
            names = "--format",
            paramLabel = "csv|jsonl",
            defaultValue = "csv",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    String format = "csv";

    @Option(names = "--output", paramLabel = "FILE", description = "Write to this file instead of stdout.")
    @Nullable
    Path output;

    @Spec
    @Nullable
    CommandSpec spec;

    @Override
    public ConnectionOptions connection() {
        return connection;
    }

    @Override
    public Integer call() throws IOException {
        ExportFormat exportFormat;
        try {
            exportFormat = ExportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new CliException(String.valueOf(e.getMessage()), e);
        }
        var query = filters.query(Map.of());
        Database db = connection.database().checked();
        try (JdbiActivityStore store = Stores.open(db)) {
            ActivityExport export = ActivityExport.start(ReadScope.allTenants(), store, query, exportFormat);
            if (output == null) {
                // not closed: that would close System.out
                Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
                export.writeTo(out);
                out.flush();
            } else {
                try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                    long n = export.writeTo(out);
                    Terminal.err(spec).println("exported " + n + " records to " + output);
                }
            }
        }
        return 0;
    }
}
