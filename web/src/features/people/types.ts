// A person as the people API answers (resident ID masked), from its response schema (contracts/people.ts).

export type { Person } from '../../../../contracts/people';
