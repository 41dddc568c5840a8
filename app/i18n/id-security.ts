import type { enSecurity } from "./en-security";

// Bahasa Indonesia: pendaftaran yang tidak membuka keberadaan akun, kekuatan kata sandi, pemberitahuan pemilik.
export const idSecurity: Record<keyof typeof enSecurity, string> = {
  "flash.signed_up":
    "Jika alamat email ini baru, akun pemberi kerja Anda sudah siap: masuk dengan alamat itu. Jika alamat itu sudah punya akun, tidak ada yang diubah dan pemiliknya akan diberi tahu lewat email.",
  "notify.signup_existing_email.subject": "Seseorang mencoba mendaftar di Jembatan dengan alamat email Anda",
  "notify.signup_existing_email.text":
    "Seseorang mencoba membuat akun pemberi kerja baru di Jembatan dengan {email}, yang sudah punya akun. Tidak ada yang diubah. Jika itu Anda, masuk dengan kata sandi Anda yang sekarang. Jika bukan, abaikan pesan ini.",
  "errors.password_common": "Kata sandi ini ada dalam daftar kata sandi umum. Pilih yang lain.",
  "errors.password_weak":
    "Kata sandi ini terlalu mudah ditebak. Gunakan frasa yang lebih panjang dari kata-kata yang tidak berkaitan.",
  "errors.password_personal": "Jangan menyusun kata sandi dari nama, email, atau organisasi Anda.",
};
