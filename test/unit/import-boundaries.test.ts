// The layers of src/ as docs/architecture.md draws them, checked by dependency-cruiser with the rules
// in .dependency-cruiser.mjs: a forbidden import or an import circle fails here, naming the files.
// The same rules run over a miniature src/ that breaks them on purpose, so a rule that stopped
// matching anything would fail too.
import path from 'node:path';
import { cruise, type ICruiseOptions, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { describe, expect, it } from 'vitest';

async function violations(baseDir: string, options: ICruiseOptions): Promise<string[]> {
  const result = await cruise(['src'], { ...options, baseDir });
  if (typeof result.output === 'string') throw new Error('dependency-cruiser answered text, not a result');
  return result.output.summary.violations.map((v: IViolation) =>
    v.cycle ? `${v.rule.name}: ${v.from} > ${v.cycle.map((c) => c.name).join(' > ')}` : `${v.rule.name}: ${v.from} -> ${v.to}`);
}

describe('import boundaries', () => {
  it('src/ keeps its layers and has no import circle', async () => {
    const options = await extractDepcruiseOptions('./.dependency-cruiser.mjs');
    expect(await violations(process.cwd(), options)).toEqual([]);
  });

  it('the rules catch a kernel or loader importing an API module, and a circle', async () => {
    const { tsConfig: _ts, ...options } = await extractDepcruiseOptions('./.dependency-cruiser.mjs');
    const found = await violations(path.resolve('test/fixtures/layers'), options);
    expect(found.sort()).toEqual([
      'domain-is-the-kernel: src/domain/leak.js -> src/modules/places/inside.js',
      'gazetteer-imports-domain-and-db: src/gazetteer/load.js -> src/modules/places/inside.js',
      'no-circular: src/ingest/quality.js > src/ingest/validate.js > src/ingest/quality.js',
    ]);
  });
});
