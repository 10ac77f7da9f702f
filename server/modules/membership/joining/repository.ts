import { phoneAccessOf } from '../../limits/phone-access-repository.js';

/** The joining page's texted codes and the phone's sessions (the platform's table, by purpose). */
export const phoneAccessRepo = phoneAccessOf('membership');
