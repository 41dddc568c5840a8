// English: the kiosk's handoff to the visitor's phone (the QR code, the phone's page; decision 019).
export const enHandoff = {
  "errors.handoff_wording_changed":
    "The privacy notice below is now the one for your company's country: read it, then send again.",
  "booth.handoff.open": "Continue on your phone",
  "booth.handoff.title": "Continue on your phone",
  "booth.handoff.scan":
    "Scan this code with your phone's camera to leave your details there. The link carries only the vacancy you described, nothing about you, and works once within {minutes} minutes.",
  "booth.handoff.or_type": "Or open this address on your phone:",
  "booth.handoff.qr_alt": "QR code of the link to this vacancy",
  "booth.handoff.making": "Making your link…",
  "booth.handoff.failed":
    "The link could not be made (is the screen offline?). Try again, or leave your details on this screen.",
  "booth.handoff.retry": "Try again",
  "booth.handoff.close": "Close",
  "booth.handoff.page_title": "Your vacancy from the booth",
  "booth.handoff.page_lead":
    "You described this vacancy at {event}. Leave your details and Indonesia's ministry will follow up.",
  "booth.handoff.summary": "The vacancy",
  "booth.handoff.occupation": "Work",
  "booth.handoff.destination": "Destination",
  "booth.handoff.positions": "Positions",
  "booth.handoff.start": "Start",
  "booth.handoff.contract": "Contract",
  "booth.handoff.contract_months": "{months} months",
  "booth.handoff.languages": "Languages",
  "booth.handoff.certificates": "Certificates",
  "booth.handoff.none": "None required",
  "booth.handoff.your_details": "Your details",
  "booth.handoff.once": "This link works once, until {time}.",
  "booth.handoff.spent_title": "This link has been used",
  "booth.handoff.spent":
    "Details were already sent from this link, and each link works once. Ask at the booth for a new one if you need it.",
  "booth.handoff.expired_title": "This link has expired",
  "booth.handoff.expired":
    "A link from the booth's screen works for {minutes} minutes. Ask at the booth for a new one.",
  "booth.handoff.unknown_title": "This link is not known",
  "booth.handoff.unknown":
    "Check that the whole address was typed, or scan the code on the booth's screen again. A link stops working a while after it expires.",
  "booth.handoff.thanks_title": "Thank you: your details were sent",
  "booth.handoff.thanks":
    "Indonesia's ministry received your details and the vacancy you described at {event}, and will be in touch.",
} as const;
