// Bahasa Indonesia: masukan yang rusak atau berbahaya (docs/decisions/010-input-limits.md): galat kolom dan galat isi permintaan HTTP.
export const idInput = {
  "errors.text_invalid_characters":
    "Isian ini memuat karakter yang tidak dapat disimpan (karakter kendali atau Unicode rusak). Hapus karakter itu lalu coba lagi.",
  "errors.text_invisible_only": "Isian ini hanya berisi karakter tak terlihat. Masukkan teks yang terlihat.",
  "errors.employer_country_abroad":
    "Pemberi kerja berkedudukan di luar Indonesia: pilih negara tempat perusahaan Anda berada.",
  "errors.body_too_slow":
    "Kiriman Anda berhenti datang (tidak ada data selama {seconds} detik). Tidak ada yang disimpan; silakan kirim lagi.",
  "errors.body_too_large": "Kiriman Anda terlalu besar (paling banyak {limit} di sini). Tidak ada yang disimpan.",
  "errors.unsupported_media_type": "Kirim isi permintaan sebagai {expected}. Tidak ada yang disimpan.",
  "errors.unsupported_encoding":
    "Kirim isi permintaan tanpa kompresi (Content-Encoding {encoding} tidak diterima). Tidak ada yang disimpan.",
  "errors.invalid_utf8":
    "Kiriman Anda bukan teks UTF-8 yang sah. Simpan berkas atau formulir sebagai UTF-8 lalu coba lagi. Tidak ada yang disimpan.",
  "errors.body_unreadable": "Isi permintaan tidak dapat dibaca. Tidak ada yang disimpan.",
  "errors.start_too_far": "Tanggal mulai paling lambat 2 tahun dari hari ini.",
  "errors.too_old": "Periksa tahun lahir: pekerja berusia di atas 70 tahun tidak ditempatkan.",
  "errors.passport_expiry_range":
    "Periksa tanggal habis berlaku paspor: harus dalam 10 tahun terakhir atau 11 tahun ke depan.",
  "errors.available_from_range": "Masukkan tanggal antara 2 tahun lalu dan 3 tahun ke depan.",
  "errors.taken_on_range": "Masukkan tanggal tes: tidak di masa depan dan tidak lebih dari 30 tahun lalu.",
  "errors.issued_on_range": "Masukkan tanggal terbit: tidak di masa depan dan tidak lebih dari 50 tahun lalu.",
  "errors.expires_on_range": "Periksa tanggal habis berlaku: harus dalam 30 tahun dari hari ini.",
  "errors.licence_until_range": "Masukkan tanggal akhir izin antara 5 tahun lalu dan 10 tahun ke depan.",
  "errors.suspended_until_range": "Pembekuan paling lama berakhir 5 tahun dari hari ini.",
  "errors.listed_on_range": "Masukkan tanggal pencatatan: tidak di masa depan dan tidak lebih dari 30 tahun lalu.",
  "errors.amount_cents": "Masukkan jumlah dengan paling banyak dua angka desimal (mis. 1450.50).",
  "errors.amount_too_large": "Jumlah ini terlalu besar. Periksa angka dan periodenya.",
  "errors.level_scale_cefr": "Pilih level CEFR: A1, A2, B1, B2, C1, atau C2.",
  "errors.level_scale_jlpt": "Pilih level JLPT: N5, N4, N3, N2, atau N1.",
  "errors.level_scale_topik": "Pilih level TOPIK dari 1 sampai 6.",
  "errors.level_scale_testdaf": "Pilih level TestDaF (TDN) 3, 4, atau 5.",
  "errors.level_scale_hsk": "Pilih level HSK dari 1 sampai 6.",
  "errors.level_not_for_test": "Tes ini memberi skor, bukan level: masukkan skornya.",
  "errors.score_not_for_test": "Tes ini memberi level, bukan skor: masukkan levelnya.",
  "errors.score_scale_ielts": "Band IELTS berkisar 0 sampai 9 dengan kelipatan 0,5.",
  "errors.score_scale_toefl_ibt_120": "Skor TOEFL iBT skala lama adalah bilangan bulat 0 sampai 120.",
  "errors.score_scale_toefl_ibt_6": "Skor TOEFL iBT skala baru berkisar 1 sampai 6 dengan kelipatan 0,5.",
  "errors.score_scale_toeic": "Total TOEIC Listening dan Reading berkisar 10 sampai 990 dengan kelipatan 5.",
  "errors.score_scale_jlpt": "Skor total JLPT adalah bilangan bulat 0 sampai 180.",
  "errors.score_scale_jft_basic": "Skor JFT-Basic adalah bilangan bulat 10 sampai 250.",
} as const;
