package dev.auditsdk.jdbi;

class MariaDbStoreIT extends JdbiStoreContract {
    private TestDatabases.TestDatabase db;

    @Override
    protected TestDatabases.SimpleDataSource newDataSource() {
        db = TestDatabases.mariadb();
        return (TestDatabases.SimpleDataSource) db.dataSource();
    }

    @Override
    protected void dropDatabase() {
        db.close();
    }
}
