import type { enInvite } from "./en-invite";

// Bahasa Indonesia: undangan memasang job order dari prospek booth (keputusan 019, "Invitation").
export const idInvite: Record<keyof typeof enInvite, string> = {
  "errors.lead_already_converted": "Prospek ini sudah menjadi akun pemberi kerja: ikuti job order-nya.",
  "errors.lead_no_contact_consent": "Pengunjung tidak setuju untuk dihubungi: ia tidak dapat diundang.",
  "errors.lead_no_open_invitation": "Prospek ini tidak memiliki undangan terbuka untuk ditarik.",
  "errors.booth_invitation_invalid":
    "Tautan undangan ini tidak berlaku lagi: sudah dipakai, ditarik, atau kedaluwarsa. Mintalah tautan baru kepada petugas booth.",
  "errors.booth_invitation_sign_in":
    "Alamat yang diundang sudah memiliki akun Jembatan. Masuklah dengan akun itu, lalu buka tautan ini lagi.",
  "errors.booth_invitation_employers_only":
    "Hanya akun pemberi kerja yang dapat menerima undangan ini. Keluarlah, lalu buka tautan ini lagi untuk membuat akun.",
  "follow.event.invitation_revoked": "Undangan ditarik",
  "binv.staff_title": "Undang untuk memasang job order",
  "binv.back_lead": "Kembali ke prospek: {who}",
  "binv.staff_lead":
    "Buat tautan sekali pakai untuk pengunjung. Dengan membukanya, ia membuat akun pemberi kerja (atau memakai akunnya) dan mendapati formulir job order yang sudah terisi dengan lowongan yang ia jelaskan di booth. Tautan berlaku sekali, selama {days} hari. Jembatan belum mengirim email: salin tautan ini ke pesan Anda sendiri.",
  "binv.created":
    "Undangan dibuat untuk {email}. Salin tautan ini sekarang: tautan hanya ditampilkan sekali, dan undangan baru menggantikannya.",
  "binv.created_hint": "Siapa pun yang memegang tautan dapat menerimanya, jadi kirimkan hanya kepada pengunjung.",
  "binv.erased": "Data orang ini telah dihapus: tidak ada lagi yang dapat diundang.",
  "binv.converted": "Prospek ini sudah menerima undangan: job order pemberi kerja kini menentukan tahapnya.",
  "binv.open_title": "Undangan terbuka",
  "binv.open_state": "Dikirim ke {email} pada {created}; tautan berlaku sampai {expires}.",
  "binv.open_expired": "Dikirim ke {email} pada {created}; tautan kedaluwarsa pada {expires}. Buat yang baru di bawah.",
  "binv.revoke_confirm": "Saya ingin tautan ini berhenti berlaku sekarang",
  "binv.revoke_must_confirm": "Centang kotak untuk menegaskan bahwa tautan harus berhenti berlaku.",
  "binv.revoke": "Tarik undangan",
  "binv.revoked_flash": "Undangan ditarik: tautannya tidak berlaku lagi.",
  "binv.email": "Kirim undangan ke",
  "binv.email_hint": "Alamat pengunjung, atau rekan yang ia sebutkan. Akun pemberi kerja akan memakai alamat ini.",
  "binv.invite": "Buat tautan undangan",
  "binv.invite_again": "Buat tautan baru (tautan terbuka berhenti berlaku)",
  "binv.accept_title": "Undangan Anda untuk memasang job order",
  "binv.gone_title": "Tautan ini tidak berlaku lagi",
  "binv.expired": "Undangan Anda dari {event} sudah kedaluwarsa. Mintalah tautan baru kepada petugas booth.",
  "binv.used":
    "Undangan Anda dari {event} sudah dipakai atau ditarik. Hubungi petugas booth jika Anda memerlukan yang baru.",
  "binv.unknown": "Tautan undangan ini tidak sah. Periksa apakah tautan tersalin utuh.",
  "binv.accept_heading": "Pasang lowongan yang Anda jelaskan di {event}",
  "binv.accept_lead":
    "Buat akun pemberi kerja Anda dan job order Anda terbuka dengan isian dari apa yang Anda sampaikan. Anda menambahkan upah, jam kerja, dan syarat kerja, lalu mengajukannya untuk diverifikasi oleh perwakilan RI. Pekerja tidak pernah membayar biaya penempatan. Tautan ini berlaku sampai {expires}.",
  "binv.attach_lead": "Anda masuk sebagai {org}. Terima untuk memasang lowongan ini sebagai {org}.",
  "binv.attach": "Terima dan lanjutkan",
  "binv.not_employer": "Anda masuk sebagai {org}, yang bukan pemberi kerja. Keluarlah untuk menerima undangan ini.",
  "binv.new_account": "Buat akun pemberi kerja Anda",
  "binv.new_account_lead": "Anda akan masuk dengan {email}, alamat yang diundang.",
  "binv.create_and_continue": "Buat akun dan lanjutkan",
  "binv.have_account": "Sudah punya akun Jembatan?",
  "binv.sign_in_first": "Masuk, lalu terima",
  "binv.prefilled":
    "Diisi dari lowongan yang Anda jelaskan di booth. Periksa setiap isian, tambahkan upah, jam kerja, syarat kerja, dan deskripsi, lalu simpan drafnya.",
};
