/**
 * The few server-rendered pages of citizen sign-in (the development provider's sign-in and
 * consent pages, the sign-in error page). Plain HTML and an inline stylesheet; no scripts,
 * so they live under the platform's CSP (script-src 'self', form-action 'self').
 */
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:"Be Vietnam Pro",system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;
  background:#f2f4f7;color:#1f2937;line-height:1.5}
header{background:#b91c1c;color:#fff;padding:14px 20px;font-weight:600}
header small{display:block;font-weight:400;opacity:.85}
main{max-width:560px;margin:24px auto;padding:24px;background:#fff;border-radius:8px;
  box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:1.3rem;margin:0 0 4px}
.en{color:#6b7280;font-size:.9rem;margin:0 0 16px}
.notice{background:#fff7e6;border:1px solid #f5c26b;border-radius:6px;padding:10px 12px;font-size:.9rem;margin:0 0 16px}
fieldset{border:0;margin:0;padding:0}
label.choice{display:flex;gap:12px;align-items:flex-start;border:1px solid #d1d5db;border-radius:6px;
  padding:10px 12px;margin:0 0 8px;cursor:pointer}
label.choice:hover{border-color:#b91c1c}
label.choice input{margin-top:5px}
.name{font-weight:600;display:block}
.meta{color:#4b5563;font-size:.9rem}
ul.claims{padding-left:20px}
.actions{display:flex;gap:8px;flex-wrap:wrap;margin-top:16px}
button,a.button{font:inherit;border-radius:6px;padding:8px 18px;border:1px solid #b91c1c;cursor:pointer;
  text-decoration:none;display:inline-block}
.primary{background:#b91c1c;color:#fff}
.secondary{background:#fff;color:#b91c1c}
code{background:#f3f4f6;padding:1px 4px;border-radius:4px}
`;

export function page(title: string, body: string, headerNote = 'Tư pháp số — Định danh điện tử'): string {
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>${escapeHtml(headerNote)}<small>Electronic identity</small></header>
<main>
${body}
</main>
</body>
</html>`;
}
