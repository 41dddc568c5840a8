import type { enFaults } from "./en-faults";

// Bahasa Indonesia: gangguan layanan dan beban berlebih (halaman 503 dan galat API).
export const idFaults: Record<keyof typeof enFaults, string> = {
  "error.503_title": "Sementara tidak tersedia",
  "error.retry": "Coba lagi",
  "errors.unavailable_postgres":
    "Basis data Jembatan sedang tidak menjawab (mungkin sedang dimulai ulang). Tidak ada yang Anda kirim dalam permintaan ini yang tersimpan. Silakan coba lagi dalam satu menit.",
  "errors.unavailable_meilisearch":
    "Pencarian kandidat sedang tidak menjawab. Data Anda aman; perubahan disimpan dan akan dapat dicari setelah pencarian pulih. Silakan coba lagi dalam satu menit.",
  "errors.unavailable_busy": "Jembatan sedang sangat sibuk. Tidak ada yang Anda kirim yang tersimpan. Silakan coba lagi dalam beberapa detik.",
  "errors.idempotency_key_invalid": "Header Idempotency-Key harus berisi 1 sampai 255 karakter ASCII yang terlihat (UUID adalah pilihan yang baik).",
  "errors.idempotency_key_reused": "Idempotency-Key ini sudah dipakai untuk permintaan lain. Gunakan kunci baru untuk permintaan baru.",
  "errors.idempotency_in_progress": "Permintaan dengan Idempotency-Key ini masih diproses. Coba lagi sebentar lagi untuk mendapatkan jawabannya.",
  "errors.form_in_progress": "Formulir ini sudah dikirim dan masih disimpan. Tunggu sebentar, lalu periksa apakah sudah tersimpan sebelum mengirimnya lagi.",
};
