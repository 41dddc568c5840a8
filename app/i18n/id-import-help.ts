import type { enImportHelp } from "./en-import-help";

// Bahasa Indonesia: isi setiap kolom CSV impor (bantuan kolom di halaman impor).
export const idImportHelp: Record<keyof typeof enImportHelp, string> = {
  "import.help.external_ref":
    "Referensi Anda sendiri untuk pekerja (mengimpor ulang referensi yang sama memperbarui profilnya)",
  "import.help.full_name": "Nama lengkap sesuai KTP",
  "import.help.date_of_birth": "TTTT-BB-HH (YYYY-MM-DD)",
  "import.help.sex": "female (perempuan) | male (laki-laki)",
  "import.help.province_code":
    "Kode provinsi Kemendagri, mis. 33, atau nama provinsinya (Jawa Tengah, huruf besar atau kecil)",
  "import.help.regency": "Kabupaten atau kota asal",
  "import.help.phone": "Dengan kode negara, mis. +62 812 3456 7890",
  "import.help.nik": "16 angka",
  "import.help.passport_number": "6–12 huruf dan angka",
  "import.help.passport_expiry": "TTTT-BB-HH (YYYY-MM-DD)",
  "import.help.experiences":
    "sektor:kode ISCO:tahun; … mis. cruise:5131:4;hospitality:5120:1.5 (jabatan di luar sektornya tetap diimpor dengan peringatan)",
  "import.help.languages": "bahasa:tes:skor atau level; … mis. en:ielts:6.0;ja:jlpt:N4;de:cefr:B1;ja:jlpt:N3:110",
  "import.help.certificates":
    "kode:tanggal berlaku:nomor:tanggal terbit; … mis. stcw_bst:2029-02-01:6201234567 (tanggal berlaku boleh kosong; nomor boleh berisi :)",
  "import.help.available_from": "TTTT-BB-HH (YYYY-MM-DD)",
  "import.help.status": "available | in_process | placed | withdrawn (bawaan: available)",
  "import.help.preferred_countries": "Kode ISO dipisah ; mis. US;MT",
  "import.help.consent":
    "ya / iya / setuju / bersedia / yes jika pekerja setuju dicocokkan (dicatat dengan tanggal hari ini dan nama Anda); tidak / no atau kosong jika tidak; kata lain adalah kesalahan",
};
