import { MAJOR_GROUPS, MORE_UNIT_GROUPS } from "./isco-08";
import type { Sector } from "./sectors";

// All 436 ISCO-08 unit groups (docs/reference-data.md). The unit groups of Jembatan's corridors are hand-picked below,
// with their sectors and job titles (checked against the ILO's ISCO-08 structure file; Indonesian titles follow KBJI
// 2014 usage); the rest are in isco-08.ts, whose Indonesian titles are our translations, not KBJI's wording.
export interface Occupation {
  code: string;
  en: string;
  id: string;
  sectors: readonly Sector[];
  /** ILO index titles and common job titles, for the searchable picker and search synonyms */
  aka: readonly string[];
}

const o = (code: string, en: string, id: string, sectors: Sector[], aka: string[] = []): Occupation => ({
  code,
  en,
  id,
  sectors,
  aka,
});

const HAND_PICKED: readonly Occupation[] = [
  o("1411", "Hotel managers", "Manajer hotel", ["hospitality", "cruise"]),
  o("2221", "Nursing professionals", "Perawat profesional", ["nursing"], ["Registered nurse", "Perawat"]),
  o("3151", "Ships' engineers", "Masinis kapal", ["merchant_ship", "cruise"], ["Chief engineer", "Second engineer"]),
  o(
    "3152",
    "Ships' deck officers and pilots",
    "Perwira dek kapal dan pandu",
    ["merchant_ship", "cruise"],
    ["Chief officer", "Mate", "Mualim"],
  ),
  o("3221", "Nursing associate professionals", "Asisten perawat", ["nursing"], ["Enrolled nurse", "Practical nurse"]),
  o(
    "3434",
    "Chefs",
    "Kepala juru masak (chef)",
    ["cruise", "hospitality"],
    ["Sous-chef", "Chef de partie", "Pastry chef"],
  ),
  o("4224", "Hotel receptionists", "Resepsionis hotel", ["cruise", "hospitality"], ["Front desk", "Guest services"]),
  o(
    "5111",
    "Travel attendants and travel stewards",
    "Pramugara/pramugari perjalanan",
    ["cruise"],
    ["Cabin steward", "Pramugara kabin"],
  ),
  o(
    "5120",
    "Cooks",
    "Juru masak",
    ["cruise", "merchant_ship", "hospitality", "domestic_work"],
    ["Cook", "Ship cook", "Koki"],
  ),
  o(
    "5131",
    "Waiters",
    "Pramusaji",
    ["cruise", "hospitality"],
    ["Waiter", "Assistant waiter", "Dining steward", "Pelayan"],
  ),
  o("5132", "Bartenders", "Bartender", ["cruise", "hospitality"], ["Bar waiter"]),
  o("5141", "Hairdressers", "Penata rambut", ["cruise"]),
  o("5142", "Beauticians and related workers", "Ahli kecantikan", ["cruise"], ["Spa therapist"]),
  o(
    "5151",
    "Cleaning and housekeeping supervisors in offices, hotels and other establishments",
    "Pengawas tata graha",
    ["cruise", "hospitality"],
    ["Executive housekeeper"],
  ),
  o("5152", "Domestic housekeepers", "Pengurus rumah tangga", ["domestic_work"], ["Housekeeper", "Butler"]),
  o(
    "5246",
    "Food service counter attendants",
    "Pramusaji konter makanan",
    ["cruise", "hospitality"],
    ["Buffet attendant"],
  ),
  o("5311", "Child care workers", "Pengasuh anak", ["domestic_work"], ["Nanny", "Baby carer", "Babysitter"]),
  o("5321", "Health care assistants", "Asisten perawatan kesehatan", ["care_work"], ["Patient care assistant"]),
  o(
    "5322",
    "Home-based personal care workers",
    "Perawat lansia di rumah (caregiver)",
    ["care_work", "domestic_work"],
    ["Caregiver", "Elderly carer", "Pengasuh lansia"],
  ),
  o(
    "5329",
    "Personal care workers in health services not elsewhere classified",
    "Pekerja perawatan pribadi lainnya",
    ["care_work"],
    ["Ward attendant"],
  ),
  o("6112", "Tree and shrub crop growers", "Pekebun tanaman keras", ["agriculture"], ["Plantation worker"]),
  o(
    "6113",
    "Gardeners; horticultural and nursery growers",
    "Tukang kebun dan petani hortikultura",
    ["agriculture", "domestic_work"],
    ["Gardener"],
  ),
  o("6121", "Livestock and dairy producers", "Peternak", ["agriculture"]),
  o("6221", "Aquaculture workers", "Pembudi daya ikan", ["agriculture"]),
  o("6222", "Inland and coastal waters fishery workers", "Nelayan perairan pantai", ["fishing_vessel"]),
  o(
    "6223",
    "Deep-sea fishery workers",
    "Nelayan laut dalam",
    ["fishing_vessel"],
    ["Deep-sea fisherman", "Trawler crew", "ABK perikanan"],
  ),
  o("7112", "Bricklayers and related workers", "Tukang batu", ["construction"]),
  o(
    "7114",
    "Concrete placers, concrete finishers and related workers",
    "Tukang beton",
    ["construction"],
    ["Rebar fixer"],
  ),
  o("7115", "Carpenters and joiners", "Tukang kayu", ["construction"], ["Carpenter"]),
  o("7126", "Plumbers and pipe fitters", "Tukang pipa", ["construction", "merchant_ship"], ["Pipe fitter"]),
  o(
    "7212",
    "Welders and flame cutters",
    "Juru las",
    ["construction", "manufacturing", "merchant_ship"],
    ["Welder", "Tukang las"],
  ),
  o("7213", "Sheet-metal workers", "Pekerja pelat logam", ["construction", "manufacturing"], ["Boilermaker"]),
  o("7214", "Structural-metal preparers and erectors", "Pekerja konstruksi baja", ["construction"], ["Ship plater"]),
  o(
    "7223",
    "Metal working machine tool setters and operators",
    "Operator mesin perkakas logam",
    ["manufacturing"],
    ["CNC operator"],
  ),
  o("7231", "Motor vehicle mechanics and repairers", "Mekanik kendaraan bermotor", ["manufacturing"]),
  o(
    "7233",
    "Agricultural and industrial machinery mechanics and repairers",
    "Mekanik mesin industri",
    ["merchant_ship", "cruise"],
    ["Oiler", "Motorman", "Fitter"],
  ),
  o("7411", "Building and related electricians", "Teknisi listrik bangunan", ["construction"]),
  o("7412", "Electrical mechanics and fitters", "Teknisi listrik", ["merchant_ship", "cruise"], ["Ship electrician"]),
  o(
    "7512",
    "Bakers, pastry-cooks and confectionery makers",
    "Pembuat roti dan kue",
    ["cruise", "hospitality"],
    ["Baker", "Pastry cook"],
  ),
  o("8153", "Sewing machine operators", "Operator mesin jahit", ["manufacturing"]),
  o("8157", "Laundry machine operators", "Operator mesin binatu", ["cruise", "hospitality"], ["Laundry"]),
  o("8182", "Steam engine and boiler operators", "Operator ketel uap", ["merchant_ship"], ["Stoker"]),
  o("8189", "Stationary plant and machine operators not elsewhere classified", "Operator mesin pabrik lainnya", [
    "manufacturing",
  ]),
  o("8212", "Electrical and electronic equipment assemblers", "Perakit peralatan elektronik", ["manufacturing"]),
  o("8219", "Assemblers not elsewhere classified", "Perakit lainnya", ["manufacturing"]),
  o("8322", "Car, taxi and van drivers", "Pengemudi mobil", ["domestic_work"], ["Family driver", "Sopir keluarga"]),
  o(
    "8350",
    "Ships' deck crews and related workers",
    "Awak dek kapal",
    ["merchant_ship", "cruise", "fishing_vessel"],
    ["Able seaman", "Ordinary seaman", "Bosun", "Kelasi"],
  ),
  o(
    "9111",
    "Domestic cleaners and helpers",
    "Pembantu dan pembersih rumah tangga",
    ["domestic_work"],
    ["Housemaid", "Domestic helper", "PRT"],
  ),
  o(
    "9112",
    "Cleaners and helpers in offices, hotels and other establishments",
    "Petugas kebersihan kantor dan hotel",
    ["cruise", "hospitality"],
    ["Room attendant", "Cleaner"],
  ),
  o("9211", "Crop farm labourers", "Buruh tani", ["agriculture"], ["Farm worker", "Fruit picker"]),
  o("9212", "Livestock farm labourers", "Buruh peternakan", ["agriculture"]),
  o("9214", "Garden and horticultural labourers", "Buruh kebun", ["agriculture", "domestic_work"]),
  o("9216", "Fishery and aquaculture labourers", "Buruh perikanan", ["agriculture", "fishing_vessel"]),
  o("9313", "Building construction labourers", "Buruh bangunan", ["construction"]),
  o("9321", "Hand packers", "Pengemas", ["manufacturing"]),
  o("9329", "Manufacturing labourers not elsewhere classified", "Buruh pabrik", ["manufacturing"]),
  o("9412", "Kitchen helpers", "Pembantu dapur", ["cruise", "hospitality"], ["Galley utility", "Kitchen steward"]),
];

/** ILO order: major groups 1–9 by code, then 0 (armed forces). */
const iloOrder = (code: string) => (code.startsWith("0") ? `A${code}` : code);

export const OCCUPATIONS: readonly Occupation[] = [
  ...HAND_PICKED,
  ...MORE_UNIT_GROUPS.map(([code, en, id, sectors]) => ({ code, en, id, sectors, aka: [] })),
].sort((a, b) => (iloOrder(a.code) < iloOrder(b.code) ? -1 : 1));

export const ISCO_CODES = OCCUPATIONS.map((x) => x.code) as [string, ...string[]];
const byCode = new Map(OCCUPATIONS.map((x) => [x.code, x]));
export const occupation = (code: string) => byCode.get(code);
export const occupationTitle = (code: string, locale: "en" | "id") => byCode.get(code)?.[locale] ?? code;

/** The unit groups by major group (first digit), in the ILO's order: for grouping long lists (`<optgroup>`). */
export const OCCUPATION_GROUPS: readonly {
  code: string;
  en: string;
  id: string;
  occupations: readonly Occupation[];
}[] = MAJOR_GROUPS.map((g) => ({ ...g, occupations: OCCUPATIONS.filter((o) => o.code[0] === g.code) }));
/** The major group's title of a unit group ("8121" → "Plant and machine operators, and assemblers"). */
export const majorGroupTitle = (code: string, locale: "en" | "id") =>
  MAJOR_GROUPS.find((g) => g.code === code[0])?.[locale] ?? "";
