// `npm run neo4j:resolve`: fetch Neo4j's jars from Maven Central and compile the launcher, without
// starting anything (CI runs it so the first test does not pay for downloads).
import { resolveClasspath } from './local-neo4j.js';

const classpath = resolveClasspath();
console.log(`Neo4j classpath ready: ${classpath.split(':').length} entries`);
