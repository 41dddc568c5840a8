// Bahasa Indonesia: masukan yang rusak atau berbahaya (isu 12, butir 2): galat kolom dan galat isi permintaan HTTP.
export const idInput = {
  "errors.text_invalid_characters": "Isian ini memuat karakter yang tidak dapat disimpan (karakter kendali atau Unicode rusak). Hapus karakter itu lalu coba lagi.",
  "errors.text_invisible_only": "Isian ini hanya berisi karakter tak terlihat. Masukkan teks yang terlihat.",
  "errors.employer_country_abroad": "Pemberi kerja berkedudukan di luar Indonesia: pilih negara tempat perusahaan Anda berada.",
  "errors.body_too_large": "Kiriman Anda terlalu besar (paling banyak {limit} di sini). Tidak ada yang disimpan.",
  "errors.unsupported_media_type": "Kirim isi permintaan sebagai {expected}. Tidak ada yang disimpan.",
  "errors.invalid_utf8": "Kiriman Anda bukan teks UTF-8 yang sah. Simpan berkas atau formulir sebagai UTF-8 lalu coba lagi. Tidak ada yang disimpan.",
  "errors.body_unreadable": "Isi permintaan tidak dapat dibaca. Tidak ada yang disimpan.",
} as const;
