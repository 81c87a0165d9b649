// The renderer's Content-Security-Policy, sent as a header by the app protocol and mirrored in
// renderer/index.html (a test keeps the two equal). style-src allows inline styles because
// wavesurfer.js injects a <style> element into its shadow root; scripts stay 'self' only.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' earmark-media: blob:",
  "connect-src 'self' earmark-media:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ')
