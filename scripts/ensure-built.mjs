// Builds the project when dist/ is missing or older than the sources, so `npm start` works on a fresh clone.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function newest(dir) {
  let t = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}
const marker = 'dist/client/index.html';
const built = fs.existsSync(marker) && fs.existsSync('dist/server/main.js') ? Math.min(fs.statSync(marker).mtimeMs, fs.statSync('dist/server/main.js').mtimeMs) : 0;
if (built < newest('src')) {
  console.log('Doorlopend wordt gebouwd…');
  execSync('npm run build', { stdio: 'inherit' });
}
