/**
 * Renders every document kind for the sample case, as PDF and DOCX, into a folder, to look at:
 *
 *   npx tsx server/modules/disputes/documents/preview.ts /tmp/yz-docs
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENT_KINDS, renderDocument } from './index.js';
import { sampleCase, sampleCollectiveCase, sampleFailedCase } from './sample.js';

async function main(): Promise<void> {
  const dir = process.argv[2] ?? '/tmp/yz-docs';
  mkdirSync(dir, { recursive: true });
  for (const { kind } of DOCUMENT_KINDS) {
    const data = kind === 'filing-package' ? sampleFailedCase() : sampleCase();
    for (const format of ['pdf', 'docx'] as const) {
      const buf = await renderDocument(kind, data, format);
      writeFileSync(join(dir, `${kind}.${format}`), buf);
      console.log(`${kind}.${format}\t${buf.length} bytes`);
    }
  }
  const refused = sampleCase();
  refused.ruling = {
    ...refused.ruling!,
    number: '（2025）粤2071民特124号',
    decision: 'refused',
    refusalGround: 'unclear',
    refusalReason: '协议未载明经济补偿的具体数额',
  };
  writeFileSync(join(dir, 'civil-ruling-refused.pdf'), await renderDocument('civil-ruling', refused, 'pdf'));
  writeFileSync(
    join(dir, 'mediation-agreement-collective.pdf'),
    await renderDocument('mediation-agreement', sampleCollectiveCase(), 'pdf'),
  );
  const oral = sampleCase();
  oral.application = { appliedAt: '2025-04-21', mode: 'oral', recordedBy: '黄丽华' };
  writeFileSync(
    join(dir, 'mediation-application-oral.pdf'),
    await renderDocument('mediation-application', oral, 'pdf'),
  );
}

await main();
