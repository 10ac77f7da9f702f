// `npm run build:server`: compiles the server and the shared contracts to dist/ (ES modules) and
// copies what the compiled code reads at run time from beside itself: the SQL migrations.
// Fonts, region and holiday data come from packages in node_modules and resolve as before.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
fs.rmSync(dist, { recursive: true, force: true });
const tsc = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
  { cwd: root, stdio: 'inherit' },
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
fs.cpSync(path.join(root, 'server/db/migrations'), path.join(dist, 'server/db/migrations'), { recursive: true });
console.log('server built into dist/ (run: node dist/server/main.js)');
