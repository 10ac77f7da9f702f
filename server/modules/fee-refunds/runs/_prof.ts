// TEMPORARY profiling (not committed)
import fs from 'node:fs';
let last = performance.now();
let lastCpu = process.cpuUsage();
export function lap(label: string) {
  const now = performance.now();
  const cpu = process.cpuUsage(lastCpu);
  if (process.env.YZ_PROF)
    fs.appendFileSync(process.env.YZ_PROF, `${label} ${(now - last).toFixed(0)} ms wall, node cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms\n`);
  last = now;
  lastCpu = process.cpuUsage();
}
