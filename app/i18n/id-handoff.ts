import type { enHandoff } from "./en-handoff";

// Bahasa Indonesia: serah terima dari kios ke ponsel pengunjung (kode QR, halaman di ponsel; keputusan 019).
export const idHandoff: Record<keyof typeof enHandoff, string> = {
  "errors.handoff_wording_changed":
    "Pemberitahuan privasi di bawah sekarang sesuai negara perusahaan Anda: bacalah, lalu kirim lagi.",
  "booth.handoff.open": "Lanjutkan di ponsel Anda",
  "booth.handoff.title": "Lanjutkan di ponsel Anda",
  "booth.handoff.scan":
    "Pindai kode ini dengan kamera ponsel Anda untuk meninggalkan kontak Anda di sana. Tautan ini hanya membawa lowongan yang Anda jelaskan, tidak ada data tentang Anda, dan hanya berlaku sekali dalam {minutes} menit.",
  "booth.handoff.or_type": "Atau buka alamat ini di ponsel Anda:",
  "booth.handoff.qr_alt": "Kode QR tautan ke lowongan ini",
  "booth.handoff.making": "Membuat tautan Anda…",
  "booth.handoff.failed":
    "Tautan tidak dapat dibuat (layar sedang luring?). Coba lagi, atau tinggalkan kontak Anda di layar ini.",
  "booth.handoff.retry": "Coba lagi",
  "booth.handoff.close": "Tutup",
  "booth.handoff.page_title": "Lowongan Anda dari stan",
  "booth.handoff.page_lead":
    "Anda menjelaskan lowongan ini di {event}. Tinggalkan kontak Anda dan kementerian Indonesia akan menindaklanjuti.",
  "booth.handoff.summary": "Lowongan",
  "booth.handoff.occupation": "Pekerjaan",
  "booth.handoff.destination": "Tujuan",
  "booth.handoff.positions": "Jumlah posisi",
  "booth.handoff.start": "Mulai",
  "booth.handoff.contract": "Kontrak",
  "booth.handoff.contract_months": "{months} bulan",
  "booth.handoff.languages": "Bahasa",
  "booth.handoff.certificates": "Sertifikat",
  "booth.handoff.none": "Tidak ada yang disyaratkan",
  "booth.handoff.your_details": "Kontak Anda",
  "booth.handoff.once": "Tautan ini berlaku sekali, sampai {time}.",
  "booth.handoff.spent_title": "Tautan ini sudah dipakai",
  "booth.handoff.spent":
    "Kontak sudah dikirim dari tautan ini, dan setiap tautan hanya berlaku sekali. Mintalah tautan baru di stan bila perlu.",
  "booth.handoff.expired_title": "Tautan ini sudah kedaluwarsa",
  "booth.handoff.expired": "Tautan dari layar stan berlaku selama {minutes} menit. Mintalah tautan baru di stan.",
  "booth.handoff.unknown_title": "Tautan ini tidak dikenal",
  "booth.handoff.unknown":
    "Periksa bahwa seluruh alamat sudah diketik, atau pindai lagi kode di layar stan. Tautan berhenti berfungsi beberapa waktu setelah kedaluwarsa.",
  "booth.handoff.thanks_title": "Terima kasih: kontak Anda sudah terkirim",
  "booth.handoff.thanks":
    "Kementerian Indonesia sudah menerima kontak Anda dan lowongan yang Anda jelaskan di {event}, dan akan menghubungi Anda.",
};
