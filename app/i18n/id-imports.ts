import type { enImports } from "./en-imports";

// Bahasa Indonesia: catatan impor dan modenya.
export const idImports: Record<keyof typeof enImports, string> = {
  "errors.import_row_refused":
    "Basis data menolak baris ini (tidak ada bagiannya yang disimpan). Periksa teksnya dari karakter yang tidak biasa.",
  "errors.import_mode_invalid": "Pilih mode valid_only atau all_or_nothing.",
  "import.history": "Impor terakhir",
  "import.col_started": "Dimulai",
  "import.col_status": "Status",
  "import.col_mode": "Mode",
  "import.col_rows": "Baris",
  "import.col_written": "Dibuat / diperbarui",
  "import.col_rejected": "Ditolak",
  "import.mode_short_valid": "baris yang valid",
  "import.mode_short_all": "semua atau tidak sama sekali",
  "import.status_running": "berjalan",
  "import.status_completed": "selesai",
  "import.status_refused": "ditolak (tidak ada yang disimpan)",
  "import.status_failed": "gagal",
  "import.status_interrupted": "terputus (batch yang sudah ditulis tetap tersimpan)",
  "import.none_yet": "Belum ada impor.",
  "import.sector_mismatch":
    "Jabatan {isco} ({occupation}) bukan jabatan sektor \u201c{sector}\u201d. Periksa sektornya: baris tidak ditolak karena ini.",
  "import.result_warned_one":
    "{total} baris: {created} dibuat, {updated} diperbarui, {failed} ditolak, {warned} dengan peringatan.",
  "import.result_warned_many":
    "{total} baris: {created} dibuat, {updated} diperbarui, {failed} ditolak, {warned} dengan peringatan.",
  "import.failed_rows_download": "Unduh baris yang gagal (CSV)",
  "import.failed_rows_hint":
    "Baris-baris sebagaimana ditulis di berkas Anda, dengan kolom error: perbaiki lalu impor ulang berkasnya. Disimpan selama 72 jam.",
  "errors.failed_rows_gone":
    "Baris ini tidak tersedia: impor ini bukan milik organisasi Anda, tidak ada baris yang ditolak, atau sudah lebih dari 72 jam.",
  "import.failed_rows_short": "baris gagal (CSV)",
};
