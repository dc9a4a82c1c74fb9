package dev.auditsdk.jdbi;

class PostgresStoreIT extends JdbiStoreContract {
    private TestDatabases.TestDatabase db;

    @Override
    protected TestDatabases.SimpleDataSource newDataSource() {
        db = TestDatabases.postgres();
        return (TestDatabases.SimpleDataSource) db.dataSource();
    }

    @Override
    protected void dropDatabase() {
        db.close();
    }
}
