import QRCode from 'qrcode';
import { useMemo } from 'react';

/** A QR code drawn as SVG squares from its modules (no HTML injected): what a door terminal scans. */
export function PassQr({ text, size = 220 }: { text: string; size?: number }) {
  const cells = useMemo(() => {
    const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    const dark: [number, number][] = [];
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) dark.push([r, c]);
    return { n, dark };
  }, [text]);
  const quiet = 4;
  const span = cells.n + quiet * 2;
  return (
    <svg
      width={size}
      height={size}
      viewBox={`0 0 ${span} ${span}`}
      shapeRendering="crispEdges"
      role="img"
      aria-label="QR"
      data-testid="pass-qr"
    >
      <rect width={span} height={span} fill="#fff" />
      <path fill="#000" d={cells.dark.map(([r, c]) => `M${c + quiet} ${r + quiet}h1v1h-1z`).join('')} />
    </svg>
  );
}
