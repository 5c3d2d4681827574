// Starts Neo4j Community in-process with only Bolt on 127.0.0.1, for aidgraph's embedded default.
// Run as: java -cp <resolved jars> Launcher <boltPort> <dataDir> <passwordFile>
// Authentication is on: the user neo4j gets the password in <passwordFile> (owner-only, written by
// src/db/local-neo4j.ts) at every start, so the file is the one place the password lives and a
// rotation is a new file and a restart.
// Prints one line "AIDGRAPH_NEO4J_READY <boltUri> <version>" when Bolt answers; stops cleanly on
// SIGTERM/SIGINT or when its standard input closes (so a parent that dies never leaves it behind).

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.Version;

public class Launcher {
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: Launcher <boltPort> <dataDir> <passwordFile>");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    Path home = Path.of(args[1]).toAbsolutePath();
    String password = Files.readString(Path.of(args[2])).trim();
    String pageCache = System.getProperty("aidgraph.pagecache", "256m");

    // Raw keys are the ones neo4j.conf uses; Bolt is off in-process unless enabled here.
    Map<String, String> config = Map.ofEntries(
        Map.entry("server.bolt.enabled", "true"),
        Map.entry("server.bolt.listen_address", "127.0.0.1:" + port),
        Map.entry("server.bolt.tls_level", "DISABLED"),
        Map.entry("dbms.routing.enabled", "false"), // the routing connector would bind a second port
        Map.entry("dbms.usage_report.enabled", "false"),
        // Loopback only, and still every local user and process could rewrite the graph without it.
        Map.entry("dbms.security.auth_enabled", "true"),
        Map.entry("server.memory.pagecache.size", pageCache),
        // Bolt's netty loops wait a 5 s quiet period per connector at stop; ours has no clients left by then.
        Map.entry("internal.dbms.bolt.netty_server_shutdown_quiet_period", "0"),
        Map.entry("internal.dbms.bolt.local_enabled", "false"),
        Map.entry("server.directories.logs", home.resolve("logs").toString()),
        // A gazetteer load writes about 800 MB of transaction log; keep only what recovery needs,
        // dropped at the next checkpoint (every two minutes rather than fifteen).
        Map.entry("db.checkpoint.interval.time", "2m"),
        Map.entry("db.tx_log.rotation.size", "64M"),
        Map.entry("db.tx_log.rotation.retention_policy", "128M size"));

    // The builder takes raw keys only from a file, so write them as this store's neo4j.conf.
    Files.createDirectories(home);
    Path conf = home.resolve("neo4j.conf");
    StringBuilder lines = new StringBuilder("# written by aidgraph's Launcher.java at every start\n");
    new TreeMap<>(config).forEach((k, v) -> lines.append(k).append('=').append(v).append('\n'));
    Files.writeString(conf, lines.toString());

    // Watch stdin from the start: if the parent dies at any moment, even mid-start-up, we exit too.
    Thread stdinWatch = new Thread(() -> {
      try {
        while (System.in.read() != -1) { /* ignore input */ }
      } catch (Exception ignored) { /* a broken pipe means the same as EOF */ }
      System.exit(0);
    }, "aidgraph-stdin-watch");
    stdinWatch.setDaemon(true);
    stdinWatch.start();

    DatabaseManagementService service;
    try {
      service = new DatabaseManagementServiceBuilder(home).loadPropertiesFromFile(conf).build();
    } catch (Exception e) {
      System.err.println("Neo4j could not start: " + e);
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.shutdown();
      System.out.println("AIDGRAPH_NEO4J_STOPPED");
      System.out.flush();
    }, "aidgraph-neo4j-shutdown"));

    try {
      // Embedded calls bypass authentication; Bolt clients need this password from now on.
      service.database("system").executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    } catch (Exception e) {
      // Setting the password it already has is refused; any other failure leaves Bolt unusable.
      if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
        System.err.println("Neo4j could not set the password of user neo4j: " + e);
        System.exit(1);
      }
    }
    try {
      // Touch the default database so the ready line means "queries will answer".
      service.database("neo4j").executeTransactionally("RETURN 1");
    } catch (Exception e) {
      System.err.println("Neo4j started but its default database does not answer: " + e);
      System.exit(1);
    }
    System.out.println("AIDGRAPH_NEO4J_READY bolt://127.0.0.1:" + port + " " + Version.getNeo4jVersion());
    System.out.flush();
    stdinWatch.join(); // until the parent goes (SIGTERM also ends us, through the shutdown hook)
  }
}
