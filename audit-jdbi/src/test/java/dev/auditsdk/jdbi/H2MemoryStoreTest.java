package dev.auditsdk.jdbi;

import java.util.UUID;

class H2MemoryStoreTest extends JdbiStoreContract {
    @Override
    protected TestDatabases.SimpleDataSource newDataSource() {
        return new TestDatabases.SimpleDataSource("jdbc:h2:mem:t" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    @Override
    protected void dropDatabase() {
        try (var c = dataSource.getConnection();
                var s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
