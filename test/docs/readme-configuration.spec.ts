import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CALL_CENTER_ENV_VARIABLES } from '../../apps/call-center/src/config/call-center.config';
import { CORE_ENV_VARIABLES } from '../../apps/core/src/config/core.config';
import { IMPORT_STORES_ENV_VARIABLES } from '../../apps/core/src/config/import-stores.config';
import { DASHBOARD_ENV_VARIABLES } from '../../apps/dashboard/src/config/dashboard.config';
import { EMAIL_ENV_VARIABLES } from '../../apps/email/src/config/email.config';
import { WEB_FORM_ENV_VARIABLES } from '../../apps/web-form/src/config/web-form.config';
import { WHATSAPP_ENV_VARIABLES } from '../../apps/whatsapp/src/config/whatsapp.config';
import { X_ENV_VARIABLES } from '../../apps/x/src/config/x.config';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const documented = new Set(
  [...readme.matchAll(/^\|\s*`([A-Z][A-Z0-9_]+)`\s*\|/gm)].map((m) => m[1]),
);

// An operator configures the gateway from the README alone: a variable an app reads but the
// table does not name is a setting nobody can find.
describe("README's configuration table", () => {
  it.each([
    ['core', CORE_ENV_VARIABLES],
    ['web-form', WEB_FORM_ENV_VARIABLES],
    ['email', EMAIL_ENV_VARIABLES],
    ['whatsapp', WHATSAPP_ENV_VARIABLES],
    ['x', X_ENV_VARIABLES],
    ['call-center', CALL_CENTER_ENV_VARIABLES],
    ['dashboard', DASHBOARD_ENV_VARIABLES],
    ['import:stores', IMPORT_STORES_ENV_VARIABLES],
  ])('lists every variable %s reads', (_app, variables) => {
    expect(variables.filter((v) => !documented.has(v))).toEqual([]);
  });
});
