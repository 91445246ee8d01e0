package dev.ccr.admin;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * Test classes that share one {@link AdminTestRouter} for all their tests, with its overrides file in a temporary
 * directory of their own.
 */
abstract class AdminRouterTest {
    @TempDir
    static Path dir;
    static AdminTestRouter admin;

    @BeforeAll
    static void startAdminRouter() throws Exception {
        admin = new AdminTestRouter(dir.resolve("routing-overrides.json"));
    }

    @AfterAll
    static void stopAdminRouter() {
        admin.close();
    }
}
