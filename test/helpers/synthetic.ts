// A generated seed folder of N twinnings, each with supports, a project, a team and a person, all
// cited: enough items to show whether a nested list costs more queries as it grows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIXTURE_TERMS } from './seed-fixtures.js';

export function writeSyntheticSeeds(pairs: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aidgraph-synthetic-'));
  const folder = path.join(dir, 'synthetic');
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, 'source.yaml'), `id: synthetic\ntitle: Synthetic source\npublisher: Test\npublishedAt: 2024-01-01\n${FIXTURE_TERMS}`);
  const entities: string[] = [
    '- { id: "province:supporter", kind: Province, name: Supporter Province, citations: ["Supporter Province"] }',
    '- { id: "city:recipient", kind: City, name: Recipient City, citations: ["Recipient City"] }',
  ];
  const rels: string[] = [];
  const quantities: string[] = [];
  for (let i = 0; i < pairs; i++) {
    const n = String(i).padStart(3, '0');
    entities.push(
      `- { id: "city:s${n}", kind: City, name: "Supporter ${n}", nameZh: "援助市${n}", citations: ["援助市${n}"] }`,
      `- { id: "county:r${n}", kind: District, name: "Recipient ${n}", citations: ["Recipient ${n}"] }`,
      `- { id: "school:r${n}", kind: School, name: "School ${n}", citations: ["School ${n}"] }`,
      `- { id: "project:p${n}", kind: Project, name: "Project ${n}", properties: { supportMode: EDUCATION }, citations: ["Project ${n}"] }`,
      `- { id: "org:team${n}", kind: Organization, name: "Team ${n}", citations: ["Team ${n}"] }`,
      `- { id: "person:p${n}", kind: Person, name: "Person ${n}", citations: ["Person ${n}"] }`,
    );
    rels.push(
      `- { id: "part-of:s${n}", type: PART_OF, from: "city:s${n}", to: "province:supporter", citations: ["援助市${n} in Supporter Province"] }`,
      `- { id: "part-of:r${n}", type: PART_OF, from: "county:r${n}", to: "city:recipient", citations: ["Recipient ${n} in Recipient City"] }`,
      `- { id: "located-in:school${n}", type: LOCATED_IN, from: "school:r${n}", to: "county:r${n}", citations: ["School ${n} in Recipient ${n}"] }`,
      `- { id: "part-of:team${n}", type: PART_OF, from: "org:team${n}", to: "city:s${n}", citations: ["Team ${n} of 援助市${n}"] }`,
      `- { id: "twinning:s${n}--r${n}", type: TWINNED_WITH, from: "city:s${n}", to: "county:r${n}", properties: { level: CITY, since: ${2000 + (i % 20)} }, citations: ["援助市${n} pairs with Recipient ${n}"] }`,
      `- { id: "support:s${n}--r${n}", type: SUPPORTS, from: "city:s${n}", to: "county:r${n}", properties: { mode: DONATION, from: ${2010 + (i % 10)} }, citations: ["援助市${n} donates to Recipient ${n}"] }`,
      `- { id: "support:team${n}--school${n}", type: SUPPORTS, from: "org:team${n}", to: "school:r${n}", properties: { mode: EDUCATION_TEAM }, citations: ["Team ${n} teaches at School ${n}"] }`,
      `- { id: "participation:s${n}--p${n}", type: PARTICIPATES_IN, from: "city:s${n}", to: "project:p${n}", properties: { role: FUNDING }, citations: ["援助市${n} funds Project ${n}"] }`,
      `- { id: "benefit:p${n}", type: BENEFITS, from: "project:p${n}", to: "school:r${n}", citations: ["Project ${n} for School ${n}"] }`,
      `- { id: "member-of:p${n}", type: MEMBER_OF, from: "person:p${n}", to: "org:team${n}", citations: ["Person ${n} in Team ${n}"] }`,
    );
    quantities.push(
      `- { subject: "support:s${n}--r${n}", metric: donations, value: ${1000 * (i + 1)}, unit: CNY, qualifier: ${i % 3 === 0 ? 'AT_LEAST' : 'EXACT'}, citations: ["${1000 * (i + 1)}元"] }`,
      `- { subject: "project:p${n}", metric: aidFunding, value: ${5000 * (i + 1)}, unit: CNY, citations: ["Project ${n} cost ${5000 * (i + 1)}元"] }`,
    );
  }
  fs.writeFileSync(path.join(folder, 'entities.yaml'), entities.join('\n') + '\n');
  fs.writeFileSync(path.join(folder, 'relationships.yaml'), rels.join('\n') + '\n');
  fs.writeFileSync(path.join(folder, 'quantities.yaml'), quantities.join('\n') + '\n');
  return dir;
}

/** Nested list operations whose item count is `$n`; what the round-trip test and benchmark run. */
export const NESTED_OPERATIONS: Record<string, string> = {
  twinnings: `query($n: Int!) { twinnings(first: $n, orderBy: { field: ID }) { edges { node {
    supporter { name sources { quote } parent { name } }
    recipient { name ... on Place { parent { name } located { name } } }
    sources { quote source { title } }
    supports { mode supporter { name } beneficiary { name } sources { quote source { title } } quantities { text sources { quote } } }
    projects { name investment { text sources { quote } } participants { role participant { name } } }
    people { name teams { team { name } sources { quote } } }
  } } } }`,
  supports: `query($n: Int!) { supports(first: $n, orderBy: { field: ID }) { edges { node {
    mode supporter { name sources { quote } } beneficiary { name ... on School { location { name } } }
    quantities { text sources { quote } } sources { quote source { title } }
  } } } }`,
  search: `query($n: Int!) { search(text: "Supporter", kinds: [CITY], first: $n) {
    name ... on City { parent { name } twinnedWith { recipient { name } sources { quote } } supportsGiven { beneficiary { name } quantities { text } } }
  } }`,
};
