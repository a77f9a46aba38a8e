// tsc does not copy SQL: put the migrations beside the compiled code.
import fs from 'node:fs';
fs.mkdirSync('dist/server/db/migrations', { recursive: true });
for (const f of fs.readdirSync('src/server/db/migrations')) fs.copyFileSync(`src/server/db/migrations/${f}`, `dist/server/db/migrations/${f}`);
