// English: sign-up that does not reveal accounts, password strength, and the owner's notice.
export const enSecurity = {
  "flash.signed_up":
    "If this email address was new, your employer account is ready: sign in with it. If it already had an account, nothing was changed and its owner will be told by email.",
  "notify.signup_existing_email.subject": "Someone tried to sign up to Jembatan with your email address",
  "notify.signup_existing_email.text":
    "Someone tried to create a new employer account on Jembatan with {email}, which already has an account. Nothing was changed. If it was you, sign in with your existing password. If not, you can ignore this message.",
  "errors.password_common": "This password is on a list of common passwords. Choose another.",
  "errors.password_weak": "This password is too easy to guess. Use a longer phrase of unrelated words.",
  "errors.password_personal": "Do not build the password from your name, email or organisation.",
} as const;
