import type { enWorkers } from "./en-workers";

// Bahasa Indonesia: profil pekerja, impor, dan pencarian.
export const idWorkers: Record<keyof typeof enWorkers, string> = {
  "errors.toefl_old_scale_date": "Skala TOEFL 0–120 berlaku untuk tes sebelum 21 Januari 2026; gunakan skala 1–6.",
  "errors.evidence_no_level": "Hasil ini tidak mencapai tingkat CEFR mana pun.",
  "errors.expiry_before_issue": "Tanggal kedaluwarsa harus setelah tanggal terbit.",
  "errors.external_ref_invalid": "Gunakan hanya huruf, angka, dan . _ / -.",
  "errors.too_young": "Pekerja harus berusia minimal 18 tahun.",
  "errors.province_unknown": "Pilih provinsi (kode Kemendagri dua digit).",
  "errors.nik_invalid": "NIK terdiri dari tepat 16 digit.",
  "errors.passport_invalid": "Nomor paspor terdiri dari 6–12 huruf dan angka.",
  "errors.duplicate_in_file": "Referensi eksternal ini sudah ada di baris {row} berkas.",
  "errors.duplicate_nik": "Profil lain di P3MI Anda memiliki NIK yang sama.",
  "errors.duplicate_passport": "Profil lain di P3MI Anda memiliki nomor paspor yang sama.",
  "errors.import_too_large": "Impor maksimal {max} baris sekaligus.",
  "errors.import_unreadable": "Berkas tidak dapat dibaca sebagai CSV atau JSON.",
  "errors.experience_required": "Tambahkan minimal satu jabatan beserta lama pengalaman.",
};
