package org.civicloop.system.database;

import java.nio.file.Path;

/** Run in a separate JVM by {@link EmbeddedDatabaseTests}, which then kills that JVM with SIGKILL. */
public final class EmbeddedDatabaseChild {

    private EmbeddedDatabaseChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedDatabase db = EmbeddedDatabase.startOrAttach(Path.of(args[0]), 0, "");
        System.out.println("READY " + db.port());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
