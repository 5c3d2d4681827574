// `npm run neo4j:resolve`: fetch Neo4j's jars from Maven Central, compile the launcher and make the
// class-data archive (one throwaway start and stop), so that no later start pays for them (CI runs it
// before the tests).
import { ensureClassData, resolveClasspath } from './local-neo4j.js';

const classpath = resolveClasspath();
console.log(`Neo4j classpath ready: ${classpath.split(':').length} entries`);
const archive = await ensureClassData(classpath);
console.log(archive ? `class-data archive ready: ${archive}` : 'no class-data archive (see the warning above); Neo4j starts without one');
