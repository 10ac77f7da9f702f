import type { AuthStrings } from './strings.zh';

// English strings of signing in and changing a password; the same keys as strings.zh.ts (the compiler checks).
export const authEn: AuthStrings = {
  title: 'Sign in',
  username: 'Username or phone',
  password: 'Password',
  usernameRequired: 'Enter your username or phone number',
  passwordRequired: 'Enter your password',
  submit: 'Sign in',
  logout: 'Sign out',
  loggedOut: 'Signed out',
  changePassword: 'Change password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  confirmPassword: 'Confirm new password',
  passwordMismatch: 'The two new passwords differ',
  passwordChanged: 'Password changed',
  sessionExpired: 'Your session expired; please sign in again',
  footer: 'Trade-union one-stop service platform · authorised users only',
  calcLink: 'What am I owed?',
  calcLinkHint: 'Workers: no sign-in needed',
};
