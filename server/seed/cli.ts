import pino from 'pino';
import { loadConfig } from '../config.js';
import { FieldCipher, resolveMasterKey } from '../core/crypto.js';
import { openDatabase } from '../db/client.js';
import { generateDemo } from './demo-data.js';
import { writeDemo } from './demo.js';
import { writeFeeRefundCycleDemo } from './fee-refund-cycle.js';
import { generateFeeDemo, writeFeeDemo } from './fee-refunds.js';
import { writeStationsDemo } from './stations.js';
import { ensureReferenceData } from './reference.js';

// npm run seed:demo -- --scale N   (into an empty database: DATABASE_URL or the data folder)
const args = process.argv.slice(2);
const scaleArg = args.indexOf('--scale');
const scale = scaleArg >= 0 ? Number(args[scaleArg + 1]) : 1;
if (!Number.isFinite(scale) || scale <= 0) {
  console.error('--scale must be a positive number');
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabase({
  url: config.databaseUrl,
  dataDir: config.databaseUrl ? null : `${config.dataDir}/pg`,
});
await database.migrate();
const deps = {
  db: database.db,
  config,
  cipher: new FieldCipher(resolveMasterKey(config.encryptionKey, config.dataDir)),
  logger: pino({ level: 'warn' }),
  now: () => new Date(),
};
await ensureReferenceData(deps);
const started = Date.now();
const data = generateDemo(scale);
try {
  await writeDemo(deps, data, (step) => console.log(`  ${step}`));
  const feeData = generateFeeDemo();
  const fees = await writeFeeDemo(deps, feeData);
  await writeFeeRefundCycleDemo(deps, feeData);
  console.log(
    `  fee refunds: enterprises ${fees.enterprises}, collections ${fees.collections}, months 2024-02…11 computed`,
  );
  const stations = await writeStationsDemo(deps);
  console.log(`  stations: ${stations.stations}, registered riders ${stations.riders}, visits ${stations.visits}`);
} catch (err) {
  console.error(
    'Seeding failed (is the database empty? the demo set must go into a fresh one):',
    (err as Error).message,
  );
  process.exit(1);
}
console.log(`demo data at scale ${scale} written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
await database.close();
