package dev.auditsdk.kafka;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link KafkaBroker} per test class (stopped by process id after the class) and hands it
 * to test methods and lifecycle methods that declare a {@link KafkaBroker} parameter.
 */
final class KafkaBrokerExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NS).computeIfAbsent("broker", k -> new Holder(KafkaBroker.start()), Holder.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // a method's store sees its class's values
        return java.util.Objects.requireNonNull(context.getStore(NS).get("broker", Holder.class)).broker;
    }

    /** Closes the broker when the class's store is closed. */
    private record Holder(KafkaBroker broker) implements AutoCloseable {
        @Override
        public void close() {
            broker.close();
        }
    }
}
