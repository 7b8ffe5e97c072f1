package io.shoal.manager.state;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates akka-persistence-jdbc's tables in the embedded H2 file on first start, from the schema script
 * that ships inside the plugin's jar (made idempotent), so a new node needs nothing installed.
 */
public final class JournalSchema {
    private JournalSchema() {}

    public static void ensureH2(String url, String user, String password) throws SQLException, IOException {
        String script;
        try (InputStream in = JournalSchema.class.getClassLoader().getResourceAsStream("schema/h2/h2-create-schema.sql")) {
            if (in == null) {
                throw new IOException("schema/h2/h2-create-schema.sql is missing from akka-persistence-jdbc");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            for (String sql : script.split(";")) {
                String stmt = sql.strip().replace("CREATE UNIQUE INDEX \"", "CREATE UNIQUE INDEX IF NOT EXISTS \"");
                if (!stmt.isEmpty()) {
                    st.execute(stmt);
                }
            }
        }
    }
}
