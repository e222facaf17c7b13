import { maskId, maskName, placeDateLine } from './text.js';
import type { DocumentSpec, FieldBlock } from './types.js';

/**
 * The public summary of a document: what someone holding the verification code may see.
 * It is built from the document itself, so it can never say more than the paper does, and a
 * field appears only if its spec opts in (`public: 'full' | 'maskName' | 'maskId'`).
 */
export interface PublicSummary {
  issuer: string;
  numberLines: string[];
  title: string;
  fields: Array<{ label: string; value: string }>;
  placeDate: string;
  signedBy: { onBehalf?: string; post: string; name: string };
}

const nfc = (s: string) => s.normalize('NFC').trim();

function publicValue(field: FieldBlock): string | null {
  switch (field.public ?? 'hidden') {
    case 'full':
      return nfc(field.value);
    case 'maskName':
      return maskName(field.value);
    case 'maskId':
      return maskId(field.value);
    default:
      return null;
  }
}

export function buildPublicSummary(spec: DocumentSpec): PublicSummary {
  const fields: PublicSummary['fields'] = [];
  for (const block of spec.blocks) {
    if (block.kind !== 'field') continue;
    const value = publicValue(block);
    if (value !== null) fields.push({ label: nfc(block.label), value });
  }
  const sig = spec.signature;
  return {
    issuer: [spec.issuer.parent, spec.issuer.name]
      .filter((s): s is string => !!s)
      .map((s) => nfc(s).replace(/\s*\n\s*/g, ' '))
      .join(' — '),
    numberLines: (spec.numberLines ?? []).map(nfc),
    title: nfc(spec.title),
    fields,
    placeDate: placeDateLine(nfc(spec.placeDate.place), spec.placeDate.date),
    signedBy: {
      ...(sig.onBehalf ? { onBehalf: nfc(sig.onBehalf) } : {}),
      post: nfc(sig.post),
      name: nfc(sig.name),
    },
  };
}
