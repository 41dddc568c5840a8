import type { enBooth } from "./en-booth";

// Bahasa Indonesia: stan pameran dagang (acara, kios, prospek dan tindak lanjutnya; docs/decisions/019-booth.md).
export const idBooth: Record<keyof typeof enBooth, string> = {
  "errors.start_month_invalid": "Pilih bulan mulai kerja (tahun dan bulan).",
  "errors.start_month_past": "Bulan mulai tidak boleh di masa lalu.",
  "errors.start_month_too_far": "Bulan mulai paling lambat 2 tahun ke depan.",
  "errors.vacancy_too_many_languages": "Paling banyak 3 bahasa.",
  "errors.vacancy_too_many_certificates": "Paling banyak 4 sertifikat.",
};
