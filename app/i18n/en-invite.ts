// English: a booth lead's invitation to post a job order (the staff's page, the visitor's acceptance, the
// pre-filled form; decision 019, "Invitation").
export const enInvite = {
  "errors.lead_already_converted": "This lead already became an employer's account: follow its job order instead.",
  "errors.lead_no_contact_consent": "The visitor did not agree to be contacted: they cannot be invited.",
  "errors.lead_no_open_invitation": "This lead has no open invitation to withdraw.",
  "errors.booth_invitation_invalid":
    "This invitation link is no longer valid: it was used, withdrawn or has expired. Ask the booth staff for a new one.",
  "errors.booth_invitation_sign_in":
    "The address you were invited at already has a Jembatan account. Sign in with it, then open this link again.",
  "errors.booth_invitation_employers_only":
    "Only an employer's account can accept this invitation. Sign out, then open the link again to create one.",
  "follow.event.invitation_revoked": "Invitation withdrawn",
  "binv.staff_title": "Invite to post a job order",
  "binv.back_lead": "Back to the lead: {who}",
  "binv.staff_lead":
    "Make a one-time link for the visitor. Opening it, they create their employer account (or use theirs) and find a job order form already filled in with the vacancy they described at the booth. The link works once, for {days} days. Jembatan does not send email yet: copy the link into your own message.",
  "binv.created":
    "Invitation made for {email}. Copy this link now: it is shown only once, and a new invitation replaces it.",
  "binv.created_hint": "Anyone holding the link can accept it, so send it only to the visitor.",
  "binv.erased": "This person's data was erased: there is nobody left to invite.",
  "binv.converted": "This lead already accepted an invitation: the employer's job order now drives its stage.",
  "binv.open_title": "Open invitation",
  "binv.open_state": "Sent to {email} on {created}; the link works until {expires}.",
  "binv.open_expired": "Sent to {email} on {created}; the link expired on {expires}. Make a new one below.",
  "binv.revoke_confirm": "I want this link to stop working now",
  "binv.revoke_must_confirm": "Tick the box to confirm that the link should stop working.",
  "binv.revoke": "Withdraw the invitation",
  "binv.revoked_flash": "Invitation withdrawn: its link no longer works.",
  "binv.email": "Send the invitation to",
  "binv.email_hint": "The visitor's address, or a colleague's they named. The employer's account will use it.",
  "binv.invite": "Make the invitation link",
  "binv.invite_again": "Make a new link (the open one stops working)",
  "binv.accept_title": "Your invitation to post a job order",
  "binv.gone_title": "This link no longer works",
  "binv.expired": "Your invitation from {event} has expired. Ask the booth staff for a new link.",
  "binv.used": "Your invitation from {event} was already used or withdrawn. Ask the booth staff if you need a new one.",
  "binv.unknown": "This invitation link is not valid. Check that it was copied whole.",
  "binv.accept_heading": "Post the vacancy you described at {event}",
  "binv.accept_lead":
    "Create your employer account and your job order opens already filled in with what you told us. You add the wage, hours and conditions, then submit it for verification by an Indonesian mission. The worker never pays for a placement. This link works until {expires}.",
  "binv.attach_lead": "You are signed in for {org}. Accept to post this vacancy as {org}.",
  "binv.attach": "Accept and continue",
  "binv.not_employer": "You are signed in for {org}, which is not an employer. Sign out to accept this invitation.",
  "binv.new_account": "Create your employer account",
  "binv.new_account_lead": "You will sign in with {email}, the address you were invited at.",
  "binv.create_and_continue": "Create the account and continue",
  "binv.have_account": "Already have a Jembatan account?",
  "binv.sign_in_first": "Sign in, then accept",
  "binv.prefilled":
    "Filled in from the vacancy you described at the booth. Check each field, add the wage, hours, conditions and a description, then save the draft.",
};
