// English: worker profiles, import and search.
export const enWorkers = {
  "errors.toefl_old_scale_date": "The 0–120 TOEFL scale applies to tests before 21 January 2026; use the 1–6 scale.",
  "errors.evidence_no_level": "This result does not reach any CEFR level.",
  "errors.expiry_before_issue": "The expiry date must be after the issue date.",
  "errors.external_ref_invalid": "Use letters, digits and . _ / - only.",
  "errors.too_young": "Workers must be at least 18 years old.",
  "errors.province_unknown": "Choose a province (two-digit Kemendagri code).",
  "errors.nik_invalid": "A NIK has exactly 16 digits.",
  "errors.passport_invalid": "A passport number has 6–12 letters and digits.",
  "errors.duplicate_in_file": "This external reference already appears in row {row} of the file.",
  "errors.duplicate_nik": "Another profile of your agency has the same NIK.",
  "errors.duplicate_passport": "Another profile of your agency has the same passport number.",
  "errors.import_too_large": "Import at most {max} rows at a time.",
  "errors.import_unreadable": "The file could not be read as CSV or JSON.",
  "errors.experience_required": "Add at least one occupation with years of experience.",
} as const;
