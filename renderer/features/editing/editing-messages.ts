/** Messages of open forms whose record changed elsewhere meanwhile (issue 17), Thai first. Keys 'editing.'. */
export const editingMessagesTh = {
  'editing.clash.title': 'มีการแก้ไขจากเครื่องอื่นระหว่างที่คุณกำลังแก้ไข',
  'editing.clash.field': '{field}: ค่าที่บันทึกจากเครื่องอื่นคือ “{theirs}” ค่าที่คุณพิมพ์คือ “{mine}”',
  'editing.clash.takeTheirs': 'ใช้ค่าจากเครื่องอื่น',
  'editing.clash.keepMine': 'ใช้ค่าที่ฉันพิมพ์',
  'editing.clash.hint': 'ถ้าบันทึกโดยยังไม่เลือก ระบบจะเก็บไว้ทั้งสองค่าให้ผู้ประสานงานเลือกในหน้าข้อขัดแย้ง',
  'editing.clash.empty': '(ว่าง)',
  'editing.updated': 'ข้อมูลบางช่องเพิ่งได้รับการแก้ไขจากเครื่องอื่น แบบฟอร์มแสดงค่าล่าสุดแล้ว',
} as const;

export const editingMessagesEn: Record<keyof typeof editingMessagesTh, string> = {
  'editing.clash.title': 'Changed on another device while you were editing',
  'editing.clash.field': '{field}: the other device saved “{theirs}”; you typed “{mine}”',
  'editing.clash.takeTheirs': 'Use the other value',
  'editing.clash.keepMine': 'Keep what I typed',
  'editing.clash.hint': 'If you save without choosing, both values are kept for a coordinator to choose on the conflicts page',
  'editing.clash.empty': '(empty)',
  'editing.updated': 'Some fields were just changed on another device; the form shows the latest values',
};
