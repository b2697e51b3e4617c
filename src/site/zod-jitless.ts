// Imported first by the browser scripts that carry zod schemas (the /scan/ page). zod compiles object
// parsers with `new Function` unless told not to, and probes for it when a schema is created: under
// the site's CSP (script-src 'self', no 'unsafe-eval') the probe is refused and reported as a
// violation even though zod catches it. Switched off here, before any schema module runs.
import { config } from 'zod';

config({ jitless: true });
