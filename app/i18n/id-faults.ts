import type { enFaults } from "./en-faults";

// Bahasa Indonesia: gangguan layanan dan beban berlebih (halaman 503 dan galat API).
export const idFaults: Record<keyof typeof enFaults, string> = {
  "error.503_title": "Sementara tidak tersedia",
  "error.retry": "Coba lagi",
  "errors.unavailable_postgres":
    "Basis data Jembatan sedang tidak menjawab (mungkin sedang dimulai ulang). Tidak ada yang Anda kirim dalam permintaan ini yang tersimpan. Silakan coba lagi dalam satu menit.",
  "errors.unavailable_meilisearch":
    "Pencarian kandidat sedang tidak menjawab. Data Anda aman; perubahan disimpan dan akan dapat dicari setelah pencarian pulih. Silakan coba lagi dalam satu menit.",
  "errors.unavailable_busy":
    "Jembatan sedang sangat sibuk. Tidak ada yang Anda kirim yang tersimpan. Silakan coba lagi dalam beberapa detik.",
  "errors.idempotency_key_invalid":
    "Header Idempotency-Key harus berisi 1 sampai 255 karakter ASCII yang terlihat (UUID adalah pilihan yang baik).",
  "errors.idempotency_key_reused":
    "Idempotency-Key ini sudah dipakai untuk permintaan lain. Gunakan kunci baru untuk permintaan baru.",
  "errors.idempotency_in_progress":
    "Permintaan dengan Idempotency-Key ini masih diproses. Coba lagi sebentar lagi untuk mendapatkan jawabannya.",
  "errors.form_in_progress":
    "Formulir ini sudah dikirim dan masih disimpan. Tunggu sebentar, lalu periksa apakah sudah tersimpan sebelum mengirimnya lagi.",
  "error.401_title": "Silakan masuk",
  "error.429_title": "Terlalu banyak percobaan",
  "error.409_title": "Sudah berubah",
  "error.next_400": "Kembali ke halaman sebelumnya, periksa isian Anda, lalu coba lagi.",
  "error.next_401": "Masuk, lalu buka halaman ini lagi.",
  "error.next_403": "Jika Anda memerlukannya, minta kepada administrator organisasi Anda, atau masuk dengan akun lain.",
  "error.next_404": "Periksa alamatnya, atau temukan lagi dari dasbor Anda atau beranda.",
  "error.next_409": "Muat ulang halaman untuk melihat keadaan terbaru, lalu coba lagi.",
  "error.next_429": "Tunggu selama waktu yang disebutkan di atas, lalu coba lagi.",
  "error.next_500":
    "Coba lagi sebentar lagi. Jika terus terjadi, beri tahu tim Jembatan apa yang sedang Anda lakukan dan kapan.",
  "error.what_next": "Yang dapat Anda lakukan",
  "error.sign_in": "Masuk",
  "error.dashboard": "Dasbor Anda",
  "error.reload": "Muat ulang halaman ini",
  "error.back_job_orders": "Kembali ke pesanan kerja",
  "error.back_workers": "Kembali ke pekerja Anda",
  "error.back_orgs": "Kembali ke daftar organisasi",
};
