import type { CsvColumn } from "~/domain/workers/import-format";

// English: what each column of the import's CSV holds (the import page's column help).
export const enImportHelp = {
  "import.help.external_ref": "Your own reference for the worker (re-importing the same reference updates the profile)",
  "import.help.full_name": "Full name as on the KTP",
  "import.help.date_of_birth": "YYYY-MM-DD",
  "import.help.sex": "female | male",
  "import.help.province_code": "Kemendagri province code, e.g. 33, or the province's name (Jawa Tengah, any case)",
  "import.help.regency": "Regency or city of origin",
  "import.help.phone": "With country code, e.g. +62 812 3456 7890",
  "import.help.nik": "16 digits",
  "import.help.passport_number": "6–12 letters and digits",
  "import.help.passport_expiry": "YYYY-MM-DD",
  "import.help.experiences":
    "sector:ISCO code:years; … e.g. cruise:5131:4;hospitality:5120:1.5 (an occupation outside its sector is imported with a warning)",
  "import.help.languages": "language:test:score or level; … e.g. en:ielts:6.0;ja:jlpt:N4;de:cefr:B1;ja:jlpt:N3:110",
  "import.help.certificates":
    "code:expiry date:number:issue date; … e.g. stcw_bst:2029-02-01:6201234567 (expiry may be empty; a number may contain :)",
  "import.help.available_from": "YYYY-MM-DD",
  "import.help.status": "available | in_process | placed | withdrawn (default available)",
  "import.help.preferred_countries": "ISO codes separated by ; e.g. US;MT",
  "import.help.consent":
    "yes / ya / iya / setuju / bersedia if the worker consented to matching (recorded with today's date and your name); no / tidak or empty if not; any other word is an error",
} as const satisfies Record<`import.help.${CsvColumn}`, string>;
