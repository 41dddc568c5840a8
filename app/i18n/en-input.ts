// English: hostile or malformed input (issue 12, item 2): field errors and HTTP-level body errors.
export const enInput = {
  "errors.text_invalid_characters": "This contains characters that cannot be stored (control characters or broken Unicode). Remove them and try again.",
  "errors.text_invisible_only": "This contains only invisible characters. Enter visible text.",
  "errors.employer_country_abroad": "Employers are based outside Indonesia: choose the country where your company is.",
  "errors.body_too_large": "What you sent is too large ({limit} at most here). Nothing was saved.",
  "errors.unsupported_media_type": "Send the request body as {expected}. Nothing was saved.",
  "errors.invalid_utf8": "What you sent is not valid UTF-8 text. Save the file or form as UTF-8 and try again. Nothing was saved.",
  "errors.body_unreadable": "The request body could not be read. Nothing was saved.",
} as const;
