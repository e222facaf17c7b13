/**
 * What a document says, independent of how it is drawn. Registry modules build one of these
 * for a birth certificate, an extract, a certified copy…; `renderDocument` lays it out as a
 * Vietnamese administrative document on A4.
 */

/**
 * How a field may appear in the public verification answer: not at all (the default), as
 * printed, as a masked name ("N*** T*** H***"), or as a masked identifier ("*********567").
 */
export type PublicMode = 'hidden' | 'full' | 'maskName' | 'maskId';

/** "Label: value", the value in bold; long values wrap under themselves. */
export interface FieldBlock {
  kind: 'field';
  label: string;
  value: string;
  public?: PublicMode;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  style?: 'regular' | 'bold' | 'italic';
  align?: 'left' | 'center';
  /** Indent the first line, as body paragraphs usually are. */
  indent?: boolean;
}

/** A bold line that opens a group of fields ("Phần khai về cha, mẹ"). */
export interface HeadingBlock {
  kind: 'heading';
  text: string;
}

export interface SpaceBlock {
  kind: 'space';
  /** Points; default half a line. */
  size?: number;
}

export type Block = FieldBlock | ParagraphBlock | HeadingBlock | SpaceBlock;

export interface DocumentSpec {
  /** Top-left: the issuing body ("ỦY BAN NHÂN DÂN" / "XÃ TIÊN DU"), under its parent if any. */
  issuer: { parent?: string; name: string };
  /** Lines under the issuing body: "Số: 125/2026", "Quyển số: 01/2026". */
  numberLines?: string[];
  /** Printed in capitals. */
  title: string;
  /** An italic line under the title ("(Bản chính)"). */
  subtitle?: string;
  blocks: Block[];
  /** "Bắc Ninh, ngày 23 tháng 11 năm 2026". */
  placeDate: { place: string; date: Date | string };
  signature: {
    /** "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH". */
    onBehalf?: string;
    /** "CHỦ TỊCH", "NGƯỜI KÝ". */
    post: string;
    name: string;
  };
  /** Document metadata: subject and keywords for the PDF info dictionary. */
  docType?: string;
}

/** Verification details drawn next to the signature: a QR code and the code in print. */
export interface VerificationMark {
  code: string;
  url: string;
}

export interface RenderOptions {
  verification?: VerificationMark;
  /** Print "(Đã ký số)" in the signature space. */
  digitallySigned?: boolean;
  /** Creation/modification date in the PDF metadata; default now. */
  at?: Date;
}
