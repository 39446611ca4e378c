import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_ENV_VARIABLES } from '../../apps/core/src/config/core.config';
import { IMPORT_STORES_ENV_VARIABLES } from '../../apps/core/src/config/import-stores.config';
import { WEB_FORM_ENV_VARIABLES } from '../../apps/web-form/src/config/web-form.config';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const documented = new Set(
  [...readme.matchAll(/^\|\s*`([A-Z][A-Z0-9_]+)`\s*\|/gm)].map((m) => m[1]),
);

describe("README's configuration table", () => {
  it.each([
    ['core', CORE_ENV_VARIABLES],
    ['web-form', WEB_FORM_ENV_VARIABLES],
    ['import:stores', IMPORT_STORES_ENV_VARIABLES],
  ])('lists every variable %s reads', (_app, variables) => {
    expect(variables.filter((v) => !documented.has(v))).toEqual([]);
  });
});
