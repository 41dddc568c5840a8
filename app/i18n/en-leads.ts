// English: the booth's leads (the kiosk's lead form, its queue, and the endpoint's errors; decision 019).
export const enLeads = {
  "errors.lead_consent_contact_required":
    "Tick the box to let the ministry contact you: without it we cannot follow up.",
  "errors.lead_id_invalid": "This lead has no valid identifier.",
  "errors.lead_id_taken": "This lead's identifier is already used by another screen.",
  "errors.lead_captured_invalid": "When the lead was captured is not a valid date and time.",
  "errors.lead_consent_version": "This consent wording is not one Jembatan knows.",
  "errors.vacancy_required": "Describe the vacancy first.",
  "errors.website_invalid": "Enter the company's website, e.g. nordicferries.no.",
  "booth.lead.open": "Leave your details",
  "booth.lead.title": "Leave your details and we will follow up",
  "booth.lead.intro":
    "The vacancy you described is sent with them. Indonesia's ministry will help you post a verified job order.",
  "booth.lead.name": "Your name",
  "booth.lead.company": "Company",
  "booth.lead.job_title": "Your role",
  "booth.lead.email": "Email",
  "booth.lead.phone": "Phone (with country code)",
  "booth.lead.country": "Company's country",
  "booth.lead.choose_country": "Choose a country",
  "booth.lead.website": "Company website",
  "booth.lead.optional": "optional",
  "booth.lead.consent_contact":
    "The Ministry of Protection of Indonesian Migrant Workers (KP2MI) may contact me about this vacancy and about recruiting from Indonesia.",
  "booth.lead.consent_share":
    "KP2MI may share the vacancy I described, without my contact details, with licensed Indonesian placement agencies.",
  "booth.lead.privacy_gdpr":
    "KP2MI is the controller of these details. We process them because you consent (GDPR Art. 6(1)(a)), only for the purposes ticked above, and keep them for {days} days after the event unless you become a registered employer. You may withdraw consent, ask for a copy or ask us to erase them at any time at privacy@kp2mi.go.id. Consent wording {version}.",
  "booth.lead.privacy_pdp":
    "KP2MI processes these details under Indonesia's Personal Data Protection Law (UU 27/2022), only for the purposes ticked above, and keeps them for {days} days after the event unless you become a registered employer. You may withdraw consent, ask for a copy or ask us to erase them at any time at privacy@kp2mi.go.id. Consent wording {version}.",
  "booth.lead.send": "Send my details",
  "booth.lead.cancel": "Back to the vacancy",
  "booth.lead.thanks": "Thank you, {name}. Staff at the booth will be in touch.",
  "booth.lead.thanks_queued":
    "Thank you, {name}. Saved on this screen; it will be sent as soon as the connection returns.",
  "booth.lead.done": "Start a new vacancy",
  "booth.lead.fix": "Check the fields marked below.",
  "booth.queue.waiting_one": "1 lead waits to be sent.",
  "booth.queue.waiting_many": "{count} leads wait to be sent.",
  "booth.queue.refused_one": "1 lead was refused by the server; staff can see it on this screen.",
  "booth.queue.refused_many": "{count} leads were refused by the server; staff can see them on this screen.",
  "booth.queue.revoked":
    "This screen is no longer enrolled: its leads stay here until it is enrolled again for this event.",
  "booth.unenrol": "Un-enrol this screen",
  "booth.unenrol_confirm": "Un-enrol this screen? It will stop showing the kiosk until a staff member enrols it again.",
  "booth.unenrol_refused": "Leads still wait to be sent from this screen: it cannot be un-enrolled until they are.",
  "booth.staff": "Staff",
  "booth.unenrol_yes": "Yes, un-enrol",
  "booth.close": "Close",
  "booth.enrol_again": "Enrol this screen again",
  "booth.unenrol_failed": "The screen could not be un-enrolled (no connection?). Try again.",
  "booth.unenrolled": "This screen is no longer a kiosk.",
} as const;
