// The Thai government document format (ระเบียบงานสารบรรณ) as docx settings: TH Sarabun New 16 pt on A4,
// margins top 2.5 cm, left 3 cm, right and bottom 2 cm. One place for every DOCX the app writes.

export const DOCX_FONT = 'TH Sarabun New';
/** docx sizes are half-points. */
export const SIZE_16PT = 32;
/** Twips per centimetre. */
export const CM = 567;

export const A4_PAGE = {
  size: { width: 11906, height: 16838 },
  margin: { top: Math.round(2.5 * CM), left: 3 * CM, right: 2 * CM, bottom: 2 * CM },
};

/** The width text may use on an A4 page within those margins, in twips. */
export const A4_TEXT_WIDTH = A4_PAGE.size.width - A4_PAGE.margin.left - A4_PAGE.margin.right;

/** The run style every paragraph starts from: Sarabun 16 pt for Thai and Latin script alike. */
export const GOVERNMENT_RUN = { font: { ascii: DOCX_FONT, hAnsi: DOCX_FONT, cs: DOCX_FONT, eastAsia: DOCX_FONT }, size: SIZE_16PT, sizeComplexScript: SIZE_16PT };
