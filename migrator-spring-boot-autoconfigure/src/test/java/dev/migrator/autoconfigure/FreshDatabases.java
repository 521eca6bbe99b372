package dev.migrator.autoconfigure;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.migrator.test.TestDatabase;

/**
 * Gives each test as many fresh PostgreSQL databases as it asks for, dropped after the
 * test.
 */
class FreshDatabases implements AfterEachCallback {

    private final List<TestDatabase> created = new ArrayList<>();

    TestDatabase create(String purpose) {
        try {
            TestDatabase db = new TestDatabase().create(purpose);
            this.created.add(db);
            return db;
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not create a test database: " + ex.getMessage(), ex);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (TestDatabase db : this.created) {
            db.drop();
        }
        this.created.clear();
    }

}
