import type { enLeads } from "./en-leads";

// Bahasa Indonesia: prospek stan (formulir prospek di kios, antreannya, dan galat titik akhirnya; keputusan 019).
export const idLeads: Record<keyof typeof enLeads, string> = {
  "errors.lead_consent_contact_required":
    "Centang kotak agar kementerian boleh menghubungi Anda: tanpa itu kami tidak dapat menindaklanjuti.",
  "errors.lead_id_invalid": "Prospek ini tidak memiliki pengenal yang sah.",
  "errors.lead_id_taken": "Pengenal prospek ini sudah dipakai oleh layar lain.",
  "errors.lead_captured_invalid": "Waktu prospek dicatat bukan tanggal dan jam yang sah.",
  "errors.lead_consent_version": "Rumusan persetujuan ini tidak dikenal Jembatan.",
  "errors.vacancy_required": "Jelaskan lowongannya lebih dahulu.",
  "errors.website_invalid": "Masukkan situs web perusahaan, mis. nordicferries.no.",
  "booth.lead.open": "Tinggalkan kontak Anda",
  "booth.lead.title": "Tinggalkan kontak Anda dan kami akan menindaklanjuti",
  "booth.lead.intro":
    "Lowongan yang Anda jelaskan ikut terkirim. Kementerian Indonesia akan membantu Anda memasang pesanan kerja yang terverifikasi.",
  "booth.lead.name": "Nama Anda",
  "booth.lead.company": "Perusahaan",
  "booth.lead.job_title": "Jabatan Anda",
  "booth.lead.email": "Email",
  "booth.lead.phone": "Telepon (dengan kode negara)",
  "booth.lead.country": "Negara perusahaan",
  "booth.lead.choose_country": "Pilih negara",
  "booth.lead.website": "Situs web perusahaan",
  "booth.lead.optional": "opsional",
  "booth.lead.consent_contact":
    "Kementerian Pelindungan Pekerja Migran Indonesia (KP2MI) boleh menghubungi saya tentang lowongan ini dan tentang perekrutan dari Indonesia.",
  "booth.lead.consent_share":
    "KP2MI boleh membagikan lowongan yang saya jelaskan, tanpa data kontak saya, kepada agensi penempatan Indonesia yang berizin.",
  "booth.lead.privacy_gdpr":
    "KP2MI adalah pengendali data ini. Kami memprosesnya karena persetujuan Anda (GDPR Pasal 6(1)(a)), hanya untuk tujuan yang dicentang di atas, dan menyimpannya {days} hari setelah acara kecuali Anda menjadi pemberi kerja terdaftar. Anda dapat menarik persetujuan, meminta salinan atau meminta penghapusan kapan saja di privacy@kp2mi.go.id. Rumusan persetujuan {version}.",
  "booth.lead.privacy_pdp":
    "KP2MI memproses data ini berdasarkan Undang-Undang Pelindungan Data Pribadi (UU 27/2022), hanya untuk tujuan yang dicentang di atas, dan menyimpannya {days} hari setelah acara kecuali Anda menjadi pemberi kerja terdaftar. Anda dapat menarik persetujuan, meminta salinan atau meminta penghapusan kapan saja di privacy@kp2mi.go.id. Rumusan persetujuan {version}.",
  "booth.lead.send": "Kirim kontak saya",
  "booth.lead.cancel": "Kembali ke lowongan",
  "booth.lead.thanks": "Terima kasih, {name}. Petugas stan akan menghubungi Anda.",
  "booth.lead.thanks_queued": "Terima kasih, {name}. Tersimpan di layar ini; akan dikirim begitu koneksi kembali.",
  "booth.lead.done": "Mulai lowongan baru",
  "booth.lead.fix": "Periksa isian yang ditandai di bawah.",
  "booth.queue.waiting_one": "1 prospek menunggu dikirim.",
  "booth.queue.waiting_many": "{count} prospek menunggu dikirim.",
  "booth.queue.refused_one": "1 prospek ditolak server; petugas dapat melihatnya di layar ini.",
  "booth.queue.refused_many": "{count} prospek ditolak server; petugas dapat melihatnya di layar ini.",
  "booth.queue.revoked":
    "Layar ini tidak lagi terdaftar: prospeknya tetap di sini sampai layar didaftarkan lagi untuk acara ini.",
  "booth.unenrol": "Cabut pendaftaran layar ini",
  "booth.unenrol_confirm":
    "Cabut pendaftaran layar ini? Layar berhenti menampilkan kios sampai petugas mendaftarkannya lagi.",
  "booth.unenrol_refused":
    "Masih ada prospek yang menunggu dikirim dari layar ini: pendaftarannya tidak dapat dicabut sampai semuanya terkirim.",
  "booth.staff": "Petugas",
  "booth.unenrol_yes": "Ya, cabut",
  "booth.close": "Tutup",
  "booth.enrol_again": "Daftarkan layar ini lagi",
  "booth.unenrol_failed": "Pendaftaran layar tidak dapat dicabut (tidak ada koneksi?). Coba lagi.",
  "booth.unenrolled": "Layar ini bukan kios lagi.",
};
