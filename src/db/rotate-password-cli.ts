// `npm run neo4j:rotate-password`: a new random password for the embedded Neo4j, in the data
// folder's owner-only file. Run with aidgraph stopped; the next start sets it (the launcher applies
// the file at every start). A database at NEO4J_URI keeps its own users: rotate there with
// `ALTER USER ... SET PASSWORD` and update NEO4J_PASSWORD.
import { loadConfig, ConfigError } from '../app/config.js';
import { rotateLocalPassword } from './local-neo4j.js';

try {
  const config = loadConfig();
  if (config.neo4j) {
    console.error(`NEO4J_URI is set (${config.neo4j.uri}): that database's passwords are rotated with its own tools (ALTER USER), then NEO4J_PASSWORD`);
    process.exitCode = 1;
  } else {
    const file = rotateLocalPassword(config.dataDir);
    console.log(`new password written to ${file} (owner-only); it takes effect at the next start`);
  }
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `could not rotate the password: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
