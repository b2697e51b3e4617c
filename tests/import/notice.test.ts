import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATASETS } from '../../src/import/datasets';
import { IMPORTERS } from '../../src/import/sources';

describe('the datasets table', () => {
  const notice = readFileSync('NOTICE', 'utf8');
  it.each(DATASETS.map((dataset) => [dataset.id, dataset]))('NOTICE credits %s with its repository, copyright and license', (_, dataset) => {
    expect(notice).toContain(`(${dataset.repository}`);
    expect(notice).toContain(dataset.copyright);
    expect(notice).toContain(dataset.license === 'MIT' ? 'MIT License' : 'Apache License 2.0');
  });

  it('lists only permissive licenses', () => {
    for (const dataset of DATASETS) expect(['MIT', 'Apache-2.0', 'BSD-3-Clause', 'ISC']).toContain(dataset.license);
  });

  it('has an importer for every registered importer id and a dataset for every importer', () => {
    for (const [id, importer] of Object.entries(IMPORTERS)) {
      expect(importer.dataset).toBe(id);
      expect(DATASETS.map((dataset) => dataset.id)).toContain(id);
    }
  });
});
