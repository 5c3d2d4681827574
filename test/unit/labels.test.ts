// The one label dictionary (src/domain/labels.ts): every code of every enum a reader may meet has
// words in both languages, units have plural forms, and a code the dictionary lacks is put in
// words rather than shown raw.
import { describe, expect, it } from 'vitest';
import {
  EntityKind, Evidence, MoneyFlow, NameScript, ParticipationRole, QuantityQualifier, RelationshipType, SupportMode, TimelineDating, TwinningLevel, Unit,
} from '../../src/generated/graphql.js';
import {
  DATING_LABELS, EVIDENCE_LABELS, FLOW_LABELS, formatFigure, humanise, KIND_LABELS, label, LEVEL_LABELS, listOf, metricLabel, MODE_LABELS,
  QUALIFIER_LABELS, ROLE_LABELS, SCRIPT_LABELS, TYPE_LABELS, TYPE_NAMES, UNIT_LABELS,
} from '../../src/domain/labels.js';
import { METRICS } from '../../src/domain/metric-vocabulary.js';

describe('the label dictionary', () => {
  it('labels every code of every enum in Chinese and English', () => {
    const tables: Array<[Record<string, string>, Record<string, readonly [string, string]>]> = [
      [EntityKind, KIND_LABELS], [RelationshipType, TYPE_LABELS], [RelationshipType, TYPE_NAMES], [SupportMode, MODE_LABELS],
      [TwinningLevel, LEVEL_LABELS], [ParticipationRole, ROLE_LABELS], [Evidence, EVIDENCE_LABELS], [MoneyFlow, FLOW_LABELS], [TimelineDating, DATING_LABELS], [NameScript, SCRIPT_LABELS],
    ];
    for (const [codes, table] of tables) {
      for (const code of Object.values(codes)) {
        expect(table[code]?.[0], `${code} in Chinese`).toMatch(/\p{Script=Han}/u);
        expect(table[code]?.[1], `${code} in English`).toMatch(/^[a-z][a-z ,'()–-]+$/i);
      }
    }
    for (const q of Object.values(QuantityQualifier)) expect(QUALIFIER_LABELS[q]).toBeDefined();
    for (const u of Object.values(Unit)) expect(UNIT_LABELS[u]).toBeDefined();
    for (const m of METRICS.values()) expect([metricLabel(m.name, 'zh'), metricLabel(m.name, 'en')]).toEqual([m.labelZh, m.label]);
  });

  it('writes figures as a reader says them, with plural forms', () => {
    expect(formatFigure({ value: 150, unit: 'person', qualifier: 'AT_LEAST' }, 'en')).toBe('at least 150 people');
    expect(formatFigure({ value: 1, unit: 'person', qualifier: 'EXACT' }, 'en')).toBe('1 person');
    expect(formatFigure({ value: 6, unit: 'batch', qualifier: 'EXACT' }, 'en')).toBe('6 batches');
    expect(formatFigure({ value: 1, unit: 'batch', qualifier: 'EXACT' }, 'en')).toBe('1 batch');
    expect(formatFigure({ value: 150, unit: 'count', qualifier: 'MORE_THAN' }, 'en')).toBe('more than 150');
    expect(formatFigure({ value: 40_000_000, unit: 'CNY', qualifier: 'EXACT' }, 'en')).toBe('40,000,000 yuan');
    expect(formatFigure({ value: 1600, unit: 'm2', qualifier: 'APPROXIMATELY' }, 'en')).toBe('about 1,600 m²');
    expect(formatFigure({ value: 85.86, unit: 'percent', qualifier: 'EXACT' }, 'en')).toBe('85.86%');
    expect(formatFigure({ value: 234.89, unit: 'percent', qualifier: 'EXACT', measure: 'CHANGE' }, 'en')).toBe('+234.89%');
    expect(formatFigure({ value: -79.46, unit: 'percent', qualifier: 'EXACT', measure: 'CHANGE' }, 'zh')).toBe('−79.46%');
    expect(formatFigure({ value: 18_000_000, unit: 'CNY', qualifier: 'AT_LEAST' }, 'zh')).toBe('至少18,000,000元');
    expect(formatFigure({ value: 6, unit: 'batch', qualifier: 'EXACT' }, 'zh')).toBe('6批次');
  });

  it('puts an unknown code in words, never raw, and joins lists as each language does', () => {
    expect(label(MODE_LABELS, 'SOMETHING_NEW', 'en')).toBe('something new');
    expect(humanise('grassrootsFundingShare')).toBe('grassroots funding share');
    expect(label(MODE_LABELS, 'CULTURAL_EXCHANGE', 'en')).toBe('cultural exchange');
    expect(listOf(['a', 'b'], 'en')).toBe('a, b');
    expect(listOf(['甲', '乙'], 'zh')).toBe('甲、乙');
  });
});
