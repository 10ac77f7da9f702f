import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { courts } from '../../courts/tables.js';
import { employers } from '../../employers/tables.js';
import { mediationBodies } from '../../organizations/tables.js';
import { people } from '../../people/tables.js';

// What the documents print besides the case file: the worker's registered particulars, the
// employer's address, the studio and its court (other modules' records, read only here).

export const documentPartiesRepo = {
  /** Sex and birth date from the registered resident ID, and the ID's visible head and tail. */
  async worker(db: DbOrTx, personId: string) {
    const [row] = await db
      .select({
        sex: people.sex,
        birthDate: people.birthDate,
        residentIdHead: people.residentIdHead,
        residentIdTail: people.residentIdTail,
      })
      .from(people)
      .where(eq(people.id, personId));
    return row ?? null;
  },
  async employerByUscc(db: DbOrTx, uscc: string) {
    const [row] = await db
      .select({ uscc: employers.uscc, address: employers.address })
      .from(employers)
      .where(eq(employers.uscc, uscc));
    return row ?? null;
  },
  async studio(db: DbOrTx, mediationBodyId: string) {
    const [row] = await db
      .select({
        name: mediationBodies.name,
        address: mediationBodies.address,
        defaultCourtId: mediationBodies.defaultCourtId,
      })
      .from(mediationBodies)
      .where(eq(mediationBodies.id, mediationBodyId));
    return row ?? null;
  },
  async court(db: DbOrTx, courtId: string) {
    const [row] = await db.select({ name: courts.name, code: courts.code }).from(courts).where(eq(courts.id, courtId));
    return row ?? null;
  },
};
